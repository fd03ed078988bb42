import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { printDocumentSchema } from '@shared/printing/document';
import { layoutDocument } from '@shared/printing/layout';
import { createCore } from '../electron/core/app';
import { ManualClock } from '../electron/core/clock';
import { renderEscpos } from '../electron/core/printing/escpos';
import { report, summarize, time, type Figure } from './lib';

/**
 * Check-out with its receipt, through the dispatcher as the counter calls it (validation, session,
 * one immediate transaction with the rental, the print job and the audit row, WAL with
 * synchronous=FULL), plus rendering the receipt to ESC/POS bytes — against a bare better-sqlite3
 * INSERT of one row with the same durability, in the same run.
 */
const RUNS = 400;
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
    for (let i = 0; i < RUNS + 40; i += 1) insertUnit.run(typeId, `WC-${String(i).padStart(5, '0')}`);
  })();

  let unit = 0;
  const checkout = await time(async () => {
    const tag = `WC-${String(unit++).padStart(5, '0')}`;
    const result = await core.call(
      'rentals.checkOut',
      { unitTag: tag, visitorName: '李游客', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment: 'cash' },
      token,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const job = db.prepare<[number], { document: string }>('SELECT document FROM print_job WHERE id = ?').get(result.value.printJobId);
    const document = printDocumentSchema.parse(JSON.parse(job?.document ?? '{}'));
    const bytes = renderEscpos(layoutDocument(document, { columns: 48 }), { type: 'EPSON', chinese: true });
    if (bytes.length < 100) throw new Error('receipt bytes missing');
  }, RUNS);

  // The same durability: WAL, synchronous=FULL, one row per autocommit transaction.
  const bare = new Database(join(tempDir(), 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE rental (id INTEGER PRIMARY KEY, receipt_no TEXT NOT NULL UNIQUE, unit_id INTEGER NOT NULL, deposit_fen INTEGER NOT NULL, out_at INTEGER NOT NULL) STRICT');
  const insert = bare.prepare('INSERT INTO rental (receipt_no, unit_id, deposit_fen, out_at) VALUES (?, ?, ?, ?)');
  let row = 0;
  const plain = await time(() => {
    row += 1;
    insert.run(`R20261129-${row}`, row, 50_000, Date.now());
  }, RUNS);
  bare.close();
  core.close();

  const figures: Figure[] = [
    summarize('check-out with receipt bytes (API)', checkout, { target: 'p95 < 5 ms', ok: (summarize('', checkout).p95) < 5 }),
    summarize('bare better-sqlite3 INSERT, same durability', plain),
  ];
  const ratio = { median: figures[0]!.median / figures[1]!.median, p95: figures[0]!.p95 / figures[1]!.p95 };
  figures.push({
    name: 'check-out ÷ bare insert',
    unit: 'ratio',
    median: ratio.median,
    p95: ratio.p95,
    runs: RUNS,
    against: 'bare insert',
    target: '< 2x',
    ok: ratio.median < 2,
  });
  report('checkout', figures);
  expect(checkout.length).toBe(RUNS);
});
