import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RETENTION_KINDS } from '@shared/contract';
import { matchExpression } from '@shared/rules/search';
import { DAY_COMPLAINTS_SQL } from '../../electron/core/complaints/summary';
import { PENDING_FEEDBACK_SQL } from '../../electron/core/complaints/feedback';
import { complaintListQuery } from '../../electron/core/complaints/store';
import { COMPLAINTS_SQL, LOST_FOUND_BY_DAY_SQL, LOST_FOUND_SQL, PAGING_SQL, PAGING_TIMES_SQL, RENTALS_BY_DAY_SQL, RENTALS_BY_HOUR_SQL, RENTALS_SQL } from '../../electron/core/dashboard/handlers';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { INCIDENTS_CLOSED_SQL, INCIDENTS_OF_DAY_SQL, INCIDENTS_OPEN_SQL } from '../../electron/core/incidents/store';
import { HANDOVER_DUE_SQL, itemSearchQuery, numberSql, reportListQuery, SUMMARY_SQL } from '../../electron/core/lostFound/store';
import { countSql, eraseSql } from '../../electron/core/maintenance/retention';
import { DAY_WHERE, pagingSql, QUEUE_ORDER, QUEUE_WHERE } from '../../electron/core/paging/store';
import { CASH_SQL } from '../../electron/core/rentals/shifts';
import {
  DEPOSITS_HELD_SQL,
  RECEIPT_SEQ_SQL,
  RENTAL_BY_RECEIPT_SQL,
  RENTAL_FIND_SQL,
  rentalListQuery,
  RENTALS_OUT_SQL,
  UNIT_HISTORY_SQL,
} from '../../electron/core/rentals/store';

/**
 * Every hot query (what the counter, the broadcast room and the duty manager run all day, and the
 * benchmark measures) planned with EXPLAIN QUERY PLAN on a freshly migrated database: none may
 * read a whole big table, nor the whole of an index over one. A query that needs an index it does
 * not have fails here, before a year of records makes it slow. The SQL is the core's own.
 */

/** The tables that grow with the park's days (everything else holds a few dozen rows). */
const BIG = new Set([
  'rental', 'print_job', 'audit_log', 'inspection', 'repair', 'lf_item', 'lf_custody', 'lf_claim', 'lf_photo', 'lf_report', 'lf_match', 'lf_handover',
  'paging_request', 'paging_airing', 'complaint', 'complaint_step', 'complaint_summary_item', 'incident', 'incident_notification', 'incident_casualty',
  'approval_request', 'cash_count', 'programme_check', 'programme_airing', 'visitor_feedback',
]);
const KEYWORDS = new Set(['WHERE', 'JOIN', 'LEFT', 'ON', 'GROUP', 'ORDER', 'LIMIT', 'INDEXED', 'UNION', 'SELECT', 'USING', 'AS']);

interface Case {
  name: string;
  sql: string;
  params: Record<string, string | number> | Array<string | number>;
  /** Tables it reads newest first by their row id, stopping at the page's last row (nothing to index). */
  pages?: string[];
  /** The index it must read (where a less selective one would also do). */
  uses?: string;
}

const TODAY = { start: Date.parse('2026-11-28T16:00:00Z'), end: Date.parse('2026-11-29T16:00:00Z') };
const NOW = Date.parse('2026-11-29T07:00:00Z');
const DATE = '2026-11-29';
const range = { start: TODAY.start - 90 * 86_400_000, end: TODAY.end, from: '2026-09-01', to: DATE };
const match = matchExpression('黑色钱包') ?? '';

function built(name: string, query: { sql: string; params: Record<string, string | number> } | undefined, pages?: string[]): Case {
  if (!query) throw new Error(`${name}: nothing to plan`);
  return { name, ...query, ...(pages ? { pages } : {}) };
}

const CASES: Case[] = [
  // Rentals: the return's look-up, the lost receipt, the lists, the board, the cash, a unit's life.
  { name: 'rental by receipt number', sql: RENTAL_BY_RECEIPT_SQL, params: ['R20261129-0001'] },
  {
    name: 'rental by phone, ID number, or name and last four digits',
    sql: RENTAL_FIND_SQL,
    params: { receiptNo: '11010519491231002X', idNumber: '11010519491231002X', phones: JSON.stringify(['13812345678', '+8613812345678']), name: '李游客', last4: '5678' },
  },
  built('rentals out', rentalListQuery({ view: 'out', limit: 100 }, NOW)),
  built('rentals overdue', rentalListQuery({ view: 'overdue', limit: 100 }, NOW)),
  built('rentals out, searched', rentalListQuery({ view: 'out', limit: 100, query: '138' }, NOW)),
  { ...built('rentals returned today', rentalListQuery({ view: 'returned', limit: 100, day: TODAY }, NOW)), uses: 'rental_by_returned_at' },
  built('rentals returned today, searched', rentalListQuery({ view: 'returned', limit: 100, day: TODAY, query: 'R2026' }, NOW)),
  built('rentals, all, newest first', rentalListQuery({ view: 'all', limit: 100, beforeId: 5000 }, NOW), ['r']),
  built('rentals returned, newest first', rentalListQuery({ view: 'returned', limit: 100 }, NOW), ['r']),
  { name: 'rentals board', sql: RENTALS_OUT_SQL, params: [NOW] },
  { name: 'deposits held', sql: DEPOSITS_HELD_SQL, params: [] },
  { name: 'next receipt number', sql: RECEIPT_SEQ_SQL, params: [DATE] },
  { name: 'cash of the day', sql: CASH_SQL, params: { from: TODAY.start, to: TODAY.end } },
  { name: 'a unit’s history', sql: UNIT_HISTORY_SQL, params: { unitId: 7, unitRef: '7' } },
  // Paging.
  { name: 'broadcast queue', sql: pagingSql(QUEUE_WHERE, QUEUE_ORDER), params: {} },
  { name: 'paging requests of the day', sql: pagingSql(DAY_WHERE, 'p.created_at DESC'), params: { date: DATE } },
  // Complaints.
  built('complaints open', complaintListQuery({ view: 'open', limit: 26 }, undefined)),
  built('complaints of the day', complaintListQuery({ view: 'day', limit: 26, day: TODAY }, undefined)),
  built('complaints, mine', complaintListQuery({ view: 'mine', limit: 26 }, 4)),
  built('complaints, the duty manager’s', complaintListQuery({ view: 'dutyManager', limit: 26 }, undefined)),
  built('complaints, all, newest first', complaintListQuery({ view: 'all', limit: 26, beforeId: 900 }, undefined), ['c']),
  { name: 'daily complaint summary', sql: DAY_COMPLAINTS_SQL, params: { date: DATE, ...TODAY, since: TODAY.start - 3_600_000 } },
  // Lost and found.
  built('lost-and-found search', itemSearchQuery({ query: '黑色钱包', limit: 30 }, NOW)),
  built('lost-and-found search, next page', itemSearchQuery({ query: '钱包', limit: 30, beforeId: 5000 }, NOW)),
  built('lost-and-found search by category and dates', itemSearchQuery({ query: '手机', category: 'phone', from: range.start, to: range.end, limit: 30 }, NOW)),
  built('lost-and-found by item number', itemSearchQuery({ query: 'L20261129-0001', limit: 30 }, NOW)),
  built('lost-and-found shelf (held)', itemSearchQuery({ status: 'held', limit: 30 }, NOW)),
  built('lost-and-found due for handover', itemSearchQuery({ status: 'dueForHandover', limit: 30 }, NOW)),
  built('lost-and-found, all, newest first', itemSearchQuery({ limit: 30, beforeId: 5000 }, NOW), ['i']),
  { name: 'handover due and coming due', sql: HANDOVER_DUE_SQL, params: [NOW] },
  ...Object.entries(SUMMARY_SQL).map(([key, sql]): Case => ({ name: `lost-and-found summary: ${key}`, sql, params: ['held', 'openReports', 'valuablesNotVerified', 'valuablesNotAnnounced'].includes(key) ? [] : key.endsWith('Today') ? [TODAY.start, TODAY.end] : [NOW] })),
  built('lost reports, open, searched', reportListQuery({ status: 'open', query: '钱包' })),
  { name: 'next item number of the day', sql: numberSql('lf_item', 'item_no'), params: ['L20261129-*'] },
  { name: 'next handover batch number', sql: numberSql('lf_handover', 'batch_no'), params: ['H20261129-*'] },
  // Incidents.
  { name: 'incidents open', sql: INCIDENTS_OPEN_SQL, params: [] },
  { name: 'incidents of the day', sql: INCIDENTS_OF_DAY_SQL, params: [TODAY.start, TODAY.end] },
  { name: 'incidents closed that day', sql: INCIDENTS_CLOSED_SQL, params: [TODAY.start, TODAY.end] },
  // The dashboard's charts, a season at a time.
  { name: 'dashboard: rentals', sql: RENTALS_SQL, params: { start: range.start, end: range.end } },
  { name: 'dashboard: rentals by day', sql: RENTALS_BY_DAY_SQL, params: { start: range.start, end: range.end } },
  { name: 'dashboard: rentals by hour', sql: RENTALS_BY_HOUR_SQL, params: { start: range.start, end: range.end } },
  { name: 'dashboard: complaints', sql: COMPLAINTS_SQL, params: { from: range.from, to: range.to } },
  { name: 'dashboard: paging', sql: PAGING_SQL, params: { from: range.from, to: range.to, now: NOW } },
  { name: 'dashboard: paging response times', sql: PAGING_TIMES_SQL, params: { from: range.from, to: range.to } },
  { name: 'dashboard: lost and found', sql: LOST_FOUND_SQL, params: { start: range.start, end: range.end } },
  { name: 'dashboard: lost and found by day', sql: LOST_FOUND_BY_DAY_SQL, params: { start: range.start, end: range.end } },
  // The nightly retention job (it holds the core while it runs).
  { name: 'opinions and requests a summary feeds back', sql: PENDING_FEEDBACK_SQL, params: { end: TODAY.end }, uses: 'visitor_feedback_pending' },
  ...RETENTION_KINDS.flatMap((kind): Case[] => [
    { name: `retention due: ${kind}`, sql: countSql(kind), params: { cutoff: NOW } },
    { name: `retention erase: ${kind}`, sql: eraseSql(kind), params: { cutoff: NOW, now: NOW } },
  ]),
];

/** The alias each table has in a statement (or its own name). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN|UPDATE)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    if (!table) continue;
    map.set(table, table);
    if (alias && !KEYWORDS.has(alias.toUpperCase())) map.set(alias, table);
  }
  return map;
}

function partialIndexes(db: Db): Set<string> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
  return new Set(tables.flatMap(({ name }) => db.pragma(`index_list(${JSON.stringify(name)})`) as Array<{ name: string; partial: number }>).filter((index) => index.partial === 1).map((index) => index.name));
}

/** What a plan reads in full: a table, or an index that holds every row of one. */
export function fullReads(db: Db, sql: string, params: Case['params'], pages: readonly string[] = []): { plan: string[]; full: string[] } {
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((row) => (row as { detail: string }).detail);
  const tables = aliases(sql);
  const partial = partialIndexes(db);
  const full = plan.filter((line) => {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?$/.exec(line);
    if (!scan?.[1]) return false;
    const table = tables.get(scan[1]) ?? scan[1];
    if (!BIG.has(table)) return false;
    if (scan[2] && partial.has(scan[2])) return false;
    return !(pages.includes(scan[1]) && !scan[2]);
  });
  return { plan, full };
}

describe('query plans of the hot queries', () => {
  // One migrated, empty database for every plan (the plans come from the schema, not the rows).
  const dir = mkdtempSync(join(tmpdir(), 'parkdesk-plans-'));
  const db = openDatabase({ file: join(dir, 'plans.sqlite') });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s reads no big table whole', (_name, c) => {
    const { plan, full } = fullReads(db, c.sql, c.params, c.pages);
    expect(full, plan.join(' | ')).toEqual([]);
    if (c.uses) expect(plan.join(' | ')).toContain(`INDEX ${c.uses} `);
  });

  it('notices a full scan (the check itself)', () => {
    expect(fullReads(db, "SELECT id FROM rental WHERE kept_reason = '轮子坏了'", []).full).toEqual(['SCAN rental']);
    expect(fullReads(db, "SELECT id FROM paging_request p WHERE p.status IN ('registered', 'acknowledged', 'aired')", []).full).toHaveLength(1);
    expect(match).toContain('钱包');
  });
});
