import { useMemo, useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconPencil, IconPlus, IconSearch, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { StaffView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ResetPinModal, StaffModal } from './StaffForm';
import { EmptyRow } from '../../ui/fields';
import { IconAction } from '../../ui/IconAction';

/** Managers add, edit, disable and re-enable staff, and reset PINs. */
export function StaffPage() {
  const t = useT();
  const format = useParkFormat();
  const { session } = useSession();
  const [showInactive, setShowInactive] = useState(false);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffView>();
  const [resetting, setResetting] = useState<StaffView>();
  const [disabling, setDisabling] = useState<StaffView>();
  const list = useMethod('staff.list', { includeInactive: showInactive });
  const update = useAction('staff.update', ['staff.list', 'auth.roster']);

  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return (list.data ?? []).filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.code.toLowerCase().includes(needle));
  }, [list.data, query]);

  const toggle = async (staff: StaffView) => {
    try {
      await update.mutateAsync({ id: staff.id, active: !staff.active });
      notifySuccess(t(staff.active ? 'staff.disabled' : 'staff.enabled', { name: staff.name }));
      setDisabling(undefined);
    } catch (error) {
      notifyError(t, error);
    }
  };


  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('staff.title')}
        </Title>
        <Button size="lg" leftSection={<IconPlus size={20} />} onClick={() => setCreating(true)}>
          {t('staff.add')}
        </Button>
      </Group>
      <Paper withBorder radius="lg" p="md">
        <Group justify="space-between" mb="md">
          <TextInput
            leftSection={<IconSearch size={18} />}
            placeholder={t('staff.searchPlaceholder')}
            aria-label={t('common.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={320}
          />
          <Switch size="md" label={t('staff.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
        </Group>
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.name')}</Table.Th>
              <Table.Th>{t('staff.code')}</Table.Th>
              <Table.Th>{t('staff.role')}</Table.Th>
              <Table.Th>{t('staff.status')}</Table.Th>
              <Table.Th ta="right">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <EmptyRow colSpan={5} read={list}>{list.isLoading ? t('app.loading') : t('staff.empty')}</EmptyRow>
            ) : (
              rows.map((staff) => (
                <Table.Tr key={staff.id} data-testid={`staff-${staff.code}`}>
                  <Table.Td fw={600}>{staff.name}</Table.Td>
                  <Table.Td ff="monospace">{staff.code}</Table.Td>
                  <Table.Td>{t(`roles.${staff.role}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge color={staff.active ? 'teal' : 'gray'} variant="light">
                        {staff.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                      {staff.lockedUntil ? (
                        <Badge color="red" variant="light">
                          {t('staff.lockedUntil', { time: format.time(staff.lockedUntil) })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <IconAction label={t('common.edit')} target={staff.name} onClick={() => setEditing(staff)}>
                        <IconPencil size={20} />
                      </IconAction>
                      <IconAction label={t('staff.resetPin')} target={staff.name} onClick={() => setResetting(staff)}>
                        <IconKey size={20} />
                      </IconAction>
                      {staff.id !== session?.staff.id ? (
                        <IconAction
                          label={staff.active ? t('staff.disable') : t('staff.enable')}
                          target={staff.name}
                          color={staff.active ? 'red' : 'teal'}
                          // Disabling signs them out everywhere: asked first. Enabling again is done at once.
                          onClick={() => (staff.active ? setDisabling(staff) : void toggle(staff))}
                        >
                          {staff.active ? <IconUserOff size={20} /> : <IconUserCheck size={20} />}
                        </IconAction>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {creating ? <StaffModal onClose={() => setCreating(false)} /> : null}
      {editing ? <StaffModal staff={editing} onClose={() => setEditing(undefined)} /> : null}
      {resetting ? <ResetPinModal staff={resetting} onClose={() => setResetting(undefined)} /> : null}
      <Modal opened={disabling !== undefined} onClose={() => setDisabling(undefined)} title={t('staff.disableTitle', { name: disabling?.name ?? '' })} centered>
        <Stack>
          <Text>{t('staff.disableWhat', { name: disabling?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDisabling(undefined)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={update.isPending} onClick={() => disabling && void toggle(disabling)}>
              {t('staff.disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
