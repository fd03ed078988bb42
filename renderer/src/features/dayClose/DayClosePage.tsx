import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypePdf, IconLock, IconPrinter } from '@tabler/icons-react';
import { Link } from 'wouter';
import { closeDayInput, type AttentionKind, type DayChecklist } from '@shared/contract';
import { parkDate, stateReadAfter } from '@shared/rules/time';
import { errorText, useLanguage, useT } from '../../app/i18n';
import { usePark, useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { notifyError, notifySuccess } from '../../ui/notify';
import { printPdf, savePdf } from '../../ui/download';
import { CashCount } from './CashCount';
import { DateField } from '../../ui/dates';
import { durationText, useParkNow } from '../../ui/deadline';

/** Where each item needing attention is acted on. */
const ACT_ON: Record<AttentionKind, string> = {
  summaryNotClosed: '/manager/complaints',
  summaryLate: '/manager/complaints',
  complaintsOverdue: '/counter/complaints',
  rentalsOverdue: '/counter/rentals',
  cashNotCounted: '/manager/day-close#cash',
  cashDifference: '/manager/day-close#cash',
  handoverOverdue: '/counter/lost-found',
  valuablesNotVerified: '/counter/lost-found',
  valuablesNotAnnounced: '/counter/lost-found',
  pagingLateHeads: '/counter/paging',
  pagingContactLate: '/counter/paging',
  incidentsNotNotified: '/counter/incidents',
  incidentsNotifiedLate: '/counter/incidents',
  unitsNotInspected: '/counter/rentals',
  programmeChecksMissed: '/broadcast/programme',
  noBackupToday: '/manager/backups',
};

/** Four figures side by side where their card is wide enough for a sum of money among them, else two by two. */
const FOUR_FIGURES = { base: 2, '34rem': 4 };

function Figure({ label, value, alert }: { label: string; value: ReactNode; alert?: boolean }) {
  return (
    <Stack gap={0}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={alert ? 'red.8' : undefined} component="div">
        {value}
      </Text>
    </Stack>
  );
}

interface NamedLine {
  ref: string;
  text: string;
}

/** Records past their deadline (or, `overdue` false, merely open), each by its reference; a capped list says how many more there are. */
function Named({ title, kind, lines, more = 0, overdue = true }: { title: string; kind: string; lines: NamedLine[]; more?: number; overdue?: boolean }) {
  const t = useT();
  if (lines.length === 0) return null;
  return (
    <Stack gap={2} mt="sm" data-testid={`named-${kind}`}>
      <Text fw={700} c={overdue ? 'red.8' : undefined}>
        {title}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.ref}>
              <Table.Td ff="monospace" fw={600} w="34%">
                {line.ref}
              </Table.Td>
              <Table.Td>{line.text}</Table.Td>
            </Table.Tr>
          ))}
          {more > 0 ? (
            <Table.Tr>
              <Table.Td colSpan={2} c="dark.4">
                {t('dayClose.named.more', { count: more })}
              </Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A section of the day; a `wide` one (a table with its buttons) takes the whole row. */
function Card({ title, id, children, href, wide }: { title: string; id?: string; children: ReactNode; href?: string; wide?: boolean }) {
  const t = useT();
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label={title} id={id} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {href ? (
          <Anchor component={Link} href={href} fz="sm">
            {t('dayClose.act')} →
          </Anchor>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}

/** Closed, the day is printed for the file at once (A4, the system's printer); a failed print leaves the close done. */
function CloseModal({ day, onClose, onClosed }: { day: DayChecklist; onClose(): void; onClosed(date: string): void }) {
  const t = useT();
  const close = useAction('dayClose.close', ['dayClose.checklist', 'dayClose.cash', 'backups.list']);
  const form = useContractForm(closeDayInput, { defaultValues: { date: day.date, remarks: '', pin: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['date', 'remarks', 'pin'], close.mutateAsync, () => {
    notifySuccess(t('dayClose.closed', { date: day.date }));
    onClose();
    onClosed(day.date);
  });
  return (
    <Modal opened onClose={onClose} centered size="lg" title={t('dayClose.closeTitle', { date: day.date })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t('dayClose.closeWarning')}</Text>
          {day.attention.length > 0 ? (
            <Alert color="orange" icon={<IconAlertTriangle />}>
              {t('dayClose.closeWithAttention', { count: day.attention.length })}
            </Alert>
          ) : null}
          {errorOf('date') ? (
            <Text c="red" role="alert">
              {errorOf('date')}
            </Text>
          ) : null}
          <Textarea label={t('dayClose.remarks')} autosize minRows={2} {...form.register('remarks')} error={errorOf('remarks')} />
          <PasswordInput label={t('dayClose.yourPin')} inputMode="numeric" autoComplete="off" withAsterisk data-autofocus {...form.register('pin')} error={errorOf('pin')} />
          <FormActions onCancel={onClose} submitLabel={t('dayClose.closeConfirm')} loading={close.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function Checklist({ day }: { day: DayChecklist }) {
  const t = useT();
  const format = useParkFormat();
  const { language } = useLanguage();
  const { info } = usePark();
  const flagged = new Set(day.attention.map((item) => item.kind));
  /** A time on the day itself, or the date and time when another day. */
  const when = (at: number) => (parkDate(at, info.timeZone) === day.date ? format.time(at) : format.dateTime(at));
  const share = day.paging.shareWithin5 === null ? '—' : `${Math.round(day.paging.shareWithin5 * 100)}%`;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Card title={t('dayClose.sections.complaints')} href="/manager/complaints">
        {/* The state reads in full (未完成：即将到时 is wider than a third of the card at 1280). */}
        <Group gap={48} align="flex-start">
          <Figure
            label={t('dayClose.figures.state')}
            value={
              <Badge
                size="lg"
                color={day.complaints.state === 'closed' ? 'teal' : day.complaints.state === 'open' ? 'gray' : day.complaints.state === 'reminder' ? 'yellow' : 'red'}
                data-testid="day-summary-state"
              >
                {t(`dayClose.summaryStates.${day.complaints.state}`)}
              </Badge>
            }
          />
          <Figure label={t('dayClose.figures.total')} value={day.complaints.total} />
          <Figure label={t('dayClose.figures.open')} value={day.complaints.open} />
        </Group>
        <Text fz="sm" c="dimmed" mt="xs">
          {t('dayClose.figures.dueBy', { time: format.time(day.complaints.deadlineAt) })}
        </Text>
        <Named
          title={t('dayClose.named.overdueComplaints')}
          kind="complaints"
          lines={day.complaints.overdue.map((row) => ({ ref: row.complaintNo, text: `${row.clocks.map((clock) => t(`complaints.clocks.${clock}`)).join('; ')} · ${when(row.dueAt)}` }))}
        />
      </Card>
      <Card title={t('dayClose.sections.rentals')} href="/counter/rentals">
        <SimpleGrid type="container" cols={FOUR_FIGURES}>
          <Figure label={t('dayClose.figures.rentedToday')} value={day.rentals.rentedToday} />
          <Figure label={t('dayClose.figures.returnedToday')} value={day.rentals.returnedToday} />
          <Figure label={t('dayClose.figures.out')} value={`${day.rentals.out}`} alert={day.rentals.overdue > 0} />
          <Figure label={t('dayClose.figures.held')} value={<Money fen={day.rentals.heldFen} fz="xl" fw={700} />} />
        </SimpleGrid>
        <Named
          title={`${t('dayClose.named.overdueRentals')} (${day.rentals.overdue})`}
          kind="rentals"
          lines={day.rentals.overdueList.map((row) => ({ ref: row.receiptNo, text: `${row.unitTag} · ${row.visitorName} · ${t('dayClose.named.due', { time: when(row.dueAt) })}` }))}
          more={day.rentals.overdueMore}
        />
      </Card>
      {/* The count's table keeps its "counted by" and its buttons in sight at 1280. */}
      <Card title={t('dayClose.sections.cash')} id="cash" wide>
        <CashCount date={day.date} />
      </Card>
      <Card title={t('dayClose.sections.lostFound')} href="/counter/lost-found">
        <SimpleGrid type="container" cols={FOUR_FIGURES}>
          <Figure label={t('dayClose.figures.receivedToday')} value={day.lostFound.receivedToday} />
          <Figure label={t('dayClose.figures.lfReturned')} value={day.lostFound.returnedToday} />
          <Figure label={t('dayClose.figures.dueThisWeek')} value={day.lostFound.dueThisWeek} />
          <Figure label={t('dayClose.figures.handoverOverdue')} value={day.lostFound.overdue} alert={day.lostFound.overdue > 0} />
        </SimpleGrid>
        <Named
          title={t('dayClose.named.overdueItems')}
          kind="lostFound"
          lines={day.lostFound.overdueItems.map((item) => ({
            ref: item.itemNo,
            text: `${t(`lostFound.categories.${item.category}`)} · ${item.description} · ${t('dayClose.named.handoverBy', { date: when(item.handoverDueBy) })}`,
          }))}
        />
      </Card>
      <Card title={t('dayClose.sections.paging')} href="/counter/paging">
        <SimpleGrid cols={3}>
          <Figure label={t('dayClose.figures.pagingTotal')} value={day.paging.total} />
          <Figure label={t('dayClose.figures.within5')} value={`${day.paging.contactedWithin5} (${share})`} />
          <Figure label={t('dayClose.figures.lateHeads')} value={day.paging.lateHeads} alert={day.paging.lateHeads > 0} />
        </SimpleGrid>
        <Named
          title={t('dayClose.named.lateContacts')}
          kind="pagingContacts"
          lines={day.paging.lateContactList.map((slip) => ({
            ref: slip.ref,
            text: [
              t(`paging.kinds.${slip.kind}`),
              t('dayClose.named.registered', { time: when(slip.registeredAt) }),
              slip.contactedAt === null
                ? t('dayClose.named.notContacted', { duration: durationText(t, slip.lateMinutes) })
                : t('dayClose.named.contactedLate', { time: when(slip.contactedAt), duration: durationText(t, slip.lateMinutes) }),
            ].join(' · '),
          }))}
        />
        <Named
          title={t('dayClose.named.lateHeads')}
          kind="paging"
          lines={day.paging.lateHeadList.map((head) => ({
            ref: head.ref,
            text: [
              language === 'en' ? head.departmentEn : head.department,
              t('dayClose.named.called', { time: when(head.calledAt) }),
              head.arrivedAt === null ? t('dayClose.named.notArrived', { duration: durationText(t, head.lateMinutes) }) : t('dayClose.named.arrivedLate', { time: when(head.arrivedAt), duration: durationText(t, head.lateMinutes) }),
            ].join(' · '),
          }))}
        />
      </Card>
      <Card title={t('dayClose.sections.incidents')} href="/counter/incidents">
        <SimpleGrid type="container" cols={FOUR_FIGURES}>
          <Figure label={t('dayClose.figures.active')} value={day.incidents.active} />
          <Figure label={t('dayClose.figures.inTime')} value={day.incidents.notifiedInTime} />
          <Figure label={t('dayClose.figures.notifiedLate')} value={day.incidents.notifiedLate} alert={day.incidents.notifiedLate > 0} />
          <Figure label={t('dayClose.figures.notNotified')} value={day.incidents.notNotified} alert={day.incidents.notNotified > 0} />
        </SimpleGrid>
        <Named
          title={t('dayClose.named.lateIncidents')}
          kind="incidents"
          lines={day.incidents.overdueList.map((row) => ({
            ref: row.refNo,
            text: [
              t(`incidents.nature.${row.nature}`),
              t('dayClose.named.reported', { time: when(row.receivedAt) }),
              t(`dayClose.named.incidentNotice.${row.notice}`, { duration: durationText(t, row.minutes) }),
              ...(row.toNotify.length > 0 ? [t('dayClose.named.toNotify', { parties: row.toNotify.map((party) => t(`incidents.party.${party}`)).join(t('audit.detailList')) })] : []),
            ].join(' · '),
          }))}
          more={day.incidents.overdueMore}
        />
        {/* Titled: an incident late to notify is named above too, and without a title the two lists read as four incidents. */}
        {day.incidents.rows.length > 0 ? (
          <Stack gap={2} mt="sm" data-testid="active-incidents">
            <Text fw={700}>{t('dayClose.named.activeIncidents')}</Text>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {day.incidents.rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td ff="monospace">{row.refNo}</Table.Td>
                    <Table.Td>{t(`incidents.nature.${row.nature}`)}</Table.Td>
                    <Table.Td c={row.notice === 'overdue' || row.notice === 'late' ? 'red.8' : undefined}>{t(`dayClose.notices.${row.notice}`)}</Table.Td>
                    <Table.Td>{t(`incidents.status.${row.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </Card>
      <Card title={t('dayClose.sections.equipment')} href="/counter/rentals">
        <SimpleGrid cols={2}>
          <Figure label={t('dayClose.figures.underRepair')} value={day.equipment.underRepair} />
          <Figure label={t('dayClose.figures.notInspected')} value={day.equipment.notInspected} alert={flagged.has('unitsNotInspected')} />
        </SimpleGrid>
        <Named
          title={t('dayClose.named.notInspected')}
          kind="notInspected"
          lines={day.equipment.notInspectedList.map((unit) => ({ ref: unit.tag, text: language === 'en' ? unit.typeNameEn : unit.typeNameZh }))}
          more={day.equipment.notInspectedMore}
        />
        <Named
          title={t('dayClose.named.underRepair')}
          kind="repair"
          overdue={false}
          lines={day.equipment.repairList.map((unit) => ({
            ref: unit.tag,
            text: [language === 'en' ? unit.typeNameEn : unit.typeNameZh, unit.fault, unit.since === null ? null : t('dayClose.named.repairSince', { time: when(unit.since) })]
              .filter((part): part is string => Boolean(part))
              .join(' · '),
          }))}
          more={day.equipment.repairMore}
        />
      </Card>
      <Card title={t('dayClose.sections.programme')} href="/broadcast/programme">
        <SimpleGrid type="container" cols={FOUR_FIGURES}>
          <Figure label={t('dayClose.figures.slots')} value={day.programme.slots} />
          <Figure label={t('dayClose.figures.checksInTime')} value={day.programme.checksInTime} />
          <Figure label={t('dayClose.figures.checksMissed')} value={day.programme.checksMissed} alert={day.programme.checksMissed > 0} />
          <Figure label={t('dayClose.figures.aired')} value={day.programme.aired} />
        </SimpleGrid>
      </Card>
      <Card title={t('dayClose.sections.services')} href="/counter/info">
        <SimpleGrid type="container" cols={FOUR_FIGURES} data-testid="day-services">
          <Figure label={t('dayClose.figures.enquiries')} value={day.services.enquiries} />
          <Figure label={t('dayClose.figures.printed')} value={day.services.printed} />
          {day.services.handouts.map((item) => (
            <Figure key={item.nameZh} label={language === 'en' ? item.nameEn : item.nameZh} value={item.count} />
          ))}
        </SimpleGrid>
      </Card>
      <Card title={t('dayClose.sections.backups')} href="/manager/backups">
        <Figure label={t('dayClose.figures.lastBackup')} value={day.backups.lastAt === null ? t('dayClose.figures.none') : format.dateTime(day.backups.lastAt)} alert={flagged.has('noBackupToday')} />
      </Card>
    </SimpleGrid>
  );
}

/** A day read or closed after it ended: says that the figures of what is out and held are of that later moment. */
function StateAfterDay({ day }: { day: DayChecklist }) {
  const t = useT();
  const format = useParkFormat();
  const { info } = usePark();
  const now = useParkNow();
  const readAt = stateReadAfter(day.date, day.closed?.at ?? now, info.timeZone);
  if (readAt === null) return null;
  return (
    <Alert color="orange" data-testid="state-after-day">
      {t('dayClose.stateAfterDay', { at: format.dateTime(readAt), date: day.date })}
    </Alert>
  );
}

/** The duty manager walks through the day, acts on what is open, and closes it once. */
export function DayClosePage() {
  const t = useT();
  const format = useParkFormat();
  const [date, setDate] = useState('');
  const day = useMethod('dayClose.checklist', date ? { date } : {}, { refetchInterval: 15_000 });
  const report = useAction('dayClose.report');
  const printed = useAction('dayClose.report');
  const [closing, setClosing] = useState(false);
  const data = day.data;

  const download = async () => {
    if (!data) return;
    try {
      const pdf = await report.mutateAsync({ date: data.date });
      savePdf(pdf.fileName, pdf.base64);
    } catch (error) {
      notifyError(t, error);
    }
  };
  const print = async (reportDate: string) => {
    try {
      const pdf = await printed.mutateAsync({ date: reportDate });
      await printPdf(pdf.fileName, pdf.base64);
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={1} fz={28}>
            {t('dayClose.title')}
          </Title>
          <DateField label={t('dayClose.dateLabel')} value={date || data?.date || ''} max={data?.date && !date ? data.date : undefined} onChange={setDate} />
        </Group>
        {data?.closed ? (
          <Group gap="sm">
            <Button size="lg" leftSection={<IconPrinter />} loading={printed.isPending} onClick={() => void print(data.date)}>
              {t('dayClose.printReport')}
            </Button>
            <Button size="lg" variant="light" leftSection={<IconFileTypePdf />} loading={report.isPending} onClick={() => void download()}>
              {t('dayClose.downloadReport')}
            </Button>
          </Group>
        ) : (
          <Button size="lg" leftSection={<IconLock />} disabled={!data} onClick={() => setClosing(true)}>
            {t('dayClose.closeDay')}
          </Button>
        )}
      </Group>
      {day.error instanceof ApiError ? (
        <Alert color="red" role="alert">
          {errorText(t, day.error.body)}
        </Alert>
      ) : null}
      {data ? (
        <>
          {data.closed ? (
            <Alert color="teal" icon={<IconCircleCheck />} title={t('dayClose.closedBanner', { name: data.closed.by.name, time: format.dateTime(data.closed.at) })}>
              {data.closed.backupName ? t('dayClose.backupWritten', { name: data.closed.backupName }) : t('dayClose.backupMissing')}
              {data.closed.remarks ? ` · ${data.closed.remarks}` : ''}
            </Alert>
          ) : (
            <Text c="dimmed">{t('dayClose.openBanner')}</Text>
          )}
          <StateAfterDay day={data} />
          <Paper withBorder radius="lg" p="md" bg={data.attention.length ? 'orange.0' : 'teal.0'} component="section" aria-label={t('dayClose.attentionTitle')}>
            {data.attention.length === 0 ? (
              <Group gap="xs">
                <IconCircleCheck color="var(--mantine-color-teal-7)" />
                <Text fw={600}>{t('dayClose.inOrder')}</Text>
              </Group>
            ) : (
              <>
                <Title order={2} fz="lg" mb="xs">
                  {t('dayClose.attentionTitle')}
                </Title>
                <List spacing={4} icon={<IconAlertTriangle size={18} color="var(--mantine-color-orange-8)" />}>
                  {data.attention.map((item) => (
                    <List.Item key={item.kind}>
                      <Group gap="xs">
                        <Text fw={600}>{t(`dayClose.attention.${item.kind}`)}</Text>
                        <Badge color="orange" variant="filled">
                          {item.count}
                        </Badge>
                        {data.closed ? null : (
                          <Anchor component={Link} href={ACT_ON[item.kind].split('#')[0] ?? ''} fz="sm">
                            {t('dayClose.act')} →
                          </Anchor>
                        )}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Paper>
          <Checklist day={data} />
        </>
      ) : null}
      {closing && data ? <CloseModal day={data} onClose={() => setClosing(false)} onClosed={(closedDate) => void print(closedDate)} /> : null}
    </Stack>
  );
}
