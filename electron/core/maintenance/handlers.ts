import { join } from 'node:path';
import type { maintenanceMethods } from '@shared/contract';
import { checkStaffPin } from '../auth/pinCheck';
import { actorOf, type HandlersFor, type Services } from '../context';
import { LATEST_SCHEMA } from '../db/migrations';
import { migrate } from '../db/open';
import { AppError, fieldError } from '../errors';
import { readSettings } from '../settings/store';
import { BackupFailed, backupFolder, inspectFile, listBackups, prune, restoreInto, writeBackup } from './backups';
import { BACKUP_EVERY, type Maintenance } from './jobs';
import { retentionState } from './retention';
import type { PrintWorker } from '../printing/worker';

function failed(error: unknown): AppError {
  const detail = error instanceof BackupFailed ? error.detail : String(error);
  return new AppError('UNAVAILABLE', 'maintenance.errors.backupFailed', { detail: detail.slice(0, 200) });
}

export function maintenanceHandlers(services: Services, jobs: Maintenance, printer: Pick<PrintWorker, 'recover'>): HandlersFor<keyof typeof maintenanceMethods> {
  const { db } = services;
  return {
    'backups.list': (_input, ctx) => {
      const folder = backupFolder(db, services.dataDir);
      const rows = listBackups(folder);
      const last = rows.find((row) => row.reason !== 'beforeRestore');
      const failure = jobs.lastFailure();
      return {
        folder,
        keep: readSettings(db).backupKeep,
        lastAt: last?.at ?? null,
        nextDueAt: last ? last.at + BACKUP_EVERY : ctx.now,
        problem: failure && (!last || failure.at > last.at) ? failure.detail : null,
        rows,
      };
    },

    'backups.run': async (_input, ctx) => {
      try {
        return await jobs.backup('manual', actorOf(ctx).id, ctx.origin);
      } catch (error) {
        throw failed(error);
      }
    },

    'backups.restore': async (input, ctx) => {
      const actor = actorOf(ctx);
      checkStaffPin(services, ctx, actor.id, input.pin, true);
      const folder = backupFolder(db, services.dataDir);
      const chosen = listBackups(folder).find((row) => row.name === input.name);
      if (!chosen) throw fieldError('NOT_FOUND', 'name', 'maintenance.errors.noSuchBackup', { name: input.name });
      const file = join(folder, chosen.name);
      // The gate holds from the first step: the backup's check runs off this thread, and no hourly
      // backup or retention run may start meanwhile.
      services.gate.restoring = true;
      try {
        const inspected = await inspectFile(db, file, services.nativeBinding);
        if (!inspected.ok) throw fieldError('CONFLICT', 'name', 'maintenance.errors.backupDamaged', { name: chosen.name });
        if (inspected.schemaVersion > LATEST_SCHEMA) throw fieldError('CONFLICT', 'name', 'maintenance.errors.backupTooNew', { name: chosen.name });
        // The current database is kept aside first; it is not counted against the kept backups yet.
        let keptAside;
        try {
          keptAside = await writeBackup(db, folder, ctx.now, 'beforeRestore', Number.MAX_SAFE_INTEGER, services.nativeBinding);
        } catch (error) {
          throw failed(error);
        }
        await restoreInto(db, jobs.liveFile, file);
        migrate(db, jobs.liveFile);
        await prune(folder, Math.max(readSettings(db).backupKeep, 1));
        services.sessions.endAll();
        // A printout the backup caught being sent is queued again, as after a crash: it is not left waiting for a restart.
        printer.recover();
        ctx.audit({ action: 'maintenance.backupRestored', entity: 'backup', entityId: chosen.name, detail: { keptAside: keptAside.name, schemaVersion: inspected.schemaVersion } });
        ctx.emit('system.restored', { name: chosen.name, at: ctx.now });
        ctx.emit('backups.changed', { name: chosen.name });
        return { restored: chosen, keptAside };
      } finally {
        services.gate.restoring = false;
      }
    },

    'retention.status': (_input, ctx) => retentionState(db, ctx.now),

    'retention.run': (_input, ctx) => jobs.eraseDue(actorOf(ctx).id, ctx.origin),
  };
}
