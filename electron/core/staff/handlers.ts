import type { Role, staffMethods } from '@shared/contract';
import { actorOf, type Actor, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { hashPin } from '../auth/pin';
import { checkStaffPin } from '../auth/pinCheck';
import { countActiveManagers, getStaff, getStaffByCode, insertStaff, isManagerRole, listStaff, toStaffView, type StaffRow } from './store';

function requireStaff(row: StaffRow | undefined): StaffRow {
  if (!row) throw new AppError('NOT_FOUND', 'errors.staffNotFound');
  return row;
}

/** Only an administrator may hand out the administrator role or change an administrator. */
function guardAdminRole(actor: Actor, roles: Array<Role | undefined>): void {
  if (actor.role !== 'admin' && roles.includes('admin')) {
    throw new AppError('FORBIDDEN', 'errors.adminOnly', undefined, { role: { key: 'errors.adminOnly' } });
  }
}

export function staffHandlers(services: Services): HandlersFor<keyof typeof staffMethods> {
  const { db, sessions } = services;

  const ensureCodeFree = (code: string, exceptId?: number): void => {
    const other = getStaffByCode(db, code);
    if (other && other.id !== exceptId) throw fieldError('CONFLICT', 'code', 'errors.staffCodeTaken', { code });
  };

  return {
    'staff.list': (input, ctx) => listStaff(db, input.includeInactive).map((row) => toStaffView(row, ctx.now)),

    'staff.create': (input, ctx) => {
      guardAdminRole(actorOf(ctx), [input.role]);
      ensureCodeFree(input.code);
      const row = insertStaff(
        db,
        { code: input.code, name: input.name, role: input.role, language: input.language, pinHash: hashPin(input.pin) },
        ctx.now,
      );
      ctx.audit({ action: 'staff.create', entity: 'staff', entityId: row.id, detail: { code: row.code, name: row.name, role: row.role } });
      ctx.emit('staff.changed', { staffId: row.id });
      return toStaffView(row, ctx.now);
    },

    'staff.update': (input, ctx) => {
      const actor = actorOf(ctx);
      const before = requireStaff(getStaff(db, input.id));
      guardAdminRole(actor, [input.role, before.role]);
      if (input.code !== undefined) ensureCodeFree(input.code, before.id);
      const after = {
        code: input.code ?? before.code,
        name: input.name ?? before.name,
        role: input.role ?? before.role,
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
        language: input.language === undefined ? before.language : input.language,
      };
      if (after.active === 0 && before.id === actor.id) {
        throw fieldError('CONFLICT', 'active', 'errors.selfDisable');
      }
      const stopsManaging = isManagerRole(before.role) && before.active === 1 && (after.active === 0 || !isManagerRole(after.role));
      if (stopsManaging && countActiveManagers(db, before.id) === 0) {
        throw fieldError('CONFLICT', after.active === 0 ? 'active' : 'role', 'errors.lastManager');
      }
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as Array<keyof typeof after>) {
        if (after[key] !== before[key]) changes[key] = [before[key], after[key]];
      }
      if (Object.keys(changes).length === 0) return toStaffView(before, ctx.now);
      db.prepare(
        `UPDATE staff SET code = @code, name = @name, role = @role, active = @active, language = @language, updated_at = @now
         WHERE id = @id`,
      ).run({ ...after, now: ctx.now, id: before.id });
      if (after.active === 0) sessions.endAllOf(before.id);
      else sessions.refresh(before.id, { name: after.name, role: after.role });
      ctx.audit({ action: 'staff.update', entity: 'staff', entityId: before.id, detail: { changes } });
      ctx.emit('staff.changed', { staffId: before.id });
      return toStaffView(requireStaff(getStaff(db, before.id)), ctx.now);
    },

    'staff.resetPin': (input, ctx) => {
      const actor = actorOf(ctx);
      const target = requireStaff(getStaff(db, input.id));
      guardAdminRole(actor, [target.role]);
      db.prepare('UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
        hashPin(input.pin),
        ctx.now,
        target.id,
      );
      if (target.id !== actor.id) sessions.endAllOf(target.id);
      ctx.audit({ action: 'staff.resetPin', entity: 'staff', entityId: target.id });
      ctx.emit('staff.changed', { staffId: target.id });
      return { ok: true as const };
    },

    'auth.changePin': (input, ctx) => {
      const actor = actorOf(ctx);
      let row: StaffRow;
      try {
        // Wrong current PINs count towards the lock like at sign-in: an unattended session is no way to guess.
        row = checkStaffPin(services, ctx, actor.id, input.currentPin);
      } catch (error) {
        const pinField = error instanceof AppError ? error.fields?.pin : undefined;
        if (error instanceof AppError && pinField) throw new AppError(error.code, error.messageKey, error.params, { currentPin: pinField });
        throw error;
      }
      if (input.currentPin === input.newPin) throw fieldError('VALIDATION', 'newPin', 'errors.samePin');
      db.transaction(() => {
        db.prepare('UPDATE staff SET pin_hash = ?, updated_at = ? WHERE id = ?').run(hashPin(input.newPin), ctx.now, row.id);
        ctx.audit({ action: 'auth.changePin', entity: 'staff', entityId: row.id });
      }).immediate();
      return { ok: true as const };
    },
  };
}
