import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '@shared/rules/time';
import type { Input } from '@shared/contract';
import { ADMIN, addStaff, auditRows, makeCore, setUpPark, type TestCore, checkCodeOf } from '../support/core';
import { SIGNATURE } from '../support/signature';
import { aside } from '../../electron/core/maintenance/backups';

const ID_CARD = '11010519491231002X';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
}

async function openPark(settings: Input<'settings.update'> = {}): Promise<Park> {
  const test = makeCore();
  let admin = await setUpPark(test);
  await test.ok('settings.update', { idleSignOutMinutes: 240, ...settings }, admin);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  admin = (await test.ok('auth.signIn', { staffId: adminId, pin: ADMIN.pin })).token;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  return { test, admin, adminId, clerk };
}

/** Moves the park clock past the idle sign-out; both sign in again. */
async function later(park: Park, ms: number): Promise<void> {
  park.test.clock.advance(ms);
  park.admin = (await park.test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
  park.clerk.token = (await park.test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;
}

/** Adds, inspects and rents out a unit; returns the receipt number. */
async function rent(park: Park, tag: string): Promise<string> {
  const board = await park.test.ok('rentals.board', {}, park.admin);
  const typeId = board.types.find((type) => type.code === 'umbrella')?.id ?? 0;
  const unit = await park.test.ok('rentals.units.add', { typeId, tag }, park.admin);
  await park.test.ok('rentals.inspect', { unitId: unit.id, result: 'ok' }, park.clerk.token);
  const { rental } = await park.test.ok(
    'rentals.checkOut',
    { unitTag: tag, visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident', idNumber: ID_CARD }, payment: 'cash' },
    park.clerk.token,
  );
  return rental.receiptNo;
}

/** Found property taken in (a wallet, or a water-world item due after closing the same day), with the finder's phone. */
async function intake(park: Park, kind: 'wallet' | 'waterWorld', finderPhone: string): Promise<number> {
  const { item } = await park.test.ok(
    'lostFound.intake',
    {
      clientRef: `retention-${finderPhone}`,
      category: kind === 'wallet' ? 'wallet' : 'clothing',
      description: kind === 'wallet' ? '黑色皮质钱包' : '儿童泳镜',
      foundPlace: '旋转木马排队区',
      foundAt: park.test.clock.now() - 30 * MINUTE,
      waterWorld: kind === 'waterWorld',
      finderName: '赵保洁',
      finderPhone,
      storageKind: 'shelf',
      storagePlace: 'B-1',
      finderSignature: SIGNATURE,
      receiverSignature: SIGNATURE,
    },
    park.clerk.token,
  );
  return item.id;
}

/** The owner claims an item with their phone and ID. */
async function claim(park: Park, itemId: number, phone: string): Promise<void> {
  await park.test.ok(
    'lostFound.claim',
    { itemId, claimantName: '李某某', phone, identity: { idType: 'resident', idNumber: ID_CARD }, description: '黑色钱包', verified: true, ownerSignature: SIGNATURE },
    park.clerk.token,
  );
}

/** A visitor reports something lost, with their phone. */
async function report(park: Park, phone: string): Promise<number> {
  const lost = await park.test.ok(
    'lostFound.reports.create',
    { clientRef: `retention-report-${phone}`, category: 'bag', description: '红色双肩包', lostPlace: '美食街', lostAt: park.test.clock.now() - HOUR, visitorName: '孙女士', phone },
    park.clerk.token,
  );
  return lost.id;
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('writes an online backup, checks it, describes it, audits it; managers only', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    await rent(park, 'UM-001');
    const folder = join(test.dir, 'backups');
    const written = await test.ok('backups.run', {}, admin);
    expect(written).toMatchObject({ reason: 'manual', checked: true, rentals: 1, schemaVersion: expect.any(Number) });
    expect(written.name).toMatch(/^parkdesk-20261129-100000-manual\.sqlite$/);
    expect(integrity(join(folder, written.name))).toBe('ok');
    expect(readdirSync(folder).sort()).toEqual([written.name, `${written.name}.json`]);

    const listed = await test.ok('backups.list', {}, admin);
    expect(listed).toMatchObject({ folder, keep: 48, lastAt: written.at, nextDueAt: written.at + HOUR, problem: null, rows: [written] });
    expect(auditRows(test, 'maintenance.backupWritten').some((row) => row.entity_id === written.name)).toBe(true);
    expect(await test.fails('backups.run', {}, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('backs up every hour by the core clock, keeps the newest ones, and says when the folder cannot be written', async () => {
    const park = await openPark({ backupKeep: 3 });
    const { test, admin } = park;
    const jobs = test.core.maintenance;
    if (!jobs) throw new Error('no maintenance jobs');
    await jobs.tick();
    expect((await test.ok('backups.list', {}, admin)).rows.map((row) => row.reason)).toEqual(['hourly']);
    test.clock.advance(59 * MINUTE);
    await jobs.tick();
    expect((await test.ok('backups.list', {}, admin)).rows).toHaveLength(1);
    for (let hour = 0; hour < 4; hour += 1) {
      test.clock.advance(HOUR);
      await jobs.tick();
    }
    const kept = await test.ok('backups.list', {}, admin);
    expect(kept.rows).toHaveLength(3);
    expect(kept.rows[0]?.at).toBe(test.clock.now());
    expect(readdirSync(join(test.dir, 'backups'))).toHaveLength(6);

    // A folder that cannot be made (a file stands in the way): refused with the reason, shown on the list.
    const blocker = join(test.dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await test.ok('settings.update', { backupDir: join(blocker, 'backups') }, admin);
    expect(await test.fails('backups.run', {}, admin)).toMatchObject({ code: 'UNAVAILABLE', message: 'maintenance.errors.backupFailed' });
    const failed = await test.ok('backups.list', {}, admin);
    expect(failed.problem).toMatch(/EEXIST|ENOTDIR/);
    expect(auditRows(test, 'maintenance.backupFailed').length > 0).toBe(true);
    expect(await test.fails('settings.update', { backupDir: 'backups' }, admin)).toMatchObject({ fields: { backupDir: { key: 'validation.absolutePath' } } });
  });

  it('a backup written while rentals are being made restores every rental committed before its copy, and none after', async () => {
    const park = await openPark();
    const { test, admin } = park;
    const db = test.core.db;
    if (!db || !test.core.maintenance) throw new Error('no database');
    // Bulk so the backup takes many steps (100 pages each), with event-loop turns between them.
    db.exec("CREATE TABLE IF NOT EXISTS ballast (x TEXT) STRICT; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO ballast SELECT hex(randomblob(900)) FROM n;");
    const committed: string[] = [];
    let finished = false;
    const backup = test.core.maintenance.backup('manual', park.adminId, 'test').then((view) => {
      finished = true;
      return view;
    });
    let made = 0;
    while (!finished) {
      const receipt = await rent(park, `UM-${String(++made).padStart(3, '0')}`);
      if (!finished) committed.push(receipt);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const written = await backup;
    expect(committed.length).toBeGreaterThan(2);
    // Rentals after the backup: not in it; they stay in the database kept aside by the restore.
    const afterwards = await rent(park, 'UM-900');

    const restored = await test.ok('backups.restore', { name: written.name, pin: ADMIN.pin }, admin);
    expect(restored.keptAside.reason).toBe('beforeRestore');
    expect(String(db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const receipts = new Set(db.prepare<[], { receipt_no: string }>('SELECT receipt_no FROM rental').all().map((row) => row.receipt_no));
    // The backup is the database as it stood at one instant while it was written (the counter goes on
    // renting while the copy is checked): every rental committed before that instant, none after it.
    const kept = committed.filter((receipt) => receipts.has(receipt));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(committed.slice(0, kept.length));
    expect(written.rentals).toBe(receipts.size);
    expect(receipts.has(afterwards)).toBe(false);
    // The database kept aside still has the later rental.
    const aside = new Database(join(test.dir, 'backups', restored.keptAside.name), { readonly: true });
    expect(aside.prepare('SELECT count(*) AS n FROM rental WHERE receipt_no = ?').get(afterwards)).toEqual({ n: 1 });
    aside.close();
    // Everyone signs in again; the restore is in the audit log of the restored database.
    expect(await test.fails('rentals.board', {}, admin)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(auditRows(test, 'maintenance.backupRestored').some((row) => row.entity_id === written.name)).toBe(true);
  });

  it('writes one backup for one submission, sent twice at once or again later with its key', async () => {
    const park = await openPark();
    const { test, admin } = park;
    const backups = () => readdirSync(join(test.dir, 'backups')).filter((name) => name.endsWith('-manual.sqlite')).length;
    const call = () => test.core.dispatch({ method: 'backups.run', input: {}, token: admin, origin: 'test', idempotencyKey: 'submission-backup-0000001' });
    const [first, second] = await Promise.all([call(), call()]);
    expect(first).toMatchObject({ ok: true, value: { reason: 'manual' } });
    expect(second).toEqual(first);
    expect(await call()).toEqual(first);
    expect(backups()).toBe(1);
  });

  it('copies and checks the database in a worker thread: the copy is written while the main thread is busy', async () => {
    const park = await openPark();
    const { test } = park;
    const db = test.core.db;
    if (!db) throw new Error('no database');
    await rent(park, 'UM-001');
    const partial = join(test.dir, 'aside-copy.sqlite');
    const answer = aside(partial, db.name, undefined);
    // The main thread does nothing but wait (no event-loop turn): only another thread can write the file.
    const started = Date.now();
    while (!(existsSync(partial) && statSync(partial).size > 0) && Date.now() - started < 20_000) {
      // busy on purpose
    }
    expect(existsSync(partial)).toBe(true);
    const inspected = await answer;
    expect(inspected).toMatchObject({ ok: true, problem: '', rentals: 1 });
    const copy = new Database(partial, { readonly: true });
    // A self-contained file: a rollback journal, not WAL.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) AS n FROM rental').get()).toEqual({ n: 1 });
    copy.close();
    // A copy that cannot be written is refused with why.
    await expect(aside(join(test.dir, 'no-such-folder', 'copy.sqlite'), db.name, undefined)).rejects.toThrow(/directory does not exist/);
  });

  it('starts no hourly backup and no retention run while a restore replaces the database', async () => {
    const park = await openPark();
    const { test } = park;
    const jobs = test.core.maintenance;
    if (!jobs) throw new Error('no maintenance jobs');
    await rent(park, 'UM-001');
    const written = await test.ok('backups.run', {}, park.admin);
    await later(park, 2 * HOUR); // an hourly backup and the day's retention run are both due
    const runs = () => test.core.db?.prepare<[], { n: number }>('SELECT count(*) AS n FROM retention_run').get()?.n;
    const reasons = async () => (await test.ok('backups.list', {}, park.admin)).rows.map((row) => row.reason).sort();

    // The restore holds the gate from its first step; the tick that comes meanwhile does nothing.
    const restoring = test.core.call('backups.restore', { name: written.name, pin: ADMIN.pin }, park.admin);
    await jobs.tick();
    const restored = await restoring;
    expect(restored.ok).toBe(true);
    park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
    expect(await reasons()).toEqual(['beforeRestore', 'manual']);
    expect(runs()).toBe(0);

    // Once the restore is over, the next tick catches up.
    await jobs.tick();
    expect(await reasons()).toEqual(['beforeRestore', 'hourly', 'manual']);
    expect(runs()).toBe(1);
  });

  it('queues again a printout the restored backup caught being sent, as after a crash, instead of leaving it stuck', async () => {
    const park = await openPark();
    const { test, admin } = park;
    const db = test.core.db;
    if (!db) throw new Error('no database');
    const receipt = await rent(park, 'UM-001');
    const jobOf = () => db.prepare<[string], { status: string }>('SELECT status FROM print_job WHERE ref = ?').get(receipt)?.status;
    // The backup is taken while the receipt is on its way to the printer; it printed afterwards.
    db.prepare("UPDATE print_job SET status = 'printing' WHERE ref = ?").run(receipt);
    const written = await test.ok('backups.run', {}, admin);
    db.prepare("UPDATE print_job SET status = 'printed' WHERE ref = ?").run(receipt);

    await test.ok('backups.restore', { name: written.name, pin: ADMIN.pin }, admin);
    expect(jobOf()).toBe('queued');
  });

  it('restores only with the manager PIN and only a known, intact backup; the reopened file is the restored one', async () => {
    const park = await openPark();
    const { test, admin } = park;
    const before = await rent(park, 'UM-001');
    const written = await test.ok('backups.run', {}, admin);
    await rent(park, 'UM-002');

    expect(await test.fails('backups.restore', { name: written.name, pin: '999999' }, admin)).toMatchObject({ code: 'UNAUTHENTICATED', fields: { pin: { key: 'errors.wrongPin' } } });
    expect(await test.fails('backups.restore', { name: '../parkdesk.sqlite', pin: ADMIN.pin }, admin)).toMatchObject({ code: 'VALIDATION' });
    expect(await test.fails('backups.restore', { name: 'parkdesk-20200101-000000-manual.sqlite', pin: ADMIN.pin }, admin)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { name: { key: 'maintenance.errors.noSuchBackup' } },
    });
    // A damaged backup file is refused and nothing changes.
    const damaged = await test.ok('backups.run', {}, admin);
    writeFileSync(join(test.dir, 'backups', damaged.name), Buffer.alloc(8192, 7));
    expect(await test.fails('backups.restore', { name: damaged.name, pin: ADMIN.pin }, admin)).toMatchObject({ code: 'CONFLICT' });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM rental').get()).toEqual({ n: 2 });

    await test.ok('backups.restore', { name: written.name, pin: ADMIN.pin }, admin);
    const reopened = test.reopen();
    const rows = reopened.core.db?.prepare<[], { receipt_no: string }>('SELECT receipt_no FROM rental').all();
    expect(rows?.map((row) => row.receipt_no)).toEqual([before]);
    expect(integrity(join(reopened.dir, 'parkdesk.sqlite'))).toBe('ok');
    expect(existsSync(join(reopened.dir, 'backups'))).toBe(true);
  });
});

describe('retention of personal data', () => {
  it('reads a run recorded before a kind was erased as erasing none of it', async () => {
    const park = await openPark({ retentionDays: 90 });
    const counts = { rentals: 2, claims: 0, lostReports: 1, finders: 0, complaints: 3 };
    park.test.core.db?.prepare('INSERT INTO retention_run (at, cutoff, staff_id, counts) VALUES (?, ?, NULL, ?)').run(park.test.clock.now(), 0, JSON.stringify(counts));
    expect((await park.test.ok('retention.status', {}, park.admin)).lastErased).toEqual({ ...counts, feedback: 0 });
  });

  it('erases exactly the ID and phone numbers of records closed longer than the retention period', async () => {
    const park = await openPark({ retentionDays: 90 });
    const { test } = park;
    const db = test.core.db;
    if (!db) throw new Error('no database');
    const clerk = () => park.clerk.token;
    // Day 0, 10:00: rentals, a complaint, found items, a claim and lost reports.
    const oldReceipt = await rent(park, 'UM-001');
    const openReceipt = await rent(park, 'UM-002');
    const recentReceipt = await rent(park, 'UM-003');
    await test.ok('rentals.return', { receiptNo: oldReceipt, checkCode: checkCodeOf(test, oldReceipt), condition: 'good' }, clerk());
    const complaint = await test.ok(
      'complaints.create',
      { clientRef: 'complaint-retention-1', channel: 'phone', complainantName: '赵先生', phone: '139 0000 1111', place: '水上乐园', happenedAt: test.clock.now() - HOUR, category: 'facilities', description: '更衣柜坏了' },
      clerk(),
    );
    await test.ok('complaints.update', { id: complaint.id, phone: '139 0000 2222' }, clerk());
    await test.ok('complaints.step', { id: complaint.id, step: 'respond', note: '已维修并致歉' }, clerk());
    await test.ok('complaints.step', { id: complaint.id, step: 'close', note: '游客满意', noFollowUp: 'declined' }, clerk());
    // A visitor's request with a phone for the answer (corrected once): fed back by the day's summary below.
    const departmentId = (await test.ok('departments.list', {}, clerk()))[0]?.id;
    const fedBack = await test.ok(
      'complaints.feedback.create',
      { clientRef: 'feedback-retention-1', kind: 'demand', channel: 'phone', visitorName: '吴女士', phone: '13900003333', category: 'facilities', departmentId, text: '希望增加母婴室' },
      clerk(),
    );
    await test.ok('complaints.feedback.update', { id: fedBack.id, phone: '13900004444' }, clerk());
    const claimed = await intake(park, 'wallet', '13500000001');
    const handedOver = await intake(park, 'waterWorld', '13500000002');
    const stillHeld = await intake(park, 'wallet', '13500000003');
    await claim(park, claimed, '13600000001');
    const closedReport = await report(park, '13700000001');
    await test.ok('lostFound.reports.close', { reportId: closedReport, note: '游客自己找到了' }, clerk());
    const openReport = await report(park, '13700000002');
    // Other records that take a phone number: an incident's reporter and witness, a missing child's guardian.
    const incident = await test.ok('incidents.report', { reporterName: '钱先生', reporterPhone: '13800000009', nature: 'injury', location: '波浪池' }, clerk());
    await test.ok('incidents.statement', { incidentId: incident.id, personName: '孙女士', role: 'witness', contact: '13800000010', text: '看到他滑倒。' }, clerk());
    await test.ok(
      'paging.register',
      {
        clientRef: 'retention-paging-1',
        details: { kind: 'missingPerson', child: true, name: '小明', age: 6, sex: 'male', clothing: '红色上衣', lastSeenPlace: '旋转木马', lastSeenAt: test.clock.now(), guardianName: '王女士', guardianPhone: '13800000011', meetingPoint: '游客中心' },
      },
      clerk(),
    );

    // 18:30 the water-world item, unclaimed after closing, goes to finance.
    await later(park, 8 * HOUR + 30 * MINUTE);
    // The center verified and counter-signed it, as finance takes only such items.
    await test.ok('lostFound.verify', { itemId: handedOver, signature: SIGNATURE }, park.admin);
    await test.ok('lostFound.handover.create', { clientRef: 'retention-handover-1', itemIds: [handedOver], centerSignature: SIGNATURE, financeName: '计财部 周会计', financeSignature: SIGNATURE }, clerk());
    await test.ok('complaints.summary.close', { date: (await test.ok('complaints.summary', {}, park.admin)).date }, park.admin);
    // Recorded after the close with no department: no summary feeds it back, and its phone still goes in time.
    const waiting = await test.ok(
      'complaints.feedback.create',
      { clientRef: 'feedback-retention-2', kind: 'opinion', channel: 'hotline', phone: '13900005555', category: 'food', text: '餐厅饮料太贵' },
      clerk(),
    );

    // 60 days later: a rental returned and an item claimed, both still within the period.
    await later(park, 60 * DAY);
    await test.ok('rentals.return', { receiptNo: recentReceipt, checkCode: checkCodeOf(test, recentReceipt), condition: 'good' }, clerk());
    const recentClaim = await intake(park, 'wallet', '13500000004');
    await claim(park, recentClaim, '13600000002');
    expect(await test.ok('retention.status', {}, park.admin)).toMatchObject({ days: 90, due: { rentals: 0, claims: 0, lostReports: 0, finders: 0, complaints: 0, feedback: 0 } });

    await later(park, 31 * DAY);
    const status = await test.ok('retention.status', {}, park.admin);
    expect(status.due).toEqual({ rentals: 1, claims: 1, lostReports: 1, finders: 2, complaints: 1, feedback: 2 });
    const erased = await test.ok('retention.run', {}, park.admin);
    expect(erased).toEqual(status.due);
    const now = test.clock.now();

    const rental = (receipt: string) =>
      db.prepare<[string], { phone: string | null; id_number: string | null; id_masked: string; deposit_fen: number; personal_erased_at: number | null }>(
        'SELECT phone, id_number, id_masked, deposit_fen, personal_erased_at FROM rental WHERE receipt_no = ?',
      ).get(receipt);
    expect(rental(oldReceipt)).toMatchObject({ phone: null, id_number: null, deposit_fen: 5_000, personal_erased_at: now });
    expect(rental(oldReceipt)?.id_masked).toMatch(/\*/);
    expect(rental(openReceipt)).toMatchObject({ phone: '13812345678', id_number: ID_CARD, personal_erased_at: null });
    expect(rental(recentReceipt)).toMatchObject({ phone: '13812345678', personal_erased_at: null });
    expect(db.prepare('SELECT phone, complainant_name FROM complaint WHERE id = ?').get(complaint.id)).toEqual({ phone: null, complainant_name: '赵先生' });
    expect(db.prepare('SELECT id, phone, visitor_name, text, personal_erased_at FROM visitor_feedback ORDER BY id').all()).toEqual([
      { id: fedBack.id, phone: null, visitor_name: '吴女士', text: '希望增加母婴室', personal_erased_at: now },
      { id: waiting.id, phone: null, visitor_name: '', text: '餐厅饮料太贵', personal_erased_at: now },
    ]);
    const claims = db.prepare<[], { item_id: number; phone: string | null; id_number: string | null; claimant_name: string; personal_erased_at: number | null }>(
      'SELECT item_id, phone, id_number, claimant_name, personal_erased_at FROM lf_claim ORDER BY id',
    );
    expect(claims.all()).toEqual([
      { item_id: claimed, phone: null, id_number: null, claimant_name: '李某某', personal_erased_at: now },
      { item_id: recentClaim, phone: '13600000002', id_number: ID_CARD, claimant_name: '李某某', personal_erased_at: null },
    ]);
    expect(db.prepare('SELECT id, phone, visitor_name, personal_erased_at FROM lf_report ORDER BY id').all()).toEqual([
      { id: closedReport, phone: null, visitor_name: '孙女士', personal_erased_at: now },
      { id: openReport, phone: '13700000002', visitor_name: '孙女士', personal_erased_at: null },
    ]);
    expect(db.prepare('SELECT id, finder_phone, finder_name, personal_erased_at FROM lf_item ORDER BY id').all()).toEqual([
      { id: claimed, finder_phone: null, finder_name: '赵保洁', personal_erased_at: now },
      { id: handedOver, finder_phone: null, finder_name: '赵保洁', personal_erased_at: now },
      { id: stillHeld, finder_phone: '13500000003', finder_name: '赵保洁', personal_erased_at: null },
      { id: recentClaim, finder_phone: '13500000004', finder_name: '赵保洁', personal_erased_at: null },
    ]);

    // Nothing is erased twice; the run is in the audit log and on the status.
    const none = { rentals: 0, claims: 0, lostReports: 0, finders: 0, complaints: 0, feedback: 0 };
    expect(await test.ok('retention.run', {}, park.admin)).toEqual(none);
    expect((await test.ok('retention.status', {}, park.admin)).lastErased).toEqual(none);
    const audited = auditRows(test, 'maintenance.personalDataErased');
    expect(JSON.parse(audited[0]?.detail ?? '{}')).toMatchObject(status.due);
    expect(await test.fails('retention.run', {}, park.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });

    // No ID or phone number was ever written into the audit log, which retention cannot reach.
    expect(JSON.parse(auditRows(test, 'complaints.update')[0]?.detail ?? '{}')).toEqual({ changes: { phone: 'changed' } });
    expect(JSON.parse(auditRows(test, 'complaints.feedbackUpdate')[0]?.detail ?? '{}')).toEqual({ changes: { phone: 'changed' } });
    const log = db.prepare<[], { detail: string; entity_id: string | null }>('SELECT detail, entity_id FROM audit_log').all();
    const personal = [ID_CARD, '13812345678', '13900001111', '13900002222', '13500000001', '13500000002', '13500000003', '13500000004', '13600000001', '13600000002', '13700000001', '13700000002', '13800000009', '13800000010', '13800000011', '13900003333', '13900004444', '13900005555'];
    for (const number of personal) expect(log.filter((row) => `${row.detail} ${row.entity_id ?? ''}`.includes(number)), number).toEqual([]);
  });

  it('runs once a park day by itself', async () => {
    const park = await openPark();
    const { test } = park;
    const jobs = test.core.maintenance;
    if (!jobs) throw new Error('no maintenance jobs');
    const runs = () => test.core.db?.prepare<[], { n: number }>('SELECT count(*) AS n FROM retention_run').get()?.n;
    await jobs.tick();
    test.clock.advance(3 * HOUR);
    await jobs.tick();
    expect(runs()).toBe(1);
    test.clock.advance(DAY);
    await jobs.tick();
    expect(runs()).toBe(2);
    expect(auditRows(test, 'maintenance.personalDataErased').filter((row) => row.staff_id === null)).toHaveLength(2);
  });
});

