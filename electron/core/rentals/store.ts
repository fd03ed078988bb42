import type { ItemTypeView, RentalView, RepairView, UnitState, UnitView } from '@shared/contract';
import type { Db } from '../db/open';
import { containsPattern } from '../db/like';

/** Reads of the rentals tables, shaped as the contract's views. */

export interface TypeRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  deposit_fen: number;
  active: number;
  handout: number;
}

export interface UnitRow {
  id: number;
  type_id: number;
  tag: string;
  status: 'available' | 'out' | 'repair' | 'retired';
  inspected_on: string | null;
  inspected_at: number | null;
  note: string | null;
  type_code: string;
  type_name_zh: string;
  type_name_en: string;
  deposit_fen: number;
  open_receipt_no: string | null;
}

export function unitState(row: Pick<UnitRow, 'status' | 'inspected_on'>, today: string): UnitState {
  if (row.status === 'available' && row.inspected_on !== today) return 'inspectionDue';
  return row.status;
}

export function toUnitView(row: UnitRow, today: string): UnitView {
  const state = unitState(row, today);
  return {
    id: row.id,
    tag: row.tag,
    typeId: row.type_id,
    typeCode: row.type_code,
    typeNameZh: row.type_name_zh,
    typeNameEn: row.type_name_en,
    depositFen: row.deposit_fen,
    state,
    rentable: state === 'available',
    inspectedAt: row.inspected_at,
    note: row.note,
    openReceiptNo: row.open_receipt_no,
  };
}

const UNIT_SELECT = `
  SELECT u.id, u.type_id, u.tag, u.status, u.inspected_on, u.inspected_at, u.note,
         t.code AS type_code, t.name_zh AS type_name_zh, t.name_en AS type_name_en, t.deposit_fen,
         (SELECT r.receipt_no FROM rental r WHERE r.unit_id = u.id AND r.status = 'out') AS open_receipt_no
  FROM unit u JOIN item_type t ON t.id = u.type_id`;

export function getUnit(db: Db, id: number): UnitRow | undefined {
  return db.prepare<[number], UnitRow>(`${UNIT_SELECT} WHERE u.id = ?`).get(id);
}

export function getUnitByTag(db: Db, tag: string): UnitRow | undefined {
  return db.prepare<[string], UnitRow>(`${UNIT_SELECT} WHERE u.tag = ?`).get(tag);
}

/** A unit and what renting it needs of its type, read inside the check-out transaction. */
export interface RentCheckRow {
  id: number;
  tag: string;
  status: UnitRow['status'];
  inspected_on: string | null;
  type_id: number;
  type_name_zh: string;
  type_name_en: string;
  deposit_fen: number;
  type_active: number;
}

export function getUnitForRent(db: Db, tag: string): RentCheckRow | undefined {
  return db
    .prepare<[string], RentCheckRow>(
      `SELECT u.id, u.tag, u.status, u.inspected_on, u.type_id, t.name_zh AS type_name_zh, t.name_en AS type_name_en, t.deposit_fen, t.active AS type_active
       FROM unit u JOIN item_type t ON t.id = u.type_id WHERE u.tag = ?`,
    )
    .get(tag);
}

export function listUnits(db: Db, filter: { typeId?: number | undefined; query?: string | undefined }): UnitRow[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.typeId !== undefined) {
    where.push('u.type_id = @typeId');
    params.typeId = filter.typeId;
  }
  if (filter.query) {
    where.push("u.tag LIKE @query ESCAPE '\\'");
    params.query = containsPattern(filter.query);
  }
  return db
    .prepare<Record<string, string | number>, UnitRow>(`${UNIT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.sort, t.id, u.tag`)
    .all(params);
}

export function listTypes(db: Db, today: string): ItemTypeView[] {
  const types = db.prepare<[], TypeRow>('SELECT id, code, name_zh, name_en, deposit_fen, active, handout FROM item_type ORDER BY sort, id').all();
  const handedOut = db.prepare<[string], { type_id: number; n: number }>('SELECT type_id, sum(quantity) AS n FROM handout WHERE park_date = ? GROUP BY type_id').all(today);
  const counts = db
    .prepare<[string], { type_id: number; state: UnitState; n: number }>(
      `SELECT type_id,
              CASE WHEN status = 'available' AND (inspected_on IS NULL OR inspected_on <> ?) THEN 'inspectionDue' ELSE status END AS state,
              count(*) AS n
       FROM unit GROUP BY type_id, state`,
    )
    .all(today);
  return types.map((type) => {
    const mine = counts.filter((row) => row.type_id === type.id);
    const count = (state: UnitState) => mine.find((row) => row.state === state)?.n ?? 0;
    return {
      id: type.id,
      code: type.code,
      nameZh: type.name_zh,
      nameEn: type.name_en,
      depositFen: type.deposit_fen,
      active: type.active === 1,
      handOut: type.handout === 1,
      handedOutToday: handedOut.find((row) => row.type_id === type.id)?.n ?? 0,
      counts: { available: count('available'), inspectionDue: count('inspectionDue'), out: count('out'), repair: count('repair'), retired: count('retired') },
    };
  });
}

export function getType(db: Db, id: number): TypeRow | undefined {
  return db.prepare<[number], TypeRow>('SELECT id, code, name_zh, name_en, deposit_fen, active, handout FROM item_type WHERE id = ?').get(id);
}

export interface RentalRow {
  id: number;
  receipt_no: string;
  unit_id: number;
  unit_tag: string;
  type_id: number;
  type_name_zh: string;
  type_name_en: string;
  visitor_name: string;
  phone: string | null;
  id_type: RentalView['idType'];
  id_masked: string;
  deposit_fen: number;
  standard_deposit_fen: number;
  override_reason: string | null;
  payment: RentalView['payment'];
  out_at: number;
  out_by: number;
  out_by_name: string | null;
  due_at: number;
  status: 'out' | 'returned';
  returned_at: number | null;
  returned_by: number | null;
  returned_by_name: string | null;
  condition: RentalView['condition'];
  refund_fen: number | null;
  kept_fen: number | null;
  kept_reason: string | null;
  approved_by: number | null;
  approved_by_name: string | null;
  lost_receipt: number;
  awaiting_approval: number;
  receipt_job: number | null;
  slip_job: number | null;
}

export const RENTAL_SELECT = `
  SELECT r.id, r.receipt_no, r.unit_id, u.tag AS unit_tag, r.type_id, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
         r.visitor_name, r.phone, r.id_type, r.id_masked, r.deposit_fen, r.standard_deposit_fen, r.override_reason, r.payment,
         r.out_at, r.out_by, so.name AS out_by_name, r.due_at, r.status, r.returned_at, r.returned_by, sr.name AS returned_by_name,
         r.condition, r.refund_fen, r.kept_fen, r.kept_reason, r.approved_by, sa.name AS approved_by_name, r.lost_receipt,
         r.receipt_job, r.slip_job,
         EXISTS (SELECT 1 FROM approval_request a WHERE a.rental_id = r.id AND a.status = 'pending') AS awaiting_approval
  FROM rental r
  JOIN unit u ON u.id = r.unit_id
  JOIN item_type t ON t.id = r.type_id
  LEFT JOIN staff so ON so.id = r.out_by
  LEFT JOIN staff sr ON sr.id = r.returned_by
  LEFT JOIN staff sa ON sa.id = r.approved_by`;

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function toRentalView(row: RentalRow, now: number): RentalView {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    unitId: row.unit_id,
    unitTag: row.unit_tag,
    typeId: row.type_id,
    typeNameZh: row.type_name_zh,
    typeNameEn: row.type_name_en,
    visitorName: row.visitor_name,
    phone: row.phone,
    idType: row.id_type,
    idMasked: row.id_masked,
    depositFen: row.deposit_fen,
    standardDepositFen: row.standard_deposit_fen,
    overrideReason: row.override_reason,
    payment: row.payment,
    outAt: row.out_at,
    outBy: ref(row.out_by, row.out_by_name),
    dueAt: row.due_at,
    status: row.status,
    overdue: row.status === 'out' && row.due_at < now,
    returnedAt: row.returned_at,
    returnedBy: ref(row.returned_by, row.returned_by_name),
    condition: row.condition,
    refundFen: row.refund_fen,
    keptFen: row.kept_fen,
    keptReason: row.kept_reason,
    approvedBy: ref(row.approved_by, row.approved_by_name),
    lostReceipt: row.lost_receipt === 1,
    awaitingApproval: row.awaiting_approval === 1,
    receiptJobId: row.receipt_job,
    slipJobId: row.slip_job,
  };
}

/** A rental by its receipt number: the return's look-up when the receipt is scanned. */
export const RENTAL_BY_RECEIPT_SQL = `${RENTAL_SELECT} WHERE r.receipt_no = ?`;

export function getRentalByReceipt(db: Db, receiptNo: string): RentalRow | undefined {
  return db.prepare<[string], RentalRow>(RENTAL_BY_RECEIPT_SQL).get(receiptNo);
}

/**
 * A rental found without its receipt: by receipt number, ID number, the visitor's phone (as typed,
 * with or without +86), or their name with the phone's last four digits; open ones first.
 */
export const RENTAL_FIND_SQL = `${RENTAL_SELECT}
   WHERE r.id IN (
     SELECT id FROM rental WHERE receipt_no = @receiptNo
     UNION ALL SELECT id FROM rental WHERE id_number = @idNumber
     UNION ALL SELECT id FROM rental WHERE phone IN (SELECT value FROM json_each(@phones))
     UNION ALL SELECT id FROM rental INDEXED BY rental_by_name WHERE visitor_name = @name COLLATE NOCASE AND substr(phone, -4) = @last4
   )
   ORDER BY r.status = 'out' DESC, r.out_at DESC LIMIT 20`;

export interface RentalListFilter {
  view: 'out' | 'overdue' | 'returned' | 'all';
  limit: number;
  query?: string | undefined;
  /** The park day's bounds, when the list is of one day (out by check-out, returned by return). */
  day?: { start: number; end: number } | undefined;
  beforeId?: number | undefined;
}

/** The rentals lists: out and overdue by their due time, returned and all newest first; searchable, a page at a time. */
export function rentalListQuery(filter: RentalListFilter, now: number): { sql: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  if (filter.view === 'out') where.push("r.status = 'out'");
  if (filter.view === 'overdue') {
    where.push("r.status = 'out' AND r.due_at < @now");
    params.now = now;
  }
  // Nearly every rental of the year is returned: that list is read by return time or newest first, never by status (`+`).
  if (filter.view === 'returned') where.push("+r.status = 'returned'");
  if (filter.day) {
    where.push(filter.view === 'returned' ? 'r.returned_at >= @from AND r.returned_at < @to' : 'r.out_at >= @from AND r.out_at < @to');
    params.from = filter.day.start;
    params.to = filter.day.end;
  }
  if (filter.query) {
    where.push("(r.receipt_no LIKE @q ESCAPE '\\' OR u.tag LIKE @q ESCAPE '\\' OR r.visitor_name LIKE @q ESCAPE '\\' OR r.phone LIKE @q ESCAPE '\\')");
    params.q = containsPattern(filter.query);
  }
  if (filter.beforeId !== undefined) {
    where.push('r.id < @beforeId');
    params.beforeId = filter.beforeId;
  }
  const order = filter.view === 'out' || filter.view === 'overdue' ? 'r.due_at, r.id DESC' : 'r.id DESC';
  return { sql: `${RENTAL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT @limit`, params };
}

export function getRental(db: Db, id: number): RentalRow | undefined {
  return db.prepare<[number], RentalRow>(`${RENTAL_SELECT} WHERE r.id = ?`).get(id);
}

export interface RepairRow {
  id: number;
  unit_id: number;
  unit_tag: string;
  type_name_zh: string;
  type_name_en: string;
  fault: string;
  source: RepairView['source'];
  opened_at: number;
  opened_by: number;
  opened_by_name: string | null;
  sent_at: number | null;
  sent_to: string | null;
  back_at: number | null;
  cost_fen: number | null;
  note: string | null;
}

const REPAIR_SELECT = `
  SELECT p.id, p.unit_id, u.tag AS unit_tag, t.name_zh AS type_name_zh, t.name_en AS type_name_en, p.fault, p.source,
         p.opened_at, p.opened_by, s.name AS opened_by_name, p.sent_at, p.sent_to, p.back_at, p.cost_fen, p.note
  FROM repair p JOIN unit u ON u.id = p.unit_id JOIN item_type t ON t.id = u.type_id LEFT JOIN staff s ON s.id = p.opened_by`;

export function toRepairView(row: RepairRow): RepairView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitTag: row.unit_tag,
    typeNameZh: row.type_name_zh,
    typeNameEn: row.type_name_en,
    fault: row.fault,
    source: row.source,
    openedAt: row.opened_at,
    openedBy: ref(row.opened_by, row.opened_by_name),
    sentAt: row.sent_at,
    sentTo: row.sent_to,
    backAt: row.back_at,
    costFen: row.cost_fen,
    note: row.note,
  };
}

/** The counter's board: rentals out, overdue, and the deposits they hold. */
export const RENTALS_OUT_SQL = "SELECT count(*) AS out, coalesce(sum(due_at < ?), 0) AS overdue, coalesce(sum(deposit_fen), 0) AS held FROM rental WHERE status = 'out'";
export const DEPOSITS_HELD_SQL = "SELECT coalesce(sum(deposit_fen), 0) AS fen, count(*) AS n FROM rental WHERE status = 'out'";
/** The next receipt number of a park day. */
export const RECEIPT_SEQ_SQL = 'SELECT coalesce(max(seq), 0) + 1 AS n FROM rental WHERE park_date = ?';

/** A unit's life, newest first: added, inspected, rented and returned, repaired, retired. */
export const UNIT_HISTORY_SQL = `SELECT u.created_at AS at, 'added' AS kind, NULL AS detail, NULL AS condition, NULL AS ref, s.name AS staffName
     FROM unit u
     LEFT JOIN audit_log a ON a.action = 'rentals.unitAdd' AND a.entity = 'unit' AND a.entity_id = @unitRef
     LEFT JOIN staff s ON s.id = a.staff_id
    WHERE u.id = @unitId
   UNION ALL
   SELECT i.at, CASE i.result WHEN 'ok' THEN 'inspected' ELSE 'damaged' END, i.note, NULL, NULL, s.name
     FROM inspection i LEFT JOIN staff s ON s.id = i.staff_id WHERE i.unit_id = @unitId
   UNION ALL
   SELECT r.out_at, 'rented', NULL, NULL, r.receipt_no, s.name FROM rental r LEFT JOIN staff s ON s.id = r.out_by WHERE r.unit_id = @unitId
   UNION ALL
   SELECT r.returned_at, 'returned', r.kept_reason, r.condition, r.receipt_no, s.name
     FROM rental r LEFT JOIN staff s ON s.id = r.returned_by WHERE r.unit_id = @unitId AND r.returned_at IS NOT NULL
   UNION ALL
   SELECT p.opened_at, 'repairOpened', p.fault, NULL, NULL, s.name FROM repair p LEFT JOIN staff s ON s.id = p.opened_by WHERE p.unit_id = @unitId
   UNION ALL
   SELECT p.sent_at, 'repairSent', p.sent_to, NULL, NULL, NULL FROM repair p WHERE p.unit_id = @unitId AND p.sent_at IS NOT NULL
   UNION ALL
   SELECT p.back_at, 'repairBack', p.note, NULL, NULL, s.name FROM repair p LEFT JOIN staff s ON s.id = p.closed_by
     WHERE p.unit_id = @unitId AND p.back_at IS NOT NULL
   UNION ALL
   SELECT a.at, 'retired', json_extract(a.detail, '$.reason'), NULL, NULL, s.name FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
     WHERE a.action = 'rentals.unitRetire' AND a.entity = 'unit' AND a.entity_id = @unitRef
   ORDER BY at DESC, kind`;

export function getRepair(db: Db, id: number): RepairRow | undefined {
  return db.prepare<[number], RepairRow>(`${REPAIR_SELECT} WHERE p.id = ?`).get(id);
}

export function listRepairs(db: Db, open: boolean): RepairRow[] {
  return db
    .prepare<[number], RepairRow>(`${REPAIR_SELECT} WHERE (p.back_at IS NULL) = ? ORDER BY p.opened_at DESC LIMIT 200`)
    .all(open ? 1 : 0);
}

/** Opens a repair ticket and puts the unit under repair (inside the caller's transaction). */
export function openRepair(db: Db, unitId: number, fault: string, source: RepairView['source'], staffId: number, now: number): number {
  db.prepare("UPDATE unit SET status = 'repair', inspected_on = NULL, updated_at = ? WHERE id = ?").run(now, unitId);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO repair (unit_id, fault, source, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)')
    .run(unitId, fault, source, now, staffId);
  return Number(lastInsertRowid);
}

/**
 * Whether a printout is a deposit receipt already on paper (a copy of it printed) for a rental still
 * out: the visitor's voucher for the refund, so a further copy needs a duty manager.
 */
export function isVoucherOnPaper(db: Db, jobId: number): boolean {
  return (
    db
      .prepare<[number], { one: number }>(
        `SELECT 1 AS one FROM print_job j JOIN rental r ON r.receipt_no = j.ref AND r.status = 'out'
         WHERE j.id = ? AND j.kind = 'deposit-receipt'
           AND EXISTS (SELECT 1 FROM print_job p WHERE p.status = 'printed' AND (p.id = coalesce(j.reprint_of, j.id) OR p.reprint_of = coalesce(j.reprint_of, j.id)))`,
      )
      .get(jobId) !== undefined
  );
}
