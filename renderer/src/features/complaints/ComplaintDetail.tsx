import { useState } from 'react';
import { Alert, Badge, Button, Center, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconArrowBigUpLines,
  IconCheck,
  IconMessageCircle,
  IconPencil,
  IconPhoneCall,
  IconSearch,
  IconSend,
  IconSpeakerphone,
  IconUserCheck,
  IconUsersGroup,
  IconX,
} from '@tabler/icons-react';
import { complaintTimeline, OFFICIAL_CHANNELS, type ComplaintStep, type ComplaintView } from '@shared/contract';
import { stepRefusal } from '@shared/rules/complaints';
import { formatParkDateTime } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { newClientRef } from '../../ui/clientRef';
import { useParkNow } from '../../ui/deadline';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ReportPdfPanel } from '../../ui/ReportPdfPanel';
import { ComplaintClocks } from './Clocks';
import { EditComplaintForm } from './ComplaintForm';
import { COMPLAINT_READS, Fact, isOpen, LevelBadge, SeverityBadge, StatusBadge, useDepartmentName } from './parts';
import { EscalateModal, nextLevel, StepModal } from './StepForms';

/** The step that naturally comes next, offered as the big button. */
const PRIMARY: Partial<Record<ComplaintView['status'], ComplaintStep>> = {
  received: 'investigate',
  investigating: 'respond',
  responded: 'followUp',
  followedUp: 'close',
};
/** The other steps offered (closing is offered before a response too: the core refuses it and says why). */
const SECONDARY: Partial<Record<ComplaintView['status'], readonly ComplaintStep[]>> = {
  received: ['respond', 'close'],
  investigating: ['close'],
  responded: ['close'],
};
const STEP_ICONS = { investigate: IconSearch, respond: IconMessageCircle, reportResult: IconSend, followUp: IconPhoneCall, close: IconCheck, withdraw: IconX } as const;

/** A forwarded complaint whose result is still to be reported back, once it has been responded to (as the core allows it). */
export function resultToReport(complaint: ComplaintView): boolean {
  const forwarded = OFFICIAL_CHANNELS.includes(complaint.channel);
  return stepRefusal('reportResult', { status: complaint.status, forwarded, resultReported: forwarded && complaint.handling?.doneAt !== null }) === undefined;
}

/** The steps offered: the natural next one first; a forwarded complaint's result report comes before the rest. */
function offeredSteps(complaint: ComplaintView): { primary: ComplaintStep | undefined; secondary: readonly ComplaintStep[] } {
  const primary = PRIMARY[complaint.status];
  const secondary = SECONDARY[complaint.status] ?? [];
  if (!resultToReport(complaint)) return { primary, secondary };
  return { primary: 'reportResult', secondary: [...(primary ? [primary] : []), ...secondary] };
}

function ComplaintTimeline({ complaint }: { complaint: ComplaintView }) {
  const t = useT();
  const { info } = usePark();
  const list = complaintTimeline(t, complaint);
  return (
    <Timeline bulletSize={18} lineWidth={2} active={list.length - 1} data-testid="complaint-timeline">
      {list.map((entry) => (
        <Timeline.Item key={entry.key} title={<Text fw={700}>{entry.title}</Text>}>
          {entry.note ? (
            <Text fz="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.note}
            </Text>
          ) : null}
          <Text fz="sm" c="dark.4">
            {formatParkDateTime(entry.at, info.timeZone)}
            {entry.who ? ` · ${entry.who}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

type Dialog = { kind: 'step'; step: ComplaintStep } | { kind: 'escalate'; to: 'dutyManager' | 'leadership' } | { kind: 'edit' } | undefined;

/** One complaint: its clocks, the actions its status allows, the complete record, and the timeline. */
export function ComplaintDetail({ complaint }: { complaint: ComplaintView }) {
  const t = useT();
  const { info } = usePark();
  const now = useParkNow(5_000);
  const departmentName = useDepartmentName();
  const [dialog, setDialog] = useState<Dialog>();
  // A new reference after each summons: the next one is a new slip, not the last one's answer again.
  const [summonRef, setSummonRef] = useState(newClientRef);
  const summon = useAction('complaints.summon', [...COMPLAINT_READS, 'paging.queue', 'paging.list']);
  const arrived = useAction('paging.arrived', [...COMPLAINT_READS, 'paging.queue', 'paging.list']);
  const makePdf = useAction('complaints.pdf');
  const open = isOpen(complaint);
  const { primary, secondary } = offeredSteps(complaint);
  const up = nextLevel(complaint.level);
  // A summons whose slip was closed without the head arriving may be made again.
  const canSummon = open && (complaint.summon === null || complaint.summon.endedAt !== null);
  const waitingHead = open && complaint.summon !== null && complaint.summon.calledAt !== null && complaint.summon.arrivedAt === null && complaint.summon.endedAt === null;

  const stepButton = (step: ComplaintStep, main: boolean) => {
    const Icon = STEP_ICONS[step];
    return (
      <Button key={step} size={main ? 'lg' : 'md'} variant={main ? 'filled' : 'default'} leftSection={<Icon size={main ? 22 : 18} />} onClick={() => setDialog({ kind: 'step', step })}>
        {t(`complaints.stepActions.${step}`)}
      </Button>
    );
  };

  return (
    <Stack gap="md" data-testid="complaint-detail" data-status={complaint.status}>
      <Group gap="xs">
        <StatusBadge status={complaint.status} size="xl" />
        <LevelBadge level={complaint.level} />
        <SeverityBadge severity={complaint.severity} />
        {complaint.group ? (
          <Badge size="lg" variant="light" color="violet" leftSection={<IconUsersGroup size={14} />}>
            {t('complaints.ui.groupOf', { count: complaint.groupSize ?? 0 })}
          </Badge>
        ) : null}
      </Group>

      {open ? (
        <Stack gap="xs">
          <Group gap="sm">
            {primary ? stepButton(primary, true) : null}
            {secondary.map((step) => stepButton(step, false))}
          </Group>
          <Group gap="sm">
            {up ? (
              <Button variant="light" color="violet" leftSection={<IconArrowBigUpLines size={18} />} onClick={() => setDialog({ kind: 'escalate', to: up })}>
                {t('complaints.actions.escalateTo', { level: t(`complaints.levels.${up}`) })}
              </Button>
            ) : null}
            {up === 'dutyManager' ? (
              <Button variant="subtle" color="violet" onClick={() => setDialog({ kind: 'escalate', to: 'leadership' })}>
                {t('complaints.actions.skipToLeadership')}
              </Button>
            ) : null}
            <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setDialog({ kind: 'edit' })}>
              {t('common.edit')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => setDialog({ kind: 'step', step: 'withdraw' })}>
              {t('complaints.stepActions.withdraw')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" variant="light">
          {t('complaints.ui.finished', { status: t(`complaints.statuses.${complaint.status}`) })}
        </Alert>
      )}

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} fz="lg">
            {t('complaints.ui.clocksTitle')}
          </Title>
          <ComplaintClocks complaint={complaint} now={now} />
          {canSummon ? (
            <Stack gap={4}>
              <Button
                size="lg"
                color="orange"
                variant="light"
                leftSection={<IconSpeakerphone size={22} />}
                disabled={complaint.department === null}
                loading={summon.isPending}
                onClick={() =>
                  summon.mutateAsync({ id: complaint.id, clientRef: summonRef }).then(
                    () => {
                      setSummonRef(newClientRef());
                      notifySuccess(t('complaints.messages.summoned', { department: departmentName(complaint.department, '') }));
                    },
                    (error: unknown) => {
                      setSummonRef(newClientRef());
                      notifyError(t, error);
                    },
                  )
                }
              >
                {t('complaints.actions.summon')}
              </Button>
              <Text fz="sm" c="dark.4">
                {complaint.department === null ? t('complaints.errors.noDepartment') : t('complaints.summon.hint', { department: departmentName(complaint.department, '') })}
              </Text>
            </Stack>
          ) : null}
          {waitingHead && complaint.summon ? (
            <Button
              size="lg"
              color="teal"
              variant="light"
              leftSection={<IconUserCheck size={22} />}
              loading={arrived.isPending}
              onClick={() =>
                arrived.mutateAsync({ id: complaint.summon?.pagingId ?? 0 }).then(
                  () => notifySuccess(t('complaints.messages.headArrived')),
                  (error: unknown) => notifyError(t, error),
                )
              }
            >
              {t('complaints.actions.headArrived')}
            </Button>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} fz="lg">
            {t('complaints.ui.recordTitle')}
          </Title>
          <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
            <Fact label={t('complaints.fields.channel')}>
              {t(`complaints.channels.${complaint.channel}`)}
              {complaint.externalRef ? ` · ${complaint.externalRef}` : ''}
            </Fact>
            <Fact label={t('complaints.fields.receivedAt')}>
              {formatParkDateTime(complaint.receivedAt, info.timeZone)} · {complaint.receivedBy?.name ?? ''}
            </Fact>
            <Fact label={t('complaints.fields.complainantName')}>{complaint.complainantName}</Fact>
            <Fact label={t('complaints.fields.phone')}>{complaint.phone ?? '—'}</Fact>
            {complaint.group ? (
              <>
                <Fact label={t('complaints.fields.groupSize')}>{complaint.groupSize ?? '—'}</Fact>
                <Fact label={t('complaints.fields.representative')}>{complaint.representative || '—'}</Fact>
              </>
            ) : null}
            <Fact label={t('complaints.fields.place')}>{complaint.place}</Fact>
            <Fact label={t('complaints.fields.happenedAt')}>{formatParkDateTime(complaint.happenedAt, info.timeZone)}</Fact>
            <Fact label={t('complaints.fields.category')}>{t(`complaints.categories.${complaint.category}`)}</Fact>
            <Fact label={t('complaints.fields.department')}>{departmentName(complaint.department, t('complaints.ui.noDepartment'))}</Fact>
            <Fact label={t('complaints.fields.description')} wide>
              {complaint.description}
            </Fact>
            <Fact label={t('complaints.fields.request')} wide>
              {complaint.request || '—'}
            </Fact>
            {complaint.lastSummaryDate ? <Fact label={t('complaints.ui.lastSummary')}>{complaint.lastSummaryDate}</Fact> : null}
          </SimpleGrid>
          <ReportPdfPanel make={(copy) => makePdf.mutateAsync({ id: complaint.id, copy })} labels={{ file: 'complaints.actions.recordFile', visitor: 'complaints.actions.recordVisitor' }} />
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} fz="lg">
            {t('complaints.ui.timelineTitle')}
          </Title>
          <ComplaintTimeline complaint={complaint} />
        </Stack>
      </Paper>

      {dialog?.kind === 'step' ? <StepModal complaint={complaint} step={dialog.step} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'escalate' ? <EscalateModal complaint={complaint} to={dialog.to} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'edit' ? <EditComplaintForm complaint={complaint} onClose={() => setDialog(undefined)} /> : null}
    </Stack>
  );
}

/** The app header's height (AppShell's 76, scaled): the drawer opens below it, so the clock, the connection and the language stay at hand. */
const HEADER = 'calc(4.75rem * var(--mantine-scale))';

/** The complaint in a drawer over the list, kept live by the complaint and paging events. */
export function ComplaintDrawer({ id, onClose }: { id: number | undefined; onClose(): void }) {
  const t = useT();
  const complaint = useMethod('complaints.get', { id: id ?? 0 }, { enabled: id !== undefined });
  const data = id !== undefined && complaint.data?.id === id ? complaint.data : undefined;
  return (
    <Drawer
      opened={id !== undefined}
      onClose={onClose}
      position="right"
      size={780}
      padding="lg"
      styles={{ inner: { top: HEADER, height: `calc(100% - ${HEADER})` }, overlay: { top: HEADER } }}
      title={
        <Text ff="monospace" fw={800} fz={24} data-testid="detail-number">
          {data?.complaintNo ?? ''}
        </Text>
      }
    >
      {data ? (
        <ComplaintDetail complaint={data} />
      ) : complaint.error ? (
        <Alert color="red">{t(complaint.error.body.message, complaint.error.body.params)}</Alert>
      ) : (
        <Center py="xl">
          <Loader role="status" aria-label={t('app.loading')} />
        </Center>
      )}
    </Drawer>
  );
}
