import { INFO_TOPICS, type DayChecklist, type MessageKey } from '@shared/contract';
import { translator } from '@shared/i18n';
import type { MessageParams } from '@shared/i18n/types';
import type { ReportDocumentInput, ReportSection } from '@shared/reports/document';
import { durationText } from '@shared/rules/deadline';
import { formatYuan } from '@shared/rules/money';
import { formatParkDateTime, formatParkTime, stateReadAfter } from '@shared/rules/time';
import { BILINGUAL_PAGE_LABEL } from '../pdf/voice';

const zh = translator('zh-CN');
const en = translator('en');
const both = (key: MessageKey, params?: MessageParams) => `${zh(key, params)} ${en(key, params)}`;
const yuan = (fen: number) => `¥${formatYuan(fen)}`;
const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** A table row saying how many more a capped list holds (the other cells empty). */
const moreRow = (count: number, cells: number): string[][] => (count > 0 ? [[both('dayClose.named.more', { count }), ...Array.from({ length: cells - 1 }, () => '')]] : []);

/** What is past its deadline, by name: one section per kind with any, each record on its own row. */
function namedSections(day: DayChecklist, time: (at: number) => string, dateTime: (at: number) => string): ReportSection[] {
  const sections: ReportSection[] = [];
  if (day.rentals.overdueList.length > 0) {
    sections.push({
      heading: both('dayClose.named.overdueRentals'),
      table: {
        columns: [
          { label: zh('dayClose.report.receiptNo'), width: 2 },
          { label: zh('dayClose.report.unit'), width: 1.2 },
          { label: zh('dayClose.report.visitor'), width: 1.5 },
          { label: zh('dayClose.report.due'), width: 1.6 },
          { label: zh('dayClose.report.deposit'), width: 1, align: 'right' },
        ],
        rows: [...day.rentals.overdueList.map((row) => [row.receiptNo, row.unitTag, row.visitorName, dateTime(row.dueAt), yuan(row.depositFen)]), ...moreRow(day.rentals.overdueMore, 5)],
      },
    });
  }
  if (day.paging.lateContactList.length > 0) {
    sections.push({
      heading: both('dayClose.named.lateContacts'),
      table: {
        columns: [
          { label: zh('dayClose.report.reference'), width: 1 },
          { label: zh('dayClose.report.kind'), width: 2.4 },
          { label: zh('dayClose.report.registered'), width: 1 },
          { label: zh('dayClose.report.contacted'), width: 1.2 },
          { label: zh('dayClose.report.lateBy'), width: 1, align: 'right' },
        ],
        rows: day.paging.lateContactList.map((slip) => [
          slip.ref,
          `${zh(`paging.kinds.${slip.kind}`)} ${en(`paging.kinds.${slip.kind}`)}`,
          time(slip.registeredAt),
          slip.contactedAt === null ? both('dayClose.report.notContacted') : time(slip.contactedAt),
          String(slip.lateMinutes),
        ]),
      },
    });
  }
  if (day.paging.lateHeadList.length > 0) {
    sections.push({
      heading: both('dayClose.named.lateHeads'),
      table: {
        columns: [
          { label: zh('dayClose.report.reference'), width: 1 },
          { label: zh('dayClose.report.department'), width: 2.4 },
          { label: zh('dayClose.report.called'), width: 1 },
          { label: zh('dayClose.report.arrived'), width: 1.2 },
          { label: zh('dayClose.report.lateBy'), width: 1, align: 'right' },
        ],
        rows: day.paging.lateHeadList.map((head) => [
          head.ref,
          `${head.department} ${head.departmentEn}`,
          time(head.calledAt),
          head.arrivedAt === null ? both('dayClose.report.notArrived') : time(head.arrivedAt),
          String(head.lateMinutes),
        ]),
      },
    });
  }
  if (day.incidents.overdueList.length > 0) {
    sections.push({
      heading: both('dayClose.named.lateIncidents'),
      table: {
        columns: [
          { label: zh('dayClose.report.reference'), width: 1.6 },
          { label: zh('dayClose.report.nature'), width: 1 },
          { label: zh('dayClose.report.received'), width: 1.6 },
          { label: zh('dayClose.report.notice'), width: 2.2 },
          { label: zh('dayClose.report.toNotify'), width: 1.6 },
        ],
        rows: [
          ...day.incidents.overdueList.map((row) => [
            row.refNo,
            zh(`incidents.nature.${row.nature}`),
            dateTime(row.receivedAt),
            zh(`dayClose.named.incidentNotice.${row.notice}`, { duration: durationText(zh, row.minutes) }),
            row.toNotify.map((party) => zh(`incidents.party.${party}`)).join('、') || '—',
          ]),
          ...moreRow(day.incidents.overdueMore, 5),
        ],
      },
    });
  }
  if (day.lostFound.overdueItems.length > 0) {
    sections.push({
      heading: both('dayClose.named.overdueItems'),
      table: {
        columns: [
          { label: zh('dayClose.report.reference'), width: 1.8 },
          { label: zh('dayClose.report.category'), width: 1.2 },
          { label: zh('dayClose.report.description'), width: 2.6 },
          { label: zh('dayClose.report.handoverBy'), width: 1.6 },
        ],
        rows: day.lostFound.overdueItems.map((item) => [item.itemNo, zh(`lostFound.categories.${item.category}`), item.description, dateTime(item.handoverDueBy)]),
      },
    });
  }
  if (day.equipment.notInspectedList.length > 0) {
    sections.push({
      heading: both('dayClose.named.notInspected'),
      table: {
        columns: [
          { label: zh('dayClose.report.unit'), width: 1.5 },
          { label: zh('dayClose.report.type'), width: 3 },
        ],
        rows: [...day.equipment.notInspectedList.map((unit) => [unit.tag, `${unit.typeNameZh} ${unit.typeNameEn}`]), ...moreRow(day.equipment.notInspectedMore, 2)],
      },
    });
  }
  if (day.complaints.overdue.length > 0) {
    sections.push({
      heading: both('dayClose.named.overdueComplaints'),
      table: {
        columns: [
          { label: zh('dayClose.report.reference'), width: 1.8 },
          { label: zh('dayClose.report.clocks'), width: 3.4 },
          { label: zh('dayClose.report.firstDue'), width: 1.6 },
        ],
        rows: day.complaints.overdue.map((row) => [row.complaintNo, row.clocks.map((clock) => zh(`complaints.clocks.${clock}`)).join('；'), dateTime(row.dueAt)]),
      },
    });
  }
  return sections;
}

/** The A4 day report, built from the checklist as it was closed (never recomputed). */
export function dayReport(day: DayChecklist, context: { parkName: string; timeZone: string }): ReportDocumentInput {
  const closed = day.closed;
  const time = (at: number) => formatParkTime(at, context.timeZone);
  const dateTime = (at: number) => formatParkDateTime(at, context.timeZone);
  return {
    parkName: context.parkName,
    reference: `DC${day.date.replaceAll('-', '')}`,
    title: both('dayClose.report.title'),
    subtitle: day.date,
    meta: [
      { label: both('dayClose.report.date'), value: day.date },
      { label: both('dayClose.report.closedBy'), value: closed ? `${closed.by.name} ${formatParkDateTime(closed.at, context.timeZone)}` : '—' },
      { label: both('dayClose.report.attention'), value: String(day.attention.length) },
    ],
    sections: [
      // Closed after the day: what was out and held is the state at the close, and the report says so.
      ...(closed && stateReadAfter(day.date, closed.at, context.timeZone) !== null
        ? [{ heading: both('dayClose.report.stateAfterDayHeading'), paragraphs: [zh('dayClose.stateAfterDay', { at: dateTime(closed.at), date: day.date }), en('dayClose.stateAfterDay', { at: dateTime(closed.at), date: day.date })] }]
        : []),
      {
        heading: both('dayClose.report.attentionHeading'),
        paragraphs: day.attention.length === 0 ? [both('dayClose.report.allInOrder')] : undefined,
        table:
          day.attention.length === 0
            ? undefined
            : {
                columns: [{ label: zh('dayClose.report.item'), width: 5 }, { label: zh('dayClose.report.count'), width: 1, align: 'right' }],
                rows: day.attention.map((item) => [`${zh(`dayClose.attention.${item.kind}`)} / ${en(`dayClose.attention.${item.kind}`)}`, String(item.count)]),
              },
      },
      ...namedSections(day, time, dateTime),
      {
        heading: both('dayClose.sections.complaints'),
        fields: [
          { label: both('dayClose.report.summaryState'), value: `${zh(`dayClose.summaryStates.${day.complaints.state}`)}${day.complaints.closedAt ? ` ${time(day.complaints.closedAt)}` : ''}` },
          { label: both('dayClose.report.complaintsTotal'), value: String(day.complaints.total) },
          { label: both('dayClose.report.complaintsOpen'), value: String(day.complaints.open) },
        ],
      },
      {
        heading: both('dayClose.sections.rentals'),
        fields: [
          { label: both('dayClose.report.rentedToday'), value: String(day.rentals.rentedToday) },
          { label: both('dayClose.report.returnedToday'), value: String(day.rentals.returnedToday) },
          { label: both('dayClose.report.stillOut'), value: `${day.rentals.out} (${zh('dayClose.report.overdue')} ${day.rentals.overdue})` },
          { label: both('dayClose.report.depositsHeld'), value: yuan(day.rentals.heldFen) },
        ],
        table: {
          columns: [
            { label: zh('dayClose.report.receiptNo'), width: 2 },
            { label: zh('dayClose.report.unit'), width: 1.2 },
            { label: zh('dayClose.report.visitor'), width: 1.5 },
            { label: zh('dayClose.report.due'), width: 1 },
            { label: zh('dayClose.report.deposit'), width: 1, align: 'right' },
          ],
          rows: [...day.rentals.outList.map((row) => [row.receiptNo, row.unitTag, row.visitorName, time(row.dueAt), yuan(row.depositFen)]), ...moreRow(day.rentals.outMore, 5)],
          empty: both('dayClose.report.noneOut'),
        },
      },
      {
        heading: both('dayClose.sections.cash'),
        table: {
          columns: [
            { label: zh('dayClose.report.payment'), width: 1.2 },
            { label: zh('dayClose.report.expected'), width: 1, align: 'right' },
            { label: zh('dayClose.report.counted'), width: 1, align: 'right' },
            { label: zh('dayClose.report.difference'), width: 1, align: 'right' },
            { label: zh('dayClose.report.reason'), width: 3 },
          ],
          rows: day.cash.map((row) => [
            zh(`rentals.payment.${row.payment}`),
            yuan(row.expectedFen),
            row.countedFen === null ? zh('dayClose.report.notCounted') : yuan(row.countedFen),
            row.differenceFen === null ? '—' : yuan(row.differenceFen),
            row.reason || (row.countedBy ? row.countedBy.name : ''),
          ]),
        },
      },
      {
        heading: both('dayClose.sections.lostFound'),
        fields: [
          { label: both('dayClose.report.receivedToday'), value: String(day.lostFound.receivedToday) },
          { label: both('dayClose.report.lfReturnedToday'), value: String(day.lostFound.returnedToday) },
          { label: both('dayClose.report.held'), value: String(day.lostFound.held) },
          { label: both('dayClose.report.dueThisWeek'), value: `${day.lostFound.dueThisWeek} (${zh('dayClose.report.overdue')} ${day.lostFound.overdue})` },
        ],
      },
      {
        heading: both('dayClose.sections.paging'),
        fields: [
          { label: both('dayClose.report.pagingTotal'), value: String(day.paging.total) },
          { label: both('dayClose.report.within5'), value: `${day.paging.contactedWithin5} (${share(day.paging.shareWithin5)})` },
          { label: both('dayClose.report.lateHeads'), value: String(day.paging.lateHeads) },
        ],
      },
      {
        heading: both('dayClose.sections.incidents'),
        fields: [
          { label: both('dayClose.report.incidentsActive'), value: String(day.incidents.active) },
          { label: both('dayClose.report.incidentsToday'), value: String(day.incidents.reportedToday) },
          {
            label: both('dayClose.report.notified'),
            value: `${zh('dayClose.report.inTime')} ${day.incidents.notifiedInTime} · ${zh('dayClose.report.late')} ${day.incidents.notifiedLate} · ${zh('dayClose.report.notYet')} ${day.incidents.notNotified}`,
          },
        ],
        table: {
          columns: [
            { label: zh('dayClose.report.reference'), width: 2 },
            { label: zh('dayClose.report.nature'), width: 2 },
            { label: zh('dayClose.report.notice'), width: 2 },
            { label: zh('dayClose.report.status'), width: 1.5 },
          ],
          rows: day.incidents.rows.map((row) => [row.refNo, zh(`incidents.nature.${row.nature}`), zh(`dayClose.notices.${row.notice}`), zh(`incidents.status.${row.status}`)]),
          empty: both('dayClose.report.noIncidents'),
        },
      },
      {
        heading: both('dayClose.sections.equipment'),
        fields: [
          { label: both('dayClose.report.underRepair'), value: String(day.equipment.underRepair) },
          { label: both('dayClose.report.notInspected'), value: String(day.equipment.notInspected) },
        ],
        table: {
          columns: [
            { label: zh('dayClose.report.unit'), width: 1.2 },
            { label: zh('dayClose.report.type'), width: 1.8 },
            { label: zh('dayClose.report.fault'), width: 2.4 },
            { label: zh('dayClose.report.since'), width: 1.6 },
          ],
          rows: [
            ...day.equipment.repairList.map((unit) => [unit.tag, `${unit.typeNameZh} ${unit.typeNameEn}`, unit.fault ?? '—', unit.since === null ? '—' : dateTime(unit.since)]),
            ...moreRow(day.equipment.repairMore, 4),
          ],
          empty: both('dayClose.report.noneInRepair'),
        },
      },
      {
        heading: both('dayClose.sections.programme'),
        fields: [
          { label: both('dayClose.report.slots'), value: String(day.programme.slots) },
          { label: both('dayClose.report.checks'), value: `${zh('dayClose.report.inTime')} ${day.programme.checksInTime} · ${zh('dayClose.report.missed')} ${day.programme.checksMissed}` },
          { label: both('dayClose.report.aired'), value: String(day.programme.aired) },
        ],
      },
      {
        heading: both('dayClose.sections.services'),
        fields: [
          { label: both('dayClose.report.enquiries'), value: zh('dayClose.report.enquiriesValue', { count: day.services.enquiries, printed: day.services.printed }) },
          { label: both('dayClose.report.byTopic'), value: INFO_TOPICS.map((topic) => `${both(`info.topics.${topic}`)} ${day.services.byTopic[topic] ?? 0}`).join(' · ') },
          {
            label: both('dayClose.report.handedOut'),
            value: day.services.handouts.length ? day.services.handouts.map((item) => `${item.nameZh} ${item.nameEn} ${item.count}`).join(' · ') : '—',
          },
        ],
      },
      { heading: both('dayClose.report.remarks'), paragraphs: [closed?.remarks || '—'] },
    ],
    signatures: [both('dayClose.report.signature')],
    pageLabel: BILINGUAL_PAGE_LABEL,
    info: { author: closed?.by.name, createdAt: closed?.at },
  };
}
