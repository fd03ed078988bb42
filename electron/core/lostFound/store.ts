import type { ItemDetail, ItemSummary, LfCategory, ReportView } from '@shared/contract';
import { indexText, matchExpression, SEARCH_TOKENS_VERSION } from '@shared/rules/search';
import { atParkTime, DAY, parkDate, parkDayBounds } from '@shared/rules/time';
import type { Db } from '../db/open';
import { openSlipsOf } from '../paging/store';

/** Past its holding period, an item reaches finance within a week. */
export const HANDOVER_WITHIN_MS = 7 * DAY;

export interface ItemRow {
  id: number;
  item_no: string;
  category: LfCategory;
  description: string;
  colour: string;
  brand: string;
  found_place: string;
  found_at: number;
  water_world: number;
  finder_name: string;
  finder_department_id: number | null;
  finder_department: string | null;
  finder_phone: string | null;
  contents: string;
  cash_fen: number;
  cash_counted_by_1: number | null;
  cash_counted_by_1_name: string | null;
  cash_counted_by_2: number | null;
  cash_counted_by_2_name: string | null;
  valuable: number;
  storage_kind: ItemSummary['storageKind'];
  storage_place: string;
  received_by: number;
  received_by_name: string | null;
  received_at: number;
  verified_by: number | null;
  verified_by_name: string | null;
  verified_at: number | null;
  status: ItemSummary['status'];
  holding_until: number;
  paging_id: number | null;
  handover_id: number | null;
  batch_no: string | null;
  intake_job: number | null;
  label_job: number | null;
  photo_ids: string | null;
}

const ITEM_COLUMNS = `
  SELECT i.id, i.item_no, i.category, i.description, i.colour, i.brand, i.found_place, i.found_at, i.water_world,
         i.finder_name, i.finder_department_id, d.name_zh AS finder_department, i.finder_phone, i.contents, i.cash_fen,
         i.cash_counted_by_1, c1.name AS cash_counted_by_1_name, i.cash_counted_by_2, c2.name AS cash_counted_by_2_name,
         i.valuable, i.storage_kind, i.storage_place, i.received_by, r.name AS received_by_name, i.received_at,
         i.verified_by, v.name AS verified_by_name, i.verified_at, i.status, i.holding_until, i.paging_id, i.handover_id,
         h.batch_no, i.intake_job, i.label_job,
         (SELECT group_concat(p.id) FROM lf_photo p WHERE p.item_id = i.id) AS photo_ids`;
const ITEM_JOINS = `
  LEFT JOIN department d ON d.id = i.finder_department_id
  LEFT JOIN staff c1 ON c1.id = i.cash_counted_by_1
  LEFT JOIN staff c2 ON c2.id = i.cash_counted_by_2
  LEFT JOIN staff r ON r.id = i.received_by
  LEFT JOIN staff v ON v.id = i.verified_by
  LEFT JOIN lf_handover h ON h.id = i.handover_id`;
export const ITEM_SELECT = `${ITEM_COLUMNS} FROM lf_item i ${ITEM_JOINS}`;
/** Items found by their words: read from the search index newest first, so a page stops at its last row. */
const ITEM_MATCH_SELECT = `${ITEM_COLUMNS} FROM lf_item_fts f JOIN lf_item i ON i.id = f.rowid ${ITEM_JOINS}`;

export interface ItemFilter {
  query?: string | undefined;
  category?: LfCategory | undefined;
  status?: ItemSummary['status'] | 'dueForHandover' | 'awaitingClaim' | undefined;
  /** Found from this instant, and before that one. */
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
  beforeId?: number | undefined;
}

/**
 * Lost and found's search and lists, newest first, a page (and one more row) at a time: an item
 * number, words (Chinese too) through the search index, category, status, dates. Undefined when
 * the words hold nothing searchable.
 */
export function itemSearchQuery(filter: ItemFilter, now: number): { sql: string; params: Record<string, string | number> } | undefined {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  let select = ITEM_SELECT;
  let id = 'i.id';
  if (filter.query) {
    const asNumber = filter.query.trim().toUpperCase();
    const expression = matchExpression(filter.query);
    if (/^L\d{8}-\d+$/.test(asNumber)) {
      where.push('i.item_no = @itemNo');
      params.itemNo = asNumber;
    } else if (expression) {
      select = ITEM_MATCH_SELECT;
      id = 'f.rowid';
      where.push('lf_item_fts MATCH @match');
      params.match = expression;
    } else {
      return undefined;
    }
  }
  if (filter.category) {
    where.push('i.category = @category');
    params.category = filter.category;
  }
  if (filter.status === 'dueForHandover') {
    where.push("i.status = 'held' AND i.holding_until <= @now");
    params.now = now;
  } else if (filter.status === 'awaitingClaim') {
    // On the shelf, and staff confirmed a visitor's lost report as its owner's: the visitor is to come for it.
    where.push("i.status = 'held' AND i.id IN (SELECT item_id FROM lf_match WHERE decision = 'confirmed')");
  } else if (filter.status) {
    where.push('i.status = @status');
    params.status = filter.status;
  }
  if (filter.from !== undefined) {
    where.push('i.found_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    where.push('i.found_at < @to');
    params.to = filter.to;
  }
  if (filter.beforeId !== undefined) {
    where.push(`${id} < @beforeId`);
    params.beforeId = filter.beforeId;
  }
  return { sql: `${select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${id} DESC LIMIT @limit`, params };
}

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function toItemSummary(row: ItemRow): ItemSummary {
  return {
    id: row.id,
    itemNo: row.item_no,
    category: row.category,
    description: row.description,
    colour: row.colour,
    brand: row.brand,
    foundPlace: row.found_place,
    foundAt: row.found_at,
    waterWorld: row.water_world === 1,
    valuable: row.valuable === 1,
    storageKind: row.storage_kind,
    storagePlace: row.storage_place,
    status: row.status,
    verified: row.verified_at !== null,
    announced: row.paging_id !== null,
    holdingUntil: row.holding_until,
    handoverDueBy: row.holding_until + HANDOVER_WITHIN_MS,
    photoIds: row.photo_ids ? row.photo_ids.split(',').map(Number) : [],
    receivedAt: row.received_at,
  };
}

interface ClaimRow {
  at: number;
  claimant_name: string;
  id_masked: string;
  staff_id: number;
  staff_name: string | null;
  verification_note: string;
  print_job: number | null;
}

/**
 * An item with its contents and cash amount, for the core's own documents (the finder's receipt,
 * the ledger to finance); never an answer to a read, where these stay behind the audited reveal.
 */
export type ItemRecord = ItemDetail & { contents: string; cashFen: number };

export function toItemRecord(db: Db, row: ItemRow): ItemRecord {
  return { ...toItemDetail(db, row), contents: row.contents, cashFen: row.cash_fen };
}

export function toItemDetail(db: Db, row: ItemRow): ItemDetail {
  const claim = db
    .prepare<[number], ClaimRow>(
      `SELECT c.at, c.claimant_name, c.id_masked, c.staff_id, s.name AS staff_name, c.verification_note, c.print_job
       FROM lf_claim c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.item_id = ?`,
    )
    .get(row.id);
  return {
    ...toItemSummary(row),
    finderName: row.finder_name,
    finderDepartment: row.finder_department,
    finderPhone: row.finder_phone,
    cashCountedBy: [ref(row.cash_counted_by_1, row.cash_counted_by_1_name), ref(row.cash_counted_by_2, row.cash_counted_by_2_name)].filter((s) => s !== null),
    receivedBy: ref(row.received_by, row.received_by_name),
    verifiedBy: ref(row.verified_by, row.verified_by_name),
    verifiedAt: row.verified_at,
    pagingId: row.paging_id,
    announcing: row.paging_id !== null && openSlipsOf(db, 'lostFound', row.item_no).length > 0,
    claim: claim
      ? {
          at: claim.at,
          claimantName: claim.claimant_name,
          idMasked: claim.id_masked,
          staff: ref(claim.staff_id, claim.staff_name),
          verificationNote: claim.verification_note,
          printJobId: claim.print_job,
        }
      : null,
    handoverBatchNo: row.batch_no,
    intakeJobId: row.intake_job,
    labelJobId: row.label_job,
  };
}

export function getItem(db: Db, id: number): ItemRow | undefined {
  return db.prepare<[number], ItemRow>(`${ITEM_SELECT} WHERE i.id = ?`).get(id);
}

export function getItemByNo(db: Db, itemNo: string): ItemRow | undefined {
  return db.prepare<[string], ItemRow>(`${ITEM_SELECT} WHERE i.item_no = ?`).get(itemNo);
}

/**
 * When the holding period ends: the end of the park day `holdingDays` after the day found; with
 * 0 days, or for anything found in the water world, closing time on the day found.
 */
export function holdingUntil(foundAt: number, holdingDays: number, waterWorld: boolean, timeZone: string, closingTime: string): number {
  const day = parkDate(foundAt, timeZone);
  if (waterWorld || holdingDays === 0) return Math.max(atParkTime(day, closingTime, timeZone), foundAt);
  return parkDayBounds(foundAt + holdingDays * DAY, timeZone).end;
}

export function indexItem(db: Db, item: { id: number; description: string; colour: string; brand: string; foundPlace: string; itemNo: string }): void {
  const { words, chars } = indexText([item.itemNo, item.description, item.colour, item.brand, item.foundPlace].join(' '));
  db.prepare('DELETE FROM lf_item_fts WHERE rowid = ?').run(item.id);
  db.prepare('INSERT INTO lf_item_fts (rowid, words, chars) VALUES (?, ?, ?)').run(item.id, words, chars);
}

export function indexReport(db: Db, report: { id: number; description: string; colour: string; lostPlace: string; reportNo: string; visitorName: string }): void {
  const { words, chars } = indexText([report.reportNo, report.description, report.colour, report.lostPlace, report.visitorName].join(' '));
  db.prepare('DELETE FROM lf_report_fts WHERE rowid = ?').run(report.id);
  db.prepare('INSERT INTO lf_report_fts (rowid, words, chars) VALUES (?, ?, ?)').run(report.id, words, chars);
}

/**
 * Indexes every found item and lost report again when the stored tokens are older than the ones
 * `indexText` makes now (a new version of the app, or an older backup restored); run as the core
 * starts, in one transaction. Answers how many texts were indexed (0 when the index was current).
 */
export function refreshSearchIndex(db: Db): number {
  const stored = db.prepare<[], { version: number }>("SELECT version FROM search_index_version WHERE name = 'lostFound'").get()?.version ?? 0;
  if (stored >= SEARCH_TOKENS_VERSION) return 0;
  return db
    .transaction(() => {
      const items = db
        .prepare<[], { id: number; itemNo: string; description: string; colour: string; brand: string; foundPlace: string }>(
          'SELECT id, item_no AS itemNo, description, colour, brand, found_place AS foundPlace FROM lf_item',
        )
        .all();
      for (const item of items) indexItem(db, item);
      const reports = db
        .prepare<[], { id: number; reportNo: string; description: string; colour: string; lostPlace: string; visitorName: string }>(
          'SELECT id, report_no AS reportNo, description, colour, lost_place AS lostPlace, visitor_name AS visitorName FROM lf_report',
        )
        .all();
      for (const report of reports) indexReport(db, report);
      db.prepare("INSERT INTO search_index_version (name, version) VALUES ('lostFound', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version").run(SEARCH_TOKENS_VERSION);
      return items.length + reports.length;
    })
    .immediate();
}

export function custody(db: Db, itemId: number, at: number, staffId: number | null, kind: string, detail = ''): void {
  db.prepare('INSERT INTO lf_custody (item_id, at, staff_id, kind, detail) VALUES (?, ?, ?, ?, ?)').run(itemId, at, staffId, kind, detail);
}

export interface ReportRow {
  id: number;
  report_no: string;
  category: LfCategory;
  description: string;
  colour: string;
  lost_place: string;
  lost_at: number;
  visitor_name: string;
  phone: string | null;
  status: ReportView['status'];
  created_at: number;
  created_by: number;
  created_by_name: string | null;
  item_id: number | null;
  close_note: string | null;
}

export const REPORT_SELECT = `
  SELECT r.id, r.report_no, r.category, r.description, r.colour, r.lost_place, r.lost_at, r.visitor_name, r.phone, r.status,
         r.created_at, r.created_by, s.name AS created_by_name, r.item_id, r.close_note
  FROM lf_report r LEFT JOIN staff s ON s.id = r.created_by`;

export function toReportView(row: ReportRow): ReportView {
  return {
    id: row.id,
    reportNo: row.report_no,
    category: row.category,
    description: row.description,
    colour: row.colour,
    lostPlace: row.lost_place,
    lostAt: row.lost_at,
    visitorName: row.visitor_name,
    phone: row.phone,
    status: row.status,
    createdAt: row.created_at,
    createdBy: ref(row.created_by, row.created_by_name),
    itemId: row.item_id,
    closeNote: row.close_note,
  };
}

/** Lost reports, open ones first, newest first; searched by their words, the visitor's phone or the report number. Undefined when the words hold nothing searchable. */
export function reportListQuery(filter: { status: ReportView['status'] | 'all'; query?: string | undefined }): { sql: string; params: Record<string, string> } | undefined {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.status !== 'all') {
    where.push('r.status = @status');
    params.status = filter.status;
  }
  if (filter.query) {
    const expression = matchExpression(filter.query);
    if (!expression) return undefined;
    where.push('(r.id IN (SELECT rowid FROM lf_report_fts WHERE lf_report_fts MATCH @match) OR r.phone = @phone OR r.report_no = @number)');
    params.match = expression;
    params.phone = filter.query.replace(/[\s()-]/g, '');
    params.number = filter.query.trim().toUpperCase();
  }
  return { sql: `${REPORT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.status = 'open' DESC, r.created_at DESC LIMIT 200`, params };
}

/** Items held whose holding period ends within the coming week (or has ended), by that end. */
export const HANDOVER_DUE_SQL = `${ITEM_SELECT} WHERE i.status = 'held' AND i.holding_until <= ? ORDER BY i.holding_until, i.id`;

/** The counts of lost and found's header and of the day close. */
export const SUMMARY_SQL = {
  receivedToday: 'SELECT count(*) AS n FROM lf_item WHERE received_at >= ? AND received_at < ?',
  held: "SELECT count(*) AS n FROM lf_item WHERE status = 'held'",
  openReports: "SELECT count(*) AS n FROM lf_report WHERE status = 'open'",
  dueThisWeek: "SELECT count(*) AS n FROM lf_item WHERE status = 'held' AND holding_until <= ?",
  /** Past the week after its holding period (`? = now − 7 days`): late for finance. */
  overdue: "SELECT count(*) AS n FROM lf_item WHERE status = 'held' AND holding_until < ?",
  returnedToday: 'SELECT count(*) AS n FROM lf_claim WHERE at >= ? AND at < ?',
  /** Valuables on the shelf a second member of staff has not verified yet, or not announced over the PA: both are done at once. */
  valuablesNotVerified: "SELECT count(*) AS n FROM lf_item WHERE status = 'held' AND valuable = 1 AND verified_at IS NULL",
  valuablesNotAnnounced: "SELECT count(*) AS n FROM lf_item WHERE status = 'held' AND valuable = 1 AND paging_id IS NULL",
} as const;

export function getReport(db: Db, id: number): ReportRow | undefined {
  return db.prepare<[number], ReportRow>(`${REPORT_SELECT} WHERE r.id = ?`).get(id);
}

/**
 * The next number of the day for a prefix: `L20261129-0001`. GLOB, not LIKE: case-sensitive like the
 * column, so the day's numbers are read from the column's unique index instead of the whole table.
 */
export function numberSql(table: 'lf_item' | 'lf_report' | 'lf_handover', column: string): string {
  return `SELECT ${column} AS n FROM ${table} WHERE ${column} GLOB ? ORDER BY length(${column}) DESC, ${column} DESC LIMIT 1`;
}

export function nextNumber(db: Db, table: 'lf_item' | 'lf_report' | 'lf_handover', column: string, prefix: string, date: string): { seq: number; number: string } {
  const stem = `${prefix}${date.replaceAll('-', '')}-`;
  const last = db.prepare<[string], { n: string }>(numberSql(table, column)).get(`${stem}*`);
  const seq = last ? Number(last.n.slice(stem.length)) + 1 : 1;
  return { seq, number: `${stem}${String(seq).padStart(4, '0')}` };
}
