import { describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '@shared/contract';
import type { Db } from '../../electron/core/db/open';
import { addStaff, makeCore, setUpPark } from '../support/core';

/** Every row of every table but the audit log (whose refusals are recorded there), as one comparable picture. */
function snapshot(db: Db): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND name <> 'audit_log' ORDER BY name")
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()?.n ?? 0]));
}

/**
 * The contract as a whole: every method refuses a caller without a session (bar the few that are
 * public), and refuses input its schema does not know for a caller whose role it allows; neither
 * changes a single record.
 */
describe('every method of the contract', () => {
  it('refuses a call without a session, changing nothing', async () => {
    const test = makeCore();
    await setUpPark(test);
    const db = test.core.db;
    if (!db) throw new Error('database not open');
    const before = snapshot(db);
    const guarded = methodNames.filter((name) => contract[name].access !== 'public');
    expect(guarded.length).toBeGreaterThan(100);
    for (const method of guarded) {
      const error = await test.fails(method, {});
      expect(error, method).toMatchObject({ code: 'UNAUTHENTICATED', message: 'errors.signInRequired' });
    }
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses input it does not know, naming the field, for a role it allows, changing nothing', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const tokens: Record<string, string> = { admin };
    for (const [code, role] of [['C90', 'counter'], ['B90', 'broadcast'], ['M90', 'manager']] as const) {
      tokens[role] = (await addStaff(test, admin, { code, name: `${role} 90`, role, pin: '9090' })).token;
    }
    const db = test.core.db;
    if (!db) throw new Error('database not open');
    const before = snapshot(db);
    const accepted: MethodName[] = [];
    for (const method of methodNames) {
      const { access } = contract[method];
      const token = access === 'public' ? undefined : tokens[access.includes('admin') ? 'admin' : (access[0] ?? 'admin')];
      const result = await test.core.dispatch({ method, input: { notAField: 1 }, token, origin: 'test' });
      if (result.ok) {
        accepted.push(method);
        continue;
      }
      expect(result.error, method).toMatchObject({ code: 'VALIDATION', message: 'errors.VALIDATION' });
      expect(Object.keys(result.error.fields ?? {}).length, method).toBeGreaterThan(0);
    }
    expect(accepted).toEqual([]);
    expect(snapshot(db)).toEqual(before);
  });
});
