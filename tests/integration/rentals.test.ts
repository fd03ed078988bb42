import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '@shared/rules/time';
import type { Input } from '@shared/contract';
import { ADMIN, addStaff, auditRows, makeCore, MORNING, setUpPark, type TestCore, checkCodeOf } from '../support/core';

/** A valid resident ID (check character computed by hand: 11010519491231002X is the standard example). */
const ID_CARD = '11010519491231002X';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
  types: Record<string, number>;
}

async function openPark(): Promise<Park> {
  const test = makeCore();
  const admin = await setUpPark(test);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const board = await test.ok('rentals.board', {}, admin);
  const types = Object.fromEntries(board.types.map((type) => [type.code, type.id]));
  return { test, admin, adminId, clerk, types };
}

async function addUnits(park: Park, code: string, tags: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const tag of tags) ids.push((await park.test.ok('rentals.units.add', { typeId: park.types[code] ?? 0, tag }, park.admin)).id);
  return ids;
}

/** Moves the park clock; sessions idle longer than the idle time end, so the clerk signs in again. */
async function later(park: Park, ms: number): Promise<void> {
  park.test.clock.advance(ms);
  park.clerk.token = (await park.test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;
  park.admin = (await park.test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
}

function visitor(tag: string, extra: Partial<Input<'rentals.checkOut'>> = {}): Input<'rentals.checkOut'> {
  return {
    unitTag: tag,
    visitorName: '李游客',
    phone: '138 1234 5678',
    identity: { idType: 'resident', idNumber: ID_CARD.toLowerCase() },
    payment: 'cash',
    ...extra,
  };
}

function count(test: TestCore, sql: string): number {
  return (test.core.db?.prepare<[], { n: number }>(sql).get()?.n ?? -1);
}

describe('equipment and the daily inspection', () => {
  it('starts with wheelchairs, strollers and umbrellas at 500, 300 and 50 CNY, and free park maps and sewing kits to hand out', async () => {
    const { test, admin } = await openPark();
    const board = await test.ok('rentals.board', {}, admin);
    expect(board.types.map((type) => [type.code, type.nameZh, type.depositFen, type.handOut])).toEqual([
      ['wheelchair', '轮椅', 50_000, false],
      ['stroller', '婴儿车', 30_000, false],
      ['umbrella', '雨伞', 5_000, false],
      ['park-map', '园区地图', 0, true],
      ['sewing-kit', '针线包', 0, true],
    ]);
    expect(board).toMatchObject({ toInspect: 0, out: 0, heldFen: 0, parkDate: '2026-11-29' });
  });

  it('lets managers add types and units; tags are unique; the counter may not add equipment', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const bank = await test.ok('rentals.types.save', { code: 'power-bank', nameZh: '充电宝', nameEn: 'Power bank', depositFen: 0 }, admin);
    expect(bank).toMatchObject({ code: 'power-bank', depositFen: 0, active: true });
    await addUnits(park, 'wheelchair', ['wc-001']);
    expect(await test.fails('rentals.units.add', { typeId: park.types.wheelchair ?? 0, tag: 'WC-001' }, admin)).toMatchObject({
      code: 'CONFLICT',
      fields: { tag: { key: 'rentals.errors.tagTaken', params: { tag: 'WC-001' } } },
    });
    expect(await test.fails('rentals.units.add', { typeId: park.types.wheelchair ?? 0, tag: 'WC-002' }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('rentals.types.save', { code: 'stroller', nameZh: 'x', nameEn: 'x', depositFen: 1 }, admin)).toMatchObject({ code: 'CONFLICT' });
  });

  it('hands out free items of a handed-out type: no units, no ID, no return; counted for the day', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    expect(await test.fails('rentals.types.save', { code: 'poncho', nameZh: '雨衣', nameEn: 'Rain poncho', depositFen: 500, handOut: true }, admin)).toMatchObject({
      fields: { depositFen: { key: 'rentals.errors.handOutFree' } },
    });
    const kit = await test.ok('rentals.types.save', { code: 'poncho', nameZh: '雨衣', nameEn: 'Rain poncho', depositFen: 0, handOut: true }, admin);
    expect(kit).toMatchObject({ handOut: true, handedOutToday: 0 });
    expect(await test.fails('rentals.units.add', { typeId: kit.id, tag: 'SK-001' }, admin)).toMatchObject({ code: 'CONFLICT', fields: { typeId: { key: 'rentals.errors.handOutNoUnits' } } });
    expect((await test.ok('rentals.handOut', { typeId: kit.id }, clerk.token)).handedOutToday).toBe(1);
    expect((await test.ok('rentals.handOut', { typeId: kit.id, quantity: 2 }, clerk.token)).handedOutToday).toBe(3);
    expect(auditRows(test, 'rentals.handOut')).toHaveLength(2);
    // Lent types are rented, not handed out; a type with units cannot become a hand-out.
    expect(await test.fails('rentals.handOut', { typeId: park.types.umbrella ?? 0 }, clerk.token)).toMatchObject({ fields: { typeId: { key: 'rentals.errors.notHandOut' } } });
    await addUnits(park, 'umbrella', ['UM-001']);
    expect(
      await test.fails('rentals.types.save', { id: park.types.umbrella ?? 0, code: 'umbrella', nameZh: '雨伞', nameEn: 'Umbrella', depositFen: 0, handOut: true }, admin),
    ).toMatchObject({ fields: { handOut: { key: 'rentals.errors.handOutHasUnits' } } });
    // Nothing is held, nothing is to inspect, no rental is written.
    expect(await test.ok('rentals.board', {}, clerk.token)).toMatchObject({ out: 0, heldFen: 0, toInspect: 1 });
    expect(count(test, 'SELECT count(*) AS n FROM rental')).toBe(0);
    await later(park, DAY);
    expect((await test.ok('rentals.board', {}, park.clerk.token)).types.find((type) => type.id === kit.id)?.handedOutToday).toBe(0);
  });

  it('refuses to rent a unit not inspected today, and counts it as still to inspect', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    await addUnits(park, 'wheelchair', ['WC-001']);
    expect((await test.ok('rentals.board', {}, clerk.token)).toInspect).toBe(1);
    const refused = await test.fails('rentals.checkOut', visitor('WC-001'), clerk.token);
    expect(refused).toMatchObject({ code: 'CONFLICT', fields: { unitTag: { key: 'rentals.errors.notInspected', params: { tag: 'WC-001' } } } });
    expect(count(test, 'SELECT count(*) AS n FROM rental')).toBe(0);
    expect(count(test, 'SELECT count(*) AS n FROM print_job')).toBe(0);
  });

  it('takes a unit found damaged at inspection under repair with a ticket, and back only through another inspection', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const [unitId = 0] = await addUnits(park, 'stroller', ['ST-001']);
    expect(await test.fails('rentals.inspect', { unitId, result: 'damaged' }, clerk.token)).toMatchObject({ fields: { note: { key: 'validation.reasonRequired' } } });
    test.clock.advance(MINUTE);
    const damaged = await test.ok('rentals.inspect', { unitId, result: 'damaged', note: '左前轮松动' }, clerk.token);
    expect(damaged.state).toBe('repair');
    const [ticket] = await test.ok('rentals.repairs.list', { open: true }, clerk.token);
    expect(ticket).toMatchObject({ unitTag: 'ST-001', fault: '左前轮松动', source: 'inspection', sentAt: null, backAt: null });
    expect(await test.fails('rentals.checkOut', visitor('ST-001'), clerk.token)).toMatchObject({ fields: { unitTag: { key: 'rentals.errors.unitInRepair' } } });

    test.clock.advance(MINUTE);
    await test.ok('rentals.repairs.update', { id: ticket?.id ?? 0, markSent: true, sentTo: '园区维修部' }, clerk.token);
    test.clock.advance(MINUTE);
    const back = await test.ok('rentals.repairs.update', { id: ticket?.id ?? 0, markBack: true, costFen: 4_500 }, clerk.token);
    expect(back).toMatchObject({ sentTo: '园区维修部', costFen: 4_500 });
    expect(back.backAt).not.toBeNull();
    const units = await test.ok('rentals.units.list', {}, clerk.token);
    expect(units.find((u) => u.tag === 'ST-001')?.state).toBe('inspectionDue');
    test.clock.advance(MINUTE);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    expect((await test.ok('rentals.units.lookup', { tag: 'st-001' }, clerk.token)).rentable).toBe(true);
    const history = await test.ok('rentals.units.history', { unitId }, clerk.token);
    expect(history.map((entry) => entry.kind)).toEqual(['inspected', 'repairBack', 'repairSent', 'damaged', 'repairOpened', 'added']);
    expect(history.find((entry) => entry.kind === 'damaged')).toMatchObject({ detail: '左前轮松动', staffName: '张柜台' });
  });

  it('retires a unit with its reason, never one that is out nor twice, and its history names who added and who retired it', async () => {
    const park = await openPark();
    const { test, clerk, admin } = park;
    const [outId = 0, retiredId = 0] = await addUnits(park, 'wheelchair', ['WC-201', 'WC-202']);
    // Only a manager retires, and only with a reason; a refusal changes nothing.
    expect(await test.fails('rentals.units.retire', { unitId: retiredId, reason: '车架断裂' }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('rentals.units.retire', { unitId: retiredId, reason: ' ' }, admin)).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.anything() } });
    await test.ok('rentals.inspect', { unitId: outId, result: 'ok' }, clerk.token);
    await test.ok('rentals.checkOut', visitor('WC-201'), clerk.token);
    expect(await test.fails('rentals.units.retire', { unitId: outId, reason: '车架断裂' }, admin)).toMatchObject({ fields: { unitId: { key: 'rentals.errors.unitOut' } } });
    expect((await test.ok('rentals.units.list', {}, admin)).map((unit) => [unit.tag, unit.state])).toEqual([
      ['WC-201', 'out'],
      ['WC-202', 'inspectionDue'],
    ]);

    test.clock.advance(MINUTE);
    const retired = await test.ok('rentals.units.retire', { unitId: retiredId, reason: '车架断裂，无法修复' }, admin);
    expect(retired).toMatchObject({ tag: 'WC-202', state: 'retired' });
    expect(await test.fails('rentals.units.retire', { unitId: retiredId, reason: '再报废一次' }, admin)).toMatchObject({ fields: { unitId: { key: 'rentals.errors.unitRetired' } } });
    expect(await test.fails('rentals.inspect', { unitId: retiredId, result: 'ok' }, clerk.token)).toMatchObject({ code: 'CONFLICT' });
    const history = await test.ok('rentals.units.history', { unitId: retiredId }, clerk.token);
    expect(history).toEqual([
      { at: test.clock.now(), kind: 'retired', detail: '车架断裂，无法修复', condition: null, ref: null, staffName: '王经理' },
      { at: expect.any(Number), kind: 'added', detail: null, condition: null, ref: null, staffName: '王经理' },
    ]);
    // A return's condition is its own field (the screen says it in its language), the reason for what was kept its detail.
    const [rental] = (await test.ok('rentals.list', { view: 'out' }, clerk.token)).rows;
    const receiptNo = rental?.receiptNo ?? '';
    await test.ok('rentals.return', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 0, reason: '刹车偏紧，未扣押金', approval: { staffId: park.adminId, pin: ADMIN.pin } }, clerk.token);
    expect((await test.ok('rentals.units.history', { unitId: outId }, clerk.token)).find((entry) => entry.kind === 'returned')).toMatchObject({ kind: 'returned', condition: 'damaged', detail: '刹车偏紧，未扣押金', ref: receiptNo });
  });

  it('asks for a fresh inspection every park day', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const [unitId = 0] = await addUnits(park, 'umbrella', ['UM-001']);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    expect((await test.ok('rentals.units.lookup', { tag: 'UM-001' }, clerk.token)).state).toBe('available');
    await later(park, DAY);
    expect((await test.ok('rentals.units.lookup', { tag: 'UM-001' }, park.clerk.token)).state).toBe('inspectionDue');
    expect((await test.ok('rentals.board', {}, park.clerk.token)).parkDate).toBe('2026-11-30');
  });
});

describe('check-out', () => {
  it('commits the rental and its receipt print job together and answers a short readable receipt number', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const [unitId = 0] = await addUnits(park, 'wheelchair', ['WC-001', 'WC-002']);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    const events: string[] = [];
    test.core.subscribe((event) => events.push(event.name));

    const { rental, printJobId } = await test.ok('rentals.checkOut', visitor('wc-001'), clerk.token);
    expect(rental).toMatchObject({
      receiptNo: 'R20261129-0001',
      unitTag: 'WC-001',
      typeNameZh: '轮椅',
      visitorName: '李游客',
      phone: '13812345678',
      idType: 'resident',
      idMasked: '1101**********002X',
      depositFen: 50_000,
      payment: 'cash',
      status: 'out',
      outBy: { id: clerk.id, name: '张柜台' },
      receiptJobId: printJobId,
    });
    // Due at closing time (18:00 in Shanghai) by default.
    expect(rental.dueAt).toBe(Date.parse('2026-11-29T10:00:00Z'));
    // The full ID number is kept for the refund, never shown.
    const stored = test.core.db?.prepare<[], { id_number: string }>('SELECT id_number FROM rental').get();
    expect(stored?.id_number).toBe(ID_CARD);
    expect(JSON.stringify(rental)).not.toContain(ID_CARD);
    const job = test.core.db?.prepare<[number], { kind: string; ref: string; status: string; document: string }>('SELECT kind, ref, status, document FROM print_job WHERE id = ?').get(printJobId);
    expect(job).toMatchObject({ kind: 'deposit-receipt', ref: 'R20261129-0001' });
    expect(job?.document).toContain('伍佰元整');
    expect(job?.document).toContain('1101**********002X');
    expect(job?.document).not.toContain(ID_CARD);
    expect(events).toContain('rentals.changed');
    expect(auditRows(test, 'rentals.checkOut')).toHaveLength(1);
    // The answer is built from what was written, without reading it back: it is what a read gives.
    expect(rental).toEqual(await test.ok('rentals.get', { receiptNo: rental.receiptNo }, clerk.token));
    const board = await test.ok('rentals.board', {}, clerk.token);
    expect(board).toMatchObject({ out: 1, heldFen: 50_000 });
    expect(board.types.find((type) => type.code === 'wheelchair')?.counts).toMatchObject({ out: 1, inspectionDue: 1, available: 0 });

    // The next rental that day takes the next number.
    const second = await addUnits(park, 'umbrella', ['UM-009']);
    await test.ok('rentals.inspect', { unitId: second[0] ?? 0, result: 'ok' }, clerk.token);
    expect((await test.ok('rentals.checkOut', visitor('UM-009', { payment: 'wechat' }), clerk.token)).rental.receiptNo).toBe('R20261129-0002');
  });

  it('lends after closing time for an hour by default, and refuses a due time in the past', async () => {
    const park = await openPark();
    const [unitId = 0, second = 0] = await addUnits(park, 'umbrella', ['UM-001', 'UM-002']);
    await park.test.ok('rentals.inspect', { unitId, result: 'ok' }, park.clerk.token);
    await park.test.ok('rentals.inspect', { unitId: second, result: 'ok' }, park.clerk.token);
    // 18:30 in Shanghai: the park has closed; the form sends no due time unless the clerk changes it.
    await later(park, Date.parse('2026-11-29T10:30:00Z') - park.test.clock.now());
    const { rental } = await park.test.ok('rentals.checkOut', visitor('UM-001'), park.clerk.token);
    expect(rental.dueAt).toBe(Date.parse('2026-11-29T11:30:00Z'));
    expect(rental.overdue).toBe(false);
    const closing = Date.parse('2026-11-29T10:00:00Z');
    expect((await park.test.fails('rentals.checkOut', visitor('UM-002', { dueAt: closing }), park.clerk.token)).fields).toEqual({ dueAt: { key: 'rentals.errors.dueRange' } });
    expect(count(park.test, 'SELECT count(*) AS n FROM rental')).toBe(1);
  });

  it('refuses a unit already out, and two rentals of one unit even at the database', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const [unitId = 0] = await addUnits(park, 'wheelchair', ['WC-001']);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    await test.ok('rentals.checkOut', visitor('WC-001'), clerk.token);
    expect(await test.fails('rentals.checkOut', visitor('WC-001'), clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { unitTag: { key: 'rentals.errors.unitOut', params: { tag: 'WC-001' } } },
    });
    expect(() =>
      test.core.db
        ?.prepare(
          `INSERT INTO rental (receipt_no, park_date, seq, unit_id, type_id, visitor_name, phone, id_type, id_number, id_masked,
                               deposit_fen, standard_deposit_fen, payment, out_at, out_by, due_at)
           SELECT 'R20261129-0099', park_date, 99, unit_id, type_id, 'x', 'x', 'other', 'x', 'x', 1, 1, 'cash', 1, out_by, 2 FROM rental`,
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed: rental.unit_id/);
    expect(count(test, 'SELECT count(*) AS n FROM rental')).toBe(1);
  });

  it('refuses bad visitor details field by field and writes nothing', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const [unitId = 0] = await addUnits(park, 'wheelchair', ['WC-001']);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    const error = await test.fails(
      'rentals.checkOut',
      { unitTag: 'WC 001', visitorName: ' ', phone: '12345', identity: { idType: 'resident', idNumber: '110105194912310021' }, payment: 'bitcoin' },
      clerk.token,
    );
    expect(error.fields).toEqual({
      unitTag: { key: 'validation.assetTag' },
      visitorName: { key: 'validation.required' },
      phone: { key: 'validation.phone' },
      'identity.idNumber': { key: 'validation.residentId' },
      payment: { key: 'validation.invalidOption' },
    });
    // No tag at all (spaces only) is a missing tag, not one of the wrong shape.
    expect((await test.fails('rentals.checkOut', visitor('  '), clerk.token)).fields).toMatchObject({ unitTag: { key: 'validation.required' } });
    const passport = await test.fails('rentals.checkOut', visitor('WC-001', { identity: { idType: 'passport', idNumber: '#' } }), clerk.token);
    expect(passport.fields).toEqual({ 'identity.idNumber': { key: 'validation.idNumber' } });
    const late = await test.fails('rentals.checkOut', visitor('WC-001', { dueAt: test.clock.now() - MINUTE }), clerk.token);
    expect(late.fields).toEqual({ dueAt: { key: 'rentals.errors.dueRange' } });
    expect(count(test, 'SELECT count(*) AS n FROM rental')).toBe(0);
    expect(count(test, 'SELECT count(*) AS n FROM print_job')).toBe(0);
  });

  it('overrides a deposit only with a reason and a duty manager’s PIN; wrong PINs count', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const [unitId = 0] = await addUnits(park, 'stroller', ['ST-001']);
    await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    const noApproval = await test.fails('rentals.checkOut', visitor('ST-001', { override: { depositFen: 10_000, reason: '老人优惠' } as never }), clerk.token);
    expect(noApproval.fields).toEqual({ 'override.approval': { key: 'validation.required' } });
    const byClerk = await test.fails(
      'rentals.checkOut',
      visitor('ST-001', { override: { depositFen: 10_000, reason: '老人优惠', approval: { staffId: clerk.id, pin: '1357' } } }),
      clerk.token,
    );
    expect(byClerk).toMatchObject({ code: 'FORBIDDEN', fields: { 'approval.staffId': { key: 'errors.notManager' } } });
    const wrongPin = await test.fails(
      'rentals.checkOut',
      visitor('ST-001', { override: { depositFen: 10_000, reason: '老人优惠', approval: { staffId: adminId, pin: '000000' } } }),
      clerk.token,
    );
    expect(wrongPin).toMatchObject({ code: 'UNAUTHENTICATED', fields: { 'approval.pin': { key: 'errors.wrongPin', params: { remaining: 4 } } } });
    expect(auditRows(test, 'auth.failed')).toHaveLength(1);
    expect(count(test, 'SELECT count(*) AS n FROM rental')).toBe(0);

    const { rental } = await test.ok(
      'rentals.checkOut',
      visitor('ST-001', { override: { depositFen: 10_000, reason: '老人优惠', approval: { staffId: adminId, pin: ADMIN.pin } } }),
      clerk.token,
    );
    expect(rental).toMatchObject({ depositFen: 10_000, standardDepositFen: 30_000, overrideReason: '老人优惠' });
    const [audit] = auditRows(test, 'rentals.checkOut');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ depositFen: 10_000, standardDepositFen: 30_000, approvedBy: adminId });
  });
});

describe('return and refund', () => {
  async function rentOne(park: Park, code: string, tag: string, extra: Partial<Input<'rentals.checkOut'>> = {}) {
    const [unitId = 0] = await addUnits(park, code, [tag]);
    await park.test.ok('rentals.inspect', { unitId, result: 'ok' }, park.clerk.token);
    return (await park.test.ok('rentals.checkOut', visitor(tag, extra), park.clerk.token)).rental;
  }

  it('refunds the full deposit for a unit back in good condition, prints a slip, and refuses a second return', async () => {
    const park = await openPark();
    const { test } = park;
    const rental = await rentOne(park, 'wheelchair', 'WC-001');
    await later(park, 2 * HOUR);
    const { clerk } = park;
    const { rental: back, printJobId } = await test.ok('rentals.return', { receiptNo: rental.receiptNo.toLowerCase(), checkCode: checkCodeOf(test, rental.receiptNo.toLowerCase()), condition: 'good' }, clerk.token);
    expect(back).toMatchObject({ status: 'returned', condition: 'good', refundFen: 50_000, keptFen: 0, returnedBy: { id: clerk.id }, slipJobId: printJobId });
    const slip = test.core.db?.prepare<[number], { kind: string; document: string }>('SELECT kind, document FROM print_job WHERE id = ?').get(printJobId);
    expect(slip?.kind).toBe('refund-slip');
    expect(slip?.document).toContain('伍佰元整');
    expect((await test.ok('rentals.units.lookup', { tag: 'WC-001' }, clerk.token)).state).toBe('available');

    const twice = await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'good' }, clerk.token);
    expect(twice).toMatchObject({ code: 'CONFLICT', fields: { receiptNo: { key: 'rentals.errors.alreadyReturned', params: { receiptNo: rental.receiptNo } } } });
    expect(count(test, "SELECT count(*) AS n FROM print_job WHERE kind = 'refund-slip'")).toBe(1);
    expect(count(test, 'SELECT count(*) AS n FROM rental WHERE refund_fen = 50000')).toBe(1);
  });

  it('refunds only against the receipt: its check code (scanned with it, or typed from it), never shown on a screen; without it the lost-receipt path and a manager', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const { rental, printJobId, checkCode } = await (async () => {
      const [unitId = 0] = await addUnits(park, 'wheelchair', ['WC-001']);
      await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
      return test.ok('rentals.checkOut', visitor('WC-001'), clerk.token);
    })();
    expect(checkCode).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
    // On the paper: the code beside the receipt number, and in the QR code and barcode with it.
    const document = test.core.db?.prepare<[number], { document: string }>('SELECT document FROM print_job WHERE id = ?').get(printJobId)?.document ?? '';
    const blocks = (JSON.parse(document) as { blocks: Array<{ type: string; data?: string; left?: string; right?: string }> }).blocks;
    expect(blocks.filter((block) => block.type === 'qr' || block.type === 'barcode').map((block) => block.data)).toEqual([`${rental.receiptNo}-${checkCode}`, `${rental.receiptNo}-${checkCode}`]);
    expect(blocks).toContainEqual(expect.objectContaining({ type: 'pair', right: checkCode }));
    // Never on a screen: not in the receipt as the screen previews it (its QR code and barcode carry
    // the receipt number alone), nor in the rental as the lists and the return form read it.
    const preview = await test.ok('printer.preview', { jobId: printJobId }, clerk.token);
    const shown = preview.document.blocks;
    expect(shown.filter((block) => block.type === 'qr' || block.type === 'barcode').map((block) => ('data' in block ? block.data : ''))).toEqual([rental.receiptNo, rental.receiptNo]);
    expect(shown).toContainEqual(expect.objectContaining({ type: 'pair', right: '****' }));
    expect(shown.some((block) => block.type === 'pair' && block.right === checkCode)).toBe(false);
    expect(JSON.stringify(await test.ok('rentals.get', { receiptNo: rental.receiptNo }, clerk.token))).not.toContain(checkCode);
    expect(JSON.stringify(await test.ok('rentals.list', { view: 'out', limit: 50 }, clerk.token))).not.toContain(`"${checkCode}"`);

    const stillOut = () => count(test, "SELECT count(*) AS n FROM rental WHERE status = 'out'");
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, condition: 'good' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { checkCode: { key: 'rentals.errors.checkCodeNeeded' } },
    });
    const wrong = checkCode === 'AAAA' ? 'BBBB' : 'AAAA';
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: wrong, condition: 'good' }, clerk.token)).toMatchObject({
      fields: { checkCode: { key: 'rentals.errors.checkCodeWrong', params: { receiptNo: rental.receiptNo } } },
    });
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: 'O0I1', condition: 'good' }, clerk.token)).toMatchObject({
      fields: { checkCode: { key: 'validation.checkCode' } },
    });
    // Nor by asking a manager to approve keeping money: that is for a receipt handed back too.
    expect(await test.fails('approvals.requestReturn', { receiptNo: rental.receiptNo, condition: 'damaged', keptFen: 100, reason: '划痕' }, clerk.token)).toMatchObject({
      fields: { checkCode: { key: 'rentals.errors.checkCodeNeeded' } },
    });
    expect(stillOut()).toBe(1);
    expect(count(test, "SELECT count(*) AS n FROM print_job WHERE kind = 'refund-slip'")).toBe(0);

    // The lost-receipt path needs no code, but a manager's approval.
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, condition: 'good', lostReceipt: true }, clerk.token)).toMatchObject({
      fields: { approval: { key: 'validation.approvalRequired' } },
    });
    // Typed from the paper in lower case, with spaces: accepted.
    const back = await test.ok('rentals.return', { receiptNo: rental.receiptNo, checkCode: ` ${checkCode.toLowerCase()} `, condition: 'good' }, clerk.token);
    expect(back.rental).toMatchObject({ status: 'returned', refundFen: 50_000, lostReceipt: false, approvedBy: null });
  });

  it('keeps part of the deposit for damage only with a reason and a manager’s approval, and sends the unit to repair', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const rental = await rentOne(park, 'wheelchair', 'WC-001');
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'damaged', keptFen: 20_000 }, clerk.token)).toMatchObject({
      fields: { reason: { key: 'validation.reasonRequired' }, approval: { key: 'validation.approvalRequired' } },
    });
    expect(
      await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'damaged', keptFen: 60_000, reason: '扶手断裂', approval: { staffId: adminId, pin: ADMIN.pin } }, clerk.token),
    ).toMatchObject({ code: 'VALIDATION', fields: { keptFen: { key: 'rentals.errors.keptOverDeposit', params: { deposit: '500.00' } } } });
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'good', keptFen: 100 }, clerk.token)).toMatchObject({
      fields: { keptFen: { key: 'validation.keepOnlyIfDamaged' } },
    });
    expect(count(test, "SELECT count(*) AS n FROM rental WHERE status = 'returned'")).toBe(0);

    const { rental: back } = await test.ok(
      'rentals.return',
      { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'damaged', keptFen: 20_000, reason: '扶手断裂', approval: { staffId: adminId, pin: ADMIN.pin } },
      clerk.token,
    );
    expect(back).toMatchObject({ refundFen: 30_000, keptFen: 20_000, keptReason: '扶手断裂', approvedBy: { id: adminId } });
    expect((await test.ok('rentals.units.lookup', { tag: 'WC-001' }, clerk.token)).state).toBe('repair');
    expect((await test.ok('rentals.repairs.list', { open: true }, clerk.token))[0]).toMatchObject({ unitTag: 'WC-001', fault: '扶手断裂', source: 'return' });
  });

  it('reprints a deposit receipt the visitor already holds only with a duty manager’s approval; before it printed, or once returned, freely', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const [a = 0, b = 0] = await addUnits(park, 'wheelchair', ['WC-001', 'WC-002']);
    for (const unitId of [a, b]) await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    const { rental, printJobId } = await test.ok('rentals.checkOut', visitor('WC-001'), clerk.token);
    const jobs = () => count(test, `SELECT COUNT(*) AS n FROM print_job WHERE kind = 'deposit-receipt' AND ref = '${rental.receiptNo}'`);

    // The receipt comes out of the printer (the preview printer, the embedded default).
    await test.core.printer?.runOnce();
    expect(count(test, `SELECT COUNT(*) AS n FROM print_job WHERE id = ${printJobId} AND status = 'printed'`)).toBe(1);

    // On paper: a clerk alone is refused with the reason, and nothing is queued.
    expect(await test.fails('printer.reprint', { jobId: printJobId }, clerk.token)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'printer.errors.voucherReprint',
      fields: { approval: { key: 'printer.errors.voucherReprint' } },
    });
    expect(jobs()).toBe(1);
    // A wrong PIN is refused and counted; a clerk's own PIN is no manager's.
    expect(await test.fails('printer.reprint', { jobId: printJobId, approval: { staffId: adminId, pin: '000000' } }, clerk.token)).toMatchObject({ fields: { 'approval.pin': { key: 'errors.wrongPin' } } });
    expect(auditRows(test, 'auth.failed')).toHaveLength(1);
    expect(await test.fails('printer.reprint', { jobId: printJobId, approval: { staffId: clerk.id, pin: '1357' } }, clerk.token)).toMatchObject({ fields: { 'approval.staffId': { key: 'errors.notManager' } } });
    expect(jobs()).toBe(1);

    // With the manager: the copy is queued, and the audit names who approved it.
    const copy = await test.ok('printer.reprint', { jobId: printJobId, approval: { staffId: adminId, pin: ADMIN.pin } }, clerk.token);
    expect(jobs()).toBe(2);
    expect(auditRows(test, 'printer.reprint').map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ of: printJobId, copy: 1, kind: 'deposit-receipt', ref: rental.receiptNo, approvedBy: adminId }]);
    // A copy of the copy is the same voucher: it needs the manager too.
    await test.core.printer?.runOnce();
    expect(await test.fails('printer.reprint', { jobId: copy.jobId }, clerk.token)).toMatchObject({ message: 'printer.errors.voucherReprint' });

    // Once the deposit is refunded the receipt refunds nothing: reprinting it is free again.
    await test.ok('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'good' }, clerk.token);
    await test.ok('printer.reprint', { jobId: printJobId }, clerk.token);
    expect(jobs()).toBe(3);

    // A receipt whose every copy failed never reached the visitor: reprinting it needs no one.
    const other = await test.ok('rentals.checkOut', visitor('WC-002'), clerk.token);
    test.core.db?.prepare("UPDATE print_job SET status = 'failed', attempts = 5 WHERE id = ?").run(other.printJobId);
    await test.ok('printer.reprint', { jobId: other.printJobId }, clerk.token);
  });

  it('refunds a visitor without the receipt, found by phone or ID number, with a manager’s approval', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const rental = await rentOne(park, 'umbrella', 'UM-001', { phone: '+852 9123 4567', identity: { idType: 'hkMacau', idNumber: 'H12345678' } });
    expect((await test.ok('rentals.find', { query: '+85291234567' }, clerk.token)).map((r) => r.receiptNo)).toEqual([rental.receiptNo]);
    expect((await test.ok('rentals.find', { query: 'h1234 5678' }, clerk.token)).map((r) => r.receiptNo)).toEqual([rental.receiptNo]);
    expect(await test.ok('rentals.find', { query: '13900000000' }, clerk.token)).toEqual([]);
    expect((await test.ok('rentals.find', { query: '4567 李游客' }, clerk.token)).map((r) => r.receiptNo)).toEqual([rental.receiptNo]);
    expect(await test.fails('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'good', lostReceipt: true }, clerk.token)).toMatchObject({
      fields: { approval: { key: 'validation.approvalRequired' } },
    });
    const { rental: back } = await test.ok(
      'rentals.return',
      { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'good', lostReceipt: true, approval: { staffId: adminId, pin: ADMIN.pin } },
      clerk.token,
    );
    expect(back).toMatchObject({ lostReceipt: true, refundFen: 5_000, approvedBy: { id: adminId } });
  });

  it('asks a manager for every damaged or missing return, even with nothing kept, and changes nothing without one', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const lost = await rentOne(park, 'umbrella', 'UM-001');
    const broken = await rentOne(park, 'wheelchair', 'WC-001');
    for (const [receiptNo, condition] of [[lost.receiptNo, 'missing'], [broken.receiptNo, 'damaged']] as const) {
      expect(await test.fails('rentals.return', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition, keptFen: 0, reason: '游客说明' }, clerk.token)).toMatchObject({
        code: 'VALIDATION',
        fields: { approval: { key: 'validation.approvalRequired' } },
      });
    }
    expect(count(test, "SELECT count(*) AS n FROM rental WHERE status = 'returned'")).toBe(0);
    expect((await test.ok('rentals.units.lookup', { tag: 'UM-001' }, clerk.token)).state).toBe('out');
    // No manager at the counter: the return waits for one instead.
    await test.ok('approvals.requestReturn', { receiptNo: lost.receiptNo, checkCode: checkCodeOf(test, lost.receiptNo), condition: 'missing', keptFen: 0, reason: '游客遗失' }, clerk.token);
    expect(await test.fails('approvals.requestReturn', { receiptNo: broken.receiptNo, checkCode: checkCodeOf(test, broken.receiptNo), condition: 'good' }, clerk.token)).toMatchObject({
      fields: { keptFen: { key: 'approvals.errors.nothingToApprove' } },
    });
    const { rental: back } = await test.ok(
      'rentals.return',
      { receiptNo: broken.receiptNo, checkCode: checkCodeOf(test, broken.receiptNo), condition: 'damaged', keptFen: 0, reason: '轮胎漏气', approval: { staffId: adminId, pin: ADMIN.pin } },
      clerk.token,
    );
    expect(back).toMatchObject({ condition: 'damaged', refundFen: 50_000, keptFen: 0, approvedBy: { id: adminId } });
  });

  it('finds a rental by a mainland phone with or without +86, or by the last 4 digits and the name', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const plain = await rentOne(park, 'umbrella', 'UM-001', { visitorName: 'Li Lei', phone: '138 1234 5678' });
    const prefixed = await rentOne(park, 'umbrella', 'UM-002', { visitorName: '王游客', phone: '+86 139-0000-1111' });
    const find = async (query: string) => (await test.ok('rentals.find', { query }, clerk.token)).map((r) => r.receiptNo);
    for (const query of ['13812345678', '+86 138 1234 5678', '0086-13812345678']) expect(await find(query), query).toEqual([plain.receiptNo]);
    for (const query of ['13900001111', '+8613900001111', '139 0000 1111']) expect(await find(query), query).toEqual([prefixed.receiptNo]);
    expect(await find('5678 Li Lei')).toEqual([plain.receiptNo]);
    expect(await find(plain.receiptNo.toLowerCase())).toEqual([plain.receiptNo]);
    expect(await find('li lei 5678')).toEqual([plain.receiptNo]);
    expect(await find('王游客1111')).toEqual([prefixed.receiptNo]);
    // Both parts must match: the digits alone, or another name, find nothing.
    expect(await find('5678')).toEqual([]);
    expect(await find('5678 王游客')).toEqual([]);
  });

  it('retires a unit the visitor lost and keeps the whole deposit', async () => {
    const park = await openPark();
    const { test, clerk, adminId } = park;
    const rental = await rentOne(park, 'stroller', 'ST-001');
    await test.ok(
      'rentals.return',
      { receiptNo: rental.receiptNo, checkCode: checkCodeOf(test, rental.receiptNo), condition: 'missing', keptFen: 30_000, reason: '游客遗失', approval: { staffId: adminId, pin: ADMIN.pin } },
      clerk.token,
    );
    expect((await test.ok('rentals.units.lookup', { tag: 'ST-001' }, clerk.token)).state).toBe('retired');
  });

  it('lists what is overdue after its due time, with the visitor’s phone', async () => {
    const park = await openPark();
    const { test } = park;
    const rental = await rentOne(park, 'wheelchair', 'WC-001', { dueAt: Date.parse('2026-11-29T04:00:00Z') });
    expect((await test.ok('rentals.list', { view: 'overdue' }, park.clerk.token)).rows).toEqual([]);
    await later(park, Date.parse('2026-11-29T04:00:01Z') - test.clock.now());
    const { clerk } = park;
    const overdue = await test.ok('rentals.list', { view: 'overdue' }, clerk.token);
    expect(overdue.rows.map((r) => [r.receiptNo, r.phone, r.overdue])).toEqual([[rental.receiptNo, '13812345678', true]]);
    expect((await test.ok('rentals.board', {}, clerk.token)).overdue).toBe(1);
    expect((await test.ok('rentals.list', { view: 'out', query: 'WC-0' }, clerk.token)).rows).toHaveLength(1);
    expect((await test.ok('rentals.list', { view: 'out', query: 'nobody' }, clerk.token)).rows).toHaveLength(0);
    // Out and overdue are read whole by due time: a page "before an id" would skip or repeat rentals, and is refused.
    expect(await test.fails('rentals.list', { view: 'out', beforeId: 1 }, clerk.token)).toMatchObject({ code: 'VALIDATION', fields: { beforeId: { key: 'rentals.errors.listNotPaged' } } });
    expect(await test.fails('rentals.list', { view: 'overdue', limit: 1001 }, clerk.token)).toMatchObject({ code: 'VALIDATION' });
    expect((await test.ok('rentals.list', { view: 'out', limit: 1000 }, clerk.token)).nextBeforeId).toBeNull();
  });
});

describe('the park clock', () => {
  it('announces rentals.changed when a due time, closing time or midnight passes, and the figures move with it', async () => {
    const park = await openPark();
    const { test } = park;
    for (const unitId of await addUnits(park, 'wheelchair', ['WC-001', 'WC-002'])) await test.ok('rentals.inspect', { unitId, result: 'ok' }, park.clerk.token);
    await test.ok('rentals.checkOut', visitor('WC-001', { dueAt: Date.parse('2026-11-29T04:00:00Z') }), park.clerk.token);
    expect((await test.ok('rentals.board', {}, park.clerk.token)).toInspect).toBe(0);
    const ticks: number[] = [];
    test.core.subscribe((event) => {
      if (event.name === 'rentals.changed') ticks.push(test.clock.now());
    });
    const tickAt = (iso: string) => {
      test.clock.set(Date.parse(iso));
      test.core.rentalsClock?.tick();
    };

    tickAt('2026-11-29T03:59:59Z'); // 11:59:59: nothing has changed by time alone
    expect(ticks).toEqual([]);
    tickAt('2026-11-29T04:00:01Z'); // the rental's due time has passed
    expect(ticks).toHaveLength(1);
    await later(park, 0);
    expect((await test.ok('rentals.board', {}, park.clerk.token)).overdue).toBe(1);

    tickAt('2026-11-29T09:59:00Z');
    tickAt('2026-11-29T10:00:00Z'); // 18:00, closing time
    expect(ticks).toHaveLength(2);
    tickAt('2026-11-29T15:00:00Z'); // 23:00: nothing
    expect(ticks).toHaveLength(2);
    tickAt('2026-11-29T16:00:30Z'); // 00:00:30 the next park day: every unit is to inspect again
    expect(ticks).toHaveLength(3);
    await later(park, 0);
    const board = await test.ok('rentals.board', {}, park.clerk.token);
    expect(board).toMatchObject({ parkDate: '2026-11-30', toInspect: 1 });
    tickAt('2026-11-30T01:00:00Z'); // 09:00, opening time
    expect(ticks).toHaveLength(4);
  });
});

describe('deposit cash', () => {
  it('adds up taken − refunded − kept = expected by payment method for the day', async () => {
    const park = await openPark();
    const { test, clerk, admin, adminId } = park;
    const units = await addUnits(park, 'wheelchair', ['WC-001', 'WC-002', 'WC-003']);
    for (const unitId of units) await test.ok('rentals.inspect', { unitId, result: 'ok' }, clerk.token);
    const a = (await test.ok('rentals.checkOut', visitor('WC-001', { payment: 'cash' }), clerk.token)).rental;
    const b = (await test.ok('rentals.checkOut', visitor('WC-002', { payment: 'cash' }), clerk.token)).rental;
    await test.ok('rentals.checkOut', visitor('WC-003', { payment: 'alipay' }), admin);
    await test.ok('rentals.return', { receiptNo: a.receiptNo, checkCode: checkCodeOf(test, a.receiptNo), condition: 'good' }, clerk.token);
    await test.ok(
      'rentals.return',
      { receiptNo: b.receiptNo, checkCode: checkCodeOf(test, b.receiptNo), condition: 'damaged', keptFen: 10_000, reason: '轮胎破损', approval: { staffId: adminId, pin: ADMIN.pin } },
      clerk.token,
    );
    const day = await test.ok('rentals.cash', {}, clerk.token);
    expect(day.rows.find((row) => row.payment === 'cash')).toEqual({
      payment: 'cash',
      takenFen: 100_000,
      refundedFen: 90_000,
      keptFen: 10_000,
      expectedFen: 0,
      rentals: 2,
      returns: 2,
    });
    expect(day.rows.find((row) => row.payment === 'alipay')).toMatchObject({ takenFen: 50_000, expectedFen: 50_000 });
    expect(day.totals).toMatchObject({ takenFen: 150_000, refundedFen: 90_000, keptFen: 10_000, expectedFen: 50_000 });
    expect(day).toMatchObject({ heldFen: 50_000, heldCount: 1 });
    // The figure agrees with the records.
    expect(count(test, "SELECT sum(deposit_fen) AS n FROM rental WHERE status = 'out'")).toBe(day.heldFen);
  });
});

describe('drawer shifts', () => {
  const counts = (counted: Partial<Record<'cash' | 'wechat' | 'alipay' | 'card', number>>, reasons: Partial<Record<string, string>> = {}) =>
    (['cash', 'wechat', 'alipay', 'card'] as const).map((payment) => ({ payment, countedFen: counted[payment] ?? 0, reason: reasons[payment] ?? '' }));

  it('is opened at the counter, shared by the clerks working the drawer across sign-outs, and closed with a count by payment method', async () => {
    const park = await openPark();
    const { test } = park;
    const units = await addUnits(park, 'wheelchair', ['WC-001', 'WC-002', 'WC-003']);
    for (const unitId of units) await test.ok('rentals.inspect', { unitId, result: 'ok' }, park.clerk.token);
    expect(await test.ok('rentals.shifts.current', {}, park.clerk.token)).toEqual({ shift: null });

    const opened = await test.ok('rentals.shifts.open', {}, park.clerk.token);
    expect(opened).toMatchObject({ openedAt: MORNING, openedBy: { id: park.clerk.id, name: '张柜台' }, closedAt: null, totals: { expectedFen: 0, countedFen: null } });
    expect(await test.fails('rentals.shifts.open', {}, park.admin)).toMatchObject({ code: 'CONFLICT', message: 'rentals.shifts.errors.alreadyOpen', params: { name: '张柜台' } });
    expect(count(test, 'SELECT count(*) AS n FROM cash_shift')).toBe(1);

    // Two clerks on the one drawer; the first is signed out by the idle timer in between.
    const second = await addStaff(test, park.admin, { code: 'C02', name: '李柜台', role: 'counter', pin: '2468' });
    const a = (await test.ok('rentals.checkOut', visitor('WC-001', { payment: 'cash' }), park.clerk.token)).rental;
    await test.ok('rentals.checkOut', visitor('WC-002', { payment: 'alipay' }), second.token);
    await later(park, 2 * HOUR);
    second.token = (await test.ok('auth.signIn', { staffId: second.id, pin: '2468' })).token;
    await test.ok('rentals.return', { receiptNo: a.receiptNo, checkCode: checkCodeOf(test, a.receiptNo), condition: 'good' }, park.clerk.token);
    const current = (await test.ok('rentals.shifts.current', {}, park.clerk.token)).shift;
    expect(current?.id).toBe(opened.id);
    expect(current?.staff.map((person) => person.name).sort()).toEqual(['张柜台', '李柜台'].sort());
    expect(current?.rows.find((row) => row.payment === 'cash')).toMatchObject({ takenFen: 50_000, refundedFen: 50_000, keptFen: 0, expectedFen: 0, rentals: 1, returns: 1 });
    expect(current?.totals).toMatchObject({ takenFen: 100_000, refundedFen: 50_000, expectedFen: 50_000 });

    // A count that differs needs a reason; refused, the shift stays open and nothing is counted.
    const short = await test.fails('rentals.shifts.close', { shiftId: opened.id, counts: counts({ alipay: 40_000 }) }, park.clerk.token);
    expect(short).toMatchObject({ code: 'VALIDATION', fields: { 'counts.2.reason': { key: 'rentals.shifts.errors.differenceReason', params: { difference: '-100.00' } } } });
    expect(await test.fails('rentals.shifts.close', { shiftId: opened.id, counts: counts({}).reverse() }, park.clerk.token)).toMatchObject({ code: 'VALIDATION' });
    expect(count(test, 'SELECT count(*) AS n FROM cash_shift_count')).toBe(0);
    expect((await test.ok('rentals.shifts.current', {}, park.clerk.token)).shift?.closedAt).toBeNull();

    const closed = await test.ok('rentals.shifts.close', { shiftId: opened.id, counts: counts({ alipay: 40_000 }, { alipay: '一笔退款走了现金' }) }, second.token);
    expect(closed).toMatchObject({ closedAt: test.clock.now(), closedBy: { id: second.id }, totals: { expectedFen: 50_000, countedFen: 40_000, differenceFen: -10_000 } });
    expect(closed.rows.find((row) => row.payment === 'alipay')).toMatchObject({ expectedFen: 50_000, countedFen: 40_000, differenceFen: -10_000, reason: '一笔退款走了现金' });
    expect(await test.fails('rentals.shifts.close', { shiftId: opened.id, counts: counts({}) }, park.clerk.token)).toMatchObject({ code: 'CONFLICT' });
    expect(auditRows(test, 'rentals.shiftClose')).toHaveLength(1);

    // The next shift starts from nothing; the past one keeps its figures and count.
    test.clock.advance(MINUTE);
    const next = await test.ok('rentals.shifts.open', {}, second.token);
    await test.ok('rentals.checkOut', visitor('WC-003', { payment: 'card' }), second.token);
    expect((await test.ok('rentals.shifts.current', {}, second.token)).shift?.totals).toMatchObject({ takenFen: 50_000, rentals: 1 });
    const list = await test.ok('rentals.shifts.list', {}, second.token);
    expect(list.rows.map((shift) => shift.id)).toEqual([next.id, opened.id]);
    expect(list.rows[1]).toEqual(closed);
  });
});
