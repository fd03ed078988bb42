import { OPEN_COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus, type FeedbackLine, type SummaryView } from '@shared/contract';
import { translator, type MessageKey } from '@shared/i18n';
import type { ReportDocumentInput } from '@shared/reports/document';
import { GROUP_NOTE_PREFIX, summaryDeadlineAt, summaryState } from '@shared/rules/complaints';
import { atParkTime, formatParkDateTime, parkDayBounds } from '@shared/rules/time';
import type { Db } from '../db/open';
import type { CallContext } from '../context';
import { markFedBack, pendingFeedback } from './feedback';
import { BILINGUAL_PAGE_LABEL } from '../pdf/voice';

interface Row {
  id: number;
  complaint_no: string;
  park_date: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  department_id: number | null;
  department_zh: string | null;
  department_en: string | null;
  sort: number | null;
  place: string;
  description: string;
  request: string;
  last_note: string | null;
}

interface SummaryRow {
  remarks: string;
  closed_at: number | null;
  closed_by: number | null;
  closed_by_name: string | null;
  snapshot: string | null;
}

/**
 * The complaints a day reports: received that day, stepped that day, or still open (not closed nor
 * withdrawn); and every complaint changed since the previous summary was closed (one received or
 * closed that evening appears in the next), or, before any summary was closed, every one. Each set
 * is read from its own index, never the whole year of complaints one by one.
 */
export const DAY_COMPLAINTS_SQL = `SELECT c.id, c.complaint_no, c.park_date, c.category, c.status, c.department_id, d.name_zh AS department_zh,
          d.name_en AS department_en, d.sort, c.place, c.description, c.request,
          (SELECT t.note FROM complaint_step t WHERE t.complaint_id = c.id AND t.at < @end AND t.step <> 'summon' AND t.note NOT GLOB '${GROUP_NOTE_PREFIX}*'
           ORDER BY t.at DESC, t.id DESC LIMIT 1) AS last_note
   FROM complaint c LEFT JOIN department d ON d.id = c.department_id
   WHERE c.received_at < @end AND c.id IN (
     SELECT id FROM complaint WHERE park_date = @date
     UNION ALL SELECT complaint_id FROM complaint_step WHERE park_date = @date
     UNION ALL SELECT id FROM complaint INDEXED BY complaint_open WHERE status NOT IN ('closed', 'withdrawn')
     UNION ALL SELECT id FROM complaint INDEXED BY complaint_by_updated WHERE updated_at >= @since
   )
   ORDER BY coalesce(d.sort, 9999), c.received_at`;

function dayComplaints(db: Db, date: string, bounds: { start: number; end: number }): Row[] {
  const previous = db
    .prepare<[string], { closed_at: number }>('SELECT closed_at FROM complaint_summary WHERE date < ? AND closed_at IS NOT NULL ORDER BY date DESC LIMIT 1')
    .get(date);
  return db
    .prepare<{ date: string; start: number; end: number; since: number }, Row>(DAY_COMPLAINTS_SQL)
    // A complaint received after the previous close was changed after it too (received is its first change).
    .all({ date, ...bounds, since: previous?.closed_at ?? 0 });
}

export function composeSummary(db: Db, date: string, now: number, timeZone: string, deadline: string): SummaryView {
  const deadlineAt = summaryDeadlineAt(date, deadline, timeZone);
  const stored = db
    .prepare<[string], SummaryRow>(
      `SELECT m.remarks, m.closed_at, m.closed_by, s.name AS closed_by_name, m.snapshot
       FROM complaint_summary m LEFT JOIN staff s ON s.id = m.closed_by WHERE m.date = ?`,
    )
    .get(date);
  const closedBy = stored?.closed_by ? { id: stored.closed_by, name: stored.closed_by_name ?? '' } : null;
  if (stored?.snapshot && stored.closed_at !== null) {
    // Closed: what was reported then, whatever happened since. Summaries closed before opinions and
    // requests were fed back with them have none.
    const snapshot = JSON.parse(stored.snapshot) as Omit<SummaryView, 'feedbackTotal' | 'departments'> & {
      feedbackTotal?: number;
      departments: Array<Omit<SummaryView['departments'][number], 'feedback'> & { feedback?: FeedbackLine[] }>;
    };
    const departments = snapshot.departments.map((d) => ({
      ...d,
      done: d.done.map((done) => ({ ...done, category: done.category ?? null, place: done.place ?? null, description: done.description ?? null, request: done.request ?? null })),
      feedback: d.feedback ?? [],
    }));
    return {
      ...snapshot,
      feedbackTotal: snapshot.feedbackTotal ?? 0,
      departments,
      // Late or not by the deadline it was closed against (kept in the snapshot), not by today's setting.
      state: summaryState(now, snapshot.deadlineAt, stored.closed_at),
      closedAt: stored.closed_at,
      closedBy,
      remarks: stored.remarks,
    };
  }
  const bounds = parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone);
  const rows = dayComplaints(db, date, bounds);
  const departments = new Map<string, { sort: number; row: SummaryView['departments'][number] }>();
  const departmentOf = (id: number | null, nameZh: string | null, nameEn: string | null, sort: number | null) => {
    const key = String(id ?? 'none');
    let department = departments.get(key);
    if (!department) {
      department = {
        sort: sort ?? 9999,
        row: { departmentId: id, nameZh: nameZh ?? zh('complaints.ui.noDepartment'), nameEn: nameEn ?? en('complaints.ui.noDepartment'), count: 0, categories: {}, statuses: {}, done: [], open: 0, feedback: [] },
      };
      departments.set(key, department);
    }
    return department.row;
  };
  for (const row of rows) {
    const department = departmentOf(row.department_id, row.department_zh, row.department_en, row.sort);
    department.count += 1;
    department.categories[row.category] = (department.categories[row.category] ?? 0) + 1;
    department.statuses[row.status] = (department.statuses[row.status] ?? 0) + 1;
    if (OPEN_COMPLAINT_STATUSES.includes(row.status)) department.open += 1;
    department.done.push({
      complaintNo: row.complaint_no,
      category: row.category,
      status: row.status,
      place: row.place,
      description: row.description,
      request: row.request,
      summary: row.last_note ?? '',
    });
  }
  const feedback = pendingFeedback(db, bounds.end);
  for (const { line, department } of feedback) departmentOf(department.id, department.nameZh, department.nameEn, department.sort).feedback.push(line);
  return {
    date,
    deadline,
    deadlineAt,
    state: summaryState(now, deadlineAt, null),
    total: rows.length,
    received: rows.filter((row) => row.park_date === date).length,
    carriedOver: rows.filter((row) => row.park_date !== date).length,
    open: rows.filter((row) => OPEN_COMPLAINT_STATUSES.includes(row.status)).length,
    feedbackTotal: feedback.length,
    // By the departments' order, those without one last (a sort is stable: complaints came so ordered).
    departments: [...departments.values()].sort((a, b) => a.sort - b.sort).map((department) => department.row),
    remarks: stored?.remarks ?? '',
    closedAt: null,
    closedBy: null,
  };
}

/** The complaint ids a summary covers (for the link table written at close). */
export function summaryComplaintIds(db: Db, summary: SummaryView): number[] {
  const numbers = summary.departments.flatMap((department) => department.done.map((done) => done.complaintNo));
  if (numbers.length === 0) return [];
  return db
    .prepare<string[], { id: number }>(`SELECT id FROM complaint WHERE complaint_no IN (${numbers.map(() => '?').join(',')})`)
    .all(...numbers)
    .map((row) => row.id);
}

/**
 * Records the close of a day's summary, in the caller's transaction: the fixed snapshot, the
 * complaints it covers and the audit row naming its files. A summary already closed is refused by
 * the caller before (and again inside) its transaction.
 */
export function recordSummaryClose(db: Db, ctx: CallContext, closing: { live: SummaryView; remarks: string; files: readonly string[] }): void {
  const { live, remarks, files } = closing;
  const actor = ctx.actor;
  if (!actor) throw new Error('a summary is closed by a member of staff');
  const late = ctx.now > live.deadlineAt;
  const snapshot = { ...live, remarks, closedAt: ctx.now, closedBy: { id: actor.id, name: actor.name } };
  db.prepare(
    `INSERT INTO complaint_summary (date, remarks, closed_at, closed_by, late, snapshot) VALUES (@date, @remarks, @now, @actor, @late, @snapshot)
     ON CONFLICT (date) DO UPDATE SET remarks = excluded.remarks, closed_at = excluded.closed_at, closed_by = excluded.closed_by,
                                     late = excluded.late, snapshot = excluded.snapshot`,
  ).run({ date: live.date, remarks, now: ctx.now, actor: actor.id, late: late ? 1 : 0, snapshot: JSON.stringify(snapshot) });
  const item = db.prepare('INSERT INTO complaint_summary_item (date, complaint_id) VALUES (?, ?)');
  for (const complaintId of summaryComplaintIds(db, live)) item.run(live.date, complaintId);
  markFedBack(db, live.date, live);
  ctx.audit({ action: 'complaints.summaryClose', entity: 'complaint_summary', entityId: live.date, detail: { late, total: live.total, open: live.open, feedback: live.feedbackTotal, files } });
}

const zh = translator('zh-CN');
const en = translator('en');

type Done = SummaryView['departments'][number]['done'][number];

/** A complaint as its department reads it in the printed summary: where, what happened, what the visitor asks for. */
function complaintText(done: Done): string {
  if (done.description === null) return '—';
  const what = done.place ? zh('complaints.ui.placeLine', { place: done.place, text: done.description }) : done.description;
  return done.request ? `${what}\n${zh('complaints.ui.requestLine', { text: done.request })}` : what;
}

const both = (key: MessageKey) => `${zh(key)} ${en(key)}`;

/** The summary as an A4 report: one section per department (or the one asked for), and the remarks. */
export function summaryReport(summary: SummaryView, context: { parkName: string; timeZone: string }, departmentId?: number): ReportDocumentInput {
  const departments = departmentId === undefined ? summary.departments : summary.departments.filter((d) => d.departmentId === departmentId);
  const count = (record: Record<string, number>, prefix: 'categories' | 'statuses') =>
    Object.entries(record)
      .map(([key, n]) => `${zh(`complaints.${prefix}.${key}` as MessageKey)} ${n}`)
      .join('，');
  return {
    parkName: context.parkName,
    reference: `CS${summary.date.replaceAll('-', '')}`,
    title: both('complaints.summaryPdf.title'),
    subtitle: departments.length === 1 && departmentId !== undefined ? `${departments[0]?.nameZh ?? ''} ${departments[0]?.nameEn ?? ''}` : both('complaints.summaryPdf.allDepartments'),
    meta: [
      { label: both('complaints.summaryPdf.date'), value: summary.date },
      { label: both('complaints.summaryPdf.deadline'), value: summary.deadline },
      { label: both('complaints.summaryPdf.total'), value: String(departments.reduce((n, d) => n + d.count, 0)) },
      { label: both('complaints.summaryPdf.open'), value: String(departments.reduce((n, d) => n + d.open, 0)) },
      { label: both('complaints.feedback.pdfTotal'), value: String(departments.reduce((n, d) => n + d.feedback.length, 0)) },
      {
        label: both('complaints.summaryPdf.closed'),
        value: summary.closedAt === null ? zh('complaints.summaryPdf.notClosed') : `${formatParkDateTime(summary.closedAt, context.timeZone)} ${summary.closedBy?.name ?? ''}${summary.state === 'closedLate' ? ` (${zh('complaints.summaryPdf.late')})` : ''}`,
      },
    ],
    sections: [
      ...departments.flatMap((department) => [
        {
          heading: `${department.nameZh} ${department.nameEn}`,
          // A department told only of opinions and requests has no complaint figures to read.
          fields: [
            { label: both('complaints.summaryPdf.count'), value: String(department.count) },
            ...(department.count > 0
              ? [
                  { label: both('complaints.summaryPdf.categories'), value: count(department.categories, 'categories') },
                  { label: both('complaints.summaryPdf.statuses'), value: count(department.statuses, 'statuses') },
                  { label: both('complaints.summaryPdf.stillOpen'), value: String(department.open) },
                ]
              : []),
          ],
          ...(department.done.length > 0
            ? {
                table: {
                  columns: [
                    { label: zh('complaints.fields.complaintNo'), width: 2 },
                    { label: zh('complaints.fields.category'), width: 1.2 },
                    { label: zh('complaints.fields.status'), width: 1.1 },
                    { label: zh('complaints.summaryPdf.complaint'), width: 4 },
                    { label: zh('complaints.summaryPdf.whatWasDone'), width: 3 },
                  ],
                  rows: department.done.map((done) => [
                    done.complaintNo,
                    done.category ? zh(`complaints.categories.${done.category}`) : '—',
                    zh(`complaints.statuses.${done.status}`),
                    complaintText(done),
                    done.summary,
                  ]),
                },
              }
            : {}),
        },
        // What its visitors suggested or asked for, beside the complaints: fed back by this summary.
        ...(department.feedback.length > 0
          ? [
              {
                heading: `${department.nameZh} ${department.nameEn} · ${both('complaints.feedback.pdfHeading')}`,
                table: {
                  columns: [
                    { label: zh('complaints.feedback.pdfRef'), width: 1 },
                    { label: zh('complaints.feedback.pdfKind'), width: 1.3 },
                    { label: zh('complaints.fields.category'), width: 1.3 },
                    { label: zh('complaints.feedback.pdfText'), width: 7 },
                  ],
                  rows: department.feedback.map((line) => [line.ref, zh(`complaints.feedback.kinds.${line.kind}`), zh(`complaints.categories.${line.category}`), line.text]),
                },
              },
            ]
          : []),
      ]),
      { heading: both('complaints.summaryPdf.remarks'), paragraphs: [summary.remarks || '—'] },
    ],
    signatures: [both('complaints.summaryPdf.signature')],
    pageLabel: BILINGUAL_PAGE_LABEL,
  };
}
