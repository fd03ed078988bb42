import { formatPrinterFailure, type PrinterStatus } from '@shared/contract/printing';
import { layoutDocument, layoutToText } from '@shared/printing/layout';
import { columnsFor, type PrinterSettings } from '@shared/printing/settings';
import { parkDate, type Clock } from '@shared/rules/time';
import type { Db } from '../db/open';
import { driverFor as defaultDriverFor, toPrinterError, type PrinterDriver } from './drivers';
import { renderEscpos } from './escpos';
import { failedCount, storedDocument, waitingCount, type PrintJobRow } from './outbox';

/**
 * The print worker: sends the outbox to the printer, oldest first, one printout at a time.
 *
 * A round (`runOnce`) takes the oldest waiting printout while it is due: marks it `printing`, lays it
 * out for the printer's paper (with its copy's reprint banner), renders ESC/POS bytes, sends them,
 * and marks it `printed`. When the send fails the printer is taken to be down: the printout goes back
 * to `queued` with its attempt counted, the error kept and the next attempt after a backoff (2 s, 4 s,
 * 8 s … at most 60 s), and the round stops so later printouts keep their order behind it. A printout
 * that cannot even be laid out (a damaged document) is marked `failed` and skipped: retrying cannot
 * help it. Due-ness is read from the injected clock, so tests move time instead of waiting.
 *
 * Delivery is at least once: a crash between the printer taking the bytes and the `printed` mark
 * prints that receipt again after the restart (a printout left `printing` is queued again by `start`).
 * Only one process may run the worker for a database (the counter PC's app, or a lone station).
 */

export const BACKOFF_START_MS = 2000;
export const BACKOFF_MAX_MS = 60_000;
/** How often the running loop looks for printouts queued by writes that did not kick it. */
export const IDLE_POLL_MS = 1000;
/** How often the printer is asked whether it is there while nothing waits (by the core's clock). */
export const PROBE_EVERY_MS = 10_000;

/** Wait before the next attempt after `attempts` failures in a row: 2 s, 4 s, 8 s … capped at 60 s. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, attempts - 1));
}

export interface PrintWorkerOptions {
  db: Db;
  clock: Clock;
  readPrinterSettings: () => PrinterSettings;
  dataDir: string;
  driverFor?: (settings: PrinterSettings, dataDir: string) => PrinterDriver;
  /** Called after a round whenever the status differs from the last one reported. */
  onChange?: (status: PrinterStatus) => void;
  /** The park's time zone, for the preview printer's date folders (default: this PC's). */
  timeZone?: () => string;
  log?: (message: string, error?: unknown) => void;
}

export interface PrintWorker {
  /** One round: sends every due printout in order, stopping at the first failure. */
  runOnce(): Promise<void>;
  /**
   * Asks the printer whether it is there (see PrinterDriver.probe) without printing; the running
   * loop does it every PROBE_EVERY_MS while nothing waits. Until the first answer, or a first
   * printout, after a start or a change of connection the printer's state is `unknown`.
   */
  probeOnce(): Promise<void>;
  /** Asks the running loop for a round now (after a write queued a printout, or settings changed). */
  kick(): void;
  /** Queues again what a crash left `printing`, then runs rounds on real timers until `stop`. */
  start(): void;
  /**
   * Queues again the printouts the database holds as being sent when no one sends them: a crash
   * (at start), or a restored backup taken while one was being sent; then asks for a round.
   */
  recover(): void;
  stop(): void;
  status(): PrinterStatus;
  /**
   * A status someone else announced (a reprint or a set-aside printout, in its write's events): the
   * worker's next report compares with it, so the screens never keep an announcement it outdated.
   */
  announced(status: PrinterStatus): void;
  /** The printer settings in force (the paper width and Chinese mode screens preview with). */
  settings(): PrinterSettings;
}

type Head = Pick<PrintJobRow, 'id' | 'next_attempt_at' | 'attempts' | 'last_error'>;

export function createPrintWorker(options: PrintWorkerOptions): PrintWorker {
  const { db, clock, dataDir } = options;
  const pickDriver = options.driverFor ?? defaultDriverFor;
  const log = options.log ?? (() => undefined);
  const timeZone = options.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  const headQuery = db.prepare<[], Head>(
    "SELECT id, next_attempt_at, attempts, last_error FROM print_job WHERE status = 'queued' ORDER BY id LIMIT 1",
  );
  const jobQuery = db.prepare<[number], PrintJobRow>('SELECT * FROM print_job WHERE id = ?');
  const markPrinting = db.prepare("UPDATE print_job SET status = 'printing' WHERE id = ? AND status = 'queued'");
  const markPrinted = db.prepare("UPDATE print_job SET status = 'printed', printed_at = ?, last_error = NULL WHERE id = ?");
  const markRetry = db.prepare(
    "UPDATE print_job SET status = 'queued', attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
  );
  const markFailed = db.prepare("UPDATE print_job SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?");
  const requeueStale = db.prepare("UPDATE print_job SET status = 'queued', next_attempt_at = ? WHERE status = 'printing'");

  let current: Promise<void> | undefined;
  let again = false;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let reported: string | undefined;
  /** The last answer from the printer (a probe or a send), for the connection it was asked on. */
  let contact: { connection: string; ok: true } | { connection: string; ok: false; error: string } | undefined;
  let nextProbeAt = 0;

  const connectionKey = (settings: PrinterSettings) => JSON.stringify(settings.connection);
  const heard = (settings: PrinterSettings, error?: string) => {
    contact = error === undefined ? { connection: connectionKey(settings), ok: true } : { connection: connectionKey(settings), ok: false, error };
  };

  function status(): PrinterStatus {
    const settings = options.readPrinterSettings();
    const head = headQuery.get();
    const waiting = waitingCount(db);
    const failed = failedCount(db);
    // Offline: the last attempt at the oldest waiting printout failed (kept in the table, so it survives a restart).
    if (head && head.attempts > 0 && head.last_error) return { state: 'offline', waiting, failed, lastError: head.last_error };
    if (settings.connection.kind === 'preview') return { state: 'preview', waiting, failed };
    const known = contact?.connection === connectionKey(settings) ? contact : undefined;
    if (!known) return { state: 'unknown', waiting, failed };
    return known.ok ? { state: 'ready', waiting, failed } : { state: 'offline', waiting, failed, lastError: known.error };
  }

  function report(): void {
    if (!options.onChange) return;
    const next = status();
    const key = JSON.stringify(next);
    if (key === reported) return;
    reported = key;
    try {
      options.onChange(next);
    } catch (error) {
      log('a printer status listener failed', error);
    }
  }

  /** Sends one printout; false when the printer failed (the round stops). */
  async function sendOne(jobId: number, settings: PrinterSettings): Promise<boolean> {
    const row = jobQuery.get(jobId);
    if (!row || markPrinting.run(jobId).changes === 0) return true;
    const columns = columnsFor(settings.paperWidth);
    let bytes: Buffer;
    let text: string;
    try {
      const document = storedDocument(row);
      const lines = layoutDocument(document, { columns, copy: row.copy, chinese: settings.chinese });
      bytes = renderEscpos(lines, { type: settings.type, chinese: settings.chinese });
      text = layoutToText(lines, columns);
    } catch (error) {
      log(`print job ${jobId} cannot be rendered`, error);
      markFailed.run(formatPrinterFailure('render', error instanceof Error ? error.name : 'invalid document'), jobId);
      return true;
    }
    const at = clock.now();
    try {
      await pickDriver(settings, dataDir).send(bytes, { id: row.id, ref: row.ref, kind: row.kind, date: parkDate(at, timeZone()), text });
    } catch (error) {
      const failure = toPrinterError(error, settings.connection.kind);
      const attempts = row.attempts + 1;
      markRetry.run(failure.message, clock.now() + backoffMs(attempts), jobId);
      heard(settings, failure.message);
      return false;
    }
    markPrinted.run(clock.now(), jobId);
    heard(settings);
    return true;
  }

  async function probeOnce(): Promise<void> {
    const settings = options.readPrinterSettings();
    nextProbeAt = clock.now() + PROBE_EVERY_MS;
    if (settings.connection.kind !== 'preview') {
      try {
        await pickDriver(settings, dataDir).probe();
        heard(settings);
      } catch (error) {
        heard(settings, toPrinterError(error, settings.connection.kind).message);
      }
    }
    report();
  }

  async function round(): Promise<void> {
    try {
      for (;;) {
        const head = headQuery.get();
        if (!head || head.next_attempt_at > clock.now()) break;
        const ok = await sendOne(head.id, options.readPrinterSettings());
        report();
        if (!ok) break;
      }
    } finally {
      report();
    }
  }

  function runOnce(): Promise<void> {
    if (current) {
      again = true;
      return current;
    }
    const run = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again);
      } finally {
        current = undefined;
      }
    })();
    current = run;
    return run;
  }

  /** The next round: at once when kicked, else when the oldest printout is due, at least every second. */
  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      runOnce()
        .catch((error: unknown) => log('print worker round failed', error))
        .finally(() => {
          if (!running) return;
          let next = IDLE_POLL_MS;
          let idle = false;
          try {
            const head = headQuery.get();
            if (head) next = Math.max(0, Math.min(IDLE_POLL_MS, head.next_attempt_at - clock.now()));
            else idle = true;
          } catch (error) {
            log('print worker cannot read the outbox', error);
          }
          // Nothing waits: ask the printer now and then whether it is there, so an unplugged one shows.
          if (idle && clock.now() >= nextProbeAt) {
            probeOnce()
              .catch((error: unknown) => log('printer probe failed', error))
              .finally(() => schedule(next));
          } else schedule(next);
        });
    }, delay);
    timer.unref();
  }

  return {
    runOnce,
    probeOnce,
    kick: () => schedule(0),
    start() {
      if (running) return;
      requeueStale.run(clock.now());
      running = true;
      schedule(0);
    },
    recover() {
      requeueStale.run(clock.now());
      if (running) schedule(0);
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    status,
    announced(status) {
      reported = JSON.stringify(status);
    },
    settings: () => options.readPrinterSettings(),
  };
}
