import { describe, expect, it } from 'vitest';
import { MINUTE } from '@shared/rules/time';
import type { Input } from '@shared/contract';
import { ADMIN, addStaff, auditRows, makeCore, setUpPark, type TestCore, checkCodeOf } from '../support/core';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
}

async function openPark(): Promise<Park> {
  const test = makeCore();
  const admin = await setUpPark(test);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  return { test, admin, adminId, clerk };
}

async function rentWheelchair(park: Park, tag: string): Promise<string> {
  const board = await park.test.ok('rentals.board', {}, park.admin);
  const unit = await park.test.ok('rentals.units.add', { typeId: board.types.find((type) => type.code === 'wheelchair')?.id ?? 0, tag }, park.admin);
  await park.test.ok('rentals.inspect', { unitId: unit.id, result: 'ok' }, park.clerk.token);
  const { rental } = await park.test.ok(
    'rentals.checkOut',
    { unitTag: tag, visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment: 'cash' },
    park.clerk.token,
  );
  return rental.receiptNo;
}

function complaint(ref: string, extra: Partial<Input<'complaints.create'>> = {}): Input<'complaints.create'> {
  return {
    clientRef: ref,
    channel: 'walkIn',
    complainantName: '赵先生',
    place: '过山车',
    happenedAt: Date.parse('2026-11-29T01:30:00Z'),
    category: 'rides',
    description: '排队两小时后设备停运',
    ...extra,
  };
}

describe('returns that wait for a manager', () => {
  it('keeps deposit money only once a manager approves with their PIN; the counter’s return then completes and prints', async () => {
    const park = await openPark();
    const { test, admin, adminId, clerk } = park;
    const receiptNo = await rentWheelchair(park, 'WC-001');
    test.clock.advance(5 * MINUTE);

    expect(await test.fails('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'good' }, clerk.token)).toMatchObject({
      fields: { keptFen: { key: 'approvals.errors.nothingToApprove' } },
    });
    expect(await test.fails('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 20_000 }, clerk.token)).toMatchObject({
      fields: { reason: { key: 'validation.reasonRequired' } },
    });
    const asked = await test.ok('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 20_000, reason: '扶手断裂' }, clerk.token);
    expect(asked).toMatchObject({
      kind: 'keptDeposit',
      status: 'pending',
      requestedBy: { id: clerk.id },
      rental: { receiptNo, unitTag: 'WC-001', depositFen: 50_000, keptFen: 20_000, condition: 'damaged', reason: '扶手断裂' },
    });
    expect(await test.fails('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 10_000, reason: '扶手断裂' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { receiptNo: { key: 'approvals.errors.alreadyPending' } },
    });
    expect(await test.ok('rentals.get', { receiptNo }, clerk.token)).toMatchObject({ status: 'out', awaitingApproval: true });
    // While it waits, the counter cannot settle it another way (a full refund, or with a PIN typed there): nothing changes.
    const jobsBefore = test.core.db?.prepare('SELECT count(*) AS n FROM print_job').get();
    expect(await test.fails('rentals.return', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'good', keptFen: 0 }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { receiptNo: { key: 'rentals.errors.awaitingApproval', params: { receiptNo } } },
    });
    expect(
      await test.fails('rentals.return', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 10_000, reason: '扶手断裂', approval: { staffId: adminId, pin: ADMIN.pin } }, clerk.token),
    ).toMatchObject({ code: 'CONFLICT', fields: { receiptNo: { key: 'rentals.errors.awaitingApproval' } } });
    expect(await test.ok('rentals.get', { receiptNo }, clerk.token)).toMatchObject({ status: 'out', refundFen: null, awaitingApproval: true });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM print_job').get()).toEqual(jobsBefore);
    // The counter's list marks it: the return waits for a manager.
    const outList = await test.ok('rentals.list', { view: 'out' }, clerk.token);
    expect(outList.rows.find((r) => r.receiptNo === receiptNo)?.awaitingApproval).toBe(true);
    expect(await test.ok('approvals.list', {}, clerk.token)).toMatchObject({ pending: 1, rows: [{ id: asked.id }] });

    // The counter cannot decide; a wrong PIN changes nothing; no reason, no decision.
    expect(await test.fails('approvals.decide', { id: asked.id, decision: 'approve', reason: '属实', pin: '1357' }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('approvals.decide', { id: asked.id, decision: 'approve', reason: '属实', pin: '000000' }, admin)).toMatchObject({
      code: 'UNAUTHENTICATED',
      fields: { pin: { key: 'errors.wrongPin' } },
    });
    expect(await test.fails('approvals.decide', { id: asked.id, decision: 'approve', reason: '', pin: ADMIN.pin }, admin)).toMatchObject({ code: 'VALIDATION' });
    expect((await test.ok('rentals.get', { receiptNo }, clerk.token)).status).toBe('out');

    const decided = await test.ok('approvals.decide', { id: asked.id, decision: 'approve', reason: '扶手断裂属实，照片存档', pin: ADMIN.pin }, admin);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: { id: adminId }, decisionReason: '扶手断裂属实，照片存档' });
    const rental = await test.ok('rentals.get', { receiptNo }, clerk.token);
    expect(rental).toMatchObject({ status: 'returned', condition: 'damaged', refundFen: 30_000, keptFen: 20_000, returnedBy: { id: clerk.id }, awaitingApproval: false });
    const row = test.core.db?.prepare<[string], { approved_by: number; slip_job: number }>('SELECT approved_by, slip_job FROM rental WHERE receipt_no = ?').get(receiptNo);
    expect(row?.approved_by).toBe(adminId);
    expect(test.core.db?.prepare('SELECT kind FROM print_job WHERE id = ?').get(row?.slip_job)).toEqual({ kind: 'refund-slip' });
    expect(JSON.parse(auditRows(test, 'approvals.approve')[0]?.detail ?? '{}')).toEqual({ kind: 'keptDeposit', reason: '扶手断裂属实，照片存档' });
    expect(auditRows(test, 'rentals.return')).toHaveLength(1);

    expect(await test.fails('approvals.decide', { id: asked.id, decision: 'refuse', reason: '重复', pin: ADMIN.pin }, admin)).toMatchObject({
      code: 'CONFLICT',
      fields: { id: { key: 'approvals.errors.decided' } },
    });
    expect(await test.ok('approvals.list', {}, admin)).toMatchObject({ pending: 0, rows: [] });
    expect((await test.ok('approvals.list', { view: 'decided' }, clerk.token)).rows.map((r) => r.status)).toEqual(['approved']);
  });

  it('a refused request leaves the rental out for the counter to settle another way', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const receiptNo = await rentWheelchair(park, 'WC-002');
    const asked = await test.ok('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'good', lostReceipt: true }, clerk.token);
    expect(asked.kind).toBe('lostReceiptRefund');
    const refused = await test.ok('approvals.decide', { id: asked.id, decision: 'refuse', reason: '身份证与登记不符', pin: ADMIN.pin }, admin);
    expect(refused).toMatchObject({ status: 'refused', decisionReason: '身份证与登记不符' });
    expect((await test.ok('rentals.get', { receiptNo }, clerk.token)).status).toBe('out');
    expect(auditRows(test, 'approvals.refuse')).toHaveLength(1);
    await test.ok('rentals.return', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'good' }, clerk.token);
  });
  it('names a return damaged or missing with nothing kept and the receipt there for what it is', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const receiptNo = await rentWheelchair(park, 'WC-002');
    const asked = await test.ok('approvals.requestReturn', { receiptNo, checkCode: checkCodeOf(test, receiptNo), condition: 'damaged', keptFen: 0, reason: '轮子松动，游客不知情，免于扣款', lostReceipt: false }, clerk.token);
    expect(asked).toMatchObject({ kind: 'damagedReturn', rental: { condition: 'damaged', keptFen: 0, lostReceipt: false } });
    const approved = await test.ok('approvals.decide', { id: asked.id, decision: 'approve', reason: '确认免于扣款', pin: ADMIN.pin }, admin);
    expect(approved.status).toBe('approved');
    expect(await test.ok('rentals.get', { receiptNo }, clerk.token)).toMatchObject({ status: 'returned', condition: 'damaged', keptFen: 0 });
  });
});

describe('complaints escalated to the duty manager', () => {
  it('wait on the duty manager, who takes them on or sends them back with a reason', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const single = await test.ok('complaints.create', complaint('complaint-approval-1'), clerk.token);
    expect((await test.ok('approvals.list', {}, admin)).pending).toBe(0);
    await test.ok('complaints.escalate', { id: single.id, to: 'dutyManager', reason: '游客要求经理出面' }, clerk.token);
    const group = await test.ok('complaints.create', complaint('complaint-approval-2', { group: true, groupSize: 12, representative: '钱领队' }), clerk.token);

    const waiting = await test.ok('approvals.list', {}, admin);
    expect(waiting.pending).toBe(2);
    expect(waiting.rows.map((row) => [row.kind, row.complaint?.complaintNo, row.complaint?.group, row.complaint?.reason])).toEqual([
      ['escalation', single.complaintNo, false, '游客要求经理出面'],
      ['escalation', group.complaintNo, true, 'group:12'],
    ]);

    const [first, second] = waiting.rows;
    await test.ok('approvals.decide', { id: first?.id ?? 0, decision: 'approve', reason: '我来处理', pin: ADMIN.pin }, admin);
    const taken = await test.ok('complaints.get', { id: single.id }, clerk.token);
    expect(taken.level).toBe('dutyManager');
    expect(taken.steps.at(-1)).toMatchObject({ step: 'accepted', note: '我来处理' });

    await test.ok('approvals.decide', { id: second?.id ?? 0, decision: 'refuse', reason: '一线可处理，已安排领班', pin: ADMIN.pin }, admin);
    const back = await test.ok('complaints.get', { id: group.id }, clerk.token);
    expect(back.level).toBe('frontline');
    expect(back.steps.at(-1)).toMatchObject({ step: 'returned', level: 'frontline', note: '一线可处理，已安排领班' });

    // Escalated again and then on to leadership: it no longer waits on the duty manager.
    await test.ok('complaints.escalate', { id: group.id, to: 'dutyManager', reason: '领班处理不了' }, clerk.token);
    expect((await test.ok('approvals.list', {}, admin)).pending).toBe(1);
    await test.ok('complaints.escalate', { id: group.id, to: 'leadership', reason: '涉及赔偿，需公司决定' }, admin);
    expect((await test.ok('approvals.list', {}, admin)).pending).toBe(0);
  });
});
