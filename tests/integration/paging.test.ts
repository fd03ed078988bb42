import { describe, expect, it } from 'vitest';
import type { Input, LiveEvent } from '@shared/contract';
import { MINUTE } from '@shared/rules/time';
import { addStaff, auditRows, makeCore, setUpPark, type TestCore } from '../support/core';

interface Room {
  test: TestCore;
  admin: string;
  counter: { id: number; token: string };
  radio: { id: number; token: string };
}

async function openRoom(): Promise<Room> {
  const test = makeCore();
  const admin = await setUpPark(test);
  // These tests move the clock across the 5- and 10-minute marks: keep sessions from timing out meanwhile.
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const counter = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const radio = await addStaff(test, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
  return { test, admin, counter, radio };
}

let refs = 0;
const ref = () => `test-${++refs}-${Math.random().toString(36).slice(2)}`;

function lostChild(test: TestCore, extra: Partial<Extract<Input<'paging.register'>['details'], { kind: 'missingPerson' }>> = {}): Input<'paging.register'> {
  return {
    clientRef: ref(),
    details: {
      kind: 'missingPerson',
      child: true,
      name: '小明',
      age: 5,
      sex: 'male',
      heightCm: 110,
      clothing: '红色上衣、蓝色短裤',
      lastSeenPlace: '旋转木马',
      lastSeenAt: test.clock.now() - 10 * MINUTE,
      guardianName: '王女士',
      guardianPhone: '13812345678',
      meetingPoint: '游客服务中心',
      ...extra,
    },
  };
}

describe('paging requests', () => {
  it('registers a lost child with the standard script in both languages, without the guardian’s phone', async () => {
    const { test, counter } = await openRoom();
    const events: string[] = [];
    test.core.subscribe((event) => events.push(event.name));
    const slip = await test.ok('paging.register', lostChild(test), counter.token);
    expect(slip).toMatchObject({ kind: 'missingPerson', priority: 1, status: 'registered', source: 'counter', createdBy: { id: counter.id } });
    expect(slip.scriptZh).toBe(
      '各位游客请注意，现在广播寻人：一名5岁的男孩，名叫小明，身高约110厘米，身穿红色上衣、蓝色短裤，09:50左右在旋转木马与家人走散。请见到这位小朋友的游客或工作人员将其带到游客服务中心，王女士正在那里等候。谢谢您的帮助！',
    );
    expect(slip.scriptEn).toContain('a 5-year-old boy named 小明, about 110 cm tall, wearing 红色上衣、蓝色短裤');
    expect(slip.scriptZh + slip.scriptEn).not.toContain('13812345678');
    expect(slip.contactDueAt).toBe(slip.createdAt + 5 * MINUTE);
    expect(events).toContain('paging.created');
    expect(auditRows(test, 'paging.register')).toHaveLength(1);
  });

  it('never makes a second slip when a submission is retried with the same clientRef', async () => {
    const { test, counter } = await openRoom();
    const request = lostChild(test);
    const first = await test.ok('paging.register', request, counter.token);
    const again = await test.ok('paging.register', request, counter.token);
    expect(again.id).toBe(first.id);
    expect(await test.ok('paging.queue', {}, counter.token)).toHaveLength(1);
    expect(auditRows(test, 'paging.register')).toHaveLength(1);
  });

  it('refuses missing fields and a phone number that is not one, and writes nothing', async () => {
    const { test, counter } = await openRoom();
    const bad = lostChild(test, { guardianPhone: '12345', clothing: '' });
    const error = await test.fails('paging.register', bad, counter.token);
    expect(error.fields).toEqual({ 'details.clothing': { key: 'validation.required' }, 'details.guardianPhone': { key: 'validation.phone' } });
    const noKind = await test.fails('paging.register', { clientRef: ref(), details: { name: 'x' } }, counter.token);
    expect(noKind.code).toBe('VALIDATION');
    const noDepartment = await test.fails('paging.register', { clientRef: ref(), details: { kind: 'summonHead', departmentId: 999 } }, counter.token);
    expect(noDepartment.fields).toEqual({ 'details.departmentId': { key: 'paging.errors.departmentNotFound' } });
    // Last seen a few minutes ahead of the clock is a watch running fast; later than that is typed wrong.
    const ahead = await test.fails('paging.register', lostChild(test, { lastSeenAt: test.clock.now() + 6 * MINUTE }), counter.token);
    expect(ahead.fields).toEqual({ 'details.lastSeenAt': { key: 'paging.errors.lastSeenFuture' } });
    expect(await test.ok('paging.queue', {}, counter.token)).toEqual([]);
    await test.ok('paging.register', lostChild(test, { lastSeenAt: test.clock.now() + 4 * MINUTE }), counter.token);
  });

  it('orders the queue by priority then age: a missing child first', async () => {
    const { test, counter } = await openRoom();
    const general = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '闭园前30分钟提醒', textEn: '' } }, counter.token);
    test.clock.advance(MINUTE);
    const found = await test.ok(
      'paging.register',
      { clientRef: ref(), details: { kind: 'lostProperty', item: '黑色背包', foundPlace: '美食广场', claimPoint: '游客服务中心' } },
      counter.token,
    );
    test.clock.advance(MINUTE);
    const adult = await test.ok('paging.register', lostChild(test, { child: false, age: 70, sex: 'female', name: '李奶奶' }), counter.token);
    test.clock.advance(MINUTE);
    const child = await test.ok('paging.register', lostChild(test), counter.token);
    const queue = await test.ok('paging.queue', {}, counter.token);
    expect(queue.map((slip) => slip.id)).toEqual([child.id, adult.id, found.id, general.id]);
    expect(adult.scriptZh).toContain('李奶奶（女士，70岁）');
    // Corrected on the slip: the child was an adult after all, and the adult a child. The queue follows.
    const details = (slip: typeof child) => slip.details as Extract<Input<'paging.register'>['details'], { kind: 'missingPerson' }>;
    await test.ok('paging.update', { id: child.id, details: { ...details(child), child: false, age: 19 } }, counter.token);
    await test.ok('paging.update', { id: adult.id, details: { ...details(adult), child: true, age: 7 } }, counter.token);
    expect((await test.ok('paging.queue', {}, counter.token)).map((slip) => slip.id)).toEqual([adult.id, child.id, found.id, general.id]);
  });

  it('runs the 5-minute clock from registration to the broadcast room taking it', async () => {
    const { test, counter, radio } = await openRoom();
    const onTime = await test.ok('paging.register', lostChild(test), counter.token);
    const late = await test.ok('paging.register', lostChild(test, { name: '小红', sex: 'female' }), counter.token);
    test.clock.advance(4 * MINUTE);
    expect((await test.ok('paging.acknowledge', { id: onTime.id }, radio.token)).contactLate).toBe(false);
    test.clock.advance(2 * MINUTE);
    const queue = await test.ok('paging.queue', {}, radio.token);
    expect(queue.find((slip) => slip.id === late.id)?.contactLate).toBe(true);
    const taken = await test.ok('paging.acknowledge', { id: late.id }, radio.token);
    expect(taken).toMatchObject({ status: 'acknowledged', contactLate: true, acknowledgedBy: { id: radio.id } });
    expect(await test.fails('paging.acknowledge', { id: late.id }, radio.token)).toMatchObject({ code: 'CONFLICT', fields: { id: { key: 'paging.errors.alreadyAcknowledged' } } });
  });

  it('counts a slip taken at exactly 5 minutes as late, on the slip, in its audit row, in the day’s figures and on the dashboard', async () => {
    const { test, admin, counter, radio } = await openRoom();
    const inTime = await test.ok('paging.register', lostChild(test), counter.token);
    const atTheMark = await test.ok('paging.register', lostChild(test, { name: '小红', sex: 'female' }), counter.token);
    test.clock.advance(5 * MINUTE - 1);
    expect(await test.ok('paging.acknowledge', { id: inTime.id }, radio.token)).toMatchObject({ contactLate: false });
    test.clock.advance(1);
    expect(await test.ok('paging.acknowledge', { id: atTheMark.id }, radio.token)).toMatchObject({ contactLate: true });
    expect(auditRows(test, 'paging.acknowledge').map((row) => (JSON.parse(row.detail) as { late: boolean }).late)).toEqual([false, true]);
    expect(await test.ok('paging.stats', {}, admin)).toMatchObject({ contacted: 2, contactedWithin5: 1, shareWithin5: 0.5 });
    const dashboard = await test.ok('dashboard.paging', { from: '2026-11-29', to: '2026-11-29', granularity: 'day' }, admin);
    expect(dashboard.periods[0]).toMatchObject({ count: 2, due: 2, within5: 1, shareWithin5: 0.5 });
  });

  it('puts first what the room must air now: a new slip above an aired one, until the aired one’s repeat is due', async () => {
    const { test, counter, radio } = await openRoom();
    const child = await test.ok('paging.register', lostChild(test, { repeatMinutes: 10 }), counter.token);
    await test.ok('paging.aired', { id: child.id }, radio.token);
    test.clock.advance(MINUTE);
    const found = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'lostProperty', item: '黑色背包', foundPlace: '美食广场', claimPoint: '游客服务中心' } }, counter.token);
    // The child was aired a minute ago: the new lost-property slip waits on the room, so it comes first.
    expect((await test.ok('paging.queue', {}, radio.token)).map((slip) => slip.id)).toEqual([found.id, child.id]);
    // Ten minutes after airing, the child's repeat is due: both wait on the room, the child first by priority.
    test.clock.advance(9 * MINUTE);
    expect((await test.ok('paging.queue', {}, radio.token)).map((slip) => slip.id)).toEqual([child.id, found.id]);
    // Once the lost property is aired and the child repeated, nothing waits: priority again.
    await test.ok('paging.aired', { id: found.id }, radio.token);
    await test.ok('paging.repeat', { id: child.id }, radio.token);
    expect((await test.ok('paging.queue', {}, radio.token)).map((slip) => slip.id)).toEqual([child.id, found.id]);
  });

  it('airs once, repeats a missing person until found, and refuses airing twice or acting on a cancelled slip', async () => {
    const { test, counter, radio } = await openRoom();
    const slip = await test.ok('paging.register', lostChild(test, { repeatMinutes: 10 }), counter.token);
    test.clock.advance(MINUTE);
    const aired = await test.ok('paging.aired', { id: slip.id }, radio.token);
    expect(aired).toMatchObject({ status: 'aired', airCount: 1, acknowledgedAt: aired.firstAiredAt, nextAiringAt: (aired.firstAiredAt ?? 0) + 10 * MINUTE });
    expect(await test.fails('paging.aired', { id: slip.id }, radio.token)).toMatchObject({ fields: { id: { key: 'paging.errors.alreadyAired' } } });
    expect(await test.fails('paging.repeat', { id: slip.id }, radio.token)).toMatchObject({ fields: { id: { key: 'paging.errors.justAired' } } });
    test.clock.advance(10 * MINUTE);
    const repeated = await test.ok('paging.repeat', { id: slip.id }, radio.token);
    expect(repeated.airCount).toBe(2);
    const found = await test.ok('paging.close', { id: slip.id, outcome: 'resolved', note: '已在服务中心与家长会合' }, counter.token);
    expect(found).toMatchObject({ status: 'resolved', closeNote: '已在服务中心与家长会合', nextAiringAt: null });
    expect(await test.ok('paging.queue', {}, radio.token)).toEqual([]);

    const other = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '测试', textEn: '' } }, counter.token);
    expect(await test.fails('paging.close', { id: other.id, outcome: 'cancelled' }, counter.token)).toMatchObject({ fields: { note: { key: 'validation.reasonRequired' } } });
    await test.ok('paging.close', { id: other.id, outcome: 'cancelled', note: '登记错误' }, counter.token);
    expect(await test.fails('paging.acknowledge', { id: other.id }, radio.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { id: { key: 'paging.errors.closed', params: { status: 'cancelled' } } },
    });
    const count = test.core.db?.prepare<[number], { n: number }>('SELECT count(*) AS n FROM paging_airing WHERE request_id = ?').get(slip.id);
    expect(count?.n).toBe(2);
  });

  it('summons a department head: the 10-minute clock runs from the call, a late arrival is flagged', async () => {
    const { test, counter, radio } = await openRoom();
    const departments = await test.ok('departments.list', {}, counter.token);
    const rides = departments.find((d) => d.code === 'rides');
    expect(rides?.nameZh).toBe('游乐部');
    const summon = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'summonHead', departmentId: rides?.id ?? 0, reason: '过山车排队纠纷' } }, counter.token);
    expect(summon.scriptZh).toBe('游乐部负责人请注意：请听到广播后10分钟内到游客服务中心。谢谢！');
    expect(summon.arrivalDueAt).toBeNull();
    expect(await test.fails('paging.arrived', { id: summon.id }, counter.token)).toMatchObject({ fields: { id: { key: 'paging.errors.notAiredYet' } } });
    const called = await test.ok('paging.aired', { id: summon.id }, radio.token);
    expect(called.arrivalDueAt).toBe((called.firstAiredAt ?? 0) + 10 * MINUTE);
    test.clock.advance(12 * MINUTE);
    expect((await test.ok('paging.queue', {}, counter.token))[0]?.arrivalLate).toBe(true);
    const arrived = await test.ok('paging.arrived', { id: summon.id }, counter.token);
    expect(arrived).toMatchObject({ status: 'resolved', arrivalLate: true });
    const stats = await test.ok('paging.stats', {}, counter.token);
    expect(stats.lateHeads).toEqual([{ id: summon.id, department: '游乐部', departmentEn: 'Rides', calledAt: called.firstAiredAt, arrivedAt: arrived.arrivedAt, lateByMs: 2 * MINUTE }]);
  });

  it('edits an open request (its script follows), marks when, tells the room it was changed, and keeps its kind', async () => {
    const { test, counter, radio } = await openRoom();
    const slip = await test.ok('paging.register', lostChild(test), counter.token);
    if (slip.details.kind !== 'missingPerson') throw new Error('a missing-person slip was expected');
    expect(slip.editedAt).toBeNull();
    const events: Array<{ name: string; payload: unknown }> = [];
    test.core.subscribe((event) => events.push(event));
    await test.ok('paging.acknowledge', { id: slip.id }, radio.token);
    test.clock.advance(2 * MINUTE);
    const edited = await test.ok('paging.update', { id: slip.id, details: { ...slip.details, clothing: '黄色雨衣' } }, counter.token);
    expect(edited.scriptZh).toContain('身穿黄色雨衣');
    expect(edited).toMatchObject({ editedAt: test.clock.now(), status: 'acknowledged' });
    expect(events.filter((event) => event.name === 'paging.changed').map((event) => event.payload)).toEqual([
      { id: slip.id, status: 'acknowledged' },
      { id: slip.id, status: 'acknowledged', edited: true },
    ]);
    expect(await test.fails('paging.update', { id: slip.id, details: { kind: 'general', textZh: 'x', textEn: '' } }, counter.token)).toMatchObject({
      fields: { 'details.kind': { key: 'paging.errors.kindFixed' } },
    });
  });

  it('keeps the words of each airing: a slip corrected after it went out does not rewrite what was read', async () => {
    const { test, counter, radio } = await openRoom();
    const slip = await test.ok('paging.register', lostChild(test, { repeatMinutes: 10 }), counter.token);
    if (slip.details.kind !== 'missingPerson') throw new Error('a missing-person slip was expected');
    await test.ok('paging.aired', { id: slip.id }, radio.token);
    const edited = await test.ok('paging.update', { id: slip.id, details: { ...slip.details, clothing: '黄色雨衣' } }, counter.token);
    test.clock.advance(10 * MINUTE);
    await test.ok('paging.repeat', { id: slip.id }, radio.token);
    const airings = test.core.db?.prepare<[number], { script_zh: string; script_en: string }>('SELECT script_zh, script_en FROM paging_airing WHERE request_id = ? ORDER BY at').all(slip.id);
    expect(airings).toEqual([
      { script_zh: slip.scriptZh, script_en: slip.scriptEn },
      { script_zh: edited.scriptZh, script_en: edited.scriptEn },
    ]);
    expect(slip.scriptZh).not.toContain('黄色雨衣');
    expect(edited.scriptZh).toContain('黄色雨衣');
  });

  it('tells every station at once when a slip is edited or cancelled: the queue then reads the new script, then no longer holds it', async () => {
    const { test, counter, radio } = await openRoom();
    const events: LiveEvent[] = [];
    test.core.subscribe((event) => events.push(event));
    const slip = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '请白色轿车车主移车', textEn: 'Would the owner of the white car please move it' } }, counter.token);
    const kept = await test.ok('paging.register', lostChild(test), counter.token);
    const changes = () => events.filter((event) => event.name === 'paging.changed').map((event) => event.payload);

    await test.ok('paging.update', { id: slip.id, details: { kind: 'general', textZh: '请停在北门的白色轿车车主移车', textEn: 'Would the owner of the white car at the north gate please move it' } }, counter.token);
    expect(changes()).toEqual([{ id: slip.id, status: 'registered', edited: true }]);
    const edited = (await test.ok('paging.queue', {}, radio.token)).find((row) => row.id === slip.id);
    expect(edited).toMatchObject({ scriptZh: '请停在北门的白色轿车车主移车', scriptEn: 'Would the owner of the white car at the north gate please move it' });

    await test.ok('paging.close', { id: slip.id, outcome: 'cancelled', note: '车主已自行移车' }, counter.token);
    expect(changes()).toEqual([
      { id: slip.id, status: 'registered', edited: true },
      { id: slip.id, status: 'cancelled' },
    ]);
    expect((await test.ok('paging.queue', {}, radio.token)).map((row) => row.id)).toEqual([kept.id]);
    expect(auditRows(test, 'paging.cancel').map((row) => row.detail)).toEqual([JSON.stringify({ note: '车主已自行移车' })]);
  });

  it('stops the 5-minute clock of a slip closed before anyone contacted its requester: in time it is not due, late it stays late by what it was', async () => {
    const { test, admin, counter } = await openRoom();
    const found = await test.ok('paging.register', lostChild(test), counter.token);
    const dropped = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '请车主移车', textEn: '' } }, counter.token);
    test.clock.advance(2 * MINUTE);
    await test.ok('paging.close', { id: found.id, outcome: 'resolved', note: '孩子已自行回到服务中心' }, counter.token);
    test.clock.advance(6 * MINUTE);
    await test.ok('paging.close', { id: dropped.id, outcome: 'cancelled', note: '车主已自行移车' }, counter.token);
    test.clock.advance(30 * MINUTE);
    const slips = await test.ok('paging.list', {}, admin);
    expect(slips.find((slip) => slip.id === found.id)).toMatchObject({ status: 'resolved', contactLate: false });
    expect(slips.find((slip) => slip.id === dropped.id)).toMatchObject({ status: 'cancelled', contactLate: true });
    const stats = await test.ok('paging.stats', {}, admin);
    expect(stats).toMatchObject({ total: 2, contacted: 0, contactedWithin5: 0, shareWithin5: 0 });
    expect(stats.lateContacts).toEqual([expect.objectContaining({ id: dropped.id, contactedAt: null, lateByMs: 3 * MINUTE })]);
    const dashboard = await test.ok('dashboard.paging', { from: '2026-11-29', to: '2026-11-29', granularity: 'day' }, admin);
    expect(dashboard.periods[0]).toMatchObject({ count: 2, due: 1, within5: 0 });
  });

  it('gives the duty manager the day’s figures: per kind, share within 5 minutes, median time to air', async () => {
    const { test, counter, radio } = await openRoom();
    const a = await test.ok('paging.register', lostChild(test), counter.token);
    const b = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '广播一', textEn: '' } }, counter.token);
    const c = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '广播二', textEn: '' } }, counter.token);
    test.clock.advance(2 * MINUTE);
    await test.ok('paging.aired', { id: a.id }, radio.token);
    test.clock.advance(2 * MINUTE);
    await test.ok('paging.aired', { id: b.id }, radio.token);
    test.clock.advance(4 * MINUTE);
    await test.ok('paging.aired', { id: c.id }, radio.token);
    const stats = await test.ok('paging.stats', {}, radio.token);
    expect(stats).toMatchObject({
      total: 3,
      byKind: { missingPerson: 1, summonHead: 0, lostProperty: 0, general: 2 },
      contacted: 3,
      contactedWithin5: 2,
      medianToAirMs: 4 * MINUTE,
    });
    expect(stats.shareWithin5).toBeCloseTo(2 / 3);
  });

  it('lets managers edit the standard scripts, refusing unknown placeholders', async () => {
    const { test, admin, counter } = await openRoom();
    expect(await test.fails('paging.scripts.save', { kind: 'lostProperty', language: 'en', text: 'Found: {item} at {place}' }, admin)).toMatchObject({
      fields: { text: { key: 'paging.errors.unknownPlaceholder', params: { names: '{place}' } } },
    });
    expect(await test.fails('paging.scripts.save', { kind: 'lostProperty', language: 'en', text: 'x {item}' }, counter.token)).toMatchObject({ code: 'FORBIDDEN' });
    await test.ok('paging.scripts.save', { kind: 'lostProperty', language: 'en', text: 'Found property: {item}, near {foundPlace}. Claim at {claimPoint}.' }, admin);
    const slip = await test.ok(
      'paging.register',
      { clientRef: ref(), details: { kind: 'lostProperty', item: 'a black umbrella', foundPlace: 'Gate 2', claimPoint: 'the Visitor Service Center' } },
      counter.token,
    );
    expect(slip.scriptEn).toBe('Found property: a black umbrella, near Gate 2. Claim at the Visitor Service Center.');
    expect(auditRows(test, 'paging.script')).toHaveLength(1);
  });

  it('keeps a library of standard general announcements in both languages that managers edit and the counter starts from', async () => {
    const { test, admin, counter } = await openRoom();
    const library = await test.ok('paging.generalTexts.list', {}, counter.token);
    expect(library.length).toBeGreaterThanOrEqual(5);
    for (const text of library) {
      expect(text.titleZh && text.titleEn && text.textZh && text.textEn, text.titleEn).toBeTruthy();
      expect(text.textZh).toMatch(/[\u4e00-\u9fff]/);
    }
    const closing = library.find((text) => text.titleEn === 'Park closing soon');
    if (!closing) throw new Error('no closing text');

    // Only managers edit it; a counter clerk is refused, bad input changes nothing.
    const edit = { id: closing.id, titleZh: '闭园提示', titleEn: 'Park closing soon', textZh: '各位游客请注意，本园将于18:00闭园。', textEn: 'Attention please. The park closes at 18:00.' };
    expect(await test.fails('paging.generalTexts.save', edit, counter.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('paging.generalTexts.save', { ...edit, textZh: '' }, admin)).toMatchObject({ code: 'VALIDATION', fields: { textZh: { key: 'validation.required' } } });
    expect((await test.ok('paging.generalTexts.list', {}, counter.token)).find((text) => text.id === closing.id)?.textZh).toBe(closing.textZh);
    const saved = await test.ok('paging.generalTexts.save', edit, admin);
    expect(saved).toMatchObject({ textZh: '各位游客请注意，本园将于18:00闭园。', active: true });
    const added = await test.ok('paging.generalTexts.save', { titleZh: '寄存提醒', titleEn: 'Left luggage', textZh: '寄存处位于北门。', textEn: 'Left luggage is at the north gate.' }, admin);
    expect((await test.ok('paging.generalTexts.list', {}, counter.token)).at(-1)?.id).toBe(added.id);
    await test.ok('paging.generalTexts.save', { ...edit, active: false }, admin);
    expect((await test.ok('paging.generalTexts.list', {}, counter.token)).map((text) => text.id)).not.toContain(closing.id);
    expect((await test.ok('paging.generalTexts.list', { includeInactive: true }, admin)).map((text) => text.id)).toContain(closing.id);
    expect(auditRows(test, 'paging.generalText')).toHaveLength(3);

    // The counter starts from the standard text and adjusts it: the slip reads what was sent and keeps where it came from.
    const slip = await test.ok('paging.register', { clientRef: ref(), details: { kind: 'general', standardTextId: added.id, textZh: '寄存处位于北门，营业至18:00。', textEn: added.textEn } }, counter.token);
    expect(slip).toMatchObject({ kind: 'general', scriptZh: '寄存处位于北门，营业至18:00。', scriptEn: 'Left luggage is at the north gate.', details: { standardTextId: added.id } });
    expect(await test.fails('paging.register', { clientRef: ref(), details: { kind: 'general', standardTextId: 9999, textZh: '请注意' } }, counter.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { 'details.standardTextId': { key: 'paging.errors.generalTextNotFound' } },
    });
    expect(await test.ok('paging.queue', {}, counter.token)).toHaveLength(1);
  });

  it('tells the counter whether the broadcast room is on line: its screens with the live queue open, not the counter’s own', async () => {
    const { test, counter, radio } = await openRoom();
    const events: LiveEvent[] = [];
    test.core.subscribe((event) => events.push(event));
    expect(await test.ok('paging.room', {}, counter.token)).toEqual({ screens: 0, since: null });

    // The counter's own stream is not the room; a token without a session counts nothing.
    const counterScreen = test.core.attachScreen(counter.token);
    expect(test.core.attachScreen('no-such-token')).toBeUndefined();
    expect((await test.ok('paging.room', {}, counter.token)).screens).toBe(0);

    const opened = test.clock.now();
    const leave = test.core.attachScreen(radio.token);
    test.clock.advance(MINUTE);
    const second = test.core.attachScreen(radio.token);
    expect(await test.ok('paging.room', {}, counter.token)).toEqual({ screens: 2, since: opened });
    expect(events.filter((event) => event.name === 'paging.room').map((event) => event.payload)).toEqual([{ screens: 1 }, { screens: 2 }]);

    // The room's screens close (a page shut, the link down): off line at once, each counted once.
    leave?.();
    leave?.();
    second?.();
    counterScreen?.();
    expect(await test.ok('paging.room', {}, counter.token)).toEqual({ screens: 0, since: null });
    expect(events.filter((event) => event.name === 'paging.room').map((event) => event.payload)).toEqual([{ screens: 1 }, { screens: 2 }, { screens: 1 }, { screens: 0 }]);
    expect(await test.fails('paging.room', {}, radio.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('prints a paging slip through the print queue', async () => {
    const { test, counter } = await openRoom();
    const slip = await test.ok('paging.register', lostChild(test), counter.token);
    const { printJobId } = await test.ok('paging.printSlip', { id: slip.id }, counter.token);
    const job = test.core.db?.prepare<[number], { kind: string; document: string }>('SELECT kind, document FROM print_job WHERE id = ?').get(printJobId);
    expect(job?.kind).toBe('paging-slip');
    expect(job?.document).toContain('小明');
    // Numbered as its card and the day close name it.
    expect(JSON.parse(job?.document ?? '{}')).toMatchObject({ ref: `P${slip.id}`, blocks: expect.arrayContaining([{ type: 'pair', left: '编号 No.', right: `P${slip.id}`, bold: true }]) });
  });
});
