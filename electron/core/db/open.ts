import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FatalProblem } from '@shared/contract';
import { LATEST_SCHEMA, migrations, type Migration } from './migrations';

export type Db = Database.Database;

/** Why the database cannot be used; the shells show it as a localized message, never a blank window. */
export class DatabaseProblem extends Error {
  constructor(readonly problem: FatalProblem) {
    super(`${problem.code}: ${JSON.stringify(problem.params)}`);
    this.name = 'DatabaseProblem';
  }
}

export interface OpenOptions {
  file: string;
  /** Path of a better-sqlite3 addon built for another runtime (Electron's ABI); default: the Node build. */
  nativeBinding?: string;
  /** Apply migrations up to this version only (tests that build an old database). */
  targetVersion?: number;
  /** Skip `PRAGMA integrity_check` (tests that deliberately damage a file check it themselves). */
  skipIntegrityCheck?: boolean;
}

function sqliteCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function asProblem(error: unknown, file: string): DatabaseProblem {
  if (error instanceof DatabaseProblem) return error;
  const code = sqliteCode(error) ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseProblem({ code: 'DB_CORRUPT', params: { path: file, detail } });
  }
  return new DatabaseProblem({ code: 'DB_UNREADABLE', params: { path: file, detail } });
}

/** Applies pending migrations, one transaction each, tracked by `user_version`. */
export function migrate(db: Db, file: string, target: number = LATEST_SCHEMA, list: readonly Migration[] = migrations): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  const known = list.length;
  if (current > known) {
    throw new DatabaseProblem({ code: 'DB_TOO_NEW', params: { path: file, found: current, known } });
  }
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Prepared statements are cached by their SQL text on this connection: handlers write their
 * queries inline, where they are read, and a query repeated on every call costs only its run.
 * (A statement that plucks, returns raw rows or expands always does: its SQL is its own, and a shared
 * statement keeps the mode it was last given.)
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof db.prepare;
}

/**
 * Opens (creating if needed) the counter's database: WAL, foreign keys, full fsync, integrity
 * checked, migrated. Throws a DatabaseProblem the shells can show.
 */
export function openDatabase(options: OpenOptions): Db {
  const { file } = options;
  let db: Db | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (!options.skipIntegrityCheck) {
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      const verdict = rows.map((row) => row.integrity_check);
      if (verdict.length !== 1 || verdict[0] !== 'ok') {
        throw new DatabaseProblem({ code: 'DB_CORRUPT', params: { path: file, detail: verdict.slice(0, 3).join('; ') } });
      }
    }
    migrate(db, file, options.targetVersion ?? LATEST_SCHEMA);
    cacheStatements(db);
    return db;
  } catch (error) {
    db?.close();
    throw asProblem(error, file);
  }
}
