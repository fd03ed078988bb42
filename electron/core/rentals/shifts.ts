import { PAYMENT_METHODS, type PaymentMethod, type rentalsMethods, type ShiftView } from '@shared/contract';
import { formatYuan } from '@shared/rules/money';
import { actorOf, type HandlersFor, type Services } from '../context';
import type { Db } from '../db/open';
import { AppError, fieldError } from '../errors';

/** Deposit money of one payment method between two instants: taken − refunded − kept = expected. */
export interface CashFigure {
  payment: PaymentMethod;
  takenFen: number;
  refundedFen: number;
  keptFen: number;
  expectedFen: number;
  rentals: number;
  returns: number;
}

export type CashTotals = Omit<CashFigure, 'payment'>;

/**
 * The deposit figures of [from, to) by payment method, from the rentals themselves (a rental's
 * deposit counts when it went out, its refund and what was kept when it came back), and their totals.
 * The one computation behind the day's cash, each shift's and the day close.
 */
/** Deposits taken and refunded in a time range (a day, a shift), by payment method. */
export const CASH_SQL = `SELECT payment,
          coalesce(sum(CASE WHEN out_at >= @from AND out_at < @to THEN deposit_fen END), 0) AS taken,
          coalesce(sum(out_at >= @from AND out_at < @to), 0) AS rentals,
          coalesce(sum(CASE WHEN returned_at >= @from AND returned_at < @to THEN refund_fen END), 0) AS refunded,
          coalesce(sum(CASE WHEN returned_at >= @from AND returned_at < @to THEN kept_fen END), 0) AS kept,
          coalesce(sum(returned_at >= @from AND returned_at < @to), 0) AS returns
   FROM rental
   WHERE (out_at >= @from AND out_at < @to) OR (returned_at >= @from AND returned_at < @to)
   GROUP BY payment`;

export function cashFigures(db: Db, from: number, to: number): { rows: CashFigure[]; totals: CashTotals } {
  const found = db
    .prepare<{ from: number; to: number }, { payment: PaymentMethod; taken: number; rentals: number; refunded: number; kept: number; returns: number }>(
      CASH_SQL,
    )
    .all({ from, to });
  const rows = PAYMENT_METHODS.map((payment): CashFigure => {
    const row = found.find((r) => r.payment === payment);
    const taken = row?.taken ?? 0;
    const refunded = row?.refunded ?? 0;
    const kept = row?.kept ?? 0;
    return { payment, takenFen: taken, refundedFen: refunded, keptFen: kept, expectedFen: taken - refunded - kept, rentals: row?.rentals ?? 0, returns: row?.returns ?? 0 };
  });
  const sum = (key: keyof CashTotals) => rows.reduce((total, row) => total + row[key], 0);
  return {
    rows,
    totals: { takenFen: sum('takenFen'), refundedFen: sum('refundedFen'), keptFen: sum('keptFen'), expectedFen: sum('expectedFen'), rentals: sum('rentals'), returns: sum('returns') },
  };
}

interface ShiftRow {
  id: number;
  opened_at: number;
  opened_by: number;
  opened_by_name: string;
  closed_at: number | null;
  closed_by: number | null;
  closed_by_name: string | null;
  note: string;
}

const SHIFT_SELECT = `
  SELECT c.id, c.opened_at, c.opened_by, so.name AS opened_by_name, c.closed_at, c.closed_by, sc.name AS closed_by_name, c.note
  FROM cash_shift c JOIN staff so ON so.id = c.opened_by LEFT JOIN staff sc ON sc.id = c.closed_by`;

function openShift(db: Db): ShiftRow | undefined {
  return db.prepare<[], ShiftRow>(`${SHIFT_SELECT} WHERE c.closed_at IS NULL`).get();
}

/** The instants a shift covers, [opened, closed] or [opened, now]: as an end-exclusive range. */
const endOf = (row: Pick<ShiftRow, 'closed_at'>, now: number) => (row.closed_at ?? now) + 1;

/** A shift with its figures: up to now while open, fixed at its close (the counts and what they were counted against). */
function toShiftView(db: Db, row: ShiftRow, now: number): ShiftView {
  const to = endOf(row, now);
  const figures = cashFigures(db, row.opened_at, to);
  const counts = db
    .prepare<[number], { payment: PaymentMethod; expected_fen: number; counted_fen: number; reason: string }>(
      'SELECT payment, expected_fen, counted_fen, reason FROM cash_shift_count WHERE shift_id = ?',
    )
    .all(row.id);
  const rows = figures.rows.map((figure) => {
    const count = counts.find((entry) => entry.payment === figure.payment);
    if (!count) return { ...figure, countedFen: null, differenceFen: null, reason: null };
    return { ...figure, expectedFen: count.expected_fen, countedFen: count.counted_fen, differenceFen: count.counted_fen - count.expected_fen, reason: count.reason };
  });
  const closed = counts.length > 0;
  const counted = rows.reduce((total, entry) => total + (entry.countedFen ?? 0), 0);
  const expected = rows.reduce((total, entry) => total + entry.expectedFen, 0);
  const staff = db
    .prepare<{ from: number; to: number }, { id: number; name: string }>(
      `SELECT DISTINCT s.id, s.name FROM rental r JOIN staff s ON s.id IN (r.out_by, r.returned_by)
       WHERE (r.out_at >= @from AND r.out_at < @to AND s.id = r.out_by) OR (r.returned_at >= @from AND r.returned_at < @to AND s.id = r.returned_by)
       ORDER BY s.name`,
    )
    .all({ from: row.opened_at, to });
  return {
    id: row.id,
    openedAt: row.opened_at,
    openedBy: { id: row.opened_by, name: row.opened_by_name },
    closedAt: row.closed_at,
    closedBy: row.closed_by === null ? null : { id: row.closed_by, name: row.closed_by_name ?? '' },
    note: row.note,
    rows,
    totals: { ...figures.totals, expectedFen: expected, countedFen: closed ? counted : null, differenceFen: closed ? counted - expected : null },
    staff,
  };
}

type ShiftMethods = 'rentals.shifts.current' | 'rentals.shifts.open' | 'rentals.shifts.close' | 'rentals.shifts.list';

/** Shifts of the counter's deposit drawer (one drawer: one shift open at a time, shared by the clerks working it). */
export function shiftHandlers(services: Services): HandlersFor<Extract<keyof typeof rentalsMethods, ShiftMethods>> {
  const { db } = services;
  const byId = (id: number) => db.prepare<[number], ShiftRow>(`${SHIFT_SELECT} WHERE c.id = ?`).get(id);

  return {
    'rentals.shifts.current': (_input, ctx) => {
      const row = openShift(db);
      return { shift: row ? toShiftView(db, row, ctx.now) : null };
    },

    'rentals.shifts.open': (input, ctx) => {
      const actor = actorOf(ctx);
      const open = openShift(db);
      if (open) throw new AppError('CONFLICT', 'rentals.shifts.errors.alreadyOpen', { name: open.opened_by_name });
      // A shift starts after the last one ended, so no instant counts in two shifts.
      const lastEnd = db.prepare<[], { at: number | null }>('SELECT max(closed_at) AS at FROM cash_shift').get()?.at ?? null;
      const openedAt = lastEnd === null ? ctx.now : Math.max(ctx.now, lastEnd + 1);
      const { lastInsertRowid } = db.prepare('INSERT INTO cash_shift (opened_at, opened_by, note) VALUES (?, ?, ?)').run(openedAt, actor.id, input.note);
      const id = Number(lastInsertRowid);
      ctx.audit({ action: 'rentals.shiftOpen', entity: 'cash_shift', entityId: id, detail: input.note ? { note: input.note } : {} });
      ctx.emit('rentals.changed', { unitIds: [] });
      const row = byId(id);
      if (!row) throw new Error('the shift just opened is missing');
      return toShiftView(db, row, ctx.now);
    },

    'rentals.shifts.close': (input, ctx) => {
      const actor = actorOf(ctx);
      const shift = byId(input.shiftId);
      if (!shift) throw fieldError('NOT_FOUND', 'shiftId', 'rentals.shifts.errors.notFound');
      if (shift.closed_at !== null) throw fieldError('CONFLICT', 'shiftId', 'rentals.shifts.errors.alreadyClosed');
      // Counted against the figures up to this instant, in the same transaction as the close.
      const { rows } = cashFigures(db, shift.opened_at, endOf(shift, ctx.now));
      const fields: Record<string, { key: 'rentals.shifts.errors.differenceReason'; params: { difference: string } }> = {};
      input.counts.forEach((count, index) => {
        const expected = rows.find((row) => row.payment === count.payment)?.expectedFen ?? 0;
        if (count.countedFen !== expected && count.reason.length < 2) {
          fields[`counts.${index}.reason`] = { key: 'rentals.shifts.errors.differenceReason', params: { difference: formatYuan(count.countedFen - expected) } };
        }
      });
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', undefined, fields);
      db.prepare('UPDATE cash_shift SET closed_at = ?, closed_by = ? WHERE id = ?').run(ctx.now, actor.id, shift.id);
      const insert = db.prepare('INSERT INTO cash_shift_count (shift_id, payment, expected_fen, counted_fen, reason) VALUES (?, ?, ?, ?, ?)');
      const detail: Record<string, { expectedFen: number; countedFen: number; reason?: string }> = {};
      for (const count of input.counts) {
        const expected = rows.find((row) => row.payment === count.payment)?.expectedFen ?? 0;
        insert.run(shift.id, count.payment, expected, count.countedFen, count.reason);
        detail[count.payment] = { expectedFen: expected, countedFen: count.countedFen, ...(count.reason ? { reason: count.reason } : {}) };
      }
      ctx.audit({ action: 'rentals.shiftClose', entity: 'cash_shift', entityId: shift.id, detail });
      ctx.emit('rentals.changed', { unitIds: [] });
      const after = byId(shift.id);
      if (!after) throw new Error('the shift just closed is missing');
      return toShiftView(db, after, ctx.now);
    },

    'rentals.shifts.list': (input, ctx) => {
      const rows = db
        .prepare<[number, number], ShiftRow>(`${SHIFT_SELECT} WHERE c.id < ? ORDER BY c.id DESC LIMIT ?`)
        .all(input.beforeId ?? Number.MAX_SAFE_INTEGER, input.limit + 1);
      const page = rows.slice(0, input.limit);
      return { rows: page.map((row) => toShiftView(db, row, ctx.now)), nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },
  };
}
