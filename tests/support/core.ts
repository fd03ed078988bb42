import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Input, MethodName, Output, Result } from '@shared/contract';
import { createCore, type Core } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';

/** 2026-11-29 10:00 in Asia/Shanghai. */
export const MORNING = Date.parse('2026-11-29T02:00:00Z');

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh data folder in the system temp dir, removed after the test. */
export function tempDir(prefix = 'parkdesk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dir: string;
  /** Calls a method and returns its value, failing the test on an error envelope. */
  ok<M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Output<M>>;
  /** Calls a method that must be refused, and returns the error. */
  fails<M extends MethodName>(method: M, input: Input<M> | Record<string, unknown>, token?: string): Promise<Extract<Result<unknown>, { ok: false }>['error']>;
  reopen(): TestCore;
}

/** A core on a real SQLite file in a temp folder, with a clock the test moves and outputs checked against the contract. */
export function makeCore(options: { dir?: string; clock?: ManualClock } = {}): TestCore {
  const dir = options.dir ?? tempDir();
  const clock = options.clock ?? new ManualClock(MORNING);
  const core = createCore({ dataDir: dir, clock, validateOutputs: true, startWorkers: false, version: 'test', log: () => undefined });
  cleanups.push(() => core.close());
  const test: TestCore = {
    core,
    clock,
    dir,
    async ok(method, input, token) {
      const result = await core.call(method, input, token);
      if (!result.ok) expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async fails(method, input, token) {
      const result = await core.dispatch({ method, input, token, origin: 'test' });
      if (result.ok) expect.fail(`${method} should have been refused, got ${JSON.stringify(result.value)}`);
      return result.error;
    },
    reopen() {
      core.close();
      return makeCore({ dir, clock });
    },
  };
  return test;
}

export const ADMIN = { name: '王经理', code: 'M001', pin: '246810' };

/** Completes first-run set-up and returns the administrator's session token. */
export async function setUpPark(test: TestCore): Promise<string> {
  const session = await test.ok('setup.complete', {
    parkName: '阳光水世界',
    defaultLanguage: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    manager: ADMIN,
  });
  return session.token;
}

/** Adds a staff member and signs them in; returns their id and token. */
export async function addStaff(
  test: TestCore,
  adminToken: string,
  staff: { code: string; name: string; role: Input<'staff.create'>['role']; pin: string },
): Promise<{ id: number; token: string }> {
  const created = await test.ok('staff.create', staff, adminToken);
  const session = await test.ok('auth.signIn', { staffId: created.id, pin: staff.pin });
  return { id: created.id, token: session.token };
}

/** Every audit row of an action, oldest first, straight from the table. */
export function auditRows(test: TestCore, action: string): Array<{ staff_id: number | null; entity_id: string | null; detail: string; origin: string }> {
  const db = test.core.db;
  if (!db) throw new Error('database not open');
  return db
    .prepare<[string], { staff_id: number | null; entity_id: string | null; detail: string; origin: string }>(
      'SELECT staff_id, entity_id, detail, origin FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action);
}

/** The check code printed on a rental's receipt (the visitor hands the receipt back at the return). */
export function checkCodeOf(test: TestCore, receiptNo: string): string {
  const row = test.core.db?.prepare<[string], { check_code: string | null }>('SELECT check_code FROM rental WHERE receipt_no = ?').get(receiptNo.trim().toUpperCase());
  if (!row?.check_code) throw new Error(`no check code for ${receiptNo}`);
  return row.check_code;
}
