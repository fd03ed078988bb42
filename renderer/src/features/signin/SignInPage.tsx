import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Avatar, Badge, Box, Button, Center, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconLock, IconArrowLeft } from '@tabler/icons-react';
import { authMethods, type RosterEntry } from '@shared/contract';
import { errorText, localize, useLanguage, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { useContractForm } from '../../ui/form';
import { Brand, LanguageToggle, ParkClock } from '../../ui/chrome';
import { PinPad } from './PinPad';
import { usePark } from '../../app/park';
import { initials } from '../../ui/initials';
import classes from './SignInPage.module.css';
import { Pending } from '../../ui/readFailed';

const pinOnly = authMethods['auth.signIn'].input.pick({ pin: true });

function PinStep({ person, onBack }: { person: RosterEntry; onBack(): void }) {
  const t = useT();
  const { begin } = useSession();
  const { adoptDefault } = useLanguage();
  const signIn = useAction('auth.signIn', ['auth.roster']);
  const queryClient = useQueryClient();
  const form = useContractForm(pinOnly, { defaultValues: { pin: '' }, mode: 'onSubmit' });
  const [refusal, setRefusal] = useState<string>();
  const pinField = form.register('pin');

  useEffect(() => form.setFocus('pin'), [form]);

  const submit = form.handleSubmit(async ({ pin: value }) => {
    setRefusal(undefined);
    try {
      const session = await signIn.mutateAsync({ staffId: person.id, pin: value });
      if (session.staff.language) adoptDefault(session.staff.language);
      begin(session);
    } catch (error) {
      form.setValue('pin', '');
      if (error instanceof ApiError && error.body.code === 'LOCKED') void queryClient.invalidateQueries({ queryKey: ['auth.roster'] });
      setRefusal(error instanceof ApiError ? errorText(t, error.body) : t('errors.INTERNAL'));
      form.setFocus('pin');
    }
  });

  const fieldError = localize(t, form.formState.errors.pin?.message) ?? refusal;
  const setPin = (value: string) => {
    form.setValue('pin', value.replace(/\D/g, '').slice(0, 8));
    form.setFocus('pin');
  };

  return (
    <form onSubmit={submit} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="md" justify="space-between">
          <Stack gap="md">
            <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack} style={{ alignSelf: 'flex-start' }}>
              {t('signIn.chooseOther')}
            </Button>
            <Group gap="md" wrap="nowrap">
              <Avatar size={56} radius="xl" color="park">
                {initials(person.name)}
              </Avatar>
              <Stack gap={0}>
                <Text fw={700} fz={22}>
                  {person.name}
                </Text>
                <Text c="dimmed">
                  {t(`roles.${person.role}`)} · {person.code}
                </Text>
              </Stack>
            </Group>
            <PasswordInput
              {...pinField}
              onChange={(event) => {
                event.currentTarget.value = event.currentTarget.value.replace(/\D/g, '').slice(0, 8);
                return pinField.onChange(event);
              }}
              label={t('signIn.pinFor', { name: person.name })}
              size="lg"
              inputMode="numeric"
              autoComplete="off"
              error={fieldError}
              styles={{ input: { fontSize: 24, letterSpacing: 6 } }}
            />
          </Stack>
          <Button type="submit" size="xl" h={60} loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
        <PinPad
          disabled={signIn.isPending}
          onDigit={(digit) => setPin(form.getValues('pin') + digit)}
          onClear={() => setPin('')}
          onDelete={() => setPin(form.getValues('pin').slice(0, -1))}
        />
      </SimpleGrid>
    </form>
  );
}

/** Who is at the counter: pick yourself, type your PIN. Also the quick switch between clerks. */
export function SignInPage() {
  const t = useT();
  const { info } = usePark();
  const { endedBecause } = useSession();
  const roster = useMethod('auth.roster', {});
  const [chosen, setChosen] = useState<RosterEntry>();
  const notice = endedBecause === 'idle' ? t('errors.sessionExpired') : endedBecause ? errorText(t, endedBecause) : undefined;

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="xl" py="md" bg="white" className={classes.header}>
        <Brand parkName={info.parkName} />
        <Group gap="lg">
          <ParkClock />
          <LanguageToggle />
        </Group>
      </Group>
      <Center p="xl">
        <Paper shadow="sm" radius="lg" p="xl" w="100%" maw={chosen ? 820 : 960} withBorder>
          <Stack gap="lg">
            <Title order={1} fz={26}>
              {chosen ? t('signIn.title') : t('signIn.who')}
            </Title>
            {notice ? (
              <Alert color="yellow" variant="light" role="status">
                {notice}
              </Alert>
            ) : null}
            {chosen ? (
              <PinStep person={chosen} onBack={() => setChosen(undefined)} />
            ) : !roster.data ? (
              <Pending read={roster} />
            ) : roster.data.length === 0 ? (
              <Text c="dimmed">{t('signIn.noStaff')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
                {(roster.data ?? []).map((person) => (
                  <UnstyledButton key={person.id} className={classes.tile} onClick={() => setChosen(person)} data-testid={`tile-${person.code}`}>
                    <Stack gap={6} align="center">
                      <Avatar size={56} radius="xl" color={person.locked ? 'gray' : 'park'} aria-hidden>
                        {initials(person.name)}
                      </Avatar>
                      {/* Up to three lines: a long name reads in full, so two staff who share a first name are told apart. */}
                      <Text fw={700} fz="lg" ta="center" lh={1.25} lineClamp={3} title={person.name}>
                        {person.name}
                      </Text>
                      <Badge variant="light" color={person.locked ? 'red' : 'gray'} leftSection={person.locked ? <IconLock size={12} /> : null}>
                        {person.locked ? t('signIn.locked') : t(`roles.${person.role}`)}
                      </Badge>
                    </Stack>
                  </UnstyledButton>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

