import { describe, expect, it } from 'vitest';
import type { Input, LiveEvent } from '@shared/contract';
import { MINUTE } from '@shared/rules/time';
import { ADMIN, addStaff, auditRows, makeCore, setUpPark, type TestCore } from '../support/core';

/** Park time on 2026-11-29 (Asia/Shanghai, UTC+8). */
const at = (time: string, date = '2026-11-29') => Date.parse(`${date}T${time}:00+08:00`);
const TODAY = '2026-11-29';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
  operator: { id: number; token: string };
}

async function openPark(): Promise<Park> {
  const test = makeCore();
  test.clock.set(at('08:00'));
  const admin = await setUpPark(test);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const operator = await addStaff(test, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
  return { test, admin, adminId, clerk, operator };
}

/** Moves the park clock to a time; everyone signs in again (sessions end after 10 idle minutes). */
async function moveTo(park: Park, when: number): Promise<void> {
  park.test.clock.set(when);
  park.admin = (await park.test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
  park.operator.token = (await park.test.ok('auth.signIn', { staffId: park.operator.id, pin: '2468' })).token;
  park.clerk.token = (await park.test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;
}

function count(test: TestCore, sql: string): number {
  return test.core.db?.prepare<[], { n: number }>(sql).get()?.n ?? -1;
}

async function slotAt(park: Park, start: string): Promise<number> {
  const slots = await park.test.ok('programme.slots.list', {}, park.admin);
  const slot = slots.find((s) => s.start === start);
  if (!slot) throw new Error(`no slot at ${start}`);
  return slot.id;
}

const NEW_SLOT: Input<'programme.slots.save'> = {
  kind: 'activity',
  start: '16:30',
  durationMinutes: 5,
  titleZh: '傍晚活动预告',
  titleEn: 'Evening activities',
  textZh: '各位游客请注意，傍晚五点，灯光秀将在中心广场举行。',
  textEn: 'Attention please: at 17:00 the light show starts at Central Plaza.',
};

describe('the default programme', () => {
  it('runs opening → activities → lunch → music → activities → closing, 5 minutes each, texts filled from Settings', async () => {
    const { test, clerk } = await openPark();
    const day = await test.ok('programme.day', {}, clerk.token);
    expect(day).toMatchObject({ date: TODAY, today: TODAY, eventDay: false, shiftMinutes: 0 });
    expect(day.slots.map((slot) => [slot.airsAt, slot.kind, slot.durationMinutes])).toEqual([
      ['09:00', 'opening', 5],
      ['10:30', 'activity', 5],
      ['12:00', 'lunch', 5],
      ['13:00', 'music', 5],
      ['15:00', 'activity', 5],
      ['17:45', 'closing', 5],
    ]);
    const opening = day.slots[0];
    expect(opening?.textZh).toContain('{{parkName}}');
    expect(opening?.scriptZh).toContain('欢迎光临阳光水世界');
    expect(opening?.scriptZh).toContain('09:00至18:00');
    expect(opening?.scriptEn).toContain('from 09:00 to 18:00');
    expect(day.slots.every((slot) => /[\u4e00-\u9fff]/.test(slot.scriptZh) && /^[\x20-\x7e]+$/.test(slot.scriptEn.replaceAll('阳光水世界', 'Sunshine')))).toBe(true);
    // 08:00: nothing due yet.
    expect(day.slots.map((slot) => slot.checkState)).toEqual(['notYet', 'notYet', 'notYet', 'notYet', 'notYet', 'notYet']);
  });
});

describe('managers edit the programme', () => {
  it('adds, edits, reorders and removes slots, each audited; overlapping or out-of-day slots are refused and change nothing', async () => {
    const park = await openPark();
    const { test, admin, adminId } = park;
    const events: LiveEvent[] = [];
    test.core.subscribe((event) => events.push(event));

    // Overlap: 10:32 runs into the 10:30–10:35 slot.
    const overlap = await test.fails('programme.slots.save', { ...NEW_SLOT, start: '10:32' }, admin);
    expect(overlap).toMatchObject({ code: 'CONFLICT', fields: { start: { key: 'programme.errors.overlap', params: { from: '10:30', to: '10:35' } } } });
    // Outside the broadcast day, and around midnight.
    for (const start of ['05:30', '22:58', '23:58']) {
      const refused = await test.fails('programme.slots.save', { ...NEW_SLOT, start }, admin);
      expect(refused).toMatchObject({ code: 'VALIDATION', fields: { start: { key: 'programme.errors.outsideDay' } } });
    }
    expect(await test.fails('programme.slots.save', { ...NEW_SLOT, start: '9:00' }, admin)).toMatchObject({ fields: { start: { key: 'validation.timeOfDay' } } });
    expect(await test.fails('programme.slots.save', { ...NEW_SLOT, textZh: '  ' }, admin)).toMatchObject({ fields: { textZh: { key: 'validation.required' } } });
    expect(count(test, 'SELECT count(*) AS n FROM programme_slot')).toBe(6);
    expect(auditRows(test, 'programme.slotAdd')).toEqual([]);
    expect(events).toEqual([]);

    // Only managers edit.
    expect(await test.fails('programme.slots.save', NEW_SLOT, park.operator.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('programme.slots.save', NEW_SLOT, park.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });

    const added = await test.ok('programme.slots.save', { ...NEW_SLOT, start: '10:35' }, admin);
    expect(added).toMatchObject({ start: '10:35', titleZh: '傍晚活动预告', notesZh: '', notesEn: '' });
    expect(auditRows(test, 'programme.slotAdd')).toEqual([
      expect.objectContaining({ staff_id: adminId, entity_id: String(added.id), detail: expect.stringContaining('"start":"10:35"') }),
    ]);
    expect(events.map((event) => event.name)).toEqual(['programme.changed']);
    expect(events[0]?.payload).toEqual({ date: null, slotIds: [added.id] });

    // Editing a slot may not overlap another, but may overlap its own old time.
    expect(await test.fails('programme.slots.save', { ...NEW_SLOT, id: added.id, start: '11:58' }, admin)).toMatchObject({
      fields: { start: { key: 'programme.errors.overlap', params: { from: '12:00', to: '12:05' } } },
    });
    const edited = await test.ok('programme.slots.save', { ...NEW_SLOT, id: added.id, start: '16:30', notesZh: '语速适中。' }, admin);
    expect(edited).toMatchObject({ id: added.id, start: '16:30', notesZh: '语速适中。' });
    const [edit] = auditRows(test, 'programme.slotEdit');
    expect(JSON.parse(edit?.detail ?? '{}')).toEqual({
      start: '16:30',
      changes: { start: { from: '10:35', to: '16:30' }, notesZh: { from: '', to: '语速适中。' } },
    });
    expect(await test.fails('programme.slots.save', { ...NEW_SLOT, id: 999 }, admin)).toMatchObject({ code: 'NOT_FOUND', fields: { id: { key: 'programme.errors.slotNotFound' } } });

    // Reorder: the music moves to 12:00 and the lunch break to 13:00; the times stay on the grid.
    const list = await test.ok('programme.slots.list', {}, admin);
    const ids = list.map((slot) => slot.id);
    const lunch = await slotAt(park, '12:00');
    const music = await slotAt(park, '13:00');
    const swapped = ids.map((id) => (id === lunch ? music : id === music ? lunch : id));
    const reordered = await test.ok('programme.slots.reorder', { ids: swapped }, admin);
    expect(reordered.map((slot) => [slot.start, slot.kind])).toEqual([
      ['09:00', 'opening'],
      ['10:30', 'activity'],
      ['12:00', 'music'],
      ['13:00', 'lunch'],
      ['15:00', 'activity'],
      ['16:30', 'activity'],
      ['17:45', 'closing'],
    ]);
    expect(JSON.parse(auditRows(test, 'programme.reorder')[0]?.detail ?? '{}').moved).toEqual([
      { id: music, from: '13:00', to: '12:00' },
      { id: lunch, from: '12:00', to: '13:00' },
    ]);
    // A list that is not the programme's slots (one was added meanwhile) is refused.
    expect(await test.fails('programme.slots.reorder', { ids: ids.slice(1) }, admin)).toMatchObject({ code: 'CONFLICT', fields: { ids: { key: 'programme.errors.reorderStale' } } });
    // An order whose durations would collide is refused: a 30-minute slot cannot take 10:30 with a slot at 10:35.
    const long = await test.ok('programme.slots.save', { ...NEW_SLOT, start: '20:00', durationMinutes: 30 }, admin);
    const short = await test.ok('programme.slots.save', { ...NEW_SLOT, start: '10:35' }, admin);
    const current = (await test.ok('programme.slots.list', {}, admin)).map((slot) => slot.id);
    expect(current.indexOf(short.id)).toBe(2);
    const longFirst = [current[0] ?? 0, long.id, ...current.slice(1).filter((id) => id !== long.id)];
    expect(await test.fails('programme.slots.reorder', { ids: longFirst }, admin)).toMatchObject({
      code: 'CONFLICT',
      fields: { ids: { key: 'programme.errors.reorderOverlap', params: { from: '10:30', to: '11:00' } } },
    });
    expect((await test.ok('programme.slots.list', {}, admin)).find((slot) => slot.id === long.id)?.start).toBe('20:00');

    // Remove: it leaves the programme; the audit keeps what it was.
    await test.ok('programme.slots.remove', { id: long.id }, admin);
    expect((await test.ok('programme.slots.list', {}, admin)).some((slot) => slot.id === long.id)).toBe(false);
    expect(await test.fails('programme.slots.remove', { id: long.id }, admin)).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.parse(auditRows(test, 'programme.slotRemove')[0]?.detail ?? '{}')).toMatchObject({ start: '20:00', titleEn: 'Evening activities' });
  });
});

describe('event days', () => {
  it('move every slot and its check 15 minutes earlier on the dates listed in settings.eventDays', async () => {
    const park = await openPark();
    const { test, admin } = park;
    await test.ok('settings.update', { eventDays: [TODAY, '2026-12-25'] }, admin);
    const day = await test.ok('programme.day', {}, park.operator.token);
    expect(day).toMatchObject({ date: TODAY, eventDay: true, shiftMinutes: 15 });
    expect(day.slots.map((slot) => slot.airsAt)).toEqual(['08:45', '10:15', '11:45', '12:45', '14:45', '17:30']);
    const activity = day.slots[1];
    expect(activity).toMatchObject({ start: '10:30', startsAt: at('10:15'), endsAt: at('10:20'), checkOpensAt: at('10:05') });
    // 08:00 is not yet 08:35, when the opening's check opens.
    expect(day.slots[0]?.checkState).toBe('notYet');

    const normal = await test.ok('programme.day', { date: '2026-11-30' }, park.operator.token);
    expect(normal).toMatchObject({ date: '2026-11-30', today: TODAY, eventDay: false, shiftMinutes: 0 });
    expect(normal.slots[1]?.airsAt).toBe('10:30');
    expect((await test.ok('programme.day', { date: '2026-12-25' }, park.operator.token)).slots[1]?.airsAt).toBe('10:15');

    // The check window follows the shift: closed at 10:04, open at 10:05.
    const slotId = activity?.id ?? 0;
    await moveTo(park, at('10:04'));
    expect(await test.fails('programme.check', { slotId, date: TODAY, ok: true }, park.operator.token)).toMatchObject({
      code: 'CONFLICT',
      message: 'programme.errors.checkNotOpen',
      params: { time: '10:15', opens: '10:05' },
    });
    await moveTo(park, at('10:05'));
    const checked = await test.ok('programme.check', { slotId, date: TODAY, ok: true }, park.operator.token);
    expect(checked).toMatchObject({ airsAt: '10:15', checkState: 'done', check: { at: at('10:05'), ok: true, inTime: true, by: { name: '陈广播' } } });
  });

  it('move the programme of official public holidays earlier by themselves, unless a manager keeps the date on its normal times', async () => {
    const park = await openPark();
    const { test, admin } = park;
    const national = await test.ok('programme.day', { date: '2026-10-01' }, park.operator.token);
    expect(national).toMatchObject({ eventDay: true, shiftReason: 'publicHoliday', holidayNotShifted: false, shiftMinutes: 15 });
    expect(national.slots[1]?.airsAt).toBe('10:15');
    // The Saturday worked after National Day is an ordinary day.
    expect(await test.ok('programme.day', { date: '2026-10-10' }, park.operator.token)).toMatchObject({ eventDay: false, shiftReason: null, shiftMinutes: 0 });
    expect(await test.ok('programme.day', {}, park.operator.token)).toMatchObject({ date: TODAY, eventDay: false, shiftReason: null });

    await test.ok('settings.update', { holidaysNotShifted: ['2026-10-01'], eventDays: [TODAY] }, admin);
    const kept = await test.ok('programme.day', { date: '2026-10-01' }, park.operator.token);
    expect(kept).toMatchObject({ eventDay: false, shiftReason: null, holidayNotShifted: true, shiftMinutes: 0 });
    expect(kept.slots[1]?.airsAt).toBe('10:30');
    expect((await test.ok('programme.day', { date: '2026-10-02' }, park.operator.token)).shiftReason).toBe('publicHoliday');
    expect((await test.ok('programme.day', {}, park.operator.token)).shiftReason).toBe('eventDay');
    // Both lists at once for one date: refused, nothing changed.
    expect(await test.fails('settings.update', { eventDays: [TODAY, '2026-10-01'] }, admin)).toMatchObject({ code: 'VALIDATION', fields: { 'holidaysNotShifted.0': { key: 'validation.eventDayNotShifted' } } });
    expect((await test.ok('settings.get', {}, admin)).eventDays).toEqual([TODAY]);
  });
});

describe('equipment checks and airings', () => {
  it('records who checked and when; a second check or airing of a slot that day is refused; a missed check stays missed', async () => {
    const park = await openPark();
    const { test } = park;
    const activity = await slotAt(park, '10:30');
    const lunch = await slotAt(park, '12:00');

    // Too early, the wrong day, a slot that does not exist, a counter clerk: all refused, nothing recorded.
    await moveTo(park, at('10:19'));
    expect(await test.fails('programme.check', { slotId: activity, date: TODAY, ok: true }, park.operator.token)).toMatchObject({
      message: 'programme.errors.checkNotOpen',
      params: { time: '10:30', opens: '10:20' },
    });
    expect(await test.fails('programme.aired', { slotId: activity, date: TODAY }, park.operator.token)).toMatchObject({ message: 'programme.errors.airedTooEarly' });
    expect(await test.fails('programme.check', { slotId: activity, date: '2026-11-30', ok: true }, park.operator.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { date: { key: 'programme.errors.notToday', params: { today: TODAY } } },
    });
    expect(await test.fails('programme.check', { slotId: 999, date: TODAY, ok: true }, park.operator.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await test.fails('programme.check', { slotId: activity, date: TODAY, ok: true }, park.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(count(test, 'SELECT count(*) AS n FROM programme_check')).toBe(0);

    // 10:20: the window opens; the operator signs the check off.
    await moveTo(park, at('10:20'));
    let day = await test.ok('programme.day', {}, park.operator.token);
    expect(day.slots.find((slot) => slot.id === activity)?.checkState).toBe('due');
    expect(day.slots[0]?.checkState).toBe('missed'); // nobody checked before the 09:00 opening
    test.clock.advance(3 * MINUTE);
    const signed = await test.ok('programme.check', { slotId: activity, date: TODAY, ok: true }, park.operator.token);
    expect(signed).toMatchObject({ checkState: 'done', check: { at: at('10:23'), ok: true, note: null, inTime: true, by: { id: park.operator.id, name: '陈广播' } } });
    expect(auditRows(test, 'programme.check')).toEqual([
      expect.objectContaining({ staff_id: park.operator.id, entity_id: String(activity), detail: JSON.stringify({ date: TODAY, airsAt: '10:30', ok: true, inTime: true }) }),
    ]);

    // Twice: refused with who did it and when; the first record stands.
    test.clock.advance(MINUTE);
    const twice = await test.fails('programme.check', { slotId: activity, date: TODAY, ok: false, note: '话筒有杂音' }, park.admin);
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'programme.errors.alreadyChecked', params: { time: '10:30', name: '陈广播', at: '10:23' } });
    expect(count(test, 'SELECT count(*) AS n FROM programme_check')).toBe(1);
    expect(auditRows(test, 'programme.check')).toHaveLength(1);

    // Aired at 10:31; twice is refused.
    await moveTo(park, at('10:31'));
    const aired = await test.ok('programme.aired', { slotId: activity, date: TODAY }, park.operator.token);
    expect(aired).toMatchObject({ airedState: 'aired', aired: { at: at('10:31'), by: { name: '陈广播' } }, checkState: 'done' });
    expect(await test.fails('programme.aired', { slotId: activity, date: TODAY }, park.admin)).toMatchObject({
      code: 'CONFLICT',
      message: 'programme.errors.alreadyAired',
      params: { time: '10:30', name: '陈广播', at: '10:31' },
    });
    expect(auditRows(test, 'programme.aired')).toHaveLength(1);

    // Lunch at 12:00: due from 11:50, missed once 12:00 comes without a check, and it stays missed.
    await moveTo(park, at('11:59'));
    day = await test.ok('programme.day', {}, park.operator.token);
    expect(day.slots.find((slot) => slot.id === lunch)?.checkState).toBe('due');
    test.clock.set(at('12:00'));
    day = await test.ok('programme.day', {}, park.operator.token);
    expect(day.slots.find((slot) => slot.id === lunch)).toMatchObject({ checkState: 'missed', airedState: 'airing', check: null });
    test.clock.set(at('12:02'));
    // A check signed late is kept, with its note, but the slot stays missed for the day.
    expect(await test.fails('programme.check', { slotId: lunch, date: TODAY, ok: false }, park.operator.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { note: { key: 'validation.reasonRequired' } },
    });
    const late = await test.ok('programme.check', { slotId: lunch, date: TODAY, ok: false, note: '左侧音箱无声' }, park.operator.token);
    expect(late).toMatchObject({ checkState: 'missed', check: { ok: false, note: '左侧音箱无声', inTime: false } });
    await moveTo(park, at('20:00'));
    day = await test.ok('programme.day', {}, park.admin);
    expect(day.slots.find((slot) => slot.id === lunch)?.checkState).toBe('missed');
    expect(day.summary).toEqual({ slots: 6, checksInTime: 1, checksMissed: 5, checkProblems: 1, aired: 1 });

    // The next day starts afresh: nothing checked, nothing missed before its time.
    await moveTo(park, at('08:00', '2026-11-30'));
    day = await test.ok('programme.day', {}, park.operator.token);
    expect(day.date).toBe('2026-11-30');
    expect(day.slots.every((slot) => slot.checkState === 'notYet' && slot.check === null && slot.aired === null)).toBe(true);
    // Yesterday's records are still there to read.
    const yesterday = await test.ok('programme.day', { date: TODAY }, park.admin);
    expect(yesterday.summary).toMatchObject({ checksInTime: 1, aired: 1 });
  });

  it('keeps a past day’s programme as it was aired: a slot removed or moved later, and one added later, do not rewrite it', async () => {
    const park = await openPark();
    const { test } = park;
    const activity = await slotAt(park, '10:30');
    const lunch = await slotAt(park, '12:00');
    await moveTo(park, at('10:25'));
    await test.ok('programme.check', { slotId: activity, date: TODAY, ok: true }, park.operator.token);
    await moveTo(park, at('10:31'));
    await test.ok('programme.aired', { slotId: activity, date: TODAY }, park.operator.token);
    await moveTo(park, at('11:55'));
    await test.ok('programme.check', { slotId: lunch, date: TODAY, ok: false, note: '左侧音箱无声' }, park.operator.token);

    // The next day a manager moves the activity slot to 11:00, removes lunch and adds an evening slot.
    await moveTo(park, at('08:00', '2026-11-30'));
    const moved = (await test.ok('programme.slots.list', {}, park.admin)).find((slot) => slot.id === activity);
    if (!moved) throw new Error('no activity slot');
    const { id: _id, updatedAt: _updatedAt, ...fields } = moved;
    await test.ok('programme.slots.save', { ...fields, id: activity, start: '11:00' }, park.admin);
    await test.ok('programme.slots.remove', { id: lunch }, park.admin);
    const added = await test.ok('programme.slots.save', NEW_SLOT, park.admin);

    const past = await test.ok('programme.day', { date: TODAY }, park.admin);
    expect(past.slots.map((slot) => [slot.airsAt, slot.id])).toEqual([
      ['09:00', await slotAt(park, '09:00')],
      ['10:30', activity],
      ['12:00', lunch],
      ['13:00', await slotAt(park, '13:00')],
      ['15:00', await slotAt(park, '15:00')],
      ['17:45', await slotAt(park, '17:45')],
    ]);
    expect(past.slots.find((slot) => slot.id === activity)).toMatchObject({ startsAt: at('10:30'), checkState: 'done', airedState: 'aired', aired: { at: at('10:31') } });
    expect(past.slots.find((slot) => slot.id === lunch)).toMatchObject({ check: { ok: false, note: '左侧音箱无声' } });
    expect(past.slots.some((slot) => slot.id === added.id)).toBe(false);
    expect(past.summary).toMatchObject({ slots: 6, checksInTime: 2, checkProblems: 1, aired: 1 });

    // Today and later have the programme as it is now.
    const today = await test.ok('programme.day', {}, park.admin);
    expect(today.slots.map((slot) => slot.airsAt)).toEqual(['09:00', '11:00', '13:00', '15:00', '16:30', '17:45']);
  });

  it('tells every screen the day changed when a check is signed', async () => {
    const park = await openPark();
    const { test } = park;
    const activity = await slotAt(park, '10:30');
    await moveTo(park, at('10:25'));
    const events: LiveEvent[] = [];
    test.core.subscribe((event) => events.push(event));
    await test.ok('programme.check', { slotId: activity, date: TODAY, ok: true }, park.operator.token);
    expect(events).toEqual([{ seq: expect.any(Number), name: 'programme.changed', payload: { date: TODAY, slotIds: [activity] } }]);
    // A refused call emits nothing.
    await test.fails('programme.check', { slotId: activity, date: TODAY, ok: true }, park.operator.token);
    expect(events).toHaveLength(1);
  });
});
