import { COMPLAINT_CATEGORIES, type ComplaintCategory, type dashboardMethods, type DashboardPaging } from '@shared/contract';
import { percentile, type DashboardRange } from '@shared/rules/dashboard';
import { CONTACT_LIMIT_MS, median } from '@shared/rules/paging';
import { DAY } from '@shared/rules/time';
import type { HandlersFor, Services } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings/store';
import { frameOf, SLOT_MS, type Frame, type Slot } from './frame';

/*
 * The dashboard's queries, each over an index (checked with EXPLAIN QUERY PLAN in the tests): a
 * year of records is counted in SQL, and only the counts per quarter hour (or per day) come back.
 */

/**
 * Check-outs per quarter hour of the range and item type, from the counts kept as rentals are made
 * (migration 016: quarter hours of epoch time, which the frame's park midnights fall on).
 */
export const RENTALS_SQL = `SELECT q.slot - CAST(@start AS INTEGER) / ${SLOT_MS} AS slot, q.type_id AS key, q.n AS n
  FROM rental_quarter q WHERE q.slot >= CAST(@start AS INTEGER) / ${SLOT_MS} AND q.slot < CAST(@end AS INTEGER) / ${SLOT_MS} AND q.n > 0`;

/** Quarter hours in a 24-hour day. */
const SLOTS_PER_DAY = DAY / SLOT_MS;
const RENTAL_SLOTS = `FROM rental_quarter q WHERE q.slot >= CAST(@start AS INTEGER) / ${SLOT_MS} AND q.slot < CAST(@end AS INTEGER) / ${SLOT_MS} AND q.n > 0`;

/**
 * Where every day of the range is 24 hours (the park's zone has no clock change in it, as in
 * China), the counts are summed in SQL by day of the range and by hour of the park day: a few
 * hundred rows instead of one per quarter hour of the year. Otherwise RENTALS_SQL, slot by slot.
 */
export const RENTALS_BY_DAY_SQL = `SELECT (q.slot - CAST(@start AS INTEGER) / ${SLOT_MS}) / ${SLOTS_PER_DAY} AS day, q.type_id AS key, sum(q.n) AS n
  ${RENTAL_SLOTS} GROUP BY day, q.type_id`;
export const RENTALS_BY_HOUR_SQL = `SELECT ((q.slot - CAST(@start AS INTEGER) / ${SLOT_MS}) % ${SLOTS_PER_DAY}) / 4 AS hour, q.type_id AS key, sum(q.n) AS n
  ${RENTAL_SLOTS} GROUP BY hour, q.type_id`;

/** The types lent at the counter: free items handed out (maps, sewing kits) are never rented, so have no rental series. */
export const ITEM_TYPES_SQL = 'SELECT id, code, name_zh, name_en, active FROM item_type WHERE handout = 0 ORDER BY sort, id';

/** Complaints per park date of receipt, category and department. */
export const COMPLAINTS_SQL = `SELECT c.park_date AS date, c.category, c.department_id, d.code, d.name_zh, d.name_en, d.sort, count(*) AS n
  FROM complaint c LEFT JOIN department d ON d.id = c.department_id
  WHERE c.park_date BETWEEN @from AND @to GROUP BY c.park_date, c.category, c.department_id`;

/**
 * Paging requests per park date of the range: how many, how many whose 5 minutes have run (as
 * paging.stats counts them: a slip closed before its mark is not), how many were contacted within them (before the mark: at it is late, as
 * contactLate reads it). From the covering index of migration 016.
 */
export const PAGING_SQL = `SELECT park_date AS date, count(*) AS n,
    coalesce(sum(acknowledged_at IS NOT NULL OR created_at + ${CONTACT_LIMIT_MS} <= coalesce(closed_at, @now)), 0) AS due,
    coalesce(sum(acknowledged_at IS NOT NULL AND acknowledged_at < created_at + ${CONTACT_LIMIT_MS}), 0) AS within5
  FROM paging_request WHERE park_date BETWEEN @from AND @to GROUP BY park_date`;

/** The response times of a period (registration to first airing, or to contact), one number each: medians need them all. */
export const PAGING_TIMES_SQL = `SELECT coalesce(first_aired_at, acknowledged_at) - created_at
  FROM paging_request WHERE park_date BETWEEN @from AND @to AND coalesce(first_aired_at, acknowledged_at) IS NOT NULL`;

/** Lost and found per quarter hour: items received, claims (returned to the owner), items in handover batches. */
export const LOST_FOUND_SQL = `SELECT (received_at - CAST(@start AS INTEGER)) / ${SLOT_MS} AS slot, 'received' AS key, count(*) AS n
  FROM lf_item WHERE received_at >= @start AND received_at < @end GROUP BY slot
  UNION ALL
  SELECT (at - CAST(@start AS INTEGER)) / ${SLOT_MS} AS slot, 'returned' AS key, count(*) AS n
  FROM lf_claim WHERE at >= @start AND at < @end GROUP BY slot
  UNION ALL
  SELECT (h.created_at - CAST(@start AS INTEGER)) / ${SLOT_MS} AS slot, 'handedOver' AS key, count(*) AS n
  FROM lf_handover h JOIN lf_item i ON i.handover_id = h.id WHERE h.created_at >= @start AND h.created_at < @end GROUP BY slot`;

/** Lost and found per day of the range, where every day is 24 hours (as LOST_FOUND_SQL, by day). */
export const LOST_FOUND_BY_DAY_SQL = LOST_FOUND_SQL.replaceAll(`/ ${SLOT_MS} AS slot`, `/ ${DAY} AS day`).replaceAll('GROUP BY slot', 'GROUP BY day');

interface SlotRow<K> {
  slot: number;
  key: K;
  n: number;
}

/** Runs a per-quarter-hour count over the frame and hands each count to `add` with its period and hour. */
function eachSlot<K>(db: Db, sql: string, frame: Frame, add: (slot: Slot, key: K, n: number) => void): void {
  for (const row of db.prepare<{ start: number; end: number }, SlotRow<K>>(sql).all({ start: frame.start, end: frame.end })) {
    const slot = frame.locate(frame.start + row.slot * SLOT_MS);
    if (slot) add(slot, row.key, row.n);
  }
}

/** Runs a per-day count (a range of 24-hour days) and hands each count to `add` with its period. */
function eachDay<K>(db: Db, sql: string, frame: Frame, add: (period: number, key: K, n: number) => void): void {
  for (const row of db.prepare<{ start: number; end: number }, { day: number; key: K; n: number }>(sql).all({ start: frame.start, end: frame.end })) {
    const period = frame.periodOfDay(row.day);
    if (period !== undefined) add(period, row.key, row.n);
  }
}

const bump = (counts: Record<string, number>, key: string, n: number) => {
  counts[key] = (counts[key] ?? 0) + n;
};

export interface DashboardOptions {
  /** Count quarter hour by quarter hour even where every day is 24 hours (the path of a clock change; tests compare the two). */
  slotBySlot?: boolean;
}

export function dashboardHandlers(services: Services, options: DashboardOptions = {}): HandlersFor<keyof typeof dashboardMethods> {
  const { db } = services;
  const frameFor = (range: DashboardRange) => frameOf(range, readSettings(db).timeZone);
  const echo = (range: DashboardRange) => ({ from: range.from, to: range.to, granularity: range.granularity });

  return {
    'dashboard.rentals': (input) => {
      const frame = frameFor(input);
      const types = db.prepare<[], { id: number; code: string; name_zh: string; name_en: string; active: number }>(ITEM_TYPES_SQL).all();
      const codeOf = new Map(types.map((type) => [type.id, type.code]));
      const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, counts: {} as Record<string, number>, total: 0 }));
      const periods = frame.periods.map((period) => ({ ...period, counts: {} as Record<string, number>, total: 0 }));
      const rented = new Set<string>();
      const count = (row: { counts: Record<string, number>; total: number } | undefined, typeId: number, n: number) => {
        if (!row) return;
        const code = codeOf.get(typeId) ?? String(typeId);
        rented.add(code);
        bump(row.counts, code, n);
        row.total += n;
      };
      if (frame.wholeDays && !options.slotBySlot) {
        eachDay<number>(db, RENTALS_BY_DAY_SQL, frame, (period, typeId, n) => count(periods[period], typeId, n));
        for (const row of db.prepare<{ start: number; end: number }, { hour: number; key: number; n: number }>(RENTALS_BY_HOUR_SQL).all({ start: frame.start, end: frame.end })) {
          count(byHour[row.hour], row.key, row.n);
        }
      } else {
        eachSlot<number>(db, RENTALS_SQL, frame, ({ period, hour }, typeId, n) => {
          count(byHour[hour], typeId, n);
          count(periods[period], typeId, n);
        });
      }
      return {
        range: echo(input),
        types: types.filter((type) => type.active === 1 || rented.has(type.code)).map((type) => ({ code: type.code, nameZh: type.name_zh, nameEn: type.name_en })),
        byHour,
        periods,
      };
    },

    'dashboard.complaints': (input) => {
      const frame = frameFor(input);
      const rows = db
        .prepare<
          { from: string; to: string },
          { date: string; category: ComplaintCategory; department_id: number | null; code: string | null; name_zh: string | null; name_en: string | null; sort: number | null; n: number }
        >(COMPLAINTS_SQL)
        .all({ from: input.from, to: input.to });
      const periods = frame.periods.map((period) => ({ ...period, total: 0, byCategory: {} as Record<string, number>, byDepartment: {} as Record<string, number> }));
      const departments = new Map<string, { key: string; nameZh: string; nameEn: string; sort: number }>();
      for (const row of rows) {
        const period = periods[frame.periodOfDate(row.date) ?? -1];
        if (!period) continue;
        const key = row.code ?? 'none';
        if (!departments.has(key)) departments.set(key, { key, nameZh: row.name_zh ?? '', nameEn: row.name_en ?? '', sort: row.code === null ? Infinity : (row.sort ?? 0) });
        period.total += row.n;
        bump(period.byCategory, row.category, row.n);
        bump(period.byDepartment, key, row.n);
      }
      const used = new Set(rows.map((row) => row.category));
      return {
        range: echo(input),
        categories: COMPLAINT_CATEGORIES.filter((category) => used.has(category)),
        departments: [...departments.values()].sort((a, b) => a.sort - b.sort || a.key.localeCompare(b.key)).map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn })),
        periods,
      };
    },

    'dashboard.paging': (input, ctx) => {
      const frame = frameFor(input);
      const rows = db
        .prepare<{ from: string; to: string; now: number }, { date: string; n: number; due: number; within5: number }>(PAGING_SQL)
        .all({ from: input.from, to: input.to, now: ctx.now });
      const buckets = frame.periods.map(() => ({ count: 0, within5: 0, due: 0 }));
      for (const row of rows) {
        const bucket = buckets[frame.periodOfDate(row.date) ?? -1];
        if (!bucket) continue;
        bucket.count += row.n;
        bucket.due += row.due;
        bucket.within5 += row.within5;
      }
      // Only numbers come back (plucked, this statement's only use), sorted once as numbers.
      const timesOf = db.prepare<{ from: string; to: string }, number>(PAGING_TIMES_SQL).pluck();
      const periods: DashboardPaging['periods'] = frame.periods.map((period, index) => {
        const bucket = buckets[index] ?? { count: 0, within5: 0, due: 0 };
        const times = bucket.count === 0 ? [] : Array.from(Float64Array.from(timesOf.all({ from: period.from, to: period.to })).sort());
        return {
          ...period,
          count: bucket.count,
          responded: times.length,
          medianMs: median(times),
          p90Ms: percentile(times, 90),
          within5: bucket.within5,
          due: bucket.due,
          shareWithin5: bucket.due === 0 ? null : bucket.within5 / bucket.due,
        };
      });
      return { range: echo(input), periods };
    },

    'dashboard.lostFound': (input) => {
      const frame = frameFor(input);
      const periods = frame.periods.map((period) => ({ ...period, received: 0, returned: 0, handedOver: 0 }));
      const add = (period: number, key: 'received' | 'returned' | 'handedOver', n: number) => {
        const row = periods[period];
        if (row) row[key] += n;
      };
      if (frame.wholeDays && !options.slotBySlot) eachDay(db, LOST_FOUND_BY_DAY_SQL, frame, add);
      else eachSlot<'received' | 'returned' | 'handedOver'>(db, LOST_FOUND_SQL, frame, ({ period }, key, n) => add(period, key, n));
      return { range: echo(input), periods };
    },
  };
}
