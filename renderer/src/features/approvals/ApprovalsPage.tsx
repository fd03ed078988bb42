import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Modal, Paper, PasswordInput, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'wouter';
import { decisionInput, type ApprovalKind, type ApprovalView } from '@shared/contract';
import { groupSizeOfNote } from '@shared/rules/complaints';
import { useLanguage, useT, type T } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { yuanText } from '../../ui/money';
import { notifySuccess } from '../../ui/notify';
import { CalendarCoverageWarning } from '../complaints/CalendarCoverage';
import { TodaySummaryBanner } from '../complaints/SummaryStatus';
import { WaitingComplaintsCard } from '../complaints/WaitingCard';
import { OpenIncidentsCard } from '../incidents/OpenIncidentsCard';
import { LostFoundCard } from '../lostFound/LostFoundCard';

type Decision = 'approve' | 'refuse';
const KIND_COLOR: Record<ApprovalKind, string> = { keptDeposit: 'orange', lostReceiptRefund: 'yellow', damagedReturn: 'red', escalation: 'grape' };
const STATUS_COLOR = { pending: 'yellow', approved: 'teal', refused: 'red' } as const;

function useWhat() {
  const t = useT();
  const { language } = useLanguage();
  return (row: ApprovalView): { title: string; lines: string[] } => {
    if (row.rental) {
      const { rental } = row;
      const money = (fen: number) => yuanText(fen, language);
      const deposit = money(rental.depositFen);
      const condition = t(`rentals.condition.${rental.condition}`);
      const titles: Record<Exclude<ApprovalKind, 'escalation'>, string> = {
        keptDeposit: t('approvals.keep', { kept: money(rental.keptFen), deposit }),
        lostReceiptRefund: t('approvals.refundNoReceipt', { deposit }),
        damagedReturn: t('approvals.refundDamaged', { condition, deposit }),
      };
      return {
        title: row.kind === 'escalation' ? '' : titles[row.kind],
        lines: [
          t('approvals.rentalLine', { receiptNo: rental.receiptNo, unitTag: rental.unitTag, visitor: rental.visitorName }),
          [condition, rental.reason, rental.lostReceipt && row.kind !== 'lostReceiptRefund' ? t('approvals.noReceiptLine') : ''].filter(Boolean).join(' · '),
        ],
      };
    }
    const complaint = row.complaint;
    return {
      title: complaint ? t('approvals.complaintLine', { complaintNo: complaint.complaintNo, category: t(`complaints.categories.${complaint.category}`) }) : '',
      lines: complaint ? [complaint.description, ...(complaint.group ? [t('approvals.groupComplaint')] : []), groupSizeOfNote(complaint.reason) === undefined ? complaint.reason : ''].filter(Boolean) : [],
    };
  };
}

function DecideModal({ row, decision, onClose }: { row: ApprovalView; decision: Decision; onClose(): void }) {
  const t = useT();
  const what = useWhat()(row);
  const decide = useAction('approvals.decide', ['approvals.list', 'rentals.board', 'rentals.list', 'rentals.cash']);
  const form = useContractForm(decisionInput, { defaultValues: { id: row.id, decision, reason: '', pin: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['id', 'reason', 'pin'], decide.mutateAsync, () => {
    notifySuccess(t(decision === 'approve' ? 'approvals.approved' : 'approvals.refused'));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} centered size="lg" title={t('approvals.decideTitle', { decision: t(`approvals.${decision}`), what: what.title })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {what.lines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          {errorOf('id') ? (
            <Text c="red" role="alert">
              {errorOf('id')}
            </Text>
          ) : null}
          <Textarea label={t('approvals.reason')} description={t('approvals.reasonHint')} withAsterisk autosize minRows={2} data-autofocus {...form.register('reason')} error={errorOf('reason')} />
          <PasswordInput label={t('approvals.yourPin')} inputMode="numeric" autoComplete="off" withAsterisk {...form.register('pin')} error={errorOf('pin')} />
          <FormActions onCancel={onClose} submitLabel={t(`approvals.${decision}`)} loading={decide.isPending} color={decision === 'approve' ? 'teal' : 'red'} />
        </Stack>
      </form>
    </Modal>
  );
}

function ApprovalCard({ row, onDecide }: { row: ApprovalView; onDecide(decision: Decision): void }) {
  const t = useT();
  const format = useParkFormat();
  const what = useWhat()(row);
  return (
    <Paper withBorder radius="lg" p="md" component="article" aria-label={what.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={KIND_COLOR[row.kind]} variant="light" size="lg">
              {t(`approvals.kinds.${row.kind}`)}
            </Badge>
            <Badge color={STATUS_COLOR[row.status]} variant="outline">
              {t(`approvals.statuses.${row.status}`)}
            </Badge>
          </Group>
          <Text fw={700} fz="lg">
            {row.complaint ? (
              <Anchor component={Link} href={`/counter/complaints?id=${row.complaint.id}`} fw={700} fz="lg">
                {what.title}
              </Anchor>
            ) : (
              what.title
            )}
          </Text>
          {what.lines.map((line) => (
            <Text key={line} lineClamp={3}>
              {line}
            </Text>
          ))}
          <Text c="dimmed" fz="sm">
            {t('approvals.requestedBy', { name: row.requestedBy.name, time: format.dateTime(row.requestedAt) })}
          </Text>
          {row.decidedBy && row.decidedAt !== null ? (
            <Text fz="sm">
              {t('approvals.decidedBy', { status: t(`approvals.statuses.${row.status}`), name: row.decidedBy.name, time: format.dateTime(row.decidedAt), reason: row.decisionReason ?? '' })}
            </Text>
          ) : null}
        </Stack>
        {row.status === 'pending' ? (
          <Stack gap="xs" style={{ flexShrink: 0 }}>
            <Button size="lg" color="teal" leftSection={<IconCheck />} onClick={() => onDecide('approve')}>
              {t('approvals.approve')}
            </Button>
            <Button size="lg" variant="light" color="red" leftSection={<IconX />} onClick={() => onDecide('refuse')}>
              {t('approvals.refuse')}
            </Button>
          </Stack>
        ) : null}
      </Group>
    </Paper>
  );
}

function emptyText(t: T, view: 'pending' | 'decided'): string {
  return t(view === 'pending' ? 'approvals.emptyPending' : 'approvals.emptyDecided');
}

/**
 * The duty manager's home: what waits on them. Today's complaint summary and its 20:30 clock on top;
 * the approvals, decided with their PIN and a reason; beside them the incidents not closed (with
 * their 30-minute notification) and the complaints at their level; a missing official calendar said
 * first.
 */
export function ApprovalsPage() {
  const t = useT();
  const [view, setView] = useState<'pending' | 'decided'>('pending');
  const list = useMethod('approvals.list', { view });
  const [deciding, setDeciding] = useState<{ row: ApprovalView; decision: Decision }>();
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={1} fz={28}>
            {t('approvals.title')}
          </Title>
          {list.data ? (
            <Badge size="xl" color={list.data.pending > 0 ? 'orange' : 'gray'} variant="light">
              {t('approvals.pendingCount', { count: list.data.pending })}
            </Badge>
          ) : null}
        </Group>
        <SegmentedControl
          size="md"
          value={view}
          onChange={(value) => setView(value === 'decided' ? 'decided' : 'pending')}
          data={[
            { value: 'pending', label: t('approvals.views.pending') },
            { value: 'decided', label: t('approvals.views.decided') },
          ]}
        />
      </Group>
      <CalendarCoverageWarning
        action={
          <Anchor component={Link} href="/manager/complaints" fw={600} mt={4}>
            {t('approvals.home.calendar')} →
          </Anchor>
        }
      />
      <TodaySummaryBanner />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <Stack gap="md" component="section" aria-label={t('approvals.title')} data-testid="approvals">
            {list.data?.rows.length === 0 ? (
              <Paper withBorder radius="lg" p="xl">
                <Text c="dimmed" ta="center">
                  {emptyText(t, view)}
                </Text>
              </Paper>
            ) : null}
            {list.data?.rows.map((row) => <ApprovalCard key={row.id} row={row} onDecide={(decision) => setDeciding({ row, decision })} />)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <Stack gap="lg">
            <OpenIncidentsCard />
            <WaitingComplaintsCard />
            <LostFoundCard />
          </Stack>
        </Grid.Col>
      </Grid>
      {deciding ? <DecideModal row={deciding.row} decision={deciding.decision} onClose={() => setDeciding(undefined)} /> : null}
    </Stack>
  );
}
