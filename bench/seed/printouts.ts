import type { Statement } from 'better-sqlite3';
import { printDocumentSchema, type PrintDocument } from '@shared/printing/document';
import type { Db } from '../../electron/core/db/open';

/** How long the counter's printer takes to print a receipt after it is queued. */
const PRINT_MS = 3000;

/**
 * The print outbox as the print worker leaves it: every printout printed a few seconds after it was
 * queued. `add` writes a printout the way `enqueuePrint` queues it and the worker then marks it;
 * `printQueued` marks what the app's own handlers queued during the seeded day.
 */
export class PrintedJobs {
  private readonly insert: Statement;
  private readonly printed: Statement;
  /** Documents checked against the outbox's schema so far, by kind (the first few of each). */
  private readonly checked = new Map<string, number>();

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO print_job (kind, ref, document, copy, reprint_of, status, attempts, next_attempt_at, created_at, created_by, printed_at)
       VALUES (?, ?, ?, 0, NULL, 'printed', 0, ?, ?, ?, ?)`,
    );
    this.printed = db.prepare("UPDATE print_job SET status = 'printed', printed_at = next_attempt_at + ? WHERE status = 'queued' AND next_attempt_at < ?");
  }

  add(document: PrintDocument, createdBy: number, at: number): number {
    const text = JSON.stringify(document);
    const seen = this.checked.get(document.kind) ?? 0;
    if (seen < 20) {
      // The outbox stores the document as its schema gives it back: the same text, or the seeder is wrong.
      if (JSON.stringify(printDocumentSchema.parse(document)) !== text) throw new Error(`a ${document.kind} document differs from what the outbox would store`);
      this.checked.set(document.kind, seen + 1);
    }
    return Number(this.insert.run(document.kind, document.ref ?? null, text, at, at, createdBy, at + PRINT_MS).lastInsertRowid);
  }

  printQueued(before: number): void {
    this.printed.run(PRINT_MS, before);
  }
}
