import { complaintTimeline, type ComplaintTimelineEntry, type ComplaintView, type MessageKey } from '@shared/contract';
import type { Translate } from '@shared/i18n';
import type { ReportDocumentInput, ReportField, ReportSection } from '@shared/reports/document';
import { clockState } from '@shared/rules/complaints';
import { maskPhone } from '@shared/rules/phone';
import { caseReport, reportVoice, type ReportContext } from '../pdf/voice';

/** The lines of its history the visitor's copy shows: received, what the park answered, the return visit, the close. */
const VISITOR_LINES: ReadonlySet<ComplaintTimelineEntry['kind']> = new Set(['received', 'respond', 'followUp', 'close', 'withdraw']);

function departmentName(department: { nameZh: string; nameEn: string }, language: ReportContext['language']): string {
  if (language === 'en') return department.nameEn;
  if (language === 'zh-CN') return department.nameZh;
  return `${department.nameZh} ${department.nameEn}`;
}

/** The department head's 10 minutes: arrived (in time or late), the slip ended without them, not aired yet, or running. */
function summonState(summon: NonNullable<ComplaintView['summon']>): 'arrived' | 'arrivedLate' | 'ended' | 'waiting' | 'running' {
  if (summon.arrivedAt !== null) return summon.late ? 'arrivedLate' : 'arrived';
  if (summon.endedAt !== null) return 'ended';
  return summon.arrivalDueAt === null ? 'waiting' : 'running';
}

/**
 * The customer complaint record (顾客投诉记录) of one complaint, complete, for the file or for the
 * visitor.
 *
 * The file copy holds the whole record: how and when it came in and who took it; the complainant
 * and their phone; a group's size and representative; where, when, what happened and what the
 * visitor asks for; category, department, severity, status and who handles it; every deadline with
 * its due and done times; every step with who and when (escalations, the department head summoned
 * and arrived, the result reported back to the body that forwarded it).
 *
 * The visitor's copy keeps the complaint as recorded and the park's answers (response, return visit,
 * close or withdrawal), with the phone masked; the investigation, escalations, summons, the report
 * to the forwarding body and the deadlines are the park's own and are left out.
 */
export function complaintRecord(complaint: ComplaintView, context: ReportContext): ReportDocumentInput {
  const { say, phrase, time } = reportVoice(context);
  const visitor = context.copy === 'visitor';
  const none = say('reports.none');
  const department = complaint.department ? departmentName(complaint.department, context.language) : '—';
  const phone = complaint.phone ? (visitor ? maskPhone(complaint.phone) : complaint.phone) : '—';

  const fields: ReportField[] = [
    { label: say('complaints.fields.channel'), value: say(`complaints.channels.${complaint.channel}`) },
    ...(complaint.externalRef ? [{ label: say('complaints.fields.externalRef'), value: complaint.externalRef }] : []),
    { label: say('complaints.fields.receivedAt'), value: time(complaint.receivedAt) },
    { label: say('complaints.fields.receivedBy'), value: complaint.receivedBy?.name ?? '—' },
    { label: say('complaints.fields.complainantName'), value: complaint.complainantName },
    { label: say('complaints.fields.phone'), value: phone },
    ...(complaint.group
      ? [
          { label: say('complaints.fields.groupSize'), value: String(complaint.groupSize ?? '—') },
          { label: say('complaints.fields.representative'), value: complaint.representative || '—' },
        ]
      : []),
    { label: say('complaints.fields.place'), value: complaint.place },
    { label: say('complaints.fields.happenedAt'), value: time(complaint.happenedAt) },
    { label: say('complaints.fields.category'), value: say(`complaints.categories.${complaint.category}`) },
    { label: say('complaints.fields.department'), value: department },
    ...(visitor ? [] : [{ label: say('complaints.fields.severity'), value: say(`complaints.severities.${complaint.severity}`) }]),
    { label: say('complaints.fields.description'), value: complaint.description },
    { label: say('complaints.fields.request'), value: complaint.request || '—' },
  ];
  const sections: ReportSection[] = [{ heading: say('complaints.record.complaint'), fields }];

  // The history as the screen words it, in the report's language(s): line by line, the same lines in each.
  const timeline = complaintTimeline((key, params) => say(key, params), complaint);
  const inLanguage = new Map<Translate, ComplaintTimelineEntry[]>();
  /** The timeline in one language, worded once for all its rows. */
  const wordedIn = (t: Translate) => {
    const lines = inLanguage.get(t) ?? complaintTimeline(t, complaint);
    inLanguage.set(t, lines);
    return lines;
  };
  const historyRows = (keep: (kind: ComplaintTimelineEntry['kind']) => boolean) =>
    timeline.flatMap((entry, index) => {
      if (!keep(entry.kind)) return [];
      return [[time(entry.at), phrase((t) => wordedIn(t)[index]?.title ?? ''), phrase((t) => wordedIn(t)[index]?.note ?? ''), entry.who ?? '—']];
    });
  const stepColumns = [
    { label: say('reports.at'), width: 1.3 },
    { label: say('reports.step'), width: 1.6 },
    { label: say('complaints.fields.note'), width: 3.2 },
    { label: say('reports.by'), width: 1 },
  ];

  if (visitor) {
    sections.push(
      { heading: say('complaints.record.answers'), table: { columns: stepColumns, rows: historyRows((kind) => VISITOR_LINES.has(kind)), empty: none } },
      { heading: say('reports.visitorCopy'), paragraphs: [phrase((t) => t('complaints.record.visitorNote', { complaintNo: complaint.complaintNo }))] },
    );
  } else {
    const open = complaint.status !== 'closed' && complaint.status !== 'withdrawn';
    const clockRow = (name: MessageKey, clock: { dueAt: number; doneAt: number | null; late: boolean }) => [
      say(name),
      time(clock.dueAt),
      time(clock.doneAt),
      say(`complaints.record.states.${clockState(clock, open)}`),
    ];
    const clocks = [
      clockRow('complaints.clocks.sameDay', complaint.sameDay),
      ...(complaint.handling ? [clockRow('complaints.clocks.handling', complaint.handling)] : []),
      clockRow('complaints.clocks.followUp', complaint.followUp),
    ];
    const summon = complaint.summon;
    if (summon) clocks.push([say('complaints.clocks.arrival'), time(summon.arrivalDueAt), time(summon.arrivedAt), say(`complaints.record.states.${summonState(summon)}`)]);
    sections.push(
      {
        heading: say('complaints.record.clocks'),
        table: {
          columns: [
            { label: say('complaints.record.clock'), width: 2.6 },
            { label: say('complaints.record.dueAt'), width: 1.3 },
            { label: say('complaints.record.doneAt'), width: 1.3 },
            { label: say('complaints.record.state'), width: 1.3 },
          ],
          rows: clocks,
        },
      },
      { heading: say('complaints.record.steps'), table: { columns: stepColumns, rows: historyRows(() => true), empty: none } },
    );
  }

  return caseReport(context, {
    reference: complaint.complaintNo,
    title: say('complaints.record.title'),
    about: [say(`complaints.categories.${complaint.category}`), complaint.place],
    meta: [
      { label: say('complaints.fields.complaintNo'), value: complaint.complaintNo },
      { label: say('complaints.fields.status'), value: say(`complaints.statuses.${complaint.status}`) },
      { label: say('complaints.fields.receivedAt'), value: time(complaint.receivedAt) },
      ...(visitor
        ? []
        : [
            { label: say('complaints.fields.level'), value: say(`complaints.levels.${complaint.level}`) },
            ...(complaint.lastSummaryDate ? [{ label: say('complaints.record.inSummary'), value: complaint.lastSummaryDate }] : []),
          ]),
    ],
    sections,
  });
}
