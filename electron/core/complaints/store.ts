import { COMPLAINT_CLOCK_NAMES, OFFICIAL_CHANNELS, type ComplaintClockName, type ComplaintStatus, type ComplaintStep, type ComplaintView, type NoFollowUpReason, type Output, type Satisfaction } from '@shared/contract';
import { sameDayDeadline } from '@shared/rules/complaints';
import { arrivalDueAt, arrivalLate } from '@shared/rules/paging';
import { workingDaysDeadline, type DayOverrides } from '@shared/rules/workdays';
import { parkDate } from '@shared/rules/time';
import { phoneSearchText } from '@shared/rules/phone';
import type { CallContext } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings/store';
import { containsPattern } from '../db/like';

export interface ComplaintRow {
  id: number;
  complaint_no: string;
  park_date: string;
  channel: ComplaintView['channel'];
  external_ref: string;
  received_at: number;
  received_by: number;
  received_by_name: string | null;
  complainant_name: string;
  phone: string | null;
  group_complaint: number;
  group_size: number | null;
  representative: string;
  place: string;
  happened_at: number;
  category: ComplaintView['category'];
  department_id: number | null;
  department_zh: string | null;
  department_en: string | null;
  description: string;
  request: string;
  severity: ComplaintView['severity'];
  status: ComplaintView['status'];
  level: ComplaintView['level'];
  investigated_at: number | null;
  responded_at: number | null;
  followed_up_at: number | null;
  closed_at: number | null;
  result_reported_at: number | null;
  paging_id: number | null;
}

/** The complaint's columns; `from` may name the index to read (`complaint c INDEXED BY …`). */
const complaintSelect = (from = 'complaint c') => `
  SELECT c.id, c.complaint_no, c.park_date, c.channel, c.external_ref, c.received_at, c.received_by, s.name AS received_by_name,
         c.complainant_name, c.phone, c.group_complaint, c.group_size, c.representative, c.place, c.happened_at, c.category,
         c.department_id, d.name_zh AS department_zh, d.name_en AS department_en, c.description, c.request, c.severity, c.status,
         c.level, c.investigated_at, c.responded_at, c.followed_up_at, c.closed_at, c.result_reported_at, c.paging_id
  FROM ${from} LEFT JOIN staff s ON s.id = c.received_by LEFT JOIN department d ON d.id = c.department_id`;
export const COMPLAINT_SELECT = complaintSelect();

/** Not closed nor withdrawn (received, investigating, responded, followed up): as the open complaints' index is written. */
const OPEN_WHERE = "c.status NOT IN ('closed', 'withdrawn')";

export interface ComplaintListFilter {
  view: 'open' | 'day' | 'mine' | 'dutyManager' | 'all';
  limit: number;
  query?: string | undefined;
  /** The park day's bounds, for the day's list (or any view narrowed to a date). */
  day?: { start: number; end: number } | undefined;
  beforeId?: number | undefined;
}

/** The complaints lists, newest first, a page at a time: open, the day's, mine, the duty manager's, all; searchable. */
export function complaintListQuery(filter: ComplaintListFilter, actorId: number | undefined): { sql: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  // The open complaints are read from their own index (migration 009), never by walking back through the years.
  const open = filter.view === 'open' || filter.view === 'dutyManager';
  if (open) where.push(OPEN_WHERE);
  if (filter.view === 'dutyManager') where.push("c.level <> 'frontline'");
  if (filter.view === 'mine' && actorId !== undefined) {
    where.push('c.received_by = @actor');
    params.actor = actorId;
  }
  if (filter.day) {
    where.push('c.received_at >= @from AND c.received_at < @to');
    params.from = filter.day.start;
    params.to = filter.day.end;
  }
  if (filter.query) {
    where.push("(c.complaint_no LIKE @q ESCAPE '\\' OR c.complainant_name LIKE @q ESCAPE '\\' OR c.description LIKE @q ESCAPE '\\' OR c.phone LIKE @phone ESCAPE '\\' OR c.external_ref LIKE @q ESCAPE '\\')");
    params.q = containsPattern(filter.query);
    // A phone is stored normalized: "138 1234 5678" and "+86 138…" find 13812345678.
    params.phone = containsPattern(phoneSearchText(filter.query) || filter.query);
  }
  if (filter.beforeId !== undefined) {
    where.push('c.id < @beforeId');
    params.beforeId = filter.beforeId;
  }
  const select = open ? complaintSelect('complaint c INDEXED BY complaint_open') : COMPLAINT_SELECT;
  return { sql: `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT @limit`, params };
}

export function getComplaint(db: Db, id: number): ComplaintRow | undefined {
  return db.prepare<[number], ComplaintRow>(`${COMPLAINT_SELECT} WHERE c.id = ?`).get(id);
}

export function calendarOverrides(db: Db): DayOverrides {
  return new Map(db.prepare<[], { date: string; kind: 'work' | 'off' }>('SELECT date, kind FROM calendar_override').all().map((row) => [row.date, row.kind]));
}

interface StepRow {
  id: number;
  step: ComplaintView['steps'][number]['step'];
  at: number;
  staff_id: number | null;
  staff_name: string | null;
  note: string;
  method: ComplaintView['steps'][number]['method'];
  level: ComplaintView['steps'][number]['level'];
  skip_reason: string | null;
  no_follow_up: ComplaintView['steps'][number]['noFollowUp'];
  reported_to: string | null;
  satisfaction: Satisfaction | null;
}

/**
 * When each of a complaint's own clocks runs out: the end of the park day it was received; the end
 * of the second working day after it, for a forwarded one's handling (null for the others) and for
 * every one's reply and return visit.
 */
function complaintDeadlines(row: Pick<ComplaintRow, 'received_at' | 'channel'>, timeZone: string, overrides: DayOverrides): { sameDay: number; handling: number | null; followUp: number } {
  const twoWorkingDays = workingDaysDeadline(row.received_at, 2, timeZone, overrides);
  return { sameDay: sameDayDeadline(row.received_at, timeZone), handling: OFFICIAL_CHANNELS.includes(row.channel) ? twoWorkingDays : null, followUp: twoWorkingDays };
}

interface OpenClockRow extends Pick<ComplaintRow, 'id' | 'complaint_no' | 'channel' | 'received_at' | 'investigated_at' | 'result_reported_at' | 'followed_up_at'> {
  first_aired_at: number | null;
  arrived_at: number | null;
  paging_closed_at: number | null;
}

/**
 * The clocks of the open complaints still running, read from the open complaints' index in one
 * statement: what the menu warns about, without reading every record. An open complaint has not
 * closed, so each clock is done exactly when its own step is stamped (as `toComplaintView` says).
 */
export function runningComplaintClocks(db: Db, timeZone: string, overrides: DayOverrides): Output<'complaints.clocks'> {
  const rows = db
    .prepare<[], OpenClockRow>(
      `SELECT c.id, c.complaint_no, c.channel, c.received_at, c.investigated_at, c.result_reported_at, c.followed_up_at,
              p.first_aired_at, p.arrived_at, p.closed_at AS paging_closed_at
       FROM complaint c INDEXED BY complaint_open LEFT JOIN paging_request p ON p.id = c.paging_id
       WHERE ${OPEN_WHERE} ORDER BY c.id`,
    )
    .all();
  return rows.flatMap((row) => {
    const due: Record<ComplaintClockName, number | null> = complaintDeadlines(row, timeZone, overrides);
    const done: Record<ComplaintClockName, number | null> = { sameDay: row.investigated_at, handling: row.result_reported_at, followUp: row.followed_up_at };
    const arrival = row.arrived_at === null && row.paging_closed_at === null ? arrivalDueAt('summonHead', row.first_aired_at) : null;
    const clocks = COMPLAINT_CLOCK_NAMES.flatMap((clock) => {
      const dueAt = due[clock];
      return dueAt !== null && done[clock] === null ? [{ clock, dueAt }] : [];
    });
    return [...clocks, ...(arrival === null ? [] : [{ clock: 'arrival' as const, dueAt: arrival }])].map((clock) => ({ complaintId: row.id, complaintNo: row.complaint_no, ...clock }));
  });
}

/** The complaint with its steps and its clocks (same day, 2 working days, the head's 10 minutes). */
export function toComplaintView(db: Db, row: ComplaintRow, now: number, timeZone: string, overrides: DayOverrides): ComplaintView {
  const steps = db
    .prepare<[number], StepRow>(
      `SELECT t.id, t.step, t.at, t.staff_id, s.name AS staff_name, t.note, t.method, t.level, t.skip_reason, t.no_follow_up, t.reported_to, t.satisfaction
       FROM complaint_step t LEFT JOIN staff s ON s.id = t.staff_id WHERE t.complaint_id = ? ORDER BY t.at, t.id`,
    )
    .all(row.id);
  const withdrawn = row.status === 'withdrawn';
  const stoppedAt = withdrawn ? (row.closed_at ?? now) : now;
  const clock = (dueAt: number, doneAt: number | null) => ({ dueAt, doneAt, late: !withdrawn || doneAt !== null ? (doneAt ?? stoppedAt) > dueAt : false });
  const due = complaintDeadlines(row, timeZone, overrides);
  const paging = row.paging_id
    ? db
        .prepare<[number], { first_aired_at: number | null; arrived_at: number | null; closed_at: number | null }>(
          'SELECT first_aired_at, arrived_at, closed_at FROM paging_request WHERE id = ?',
        )
        .get(row.paging_id)
    : undefined;
  const lastSummary = db
    .prepare<[number], { date: string | null }>('SELECT max(date) AS date FROM complaint_summary_item WHERE complaint_id = ?')
    .get(row.id);
  return {
    id: row.id,
    complaintNo: row.complaint_no,
    channel: row.channel,
    externalRef: row.external_ref,
    receivedAt: row.received_at,
    receivedBy: { id: row.received_by, name: row.received_by_name ?? '' },
    complainantName: row.complainant_name,
    phone: row.phone,
    group: row.group_complaint === 1,
    groupSize: row.group_size,
    representative: row.representative,
    place: row.place,
    happenedAt: row.happened_at,
    category: row.category,
    department: row.department_id === null ? null : { id: row.department_id, nameZh: row.department_zh ?? '', nameEn: row.department_en ?? '' },
    description: row.description,
    request: row.request,
    severity: row.severity,
    status: row.status,
    level: row.level,
    steps: steps.map((step) => ({
      id: step.id,
      step: step.step,
      at: step.at,
      staff: step.staff_id === null ? null : { id: step.staff_id, name: step.staff_name ?? '' },
      note: step.note,
      method: step.method,
      level: step.level,
      skipReason: step.skip_reason,
      noFollowUp: step.no_follow_up,
      reportedTo: step.reported_to,
      satisfaction: step.satisfaction,
    })),
    sameDay: clock(due.sameDay, row.investigated_at),
    // Done when the result is reported back. Complaints closed before that step was kept count as
    // done at their response, as they were then.
    handling: due.handling === null ? null : clock(due.handling, row.result_reported_at ?? (row.status === 'closed' ? row.responded_at : null)),
    // Done at the return visit, or at a close that says why there was none.
    followUp: clock(due.followUp, row.followed_up_at ?? steps.find((step) => step.step === 'close' && step.no_follow_up !== null)?.at ?? null),
    summon:
      row.paging_id === null || !paging
        ? null
        : {
            pagingId: row.paging_id,
            calledAt: paging.first_aired_at,
            arrivalDueAt: arrivalDueAt('summonHead', paging.first_aired_at),
            arrivedAt: paging.arrived_at,
            late: arrivalLate('summonHead', paging.first_aired_at, paging.arrived_at, paging.closed_at ?? now),
            endedAt: paging.arrived_at === null ? paging.closed_at : null,
          },
    lastSummaryDate: lastSummary?.date ?? null,
  };
}

/** The status a step leaves (reporting the result leaves it as it was), and the moment it stamps. */
export const STATUS_AFTER: Record<ComplaintStep, ComplaintStatus | undefined> = {
  investigate: 'investigating',
  respond: 'responded',
  reportResult: undefined,
  followUp: 'followedUp',
  close: 'closed',
  withdraw: 'withdrawn',
};
const STAMP: Record<ComplaintStep, string> = {
  investigate: 'investigated_at',
  respond: 'responded_at',
  reportResult: 'result_reported_at',
  followUp: 'followed_up_at',
  close: 'closed_at',
  withdraw: 'closed_at',
};

/**
 * A step's status and its time, set once (parameters: status, time, id); an answer also counts as
 * the investigation when none was recorded (then: status, time, time, id).
 */
export function stepUpdateSql(step: ComplaintStep): string {
  const column = STAMP[step];
  return `UPDATE complaint SET status = ?, ${column} = coalesce(${column}, ?)${step === 'respond' ? ', investigated_at = coalesce(investigated_at, ?)' : ''} WHERE id = ?`;
}

export type ComplaintStepKind = ComplaintView['steps'][number]['step'];
export interface StepExtra {
  method?: string;
  level?: string;
  skipReason?: string;
  noFollowUp?: NoFollowUpReason;
  reportedTo?: string;
  satisfaction?: Satisfaction;
}

/** One step of a complaint's process: who, when, what was said or decided. */
export function recordStep(db: Db, ctx: CallContext, staffId: number, complaintId: number, step: ComplaintStepKind, note: string, extra: StepExtra = {}): void {
  db.prepare(
    'INSERT INTO complaint_step (complaint_id, step, at, park_date, staff_id, note, method, level, skip_reason, no_follow_up, reported_to, satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    complaintId,
    step,
    ctx.now,
    parkDate(ctx.now, readSettings(db).timeZone),
    staffId,
    note,
    extra.method ?? null,
    extra.level ?? null,
    extra.skipReason ?? null,
    extra.noFollowUp ?? null,
    extra.reportedTo ?? null,
    extra.satisfaction ?? null,
  );
  db.prepare('UPDATE complaint SET updated_at = ? WHERE id = ?').run(ctx.now, complaintId);
}
