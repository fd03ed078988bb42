import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core/app';
import { LOCK_FILE } from '../../electron/core/db/lock';
import { LATEST_SCHEMA, migrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { getComplaint, toComplaintView } from '../../electron/core/complaints/store';
import { DAY, HOUR } from '@shared/rules/time';
import { ADMIN, makeCore, setUpPark, tempDir } from '../support/core';

describe('the database file', () => {
  it('opens with WAL, foreign keys, full fsync and every migration applied', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const db = openDatabase({ file });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(LATEST_SCHEMA).toBe(migrations.length);
    db.close();
  });

  it('creates STRICT tables only, which refuse a value of the wrong type', () => {
    const db = openDatabase({ file: join(tempDir(), DATABASE_FILE) });
    const tables = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      // Full-text indexes are virtual tables; FTS5 makes their shadow tables itself.
      .filter((table) => !table.sql.startsWith('CREATE VIRTUAL TABLE') && !/_fts_(data|idx|config|docsize|content)$/.test(table.name));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
    expect(() =>
      db.prepare("INSERT INTO staff (code, name, role, pin_hash, created_at, updated_at) VALUES ('A1', 'x', 'counter', 'h', 'noon', 1)").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('upgrades an old database and keeps its records', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const old = openDatabase({ file, targetVersion: 1 });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old
      .prepare("INSERT INTO staff (code, name, role, pin_hash, created_at, updated_at) VALUES ('C7', '李娜', 'counter', 'scrypt$x', 1, 1)")
      .run();
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'audit_log'").get()).toEqual({ n: 0 });
    old.close();

    const upgraded = openDatabase({ file });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA);
    expect(upgraded.prepare("SELECT name FROM staff WHERE code = 'C7'").get()).toEqual({ name: '李娜' });
    expect(upgraded.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'audit_log'").get()).toEqual({ n: 1 });
    upgraded.close();
  });

  it('keeps every complaint step when the steps gain the forwarded complaint’s result report, and reads an earlier closed one as handled at its response', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const reportStep = migrations.find((migration) => migration.name === 'complaint_result_reported');
    if (!reportStep) throw new Error('no result-report migration');
    const old = openDatabase({ file, targetVersion: reportStep.version - 1 });
    old.prepare("INSERT INTO staff (id, code, name, role, pin_hash, created_at, updated_at) VALUES (1, 'C7', '李娜', 'counter', 'scrypt$x', 1, 1)").run();
    const received = Date.parse('2026-11-30T03:00:00Z');
    old
      .prepare(
        `INSERT INTO complaint (id, complaint_no, client_ref, park_date, seq, channel, received_at, received_by, complainant_name, place, happened_at, category,
           description, severity, status, responded_at, closed_at, updated_at)
         VALUES (1, 'C20261130-0001', 'ref-1', '2026-11-30', 1, 'tourismBureau', ?, 1, '钱女士', '检票口', ?, 'ticketsPrices', '年卡无法入园', 'medium', 'closed', ?, ?, ?)`,
      )
      .run(received, received, received + HOUR, received + 2 * HOUR, received + 2 * HOUR);
    const step = old.prepare('INSERT INTO complaint_step (complaint_id, step, at, park_date, staff_id, note, method, level, skip_reason, no_follow_up) VALUES (1, ?, ?, ?, 1, ?, ?, ?, ?, ?)');
    step.run('escalate', received + 10, '2026-11-30', '游客要求见领导', null, 'leadership', '当班经理联系不上', null);
    step.run('respond', received + HOUR, '2026-11-30', '已办理年卡', null, null, null, null);
    step.run('close', received + 2 * HOUR, '2026-11-30', '结案', null, null, null, 'declined');
    const before = old.prepare('SELECT * FROM complaint_step ORDER BY id').all();
    old.close();

    const upgraded = openDatabase({ file });
    expect(upgraded.prepare('SELECT id, complaint_id, step, at, park_date, staff_id, note, method, level, skip_reason, no_follow_up FROM complaint_step ORDER BY id').all()).toEqual(before);
    expect(upgraded.prepare('SELECT count(*) AS n FROM complaint_step WHERE reported_to IS NOT NULL').get()).toEqual({ n: 0 });
    // A result report names to whom; no other step does.
    expect(() => upgraded.prepare("INSERT INTO complaint_step (complaint_id, step, at, park_date, staff_id, note) VALUES (1, 'reportResult', 1, '2026-11-30', 1, 'x')").run()).toThrow(/CHECK constraint/);
    const row = getComplaint(upgraded, 1);
    if (!row) throw new Error('complaint lost');
    expect(toComplaintView(upgraded, row, received + 5 * DAY, 'Asia/Shanghai', new Map()).handling).toMatchObject({ doneAt: received + HOUR, late: false });
    upgraded.close();
  });

  it('names the returns asked for approval damaged or missing, with the receipt there and nothing kept, as such, and keeps every request', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const damaged = migrations.find((migration) => migration.name === 'damaged_return_approval');
    if (!damaged) throw new Error('no damaged-return migration');
    const old = openDatabase({ file, targetVersion: damaged.version - 1 });
    old.prepare("INSERT INTO staff (id, code, name, role, pin_hash, created_at, updated_at) VALUES (1, 'C7', '李娜', 'counter', 'scrypt$x', 1, 1)").run();
    const typeId = old.prepare<[], number>("SELECT id FROM item_type WHERE code = 'wheelchair'").pluck().get();
    const rental = old.prepare(
      `INSERT INTO rental (receipt_no, park_date, seq, unit_id, type_id, visitor_name, phone, id_type, id_number, id_masked, deposit_fen, standard_deposit_fen, payment, out_at, out_by, due_at)
       VALUES (?, '2026-11-30', ?, ?, ?, '王先生', '13812345678', 'passport', 'E1234567', 'E1***67', 0, 0, 'cash', 1, 1, 2)`,
    );
    const ask = old.prepare("INSERT INTO approval_request (kind, rental_id, request, requested_by, requested_at) VALUES ('lostReceiptRefund', ?, ?, 1, 1)");
    for (const [seq, lostReceipt] of [[1, false], [2, true]] as const) {
      const unitId = Number(old.prepare('INSERT INTO unit (type_id, tag, created_at, updated_at) VALUES (?, ?, 1, 1)').run(typeId, `WC-00${seq}`).lastInsertRowid);
      const rentalId = Number(rental.run(`R20261130-000${seq}`, seq, unitId, typeId).lastInsertRowid);
      ask.run(rentalId, JSON.stringify({ condition: lostReceipt ? 'good' : 'damaged', keptFen: 0, reason: '扶手断裂', lostReceipt }));
    }
    const before = old.prepare('SELECT id, rental_id, request, status FROM approval_request ORDER BY id').all();
    old.close();

    const upgraded = openDatabase({ file });
    expect(upgraded.prepare('SELECT id, rental_id, request, status FROM approval_request ORDER BY id').all()).toEqual(before);
    expect(upgraded.prepare('SELECT kind FROM approval_request ORDER BY id').pluck().all()).toEqual(['damagedReturn', 'lostReceiptRefund']);
    // Still one pending request per rental.
    expect(() => upgraded.prepare("INSERT INTO approval_request (kind, rental_id, request, requested_by, requested_at) VALUES ('damagedReturn', 1, '{}', 1, 2)").run()).toThrow(/UNIQUE constraint/);
    upgraded.close();
  });

  it('takes the phone numbers out of earlier complaint corrections in the audit log, keeps the rest, and logs that it did', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const redaction = migrations.find((migration) => migration.name === 'audit_without_phone_numbers');
    if (!redaction) throw new Error('no redaction migration');
    const old = openDatabase({ file, targetVersion: redaction.version - 1 });
    const insert = old.prepare("INSERT INTO audit_log (at, staff_id, action, entity, entity_id, detail, origin) VALUES (1, NULL, ?, 'complaint', 'C20261129-0001', ?, 'test')");
    insert.run('complaints.update', JSON.stringify({ changes: { phone: ['13812345678', '13987654321'], place: ['A', 'B'] } }));
    insert.run('complaints.update', JSON.stringify({ changes: { severity: ['low', 'high'] } }));
    insert.run('complaints.create', JSON.stringify({ channel: 'phone' }));
    old.close();

    const upgraded = openDatabase({ file });
    const details = upgraded.prepare<[], { detail: string }>("SELECT detail FROM audit_log WHERE origin = 'test' ORDER BY id").all().map((row) => JSON.parse(row.detail) as unknown);
    expect(details).toEqual([{ changes: { phone: 'changed', place: ['A', 'B'] } }, { changes: { severity: ['low', 'high'] } }, { channel: 'phone' }]);
    expect(upgraded.prepare("SELECT detail FROM audit_log WHERE action = 'maintenance.auditRedacted'").all()).toEqual([{ detail: JSON.stringify({ rows: 1, field: 'changes.phone' }) }]);
    expect(upgraded.prepare("SELECT count(*) AS n FROM audit_log WHERE detail LIKE '%13812345678%' OR detail LIKE '%13987654321%'").get()).toEqual({ n: 0 });
    // The log is append-only again.
    expect(() => upgraded.prepare("UPDATE audit_log SET detail = '{}'").run()).toThrow(/append-only/);
    upgraded.close();
  });

  it('stops the clock of incidents already recorded when the parties their kind calls for were told; closed ones stay as closed', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const parties = migrations.find((migration) => migration.name === 'incident_parties_notified');
    if (!parties) throw new Error('no incident parties migration');
    const old = openDatabase({ file, targetVersion: parties.version - 1 });
    old.prepare("INSERT INTO staff (id, code, name, role, pin_hash, created_at, updated_at) VALUES (1, 'C7', '李娜', 'counter', 'scrypt$x', 1, 1)").run();
    const incident = old.prepare(
      `INSERT INTO incident (id, ref_no, park_date, seq, nature, location, occurred_at, received_at, received_by, owner_id, reporter_name, reporter_phone,
                             status, notified_at, notifications, handled_at, closed_at, updated_at)
       VALUES (?, ?, '2026-11-29', ?, ?, '波浪池', 0, 0, 1, 1, '李先生', '13812345678', ?, ?, ?, ?, ?, 0)`,
    );
    const notify = old.prepare("INSERT INTO incident_notification (incident_id, party, channel, at, by_staff) VALUES (?, ?, 'phone', ?, 1)");
    incident.run(1, 'I20261129-01', 1, 'injury', 'open', 100, 2, null, null); // duty manager and medic told
    notify.run(1, 'medical', 100);
    notify.run(1, 'dutyManager', 300);
    incident.run(2, 'I20261129-02', 2, 'injury', 'open', 100, 1, null, null); // only the medic
    notify.run(2, 'medical', 100);
    incident.run(3, 'I20261129-03', 3, 'fight', 'closed', 200, 1, 250, 260); // closed under the earlier rule
    notify.run(3, 'other', 200);
    old.close();

    const upgraded = openDatabase({ file });
    expect(upgraded.prepare('SELECT id, notice_done_at FROM incident ORDER BY id').all()).toEqual([
      { id: 1, notice_done_at: 300 },
      { id: 2, notice_done_at: null },
      { id: 3, notice_done_at: 200 },
    ]);
    upgraded.close();
  });

  it('carries the deposits a manager set in the old settings into the item types', () => {
    const file = join(tempDir(), DATABASE_FILE);
    const old = openDatabase({ file, targetVersion: 3 });
    old
      .prepare("INSERT INTO setting (key, value, updated_at) VALUES ('deposits', ?, 1)")
      .run(JSON.stringify({ wheelchair: 60_000, stroller: 25_000, umbrella: 5_000 }));
    old.close();
    const upgraded = openDatabase({ file });
    expect(upgraded.prepare('SELECT code, deposit_fen AS fen FROM item_type WHERE handout = 0 ORDER BY sort').all()).toEqual([
      { code: 'wheelchair', fen: 60_000 },
      { code: 'stroller', fen: 25_000 },
      { code: 'umbrella', fen: 5_000 },
    ]);
    expect(upgraded.prepare("SELECT count(*) AS n FROM setting WHERE key = 'deposits'").get()).toEqual({ n: 0 });
    upgraded.close();
  });

  it('refuses a database written by a newer version, with a message saying what to do, and leaves it untouched', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA + 5}`);
    raw.close();
    const before = statSync(file).size;

    const core = createCore({ dataDir: dir, log: () => undefined });
    expect(core.status).toEqual({
      ok: false,
      problem: { code: 'DB_TOO_NEW', params: { path: file, found: LATEST_SCHEMA + 5, known: LATEST_SCHEMA } },
    });
    const info = await core.dispatch({ method: 'system.info', input: {}, origin: 'test' });
    expect(info).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'fatal.dbTooNew' } });
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA + 5);
    check.close();
    expect(statSync(file).size).toBe(before);
  });

  it('opens nothing on a data folder another ParkDesk holds, says so, and opens at once when that one ends, a crash included', async () => {
    const test = makeCore();
    await setUpPark(test);
    // A second core in this process, while the first is open: nothing opened, nothing started.
    const second = createCore({ dataDir: test.dir, startWorkers: true, log: () => undefined });
    expect(second.status).toEqual({ ok: false, problem: { code: 'DATA_IN_USE', params: { path: test.dir } } });
    expect(second.printer).toBeUndefined();
    expect(await second.dispatch({ method: 'auth.roster', input: {}, origin: 'test' })).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'fatal.dataInUse', params: { path: test.dir } },
    });
    expect(await test.core.call('auth.roster', {})).toMatchObject({ ok: true });
    test.core.close();

    // Another process holds it (the kiosk window, say), then dies without closing anything.
    const holder = spawn(process.execPath, ['-e', `const D = require('better-sqlite3'); const l = new D(${JSON.stringify(join(test.dir, LOCK_FILE))}); l.exec('BEGIN EXCLUSIVE'); console.log('held'); setInterval(() => {}, 1000);`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const refused = createCore({ dataDir: test.dir, log: () => undefined });
    expect(!refused.status.ok && refused.status.problem.code).toBe('DATA_IN_USE');
    await new Promise<void>((resolve) => {
      holder.once('exit', () => resolve());
      holder.kill('SIGKILL');
    });
    const opened = createCore({ dataDir: test.dir, startWorkers: false, log: () => undefined });
    expect(opened.status.ok).toBe(true);
    expect(await opened.call('auth.roster', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ name: ADMIN.name })] });
    opened.close();
  });

  it('refuses a file that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is a grocery list, not a database'.repeat(200));
    const core = createCore({ dataDir: dir, log: () => undefined });
    expect(core.status.ok).toBe(false);
    expect(!core.status.ok && core.status.problem.code).toBe('DB_CORRUPT');
    const result = await core.dispatch({ method: 'auth.roster', input: {}, origin: 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'fatal.dbCorrupt' } });
  });

  it('finds damage inside a valid database with integrity_check on open', async () => {
    const dir = await damagedPark();
    const core = createCore({ dataDir: dir, log: () => undefined });
    expect(core.status.ok).toBe(false);
    expect(!core.status.ok && core.status.problem.code).toBe('DB_CORRUPT');
  });

  it('serves a large database at once and checks it off the main thread: damage found then stops every call and tells the screens', async () => {
    // The threshold at 0 bytes makes this small park "large", so its check is deferred.
    const dir = await damagedPark();
    const core = createCore({ dataDir: dir, integrityAtOpenMaxBytes: 0, startWorkers: false, log: () => undefined });
    const seen: string[] = [];
    core.subscribe((event) => seen.push(event.name));
    expect(core.status.ok).toBe(true);
    await core.integrity;
    expect(!core.status.ok && core.status.problem).toMatchObject({ code: 'DB_CORRUPT', params: { path: join(dir, DATABASE_FILE) } });
    expect(seen).toContain('system.damaged');
    const info = await core.dispatch({ method: 'system.info', input: {}, origin: 'test' });
    expect(info).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'fatal.dbCorrupt' } });
    expect(await core.call('auth.roster', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'fatal.dbCorrupt' } });
    core.close();
  });

  it('keeps serving a large healthy database once its deferred check has passed', async () => {
    const test = makeCore();
    await setUpPark(test);
    test.core.close();
    const core = createCore({ dataDir: test.dir, integrityAtOpenMaxBytes: 0, startWorkers: false, log: () => undefined });
    const seen: string[] = [];
    core.subscribe((event) => seen.push(event.name));
    await core.integrity;
    expect(core.status.ok).toBe(true);
    expect(seen).not.toContain('system.damaged');
    expect(await core.call('auth.roster', {})).toMatchObject({ ok: true });
    core.close();
  });

  it('keeps the audit log append-only', async () => {
    const test = makeCore();
    await setUpPark(test);
    const db = test.core.db;
    if (!db) throw new Error('not open');
    expect(() => db.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'setup.complete'").get()).toEqual({ n: 1 });
  });

  it('keeps everything across a restart of the core', async () => {
    const test = makeCore();
    const token = await setUpPark(test);
    await test.ok('settings.update', { closingTime: '19:30' }, token);
    const again = test.reopen();
    const info = await again.ok('system.info', {});
    expect(info.setupRequired).toBe(false);
    const roster = await again.ok('auth.roster', {});
    expect(roster.map((s) => s.code)).toEqual([ADMIN.code]);
    const signedIn = await again.ok('auth.signIn', { staffId: roster[0]!.id, pin: ADMIN.pin });
    expect((await again.ok('settings.get', {}, signedIn.token)).closingTime).toBe('19:30');
  });
});

/** A set-up park whose database has a scribbled-over index page (not the header): only integrity_check finds it. */
async function damagedPark(): Promise<string> {
  const dir = tempDir();
  const file = join(dir, DATABASE_FILE);
  const test = makeCore({ dir });
  await setUpPark(test);
  const db = test.core.db;
  if (!db) throw new Error('not open');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT; CREATE INDEX filler_body ON filler (body);');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i += 1) insert.run(`row ${i} ${'x'.repeat(50)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  test.core.close();

  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  const pages = Math.floor(statSync(file).size / pageSize);
  const page = Math.floor(pages * 0.8);
  writeSync(fd, Buffer.alloc(2000, 0x5a), 0, 2000, page * pageSize + 100);
  closeSync(fd);
  return dir;
}
