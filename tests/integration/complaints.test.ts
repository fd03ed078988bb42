import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { events, OPEN_COMPLAINT_STATUSES, type Input } from '@shared/contract';
import { clockState, complaintClocks } from '@shared/rules/complaints';
import { DAY, HOUR, MINUTE } from '@shared/rules/time';
import { pdfText } from '../support/pdf';
import { addStaff, auditRows, makeCore, setUpPark, type TestCore } from '../support/core';
import { ManualClock } from '../../electron/core/clock';

interface Office {
  test: TestCore;
  admin: string;
  clerk: { id: number; token: string };
  radio: { id: number; token: string };
  rides: number;
}

/** The park at a given time (Shanghai is UTC+8). */
async function openOffice(at = '2026-11-30T02:00:00Z'): Promise<Office> {
  const test = makeCore({ clock: new ManualClock(Date.parse(at)) });
  const admin = await setUpPark(test);
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const radio = await addStaff(test, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
  const rides = (await test.ok('departments.list', {}, admin)).find((d) => d.code === 'rides')?.id ?? 0;
  return { test, admin, clerk, radio, rides };
}

let refs = 0;
const ref = () => `c-${++refs}-${Math.random().toString(36).slice(2)}`;

/** What a department is told of a walk-in complaint in the summary (its place and request as `walkIn` gives them). */
const told = (description = '排队一小时后设备临时停运，工作人员态度冷淡') => ({ place: '过山车排队区', description, request: '要求退还快速通道票款' });

function walkIn(office: Office, extra: Partial<Input<'complaints.create'>> = {}): Input<'complaints.create'> {
  return {
    clientRef: ref(),
    channel: 'walkIn',
    complainantName: '刘先生',
    phone: '13812345678',
    place: '过山车排队区',
    happenedAt: office.test.clock.now() - 20 * MINUTE,
    category: 'rides',
    departmentId: office.rides,
    description: '排队一小时后设备临时停运，工作人员态度冷淡',
    request: '要求退还快速通道票款',
    severity: 'medium',
    ...extra,
  };
}

async function later(office: Office, ms: number): Promise<void> {
  office.test.clock.advance(ms);
  office.clerk.token = (await office.test.ok('auth.signIn', { staffId: office.clerk.id, pin: '1357' })).token;
  office.radio.token = (await office.test.ok('auth.signIn', { staffId: office.radio.id, pin: '2468' })).token;
  const roster = await office.test.ok('auth.roster', {});
  office.admin = (await office.test.ok('auth.signIn', { staffId: roster.find((s) => s.code === 'M001')?.id ?? 0, pin: '246810' })).token;
}

describe('the complaint record', () => {
  it('is recorded in full with a number, and refuses a complaint without a channel or description, writing nothing', async () => {
    const office = await openOffice();
    const { test, clerk } = office;
    const complaint = await test.ok('complaints.create', walkIn(office), clerk.token);
    expect(complaint).toMatchObject({
      complaintNo: 'C20261130-0001',
      channel: 'walkIn',
      status: 'received',
      level: 'frontline',
      receivedBy: { id: clerk.id },
      department: { nameZh: '游乐部' },
      handling: null,
    });
    const bad = await test.fails('complaints.create', { ...walkIn(office), channel: undefined, description: ' ' }, clerk.token);
    expect(bad.fields).toEqual({ channel: { key: 'validation.required' }, description: { key: 'validation.required' } });
    const phoneWithout = await test.fails('complaints.create', walkIn(office, { channel: 'hotline', phone: '' }), clerk.token);
    expect(phoneWithout.fields).toEqual({ phone: { key: 'validation.phoneForCallBack' } });
    expect((await test.ok('complaints.list', { view: 'all' }, clerk.token)).rows).toHaveLength(1);
    expect(auditRows(test, 'complaints.create')).toHaveLength(1);
  });

  it('sends a group complaint to the duty manager at once', async () => {
    const office = await openOffice();
    const group = await office.test.ok('complaints.create', walkIn(office, { group: true, groupSize: 12, representative: '王领队' }), office.clerk.token);
    expect(group).toMatchObject({ level: 'dutyManager', group: true, groupSize: 12, steps: [{ step: 'escalate', level: 'dutyManager' }] });
    expect((await office.test.ok('complaints.list', { view: 'dutyManager' }, office.admin)).rows.map((r) => r.id)).toEqual([group.id]);
    const noSize = await office.test.fails('complaints.create', walkIn(office, { group: true }), office.clerk.token);
    expect(noSize.fields).toEqual({ groupSize: { key: 'validation.required' }, representative: { key: 'validation.required' } });
    // The daily summary's "what was done" is people's words: the app's own note on the escalation is not one.
    const summarised = () => office.test.ok('complaints.summary', {}, office.admin).then((summary) => summary.departments.flatMap((d) => d.done).find((done) => done.complaintNo === group.complaintNo));
    expect(await summarised()).toMatchObject({ status: 'received', summary: '' });
    await office.test.ok('complaints.step', { id: group.id, step: 'respond', note: '已向领队致歉并安排退票' }, office.admin);
    expect(await summarised()).toMatchObject({ summary: '已向领队致歉并安排退票' });
  });
});

describe('the printed complaint record (顾客投诉记录)', () => {
  /** A group complaint taken to the end: investigated, answered, the return visit made, closed. */
  async function handled(office: Office): Promise<number> {
    const { test, clerk } = office;
    const { id } = await test.ok('complaints.create', walkIn(office, { group: true, groupSize: 12, representative: '王领队' }), clerk.token);
    await later(office, 10 * MINUTE);
    await test.ok('complaints.step', { id, step: 'investigate', note: '内部：调取监控，设备故障属实' }, office.admin);
    await test.ok('complaints.step', { id, step: 'respond', note: '已退还快速通道票款并致歉' }, office.admin);
    await later(office, DAY);
    await test.ok('complaints.step', { id, step: 'followUp', method: 'phone', satisfaction: 'satisfied', note: '游客表示满意' }, office.clerk.token);
    await test.ok('complaints.step', { id, step: 'close', note: '结案' }, office.clerk.token);
    return id;
  }

  it('prints the file copy complete: the record, every deadline, every step with who and when; kept in reports/', async () => {
    const office = await openOffice();
    const id = await handled(office);
    const { test, clerk } = office;
    const report = await test.ok('complaints.pdf', { id, copy: 'file', language: 'zh-CN' }, clerk.token);
    expect(report).toMatchObject({ fileName: 'complaint-C20261130-0001-file.pdf', savedAs: 'reports/complaints/records/complaint-C20261130-0001-file.pdf' });
    const saved = join(test.dir, 'reports', 'complaints', 'records', 'complaint-C20261130-0001-file.pdf');
    expect(existsSync(saved)).toBe(true);
    expect(readFileSync(saved).equals(Buffer.from(report.base64, 'base64'))).toBe(true);
    const pages = await pdfText(Buffer.from(report.base64, 'base64'));
    expect(pages).toHaveLength(report.pages);
    const lines = pages.join('\n').split('\n');
    expect(lines.slice(0, 3)).toEqual(['顾客投诉记录', '存档联 · 游乐项目 · 过山车排队区', '投诉编号 C20261130-0001 状态 已结案']);
    for (const line of ['受理人 张柜台', '电话 13812345678', '人数 12', '代表 王领队', '发生时间 2026-11-30 09:40', '责任部门 游乐部', '严重程度 一般', '游客诉求 要求退还快速通道票款']) {
      expect(lines, line).toContain(line);
    }
    // Every deadline with its due and done times, and every step with who and when, worded as on screen.
    expect(lines).toContain('当日调查 2026-12-01 00:00 2026-11-30 10:10 按时完成');
    expect(lines).toContain('2 个工作日内答复回访 2026-12-03 00:00 2026-12-01 10:10 按时完成');
    expect(lines).toContain('2026-11-30 10:00 升级至当班经理 群体性投诉（12 人），立即上报当班经理 张柜台');
    expect(lines).toContain('2026-11-30 10:10 调查 内部：调取监控，设备故障属实 王经理');
    expect(lines).toContain('2026-12-01 10:10 回访 · 电话 · 满意 游客表示满意 张柜台');
    expect(lines).toContain('2026-12-01 10:10 结案 结案 张柜台');
    expect(lines.join('\n')).not.toContain('group:');
    expect(lines).toContain('负责员工 当班经理');
    expect(lines.at(-1)).toBe(`张柜台 于 2026-12-01 10:10 打印 · 存档联 第 ${pages.length} 页，共 ${pages.length} 页`);
    expect(auditRows(test, 'complaints.pdf')).toEqual([expect.objectContaining({ staff_id: clerk.id, entity_id: 'C20261130-0001', detail: expect.stringContaining('"copy":"file"') })]);
    expect(await test.fails('complaints.pdf', { id: 9999 }, clerk.token)).toMatchObject({ code: 'NOT_FOUND', fields: { id: { key: 'complaints.errors.notFound' } } });
  });

  it('leaves the internal steps and the full phone number out of the visitor’s copy', async () => {
    const office = await openOffice();
    const id = await handled(office);
    const { test, clerk } = office;
    const report = await test.ok('complaints.pdf', { id, copy: 'visitor', language: 'en' }, clerk.token);
    expect(report.fileName).toBe('complaint-C20261130-0001-visitor.pdf');
    const text = (await pdfText(Buffer.from(report.base64, 'base64'))).join('\n');
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Customer complaint record', "Visitor's copy · Rides · 过山车排队区"]);
    expect(lines).toContain('Phone 138****5678');
    expect(lines).toContain('2026-11-30 10:10 Response 已退还快速通道票款并致歉 王经理');
    expect(text).toContain('游客表示满意');
    expect(text).toContain('Please quote complaint no. C20261130-0001');
    expect(lines).toContain('Staff member in charge Visitor');
    for (const internal of ['13812345678', '调取监控', 'Escalated', 'Investigation', 'Deadlines', 'Severity']) expect(text, internal).not.toContain(internal);

    // Both languages side by side: labels in each, people's own words once.
    const both = (await pdfText(Buffer.from((await test.ok('complaints.pdf', { id, copy: 'visitor', language: 'bilingual' }, clerk.token)).base64, 'base64'))).join('\n');
    expect(both).toContain('顾客投诉记录 Customer complaint record');
    expect(both.match(/已退还快速通道票款并致歉/g)).toHaveLength(1);
  });
});

describe('the process and its clocks', () => {
  it('goes received → investigating → responded → followed up → closed, each step with who, when and what', async () => {
    const office = await openOffice();
    const { test, clerk } = office;
    const { id } = await test.ok('complaints.create', walkIn(office), clerk.token);
    expect(await test.fails('complaints.step', { id, step: 'close', note: '结案' }, clerk.token)).toMatchObject({ fields: { step: { key: 'complaints.errors.noResponse' } } });
    test.clock.advance(10 * MINUTE);
    await test.ok('complaints.step', { id, step: 'investigate', note: '调取监控，设备故障属实' }, clerk.token);
    test.clock.advance(30 * MINUTE);
    const responded = await test.ok('complaints.step', { id, step: 'respond', note: '已退还快速通道票款并致歉' }, clerk.token);
    expect(responded.sameDay.late).toBe(false);
    // The return visit says how the visitor was reached and how they found the handling.
    expect(await test.fails('complaints.step', { id, step: 'followUp', note: '回访' }, clerk.token)).toMatchObject({ fields: { method: { key: 'validation.required' }, satisfaction: { key: 'validation.required' } } });
    test.clock.advance(HOUR);
    const followed = await test.ok('complaints.step', { id, step: 'followUp', note: '电话回访，游客表示满意', method: 'phone', satisfaction: 'partly' }, clerk.token);
    expect(followed.followUp).toMatchObject({ late: false });
    expect(followed.followUp.doneAt).toBe(test.clock.now());
    expect(followed.steps.at(-1)).toMatchObject({ step: 'followUp', method: 'phone', satisfaction: 'partly' });
    const closed = await test.ok('complaints.step', { id, step: 'close', note: '结案' }, clerk.token);
    expect(closed.status).toBe('closed');
    expect(closed.steps.map((s) => [s.step, s.staff?.name, s.note])).toEqual([
      ['investigate', '张柜台', '调取监控，设备故障属实'],
      ['respond', '张柜台', '已退还快速通道票款并致歉'],
      ['followUp', '张柜台', '电话回访，游客表示满意'],
      ['close', '张柜台', '结案'],
    ]);
    expect(await test.fails('complaints.step', { id, step: 'withdraw', note: 'x' }, clerk.token)).toMatchObject({ code: 'CONFLICT' });
  });

  it('closes before its return visit only with the reason there is none, which stops the return-visit clock', async () => {
    const office = await openOffice();
    const { test, clerk } = office;
    const { id } = await test.ok('complaints.create', walkIn(office), clerk.token);
    await test.ok('complaints.step', { id, step: 'respond', note: '已致歉并退款' }, clerk.token);
    const before = await test.ok('complaints.get', { id }, clerk.token);
    expect(await test.fails('complaints.step', { id, step: 'close', note: '结案' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { noFollowUp: { key: 'complaints.errors.followUpFirst' } },
    });
    expect(await test.fails('complaints.step', { id, step: 'close', note: '结案', noFollowUp: 'forgot' }, clerk.token)).toMatchObject({ code: 'VALIDATION' });
    expect(await test.ok('complaints.get', { id }, clerk.token)).toEqual(before);

    test.clock.advance(HOUR);
    const closed = await test.ok('complaints.step', { id, step: 'close', note: '游客表示不需要回访', noFollowUp: 'declined' }, clerk.token);
    expect(closed.status).toBe('closed');
    expect(closed.steps.at(-1)).toMatchObject({ step: 'close', noFollowUp: 'declined' });
    expect(closed.followUp).toEqual({ dueAt: before.followUp.dueAt, doneAt: test.clock.now(), late: false });
    expect(JSON.parse(auditRows(test, 'complaints.close')[0]?.detail ?? '{}')).toMatchObject({ from: 'responded', noFollowUp: 'declined' });
  });

  it('flags a complaint not investigated by the end of the day', async () => {
    const office = await openOffice('2026-11-30T13:00:00Z'); // 21:00 in Shanghai
    const complaint = await office.test.ok('complaints.create', walkIn(office), office.clerk.token);
    expect(complaint.sameDay).toMatchObject({ dueAt: Date.parse('2026-11-30T16:00:00Z'), late: false });
    await later(office, 3 * HOUR + 1);
    expect((await office.test.ok('complaints.get', { id: complaint.id }, office.clerk.token)).sameDay.late).toBe(true);
  });

  it('gives a tourism-bureau complaint 2 working days, across the National Day week and the swapped Saturday', async () => {
    const office = await openOffice('2026-09-30T03:00:00Z'); // 11:00, Wednesday 30 September 2026
    const complaint = await office.test.ok('complaints.create', walkIn(office, { channel: 'tourismBureau', externalRef: '旅投〔2026〕118号' }), office.clerk.token);
    // 1-7 October off, 8 and 9 October the two working days: due at midnight after the 9th.
    expect(complaint.handling).toMatchObject({ dueAt: Date.parse('2026-10-09T16:00:00Z'), doneAt: null, late: false });
    expect(complaint.followUp.dueAt).toBe(Date.parse('2026-10-09T16:00:00Z'));
    await later(office, 9 * DAY + 14 * HOUR); // 10 October, the swapped working Saturday
    const late = await office.test.ok('complaints.get', { id: complaint.id }, office.clerk.token);
    expect(late.handling?.late).toBe(true);
    expect(late.followUp.late).toBe(true);
  });

  it('reports a forwarded complaint’s result back before it closes, and stops its 2-working-day clock then', async () => {
    const office = await openOffice('2026-11-30T03:00:00Z'); // 11:00, Monday
    const { test, clerk } = office;
    const forwarded = await test.ok('complaints.create', walkIn(office, { channel: 'consumerAssociation', externalRef: '消投〔2026〕77号' }), clerk.token);
    const steps = () => test.core.db?.prepare<[number], { n: number }>('SELECT count(*) AS n FROM complaint_step WHERE complaint_id = ?').get(forwarded.id)?.n;
    const report = { id: forwarded.id, step: 'reportResult' as const, note: '已书面反馈：退还快速通道票款，游客接受', reportedTo: '市消协、游乐部' };
    // Before the response there is no result to report.
    expect(await test.fails('complaints.step', report, clerk.token)).toMatchObject({ code: 'CONFLICT', fields: { step: { key: 'complaints.errors.resultBeforeResponse' } } });
    await test.ok('complaints.step', { id: forwarded.id, step: 'respond', note: '已退还快速通道票款' }, clerk.token);
    const responded = await test.ok('complaints.get', { id: forwarded.id }, clerk.token);
    // The response alone does not finish it: the clock runs until the result is reported back.
    expect(responded.handling).toMatchObject({ dueAt: Date.parse('2026-12-02T16:00:00Z'), doneAt: null, late: false });
    const before = steps();
    expect(await test.fails('complaints.step', { id: forwarded.id, step: 'close', note: '结案', noFollowUp: 'declined' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { step: { key: 'complaints.errors.reportResultFirst', params: { channel: 'consumerAssociation' } } },
    });
    expect(await test.fails('complaints.step', { ...report, reportedTo: '  ' }, clerk.token)).toMatchObject({ code: 'VALIDATION', fields: { reportedTo: { key: 'validation.required' } } });
    expect(steps()).toBe(before);
    expect((await test.ok('complaints.get', { id: forwarded.id }, clerk.token)).status).toBe('responded');

    await later(office, 26 * HOUR); // Tuesday 13:00
    const reported = await test.ok('complaints.step', report, clerk.token);
    expect(reported.status).toBe('responded');
    expect(reported.handling).toEqual({ dueAt: Date.parse('2026-12-02T16:00:00Z'), doneAt: test.clock.now(), late: false });
    expect(reported.steps.at(-1)).toMatchObject({ step: 'reportResult', note: report.note, reportedTo: '市消协、游乐部', staff: { id: clerk.id } });
    expect(JSON.parse(auditRows(test, 'complaints.reportResult')[0]?.detail ?? '{}')).toMatchObject({ from: 'responded', to: 'responded', reportedTo: '市消协、游乐部' });
    expect(await test.fails('complaints.step', report, clerk.token)).toMatchObject({ fields: { step: { key: 'complaints.errors.resultReported' } } });
    // The clock stays stopped once the due time has passed.
    await later(office, 3 * DAY);
    expect((await test.ok('complaints.get', { id: forwarded.id }, clerk.token)).handling?.late).toBe(false);
    const closed = await test.ok('complaints.step', { id: forwarded.id, step: 'close', note: '结案', noFollowUp: 'declined' }, clerk.token);
    expect(closed.status).toBe('closed');

    // A walk-in complaint has nobody to report back to.
    const walk = await test.ok('complaints.create', walkIn(office), clerk.token);
    await test.ok('complaints.step', { id: walk.id, step: 'respond', note: '已致歉' }, clerk.token);
    expect(await test.fails('complaints.step', { ...report, id: walk.id }, clerk.token)).toMatchObject({ fields: { step: { key: 'complaints.errors.notForwarded' } } });
  });

  it('counts a forwarded complaint late when its result is reported back after the 2 working days, even if answered in time', async () => {
    const office = await openOffice('2026-11-30T03:00:00Z');
    const { test, clerk } = office;
    const { id } = await test.ok('complaints.create', walkIn(office, { channel: 'tourismBureau', externalRef: '旅投〔2026〕300号' }), clerk.token);
    await test.ok('complaints.step', { id, step: 'respond', note: '已向游客致歉' }, clerk.token);
    await later(office, 3 * DAY);
    const reported = await test.ok('complaints.step', { id, step: 'reportResult', note: '已电话反馈', reportedTo: '旅游局' }, clerk.token);
    expect(reported.handling?.late).toBe(true);
    expect(reported.handling?.doneAt).toBe(test.clock.now());
  });

  it('counts the park’s own days off', async () => {
    const office = await openOffice('2026-11-30T03:00:00Z'); // Monday
    await office.test.ok('calendar.setOverride', { date: '2026-12-01', kind: 'off', note: '园区停业检修' }, office.admin);
    expect(await office.test.fails('calendar.setOverride', { date: '2026-12-02', kind: 'off' }, office.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    const complaint = await office.test.ok('complaints.create', walkIn(office), office.clerk.token);
    // Working days: 2 and 3 December (the 1st is off for the park).
    expect(complaint.followUp.dueAt).toBe(Date.parse('2026-12-03T16:00:00Z'));
    expect(await office.test.ok('calendar.overrides', {}, office.clerk.token)).toEqual([{ date: '2026-12-01', kind: 'off', note: '园区停业检修' }]);
  });

  it('escalates frontline → duty manager → leadership with a reason, never back down', async () => {
    const office = await openOffice();
    const { test, clerk, admin } = office;
    const { id } = await test.ok('complaints.create', walkIn(office, { severity: 'high' }), clerk.token);
    expect((await test.ok('complaints.list', { view: 'dutyManager' }, admin)).rows).toEqual([]);
    await test.ok('complaints.escalate', { id, to: 'dutyManager', reason: '游客要求见经理' }, clerk.token);
    expect((await test.ok('complaints.list', { view: 'dutyManager' }, admin)).rows.map((r) => r.id)).toEqual([id]);
    expect(await test.fails('complaints.escalate', { id, to: 'dutyManager', reason: '再次' }, clerk.token)).toMatchObject({ fields: { to: { key: 'complaints.errors.alreadyAtLevel' } } });
    const top = await test.ok('complaints.escalate', { id, to: 'leadership', reason: '涉及媒体曝光' }, admin);
    expect(top.level).toBe('leadership');
    expect(top.steps.filter((s) => s.step === 'escalate').map((s) => [s.level, s.note])).toEqual([
      ['dutyManager', '游客要求见经理'],
      ['leadership', '涉及媒体曝光'],
    ]);
  });

  it('refuses to pass over the duty manager without saying why, and keeps why when it is done', async () => {
    const office = await openOffice();
    const { test, clerk, admin } = office;
    const { id } = await test.ok('complaints.create', walkIn(office, { severity: 'critical' }), clerk.token);
    const before = test.core.db?.prepare('SELECT count(*) AS n FROM complaint_step').get();
    const refused = await test.fails('complaints.escalate', { id, to: 'leadership', reason: '涉及人身安全' }, clerk.token);
    expect(refused).toMatchObject({ code: 'VALIDATION', fields: { skipReason: { key: 'complaints.errors.skipNeedsReason' } } });
    expect(await test.fails('complaints.escalate', { id, to: 'leadership', reason: '涉及人身安全', skipReason: ' ' }, clerk.token)).toMatchObject({ code: 'VALIDATION' });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM complaint_step').get()).toEqual(before);
    expect((await test.ok('complaints.get', { id }, clerk.token)).level).toBe('frontline');

    const top = await test.ok('complaints.escalate', { id, to: 'leadership', reason: '涉及人身安全', skipReason: '当班经理在医院陪同伤者，联系不上' }, clerk.token);
    expect(top.level).toBe('leadership');
    expect(top.steps.at(-1)).toMatchObject({ step: 'escalate', level: 'leadership', note: '涉及人身安全', skipReason: '当班经理在医院陪同伤者，联系不上' });
    expect(JSON.parse(auditRows(test, 'complaints.escalate').at(-1)?.detail ?? '{}')).toMatchObject({ from: 'frontline', to: 'leadership', skipReason: '当班经理在医院陪同伤者，联系不上' });
    // One level up needs no such reason, and none is kept.
    const next = await test.ok('complaints.create', walkIn(office), clerk.token);
    const up = await test.ok('complaints.escalate', { id: next.id, to: 'dutyManager', reason: '游客要求见经理', skipReason: '无' }, clerk.token);
    expect(up.steps.at(-1)?.skipReason).toBeNull();
    expect((await test.ok('complaints.list', { view: 'dutyManager' }, admin)).rows.map((row) => row.id)).toEqual([next.id, id]);
  });

  it('summons the department head in one action: a paging request, and the 10-minute arrival clock on the complaint', async () => {
    const office = await openOffice();
    const { test, clerk, radio } = office;
    const noDepartment = await test.ok('complaints.create', walkIn(office, { departmentId: undefined }), clerk.token);
    expect(await test.fails('complaints.summon', { id: noDepartment.id, clientRef: ref() }, clerk.token)).toMatchObject({ fields: { departmentId: { key: 'complaints.errors.noDepartment' } } });
    const complaint = await test.ok('complaints.create', walkIn(office), clerk.token);
    const summoned = await test.ok('complaints.summon', { id: complaint.id, clientRef: ref() }, clerk.token);
    expect(summoned.summon).toMatchObject({ calledAt: null, arrivalDueAt: null, arrivedAt: null, late: false });
    const [slip] = await test.ok('paging.queue', {}, radio.token);
    expect(slip).toMatchObject({ kind: 'summonHead', source: 'complaint', sourceRef: complaint.complaintNo });
    expect(await test.fails('complaints.summon', { id: complaint.id, clientRef: ref() }, clerk.token)).toMatchObject({ fields: { id: { key: 'complaints.errors.alreadySummoned' } } });
    await test.ok('paging.aired', { id: slip?.id ?? 0 }, radio.token);
    test.clock.advance(7 * MINUTE);
    await test.ok('paging.arrived', { id: slip?.id ?? 0 }, clerk.token);
    const arrived = await test.ok('complaints.get', { id: complaint.id }, clerk.token);
    expect(arrived.summon).toMatchObject({ late: false });
    expect((arrived.summon?.arrivedAt ?? 0) - (arrived.summon?.calledAt ?? 0)).toBe(7 * MINUTE);
    expect(arrived.summon?.endedAt).toBeNull();
  });

  it('stops the arrival clock when the summons is cancelled, and lets the counter summon again', async () => {
    const office = await openOffice();
    const { test, clerk, radio } = office;
    const complaint = await test.ok('complaints.create', walkIn(office), clerk.token);
    const first = ref();
    await test.ok('complaints.summon', { id: complaint.id, clientRef: first }, clerk.token);
    const [slip] = await test.ok('paging.queue', {}, radio.token);
    await test.ok('paging.aired', { id: slip?.id ?? 0 }, radio.token);
    test.clock.advance(4 * MINUTE);
    await test.ok('paging.close', { id: slip?.id ?? 0, outcome: 'cancelled', note: '负责人电话已联系' }, radio.token);
    const cancelledAt = test.clock.now();
    test.clock.advance(20 * MINUTE);
    const ended = await test.ok('complaints.get', { id: complaint.id }, clerk.token);
    expect(ended.summon).toMatchObject({ arrivedAt: null, endedAt: cancelledAt, late: false });
    // The ended summons' own reference pages nobody again, and says so rather than seeming to succeed.
    expect(await test.fails('complaints.summon', { id: complaint.id, clientRef: first }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { id: { key: 'complaints.errors.summonEnded' } },
    });
    expect(await test.ok('paging.queue', {}, radio.token)).toEqual([]);
    const again = await test.ok('complaints.summon', { id: complaint.id, clientRef: ref() }, clerk.token);
    expect(again.summon).toMatchObject({ calledAt: null, endedAt: null });
    expect(await test.ok('paging.queue', {}, radio.token)).toHaveLength(1);
  });
  it('answers every running clock of the open complaints in one read, as their records show them, past a page of the list', async () => {
    const office = await openOffice('2026-11-30T03:00:00Z'); // 11:00, Monday
    const { test, clerk, radio } = office;
    const step = (id: number, step: Input<'complaints.step'>['step'], extra: Partial<Input<'complaints.step'>> = {}) => test.ok('complaints.step', { id, step, note: '已处理并记录', ...extra }, clerk.token);
    const fresh = await test.ok('complaints.create', walkIn(office), clerk.token);
    const investigated = await test.ok('complaints.create', walkIn(office), clerk.token);
    await step(investigated.id, 'investigate');
    const forwarded = await test.ok('complaints.create', walkIn(office, { channel: 'consumerAssociation', externalRef: '消投〔2026〕88号' }), clerk.token);
    await step(forwarded.id, 'investigate');
    await step(forwarded.id, 'respond');
    const summoned = await test.ok('complaints.create', walkIn(office), clerk.token);
    await test.ok('complaints.summon', { id: summoned.id, clientRef: ref() }, clerk.token);
    const [slip] = await test.ok('paging.queue', {}, radio.token);
    await test.ok('paging.aired', { id: slip?.id ?? 0 }, radio.token);
    const airedAt = test.clock.now();
    const closed = await test.ok('complaints.create', walkIn(office), clerk.token);
    for (const next of ['investigate', 'respond', 'followUp', 'close'] as const) await step(closed.id, next, next === 'followUp' ? { method: 'phone', satisfaction: 'satisfied' } : {});
    const many = [];
    for (let i = 0; i < 201; i += 1) many.push((await test.ok('complaints.create', walkIn(office), clerk.token)).id);

    const clocks = await test.ok('complaints.clocks', {}, clerk.token);
    const of = (id: number) => clocks.filter((clock) => clock.complaintId === id).map(({ clock, dueAt }) => ({ clock, dueAt }));
    const endOfDay = Date.parse('2026-11-30T16:00:00Z');
    const twoWorkingDays = Date.parse('2026-12-02T16:00:00Z'); // the end of Wednesday
    expect(of(fresh.id)).toEqual([{ clock: 'sameDay', dueAt: endOfDay }, { clock: 'followUp', dueAt: twoWorkingDays }]);
    expect(of(investigated.id)).toEqual([{ clock: 'followUp', dueAt: twoWorkingDays }]);
    expect(of(forwarded.id)).toEqual([{ clock: 'handling', dueAt: twoWorkingDays }, { clock: 'followUp', dueAt: twoWorkingDays }]);
    expect(of(summoned.id)).toEqual([{ clock: 'sameDay', dueAt: endOfDay }, { clock: 'followUp', dueAt: twoWorkingDays }, { clock: 'arrival', dueAt: airedAt + 10 * MINUTE }]);
    expect(of(closed.id)).toEqual([]);
    expect(many.every((id) => of(id).length === 2)).toBe(true);

    // The same clocks the records show running, each one of them.
    const expected = [];
    for (const id of [fresh.id, investigated.id, forwarded.id, summoned.id, closed.id, ...many]) {
      const view = await test.ok('complaints.get', { id }, clerk.token);
      if (!OPEN_COMPLAINT_STATUSES.includes(view.status)) continue;
      const own = complaintClocks(view).filter(({ clock }) => clockState(clock, true) === 'running').map(({ name, clock }) => ({ complaintId: id, clock: name, dueAt: clock.dueAt }));
      const arrival = view.summon && view.summon.arrivalDueAt !== null && view.summon.arrivedAt === null && view.summon.endedAt === null ? [{ complaintId: id, clock: 'arrival', dueAt: view.summon.arrivalDueAt }] : [];
      expected.push(...own, ...arrival);
    }
    expect(clocks.map(({ complaintId, clock, dueAt }) => ({ complaintId, clock, dueAt }))).toEqual(expected);

    // The head arrives, the forwarded one's result is reported back: those clocks stop running.
    await test.ok('paging.arrived', { id: slip?.id ?? 0 }, clerk.token);
    await step(forwarded.id, 'reportResult', { reportedTo: '市消协、游乐部' });
    const after = await test.ok('complaints.clocks', {}, clerk.token);
    expect(after.filter((clock) => clock.clock === 'arrival')).toEqual([]);
    expect(after.filter((clock) => clock.complaintId === forwarded.id).map((clock) => clock.clock)).toEqual(['followUp']);
    expect(events['complaints.changed'].affects).toContain('complaints.clocks');
    expect(events['paging.changed'].affects).toContain('complaints.clocks');
  });
});

describe('the daily summary by 20:30', () => {
  it('summarises by department, reminds from 20:00, closes once, stays fixed, and later changes go to the next day', async () => {
    const office = await openOffice('2026-11-30T02:00:00Z'); // 10:00
    const { test, clerk } = office;
    const a = await test.ok('complaints.create', walkIn(office), clerk.token);
    const food = (await test.ok('departments.list', {}, clerk.token)).find((d) => d.code === 'food')?.id ?? 0;
    const b = await test.ok('complaints.create', walkIn(office, { category: 'food', departmentId: food, description: '汉堡是冷的' }), clerk.token);
    await test.ok('complaints.step', { id: b.id, step: 'respond', note: '已更换餐食并致歉' }, clerk.token);

    let summary = await test.ok('complaints.summary', {}, office.admin);
    expect(summary).toMatchObject({ date: '2026-11-30', deadline: '20:30', state: 'open', total: 2, received: 2, carriedOver: 0, open: 2 });
    expect(summary.departments.map((d) => [d.nameZh, d.count, d.open])).toEqual([
      ['游乐部', 1, 1],
      ['餐饮部', 1, 1],
    ]);
    expect(summary.departments[1]?.done).toEqual([{ complaintNo: b.complaintNo, category: 'food', status: 'responded', ...told('汉堡是冷的'), summary: '已更换餐食并致歉' }]);

    await later(office, 10 * HOUR); // 20:00
    summary = await test.ok('complaints.summary', {}, office.admin);
    expect(summary.state).toBe('reminder');
    await test.ok('complaints.summary.remarks', { date: '2026-11-30', remarks: '游乐部设备故障需跟进' }, office.admin);
    expect(await test.fails('complaints.summary.close', { date: '2026-11-30' }, office.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    office.test.clock.advance(20 * MINUTE); // 20:20
    const closed = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(closed).toMatchObject({ state: 'closed', remarks: '游乐部设备故障需跟进', closedBy: { name: '王经理' } });
    expect(await test.fails('complaints.summary.close', { date: '2026-11-30' }, office.admin)).toMatchObject({ code: 'CONFLICT', fields: { date: { key: 'complaints.errors.summaryClosed' } } });
    expect(await test.fails('complaints.summary.remarks', { date: '2026-11-30', remarks: '改一下' }, office.admin)).toMatchObject({ fields: { date: { key: 'complaints.errors.summaryClosed' } } });
    expect(() => test.core.db?.prepare("UPDATE complaint_summary SET remarks = 'x' WHERE date = '2026-11-30'").run()).toThrow(/fixed/);

    // The next morning a step on yesterday's complaint: yesterday's summary does not change; today's carries it.
    await later(office, 13 * HOUR);
    await test.ok('complaints.step', { id: a.id, step: 'investigate', note: '与游乐部核实' }, office.clerk.token);
    const yesterday = await test.ok('complaints.summary', { date: '2026-11-30' }, office.admin);
    expect(yesterday.departments[0]?.done[0]).toEqual({ complaintNo: a.complaintNo, category: 'rides', status: 'received', ...told(), summary: '' });
    const today = await test.ok('complaints.summary', {}, office.admin);
    expect(today).toMatchObject({ date: '2026-12-01', received: 0, carriedOver: 2 });
    expect(today.departments[0]?.done[0]).toEqual({ complaintNo: a.complaintNo, category: 'rides', status: 'investigating', ...told(), summary: '与游乐部核实' });
    expect((await test.ok('complaints.get', { id: a.id }, office.clerk.token)).lastSummaryDate).toBe('2026-11-30');

    const pdf = await test.ok('complaints.summary.pdf', { date: '2026-11-30' }, office.admin);
    const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).join('\n');
    // Each department reads what was complained of and asked for, beside what was done.
    for (const expected of ['每日客诉汇总', '2026-11-30', '游乐部', '餐饮部', a.complaintNo, b.complaintNo, '投诉内容及游客诉求', '过山车排队区：汉堡是冷的', '游客诉求：要求退还快速通道票款', '已更换餐食并致歉', '游乐部设备故障需跟进', '王经理']) {
      expect(text.replaceAll('\n', '')).toContain(expected);
    }
    const ridesOnly = await test.ok('complaints.summary.csv', { date: '2026-11-30', departmentId: office.rides }, office.admin);
    expect(ridesOnly.csv.split('\r\n').filter(Boolean)).toEqual([
      '\uFEFFdate,department_zh,department_en,complaint_no,category,status,place,description,request,what_was_done,record',
      `2026-11-30,游乐部,Rides,${a.complaintNo},rides,received,过山车排队区,排队一小时后设备临时停运，工作人员态度冷淡,要求退还快速通道票款,,complaint`,
    ]);
  });

  it('reads a summary closed before it kept the category, place, complaint and request: they show as not kept', async () => {
    const office = await openOffice('2026-11-30T02:00:00Z');
    const { test } = office;
    const done = { complaintNo: 'C20261128-0001', status: 'closed', summary: '已致歉' };
    const department = { departmentId: office.rides, nameZh: '游乐部', nameEn: 'Rides', count: 1, categories: { rides: 1 }, statuses: { closed: 1 }, done: [done], open: 0 };
    const snapshot = { date: '2026-11-28', deadline: '20:30', deadlineAt: 0, state: 'closed', total: 1, received: 1, carriedOver: 0, open: 0, departments: [department], remarks: '', closedAt: 1, closedBy: null };
    test.core.db
      ?.prepare("INSERT INTO complaint_summary (date, remarks, closed_at, closed_by, late, snapshot) VALUES ('2026-11-28', '', ?, 1, 0, ?)")
      .run(Date.parse('2026-11-28T12:00:00Z'), JSON.stringify(snapshot));
    const summary = await test.ok('complaints.summary', { date: '2026-11-28' }, office.admin);
    expect(summary.departments[0]?.done).toEqual([{ ...done, category: null, place: null, description: null, request: null }]);
    // Closed before opinions and requests were fed back with the summary: it has none.
    expect(summary.feedbackTotal).toBe(0);
    expect(summary.departments[0]?.feedback).toEqual([]);
    const csv = await test.ok('complaints.summary.csv', { date: '2026-11-28' }, office.admin);
    expect(csv.csv.split('\r\n')[1]).toBe('2026-11-28,游乐部,Rides,C20261128-0001,,closed,,,,已致歉,complaint');
  });

  it('reports in the next summary every complaint changed after a summary closed: received and closed that evening, or closed later', async () => {
    const office = await openOffice('2026-11-30T02:00:00Z'); // 10:00
    const { test } = office;
    const morning = await test.ok('complaints.create', walkIn(office), office.clerk.token);
    await test.ok('complaints.step', { id: morning.id, step: 'respond', note: '已致歉' }, office.clerk.token);
    await later(office, 10 * HOUR + 20 * MINUTE); // 20:20
    const first = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(first.departments.flatMap((d) => d.done.map((done) => done.complaintNo))).toEqual([morning.complaintNo]);

    // 21:00, after the summary closed: a complaint received and settled the same evening; the morning one closed.
    await later(office, 40 * MINUTE);
    const evening = await test.ok('complaints.create', walkIn(office, { description: '闭园时排队出口拥堵' }), office.clerk.token);
    await test.ok('complaints.step', { id: evening.id, step: 'respond', note: '已安排疏导并致歉' }, office.clerk.token);
    await test.ok('complaints.step', { id: evening.id, step: 'close', note: '游客接受', noFollowUp: 'declined' }, office.clerk.token);
    await test.ok('complaints.step', { id: morning.id, step: 'close', note: '多次联系未果，结案', noFollowUp: 'unreachable' }, office.clerk.token);
    // Yesterday's summary stays as it was closed.
    expect((await test.ok('complaints.summary', { date: '2026-11-30' }, office.admin)).total).toBe(1);

    // The next day: nothing new, and yet both appear, closed, with what was done.
    await later(office, 13 * HOUR);
    const next = await test.ok('complaints.summary', {}, office.admin);
    expect(next).toMatchObject({ date: '2026-12-01', total: 2, received: 0, carriedOver: 2, open: 0 });
    expect(next.departments.flatMap((d) => d.done)).toEqual([
      { complaintNo: morning.complaintNo, category: 'rides', status: 'closed', ...told(), summary: '多次联系未果，结案' },
      { complaintNo: evening.complaintNo, category: 'rides', status: 'closed', ...told('闭园时排队出口拥堵'), summary: '游客接受' },
    ]);
    await test.ok('complaints.summary.close', { date: '2026-12-01' }, office.admin);
    const covered = test.core.db?.prepare<[], { date: string; complaint_id: number }>('SELECT date, complaint_id FROM complaint_summary_item ORDER BY date, complaint_id').all();
    expect(covered).toEqual([
      { date: '2026-11-30', complaint_id: morning.id },
      { date: '2026-12-01', complaint_id: morning.id },
      { date: '2026-12-01', complaint_id: evening.id },
    ]);
    // Reported and unchanged since: the day after reports neither again.
    await later(office, 24 * HOUR);
    expect((await test.ok('complaints.summary', {}, office.admin)).total).toBe(0);
  });

  it('keeps the closed summary as files: the whole day and each department, PDF and CSV, never overwritten by a draft', async () => {
    const office = await openOffice('2026-11-30T02:00:00Z'); // 10:00
    const { test, clerk } = office;
    const food = (await test.ok('departments.list', {}, clerk.token)).find((d) => d.code === 'food')?.id ?? 0;
    const rides = await test.ok('complaints.create', walkIn(office), clerk.token);
    const burger = await test.ok('complaints.create', walkIn(office, { category: 'food', departmentId: food, description: '汉堡是冷的' }), clerk.token);
    await test.ok('complaints.create', walkIn(office, { departmentId: undefined, category: 'other', description: '停车场指示不清' }), clerk.token);
    const folder = join(test.dir, 'reports', 'complaints');

    // A download before the close is a draft.
    const draft = await test.ok('complaints.summary.pdf', { date: '2026-11-30' }, office.admin);
    expect(draft.fileName).toBe('complaints-2026-11-30-draft.pdf');
    expect(readdirSync(folder)).toEqual(['complaints-2026-11-30-draft.pdf']);

    await later(office, 10 * HOUR);
    await test.ok('complaints.summary.close', { date: '2026-11-30', remarks: '餐饮部需跟进' }, office.admin);
    const kept = ['', '-food', '-rides'].flatMap((part) => ['pdf', 'csv'].map((ext) => `complaints-2026-11-30-closed${part}.${ext}`));
    expect(readdirSync(folder).sort()).toEqual(['complaints-2026-11-30-draft.pdf', ...kept].sort());
    expect(JSON.parse(auditRows(test, 'complaints.summaryClose')[0]?.detail ?? '{}').files.sort()).toEqual([...kept].sort());

    const foodPdf = (await pdfText(readFileSync(join(folder, 'complaints-2026-11-30-closed-food.pdf')))).join('\n');
    expect(foodPdf).toContain(burger.complaintNo);
    expect(foodPdf).toContain('餐饮部需跟进');
    expect(foodPdf).toContain('类别');
    expect(foodPdf).toContain('餐饮 ');
    expect(foodPdf).not.toContain(rides.complaintNo);
    expect(readFileSync(join(folder, 'complaints-2026-11-30-closed-food.csv'), 'utf8').split('\r\n').filter(Boolean)).toEqual([
      '\uFEFFdate,department_zh,department_en,complaint_no,category,status,place,description,request,what_was_done,record',
      `2026-11-30,餐饮部,Food and beverage,${burger.complaintNo},food,received,过山车排队区,汉堡是冷的,要求退还快速通道票款,,complaint`,
    ]);
    const whole = readFileSync(join(folder, 'complaints-2026-11-30-closed.csv'), 'utf8');
    expect(whole).toContain(',未指定部门,No department,');
    expect(whole.split('\r\n').filter(Boolean)).toHaveLength(4);

    // Downloads after the close hand out the files kept at the close, byte for byte.
    const again = await test.ok('complaints.summary.pdf', { date: '2026-11-30', departmentId: food }, office.admin);
    expect(again.fileName).toBe('complaints-2026-11-30-closed-food.pdf');
    expect(Buffer.from(again.base64, 'base64').equals(readFileSync(join(folder, again.fileName)))).toBe(true);
    expect((await test.ok('complaints.summary.csv', { date: '2026-11-30' }, office.admin)).csv).toBe(whole);
    expect(await test.fails('complaints.summary.csv', { date: '2026-11-30', departmentId: 9999 }, office.admin)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the files of a summary closed after 20:30 as closed late', async () => {
    const office = await openOffice('2026-11-30T12:45:00Z'); // 20:45
    await office.test.ok('complaints.create', walkIn(office), office.clerk.token);
    await office.test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(readdirSync(join(office.test.dir, 'reports', 'complaints')).sort()).toEqual([
      'complaints-2026-11-30-closed-late-rides.csv',
      'complaints-2026-11-30-closed-late-rides.pdf',
      'complaints-2026-11-30-closed-late.csv',
      'complaints-2026-11-30-closed-late.pdf',
    ]);
  });

  it('records a summary closed after 20:30 as late', async () => {
    const office = await openOffice('2026-11-30T12:45:00Z'); // 20:45
    await office.test.ok('complaints.create', walkIn(office), office.clerk.token);
    expect((await office.test.ok('complaints.summary', {}, office.admin)).state).toBe('late');
    const closed = await office.test.ok('complaints.summary.close', { date: '2026-11-30', remarks: '晚交' }, office.admin);
    expect(closed.state).toBe('closedLate');
    expect(JSON.parse(auditRows(office.test, 'complaints.summaryClose')[0]?.detail ?? '{}')).toMatchObject({ late: true });
    // A later deadline setting does not make it on time: it was late by the deadline it was closed against.
    await office.test.ok('settings.update', { complaintSummaryDeadline: '21:00' }, office.admin);
    expect(await office.test.ok('complaints.summary', { date: '2026-11-30' }, office.admin)).toMatchObject({ state: 'closedLate', deadlineAt: closed.deadlineAt });
  });

  it('counts complaints per week by category and department for the trends', async () => {
    const office = await openOffice();
    await office.test.ok('complaints.create', walkIn(office), office.clerk.token);
    await office.test.ok('complaints.create', walkIn(office, { category: 'cleanliness' }), office.clerk.token);
    const trends = await office.test.ok('complaints.trends', { weeks: 4 }, office.admin);
    expect(trends.weeks.map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(trends.weeks.at(-1)).toMatchObject({ total: 2, byCategory: { rides: 1, cleanliness: 1 }, byDepartment: { rides: 2 } });
  });
});

describe('visitors’ opinions and requests (意见和需求), fed back in the daily summary', () => {
  const opinion = (extra: Partial<Input<'complaints.feedback.create'>> = {}): Input<'complaints.feedback.create'> => ({
    clientRef: ref(),
    kind: 'opinion',
    channel: 'walkIn',
    category: 'rides',
    text: '建议过山车排队区增加遮阳棚',
    ...extra,
  });

  it('are recorded with a reference, refuse bad input writing nothing, and are found by their words, visitor or reference', async () => {
    const office = await openOffice();
    const { test, clerk, rides } = office;
    const events: Array<{ name: string; payload: unknown }> = [];
    test.core.subscribe((event) => events.push(event));
    const input = opinion({ departmentId: rides, visitorName: '周女士', phone: '139 0000 7777' });
    const first = await test.ok('complaints.feedback.create', input, clerk.token);
    // The other screens hear of it; the complaints' own lists and clocks are not made stale.
    expect(events.map(({ name, payload }) => ({ name, payload }))).toEqual([{ name: 'complaints.feedback.changed', payload: { ids: [first.id], date: '2026-11-30' } }]);
    expect(first).toEqual({
      id: first.id,
      ref: `F${first.id}`,
      kind: 'opinion',
      channel: 'walkIn',
      visitorName: '周女士',
      phone: '13900007777',
      category: 'rides',
      department: { id: rides, nameZh: '游乐部', nameEn: 'Rides' },
      text: '建议过山车排队区增加遮阳棚',
      receivedAt: test.clock.now(),
      receivedBy: { id: clerk.id, name: '张柜台' },
      summaryDate: null,
    });
    // Sent twice (a double tap, a retry): recorded once.
    expect((await test.ok('complaints.feedback.create', input, clerk.token)).id).toBe(first.id);

    const bad = await test.fails('complaints.feedback.create', { ...opinion(), kind: 'praise', text: '  ', phone: '12', visitorName: '周'.repeat(41) }, clerk.token);
    expect(bad.fields).toEqual({
      kind: { key: 'validation.invalidOption' },
      text: { key: 'validation.required' },
      phone: { key: 'validation.phone' },
      visitorName: { key: 'validation.tooLong', params: { maximum: 40 } },
    });
    expect(await test.fails('complaints.feedback.create', opinion({ departmentId: 9999 }), clerk.token)).toMatchObject({ fields: { departmentId: { key: 'paging.errors.departmentNotFound' } } });
    expect(await test.fails('complaints.feedback.create', opinion(), office.radio.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM visitor_feedback').get()).toEqual({ n: 1 });
    expect(auditRows(test, 'complaints.feedback')).toHaveLength(1);

    const demand = await test.ok('complaints.feedback.create', opinion({ kind: 'demand', channel: 'commentCard', category: 'facilities', text: '希望园区多设饮水点' }), clerk.token);
    const find = async (input: Input<'complaints.feedback.list'>) => (await test.ok('complaints.feedback.list', input, clerk.token)).rows.map((row) => row.ref);
    expect(await find({})).toEqual([demand.ref, first.ref]);
    expect(await find({ query: '饮水' })).toEqual([demand.ref]);
    expect(await find({ query: '周女士' })).toEqual([first.ref]);
    expect(await find({ query: first.ref.toLowerCase() })).toEqual([first.ref]);
    expect(await find({ query: '139 0000 7777' })).toEqual([first.ref]);
    expect(await find({ query: '(139) 0000-7777' })).toEqual([first.ref]);
    expect(await find({ view: 'day' })).toEqual([demand.ref, first.ref]);
    expect(await find({ view: 'day', date: '2026-11-29' })).toEqual([]);
    expect(await find({ view: 'all', limit: 1 })).toEqual([demand.ref]);
    expect((await test.ok('complaints.feedback.list', { view: 'all', limit: 1 }, clerk.token)).nextBeforeId).toBe(demand.id);
    expect(await find({ view: 'all', limit: 1, beforeId: demand.id })).toEqual([first.ref]);
  });

  it('go to their department in the day’s summary, are fed back once by its close, and are fixed from then on', async () => {
    const office = await openOffice('2026-11-30T02:00:00Z'); // 10:00
    const { test, clerk, rides } = office;
    const food = (await test.ok('departments.list', {}, clerk.token)).find((d) => d.code === 'food')?.id ?? 0;
    const burger = await test.ok('complaints.create', walkIn(office, { category: 'food', departmentId: food, description: '汉堡是冷的' }), clerk.token);
    const shade = await test.ok('complaints.feedback.create', opinion({ departmentId: rides }), clerk.token);
    const water = await test.ok('complaints.feedback.create', opinion({ kind: 'demand', category: 'facilities', text: '希望园区多设饮水点' }), clerk.token);

    let summary = await test.ok('complaints.summary', {}, office.admin);
    expect(summary).toMatchObject({ total: 1, feedbackTotal: 2 });
    // The rides department has no complaint today, and yet it is told of its visitors' opinion.
    expect(summary.departments.map((d) => [d.nameZh, d.count, d.feedback.map((line) => line.ref)])).toEqual([
      ['游乐部', 0, [shade.ref]],
      ['餐饮部', 1, []],
      ['未指定部门', 0, [water.ref]],
    ]);
    expect(summary.departments[0]?.feedback[0]).toEqual({ id: shade.id, ref: shade.ref, kind: 'opinion', category: 'rides', text: '建议过山车排队区增加遮阳棚', receivedAt: shade.receivedAt });

    // The request with no department is given one before the close: it moves there.
    await test.ok('complaints.feedback.update', { id: water.id, departmentId: food, text: '希望餐厅附近多设饮水点' }, clerk.token);
    summary = await test.ok('complaints.summary', {}, office.admin);
    expect(summary.departments.map((d) => [d.nameZh, d.feedback.map((line) => line.text)])).toEqual([
      ['游乐部', ['建议过山车排队区增加遮阳棚']],
      ['餐饮部', ['希望餐厅附近多设饮水点']],
    ]);

    await later(office, 10 * HOUR); // 20:00
    const closed = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(closed.feedbackTotal).toBe(2);
    expect(JSON.parse(auditRows(test, 'complaints.summaryClose')[0]?.detail ?? '{}')).toMatchObject({ total: 1, feedback: 2 });
    // Its own files for the rides department, which had only an opinion.
    const folder = join(test.dir, 'reports', 'complaints');
    expect(readdirSync(folder).sort()).toEqual(['', '-food', '-rides'].flatMap((part) => ['csv', 'pdf'].map((ext) => `complaints-2026-11-30-closed${part}.${ext}`)).sort());
    expect(readFileSync(join(folder, 'complaints-2026-11-30-closed-rides.csv'), 'utf8').split('\r\n').filter(Boolean)).toEqual([
      '\uFEFFdate,department_zh,department_en,complaint_no,category,status,place,description,request,what_was_done,record',
      `2026-11-30,游乐部,Rides,${shade.ref},rides,,,建议过山车排队区增加遮阳棚,,,opinion`,
    ]);
    const foodCsv = readFileSync(join(folder, 'complaints-2026-11-30-closed-food.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(foodCsv.slice(1).map((line) => `${line.split(',')[3] ?? ''} ${line.split(',').at(-1) ?? ''}`)).toEqual([`${burger.complaintNo} complaint`, `${water.ref} demand`]);
    const ridesPdf = (await pdfText(readFileSync(join(folder, 'complaints-2026-11-30-closed-rides.pdf')))).join('\n').replaceAll('\n', '');
    for (const expected of ['游乐部 Rides · 意见与需求 Opinions and requests', shade.ref, '意见建议', '游乐项目', '建议过山车排队区增加遮阳棚']) expect(ridesPdf).toContain(expected);
    expect(ridesPdf).not.toContain('希望餐厅附近多设饮水点');
    expect(ridesPdf).not.toContain('类别 Categories');

    // Fed back: fixed, by the core and by the database.
    expect((await test.ok('complaints.feedback.list', { view: 'all' }, clerk.token)).rows.map((row) => row.summaryDate)).toEqual(['2026-11-30', '2026-11-30']);
    expect(await test.fails('complaints.feedback.update', { id: shade.id, text: '改一下' }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { id: { key: 'complaints.feedback.errors.fedBack', params: { ref: shade.ref, date: '2026-11-30' } } },
    });
    expect(() => test.core.db?.prepare("UPDATE visitor_feedback SET text = 'x' WHERE id = ?").run(shade.id)).toThrow(/fixed once fed back/);
    expect(() => test.core.db?.prepare("UPDATE visitor_feedback SET phone = '13900000000' WHERE id = ?").run(shade.id)).toThrow(/fixed once fed back/);
    expect(() => test.core.db?.prepare('UPDATE visitor_feedback SET id = 999 WHERE id = ?').run(shade.id)).toThrow(/fixed once fed back/);
    expect(() => test.core.db?.prepare('DELETE FROM visitor_feedback WHERE id = ?').run(shade.id)).toThrow(/kept/);
    expect((await test.ok('complaints.feedback.list', {}, clerk.token)).rows).toEqual([]);

    // 21:00, after the close: recorded that evening, it goes to the next day's summary, never to the closed one.
    await later(office, HOUR);
    const evening = await test.ok('complaints.feedback.create', opinion({ departmentId: rides, text: '闭园广播音量太小' }), clerk.token);
    expect((await test.ok('complaints.summary', { date: '2026-11-30' }, office.admin)).departments.flatMap((d) => d.feedback.map((line) => line.ref))).toEqual([shade.ref, water.ref]);
    await later(office, 13 * HOUR);
    const next = await test.ok('complaints.summary', {}, office.admin);
    expect(next).toMatchObject({ date: '2026-12-01', feedbackTotal: 1 });
    expect(next.departments.flatMap((d) => d.feedback.map((line) => line.ref))).toEqual([evening.ref]);
  });

  it('leave out at the close those with no department: they wait, still correctable, for the next summary', async () => {
    const office = await openOffice('2026-11-30T10:00:00Z'); // 18:00
    const { test, clerk, rides } = office;
    const named = await test.ok('complaints.feedback.create', opinion({ departmentId: rides }), clerk.token);
    const nobody = await test.ok('complaints.feedback.create', opinion({ text: '希望延长夜场开放时间' }), clerk.token);
    expect((await test.ok('complaints.summary', {}, office.admin)).feedbackTotal).toBe(2);
    // The draft's files are what the close would keep.
    const draft = (await test.ok('complaints.summary.csv', { date: '2026-11-30' }, office.admin)).csv;
    expect(draft).toContain(named.ref);
    expect(draft).not.toContain(nobody.ref);
    const closed = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(closed.feedbackTotal).toBe(1);
    expect(closed.departments.map((d) => [d.nameZh, d.feedback.map((line) => line.ref)])).toEqual([['游乐部', [named.ref]]]);
    expect((await test.ok('complaints.feedback.list', {}, clerk.token)).rows.map((row) => row.ref)).toEqual([nobody.ref]);
    await test.ok('complaints.feedback.update', { id: nobody.id, departmentId: rides }, clerk.token);
    await later(office, DAY);
    const next = await test.ok('complaints.summary', {}, office.admin);
    expect(next.departments.flatMap((d) => d.feedback.map((line) => line.ref))).toEqual([nobody.ref]);
  });

  it('are fed back once when an older summary is closed after a newer one', async () => {
    const office = await openOffice('2026-11-30T04:00:00Z'); // 12:00, the 30th
    const { test, clerk, rides } = office;
    const monday = await test.ok('complaints.feedback.create', opinion({ departmentId: rides }), clerk.token);
    // The 30th's summary is left open; on the 1st another, then the 1st's summary closes first.
    await later(office, DAY);
    const tuesday = await test.ok('complaints.feedback.create', opinion({ departmentId: rides, text: '儿童区需要更多座椅' }), clerk.token);
    expect((await test.ok('complaints.summary', { date: '2026-11-30' }, office.admin)).departments.flatMap((d) => d.feedback.map((line) => line.ref))).toEqual([monday.ref]);
    const first = await test.ok('complaints.summary.close', { date: '2026-12-01' }, office.admin);
    expect(first.departments.flatMap((d) => d.feedback.map((line) => line.ref))).toEqual([monday.ref, tuesday.ref]);
    const late = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(late.feedbackTotal).toBe(0);
    expect(test.core.db?.prepare('SELECT id, summary_date FROM visitor_feedback ORDER BY id').all()).toEqual([
      { id: monday.id, summary_date: '2026-12-01' },
      { id: tuesday.id, summary_date: '2026-12-01' },
    ]);
  });

  it('refuse a close when one it lists is corrected while its files are made, keeping nothing; the next close takes the correction', async () => {
    const office = await openOffice('2026-11-30T10:00:00Z'); // 18:00
    const { test, clerk, rides } = office;
    const shade = await test.ok('complaints.feedback.create', opinion({ departmentId: rides }), clerk.token);
    // The close renders its PDFs (awaited) before it records anything; the counter saves a correction meanwhile.
    const closing = test.core.call('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    await test.ok('complaints.feedback.update', { id: shade.id, text: '建议排队区增加遮阳棚和风扇' }, clerk.token);
    expect(await closing).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'complaints.errors.summaryChanged', params: { ref: shade.ref } } });
    expect((await test.ok('complaints.summary', {}, office.admin)).closedAt).toBeNull();
    expect(existsSync(join(test.dir, 'reports', 'complaints')) ? readdirSync(join(test.dir, 'reports', 'complaints')) : []).toEqual([]);
    expect((await test.ok('complaints.feedback.list', {}, clerk.token)).rows.map((row) => row.summaryDate)).toEqual([null]);

    const closed = await test.ok('complaints.summary.close', { date: '2026-11-30' }, office.admin);
    expect(closed.departments[0]?.feedback.map((line) => line.text)).toEqual(['建议排队区增加遮阳棚和风扇']);
  });
});

describe('a complaint taken by phone', () => {
  it('is found by its number however it is typed, and keeps a number to call back on', async () => {
    const office = await openOffice();
    const { test, clerk } = office;
    const called = await test.ok('complaints.create', walkIn(office, { channel: 'phone', phone: '138 1234 5678' }), clerk.token);
    await test.ok('complaints.create', walkIn(office, { complainantName: '王女士', phone: '13900007777' }), clerk.token);
    const find = async (query: string) => (await test.ok('complaints.list', { view: 'all', query }, clerk.token)).rows.map((row) => row.id);
    expect(await find('13812345678')).toEqual([called.id]);
    expect(await find('138 1234 5678')).toEqual([called.id]);
    expect(await find('+86 138-1234-5678')).toEqual([called.id]);
    expect(await find('5678')).toEqual([called.id]);

    // Clearing its number is refused at the field, as when it was recorded, and changes nothing.
    expect(await test.fails('complaints.update', { id: called.id, phone: '' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { phone: { key: 'validation.phoneForCallBack' } },
    });
    expect((await test.ok('complaints.get', { id: called.id }, clerk.token)).phone).toBe('13812345678');
    expect(auditRows(test, 'complaints.update')).toHaveLength(0);
    // A walk-in's number may be cleared.
    const walked = (await test.ok('complaints.list', { view: 'all', query: '王女士' }, clerk.token)).rows[0]?.id ?? 0;
    expect((await test.ok('complaints.update', { id: walked, phone: '' }, clerk.token)).phone).toBeNull();
  });
});
