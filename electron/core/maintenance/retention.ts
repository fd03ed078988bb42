import { RETENTION_KINDS, type RetentionCounts, type RetentionKind, type RetentionState } from '@shared/contract';
import { DAY } from '@shared/rules/time';
import type { Db } from '../db/open';
import { readSettings } from '../settings/store';

/**
 * Personal data kept only as long as needed: for each kind, which rows are closed before the
 * cutoff and still hold an ID or phone number, and what erasing them clears. The record (name,
 * masked ID, money, times) and every figure built on it stay. Each `due` is read from an index of
 * the rows still holding personal data (migration 014), so a night's run reads that day's rows.
 */
const RULES: Record<RetentionKind, { due: string; erase: string }> = {
  rentals: {
    due: "FROM rental WHERE status = 'returned' AND returned_at < @cutoff AND (phone IS NOT NULL OR id_number IS NOT NULL)",
    erase: 'UPDATE rental SET phone = NULL, id_number = NULL, personal_erased_at = @now',
  },
  claims: {
    due: 'FROM lf_claim WHERE at < @cutoff AND (phone IS NOT NULL OR id_number IS NOT NULL)',
    erase: 'UPDATE lf_claim SET phone = NULL, id_number = NULL, personal_erased_at = @now',
  },
  lostReports: {
    due: "FROM lf_report WHERE status <> 'open' AND closed_at < @cutoff AND phone IS NOT NULL",
    erase: 'UPDATE lf_report SET phone = NULL, personal_erased_at = @now',
  },
  finders: {
    // The finder's phone, once the item has left the center (returned to its owner or handed to finance).
    // Read from the index of items that still hold one (migration 014), never from every item.
    due: `FROM lf_item INDEXED BY lf_item_finder_phone WHERE finder_phone IS NOT NULL AND status IN ('returned', 'handedOver') AND (
            (status = 'returned' AND id IN (SELECT item_id FROM lf_claim WHERE at < @cutoff))
         OR (status = 'handedOver' AND handover_id IN (SELECT id FROM lf_handover WHERE created_at < @cutoff)))`,
    erase: 'UPDATE lf_item SET finder_phone = NULL, personal_erased_at = @now',
  },
  complaints: {
    due: "FROM complaint WHERE status IN ('closed', 'withdrawn') AND closed_at < @cutoff AND phone IS NOT NULL",
    erase: 'UPDATE complaint SET phone = NULL, personal_erased_at = @now',
  },
  feedback: {
    // A visitor's phone left with an opinion or request, counted from when it was recorded: one still
    // waiting (no department named) is not kept longer for that.
    due: 'FROM visitor_feedback INDEXED BY visitor_feedback_personal_due WHERE phone IS NOT NULL AND received_at < @cutoff',
    erase: 'UPDATE visitor_feedback SET phone = NULL, personal_erased_at = @now',
  },
};

/** A kind's count of the rows due, and its erasure, as they run (the query-plan checks read them too). */
export const countSql = (kind: RetentionKind) => `SELECT count(*) AS n ${RULES[kind].due}`;
export const eraseSql = (kind: RetentionKind) => `${RULES[kind].erase} WHERE id IN (SELECT id ${RULES[kind].due})`;

export function retentionCutoff(db: Db, now: number): number {
  return now - readSettings(db).retentionDays * DAY;
}

function zero(): RetentionCounts {
  return Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, 0])) as RetentionCounts;
}

/** How many rows of each kind are due for erasure now. */
export function retentionDue(db: Db, now: number): RetentionCounts {
  const cutoff = retentionCutoff(db, now);
  const counts = zero();
  for (const kind of RETENTION_KINDS) {
    counts[kind] = db.prepare<{ cutoff: number }, { n: number }>(countSql(kind)).get({ cutoff })?.n ?? 0;
  }
  return counts;
}

/** Erases what is due; the caller runs it in a transaction and audits it. */
export function eraseDue(db: Db, now: number, staffId: number | null): { cutoff: number; counts: RetentionCounts } {
  const cutoff = retentionCutoff(db, now);
  const counts = zero();
  for (const kind of RETENTION_KINDS) {
    counts[kind] = db.prepare(eraseSql(kind)).run({ cutoff, now }).changes;
  }
  db.prepare('INSERT INTO retention_run (at, cutoff, staff_id, counts) VALUES (?, ?, ?, ?)').run(now, cutoff, staffId, JSON.stringify(counts));
  return { cutoff, counts };
}

export function retentionState(db: Db, now: number): RetentionState {
  const last = db.prepare<[], { at: number; counts: string }>('SELECT at, counts FROM retention_run ORDER BY id DESC LIMIT 1').get();
  return {
    days: readSettings(db).retentionDays,
    cutoff: retentionCutoff(db, now),
    due: retentionDue(db, now),
    lastRunAt: last?.at ?? null,
    // A run recorded before a kind was erased counts none of it.
    lastErased: last ? { ...zero(), ...(JSON.parse(last.counts) as Partial<RetentionCounts>) } : null,
  };
}

export function totalOf(counts: RetentionCounts): number {
  return RETENTION_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}
