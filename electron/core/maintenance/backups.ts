import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { BACKUP_REASONS, backupView, type BackupReason, type BackupView } from '@shared/contract';
import type { Db } from '../db/open';
import { readSettings } from '../settings/store';

/** `backups` beside the database unless the settings name another folder (a second disk, a share). */
export function backupFolder(db: Db, dataDir: string): string {
  return readSettings(db).backupDir || join(dataDir, 'backups');
}

const NAME = /^parkdesk-\d{8}-\d{6}-([a-zA-Z]+)\.sqlite$/;

function manifestOf(folder: string, name: string): string {
  return join(folder, `${name}.json`);
}

/**
 * The backups in a folder, newest first: each `.sqlite` with the manifest written after its check.
 * A file without a manifest (a backup cut off half-way) is not offered.
 */
export function listBackups(folder: string): BackupView[] {
  if (!existsSync(folder)) return [];
  const rows: BackupView[] = [];
  for (const name of readdirSync(folder)) {
    if (!NAME.test(name) || !existsSync(manifestOf(folder, name))) continue;
    try {
      const parsed = backupView.safeParse(JSON.parse(readFileSync(manifestOf(folder, name), 'utf8')));
      if (parsed.success && parsed.data.name === name) rows.push(parsed.data);
    } catch {
      // An unreadable manifest: the backup is not offered, the folder still lists the others.
    }
  }
  return rows.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
}

export interface Inspection {
  ok: boolean;
  problem: string;
  schemaVersion: number;
  rentals: number;
}

/**
 * The outcome of `PRAGMA integrity_check` and a few facts, read through the live connection.
 * A file that is not a database at all is reported as failing the check.
 */
function inspectHere(db: Db, file: string): Inspection {
  try {
    db.prepare('ATTACH DATABASE ? AS inspected').run(file);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error), schemaVersion: 0, rentals: 0 };
  }
  try {
    const results = db.prepare<[], { integrity_check: string }>('PRAGMA inspected.integrity_check').all().map((row) => row.integrity_check);
    const ok = results.length === 1 && results[0] === 'ok';
    const schemaVersion = Number(db.pragma('inspected.user_version', { simple: true }));
    const hasRentals = db.prepare("SELECT 1 FROM inspected.sqlite_schema WHERE type = 'table' AND name = 'rental'").get() !== undefined;
    const rentals = ok && hasRentals ? (db.prepare<[], { n: number }>('SELECT count(*) AS n FROM inspected.rental').get()?.n ?? 0) : 0;
    return { ok, problem: ok ? '' : results.slice(0, 3).join('; '), schemaVersion, rentals };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error), schemaVersion: 0, rentals: 0 };
  } finally {
    db.prepare('DETACH DATABASE inspected').run();
  }
}

/**
 * The work done aside in a worker thread, on its own connections: with `source`, an online backup of
 * it into `file` first (SQLite's backup API on a read-only connection; every page in one step, so the
 * copy is the database at one instant while the counter goes on writing in WAL mode) and the copy
 * switched to a rollback journal; then the check of `file`.
 */
const ASIDE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = (file, readonly) => {
  const db = new Database(file, { readonly, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  // Every page is read once: a small page cache keeps the process's memory as it was.
  db.pragma('cache_size = -512');
  return db;
};
const message = (error) => (error instanceof Error ? error.message : String(error));
async function copy() {
  const source = open(workerData.source, true);
  try {
    await source.backup(workerData.file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const written = open(workerData.file, false);
  try {
    written.pragma('journal_mode = DELETE');
  } finally {
    written.close();
  }
}
function inspect() {
  let db;
  try {
    db = open(workerData.file, true);
    const results = db.pragma('integrity_check').map((row) => row.integrity_check);
    const ok = results.length === 1 && results[0] === 'ok';
    const hasRentals = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'rental'").get() !== undefined;
    return {
      ok,
      problem: ok ? '' : results.slice(0, 3).join('; '),
      schemaVersion: Number(db.pragma('user_version', { simple: true })),
      rentals: ok && hasRentals ? db.prepare('SELECT count(*) AS n FROM rental').get().n : 0,
    };
  } catch (error) {
    return { ok: false, problem: message(error), schemaVersion: 0, rentals: 0 };
  } finally {
    if (db) db.close();
  }
}
(async () => {
  if (workerData.source) {
    try {
      await copy();
    } catch (error) {
      parentPort.postMessage({ copyFailed: message(error) });
      return;
    }
  }
  parentPort.postMessage(inspect());
})();
`;

/** Why the worker could not copy the database (the copy is then refused, not retried on the main thread). */
class CopyFailed extends Error {}

/** The worker's answer: `source` backed up into `file` first, when given, then `file` checked. */
export function aside(file: string, source: string | undefined, nativeBinding: string | undefined): Promise<Inspection> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    // A small heap: the worker holds a few statements and one answer (a station process stays under 200 MB).
    const worker = new Worker(ASIDE, { eval: true, workerData: { driver, file, source, nativeBinding }, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
    worker.once('message', (answer: Inspection | { copyFailed: string }) => {
      if ('copyFailed' in answer) reject(new CopyFailed(answer.copyFailed));
      else resolve(answer);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker ended with ${code} before answering`)));
  });
}

/**
 * Checks a backup file with `PRAGMA integrity_check` (and reads its schema version and rentals).
 * The check reads every page of the file: a year of records takes many seconds, during which the
 * core would answer nobody. So it runs in a worker thread; only where no worker can load the
 * database driver does it run here, through the live connection.
 */
export async function inspectFile(db: Db, file: string, nativeBinding?: string): Promise<Inspection> {
  try {
    return await aside(file, undefined, nativeBinding);
  } catch {
    return inspectHere(db, file);
  }
}

/** A backup is one self-contained file: the copy of a WAL database is switched to a rollback journal. */
function selfContained(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS written').run(file);
  try {
    db.pragma('written.journal_mode = DELETE');
  } finally {
    db.prepare('DETACH DATABASE written').run();
  }
}

function freeName(folder: string, at: number, timeZone: string, reason: BackupReason): string {
  for (let step = 0; ; step += 1) {
    const stamp = format(new TZDate(at + step * 1000, timeZone), 'yyyyMMdd-HHmmss');
    const name = `parkdesk-${stamp}-${reason}.sqlite`;
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `${name}.partial`))) return name;
  }
}

export class BackupFailed extends Error {
  constructor(readonly detail: string) {
    super(`backup failed: ${detail}`);
    this.name = 'BackupFailed';
  }
}

/**
 * Writes the copy and checks it in a worker thread, so the counter answers meanwhile (a year of
 * records is a 4 GB copy, its last step an fsync of seconds). Where no worker can load the database
 * driver, the copy is made here through the live connection (whose own writes SQLite carries into it).
 */
async function copyAndInspect(db: Db, partial: string, nativeBinding: string | undefined): Promise<Inspection> {
  try {
    return await aside(partial, db.name, nativeBinding);
  } catch (error) {
    if (error instanceof CopyFailed) throw new BackupFailed(error.message);
    rmSync(partial, { force: true });
    await db.backup(partial);
    selfContained(db, partial);
    return inspectHere(db, partial);
  }
}

/**
 * Writes an online backup with SQLite's backup API (never a file copy of the live database): to a
 * `.partial` file first, checked with `integrity_check`, then renamed and described by its
 * manifest. Then the oldest backups beyond `keep` are removed.
 */
export async function writeBackup(db: Db, folder: string, at: number, reason: BackupReason, keep: number, nativeBinding?: string): Promise<BackupView> {
  if (!BACKUP_REASONS.includes(reason)) throw new Error(`unknown backup reason ${reason}`);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new BackupFailed(error instanceof Error ? error.message : String(error));
  }
  const name = freeName(folder, at, readSettings(db).timeZone, reason);
  const partial = join(folder, `${name}.partial`);
  try {
    const inspected = await copyAndInspect(db, partial, nativeBinding);
    if (!inspected.ok) throw new BackupFailed(`integrity_check: ${inspected.problem}`);
    const final = join(folder, name);
    renameSync(partial, final);
    const view: BackupView = {
      name,
      reason,
      at,
      bytes: statSync(final).size,
      checked: true,
      schemaVersion: inspected.schemaVersion,
      rentals: inspected.rentals,
    };
    writeFileSync(manifestOf(folder, name), `${JSON.stringify(view, null, 2)}\n`);
    await prune(folder, keep);
    return view;
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupFailed) throw error;
    throw new BackupFailed(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Keeps the newest `keep` backups; removes the others with their manifests. Off the main thread:
 * unlinking a 4 GB file takes a tenth of a second, which the counter would otherwise wait for.
 */
export async function prune(folder: string, keep: number): Promise<string[]> {
  const removed = listBackups(folder)
    .slice(keep)
    .map((backup) => backup.name);
  for (const name of removed) {
    // The manifest first: a backup without one is no longer offered, even if its file stays.
    await rm(manifestOf(folder, name), { force: true });
    await rm(join(folder, name), { force: true });
  }
  return removed;
}

/**
 * Copies a checked backup over the live database through SQLite's backup API (pages written in
 * one step by a second connection; the live connection sees the restored database when it ends).
 */
export async function restoreInto(db: Db, liveFile: string, backupFile: string): Promise<void> {
  db.prepare('ATTACH DATABASE ? AS restoring').run(backupFile);
  try {
    // better-sqlite3 backs up an ATTACHed database with `attached`; its type definitions omit the option.
    const backupAttached = db.backup.bind(db) as (file: string, options: { attached: string; progress: () => number }) => Promise<unknown>;
    // The first step only measures; the second copies every page at once.
    await backupAttached(liveFile, { attached: 'restoring', progress: () => 0x7fffffff });
  } finally {
    db.prepare('DETACH DATABASE restoring').run();
  }
}
