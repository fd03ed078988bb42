import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Modal, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseExport, IconEraser, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { RETENTION_KINDS, restoreInput, type BackupView, type RetentionCounts } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow, FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';

const total = (counts: RetentionCounts) => RETENTION_KINDS.reduce((sum, kind) => sum + counts[kind], 0);

function useSize() {
  const { language } = useLanguage();
  const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return (bytes: number) => format.format(bytes / 1_048_576);
}

function RestoreModal({ backup, onClose }: { backup: BackupView; onClose(): void }) {
  const t = useT();
  const format = useParkFormat();
  const { end } = useSession();
  const restore = useAction('backups.restore');
  const form = useContractForm(restoreInput, { defaultValues: { name: backup.name, pin: '' } });
  const errorOf = useFieldErrors(form);
  // The sign-in screen that follows says it: "Backup restored. Please sign in again."
  const submit = useFormSubmit(form, ['name', 'pin'], restore.mutateAsync, () => {
    onClose();
    end({ code: 'UNAUTHENTICATED', message: 'maintenance.restored' });
  });
  return (
    <Modal opened onClose={onClose} title={t('maintenance.restoreTitle', { name: backup.name })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="orange" icon={<IconAlertTriangle />}>
            {t('maintenance.restoreWarning', { when: format.dateTime(backup.at) })}
          </Alert>
          {errorOf('name') && (
            <Text c="red" role="alert">
              {errorOf('name')}
            </Text>
          )}
          <PasswordInput label={t('maintenance.yourPin')} inputMode="numeric" autoComplete="off" withAsterisk data-autofocus {...form.register('pin')} error={errorOf('pin')} />
          <FormActions onCancel={onClose} submitLabel={t('maintenance.restoreConfirm')} loading={restore.isPending} color="orange" />
        </Stack>
      </form>
    </Modal>
  );
}

function BackupsCard() {
  const t = useT();
  const format = useParkFormat();
  const size = useSize();
  const state = useMethod('backups.list', {});
  const run = useAction('backups.run', ['backups.list']);
  const [restoring, setRestoring] = useState<BackupView>();
  const data = state.data;

  const backUp = async () => {
    try {
      const written = await run.mutateAsync({});
      notifySuccess(t('maintenance.written', { name: written.name }));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('maintenance.title')}>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Text fw={600}>{t('maintenance.folder')}</Text>
          <Code fz="sm">{data?.folder ?? '…'}</Code>
          {data && (
            <Text c="dimmed" fz="sm">
              {t('maintenance.keep', { count: data.keep })} · {data.lastAt === null ? t('maintenance.never') : t('maintenance.lastAt', { when: format.dateTime(data.lastAt) })} ·{' '}
              {t('maintenance.nextDue', { when: format.time(data.nextDueAt) })}
            </Text>
          )}
        </Stack>
        <Button size="lg" leftSection={<IconDatabaseExport />} loading={run.isPending} onClick={() => void backUp()}>
          {t('maintenance.runNow')}
        </Button>
      </Group>
      {data?.problem && (
        <Alert color="red" icon={<IconAlertTriangle />} mb="md" role="alert">
          {t('maintenance.problem', { detail: data.problem })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="sm" aria-label={t('maintenance.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('maintenance.columns.when')}</Table.Th>
              <Table.Th>{t('maintenance.columns.reason')}</Table.Th>
              <Table.Th>{t('maintenance.columns.size')}</Table.Th>
              <Table.Th>{t('maintenance.columns.rentals')}</Table.Th>
              <Table.Th>{t('maintenance.columns.checked')}</Table.Th>
              <Table.Th>{t('maintenance.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.rows.length === 0 || state.error) && <EmptyRow read={state} colSpan={6}>{t('maintenance.empty')}</EmptyRow>}
            {data?.rows.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>
                  <Text fw={600}>{format.dateTime(row.at)}</Text>
                  <Text fz="xs" c="dimmed">
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`maintenance.reasons.${row.reason}`)}</Table.Td>
                <Table.Td>{size(row.bytes)}</Table.Td>
                <Table.Td>{row.rentals}</Table.Td>
                <Table.Td>
                  <Badge color="teal" variant="light" leftSection={<IconShieldCheck size={14} />}>
                    {t('maintenance.checkedOk')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button variant="light" color="orange" leftSection={<IconRestore size={18} />} onClick={() => setRestoring(row)} aria-label={`${t('maintenance.restore')} ${row.name}`}>
                    {t('maintenance.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {restoring && <RestoreModal backup={restoring} onClose={() => setRestoring(undefined)} />}
    </Paper>
  );
}

function RetentionCard() {
  const t = useT();
  const format = useParkFormat();
  const state = useMethod('retention.status', {});
  const run = useAction('retention.run', ['retention.status']);
  const data = state.data;

  const erase = async () => {
    try {
      const erased = await run.mutateAsync({});
      notifySuccess(t('maintenance.retentionDone', { count: total(erased) }));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('maintenance.retentionTitle')}>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4} maw={720}>
          <Title order={2} fz="xl">
            {t('maintenance.retentionTitle')}
          </Title>
          {data && <Text>{t('maintenance.retentionWhat', { days: data.days })}</Text>}
          {data && (
            <Text c="dimmed" fz="sm">
              {data.lastRunAt === null || data.lastErased === null
                ? t('maintenance.retentionNever')
                : t('maintenance.retentionLast', { when: format.dateTime(data.lastRunAt), count: total(data.lastErased) })}
            </Text>
          )}
        </Stack>
        <Button size="lg" variant="light" leftSection={<IconEraser />} loading={run.isPending} disabled={!data || total(data.due) === 0} onClick={() => void erase()}>
          {t('maintenance.retentionRun')}
        </Button>
      </Group>
      {data && (
        <>
          <Text fw={600} mb="xs">
            {t('maintenance.retentionDue', { count: total(data.due) })}
          </Text>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {RETENTION_KINDS.map((kind) => (
              <Paper key={kind} withBorder radius="md" p="sm">
                <Text fz="sm" c="dimmed">
                  {t(`maintenance.kinds.${kind}`)}
                </Text>
                <Text fz="xl" fw={700}>
                  {data.due[kind]}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </>
      )}
    </Paper>
  );
}

/** The manager's backups (written hourly and at the day close, each checked) and personal-data retention. */
export function BackupsPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <Title order={1} fz={28}>
        {t('maintenance.title')}
      </Title>
      <BackupsCard />
      <RetentionCard />
    </Stack>
  );
}
