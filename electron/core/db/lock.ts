import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'parkdesk.lock';

/**
 * One ParkDesk per data folder: the kiosk window and a station process started on the same folder
 * would both send the print queue (a receipt printed twice) and both write the day. The core holds
 * an exclusive SQLite lock on `parkdesk.lock` while it is open; the operating system drops it when
 * the process ends, a crash included, so there is never a stale lock to clear by hand.
 * Answers the release, or undefined when another ParkDesk holds the folder.
 */
export function lockDataFolder(dataDir: string, nativeBinding?: string): { release(): void } | undefined {
  mkdirSync(dataDir, { recursive: true });
  const lock = new Database(join(dataDir, LOCK_FILE), nativeBinding ? { nativeBinding } : {});
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
