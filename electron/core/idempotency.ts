import { createHash } from 'node:crypto';
import type { ErrorBody } from '@shared/contract';
import { DAY, HOUR } from '@shared/rules/time';
import type { Db } from './db/open';
import { AppError } from './errors';

/**
 * Writes sent with an idempotency key (a station's submission, retried after the LAN dropped it).
 * The first answer is kept with the write, in its transaction; the same key with the same input
 * gets that answer back and nothing runs twice. The same key with another input, another method or
 * another staff member is refused: it is a different submission that reused a key.
 * Custom-mode methods keep their own transactions; their answer is kept just after (dispatcher.ts),
 * and so is their refusal: they may have committed before refusing (a wrong PIN counted).
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;
export const KEEP_FOR = 2 * DAY;

interface Row {
  method: string;
  input_hash: string;
  staff_id: number | null;
  result: string;
  refused: 0 | 1;
}

/** What was answered to a submission: its value, or the refusal of a method that keeps its own transactions. */
export type Kept = { value: unknown } | { refusal: ErrorBody };

export interface Submission {
  key: string;
  method: string;
  input: unknown;
  staffId: number | null;
}

const hashOf = (input: unknown): string => createHash('sha256').update(JSON.stringify(input ?? {})).digest('base64url');

/** Whether two calls with one key are the same submission: same method, input and staff member. */
export const sameSubmission = (a: Submission, b: Submission): boolean =>
  a.method === b.method && a.staffId === b.staffId && hashOf(a.input) === hashOf(b.input);

export function createIdempotency(db: Db) {
  const find = db.prepare<[string], Row>('SELECT method, input_hash, staff_id, result, refused FROM idempotent_call WHERE key = ?');
  const save = db.prepare('INSERT INTO idempotent_call (key, method, input_hash, staff_id, result, refused, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const prune = db.prepare('DELETE FROM idempotent_call WHERE at < ?');
  let prunedAt = 0;

  return {
    /** The answer kept for this submission, or undefined when it is new. Runs in the write's transaction. */
    replay(submission: Submission): Kept | undefined {
      const row = find.get(submission.key);
      if (!row) return undefined;
      if (row.method !== submission.method || row.input_hash !== hashOf(submission.input) || row.staff_id !== submission.staffId) {
        throw new AppError('CONFLICT', 'errors.idempotencyReused');
      }
      const kept: unknown = JSON.parse(row.result);
      return row.refused === 1 ? { refusal: kept as ErrorBody } : { value: kept };
    },

    /** Keeps the answer of a new submission, in the write's transaction; now and then drops old ones. */
    remember(submission: Submission, answer: Kept, now: number): void {
      const [result, refused] = 'refusal' in answer ? [answer.refusal, 1] : [answer.value ?? null, 0];
      save.run(submission.key, submission.method, hashOf(submission.input), submission.staffId, JSON.stringify(result), refused, now);
      if (now - prunedAt > HOUR) {
        prune.run(now - KEEP_FOR);
        prunedAt = now;
      }
    },
  };
}
