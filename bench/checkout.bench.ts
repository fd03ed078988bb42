import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createCore } from '../electron/core/app';
import { ManualClock } from '../electron/core/clock';
import { checkOutWithReceipt, sameRowsRaw } from './counter';
import { bareInserts, count, pagesPerCommit, ratio, report, summarize, time, within, type Figure } from './lib';

/**
 * Check-out with its receipt, through the dispatcher as the counter calls it (validation, session,
 * one immediate transaction with the rental, the print job and the audit row, WAL with
 * synchronous=FULL), plus rendering the receipt to ESC/POS bytes — against a bare better-sqlite3
 * INSERT of one row with the same durability, in the same run. A third figure writes the same rows as
 * a check-out by bare prepared statements in the app's database: what is the database's cost, and
 * what is the app's. Pages per commit say what each commit writes before its fsync: on a disk where
 * the fsync is nearly free (a virtual disk), the page count is what a check-out's time follows.
 */
const RUNS = 400;
/** Check-outs and bare inserts counted for their pages per commit, after the timed runs. */
const PAGE_RUNS = 40;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkdesk-bench-'));
  dirs.push(dir);
  return dir;
}

it('check-out with receipt against a bare insert', async () => {
  const clock = new ManualClock(Date.parse('2026-11-29T02:00:00Z'));
  const core = createCore({ dataDir: tempDir(), clock, startWorkers: false, log: () => undefined });
  const db = core.db;
  if (!db) throw new Error('database did not open');
  const setup = await core.call('setup.complete', { parkName: '阳光水世界', defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai', manager: { name: '王经理', code: 'M001', pin: '246810' } });
  if (!setup.ok) throw new Error('set-up failed');
  const token = setup.value.token;
  const typeId = db.prepare<[], { id: number }>("SELECT id FROM item_type WHERE code = 'wheelchair'").get()?.id ?? 0;
  const insertUnit = db.prepare("INSERT INTO unit (type_id, tag, inspected_on, created_at, updated_at) VALUES (?, ?, '2026-11-29', 0, 0)");
  db.transaction(() => {
    for (let i = 0; i < 2 * (RUNS + 40) + PAGE_RUNS; i += 1) insertUnit.run(typeId, `WC-${String(i).padStart(5, '0')}`);
  })();

  let unit = 0;
  const checkOutNext = async () => {
    const tag = `WC-${String(unit++).padStart(5, '0')}`;
    await checkOutWithReceipt(core, token, { unitTag: tag, visitorName: '李游客', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment: 'cash' });
  };
  const checkout = await time(checkOutNext, RUNS);
  const checkoutPages = await pagesPerCommit(db, checkOutNext, PAGE_RUNS);

  const spare = db.prepare<[], number>("SELECT id FROM unit WHERE status = 'available' ORDER BY id").pluck().all();
  const rawWrites = await time(sameRowsRaw(db, spare), RUNS);

  // The same durability: WAL, synchronous=FULL, one row per autocommit transaction.
  const { durations: plain, pages: barePages } = await bareInserts(tempDir(), RUNS, { pages: PAGE_RUNS });
  core.close();

  const api = within('check-out with receipt bytes (API), empty database', checkout, 5);
  const bare = summarize('bare better-sqlite3 INSERT, same durability', plain);
  const raw = summarize("a check-out's rows by bare statements, one transaction", rawWrites);
  const figures: Figure[] = [api, bare, ratio('check-out ÷ bare insert', api, bare, { target: 'median < 2x', ok: api.median / bare.median < 2 }), raw, ratio("check-out's rows ÷ bare insert", raw, bare), count('pages a check-out commit writes to the WAL', checkoutPages, 'pages', PAGE_RUNS), count('pages a bare insert commit writes to the WAL', barePages, 'pages', PAGE_RUNS)];
  report('checkout', figures);
  expect(checkout.length).toBe(RUNS);
  expect(rawWrites.length).toBe(RUNS);
  expect(checkoutPages).toBeGreaterThan(barePages);
});
