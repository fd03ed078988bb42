import { COMPLAINT_CLOCKS, DAY_CLOSE_LIST_CAP, PAYMENT_METHODS, type AttentionKind, type CashCountRow, type ComplaintView, type DayChecklist, type IncidentSummary } from '@shared/contract';
import { readNotifyClock } from '@shared/rules/incidents';
import { pagingRef } from '@shared/rules/paging';
import { atParkTime, MINUTE, parkDayBounds } from '@shared/rules/time';
import type { CallContext, Reader } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings/store';

interface CountRow {
  payment: CashCountRow['payment'];
  expected_fen: number;
  counted_fen: number;
  reason: string;
  staff_id: number;
  staff_name: string;
  at: number;
}

/** The latest count per payment method for a park date, against today's expected figures. */
export function cashRows(db: Db, date: string, expected: ReadonlyMap<string, number>): CashCountRow[] {
  const counts = new Map(
    db
      .prepare<[string], CountRow>(
        `SELECT c.payment, c.expected_fen, c.counted_fen, c.reason, c.staff_id, s.name AS staff_name, c.at
         FROM cash_count c JOIN staff s ON s.id = c.staff_id
         WHERE c.park_date = ? AND c.id IN (SELECT max(id) FROM cash_count WHERE park_date = c.park_date GROUP BY payment)`,
      )
      .all(date)
      .map((row) => [row.payment, row]),
  );
  return PAYMENT_METHODS.map((payment) => {
    const counted = counts.get(payment);
    const expectedFen = expected.get(payment) ?? 0;
    return {
      payment,
      expectedFen,
      countedFen: counted?.counted_fen ?? null,
      differenceFen: counted ? counted.counted_fen - expectedFen : null,
      reason: counted?.reason ?? '',
      countedBy: counted ? { id: counted.staff_id, name: counted.staff_name } : null,
      countedAt: counted?.at ?? null,
    };
  });
}

/** Every open complaint, a page at a time (the list answers at most 200). */
async function openComplaints(read: Reader, ctx: CallContext): Promise<ComplaintView[]> {
  const rows: ComplaintView[] = [];
  let beforeId: number | undefined;
  do {
    const page = await read('complaints.list', { view: 'open', limit: 200, ...(beforeId === undefined ? {} : { beforeId }) }, ctx);
    rows.push(...page.rows);
    beforeId = page.nextBeforeId ?? undefined;
  } while (beforeId !== undefined);
  return rows;
}

/** An open complaint's clocks that ran out without being done, and when the first of them was due. */
function overdueClocks(complaint: ComplaintView): { complaintNo: string; clocks: Array<(typeof COMPLAINT_CLOCKS)[number]>; dueAt: number } | undefined {
  const late = COMPLAINT_CLOCKS.flatMap((name) => {
    const clock = complaint[name];
    return clock && clock.doneAt === null && clock.late ? [{ name, dueAt: clock.dueAt }] : [];
  });
  if (late.length === 0) return undefined;
  return { complaintNo: complaint.complaintNo, clocks: late.map((clock) => clock.name), dueAt: Math.min(...late.map((clock) => clock.dueAt)) };
}

type IncidentLine = DayChecklist['incidents']['overdueList'][number];

/**
 * The incidents behind the notification warnings: those reported on the day not notified yet or
 * notified after the 30 minutes, and older ones not closed whose 30 minutes ran out (still not
 * notified, or notified late), read by the incidents' own clock at `now`; oldest first.
 */
function lateIncidents(ofDay: readonly IncidentSummary[], active: readonly IncidentSummary[], dayStart: number, now: number): { today: IncidentLine[]; older: IncidentLine[] } {
  // Each incident with its clock read once; kept when `keep` says so.
  const lines = (rows: readonly IncidentSummary[], keep: (row: IncidentSummary, late: boolean) => boolean): IncidentLine[] =>
    rows
      .map((row) => ({ row, clock: readNotifyClock(row.receivedAt, row.noticeDoneAt, now) }))
      .filter(({ row, clock }) => keep(row, clock.late))
      .map(({ row, clock }) => ({ id: row.id, refNo: row.refNo, nature: row.nature, receivedAt: row.receivedAt, notice: row.notice, minutes: clock.minutes, toNotify: row.toNotify, status: row.status }))
      .sort((a, b) => a.receivedAt - b.receivedAt || a.id - b.id);
  return {
    today: lines(ofDay, (row, late) => row.noticeDoneAt === null || late),
    older: lines(active, (row, late) => row.receivedAt < dayStart && late),
  };
}

/**
 * The day close checklist, composed from each domain's own read for the date: the same figures
 * their screens show. What is past its deadline or not done is listed under `attention`, and each
 * such record is named (rentals overdue, paging slips passed on late, late department heads, items
 * overdue for handover, complaints past their clocks, incidents past their 30 minutes, today's or older ones still open,
 * units not inspected or under repair); a list longer than the cap
 * says how many more there are.
 */
/** The free items handed out on a park day, by type (every handed-out type in use, none given counted 0). */
function handoutsOf(db: Db, date: string): DayChecklist['services']['handouts'] {
  return db
    .prepare<[string], { nameZh: string; nameEn: string; count: number }>(
      `SELECT t.name_zh AS nameZh, t.name_en AS nameEn, coalesce(sum(h.quantity), 0) AS count
       FROM item_type t LEFT JOIN handout h ON h.type_id = t.id AND h.park_date = ?
       WHERE t.handout = 1 GROUP BY t.id HAVING t.active = 1 OR count > 0 ORDER BY t.sort, t.id`,
    )
    .all(date);
}

export async function composeChecklist(db: Db, read: Reader, ctx: CallContext, date: string, lastBackupAt: number | null): Promise<DayChecklist> {
  const [summary, board, cash, out, overdueRentals, lostFound, handover, paging, incidents, incidentsOfDay, programme, complaints, units, repairs] = await Promise.all([
    read('complaints.summary', { date }, ctx),
    read('rentals.board', {}, ctx),
    read('rentals.cash', { date }, ctx),
    read('rentals.list', { view: 'out', limit: DAY_CLOSE_LIST_CAP }, ctx),
    read('rentals.list', { view: 'overdue', limit: DAY_CLOSE_LIST_CAP }, ctx),
    read('lostFound.summary', { date }, ctx),
    read('lostFound.handover.due', {}, ctx),
    read('paging.stats', { date }, ctx),
    read('incidents.open', { date }, ctx),
    read('incidents.list', { status: 'all', date, limit: DAY_CLOSE_LIST_CAP }, ctx),
    read('programme.day', { date }, ctx),
    openComplaints(read, ctx),
    read('rentals.units.list', {}, ctx),
    read('rentals.repairs.list', { open: true }, ctx),
  ]);
  const enquiries = (await read('info.list', { date }, ctx)).today;
  const rentalLine = (row: (typeof out.rows)[number]) => ({ receiptNo: row.receiptNo, unitTag: row.unitTag, visitorName: row.visitorName, dueAt: row.dueAt, depositFen: row.depositFen });
  const overdueComplaints = complaints.flatMap((complaint) => overdueClocks(complaint) ?? []).sort((a, b) => a.dueAt - b.dueAt);
  const overdueItems = handover.due.filter((item) => item.handoverDueBy < ctx.now);
  const expected = new Map(cash.rows.map((row) => [row.payment, row.expectedFen]));
  const active = new Set(cash.rows.filter((row) => row.rentals > 0 || row.returns > 0).map((row) => row.payment));
  const counted = cashRows(db, date, expected);
  const { timeZone } = readSettings(db);
  const dayStart = parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone).start;
  const underRepair = board.types.reduce((sum, type) => sum + type.counts.repair, 0);
  // The units behind the two equipment counts: not inspected (types in use only, as counted) and under repair.
  const inUse = new Set(board.types.filter((type) => type.active).map((type) => type.id));
  const unitLine = (unit: (typeof units)[number]) => ({ tag: unit.tag, typeNameZh: unit.typeNameZh, typeNameEn: unit.typeNameEn });
  const notInspected = units.filter((unit) => unit.state === 'inspectionDue' && inUse.has(unit.typeId)).slice(0, DAY_CLOSE_LIST_CAP);
  const ticketOf = new Map(repairs.map((repair) => [repair.unitId, repair]));
  const inRepair = units.filter((unit) => unit.state === 'repair').slice(0, DAY_CLOSE_LIST_CAP);

  const lateIncidentLists = lateIncidents(incidentsOfDay.rows, incidents.incidents, dayStart, ctx.now);
  const olderNotNotified = lateIncidentLists.older.filter((row) => row.notice === 'overdue').length;
  const olderNotifiedLate = lateIncidentLists.older.length - olderNotNotified;
  const incidentsNotNotified = incidents.day.notNotified + olderNotNotified;
  const incidentsNotifiedLate = incidents.day.notifiedLate + olderNotifiedLate;
  const lateIncidentList = [...lateIncidentLists.older, ...lateIncidentLists.today].slice(0, DAY_CLOSE_LIST_CAP);

  const attention: Array<{ kind: AttentionKind; count: number }> = [];
  const flag = (kind: AttentionKind, count: number) => {
    if (count > 0) attention.push({ kind, count });
  };
  flag('summaryNotClosed', summary.state === 'open' || summary.state === 'reminder' ? 1 : 0);
  flag('summaryLate', summary.state === 'late' || summary.state === 'closedLate' ? 1 : 0);
  flag('complaintsOverdue', overdueComplaints.length);
  flag('rentalsOverdue', board.overdue);
  flag('cashNotCounted', counted.filter((row) => row.countedFen === null && active.has(row.payment)).length);
  flag('cashDifference', counted.filter((row) => row.differenceFen !== null && row.differenceFen !== 0).length);
  flag('handoverOverdue', lostFound.overdue);
  flag('valuablesNotVerified', lostFound.valuablesNotVerified);
  flag('valuablesNotAnnounced', lostFound.valuablesNotAnnounced);
  flag('pagingLateHeads', paging.lateHeads.length);
  flag('pagingContactLate', paging.lateContacts.length);
  flag('incidentsNotNotified', incidentsNotNotified);
  flag('incidentsNotifiedLate', incidentsNotifiedLate);
  flag('unitsNotInspected', board.toInspect);
  flag('programmeChecksMissed', programme.summary.checksMissed);
  flag('noBackupToday', lastBackupAt === null || lastBackupAt < dayStart ? 1 : 0);

  return {
    date,
    now: ctx.now,
    closed: null,
    complaints: { state: summary.state, deadlineAt: summary.deadlineAt, closedAt: summary.closedAt, total: summary.total, open: summary.open, overdue: overdueComplaints },
    rentals: {
      out: board.out,
      overdue: board.overdue,
      heldFen: board.heldFen,
      outList: out.rows.map(rentalLine),
      outMore: Math.max(0, board.out - out.rows.length),
      overdueList: overdueRentals.rows.map(rentalLine),
      overdueMore: Math.max(0, board.overdue - overdueRentals.rows.length),
      rentedToday: cash.totals.rentals,
      returnedToday: cash.totals.returns,
    },
    cash: counted,
    lostFound: {
      receivedToday: lostFound.receivedToday,
      returnedToday: lostFound.returnedToday,
      held: lostFound.held,
      dueThisWeek: lostFound.dueThisWeek,
      overdue: lostFound.overdue,
      overdueItems: overdueItems.map((item) => ({ itemNo: item.itemNo, category: item.category, description: item.description, handoverDueBy: item.handoverDueBy })),
    },
    paging: {
      total: paging.total,
      contactedWithin5: paging.contactedWithin5,
      shareWithin5: paging.shareWithin5,
      lateHeads: paging.lateHeads.length,
      lateHeadList: paging.lateHeads.map((head) => ({
        ref: pagingRef(head.id),
        department: head.department,
        departmentEn: head.departmentEn,
        calledAt: head.calledAt,
        arrivedAt: head.arrivedAt,
        lateMinutes: Math.floor(head.lateByMs / MINUTE),
      })),
      lateContactList: paging.lateContacts.map((slip) => ({
        ref: pagingRef(slip.id),
        kind: slip.kind,
        registeredAt: slip.createdAt,
        contactedAt: slip.contactedAt,
        lateMinutes: Math.floor(slip.lateByMs / MINUTE),
      })),
    },
    incidents: {
      active: incidents.counts.active,
      reportedToday: incidents.day.reported,
      notifiedInTime: incidents.day.notifiedInTime,
      notifiedLate: incidents.day.notifiedLate,
      notNotified: incidents.day.notNotified,
      rows: incidents.incidents.map((row) => ({ id: row.id, refNo: row.refNo, nature: row.nature, notice: row.notice, status: row.status })),
      overdueList: lateIncidentList,
      overdueMore: Math.max(0, incidentsNotNotified + incidentsNotifiedLate - lateIncidentList.length),
    },
    equipment: {
      underRepair,
      notInspected: board.toInspect,
      notInspectedList: notInspected.map(unitLine),
      notInspectedMore: Math.max(0, board.toInspect - notInspected.length),
      repairList: inRepair.map((unit) => ({ ...unitLine(unit), fault: ticketOf.get(unit.id)?.fault ?? null, since: ticketOf.get(unit.id)?.openedAt ?? null })),
      repairMore: Math.max(0, underRepair - inRepair.length),
    },
    programme: {
      slots: programme.summary.slots,
      checksInTime: programme.summary.checksInTime,
      checksMissed: programme.summary.checksMissed,
      aired: programme.summary.aired,
    },
    services: { enquiries: enquiries.total, printed: enquiries.printed, byTopic: enquiries.byTopic, handouts: handoutsOf(db, date) },
    backups: { lastAt: lastBackupAt },
    attention,
  };
}
