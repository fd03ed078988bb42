import { describe, expect, it } from 'vitest';
import { addStaff, auditRows, makeCore, setUpPark } from '../support/core';

describe('the dispatcher', () => {
  it('answers an unknown method with NOT_FOUND', async () => {
    const test = makeCore();
    expect(await test.fails('nope.nothing' as 'system.info', {})).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.unknownMethod',
      params: { method: 'nope.nothing' },
    });
  });

  it('refuses a call without a session, and audits the refusal', async () => {
    const test = makeCore();
    await setUpPark(test);
    expect(await test.fails('staff.list', { includeInactive: true })).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.signInRequired' });
    expect(await test.fails('staff.list', {}, 'forged-token')).toMatchObject({ code: 'UNAUTHENTICATED' });
    const denied = auditRows(test, 'access.denied');
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ staff_id: null, entity_id: 'staff.list', origin: 'test' });
    expect(JSON.parse(denied[0]?.detail ?? '{}')).toEqual({ reason: 'no-session' });
  });

  it('refuses a role the contract does not allow (FORBIDDEN), audited with the caller', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C40', name: 'Counter', role: 'counter', pin: '4040' });
    const broadcaster = await addStaff(test, admin, { code: 'B40', name: 'Radio', role: 'broadcast', pin: '4141' });
    for (const token of [clerk.token, broadcaster.token]) {
      expect(await test.fails('staff.create', { code: 'H1', name: 'Hacker', role: 'admin', pin: '1111' }, token)).toMatchObject({
        code: 'FORBIDDEN',
        message: 'errors.roleForbidden',
      });
      expect(await test.fails('settings.update', { kioskMode: false }, token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await test.fails('audit.list', {}, token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    const denied = auditRows(test, 'access.denied');
    expect(denied).toHaveLength(6);
    expect(denied[0]).toMatchObject({ staff_id: clerk.id, entity_id: 'staff.create' });
    expect(JSON.parse(denied[0]?.detail ?? '{}')).toEqual({ reason: 'role', role: 'counter' });
    expect(await test.ok('staff.list', { includeInactive: true }, admin)).toHaveLength(3);
  });

  it('checks the role before the input, so a refused caller learns nothing about the schema', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C41', name: 'C', role: 'counter', pin: '4242' });
    expect(await test.fails('staff.create', { nonsense: true }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('staff.create', { nonsense: true }, admin)).toMatchObject({
      code: 'VALIDATION',
      fields: { '': { key: 'validation.unknownField' }, code: { key: 'validation.required' } },
    });
  });

  it('rolls a failed write back whole: no row, no audit, no event', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const events: unknown[] = [];
    test.core.subscribe((event) => events.push(event));
    await test.ok('staff.create', { code: 'D1', name: 'First', role: 'counter', pin: '1111' }, admin);
    expect(events).toHaveLength(1);
    const auditsBefore = auditRows(test, 'staff.create').length;
    await test.fails('staff.create', { code: 'd1', name: 'Duplicate', role: 'counter', pin: '1111' }, admin);
    expect(events).toHaveLength(1);
    expect(auditRows(test, 'staff.create')).toHaveLength(auditsBefore);
    expect((await test.ok('staff.list', { includeInactive: true }, admin)).map((s) => s.name)).not.toContain('Duplicate');
  });

  it('pages the audit log newest first, filtered by action', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    for (let i = 0; i < 5; i += 1) await test.ok('staff.create', { code: `P${i}0`, name: `P${i}`, role: 'counter', pin: '1111' }, admin);
    const first = await test.ok('audit.list', { limit: 3, action: 'staff.create' }, admin);
    expect(first.rows.map((r) => r.detail.name)).toEqual(['P4', 'P3', 'P2']);
    expect(first.rows[0]).toMatchObject({ staffName: '王经理', entity: 'staff', action: 'staff.create', origin: 'local' });
    const second = await test.ok('audit.list', { limit: 3, action: 'staff.create', beforeId: first.nextBeforeId ?? 0 }, admin);
    expect(second.rows.map((r) => r.detail.name)).toEqual(['P1', 'P0']);
    expect(second.nextBeforeId).toBeNull();
  });
});
