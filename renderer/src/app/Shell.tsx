import { useEffect, useState } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AppShell, Avatar, Group, Menu, Modal, NavLink, PasswordInput, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useIdle, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout, IconDoorExit, IconUsersGroup } from '@tabler/icons-react';
import { BROADCAST, COUNTER, staffMethods, systemMethods, type RosterEntry } from '@shared/contract';
import { ACTIVITY_EVENTS, ACTIVITY_REPORT_MS } from '@shared/rules/sessions';
import { MINUTE } from '@shared/rules/time';
import type { Api } from '../api/client';
import { useT } from './i18n';
import { usePark } from './park';
import { useApi, useSession } from './session';
import { groupsFor, HOME } from './sections';
import { SectionBadge, useSectionClocks } from './sectionClocks';
import { useAction, useMethod } from '../api/hooks';
import { useContractForm, useFieldErrors, useFormSubmit } from '../ui/form';
import { notifySuccess } from '../ui/notify';
import { FormActions, SelectField } from '../ui/fields';
import { initials } from '../ui/initials';
import { PrinterBadge } from '../features/printing/PrinterBadge';
import { ProgrammeReminder } from '../features/programme/ProgrammeReminder';
import { PagingAlerts } from '../features/paging/PagingAlerts';
import { SummaryReminder } from '../features/complaints/SummaryStatus';
import { Brand, ConnectionBadge, LanguageToggle, ParkClock } from '../ui/chrome';

/**
 * Below Mantine's lg breakpoint (1200 px: a 1024 touch kiosk) the menu is a rail of icons, each over
 * its name in small type (global.css), so the pages keep their width.
 */
const NAV_RAIL_WIDTH = 104;

function ChangePinModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  const change = useAction('auth.changePin');
  const form = useContractForm(staffMethods['auth.changePin'].input, { defaultValues: { currentPin: '', newPin: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['currentPin', 'newPin'], change.mutateAsync, () => {
    notifySuccess(t('signIn.pinChanged'));
    form.reset();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('signIn.changePin')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput label={t('signIn.currentPin')} inputMode="numeric" data-autofocus {...form.register('currentPin')} error={errorOf('currentPin')} />
          <PasswordInput label={t('signIn.newPin')} inputMode="numeric" {...form.register('newPin')} error={errorOf('newPin')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function LeaveKioskModal({ opened, onClose, roster }: { opened: boolean; onClose(): void; roster: RosterEntry[] }) {
  const t = useT();
  const leave = useAction('system.leaveKiosk');
  const form = useContractForm(systemMethods['system.leaveKiosk'].input, { defaultValues: { pin: '' } });
  const errorOf = useFieldErrors(form);
  const managers = roster.filter((person) => person.role === 'manager' || person.role === 'admin');
  const submit = useFormSubmit(form, ['staffId', 'pin'], leave.mutateAsync, () => {
    notifySuccess(t('kiosk.left'));
    form.reset();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('kiosk.leaveTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('kiosk.leaveHint')}</Text>
          <SelectField
            form={form}
            name="staffId"
            label={t('roles.manager')}
            data={managers.map((m) => ({ value: String(m.id), label: `${m.name} (${m.code})` }))}
            parse={Number}
          />
          <PasswordInput label={t('staff.pin')} inputMode="numeric" {...form.register('pin')} error={errorOf('pin')} />
          <FormActions onCancel={onClose} submitLabel={t('kiosk.leave')} loading={leave.isPending} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * While someone works at this screen (typing a long complaint makes no call), the core hears of it
 * at most every 30 s, so its idle clock follows this screen's and a form being filled in is never
 * refused as idle. A report that finds the session already ended ends it here too.
 */
function useActivityReport(api: Api): void {
  useEffect(() => {
    // Signing in was the last the core heard of this screen.
    let last = Date.now();
    const report = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_REPORT_MS) return;
      last = now;
      api.call('auth.me', {}).catch(() => undefined);
    };
    for (const event of ACTIVITY_EVENTS) document.addEventListener(event, report, { passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) document.removeEventListener(event, report);
    };
  }, [api]);
}

/** The signed-in app: header (park, clock, connection, language, who), the role's sections, the page. */
/**
 * The sections of the menu, each with its clocks beside it (counter staff and managers; not the
 * broadcast room). Its own component: the clocks' ticking and reads re-render the menu alone, never
 * the screen it leads to.
 */
function MainMenu({ groups, clocksFor }: { groups: ReturnType<typeof groupsFor>; clocksFor: boolean }) {
  const t = useT();
  const [location, navigate] = useLocation();
  const clocks = useSectionClocks(clocksFor);
  return (
    <ScrollArea>
      <Stack gap="md">
        {groups.map((group) => (
          <Stack key={group.label} gap={4}>
            <Text fw={700} c="dimmed" tt="uppercase" data-nav-group>
              {t(group.label)}
            </Text>
            {group.sections.map((section) => (
              <NavLink
                key={section.path}
                href={`#${section.path}`}
                active={location === section.path}
                label={t(section.label)}
                leftSection={<section.icon size={22} />}
                rightSection={<SectionBadge alert={clocks[section.path]} />}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(section.path);
                }}
                styles={{ root: { minHeight: 44, borderRadius: 'var(--mantine-radius-md)' } }}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}

export function Shell() {
  const t = useT();
  const { info } = usePark();
  const api = useApi();
  const { session, end, connection, transport } = useSession();
  const [location] = useLocation();
  const [pinOpen, setPinOpen] = useState(false);
  const [kioskOpen, setKioskOpen] = useState(false);
  const roster = useMethod('auth.roster', {}, { enabled: kioskOpen });
  // The limit as the core says it now: a manager's change reaches screens already signed in.
  const me = useMethod('auth.me', {});
  const idleMinutes = me.data?.idleSignOutMinutes ?? session?.idleSignOutMinutes ?? 10;
  const idle = useIdle(idleMinutes * MINUTE, { initialState: false, events: [...ACTIVITY_EVENTS] });
  useActivityReport(api);
  // Below 1200 px (a 1024 touch kiosk) the header keeps its room for the clock and the language.
  const narrow = useMediaQuery('(max-width: 74.99em)');

  const signOut = async (reason?: 'idle') => {
    try {
      await api.call('auth.signOut', {});
    } catch {
      // Signed out locally either way; the counter ends the session when it times out.
    }
    end(reason);
  };

  useEffect(() => {
    if (idle) void signOut('idle');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the idle flag should trigger this
  }, [idle]);


  if (!session) return null;
  const { staff } = session;
  const groups = groupsFor(staff.role);
  const allPaths = groups.flatMap((group) => group.sections.map((section) => section.path));

  return (
    <AppShell header={{ height: 76 }} navbar={{ width: { base: NAV_RAIL_WIDTH, lg: 248 }, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="lg" data-narrow={narrow || undefined}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Brand parkName={info.parkName} />
          <Group gap="md" wrap="nowrap">
            <ProgrammeReminder />
            <SummaryReminder />
            <PrinterBadge />
            <ConnectionBadge state={connection} />
            <ParkClock />
            <LanguageToggle />
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" mih={44} style={{ flexShrink: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar color="park" radius="xl" aria-hidden>
                      {initials(staff.name)}
                    </Avatar>
                    <Stack gap={0}>
                      <Text fw={700} lh={1.2}>
                        {staff.name}
                      </Text>
                      <Text fz="sm" c="dimmed" lh={1.2}>
                        {t(`roles.${staff.role}`)}
                      </Text>
                    </Stack>
                    <IconChevronDown size={18} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconUsersGroup size={18} />} onClick={() => void signOut()}>
                  {t('signIn.switchUser')}
                </Menu.Item>
                <Menu.Item leftSection={<IconKey size={18} />} onClick={() => setPinOpen(true)}>
                  {t('signIn.changePin')}
                </Menu.Item>
                {transport.kind === 'ipc' && info.kioskMode ? (
                  <Menu.Item leftSection={<IconDoorExit size={18} />} onClick={() => setKioskOpen(true)}>
                    {t('kiosk.leave')}
                  </Menu.Item>
                ) : null}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconLogout size={18} />} onClick={() => void signOut()}>
                  {t('signIn.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.mainMenu')}>
        <MainMenu groups={groups} clocksFor={COUNTER.includes(staff.role)} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Switch>
          {groups.flatMap((group) =>
            group.sections.map((section) => (
              <Route key={section.path} path={section.path}>
                <section.Page />
              </Route>
            )),
          )}
          <Route>
            <Redirect to={allPaths.includes(location) ? location : HOME[staff.role]} replace />
          </Route>
        </Switch>
      </AppShell.Main>
      <ChangePinModal opened={pinOpen} onClose={() => setPinOpen(false)} />
      <LeaveKioskModal opened={kioskOpen} onClose={() => setKioskOpen(false)} roster={roster.data ?? []} />
      {BROADCAST.includes(staff.role) ? <PagingAlerts /> : null}
    </AppShell>
  );
}
