import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input, LiveEvent } from '@shared/contract';
import { MINUTE } from '@shared/rules/time';
import { addStaff, auditRows, MORNING, makeCore, setUpPark, type TestCore } from '../support/core';
import { pdfText } from '../support/pdf';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
  colleague: { id: number; token: string };
  operator: { id: number; token: string };
  retired: { id: number; name: string };
  events: LiveEvent[];
}

async function openPark(): Promise<Park> {
  const test = makeCore();
  const admin = await setUpPark(test);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  // The clock crosses 30 minutes in these tests: sessions must outlast the idle sign-out.
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const colleague = await addStaff(test, admin, { code: 'C02', name: '李柜台', role: 'counter', pin: '2468' });
  const operator = await addStaff(test, admin, { code: 'B01', name: '王广播', role: 'broadcast', pin: '9753' });
  const gone = await test.ok('staff.create', { code: 'C09', name: '赵离职', role: 'counter', pin: '8642' }, admin);
  await test.ok('staff.update', { id: gone.id, active: false }, admin);
  const events: LiveEvent[] = [];
  test.core.subscribe((event) => events.push(event));
  return { test, admin, adminId, clerk, colleague, operator, retired: { id: gone.id, name: gone.name }, events };
}

function injury(extra: Partial<Input<'incidents.report'>> = {}): Input<'incidents.report'> {
  return {
    reporterName: '李先生',
    reporterPhone: '138 1234 5678',
    reporterAddress: '上海市浦东新区世纪大道 100 号',
    nature: 'injury',
    location: '波浪池东侧台阶',
    description: '游客在台阶滑倒，左膝流血。',
    ...extra,
  };
}

function count(test: TestCore, table: string): number {
  return test.core.db?.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1;
}

const CHILD_TABLES = [
  'incident',
  'incident_notification',
  'incident_party_skip',
  'incident_staff_sent',
  'incident_statement',
  'incident_action',
  'incident_casualty',
  'incident_follow_up',
  'incident_superior',
  'incident_hand_over',
  'incident_transition',
];

/** Every incident table's row count and the audit log's: what a refusal must leave unchanged. */
function snapshot(test: TestCore): Record<string, number> {
  return Object.fromEntries([...CHILD_TABLES, 'audit_log'].map((table) => [table, count(test, table)]));
}

describe('the report', () => {
  it('is recorded at once, owned by the staff member who received it, with the 30-minute clock started', async () => {
    const { test, clerk, events } = await openPark();
    const incident = await test.ok('incidents.report', injury(), clerk.token);
    expect(incident).toMatchObject({
      refNo: 'I20261129-01',
      nature: 'injury',
      location: '波浪池东侧台阶',
      reporterName: '李先生',
      reporterPhone: '13812345678',
      reporterAddress: '上海市浦东新区世纪大道 100 号',
      description: '游客在台阶滑倒，左膝流血。',
      occurredAt: MORNING,
      receivedAt: MORNING,
      receivedBy: { id: clerk.id, name: '张柜台' },
      owner: { id: clerk.id, name: '张柜台' },
      status: 'open',
      notifyDeadline: MORNING + 30 * MINUTE,
      notifiedAt: null,
      noticeDoneAt: null,
      toNotify: ['dutyManager', 'medical'],
      notice: 'pending',
      notifications: 0,
    });
    expect(incident.timeline).toEqual([expect.objectContaining({ kind: 'reported', at: MORNING, by: '张柜台', subject: '李先生' })]);
    expect(auditRows(test, 'incidents.report')).toEqual([
      expect.objectContaining({ staff_id: clerk.id, entity_id: 'I20261129-01', detail: expect.stringContaining('"nature":"injury"') }),
    ]);
    expect(events.filter((event) => event.name === 'incidents.changed').map((event) => event.payload)).toEqual([{ incidentId: incident.id }]);

    // When it happened may be earlier than the report; only a phone, or only an address, is contact enough.
    test.clock.advance(MINUTE);
    const second = await test.ok(
      'incidents.report',
      injury({ nature: 'fight', reporterPhone: '', reporterAddress: '售票处保安亭', occurredAt: MORNING - 5 * MINUTE }),
      clerk.token,
    );
    expect(second).toMatchObject({ refNo: 'I20261129-02', occurredAt: MORNING - 5 * MINUTE, receivedAt: MORNING + MINUTE, reporterPhone: null });
    const third = await test.ok('incidents.report', injury({ reporterAddress: '' }), clerk.token);
    expect(third).toMatchObject({ refNo: 'I20261129-03', reporterAddress: null });
  });

  it('is refused without a reporter contact, a location, a valid phone or a believable time, and nothing is written', async () => {
    const { test, clerk, operator } = await openPark();
    const before = snapshot(test);
    expect(await test.fails('incidents.report', injury({ reporterPhone: '', reporterAddress: '  ' }), clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { reporterPhone: { key: 'incidents.validation.contact' } },
    });
    expect(await test.fails('incidents.report', { ...injury(), location: '' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { location: { key: 'incidents.validation.location' } },
    });
    const { location: _missing, ...noLocation } = injury();
    expect(await test.fails('incidents.report', noLocation, clerk.token)).toMatchObject({ fields: { location: { key: 'incidents.validation.location' } } });
    expect(await test.fails('incidents.report', injury({ reporterName: ' ' }), clerk.token)).toMatchObject({ fields: { reporterName: { key: 'incidents.validation.reporterName' } } });
    expect(await test.fails('incidents.report', injury({ reporterPhone: '12345' }), clerk.token)).toMatchObject({ fields: { reporterPhone: { key: 'validation.phone' } } });
    expect(await test.fails('incidents.report', injury({ nature: 'other', description: '' }), clerk.token)).toMatchObject({
      fields: { description: { key: 'incidents.validation.describeOther' } },
    });
    expect(await test.fails('incidents.report', injury({ occurredAt: MORNING + 10 * MINUTE }), clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { occurredAt: { key: 'incidents.errors.occurredFuture' } },
    });
    expect(await test.fails('incidents.report', injury(), operator.token)).toMatchObject({ code: 'FORBIDDEN' });
    const after = snapshot(test);
    // The refused broadcast call is audited as a refusal; nothing else changed.
    expect({ ...after, audit_log: (after.audit_log ?? 0) - 1 }).toEqual(before);
    expect(auditRows(test, 'access.denied')).toHaveLength(1);
  });
});

describe('the 30-minute notification clock', () => {
  it('turns amber, then red; a late notification is flagged and stays flagged; one in time is not', async () => {
    const { test, clerk, admin } = await openPark();
    const late = await test.ok('incidents.report', injury(), clerk.token);
    test.clock.advance(5 * MINUTE);
    const prompt = await test.ok('incidents.report', injury({ nature: 'illness', location: '餐厅' }), clerk.token);

    test.clock.advance(16 * MINUTE); // 21 min after the first report: amber (last 10 minutes), still pending
    let board = await test.ok('incidents.open', {}, admin);
    expect(board.incidents.map((i) => [i.refNo, i.notice])).toEqual([
      ['I20261129-01', 'pending'],
      ['I20261129-02', 'pending'],
    ]);
    expect(board.counts).toMatchObject({ active: 2, open: 2, pending: 2, overdue: 0, notifiedLate: 0 });

    // The medic alone does not stop the clock of an illness: the duty manager is told of every incident.
    const medic = await test.ok('incidents.notify', { incidentId: prompt.id, party: 'medical', channel: 'radio' }, clerk.token);
    expect(medic).toMatchObject({ notice: 'pending', noticeDoneAt: null, toNotify: ['dutyManager'], notifiedAt: MORNING + 21 * MINUTE });
    const told = await test.ok('incidents.notify', { incidentId: prompt.id, party: 'dutyManager', channel: 'phone' }, clerk.token);
    expect(told).toMatchObject({ notice: 'inTime', noticeDoneAt: MORNING + 21 * MINUTE, toNotify: [] });
    test.clock.advance(10 * MINUTE); // 31 min: the first is past its 30 minutes
    board = await test.ok('incidents.open', {}, admin);
    expect(board.incidents.map((i) => [i.refNo, i.notice])).toEqual([
      ['I20261129-01', 'overdue'],
      ['I20261129-02', 'inTime'],
    ]);
    expect(board.counts).toMatchObject({ pending: 0, overdue: 1, notifiedLate: 0 });

    const notified = await test.ok('incidents.notify', { incidentId: late.id, party: 'dutyManager', channel: 'phone', personName: '王经理' }, clerk.token);
    expect(notified).toMatchObject({ notice: 'overdue', notifiedAt: MORNING + 31 * MINUTE, noticeDoneAt: null, toNotify: ['medical'], notifications: 1 });
    expect(JSON.parse(auditRows(test, 'incidents.notify').at(-1)?.detail ?? '{}')).toEqual({ party: 'dutyManager', channel: 'phone', personName: '王经理', first: true });

    // Security is not what an injury calls for: the clock runs on until the medic is told, late.
    test.clock.advance(4 * MINUTE);
    await test.ok('incidents.notify', { incidentId: late.id, party: 'security', channel: 'inPerson' }, clerk.token);
    expect(await test.ok('incidents.get', { id: late.id }, clerk.token)).toMatchObject({ notice: 'overdue', toNotify: ['medical'] });
    test.clock.advance(MINUTE);
    const done = await test.ok('incidents.notify', { incidentId: late.id, party: 'medical', channel: 'radio' }, clerk.token);
    expect(done).toMatchObject({ notice: 'late', noticeDoneAt: MORNING + 36 * MINUTE, toNotify: [], notifications: 3 });
    expect(JSON.parse(auditRows(test, 'incidents.notify').at(-1)?.detail ?? '{}')).toEqual({ party: 'medical', channel: 'radio', done: true, late: true });

    // More notifications later move nothing; the flag stays however far the clock goes.
    test.clock.advance(3 * 60 * MINUTE);
    await test.ok('incidents.notify', { incidentId: late.id, party: 'medical', channel: 'phone' }, clerk.token);
    const again = await test.ok('incidents.get', { id: late.id }, clerk.token);
    expect(again).toMatchObject({ notice: 'late', notifiedAt: MORNING + 31 * MINUTE, noticeDoneAt: MORNING + 36 * MINUTE, notifications: 4 });
    expect(() => test.core.db?.prepare('UPDATE incident SET notified_at = ? WHERE id = ?').run(MORNING, late.id)).toThrow(/never changed/);
    expect(() => test.core.db?.prepare('UPDATE incident SET notice_done_at = ? WHERE id = ?').run(MORNING, late.id)).toThrow(/never changed/);
    expect(() => test.core.db?.prepare('DELETE FROM incident_notification').run()).toThrow(/append-only/);

    board = await test.ok('incidents.open', {}, admin);
    expect(board.counts).toMatchObject({ active: 2, notifiedLate: 1, overdue: 0 });
    expect(board.day).toEqual({ reported: 2, closed: 0, notifiedInTime: 1, notifiedLate: 1, notNotified: 0 });
    const lateOnes = await test.ok('incidents.list', { status: 'all' }, admin);
    expect(lateOnes.rows.find((row) => row.id === late.id)?.notice).toBe('late');
  });
});

describe('an injury, from the report to the closed file', () => {
  it('records notifications, staff at the scene, statements, the hospital escort, follow-up and superiors; handled, then closed, with a timeline and audit rows', async () => {
    const { test, clerk, colleague, admin, events } = await openPark();
    const { id } = await test.ok('incidents.report', injury(), clerk.token);
    test.clock.advance(2 * MINUTE);
    await test.ok('incidents.notify', { incidentId: id, party: 'dutyManager', channel: 'radio' }, clerk.token);
    await test.ok('incidents.notify', { incidentId: id, party: 'medical', channel: 'phone', personName: '周医生' }, clerk.token);
    test.clock.advance(MINUTE);
    await test.ok('incidents.sendStaff', { incidentId: id, name: '陈保安' }, clerk.token);
    test.clock.advance(4 * MINUTE);
    await test.ok('incidents.statement', { incidentId: id, personName: '李先生', role: 'involved', text: '下台阶时脚下一滑，膝盖磕在台阶边上。' }, clerk.token);
    await test.ok(
      'incidents.statement',
      { incidentId: id, personName: '孙女士', role: 'witness', contact: '139 0000 1111', text: '看到他滑倒，台阶上有积水。' },
      clerk.token,
    );
    await test.ok('incidents.action', { incidentId: id, text: '台阶积水已清理，放置“小心地滑”警示牌。' }, clerk.token);
    const leftAt = test.clock.now();
    let detail = await test.ok(
      'incidents.casualty',
      {
        incidentId: id,
        name: '李先生',
        injury: '左膝擦伤出血，约 3 厘米',
        firstAid: '医务室清创、包扎',
        toHospital: true,
        hospital: '浦东人民医院',
        escortStaffId: colleague.id,
        leftAt,
      },
      clerk.token,
    );
    const casualtyId = detail.casualties[0]?.id ?? 0;
    expect(detail.casualties[0]).toMatchObject({ toHospital: true, hospital: '浦东人民医院', escort: { id: colleague.id, name: '李柜台' }, leftAt, arrivedAt: null });
    expect(detail).toMatchObject({ injured: true, toHospital: true });

    // The escort phones in: arrived, then back; the times are completed on the same record.
    test.clock.advance(25 * MINUTE);
    const arrivedAt = test.clock.now() - 3 * MINUTE;
    test.clock.advance(90 * MINUTE);
    const returnedAt = test.clock.now();
    detail = await test.ok(
      'incidents.casualty',
      {
        incidentId: id,
        casualtyId,
        name: '李先生',
        injury: '左膝擦伤出血，约 3 厘米',
        firstAid: '医务室清创、包扎',
        toHospital: true,
        hospital: '浦东人民医院',
        escortStaffId: colleague.id,
        leftAt,
        arrivedAt,
        returnedAt,
      },
      colleague.token,
    );
    expect(detail.casualties).toHaveLength(1);
    expect(detail.casualties[0]).toMatchObject({ arrivedAt, returnedAt });
    await test.ok('incidents.superior', { incidentId: id, name: '刘总监', note: '电话报告' }, clerk.token);
    test.clock.advance(60 * MINUTE);
    await test.ok('incidents.followUp', { incidentId: id, note: '游客伤口已缝合，情绪稳定，表示感谢。' }, clerk.token);

    // Handled needs an outcome; then closed.
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'handled' }, clerk.token)).toMatchObject({
      fields: { note: { key: 'incidents.validation.outcome' } },
    });
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '已送医处理，台阶已整改。' }, clerk.token);
    test.clock.advance(MINUTE);
    const closed = await test.ok('incidents.setStatus', { incidentId: id, status: 'closed' }, admin);
    expect(closed).toMatchObject({ status: 'closed', closedAt: test.clock.now(), notice: 'inTime' });
    expect(closed.handledAt).toBe(test.clock.now() - MINUTE);
    expect(closed.transitions.map((t) => [t.from, t.to, t.by.name])).toEqual([
      ['open', 'handled', '张柜台'],
      ['handled', 'closed', '王经理'],
    ]);
    expect(closed.timeline.map((entry) => entry.kind)).toEqual([
      'reported',
      'notified',
      'notified',
      'staffSent',
      'statement',
      'statement',
      'action',
      'casualty',
      'hospitalLeft',
      'hospitalArrived',
      'hospitalReturned',
      'superior',
      'followUp',
      'status',
      'status',
    ]);
    const times = closed.timeline.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(closed.timeline.find((entry) => entry.kind === 'hospitalArrived')).toMatchObject({ at: arrivedAt, subject: '浦东人民医院', by: '李柜台' });

    // Every write is audited once, under the incident's reference.
    for (const [action, n] of [
      ['incidents.report', 1],
      ['incidents.notify', 2],
      ['incidents.sendStaff', 1],
      ['incidents.statement', 2],
      ['incidents.action', 1],
      ['incidents.casualty', 2],
      ['incidents.superior', 1],
      ['incidents.followUp', 1],
      ['incidents.status', 2],
    ] as const) {
      const rows = auditRows(test, action);
      expect(rows, action).toHaveLength(n);
      for (const row of rows) expect(row.entity_id, action).toBe('I20261129-01');
    }
    // Statements' words stay out of the audit log.
    expect(auditRows(test, 'incidents.statement').map((row) => row.detail).join()).not.toContain('积水');
    expect(events.filter((event) => event.name === 'incidents.changed')).toHaveLength(13);

    // A closed incident takes nothing more, and the refusal changes nothing.
    const before = snapshot(test);
    expect(await test.fails('incidents.notify', { incidentId: id, party: 'security', channel: 'radio' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      message: 'incidents.errors.closed',
      params: { refNo: 'I20261129-01' },
    });
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'open', note: '再看看' }, admin)).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot(test)).toEqual(before);
  });

  it('refuses to close without a recorded notification, or before it is handled, and changes nothing', async () => {
    const { test, clerk } = await openPark();
    const { id } = await test.ok('incidents.report', injury({ nature: 'rideStoppage', location: '过山车' }), clerk.token);
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '设备已恢复运行' }, clerk.token);
    const before = snapshot(test);
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).toEqual({
      code: 'CONFLICT',
      message: 'incidents.errors.closeNotNotified',
    });
    expect(snapshot(test)).toEqual(before);
    expect((await test.ok('incidents.get', { id }, clerk.token)).status).toBe('handled');
    // The database refuses it too.
    expect(() => test.core.db?.prepare("UPDATE incident SET status = 'closed', closed_at = 1 WHERE id = ?").run(id)).toThrow(/CHECK constraint failed/);

    // Reopened, notified, then closing straight from open is refused until it is handled again.
    await test.ok('incidents.setStatus', { incidentId: id, status: 'open', note: '乘客投诉未处理完' }, clerk.token);
    await test.ok('incidents.notify', { incidentId: id, party: 'department', channel: 'phone', personName: '游乐设备部' }, clerk.token);
    // The department alone is not enough: the duty manager is told of every incident.
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).toMatchObject({ message: 'incidents.errors.closeNotNotified' });
    await test.ok('incidents.notify', { incidentId: id, party: 'dutyManager', channel: 'phone' }, clerk.token);
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).toMatchObject({ message: 'incidents.errors.closeNotHandled' });
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'open', note: '又一次' }, clerk.token)).toMatchObject({
      fields: { status: { key: 'incidents.errors.moveNotAllowed' } },
    });
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '已向乘客解释并致歉' }, clerk.token);
    expect((await test.ok('incidents.setStatus', { incidentId: id, status: 'closed', note: '结案' }, clerk.token)).status).toBe('closed');
  });
});

describe('an injured visitor taken to hospital', () => {
  it('cannot be closed until a superior informed is recorded, and the refusal changes nothing', async () => {
    const { test, clerk, colleague } = await openPark();
    const { id } = await test.ok('incidents.report', injury(), clerk.token);
    await test.ok('incidents.notify', { incidentId: id, party: 'medical', channel: 'phone', personName: '周医生' }, clerk.token);
    await test.ok('incidents.notify', { incidentId: id, party: 'dutyManager', channel: 'radio' }, clerk.token);
    await test.ok(
      'incidents.casualty',
      { incidentId: id, name: '李先生', injury: '左腕扭伤', firstAid: '冰敷固定', toHospital: true, hospital: '浦东人民医院', escortStaffId: colleague.id, leftAt: test.clock.now() },
      clerk.token,
    );
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '已送医' }, clerk.token);
    const before = snapshot(test);
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).toEqual({ code: 'CONFLICT', message: 'incidents.errors.closeNoSuperior' });
    expect(snapshot(test)).toEqual(before);
    expect((await test.ok('incidents.get', { id }, clerk.token)).status).toBe('handled');

    await test.ok('incidents.superior', { incidentId: id, name: '刘总监', note: '电话报告' }, clerk.token);
    expect((await test.ok('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).status).toBe('closed');
  });
});

describe('the parties an incident calls for', () => {
  it('may skip one but the duty manager with a recorded reason; the clock stops at the last of them, and only then can it close', async () => {
    const { test, clerk, admin } = await openPark();
    const { id } = await test.ok('incidents.report', injury(), clerk.token);
    expect(await test.ok('incidents.get', { id }, clerk.token)).toMatchObject({ toNotify: ['dutyManager', 'medical'], notice: 'pending' });
    const before = snapshot(test);
    expect(await test.fails('incidents.skipParty', { incidentId: id, party: 'dutyManager', reason: '经理休假' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { party: { key: 'incidents.errors.dutyManagerAlways' } },
    });
    expect(await test.fails('incidents.skipParty', { incidentId: id, party: 'security', reason: '不需要' }, clerk.token)).toMatchObject({
      fields: { party: { key: 'incidents.errors.partyNotCalledFor', params: { party: 'security' } } },
    });
    expect(await test.fails('incidents.skipParty', { incidentId: id, party: 'medical', reason: ' ' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: { key: 'validation.reasonRequired' } },
    });
    expect(snapshot(test)).toEqual(before);

    test.clock.advance(4 * MINUTE);
    const skipped = await test.ok('incidents.skipParty', { incidentId: id, party: 'medical', reason: '医务人员已在现场处置' }, clerk.token);
    expect(skipped).toMatchObject({ toNotify: ['dutyManager'], noticeDoneAt: null, notifiedAt: null, skippedParties: [{ party: 'medical', reason: '医务人员已在现场处置', by: { id: clerk.id } }] });
    expect(skipped.timeline.at(-1)).toMatchObject({ kind: 'partySkipped', party: 'medical', text: '医务人员已在现场处置' });
    expect(await test.fails('incidents.skipParty', { incidentId: id, party: 'medical', reason: '再次' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { party: { key: 'incidents.errors.partyAlreadySkipped' } },
    });
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '已包扎' }, clerk.token);
    expect(await test.fails('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).toMatchObject({ message: 'incidents.errors.closeNotNotified' });

    // 40 minutes in: the duty manager is told, the clock stops then, late.
    test.clock.advance(36 * MINUTE);
    const told = await test.ok('incidents.notify', { incidentId: id, party: 'dutyManager', channel: 'radio' }, clerk.token);
    expect(told).toMatchObject({ toNotify: [], noticeDoneAt: MORNING + 40 * MINUTE, notice: 'late' });
    expect(JSON.parse(auditRows(test, 'incidents.skipParty')[0]?.detail ?? '{}')).toEqual({ party: 'medical', reason: '医务人员已在现场处置' });
    expect(() => test.core.db?.prepare('DELETE FROM incident_party_skip').run()).toThrow(/append-only/);
    expect((await test.ok('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token)).status).toBe('closed');
    expect((await test.ok('incidents.open', {}, admin)).day).toMatchObject({ reported: 1, closed: 1, notifiedLate: 1, notNotified: 0 });

    // A party already told cannot be skipped afterwards.
    const fight = await test.ok('incidents.report', injury({ nature: 'fight', location: '停车场' }), clerk.token);
    await test.ok('incidents.notify', { incidentId: fight.id, party: 'security', channel: 'radio' }, clerk.token);
    expect(await test.fails('incidents.skipParty', { incidentId: fight.id, party: 'security', reason: '不需要' }, clerk.token)).toMatchObject({
      fields: { party: { key: 'incidents.errors.partyAlreadyNotified' } },
    });
  });
});

describe('first-asked responsibility (首问负责制)', () => {
  it('hands over to an active counter colleague with a note; refuses a disabled one, a non-counter role, the owner, and a non-owner', async () => {
    const { test, clerk, colleague, operator, retired, admin } = await openPark();
    const { id } = await test.ok('incidents.report', injury({ nature: 'lostChild', location: '中心广场' }), clerk.token);
    const before = snapshot(test);
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: retired.id, note: '交班' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { toStaffId: { key: 'incidents.errors.staffInactive', params: { name: '赵离职' } } },
    });
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: operator.id, note: '交班' }, clerk.token)).toMatchObject({
      fields: { toStaffId: { key: 'incidents.errors.staffRole', params: { name: '王广播' } } },
    });
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: clerk.id, note: '交班' }, clerk.token)).toMatchObject({
      fields: { toStaffId: { key: 'incidents.errors.handOverSelf' } },
    });
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: 9999, note: '交班' }, clerk.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: colleague.id, note: '' }, clerk.token)).toMatchObject({ code: 'VALIDATION', fields: { note: {} } });
    // Only the owner (or a manager) hands it over.
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: colleague.id, note: '我来接' }, colleague.token)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'incidents.errors.notOwner',
      params: { name: '张柜台' },
    });
    expect(snapshot(test)).toEqual(before);
    expect((await test.ok('incidents.get', { id }, clerk.token)).owner.id).toBe(clerk.id);

    test.clock.advance(7 * MINUTE);
    const handed = await test.ok('incidents.handOver', { incidentId: id, toStaffId: colleague.id, note: '张柜台下班，交李柜台跟进' }, clerk.token);
    expect(handed.owner).toEqual({ id: colleague.id, name: '李柜台' });
    expect(handed.receivedBy).toEqual({ id: clerk.id, name: '张柜台' });
    expect(handed.handOvers).toEqual([
      expect.objectContaining({ from: { id: clerk.id, name: '张柜台' }, to: { id: colleague.id, name: '李柜台' }, note: '张柜台下班，交李柜台跟进', at: MORNING + 7 * MINUTE }),
    ]);
    expect(handed.timeline.at(-1)).toMatchObject({ kind: 'handOver', subject: '李柜台', by: '张柜台' });
    expect(JSON.parse(auditRows(test, 'incidents.handOver')[0]?.detail ?? '{}')).toMatchObject({ from: clerk.id, to: colleague.id });
    // Now the first receiver is no longer the owner; a duty manager may still reassign.
    expect(await test.fails('incidents.handOver', { incidentId: id, toStaffId: clerk.id, note: '还给我' }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await test.ok('incidents.handOver', { incidentId: id, toStaffId: clerk.id, note: '经理指派' }, admin)).owner.id).toBe(clerk.id);
  });
});

describe('an injured visitor', () => {
  it('needs the hospital and an active escort when taken to hospital, and times in order, not ahead of now', async () => {
    const { test, clerk, colleague, retired } = await openPark();
    const { id } = await test.ok('incidents.report', injury(), clerk.token);
    const base = { incidentId: id, name: '李先生', injury: '左膝擦伤' };
    const before = snapshot(test);
    expect(await test.fails('incidents.casualty', { ...base, toHospital: true }, clerk.token)).toMatchObject({
      fields: { hospital: { key: 'incidents.validation.hospital' }, escortStaffId: { key: 'incidents.validation.escort' } },
    });
    expect(await test.fails('incidents.casualty', { ...base, leftAt: MORNING }, clerk.token)).toMatchObject({ fields: { toHospital: { key: 'incidents.validation.hospitalTimes' } } });
    const hospital = { ...base, toHospital: true, hospital: '浦东人民医院', escortStaffId: colleague.id };
    expect(await test.fails('incidents.casualty', { ...hospital, leftAt: MORNING, arrivedAt: MORNING - MINUTE }, clerk.token)).toMatchObject({
      fields: { arrivedAt: { key: 'incidents.validation.timeOrder' } },
    });
    expect(await test.fails('incidents.casualty', { ...hospital, leftAt: MORNING + 20 * MINUTE }, clerk.token)).toMatchObject({ fields: { leftAt: { key: 'incidents.errors.timeFuture' } } });
    expect(await test.fails('incidents.casualty', { ...hospital, escortStaffId: retired.id }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { escortStaffId: { key: 'incidents.errors.staffInactive', params: { name: '赵离职' } } },
    });
    expect(await test.fails('incidents.casualty', { ...hospital, casualtyId: 4242 }, clerk.token)).toMatchObject({ code: 'NOT_FOUND', fields: { casualtyId: {} } });
    expect(snapshot(test)).toEqual(before);
    const onSite = await test.ok('incidents.casualty', { ...base, firstAid: '创可贴' }, clerk.token);
    expect(onSite).toMatchObject({ injured: true, toHospital: false });
    expect(onSite.casualties[0]).toMatchObject({ toHospital: false, hospital: null, escort: null, firstAid: '创可贴' });
  });
});

describe('lists', () => {
  it('filter by status, nature, park date and text; the record newest first', async () => {
    const { test, clerk } = await openPark();
    const a = await test.ok('incidents.report', injury(), clerk.token);
    test.clock.advance(MINUTE);
    const b = await test.ok('incidents.report', injury({ nature: 'fire', location: '美食街后厨' }), clerk.token);
    await test.ok('incidents.notify', { incidentId: b.id, party: 'security', channel: 'radio' }, clerk.token);
    await test.ok('incidents.notify', { incidentId: b.id, party: 'dutyManager', channel: 'radio' }, clerk.token);
    await test.ok('incidents.setStatus', { incidentId: b.id, status: 'handled', note: '灭火器扑灭' }, clerk.token);
    await test.ok('incidents.setStatus', { incidentId: b.id, status: 'closed' }, clerk.token);
    test.clock.advance(24 * 60 * MINUTE);
    // A day later the session has timed out: the clerk signs in again.
    clerk.token = (await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    const c = await test.ok('incidents.report', injury({ nature: 'illness', reporterName: '王女士', location: '入口' }), clerk.token);
    expect(c.refNo).toBe('I20261130-01');

    const ids = async (input: Input<'incidents.list'>) => (await test.ok('incidents.list', input, clerk.token)).rows.map((row) => row.id);
    // Active ones by their clock: not yet notified first, oldest first.
    expect(await ids({})).toEqual([a.id, c.id]);
    expect(await ids({ status: 'closed' })).toEqual([b.id]);
    expect(await ids({ status: 'all' })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ status: 'all', nature: 'fire' })).toEqual([b.id]);
    expect(await ids({ status: 'all', date: '2026-11-29' })).toEqual([b.id, a.id]);
    expect(await ids({ status: 'all', query: '王女士' })).toEqual([c.id]);
    expect(await ids({ status: 'all', query: 'i20261129-02' })).toEqual([b.id]);
    expect(await ids({ status: 'all', query: '后厨' })).toEqual([b.id]);
    expect(await ids({ status: 'all', query: '%' })).toEqual([]);
    const paged = await test.ok('incidents.list', { status: 'all', limit: 2 }, clerk.token);
    expect(paged.rows.map((row) => row.id)).toEqual([c.id, b.id]);
    expect(await ids({ status: 'all', limit: 2, beforeId: paged.nextBeforeId ?? 0 })).toEqual([a.id]);
    expect(paged.moreThanShown).toBe(false);
    // The lists by clock are not paged: past the limit they say more are there, for the screen to say so.
    const d = await test.ok('incidents.report', injury({ location: '旋转木马' }), clerk.token);
    const capped = await test.ok('incidents.list', { status: 'active', limit: 2 }, clerk.token);
    expect(capped.rows.map((row) => row.id)).toEqual([a.id, c.id]);
    expect(capped).toMatchObject({ moreThanShown: true, nextBeforeId: null });
    const whole = await test.ok('incidents.list', { status: 'active', limit: 3 }, clerk.token);
    expect(whole.rows.map((row) => row.id)).toEqual([a.id, c.id, d.id]);
    expect(whole.moreThanShown).toBe(false);
    const day = await test.ok('incidents.open', { date: '2026-11-29' }, clerk.token);
    expect(day.day).toEqual({ reported: 2, closed: 1, notifiedInTime: 1, notifiedLate: 0, notNotified: 1 });
  });
});

describe('the printed incident report', () => {
  async function closedInjury(park: Park): Promise<number> {
    const { test, clerk, colleague } = park;
    const { id } = await test.ok('incidents.report', injury(), clerk.token);
    test.clock.advance(3 * MINUTE);
    await test.ok('incidents.notify', { incidentId: id, party: 'medical', channel: 'phone', personName: '周医生' }, clerk.token);
    await test.ok('incidents.notify', { incidentId: id, party: 'dutyManager', channel: 'radio' }, clerk.token);
    await test.ok('incidents.sendStaff', { incidentId: id, name: '陈保安' }, clerk.token);
    await test.ok('incidents.statement', { incidentId: id, personName: '孙女士', role: 'witness', contact: '13900001111', text: '台阶上有积水。' }, clerk.token);
    await test.ok('incidents.action', { incidentId: id, text: '放置警示牌。' }, clerk.token);
    await test.ok(
      'incidents.casualty',
      { incidentId: id, name: '李先生', injury: '左膝擦伤', firstAid: '清创包扎', toHospital: true, hospital: '浦东人民医院', escortStaffId: colleague.id, leftAt: test.clock.now() },
      clerk.token,
    );
    await test.ok('incidents.superior', { incidentId: id, name: '刘总监' }, clerk.token);
    await test.ok('incidents.followUp', { incidentId: id, note: '伤情稳定，游客要求报销车费。' }, clerk.token);
    await test.ok('incidents.setStatus', { incidentId: id, status: 'handled', note: '内部：台阶防滑条需更换' }, clerk.token);
    await test.ok('incidents.setStatus', { incidentId: id, status: 'closed' }, clerk.token);
    return id;
  }

  it('prints the file copy with everything, saves it under reports/incidents, and audits the print', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const id = await closedInjury(park);
    const report = await test.ok('incidents.pdf', { incidentId: id, copy: 'file', language: 'zh-CN' }, clerk.token);
    expect(report).toMatchObject({ fileName: 'incident-I20261129-01-file.pdf', savedAs: 'reports/incidents/incident-I20261129-01-file.pdf' });
    const saved = join(test.dir, 'reports', 'incidents', 'incident-I20261129-01-file.pdf');
    expect(existsSync(saved)).toBe(true);
    const bytes = Buffer.from(report.base64, 'base64');
    expect(readFileSync(saved).equals(bytes)).toBe(true);
    expect(report.bytes).toBe(bytes.length);
    const pages = await pdfText(bytes);
    expect(pages).toHaveLength(report.pages);
    const text = pages.join('\n');
    const lines = text.split('\n');
    expect(lines[0]).toBe('突发事件报告');
    expect(lines).toContain('存档联 · 受伤 · 波浪池东侧台阶');
    expect(lines).toContain('事件编号 I20261129-01 状态 已结案');
    expect(lines).toContain('报告人姓名 李先生');
    expect(lines).toContain('报告人电话 13812345678');
    expect(lines).toContain('报告人地址 上海市浦东新区世纪大道 100 号');
    expect(lines).toContain('事发时间 2026-11-29 10:00');
    expect(text).toContain('已通报 2026-11-29 10:03');
    expect(lines).toContain('2026-11-29 10:03 医务 周医生 电话 张柜台');
    expect(text).toContain('孙女士');
    expect(text).toContain('13900001111');
    expect(text).toContain('台阶上有积水。');
    expect(lines).toContain('医院 浦东人民医院');
    expect(lines).toContain('陪同员工 李柜台');
    expect(text).toContain('刘总监');
    expect(text).toContain('伤情稳定，游客要求报销车费。');
    expect(text).toContain('内部：台阶防滑条需更换');
    expect(lines).toContain('负责员工 当班经理');
    expect(lines.at(-1)).toBe(`张柜台 于 2026-11-29 10:03 打印 · 存档联 第 ${pages.length} 页，共 ${pages.length} 页`);
    expect(auditRows(test, 'incidents.pdf')).toEqual([
      expect.objectContaining({ staff_id: clerk.id, entity_id: 'I20261129-01', detail: expect.stringContaining('"copy":"file"') }),
    ]);
  });

  it('leaves internal notes and other people’s details out of the visitor’s copy, in English or both languages', async () => {
    const park = await openPark();
    const { test, clerk } = park;
    const id = await closedInjury(park);
    const english = await test.ok('incidents.pdf', { incidentId: id, copy: 'visitor', language: 'en' }, clerk.token);
    expect(english.fileName).toBe('incident-I20261129-01-visitor.pdf');
    const text = (await pdfText(Buffer.from(english.base64, 'base64'))).join('\n');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Incident report');
    expect(lines).toContain("Visitor's copy · Injury · 波浪池东侧台阶");
    expect(lines).toContain("Reporter's phone 138****5678");
    expect(lines).toContain('Injury 左膝擦伤');
    expect(lines).toContain('First aid given 清创包扎');
    expect(lines).toContain('Hospital 浦东人民医院');
    expect(text).toContain('陈保安');
    expect(text).toContain('放置警示牌。');
    for (const internal of ['13812345678', '世纪大道', '孙女士', '13900001111', '台阶上有积水', '周医生', '刘总监', '报销车费', '防滑条', 'Timeline']) {
      expect(text, internal).not.toContain(internal);
    }
    expect(text).toContain('This copy is for the visitor.');

    const both = await test.ok('incidents.pdf', { incidentId: id, copy: 'visitor' }, clerk.token);
    const bilingual = (await pdfText(Buffer.from(both.base64, 'base64'))).join('\n').split('\n');
    // The park's receipt language (bilingual by default) when none is asked for.
    expect(bilingual[0]).toBe('突发事件报告 Incident report');
    expect(bilingual).toContain('医院 Hospital 浦东人民医院');
    expect(bilingual.join('\n')).toMatch(/第 1 页，共 (\d) 页 · Page 1 of \1/);
  });

  it('answers NOT_FOUND for an unknown incident and writes no file', async () => {
    const { test, clerk } = await openPark();
    expect(await test.fails('incidents.pdf', { incidentId: 77, copy: 'file' }, clerk.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(join(test.dir, 'reports', 'incidents'))).toBe(false);
  });
});
