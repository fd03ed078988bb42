import { formatParkTime, MINUTE } from '@shared/rules/time';
import type { CallContext, Services } from '../context';
import { AppError } from '../errors';
import { readSettings } from '../settings/store';
import { getStaff, isManagerRole, type StaffRow } from '../staff/store';
import { writeAudit } from '../audit/store';
import { verifyPin } from './pin';

export const MAX_WRONG_PINS = 5;

/**
 * Checks a staff member's PIN. A wrong PIN is counted (and audited) in its own committed
 * transaction, so the refusal still counts; the fifth in a row locks the staff member for the
 * lockout time. On success the count is cleared.
 */
export function checkStaffPin(services: Services, ctx: CallContext, staffId: number, pin: string, managerOnly = false): StaffRow {
  const { db } = services;
  const row = getStaff(db, staffId);
  if (!row) throw new AppError('UNAUTHENTICATED', 'errors.staffNotFound', undefined, { staffId: { key: 'errors.staffNotFound' } });
  if (row.active !== 1) throw new AppError('UNAUTHENTICATED', 'errors.staffInactive', undefined, { staffId: { key: 'errors.staffInactive' } });
  if (managerOnly && !isManagerRole(row.role)) {
    throw new AppError('FORBIDDEN', 'errors.notManager', undefined, { staffId: { key: 'errors.notManager' } });
  }
  const settings = readSettings(db);
  if (row.locked_until !== null && row.locked_until > ctx.now) {
    const until = formatParkTime(row.locked_until, settings.timeZone);
    throw new AppError('LOCKED', 'errors.lockedOut', { until }, { pin: { key: 'errors.lockedOut', params: { until } } });
  }
  if (verifyPin(pin, row.pin_hash)) {
    if (row.failed_pins !== 0 || row.locked_until !== null) {
      db.prepare('UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    }
    return row;
  }
  const failed = row.failed_pins + 1;
  const locks = failed >= MAX_WRONG_PINS;
  const lockedUntil = ctx.now + settings.lockoutMinutes * MINUTE;
  db.transaction(() => {
    if (locks) {
      db.prepare('UPDATE staff SET failed_pins = 0, locked_until = ? WHERE id = ?').run(lockedUntil, row.id);
    } else {
      db.prepare('UPDATE staff SET failed_pins = ? WHERE id = ?').run(failed, row.id);
    }
    writeAudit(db, {
      at: ctx.now,
      staffId: row.id,
      action: locks ? 'auth.locked' : 'auth.failed',
      entity: 'staff',
      entityId: row.id,
      detail: locks ? { failed, lockedUntil } : { failed },
      origin: ctx.origin,
    });
  }).immediate();
  if (locks) {
    services.sessions.endAllOf(row.id);
    const until = formatParkTime(lockedUntil, settings.timeZone);
    throw new AppError('LOCKED', 'errors.lockedOut', { until }, { pin: { key: 'errors.lockedOut', params: { until } } });
  }
  const remaining = MAX_WRONG_PINS - failed;
  throw new AppError('UNAUTHENTICATED', 'errors.wrongPin', { remaining }, { pin: { key: 'errors.wrongPin', params: { remaining } } });
}

/**
 * A PIN given for someone else at the counter (a manager's approval, a second cash counter), as
 * `checkStaffPin` checks it, with its refusals named after the form's field: `approval.pin`.
 */
export function checkPinOf(services: Services, ctx: CallContext, who: { staffId: number; pin: string }, field: string, managerOnly = false): StaffRow {
  try {
    return checkStaffPin(services, ctx, who.staffId, who.pin, managerOnly);
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const fields = Object.fromEntries(Object.entries(error.fields).map(([key, value]) => [`${field}.${key}`, value]));
      throw new AppError(error.code, error.messageKey, error.params, fields);
    }
    throw error;
  }
}
