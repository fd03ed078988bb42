import type { PrintJobStatus, PrintJobView } from '@shared/contract/printing';
import { printDocumentSchema, type PrintDocument } from '@shared/printing/document';
import type { Db } from '../db/open';
import { AppError } from '../errors';

/**
 * The print outbox (table `print_job`). A business write enqueues its printout in its own
 * transaction, so the printout exists exactly when the business record does; the worker prints it
 * later and the business call never waits on the printer.
 */

export interface PrintJobRow {
  id: number;
  kind: string;
  ref: string | null;
  document: string;
  copy: number;
  reprint_of: number | null;
  status: PrintJobStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  created_at: number;
  created_by: number | null;
  printed_at: number | null;
  dismissed_at: number | null;
}

export interface EnqueueInput {
  /** What is printed, e.g. `rental.receipt`; defaults to the document's kind. */
  kind?: string;
  /** The business reference (a receipt number); defaults to the document's ref. */
  ref?: string | null;
  document: PrintDocument;
  createdBy: number | null;
  now: number;
  copy?: number;
  reprintOf?: number | null;
}

/**
 * Queues a printout; returns its job id. Run it inside the caller's business transaction. The
 * document is checked against its schema: a malformed printout fails the business write loudly
 * instead of failing on the printer later.
 */
export function enqueuePrint(db: Db, input: EnqueueInput): number {
  return enqueueDocument(db, { ...input, document: printDocumentSchema.parse(input.document) });
}

/**
 * Queues a printout without parsing it again: for builders whose every output is proven to pass
 * `printDocumentSchema` by their tests at the longest inputs the contract allows (the deposit
 * receipt and the refund slip, on the counter's hot path). A document read back from the table is
 * always parsed (`storedDocument`) before it is printed, previewed or reprinted.
 */
export function enqueueDocument(db: Db, input: EnqueueInput): number {
  const { document } = input;
  const result = db
    .prepare(
      `INSERT INTO print_job (kind, ref, document, copy, reprint_of, status, attempts, next_attempt_at, created_at, created_by)
       VALUES (@kind, @ref, @document, @copy, @reprintOf, 'queued', 0, @now, @now, @createdBy)`,
    )
    .run({
      kind: input.kind ?? document.kind,
      ref: input.ref === undefined ? (document.ref ?? null) : input.ref,
      document: JSON.stringify(document),
      copy: input.copy ?? 0,
      reprintOf: input.reprintOf ?? null,
      now: input.now,
      createdBy: input.createdBy,
    });
  return Number(result.lastInsertRowid);
}

/** A job's stored document, checked against its schema (throws when it is damaged). */
export function storedDocument(row: Pick<PrintJobRow, 'document'>): PrintDocument {
  return printDocumentSchema.parse(JSON.parse(row.document));
}

export function getJob(db: Db, jobId: number): PrintJobRow | undefined {
  return db.prepare<[number], PrintJobRow>('SELECT * FROM print_job WHERE id = ?').get(jobId);
}

export function toJobView(row: PrintJobRow): PrintJobView {
  return {
    id: row.id,
    kind: row.kind,
    ref: row.ref,
    copy: row.copy,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    printedAt: row.printed_at,
    dismissedAt: row.dismissed_at,
  };
}

/** Recent printouts, newest first; with `ref`, only that reference's printouts and their reprints. */
export function listJobs(db: Db, options: { limit: number; ref?: string | undefined }): PrintJobView[] {
  const rows = options.ref
    ? db.prepare<[string, number], PrintJobRow>('SELECT * FROM print_job WHERE ref = ? ORDER BY id DESC LIMIT ?').all(options.ref, options.limit)
    : db.prepare<[number], PrintJobRow>('SELECT * FROM print_job ORDER BY id DESC LIMIT ?').all(options.limit);
  return rows.map(toJobView);
}

/**
 * A new printout of an earlier one: same document, `copy` one more than the highest copy of that
 * original so far, `reprint_of` pointing at the original (also when a reprint is reprinted).
 * Refused while the printout itself still waits for the printer: it would come out twice.
 */
export function reprint(db: Db, jobId: number, createdBy: number | null, now: number): number {
  const job = getJob(db, jobId);
  if (!job) throw new AppError('NOT_FOUND', 'printer.errors.jobNotFound');
  if (job.status === 'queued' || job.status === 'printing') throw new AppError('CONFLICT', 'printer.errors.stillWaiting');
  const original = job.reprint_of ?? job.id;
  const { top } = db
    .prepare<[number, number], { top: number }>('SELECT MAX(copy) AS top FROM print_job WHERE id = ? OR reprint_of = ?')
    .get(original, original) ?? { top: 0 };
  const document = storedDocument(job);
  return enqueueDocument(db, { kind: job.kind, ref: job.ref, document, createdBy, now, copy: top + 1, reprintOf: original });
}

/** Printouts that could not print and wait for someone to look at them (reprint or set aside). */
export function failedCount(db: Db): number {
  const row = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM print_job WHERE status = 'failed' AND dismissed_at IS NULL").get();
  return row?.n ?? 0;
}

/** Printouts not printed yet (queued, or being sent right now). */
export function waitingCount(db: Db): number {
  const row = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM print_job WHERE status IN ('queued', 'printing')").get();
  return row?.n ?? 0;
}
