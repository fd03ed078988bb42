import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '@shared/contract';
import { parkDate } from '@shared/rules/time';
import { createCore, DATABASE_FILE, type Core } from '../electron/core/app';
import { ManualClock } from '../electron/core/clock';
import { checkOutWithReceipt, likeScan, SEARCHES } from './counter';
import { yearOfRecords } from './data';
import { bareInserts, ratio, report, summarize, time, within, type Figure } from './lib';
import type { SeedResult } from './seed/year';
import type { StaffMember } from './seed/world';

/**
 * The counter with a year of records loaded: every action through the dispatcher (input checked
 * against the contract, session and role, one transaction with its audit rows, WAL with
 * synchronous=FULL), as the kiosk window's IPC and a station's HTTP call it.
 */
const RUNS = 200;

let year: SeedResult;
let core: Core;
let clock: ManualClock;
const tokens = new Map<string, string>();
const figures: Figure[] = [];
const dirs: string[] = [];

function staff(role: StaffMember['role'], index = 0): StaffMember {
  const member = year.staff.filter((s) => s.role === role)[index];
  if (!member) throw new Error(`no ${role} staff`);
  return member;
}

async function call<M extends MethodName>(method: M, input: Input<M>, who: StaffMember): Promise<Output<M>> {
  const result = await core.call(method, input, tokens.get(who.code));
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Runs a read a number of times and adds its figure against the limit. */
async function measure<M extends MethodName>(name: string, limit: number, method: M, input: (i: number) => Input<M>, who: StaffMember, runs = RUNS): Promise<Figure> {
  const figure = within(name, await time((i) => call(method, input(Math.abs(i)), who), runs), limit);
  figures.push(figure);
  return figure;
}

beforeAll(async () => {
  year = await yearOfRecords();
  clock = new ManualClock(year.now);
  core = createCore({ dataDir: year.dir, clock, startWorkers: false, version: 'bench', log: () => undefined });
  for (const member of [staff('counter'), staff('manager'), staff('broadcast')]) {
    const session = await core.call('auth.signIn', { staffId: member.id, pin: member.pin });
    if (!session.ok) throw new Error(`sign-in of ${member.code} failed`);
    tokens.set(member.code, session.value.token);
  }
});

afterAll(() => {
  core?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  report('year', figures, { seed: { counts: year.counts, from: year.from, to: year.to, seconds: year.seconds, megabytes: year.megabytes, backup: year.backup } });
});

it('has a year of records', () => {
  const db = core.db;
  if (!db) throw new Error('database not open');
  const count = (table: string) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  console.log(`seeded ${year.from}…${year.to} in ${year.seconds.toFixed(0)} s: ${Math.round(year.megabytes)} MB`, JSON.stringify(year.counts));
  expect(count('rental')).toBeGreaterThan(600_000);
  expect(count('lf_item')).toBeGreaterThan(55_000);
  expect(count('paging_request')).toBeGreaterThan(90_000);
  expect(count('complaint')).toBeGreaterThan(18_000);
  expect(count('incident')).toBeGreaterThan(1_800);
  figures.push(
    { name: 'hourly backup of the year (one run)', unit: 'ms', median: year.backup.seconds * 1000, p95: year.backup.seconds * 1000, runs: 1, against: `${Math.round(year.backup.megabytes)} MB copied and checked` },
    {
      name: 'longest the core cannot answer during it',
      unit: 'ms',
      median: year.backup.longestPauseMs,
      p95: year.backup.longestPauseMs,
      runs: 1,
      target: '< 50 ms (a counter action)',
      ok: year.backup.longestPauseMs < 50,
    },
  );
});

it('check-out with receipt, and return by receipt number', async () => {
  const db = core.db;
  if (!db) throw new Error('database not open');
  const clerk = staff('counter');
  const today = parkDate(year.now, year.timeZone);
  // Units on the shelf; any not yet inspected today is inspected first, as the counter would.
  const units = db.prepare<[], { id: number; tag: string; inspected_on: string | null }>("SELECT id, tag, inspected_on FROM unit WHERE status = 'available' ORDER BY id").all();
  for (const unit of units.slice(0, RUNS + 20)) if (unit.inspected_on !== today) await call('rentals.inspect', { unitId: unit.id, result: 'ok', note: '' }, clerk);
  expect(units.length).toBeGreaterThan(RUNS + 20);
  let next = 0;
  const receipts: string[] = [];
  /** The check codes printed on the receipts of this run's check-outs (the seeded rentals predate the codes). */
  const codes = new Map<string, string>();
  const checkout = await time(async () => {
    const unit = units[next++];
    if (!unit) throw new Error('out of units');
    const { receiptNo, checkCode } = await checkOutWithReceipt(core, tokens.get(clerk.code) ?? '', {
      unitTag: unit.tag,
      visitorName: '李游客',
      phone: '13812345678',
      identity: { idType: 'resident', idNumber: '11010519491231002X' },
      payment: 'wechat',
    });
    receipts.push(receiptNo);
    codes.set(receiptNo, checkCode);
  }, RUNS);
  const dir = mkdtempSync(join(tmpdir(), 'parkdesk-bare-'));
  dirs.push(dir);
  const bare = summarize('bare better-sqlite3 INSERT, same durability', (await bareInserts(dir, RUNS)).durations);
  const api = within('check-out with receipt bytes (API), a year of records', checkout, 50, { against: bare.name });
  figures.push(api, bare, ratio('check-out ÷ bare insert', api, bare));

  // Returns: the receipt scanned (the rental looked up), then taken back in good order.
  const open = [...receipts, ...year.openReceipts.map(([receiptNo]) => receiptNo)];
  const seededCode = core.db?.prepare<[string], string | null>('SELECT check_code FROM rental WHERE receipt_no = ?').pluck();
  if (!seededCode) throw new Error('database not open');
  let back = 0;
  const returns = await time(async () => {
    const receiptNo = open[back++];
    if (!receiptNo) throw new Error('out of open rentals');
    const rental = await call('rentals.get', { receiptNo }, clerk);
    // The check code on the receipt handed back (for a seeded rental, as its receipt printed it).
    const checkCode = codes.get(receiptNo) ?? seededCode.get(receiptNo) ?? undefined;
    await call('rentals.return', { receiptNo: rental.receiptNo, checkCode, condition: 'good', keptFen: 0, reason: '', lostReceipt: false }, clerk);
  }, Math.min(RUNS, open.length - 20));
  figures.push(within('return by receipt number (look-up + return, API)', returns, 50));
});

it('seeded rentals are what the app writes', () => {
  const db = core.db;
  if (!db) throw new Error('database not open');
  // The same shape (which columns are set, the printouts' lines, the audit details) for a rental
  // seeded a month ago and one checked out and returned through the API just now.
  const shape = (id: number) => {
    const rental = db.prepare<[number], Record<string, unknown>>('SELECT * FROM rental WHERE id = ?').get(id) ?? {};
    const receipt = String(rental.receipt_no);
    const jobs = db.prepare<[string], { kind: string; document: string }>('SELECT kind, document FROM print_job WHERE ref = ? ORDER BY id').all(receipt);
    const audit = db.prepare<[string], { action: string; detail: string }>("SELECT action, detail FROM audit_log WHERE entity = 'rental' AND entity_id = ? ORDER BY id").all(receipt);
    return {
      columns: Object.fromEntries(Object.entries(rental).map(([key, value]) => [key, value === null ? null : typeof value])),
      printouts: jobs.map((job) => ({ kind: job.kind, lines: (JSON.parse(job.document) as { blocks: Array<{ type: string; left?: string }> }).blocks.map((b) => `${b.type} ${b.left ?? ''}`) })),
      audit: audit.map((row) => ({ action: row.action, keys: Object.keys(JSON.parse(row.detail) as object) })),
    };
  };
  const newest = db.prepare<[], { id: number }>("SELECT id FROM rental WHERE status = 'returned' AND condition = 'good' AND lost_receipt = 0 ORDER BY id DESC LIMIT 1").get();
  const seeded = db.prepare<[number], { id: number }>("SELECT id FROM rental WHERE status = 'returned' AND condition = 'good' AND lost_receipt = 0 AND out_at < ? ORDER BY id DESC LIMIT 1").get(year.now - 30 * 86_400_000);
  if (!newest || !seeded) throw new Error('no returned rentals to compare');
  const apiShape = shape(newest.id);
  const seededShape = shape(seeded.id);
  expect(apiShape.printouts.map((job) => job.kind)).toEqual(['deposit-receipt', 'refund-slip']);
  expect(seededShape).toEqual(apiShape);
});

it('finds rentals and lists them', async () => {
  const clerk = staff('counter');
  const db = core.db;
  if (!db) throw new Error('database not open');
  const sample = db
    .prepare<[], { phone: string; id_number: string; receipt_no: string }>('SELECT phone, id_number, receipt_no FROM rental WHERE phone IS NOT NULL AND id_number IS NOT NULL ORDER BY id DESC LIMIT 400')
    .all();
  const pick = (i: number) => sample[i % sample.length] ?? { phone: '13812345678', id_number: '11010519491231002X', receipt_no: 'R20261129-0001' };
  await measure('find a rental by phone (lost receipt)', 50, 'rentals.find', (i) => ({ query: pick(i).phone }), clerk);
  await measure('find a rental by ID number', 50, 'rentals.find', (i) => ({ query: pick(i).id_number }), clerk);
  await measure('rentals out (the counter’s list)', 50, 'rentals.list', () => ({ view: 'out', limit: 100 }), clerk);
  await measure('rentals returned today', 50, 'rentals.list', () => ({ view: 'returned', limit: 100, date: parkDate(year.now, year.timeZone) }), clerk);
  await measure('rentals out, searched', 50, 'rentals.list', (i) => ({ view: 'out', limit: 100, query: ['李', '138', 'WC-0', 'R2'][i % 4] }), clerk);
  await measure('rentals board', 50, 'rentals.board', () => ({}), clerk);
});

it('searches lost and found (FTS) against a LIKE scan of the same table', async () => {
  const db = core.db;
  if (!db) throw new Error('database not open');
  const clerk = staff('counter');
  const fts = await measure('lost-and-found search, 60,000 items (API)', 20, 'lostFound.search', (i) => ({ query: SEARCHES[i % SEARCHES.length], limit: 30 }), clerk);
  const like = likeScan(db);
  const scan = summarize('LIKE scan of the same table (SQL)', await time((i) => like(SEARCHES[Math.abs(i) % SEARCHES.length] ?? ''), 60));
  fts.against = scan.name;
  figures.push(scan, ratio('search ÷ LIKE scan', fts, scan));
  // The same items, in the same order: the search misses nothing a LIKE scan finds.
  for (const query of SEARCHES.filter((q) => /^[\u4e00-\u9fff]+$/.test(q))) {
    const found = await call('lostFound.search', { query, limit: 30 }, clerk);
    expect(found.rows.map((row) => row.id), query).toEqual(like(query).slice(0, 30));
  }
  await measure('lost-and-found shelf (held items)', 50, 'lostFound.search', () => ({ status: 'held', limit: 30 }), clerk);
  await measure('lost-and-found handover due', 50, 'lostFound.handover.due', () => ({}), clerk);
  await measure('lost reports, open', 50, 'lostFound.reports.list', () => ({ status: 'open' }), clerk);
});

it('broadcast queue, complaints, incidents', async () => {
  const clerk = staff('counter');
  const operator = staff('broadcast');
  const manager = staff('manager');
  const today = parkDate(year.now, year.timeZone);
  await measure('broadcast queue', 50, 'paging.queue', () => ({}), operator);
  await measure('paging requests of the day', 50, 'paging.list', () => ({}), operator);
  await measure('daily complaint summary', 50, 'complaints.summary', () => ({ date: today }), manager);
  await measure('complaints open (the counter’s list)', 50, 'complaints.list', () => ({ view: 'open', limit: 25 }), clerk);
  await measure('complaints of the day', 50, 'complaints.list', () => ({ view: 'day', limit: 25 }), clerk);
  await measure('complaints, all, searched', 50, 'complaints.list', (i) => ({ view: 'all', limit: 25, query: ['排队', '王', '138', '卫生间'][i % 4] }), clerk);
  await measure('incidents open', 50, 'incidents.open', () => ({}), clerk);
  await measure('approvals waiting', 50, 'approvals.list', () => ({ view: 'pending', limit: 50 }), manager);
});

it('day close and the season charts', async () => {
  const manager = staff('manager');
  const range = { from: year.from, to: year.to, granularity: 'quarter' } as const;
  await measure('day close checklist', 200, 'dayClose.checklist', () => ({}), manager, 40);
  const charts = await time(async () => {
    await call('dashboard.rentals', range, manager);
    await call('dashboard.complaints', range, manager);
    await call('dashboard.paging', range, manager);
    await call('dashboard.lostFound', range, manager);
  }, 20, 3);
  figures.push(within('season charts, a year by quarter (all four)', charts, 200));
  // The counted quarter hours hold every check-out of the year.
  const db = core.db;
  if (!db) throw new Error('database not open');
  const rentals = await call('dashboard.rentals', range, manager);
  const frame = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM rental WHERE park_date BETWEEN ? AND ?').get(year.from, year.to);
  expect(rentals.periods.reduce((sum, period) => sum + period.total, 0)).toBe(frame?.n);
  for (const method of ['dashboard.rentals', 'dashboard.complaints', 'dashboard.paging', 'dashboard.lostFound'] as const) {
    await measure(`  ${method.replace('dashboard.', 'season chart: ')}`, 200, method, () => range, manager, 20);
  }
});

it('checks the database on open', () => {
  // What the station and the kiosk app do on open: before anything else for a small database; a
  // year's is checked in a worker thread after opening (the cold start does not wait for it).
  const file = join(year.dir, DATABASE_FILE);
  const durations: number[] = [];
  for (let i = 0; i < 1; i += 1) {
    const db = new Database(file, { readonly: true });
    const started = performance.now();
    const verdict = db.pragma('integrity_check', { simple: true });
    durations.push(performance.now() - started);
    db.close();
    expect(verdict).toBe('ok');
  }
  figures.push(summarize('integrity_check of the year, as on open', durations.sort((a, b) => a - b)));
});
