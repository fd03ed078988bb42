import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCircleCheck, IconClockHour8, IconFileTypeCsv, IconFileTypePdf, IconLock, IconPrinter } from '@tabler/icons-react';
import { complaintsMethods, type SummaryView } from '@shared/contract';
import { isMessageKey } from '@shared/i18n';
import { summaryAsClosed, summaryState, SUMMARY_REMINDER_MS, type SummaryState } from '@shared/rules/complaints';
import { parkDate } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useApi } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { DeadlineBadge, useParkNow, useWhen } from '../../ui/deadline';
import { EmptyRow } from '../../ui/fields';
import { notifyError, notifySuccess } from '../../ui/notify';
import { COMPLAINT_READS, StatusBadge, useDepartmentName } from './parts';
import { printPdf, saveCsv, savePdf } from '../../ui/download';
import { DateField } from '../../ui/dates';
import { Pending } from '../../ui/readFailed';

/** The summary's state now: a live one follows the park clock (20:00 reminder, 20:30 late); a closed one is fixed. */
export function liveState(summary: SummaryView, now: number): SummaryState {
  return summary.closedAt === null ? summaryState(now, summary.deadlineAt, null) : summary.state;
}

const BANNER = {
  open: { color: 'gray', variant: 'light', icon: IconClockHour8 },
  reminder: { color: 'yellow', variant: 'light', icon: IconAlarm },
  late: { color: 'red', variant: 'filled', icon: IconAlertTriangle },
  closed: { color: 'teal', variant: 'light', icon: IconCircleCheck },
  closedLate: { color: 'red', variant: 'light', icon: IconLock },
} as const;

/** Where the day's summary stands, in words and colour: due by 20:30, the 20:00 reminder, late, closed, closed late. */
export function SummaryBanner({ summary, now, action }: { summary: SummaryView; now: number; action?: ReactNode }) {
  const t = useT();
  const when = useWhen();
  const state = liveState(summary, now);
  const style = BANNER[state];
  const Icon = style.icon;
  const closedAt = summary.closedAt === null ? '' : t('complaints.summary.closedAt', { time: when(summary.closedAt, now), name: summary.closedBy?.name ?? '' });
  const message = {
    open: t('complaints.summary.dueBy', { time: summary.deadline }),
    reminder: t('complaints.summary.reminder', { time: summary.deadline }),
    late: t('complaints.summary.late', { time: summary.deadline }),
    closed: closedAt,
    closedLate: closedAt,
  }[state];
  return (
    <Alert color={style.color} variant={style.variant} icon={<Icon size={26} />} data-testid="summary-state" data-state={state} role={state === 'late' || state === 'reminder' ? 'alert' : 'status'}>
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Text fw={700} fz="lg" c={style.variant === 'filled' ? 'white' : undefined}>
            {t('complaints.ui.summaryOf', { date: summary.date })} — {message}
          </Text>
          {state === 'closed' || state === 'closedLate' ? (
            <Text fz="sm" c={style.variant === 'filled' ? 'white' : undefined}>
              {t('complaints.summary.fixed')}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          {/* While the summary is open its clock runs in the one clock language: time left, then overdue. */}
          {state === 'open' || state === 'reminder' || state === 'late' ? <DeadlineBadge deadline={summary.deadlineAt} warnMs={SUMMARY_REMINDER_MS} now={now} /> : null}
          {state === 'closedLate' ? (
            <Badge size="xl" color="red" variant="filled" data-testid="closed-late">
              {t('complaints.summary.closedLate')}
            </Badge>
          ) : null}
          {action}
        </Group>
      </Group>
    </Alert>
  );
}

function Figure({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="sm" c="dark.4">
        {label}
      </Text>
      <Text fz={34} fw={800} lh={1.2} c={tone} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Counts({ record, prefix }: { record: Record<string, number>; prefix: 'categories' | 'statuses' }) {
  const t = useT();
  const entries = Object.entries(record);
  if (entries.length === 0) return <Text c="dark.4">—</Text>;
  return (
    <Group gap={4}>
      {entries.map(([key, count]) => {
        const label = `complaints.${prefix}.${key}`;
        return (
          <Badge key={key} variant="light" color={prefix === 'categories' ? 'blue' : 'gray'} size="md">
            {isMessageKey(label) ? t(label) : key} {count}
          </Badge>
        );
      })}
    </Group>
  );
}

function DepartmentTable({ summary }: { summary: SummaryView }) {
  const t = useT();
  const closed = summary.closedAt !== null;
  const departmentName = useDepartmentName();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="sm" fz="md" striped data-testid="summary-departments" style={{ tableLayout: 'fixed' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="16%">{t('complaints.ui.department')}</Table.Th>
            <Table.Th w="8%">{t('complaints.summaryPdf.count')}</Table.Th>
            <Table.Th w="18%">{t('complaints.summaryPdf.categories')}</Table.Th>
            <Table.Th w="18%">{t('complaints.summaryPdf.statuses')}</Table.Th>
            <Table.Th w="10%">{t('complaints.summaryPdf.stillOpen')}</Table.Th>
            <Table.Th>{t('complaints.ui.complaintsColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.departments.length === 0 ? <EmptyRow colSpan={6}>{t('complaints.ui.summaryEmpty')}</EmptyRow> : null}
          {summary.departments.map((department) => (
            <Table.Tr key={department.departmentId ?? 'none'} style={{ verticalAlign: 'top' }}>
              <Table.Td fw={700}>{departmentName(department.departmentId === null ? null : department, t('complaints.ui.noDepartment'))}</Table.Td>
              <Table.Td fw={700}>{department.count}</Table.Td>
              <Table.Td>
                <Counts record={department.categories} prefix="categories" />
              </Table.Td>
              <Table.Td>
                <Counts record={department.statuses} prefix="statuses" />
              </Table.Td>
              <Table.Td fw={700} c={department.open > 0 ? 'orange.9' : undefined}>
                {department.open}
              </Table.Td>
              <Table.Td>
                <List spacing={6} listStyleType="none" fz="md">
                  {department.done.map((done) => (
                    <List.Item key={done.complaintNo}>
                      {/* Its status goes under the number when the column is narrow (1024): cut, it read "Re". */}
                      <Group gap={6} align="flex-start">
                        <Text ff="monospace" fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                          {done.complaintNo}
                        </Text>
                        <StatusBadge status={done.status} size="md" />
                      </Group>
                      {/* What the department is told of; summaries closed before it was kept have none. */}
                      {done.description !== null ? (
                        <Text fz="sm" c="dimmed" lineClamp={2} title={done.description} style={{ overflowWrap: 'anywhere' }}>
                          {done.place ? t('complaints.ui.placeLine', { place: done.place, text: done.description }) : done.description}
                        </Text>
                      ) : null}
                      {done.request ? (
                        <Text fz="sm" lineClamp={2} title={done.request} style={{ overflowWrap: 'anywhere' }}>
                          {t('complaints.ui.requestLine', { text: done.request })}
                        </Text>
                      ) : null}
                      <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {done.summary ? t('complaints.ui.doneLine', { text: done.summary }) : t('complaints.ui.nothingYet')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
                {department.feedback.length > 0 ? (
                  <Stack gap={4} mt={department.done.length > 0 ? 'sm' : 0} data-testid="summary-feedback">
                    <Text fz="sm" fw={700} c={department.departmentId === null && !closed ? 'orange.9' : 'dark.4'}>
                      {/* With no department they are left out of the close: said where they are listed. */}
                      {department.departmentId === null && !closed ? t('complaints.feedback.inSummaryWaiting') : t('complaints.feedback.inSummary')}
                    </Text>
                    {department.feedback.map((line) => (
                      <Text key={line.id} fz="sm" style={{ overflowWrap: 'anywhere' }} lineClamp={3} title={line.text}>
                        <Text span ff="monospace" fw={700}>
                          {line.ref}
                        </Text>{' '}
                        {t(`complaints.feedback.kinds.${line.kind}`)} · {line.text}
                      </Text>
                    ))}
                  </Stack>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** PDF (A4) and CSV of the day's summary, for all departments or one, as downloads; the PDF printed too. */
function Downloads({ summary }: { summary: SummaryView }) {
  const t = useT();
  const api = useApi();
  const departmentName = useDepartmentName();
  const [which, setWhich] = useState<string>('all');
  const [pending, setPending] = useState<'pdf' | 'print' | 'csv'>();
  const options = [
    { value: 'all', label: t('complaints.summaryPdf.allDepartments') },
    ...summary.departments.flatMap((d) => (d.departmentId === null ? [] : [{ value: String(d.departmentId), label: departmentName(d, '') }])),
  ];
  const chosen = options.some((o) => o.value === which) ? which : 'all';
  const input = { date: summary.date, ...(chosen === 'all' ? {} : { departmentId: Number(chosen) }) };
  const download = async (kind: 'pdf' | 'print' | 'csv') => {
    setPending(kind);
    try {
      if (kind === 'pdf') {
        const file = await api.call('complaints.summary.pdf', input);
        savePdf(file.fileName, file.base64);
      } else if (kind === 'print') {
        const file = await api.call('complaints.summary.pdf', input);
        await printPdf(file.fileName, file.base64);
      } else {
        const file = await api.call('complaints.summary.csv', input);
        saveCsv(file.fileName, file.csv);
      }
    } catch (error) {
      notifyError(t, error);
    } finally {
      setPending(undefined);
    }
  };
  return (
    <Group align="flex-end" gap="sm">
      <Select label={t('complaints.ui.exportFor')} data={options} value={chosen} onChange={(value) => setWhich(value ?? 'all')} allowDeselect={false} w={260} />
      <Button variant="default" leftSection={<IconFileTypePdf size={20} />} loading={pending === 'pdf'} disabled={pending !== undefined && pending !== 'pdf'} onClick={() => void download('pdf')}>
        {t('complaints.actions.downloadPdf')}
      </Button>
      <Button variant="default" leftSection={<IconPrinter size={20} />} loading={pending === 'print'} disabled={pending !== undefined && pending !== 'print'} onClick={() => void download('print')}>
        {t('complaints.actions.printPdf')}
      </Button>
      <Button variant="default" leftSection={<IconFileTypeCsv size={20} />} loading={pending === 'csv'} disabled={pending !== undefined && pending !== 'csv'} onClick={() => void download('csv')}>
        {t('complaints.actions.downloadCsv')}
      </Button>
    </Group>
  );
}

/** Closing is for good: the counts, the lateness, and the remarks that go with it, confirmed once more. */
function CloseConfirm({ summary, state, remarks, onClose }: { summary: SummaryView; state: SummaryState; remarks: string; onClose(): void }) {
  const t = useT();
  const close = useAction('complaints.summary.close', COMPLAINT_READS);
  // What the close feeds back: those with no department wait (see summaryAsClosed).
  const fedBack = summaryAsClosed(summary).feedbackTotal;
  const leftOut = summary.feedbackTotal - fedBack;
  return (
    <Modal opened onClose={onClose} title={t('complaints.ui.closeTitle', { date: summary.date })} centered size="lg">
      <Stack gap="md">
        <Text>{t('complaints.ui.closeBody', { total: summary.total, open: summary.open })}</Text>
        {fedBack > 0 ? <Text>{t('complaints.feedback.closeLine', { count: fedBack })}</Text> : null}
        {leftOut > 0 ? <Text c="orange.9">{t('complaints.feedback.closeLeftOut', { count: leftOut })}</Text> : null}
        {remarks.trim() ? (
          <Paper withBorder radius="md" p="sm">
            <Text fz="sm" c="dark.4">
              {t('complaints.fields.remarks')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{remarks.trim()}</Text>
          </Paper>
        ) : null}
        <Text fw={600}>{t('complaints.summary.fixed')}</Text>
        {state === 'late' ? (
          <Alert color="red" icon={<IconAlertTriangle size={20} />}>
            {t('complaints.ui.closeLateWarning', { time: summary.deadline })}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={state === 'late' ? 'red' : undefined}
            leftSection={<IconLock size={20} />}
            loading={close.isPending}
            onClick={() =>
              close.mutateAsync({ date: summary.date, remarks }).then(
                (result) => {
                  onClose();
                  notifySuccess(t(result.state === 'closedLate' ? 'complaints.messages.summaryClosedLate' : 'complaints.messages.summaryClosed', { date: result.date }));
                },
                (error: unknown) => {
                  onClose();
                  notifyError(t, error);
                },
              )
            }
          >
            {t('complaints.summary.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Complaints and opinions in the summary with no department responsible: the feedback goes to no
 * one. Before the close, the manager is told which, to set their department (the summary follows at
 * once); opinions with none are left out of the close.
 */
function Unassigned({ summary, closed }: { summary: SummaryView; closed: boolean }) {
  const t = useT();
  const none = summary.departments.find((department) => department.departmentId === null);
  const numbers = none?.done.map((done) => done.complaintNo) ?? [];
  const refs = none?.feedback.map((line) => line.ref) ?? [];
  if (closed || numbers.length + refs.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={20} />} data-testid="summary-unassigned">
      <Stack gap={4}>
        {numbers.length > 0 ? <Text fz="md">{t('complaints.summary.unassigned', { count: numbers.length, numbers: numbers.join(t('audit.detailList')) })}</Text> : null}
        {refs.length > 0 ? <Text fz="md">{t('complaints.feedback.unassigned', { count: refs.length, refs: refs.join(t('audit.detailList')) })}</Text> : null}
      </Stack>
    </Alert>
  );
}

/**
 * One day's summary: where it stands with the one big "close the summary" action beside it, the
 * figures, the departments, the remarks (read-only once closed), and the exports.
 */
function SummaryDay({ summary, now, future }: { summary: SummaryView; now: number; future: boolean }) {
  const t = useT();
  const [remarks, setRemarks] = useState(summary.remarks);
  const [confirming, setConfirming] = useState(false);
  const save = useAction('complaints.summary.remarks', COMPLAINT_READS);
  const state = liveState(summary, now);
  const closed = summary.closedAt !== null;
  const dirty = remarks.trim() !== summary.remarks;
  const late = state === 'late';
  return (
    <>
      <SummaryBanner
        summary={summary}
        now={now}
        action={
          closed || future ? null : (
            <Button size="lg" h={52} variant={late ? 'white' : 'filled'} color={late ? 'red' : undefined} leftSection={<IconLock size={22} />} onClick={() => setConfirming(true)}>
              {t('complaints.summary.close')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 3, md: 5 }} spacing="md">
        <Figure label={t('complaints.summaryPdf.total')} value={summary.total} testId="summary-total" />
        <Figure label={t('complaints.summary.received')} value={summary.received} testId="summary-received" />
        <Figure label={t('complaints.summary.carriedOver')} value={summary.carriedOver} testId="summary-carried" />
        <Figure label={t('complaints.summary.open')} value={summary.open} testId="summary-open" tone={summary.open > 0 ? 'orange.9' : undefined} />
        {/* What the close feeds back: those with no department wait (named above the table). */}
        <Figure label={t('complaints.feedback.inSummary')} value={summaryAsClosed(summary).feedbackTotal} testId="summary-feedback-total" />
      </SimpleGrid>
      <Paper withBorder radius="lg" p="md">
        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('complaints.ui.byDepartment')}
          </Title>
          <Unassigned summary={summary} closed={closed} />
          <DepartmentTable summary={summary} />
        </Stack>
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Stack gap="sm">
          <Textarea
            label={t('complaints.fields.remarks')}
            description={closed ? t('complaints.summary.fixed') : t('complaints.ui.remarksHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={closed && !remarks ? '—' : remarks}
            readOnly={closed}
            onChange={(e) => setRemarks(e.currentTarget.value)}
            maxLength={complaintsMethods['complaints.summary.remarks'].input.shape.remarks.maxLength ?? undefined}
          />
          {closed ? null : (
            <Group>
              <Button
                variant="default"
                disabled={!dirty}
                loading={save.isPending}
                onClick={() =>
                  save.mutateAsync({ date: summary.date, remarks }).then(
                    () => notifySuccess(t('complaints.messages.remarksSaved')),
                    (error: unknown) => notifyError(t, error),
                  )
                }
              >
                {t('complaints.actions.saveRemarks')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Stack gap="xs">
          <Title order={2} fz="xl">
            {t('complaints.ui.exportTitle')}
          </Title>
          <Downloads summary={summary} />
        </Stack>
      </Paper>
      {confirming ? <CloseConfirm summary={summary} state={state} remarks={remarks} onClose={() => setConfirming(false)} /> : null}
    </>
  );
}

/** The duty manager's daily summary for a date (today by default): by department, remarks, close by 20:30, PDF and CSV. */
export function SummaryPanel() {
  const t = useT();
  const { info } = usePark();
  const now = useParkNow(10_000);
  const today = parkDate(now, info.timeZone);
  // Always a real `YYYY-MM-DD`: the field is not clearable, and a typed text that is no date changes nothing.
  const [date, setDate] = useState(today);
  const summary = useMethod('complaints.summary', { date });
  const data = summary.data?.date === date ? summary.data : undefined;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <DateField label={t('complaints.ui.summaryDate')} value={date} max={today} onChange={setDate} w={220} />
        <Button variant="default" disabled={date === today} onClick={() => setDate(today)}>
          {t('complaints.ui.today')}
        </Button>
      </Group>
      {data ? <SummaryDay key={`${data.date}-${data.closedAt ?? 'open'}`} summary={data} now={now} future={data.date > today} /> : <Pending read={summary} />}
    </Stack>
  );
}
