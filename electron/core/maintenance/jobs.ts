import type { BackupReason, BackupView, RetentionCounts } from '@shared/contract';
import { HOUR, MINUTE, parkDate } from '@shared/rules/time';
import type { Services } from '../context';
import type { PendingEvent } from '../dispatcher';
import { writeAudit } from '../audit/store';
import { readSettings } from '../settings/store';
import { BackupFailed, backupFolder, listBackups, writeBackup } from './backups';
import { eraseDue, totalOf } from './retention';

export const BACKUP_EVERY = HOUR;
/** How often the jobs look whether something is due; the work itself follows the core's clock. */
export const TICK_EVERY = MINUTE;

export interface MaintenanceOptions {
  services: Services;
  liveFile: string;
  publish(events: PendingEvent[]): void;
  log(message: string, error?: unknown): void;
}

export interface Maintenance {
  /** Backups and retention, each when it is due by the core's clock. Tests call it after moving the clock. */
  tick(): Promise<void>;
  /** A backup now, audited and announced; refused with `BackupFailed`. */
  backup(reason: BackupReason, staffId: number | null, origin: string): Promise<BackupView>;
  /** Erases the personal data due now (in its own transaction), audited. */
  eraseDue(staffId: number | null, origin: string): RetentionCounts;
  /** The last failed backup, when newer than the last good one: shown to managers. */
  lastFailure(): { at: number; detail: string } | null;
  readonly liveFile: string;
  start(): void;
  stop(): void;
  /** Resolves when the tick under way, if any, has finished (tests wait on it instead of guessing). */
  settled(): Promise<void>;
}

export function createMaintenance(options: MaintenanceOptions): Maintenance {
  const { services, publish, log } = options;
  const { db, clock } = services;
  let failure: { at: number; detail: string } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** Set by `stop()`: a tick still waiting on a backup's I/O then leaves the (closing) database alone. */
  let stopped = false;

  async function backup(reason: BackupReason, staffId: number | null, origin: string): Promise<BackupView> {
    const settings = readSettings(db);
    const folder = backupFolder(db, services.dataDir);
    const at = clock.now();
    try {
      const view = await writeBackup(db, folder, at, reason, settings.backupKeep, services.nativeBinding);
      failure = null;
      writeAudit(db, { at, staffId, action: 'maintenance.backupWritten', entity: 'backup', entityId: view.name, detail: { reason, bytes: view.bytes }, origin });
      publish([{ name: 'backups.changed', payload: { name: view.name } }]);
      return view;
    } catch (error) {
      const detail = error instanceof BackupFailed ? error.detail : String(error);
      failure = { at, detail };
      writeAudit(db, { at, staffId, action: 'maintenance.backupFailed', entity: 'backup', detail: { reason, folder, detail }, origin });
      publish([{ name: 'backups.changed', payload: { name: null } }]);
      throw error instanceof BackupFailed ? error : new BackupFailed(detail);
    }
  }

  function erase(staffId: number | null, origin: string): RetentionCounts {
    const at = clock.now();
    const { counts, cutoff } = db
      .transaction(() => {
        const result = eraseDue(db, at, staffId);
        writeAudit(db, { at, staffId, action: 'maintenance.personalDataErased', entity: 'retention', detail: { ...result.counts, cutoff: result.cutoff }, origin });
        return result;
      })
      .immediate();
    if (totalOf(counts) > 0) log(`retention: erased personal data of ${totalOf(counts)} records closed before ${new Date(cutoff).toISOString()}`);
    publish([{ name: 'backups.changed', payload: { name: null } }]);
    return counts;
  }

  async function tick(): Promise<void> {
    // A restore is replacing the database: a backup now could copy half of it, and the retention
    // run would write into the file being replaced. Both wait for the next tick.
    if (services.gate.restoring || stopped) return;
    const now = clock.now();
    const last = listBackups(backupFolder(db, services.dataDir)).find((row) => row.reason !== 'beforeRestore');
    const failedRecently = failure !== null && now - failure.at < 10 * MINUTE;
    if ((!last || now - last.at >= BACKUP_EVERY) && !failedRecently) {
      await backup('hourly', null, 'system').catch((error: unknown) => {
        if (!stopped) log('hourly backup failed', error);
      });
      if (stopped) return;
    }
    const { timeZone } = readSettings(db);
    const lastRun = db.prepare<[], { at: number }>('SELECT at FROM retention_run ORDER BY id DESC LIMIT 1').get();
    if (!lastRun || parkDate(lastRun.at, timeZone) !== parkDate(now, timeZone)) {
      try {
        erase(null, 'system');
      } catch (error) {
        log('retention job failed', error);
      }
    }
  }

  return {
    liveFile: options.liveFile,
    tick() {
      // One run at a time: a slow share must not stack backups.
      running ??= tick().finally(() => {
        running = undefined;
      });
      return running;
    },
    backup,
    eraseDue: erase,
    lastFailure: () => failure,
    start() {
      if (timer) return;
      stopped = false;
      const run = () => {
        this.tick().catch((error: unknown) => {
          if (!stopped) log('maintenance tick failed', error);
        });
      };
      run();
      timer = setInterval(run, TICK_EVERY);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    settled: () => running ?? Promise.resolve(),
  };
}
