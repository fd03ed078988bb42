import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/contract';
import { addStaff, auditRows, makeCore, setUpPark } from '../support/core';

describe('staff management', () => {
  it('adds, edits, disables and re-enables staff, auditing each change with who did it', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const created = await test.ok('staff.create', { code: 'b-01', name: '陈广播', role: 'broadcast', pin: '8080' }, admin);
    expect(created).toMatchObject({ code: 'b-01', name: '陈广播', role: 'broadcast', active: true, language: null });

    const edited = await test.ok('staff.update', { id: created.id, name: '陈播音', language: 'zh-CN' }, admin);
    expect(edited).toMatchObject({ name: '陈播音', language: 'zh-CN' });
    await test.ok('staff.update', { id: created.id, active: false }, admin);
    expect((await test.ok('staff.list', { includeInactive: false }, admin)).map((s) => s.id)).not.toContain(created.id);
    expect((await test.ok('staff.list', { includeInactive: true }, admin)).find((s) => s.id === created.id)?.active).toBe(false);
    await test.ok('staff.update', { id: created.id, active: true }, admin);

    const updates = auditRows(test, 'staff.update');
    expect(updates).toHaveLength(3);
    expect(JSON.parse(updates[0]?.detail ?? '{}')).toEqual({ changes: { name: ['陈广播', '陈播音'], language: [null, 'zh-CN'] } });
    expect(JSON.parse(updates[1]?.detail ?? '{}')).toEqual({ changes: { active: [1, 0] } });
    const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
    expect(updates.every((row) => row.staff_id === adminId && row.entity_id === String(created.id))).toBe(true);
    // No PIN, hashed or not, ever reaches the audit log.
    expect(JSON.stringify(auditRows(test, 'staff.create'))).not.toMatch(/8080|scrypt/);
  });

  it('refuses a staff number already in use, whatever its case, and writes nothing', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('staff.create', { code: 'C20', name: 'One', role: 'counter', pin: '1234' }, admin);
    const error = await test.fails('staff.create', { code: 'c20', name: 'Two', role: 'counter', pin: '1234' }, admin);
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'errors.staffCodeTaken',
      params: { code: 'c20' },
      fields: { code: { key: 'errors.staffCodeTaken', params: { code: 'c20' } } },
    });
    expect(await test.ok('staff.list', { includeInactive: true }, admin)).toHaveLength(2);
    expect(auditRows(test, 'staff.create')).toHaveLength(1);
  });

  it('keeps at least one active manager, and no one can disable themselves', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
    expect(await test.fails('staff.update', { id: adminId, active: false }, admin)).toMatchObject({
      code: 'CONFLICT',
      fields: { active: { key: 'errors.selfDisable' } },
    });
    const second = await addStaff(test, admin, { code: 'M2', name: 'Second', role: 'manager', pin: '2222' });
    // The second manager may not demote the only administrator-manager… but may when another manager remains.
    expect(await test.fails('staff.update', { id: adminId, role: 'counter' }, second.token)).toMatchObject({ message: 'errors.adminOnly' });
    await test.ok('staff.update', { id: second.id, role: 'counter' }, admin);
    expect(await test.fails('staff.update', { id: adminId, role: 'counter' }, admin)).toMatchObject({ message: 'errors.lastManager' });
  });

  it('lets only an administrator hand out the administrator role', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const manager = await addStaff(test, admin, { code: 'M3', name: 'Duty', role: 'manager', pin: '3333' });
    expect(await test.fails('staff.create', { code: 'X1', name: 'X', role: 'admin', pin: '1111' }, manager.token)).toMatchObject({
      code: 'FORBIDDEN',
      fields: { role: { key: 'errors.adminOnly' } },
    });
    await test.ok('staff.create', { code: 'X2', name: 'Y', role: 'counter', pin: '1111' }, manager.token);
    await test.ok('staff.create', { code: 'X3', name: 'Z', role: 'admin', pin: '1111' }, admin);
  });

  it('resets a PIN: lifts the lock, ends the old sessions, and the new PIN works', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C30', name: 'Sun', role: 'counter', pin: '3030' });
    for (let i = 0; i < 5; i += 1) await test.fails('auth.signIn', { staffId: clerk.id, pin: '0000' });
    expect((await test.ok('staff.list', { includeInactive: false }, admin)).find((s) => s.id === clerk.id)?.lockedUntil).not.toBeNull();
    await test.ok('staff.resetPin', { id: clerk.id, pin: '4040' }, admin);
    expect(await test.fails('auth.me', {}, clerk.token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    await test.ok('auth.signIn', { staffId: clerk.id, pin: '4040' });
    expect(auditRows(test, 'staff.resetPin')).toHaveLength(1);
  });
});

describe('settings', () => {
  it('start from the defaults: 20:30 summary, Asia/Shanghai, bilingual receipts', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const settings = await test.ok('settings.get', {}, admin);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, parkName: '阳光水世界' });
    expect(settings.complaintSummaryDeadline).toBe('20:30');
    expect(settings.timeZone).toBe('Asia/Shanghai');
  });

  it('saves a valid change, audits each key from and to, and tells every station', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const events: unknown[] = [];
    test.core.subscribe((event) => events.push(event));
    const saved = await test.ok(
      'settings.update',
      { closingTime: '21:00', lockoutMinutes: 15, eventDays: ['2026-10-02', '2026-10-01'] },
      admin,
    );
    expect(saved.eventDays).toEqual(['2026-10-01', '2026-10-02']);
    const [row] = auditRows(test, 'settings.update');
    expect(JSON.parse(row?.detail ?? '{}')).toEqual({
      closingTime: { from: '18:00', to: '21:00' },
      lockoutMinutes: { from: 5, to: 15 },
      eventDays: { from: [], to: ['2026-10-01', '2026-10-02'] },
    });
    expect(events).toMatchObject([{ name: 'settings.changed', payload: { keys: ['closingTime', 'eventDays', 'lockoutMinutes'] } }]);
  });

  it('refuses bad values with field errors and changes nothing', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const before = await test.ok('settings.get', {}, admin);
    const error = await test.fails(
      'settings.update',
      {
        openingTime: '25:00',
        lockoutMinutes: 2.5,
        receiptLanguage: 'fr',
        timeZone: 'Nowhere/City',
        eventDays: ['2026-02-30'],
        idleSignOutMinutes: 0,
      },
      admin,
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({
      openingTime: { key: 'validation.timeOfDay' },
      lockoutMinutes: { key: 'validation.wholeNumber' },
      receiptLanguage: { key: 'validation.invalidOption' },
      timeZone: { key: 'validation.timeZone' },
      'eventDays.0': { key: 'validation.date' },
      idleSignOutMinutes: { key: 'validation.tooSmall', params: { minimum: 1 } },
    });
    const closing = await test.fails('settings.update', { openingTime: '19:00' }, admin);
    expect(closing.fields).toEqual({ closingTime: { key: 'validation.closingAfterOpening' } });
    expect(await test.ok('settings.get', {}, admin)).toEqual(before);
    expect(auditRows(test, 'settings.update')).toHaveLength(0);
  });
});
