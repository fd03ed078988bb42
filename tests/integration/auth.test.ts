import { describe, expect, it } from 'vitest';
import { events } from '@shared/contract';
import { ACTIVITY_REPORT_MS } from '@shared/rules/sessions';
import { MINUTE } from '@shared/rules/time';
import { SESSION_SAVE_MS, SessionStore } from '../../electron/core/auth/sessions';
import { ADMIN, addStaff, auditRows, makeCore, setUpPark } from '../support/core';

describe('first-run set-up', () => {
  it('asks for set-up on an empty database, then signs the first manager in', async () => {
    const test = makeCore();
    expect((await test.ok('system.info', {})).setupRequired).toBe(true);
    expect(await test.ok('auth.roster', {})).toEqual([]);

    const session = await test.ok('setup.complete', {
      parkName: '  阳光水世界 ',
      defaultLanguage: 'en',
      timeZone: 'Asia/Shanghai',
      manager: ADMIN,
    });
    expect(session.staff).toMatchObject({ name: ADMIN.name, code: ADMIN.code, role: 'admin', active: true, language: 'en' });
    const info = await test.ok('system.info', {});
    expect(info).toMatchObject({ setupRequired: false, parkName: '阳光水世界', defaultLanguage: 'en', timeZone: 'Asia/Shanghai' });
    expect((await test.ok('auth.me', {}, session.token)).staff.id).toBe(session.staff.id);
    expect(auditRows(test, 'setup.complete')).toHaveLength(1);
    expect(auditRows(test, 'setup.complete')[0]?.staff_id).toBe(session.staff.id);
  });

  it('cannot be done twice', async () => {
    const test = makeCore();
    await setUpPark(test);
    const error = await test.fails('setup.complete', { parkName: 'X', defaultLanguage: 'en', timeZone: 'UTC', manager: { name: 'Eve', code: 'E1X', pin: '1111' } });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'errors.setupDone' });
    expect(await test.ok('auth.roster', {})).toHaveLength(1);
  });

  it('refuses bad set-up input field by field and creates nothing', async () => {
    const test = makeCore();
    const error = await test.fails('setup.complete', {
      parkName: '',
      defaultLanguage: 'fr',
      timeZone: 'Mars/Olympus',
      manager: { name: 'Ann', code: '#1', pin: '12' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({
      parkName: { key: 'validation.required' },
      defaultLanguage: { key: 'validation.invalidOption' },
      timeZone: { key: 'validation.timeZone' },
      'manager.code': { key: 'validation.staffCode' },
      'manager.pin': { key: 'validation.pin' },
    });
    expect((await test.ok('system.info', {})).setupRequired).toBe(true);
  });
});

describe('sign-in with a PIN', () => {
  it('never stores the PIN in clear', async () => {
    const test = makeCore();
    await setUpPark(test);
    const row = test.core.db?.prepare<[], { pin_hash: string }>('SELECT pin_hash FROM staff').get();
    expect(row?.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row?.pin_hash).not.toContain(ADMIN.pin);
  });

  it('counts wrong PINs, locks after five for the lockout time, then lets the right PIN in', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C01', name: '张三', role: 'counter', pin: '1357' });

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const error = await test.fails('auth.signIn', { staffId: clerk.id, pin: '0000' });
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'errors.wrongPin', params: { remaining: 5 - attempt } });
      expect(error.fields?.pin?.key).toBe('errors.wrongPin');
    }
    const fifth = await test.fails('auth.signIn', { staffId: clerk.id, pin: '0000' });
    // 10:00 + 5 minutes in the park's time zone.
    expect(fifth).toMatchObject({ code: 'LOCKED', message: 'errors.lockedOut', params: { until: '10:05' } });
    // The clerk's open session ends with the lock.
    expect(await test.fails('auth.me', {}, clerk.token)).toMatchObject({ code: 'UNAUTHENTICATED' });

    // Even the right PIN is refused while locked.
    expect(await test.fails('auth.signIn', { staffId: clerk.id, pin: '1357' })).toMatchObject({ code: 'LOCKED' });
    expect((await test.ok('auth.roster', {})).find((s) => s.id === clerk.id)?.locked).toBe(true);
    expect(auditRows(test, 'auth.failed')).toHaveLength(4);
    expect(auditRows(test, 'auth.locked')).toHaveLength(1);

    test.clock.advance(5 * MINUTE + 1);
    const session = await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' });
    expect(session.staff.lockedUntil).toBeNull();
    // The count starts again from zero after a good PIN.
    const again = await test.fails('auth.signIn', { staffId: clerk.id, pin: '9999' });
    expect(again.params).toEqual({ remaining: 4 });
  });

  it('honours the lockout time from the settings', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('settings.update', { lockoutMinutes: 30 }, admin);
    const clerk = await addStaff(test, admin, { code: 'C02', name: 'Li', role: 'counter', pin: '2468' });
    for (let i = 0; i < 5; i += 1) await test.fails('auth.signIn', { staffId: clerk.id, pin: '1111' });
    test.clock.advance(29 * MINUTE);
    expect(await test.fails('auth.signIn', { staffId: clerk.id, pin: '2468' })).toMatchObject({ code: 'LOCKED', params: { until: '10:30' } });
    test.clock.advance(2 * MINUTE);
    await test.ok('auth.signIn', { staffId: clerk.id, pin: '2468' });
  });

  it('signs out after the idle time, and activity keeps the session alive', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('settings.update', { idleSignOutMinutes: 10 }, admin);
    test.clock.advance(9 * MINUTE);
    await test.ok('auth.me', {}, admin); // activity at 9 minutes
    test.clock.advance(9 * MINUTE);
    await test.ok('auth.me', {}, admin); // 9 minutes after the last call: still in
    // The screen signs itself out at 10 minutes; the core keeps the session one activity report longer,
    // so a screen whose last report is that old is never refused before it signs out on its own.
    test.clock.advance(10 * MINUTE + ACTIVITY_REPORT_MS);
    await test.ok('auth.me', {}, admin);
    test.clock.advance(10 * MINUTE + ACTIVITY_REPORT_MS + 1);
    expect(await test.fails('auth.me', {}, admin)).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.sessionExpired' });
    expect(await test.fails('auth.me', {}, admin)).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.signInRequired' });
  });

  it('keeps the broadcast room signed in while it watches its queue, for its own idle time; the counter still signs out at its own', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('settings.update', { idleSignOutMinutes: 10, broadcastIdleSignOutMinutes: 120 }, admin);
    const radio = await addStaff(test, admin, { code: 'B21', name: '陈广播', role: 'broadcast', pin: '2468' });
    const clerk = await addStaff(test, admin, { code: 'C22', name: '张柜台', role: 'counter', pin: '1357' });
    // Each screen is told its own limit, to sign itself out by.
    expect((await test.ok('auth.signIn', { staffId: radio.id, pin: '2468' })).idleSignOutMinutes).toBe(120);
    expect((await test.ok('auth.me', {}, radio.token)).idleSignOutMinutes).toBe(120);
    expect((await test.ok('auth.me', {}, clerk.token)).idleSignOutMinutes).toBe(10);
    // A manager's change reaches the room's screen already signed in: its auth.me read is refreshed by the change.
    expect(events['settings.changed'].affects).toContain('auth.me');
    await test.ok('settings.update', { broadcastIdleSignOutMinutes: 180 }, admin);
    expect((await test.ok('auth.me', {}, radio.token)).idleSignOutMinutes).toBe(180);
    await test.ok('settings.update', { broadcastIdleSignOutMinutes: 120 }, admin);
    test.clock.advance(90 * MINUTE);
    expect(await test.fails('auth.me', {}, clerk.token)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'errors.sessionExpired' });
    await test.ok('paging.queue', {}, radio.token);
    // Across a restart too: the counter opened on a screen left 30 minutes idle is ended as the core starts, the room's is kept.
    const again = (await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    test.clock.advance(30 * MINUTE);
    const reopened = test.reopen();
    const sessionsOf = (staffId: number) => reopened.core.db?.prepare('SELECT count(*) FROM session WHERE staff_id = ?').pluck().get(staffId);
    expect(sessionsOf(clerk.id)).toBe(0);
    expect(sessionsOf(radio.id)).toBeGreaterThan(0);
    expect(await reopened.fails('auth.me', {}, again)).toMatchObject({ code: 'UNAUTHENTICATED' });
    reopened.clock.advance(89 * MINUTE);
    await reopened.ok('auth.me', {}, radio.token);
    reopened.clock.advance(120 * MINUTE + ACTIVITY_REPORT_MS + 1);
    expect(await reopened.fails('auth.me', {}, radio.token)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'errors.sessionExpired' });
    // Out of range: refused with its field, nothing changed.
    const manager = (await reopened.ok('auth.signIn', { staffId: (await reopened.ok('auth.roster', {})).find((s) => s.code === ADMIN.code)?.id ?? 0, pin: ADMIN.pin })).token;
    expect(await reopened.fails('settings.update', { broadcastIdleSignOutMinutes: 5 }, manager)).toMatchObject({ code: 'VALIDATION', fields: { broadcastIdleSignOutMinutes: expect.anything() } });
    expect((await reopened.ok('settings.get', {}, manager)).broadcastIdleSignOutMinutes).toBe(120);
  });

  it('signs out on request and the token stops working', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('auth.signOut', {}, admin);
    expect(await test.fails('settings.get', {}, admin)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(auditRows(test, 'auth.signOut')).toHaveLength(1);
  });

  it('lets a second clerk switch in at the same counter while the first stays valid elsewhere', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const a = await addStaff(test, admin, { code: 'C10', name: 'A', role: 'counter', pin: '1010' });
    const b = await addStaff(test, admin, { code: 'C11', name: 'B', role: 'broadcast', pin: '2020' });
    expect((await test.ok('auth.me', {}, a.token)).staff.role).toBe('counter');
    expect((await test.ok('auth.me', {}, b.token)).staff.role).toBe('broadcast');
  });

  it('refuses a disabled staff member and ends their sessions at once', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C03', name: 'Wang', role: 'counter', pin: '3579' });
    await test.ok('staff.update', { id: clerk.id, active: false }, admin);
    expect(await test.fails('auth.me', {}, clerk.token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await test.fails('auth.signIn', { staffId: clerk.id, pin: '3579' })).toMatchObject({ message: 'errors.staffInactive' });
    expect((await test.ok('auth.roster', {})).map((s) => s.id)).not.toContain(clerk.id);
  });

  it('changes the own PIN only with the current one', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C04', name: 'Zhao', role: 'counter', pin: '4444' });
    const wrong = await test.fails('auth.changePin', { currentPin: '0000', newPin: '5555' }, clerk.token);
    expect(wrong.fields?.currentPin?.key).toBe('errors.wrongPin');
    expect(await test.fails('auth.changePin', { currentPin: '4444', newPin: '4444' }, clerk.token)).toMatchObject({
      fields: { newPin: { key: 'errors.samePin' } },
    });
    await test.ok('auth.changePin', { currentPin: '4444', newPin: '5555' }, clerk.token);
    await test.ok('auth.signIn', { staffId: clerk.id, pin: '5555' });
    expect(await test.fails('auth.signIn', { staffId: clerk.id, pin: '4444' })).toMatchObject({ message: 'errors.wrongPin' });
  });

  it('leaves kiosk mode only with a manager PIN, and tells the shell which window asked', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C05', name: 'Qian', role: 'counter', pin: '5050' });
    const roster = await test.ok('auth.roster', {});
    const managerId = roster.find((s) => s.code === ADMIN.code)?.id ?? 0;
    const seen: unknown[] = [];
    test.core.subscribe((event) => seen.push(event));

    expect(await test.fails('system.leaveKiosk', { staffId: clerk.id, pin: '5050' })).toMatchObject({ code: 'FORBIDDEN', message: 'errors.notManager' });
    expect(await test.fails('system.leaveKiosk', { staffId: managerId, pin: '000000' })).toMatchObject({ message: 'errors.wrongPin' });
    expect(seen).toEqual([]);
    await test.ok('system.leaveKiosk', { staffId: managerId, pin: ADMIN.pin });
    expect(seen).toEqual([{ seq: expect.any(Number), name: 'kiosk.leave', payload: { origin: 'local', staffId: managerId } }]);
    expect(auditRows(test, 'kiosk.leave')).toHaveLength(1);
  });
});

describe('sessions across a restart of the counter', () => {
  it('keeps everyone signed in with the same token, and keeps only a hash of it', async () => {
    const first = makeCore();
    const admin = await setUpPark(first);
    const clerk = await addStaff(first, admin, { code: 'C20', name: '张三', role: 'counter', pin: '1357' });
    const test = first.reopen();
    expect((await test.ok('auth.me', {}, clerk.token)).staff).toMatchObject({ name: '张三', role: 'counter' });
    expect((await test.ok('auth.me', {}, admin)).staff.role).toBe('admin');
    const saved = test.core.db?.prepare<[], { token_hash: string }>('SELECT token_hash FROM session').all() ?? [];
    expect(saved).toHaveLength(2);
    for (const row of saved) expect([clerk.token, admin]).not.toContain(row.token_hash);
  });

  it('still ends a session idle longer than the idle time, counted across the restart', async () => {
    const first = makeCore();
    const admin = await setUpPark(first);
    await first.ok('settings.update', { idleSignOutMinutes: 10 }, admin);
    const clerk = await addStaff(first, admin, { code: 'C21', name: '李四', role: 'counter', pin: '2468' });
    first.clock.advance(8 * MINUTE);
    await first.ok('auth.me', {}, admin); // the manager works on; the clerk has been idle 8 minutes
    const test = first.reopen();
    test.clock.advance(3 * MINUTE);
    expect(await test.fails('auth.me', {}, clerk.token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    await test.ok('auth.me', {}, admin);
    expect(test.core.db?.prepare('SELECT count(*) FROM session').pluck().get()).toBe(1);
  });

  it('forgets the sessions of screens closed without signing out once they are idle, at the next sign-in', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('settings.update', { idleSignOutMinutes: 10 }, admin);
    const clerk = await addStaff(test, admin, { code: 'C26', name: '赵六', role: 'counter', pin: '1470' });
    const sessions = () => test.core.db?.prepare('SELECT count(*) FROM session').pluck().get();
    expect(sessions()).toBe(2);
    test.clock.advance(11 * MINUTE);
    await test.ok('auth.signIn', { staffId: clerk.id, pin: '1470' });
    expect(sessions()).toBe(1);
  });

  it('does not bring back a session that ended: signed out, PIN reset, staff disabled, database restored', async () => {
    const first = makeCore();
    const admin = await setUpPark(first);
    const out = await addStaff(first, admin, { code: 'C22', name: 'A', role: 'counter', pin: '1111' });
    const reset = await addStaff(first, admin, { code: 'C23', name: 'B', role: 'counter', pin: '2222' });
    const disabled = await addStaff(first, admin, { code: 'C24', name: 'C', role: 'counter', pin: '3333' });
    await first.ok('auth.signOut', {}, out.token);
    await first.ok('staff.resetPin', { id: reset.id, pin: '4444' }, admin);
    await first.ok('staff.update', { id: disabled.id, active: false }, admin);
    const test = first.reopen();
    for (const token of [out.token, reset.token, disabled.token]) expect(await test.fails('auth.me', {}, token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    await test.ok('auth.me', {}, admin);

    const backup = await test.ok('backups.run', {}, admin); // it holds the manager's session
    await test.ok('backups.restore', { name: backup.name, pin: ADMIN.pin }, admin);
    expect(await test.fails('auth.me', {}, admin)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(test.reopen().core.db?.prepare('SELECT count(*) FROM session').pluck().get()).toBe(0);
  });

  it('saves a busy session at most every few seconds, so that a crash costs at most that much of its idle time', () => {
    const test = makeCore();
    const db = test.core.db;
    if (!db) throw new Error('database not open');
    const staffId = Number(db.prepare("INSERT INTO staff (code, name, role, pin_hash, created_at, updated_at) VALUES ('C25', '王五', 'counter', 'x', 0, 0)").run().lastInsertRowid);
    const idleMs = 10 * MINUTE;
    const idle = () => idleMs;
    const store = new SessionStore(db, test.clock.now(), idle);
    const start = test.clock.now();
    const token = store.create({ staffId, role: 'counter', name: '王五', origin: 'test', stationId: null, createdAt: start }, idle);
    const savedSeenAt = () => db.prepare<[], number>('SELECT last_seen_at FROM session').pluck().get();
    store.resolve(token, start + SESSION_SAVE_MS - 1, idle);
    expect(savedSeenAt()).toBe(start);
    store.resolve(token, start + SESSION_SAVE_MS, idle);
    expect(savedSeenAt()).toBe(start + SESSION_SAVE_MS);
    store.resolve(token, start + SESSION_SAVE_MS + 5_000, idle);
    // A crash now: a store opened on the file finds the last saved activity, not the held one.
    const afterCrash = new SessionStore(db, start + SESSION_SAVE_MS + idleMs, idle);
    expect(afterCrash.peek(token, start + SESSION_SAVE_MS + idleMs, idle)).toMatchObject({ staffId, lastSeenAt: start + SESSION_SAVE_MS });
    expect(afterCrash.resolve(token, start + SESSION_SAVE_MS + idleMs + 1, idle)).toEqual({ status: 'expired' });
    // A clean close saves what is held.
    const closing = new SessionStore(db, start, idle);
    const other = closing.create({ staffId, role: 'counter', name: '王五', origin: 'test', stationId: 7, createdAt: start }, idle);
    closing.resolve(other, start + 1_000, idle);
    closing.saveAll();
    expect(new SessionStore(db, start + 1_000, idle).peek(other, start + 1_000, idle)?.lastSeenAt).toBe(start + 1_000);
    closing.endAllOfStation(7);
    expect(new SessionStore(db, start + 1_000, idle).peek(other, start + 1_000, idle)).toBeUndefined();
  });
});
