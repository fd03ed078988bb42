import { MANAGERS, type Role, type StaffView } from '@shared/contract';
import type { Db } from '../db/open';

export interface StaffRow {
  id: number;
  code: string;
  name: string;
  role: Role;
  active: number;
  language: 'zh-CN' | 'en' | null;
  pin_hash: string;
  failed_pins: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export function toStaffView(row: StaffRow, now: number): StaffView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    language: row.language,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
    createdAt: row.created_at,
  };
}

export function isManagerRole(role: Role): boolean {
  return MANAGERS.includes(role);
}

export function getStaff(db: Db, id: number): StaffRow | undefined {
  return db.prepare<[number], StaffRow>('SELECT * FROM staff WHERE id = ?').get(id);
}

export function getStaffByCode(db: Db, code: string): StaffRow | undefined {
  return db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE code = ?').get(code);
}

export function listStaff(db: Db, includeInactive: boolean): StaffRow[] {
  return db
    .prepare<[number], StaffRow>('SELECT * FROM staff WHERE active = 1 OR ? ORDER BY active DESC, name COLLATE NOCASE, id')
    .all(includeInactive ? 1 : 0);
}

export function countStaff(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff').get()?.n ?? 0;
}

/** Active managers and administrators, optionally leaving one out (the one being changed). */
export function countActiveManagers(db: Db, exceptId?: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM staff WHERE active = 1 AND role IN ('manager', 'admin') AND id <> ?`,
      )
      .get(exceptId ?? 0)?.n ?? 0
  );
}

export interface NewStaff {
  code: string;
  name: string;
  role: Role;
  language: 'zh-CN' | 'en' | null;
  pinHash: string;
}

export function insertStaff(db: Db, staff: NewStaff, now: number): StaffRow {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO staff (code, name, role, language, pin_hash, created_at, updated_at)
       VALUES (@code, @name, @role, @language, @pinHash, @now, @now)`,
    )
    .run({ ...staff, now });
  const row = getStaff(db, Number(lastInsertRowid));
  if (!row) throw new Error('staff row vanished after insert');
  return row;
}
