import { useState } from 'react';
import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { PRINT_KINDS, type PrintJobStatus, type PrintJobView } from '@shared/contract/printing';
import { useT, type T } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow } from '../../ui/fields';
import { useParkNow } from '../../ui/deadline';
import { notifyOutcome } from '../../ui/notify';
import { printerErrorText } from './PrinterBadge';
import { ReprintButton } from './ReprintButton';

const STATUS_COLORS: Record<PrintJobStatus, string> = { queued: 'yellow', printing: 'blue', printed: 'teal', failed: 'red' };

function kindName(t: T, job: PrintJobView): string {
  const kind = PRINT_KINDS.find((known) => known === job.kind) ?? 'other';
  const name = t(`printer.jobs.kinds.${kind}`);
  return job.copy > 0 ? `${name} · ${t('printer.jobs.copy', { copy: job.copy })}` : name;
}

/** A printout that needs someone: failed and not set aside, or still waiting for the printer. */
const needsAttention = (job: PrintJobView) => (job.status === 'failed' && job.dismissedAt === null) || job.status === 'queued' || job.status === 'printing';

/**
 * Every printout of the counter, newest first, live: failed ones in red with why (and a way to set
 * them aside once dealt with), waiting ones with their retries, and a reprint on each printed one.
 */
export function PrintoutsPanel() {
  const t = useT();
  const format = useParkFormat();
  const now = useParkNow(1000);
  const [trouble, setTrouble] = useState(false);
  const jobs = useMethod('printer.jobs', { limit: 100 });
  const dismiss = useAction('printer.dismiss', ['printer.jobs', 'printer.status']);
  const rows = (jobs.data ?? []).filter((job) => !trouble || needsAttention(job));

  const state = (job: PrintJobView) => {
    if (job.status === 'failed') {
      return job.dismissedAt === null ? (
        <Text c="red.8" fz="sm" fw={600}>
          {job.lastError ? printerErrorText(t, job.lastError) : ''}
        </Text>
      ) : (
        <Text c="dimmed" fz="sm">
          {t('printer.jobs.dismissed', { time: format.time(job.dismissedAt) })}
        </Text>
      );
    }
    if (job.status === 'printed') return job.printedAt === null ? null : <Text fz="sm">{t('printer.jobs.printedAt', { time: format.time(job.printedAt) })}</Text>;
    if (job.attempts === 0) return <Text fz="sm">{t('printer.jobs.firstTry')}</Text>;
    return (
      <Stack gap={0}>
        <Text fz="sm" fw={600} c="orange.9">
          {t('printer.jobs.retry', { attempts: job.attempts, seconds: Math.max(0, Math.ceil((job.nextAttemptAt - now) / 1000)) })}
        </Text>
        {job.lastError ? (
          <Text fz="sm" c="dimmed">
            {printerErrorText(t, job.lastError)}
          </Text>
        ) : null}
      </Stack>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text c="dimmed">{t('printer.jobs.hint')}</Text>
        <Switch label={t('printer.jobs.showAll')} checked={trouble} onChange={(event) => setTrouble(event.currentTarget.checked)} />
      </Group>
      <Table verticalSpacing="sm" fz="md" aria-label={t('printer.jobs.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('printer.jobs.what')}</Table.Th>
            <Table.Th>{t('printer.jobs.ref')}</Table.Th>
            <Table.Th>{t('printer.jobs.created')}</Table.Th>
            <Table.Th>{t('printer.jobs.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !jobs.isLoading ? <EmptyRow read={jobs} colSpan={5}>{t('printer.jobs.empty')}</EmptyRow> : null}
          {rows.map((job) => {
            const open = job.status === 'failed' && job.dismissedAt === null;
            return (
              <Table.Tr key={job.id} data-testid={`printout-${job.id}`} data-status={job.status} bg={open ? 'red.0' : job.status === 'queued' && job.attempts > 0 ? 'yellow.0' : undefined}>
                <Table.Td fw={600}>{kindName(t, job)}</Table.Td>
                <Table.Td ff="monospace">{job.ref ?? '—'}</Table.Td>
                <Table.Td>{format.time(job.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Badge color={STATUS_COLORS[job.status]} variant={open ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
                      {t(`printer.jobs.status.${job.status}`)}
                    </Badge>
                    {state(job)}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {job.status === 'printed' ? (
                      <ReprintButton variant="light" jobId={job.id} label={t('printer.jobs.reprint')} done={t('printer.jobs.reprinted')} aria-label={`${t('printer.jobs.reprint')} ${job.ref ?? job.id}`} />
                    ) : null}
                    {open ? (
                      <Button
                        size="sm"
                        variant="light"
                        color="red"
                        leftSection={<IconArchive size={18} />}
                        loading={dismiss.isPending}
                        aria-label={`${t('printer.jobs.dismiss')} ${job.ref ?? job.id}`}
                        onClick={() => void notifyOutcome(t, dismiss.mutateAsync({ jobId: job.id }), t('printer.jobs.dismissedDone'))}
                      >
                        {t('printer.jobs.dismiss')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
