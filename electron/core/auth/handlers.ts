import type { authMethods } from '@shared/contract';
import { idleSignOutMinutesFor, sessionIdleLimit } from '@shared/rules/sessions';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/store';
import { readSettings } from '../settings/store';
import { getStaff, listStaff, toStaffView, type StaffRow } from '../staff/store';
import { checkStaffPin } from './pinCheck';

/** Opens a session for a staff member whose PIN was checked, and audits it. */
export function startSession(services: Services, ctx: CallContext, row: StaffRow) {
  const settings = readSettings(services.db);
  const session = { staffId: row.id, role: row.role, name: row.name, origin: ctx.origin, stationId: ctx.stationId, createdAt: ctx.now };
  const token = services.sessions.create(session, sessionIdleLimit(settings));
  return { token, staff: toStaffView(row, ctx.now), idleSignOutMinutes: idleSignOutMinutesFor(row.role, settings) };
}

export function authHandlers(services: Services): HandlersFor<keyof typeof authMethods> {
  const { db } = services;
  return {
    'auth.roster': (_input, ctx) =>
      listStaff(db, false).map((row) => ({
        id: row.id,
        name: row.name,
        code: row.code,
        role: row.role,
        locked: row.locked_until !== null && row.locked_until > ctx.now,
      })),

    'auth.signIn': (input, ctx) => {
      const row = checkStaffPin(services, ctx, input.staffId, input.pin);
      const session = startSession(services, ctx, row);
      writeAudit(db, { at: ctx.now, staffId: row.id, action: 'auth.signIn', entity: 'staff', entityId: row.id, origin: ctx.origin });
      return session;
    },

    'auth.signOut': (_input, ctx) => {
      ctx.audit({ action: 'auth.signOut', entity: 'staff', entityId: actorOf(ctx).id });
      if (ctx.token) services.sessions.end(ctx.token);
      return { ok: true as const };
    },

    'auth.me': (_input, ctx) => {
      const row = getStaff(db, actorOf(ctx).id);
      if (!row) throw new AppError('UNAUTHENTICATED', 'errors.staffNotFound');
      return { staff: toStaffView(row, ctx.now), idleSignOutMinutes: idleSignOutMinutesFor(row.role, readSettings(db)) };
    },
  };
}
