import type { systemMethods } from '@shared/contract';
import { LATEST_SCHEMA } from '../db/migrations';
import type { HandlersFor, Services } from '../context';
import { AppError } from '../errors';
import { hashPin } from '../auth/pin';
import { checkStaffPin } from '../auth/pinCheck';
import { startSession } from '../auth/handlers';
import { readSettings, writeSettings } from '../settings/store';
import { countStaff, insertStaff } from '../staff/store';

export function systemHandlers(services: Services): HandlersFor<keyof typeof systemMethods> {
  const { db } = services;
  return {
    'system.info': (_input, ctx) => {
      const settings = readSettings(db);
      return {
        app: 'ParkDesk' as const,
        version: services.version,
        now: ctx.now,
        setupRequired: countStaff(db) === 0,
        parkName: settings.parkName,
        defaultLanguage: settings.defaultLanguage,
        timeZone: settings.timeZone,
        kioskMode: settings.kioskMode,
        schemaVersion: LATEST_SCHEMA,
      };
    },

    'setup.complete': (input, ctx) => {
      if (countStaff(db) > 0) throw new AppError('CONFLICT', 'errors.setupDone');
      const current = readSettings(db);
      // The first account runs the park: a duty manager with the administrator's rights.
      const row = insertStaff(
        db,
        { code: input.manager.code, name: input.manager.name, role: 'admin', language: input.defaultLanguage, pinHash: hashPin(input.manager.pin) },
        ctx.now,
      );
      const next = { ...current, parkName: input.parkName, defaultLanguage: input.defaultLanguage, timeZone: input.timeZone };
      writeSettings(db, next, current, ctx.now, row.id);
      const session = startSession(services, ctx, row);
      ctx.audit({
        action: 'setup.complete',
        actorId: row.id,
        entity: 'staff',
        entityId: row.id,
        detail: { parkName: input.parkName, defaultLanguage: input.defaultLanguage, timeZone: input.timeZone, staffId: row.id },
      });
      ctx.emit('settings.changed', { keys: ['parkName', 'defaultLanguage', 'timeZone'] });
      return session;
    },

    'system.leaveKiosk': (input, ctx) => {
      const row = checkStaffPin(services, ctx, input.staffId, input.pin, true);
      db.transaction(() => ctx.audit({ action: 'kiosk.leave', actorId: row.id, entity: 'staff', entityId: row.id, detail: { by: row.id } }))();
      ctx.emit('kiosk.leave', { origin: ctx.origin, staffId: row.id });
      return { ok: true as const };
    },
  };
}
