import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fieldErrorsOf, settingsSchema, slotInput } from '@shared/contract';
import {
  airedState,
  canMarkAired,
  checkInTime,
  checkState,
  fillScript,
  findOverlap,
  firstOverlap,
  focusSlot,
  isEventDay,
  reorderOnGrid,
  shiftReason,
  slotTimes,
  withinBroadcastDay,
  type SlotTimes,
} from '@shared/rules/programme';
import { MINUTE } from '@shared/rules/time';
import { ManualClock } from '../../electron/core/clock';

const ZONE = 'Asia/Shanghai';
/** 2026-11-29 in Asia/Shanghai (UTC+8): 10:30 there is 02:30Z. */
const at = (time: string, date = '2026-11-29') => Date.parse(`${date}T${time}:00+08:00`);
const ACTIVITY = { start: '10:30', durationMinutes: 5 };

/** The check state of a slot as the clock moves, with no check signed. */
const stateAt = (clock: ManualClock, times: SlotTimes) => checkState(clock.now(), times, null);

describe('slot times on a date', () => {
  it('on a normal day: the slot at its time, the check window 10 minutes before', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, false);
    expect(times).toEqual({ airsAt: '10:30', startsAt: at('10:30'), endsAt: at('10:35'), checkOpensAt: at('10:20') });
  });

  it('on an event day: every slot 15 minutes earlier, its check window too', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, true);
    expect(times).toEqual({ airsAt: '10:15', startsAt: at('10:15'), endsAt: at('10:20'), checkOpensAt: at('10:05') });
  });

  it('handles a shift across midnight: a 00:10 slot on an event day airs at 23:55 the evening before', () => {
    const times = slotTimes('2026-11-29', { start: '00:10', durationMinutes: 5 }, ZONE, true);
    expect(times.airsAt).toBe('23:55');
    expect(times.startsAt).toBe(at('23:55', '2026-11-28'));
    expect(times.checkOpensAt).toBe(at('23:45', '2026-11-28'));
  });
});

describe('the equipment check clock', () => {
  it('normal day: not yet → due at exactly start − 10 min → missed at the start', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, false);
    const clock = new ManualClock(at('10:00'));
    expect(stateAt(clock, times)).toBe('notYet');
    clock.set(at('10:20') - 1);
    expect(stateAt(clock, times)).toBe('notYet');
    clock.advance(1); // 10:20:00.000, the window opens
    expect(stateAt(clock, times)).toBe('due');
    clock.advance(9 * MINUTE + 59_999); // 10:29:59.999
    expect(stateAt(clock, times)).toBe('due');
    clock.advance(1); // 10:30:00.000, the slot starts
    expect(stateAt(clock, times)).toBe('missed');
    clock.advance(3 * 60 * MINUTE);
    expect(stateAt(clock, times)).toBe('missed');
  });

  it('event day: the window opens at 10:05 for a 10:30 slot (−15 −10)', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, true);
    const clock = new ManualClock(at('10:04'));
    expect(stateAt(clock, times)).toBe('notYet');
    clock.advance(MINUTE);
    expect(stateAt(clock, times)).toBe('due');
    clock.advance(10 * MINUTE); // 10:15, the shifted start
    expect(stateAt(clock, times)).toBe('missed');
    // On a normal day the same instant is still before the window.
    expect(stateAt(clock, slotTimes('2026-11-29', ACTIVITY, ZONE, false))).toBe('notYet');
  });

  it('a check signed in the window is done for good; one signed at the very start is late and stays missed', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, false);
    const clock = new ManualClock(at('10:20'));
    expect(checkInTime(times, clock.now())).toBe(true);
    clock.set(at('10:30') - 1);
    expect(checkInTime(times, clock.now())).toBe(true);
    clock.advance(1);
    expect(checkInTime(times, clock.now())).toBe(false);

    const signed = { inTime: checkInTime(times, at('10:24')) };
    clock.set(at('10:24'));
    expect(checkState(clock.now(), times, signed)).toBe('done');
    clock.advance(8 * 60 * MINUTE);
    expect(checkState(clock.now(), times, signed)).toBe('done');

    const late = { inTime: checkInTime(times, at('10:31')) };
    expect(checkState(at('10:31'), times, late)).toBe('missed');
    expect(checkState(at('23:59'), times, late)).toBe('missed');
  });

  it('reads the aired state: to come, airing in its minutes, aired, or passed unmarked', () => {
    const times = slotTimes('2026-11-29', ACTIVITY, ZONE, false);
    expect(airedState(at('10:29'), times, null)).toBe('upcoming');
    expect(airedState(at('10:30'), times, null)).toBe('airing');
    expect(airedState(at('10:35') - 1, times, null)).toBe('airing');
    expect(airedState(at('10:35'), times, null)).toBe('unmarked');
    expect(airedState(at('10:36'), times, at('10:31'))).toBe('aired');
    expect(canMarkAired(times, at('10:20') - 1)).toBe(false);
    expect(canMarkAired(times, at('10:20'))).toBe(true);
  });

  it('puts the slot that needs action first, then the one on air, then the next', () => {
    const plans = [
      { id: 1, start: '09:00', durationMinutes: 5 },
      { id: 2, start: '10:30', durationMinutes: 5 },
      { id: 3, start: '10:35', durationMinutes: 5 },
    ];
    const day = (now: number) =>
      plans.map((plan) => {
        const times = slotTimes('2026-11-29', plan, ZONE, false);
        return { id: plan.id, ...times, checkState: checkState(now, times, null) };
      });
    const clock = new ManualClock(at('08:00'));
    expect(focusSlot(clock.now(), day(clock.now()))?.id).toBe(1);
    clock.set(at('09:02'));
    expect(focusSlot(clock.now(), day(clock.now()))?.id).toBe(1); // on air
    clock.set(at('10:10'));
    expect(focusSlot(clock.now(), day(clock.now()))?.id).toBe(2); // next
    clock.set(at('10:31'));
    expect(focusSlot(clock.now(), day(clock.now()))?.id).toBe(3); // its check is due while 2 airs
    clock.set(at('10:41'));
    expect(focusSlot(clock.now(), day(clock.now()))).toBeUndefined();
  });
});

describe('a sane programme', () => {
  it('keeps slots between 06:00 and 23:00, so nothing reaches midnight', () => {
    expect(withinBroadcastDay({ start: '06:00', durationMinutes: 5 })).toBe(true);
    expect(withinBroadcastDay({ start: '22:55', durationMinutes: 5 })).toBe(true);
    expect(withinBroadcastDay({ start: '05:59', durationMinutes: 5 })).toBe(false);
    expect(withinBroadcastDay({ start: '22:56', durationMinutes: 5 })).toBe(false);
    expect(withinBroadcastDay({ start: '23:58', durationMinutes: 5 })).toBe(false);
    expect(withinBroadcastDay({ start: '00:10', durationMinutes: 5 })).toBe(false);
  });

  it('refuses a slot around midnight in the contract, with a message for the start field', () => {
    const base = { kind: 'music', durationMinutes: 5, titleZh: '夜间音乐', titleEn: 'Night music', textZh: '晚安。', textEn: 'Good night.' } as const;
    const late = slotInput.safeParse({ ...base, start: '23:58' });
    expect(late.success).toBe(false);
    expect(late.error?.issues[0]).toMatchObject({ path: ['start'], message: 'programme.errors.outsideDay' });
    expect(slotInput.safeParse({ ...base, start: '00:10' }).success).toBe(false);
    expect(slotInput.safeParse({ ...base, start: '24:00' }).error?.issues[0]?.message).toBe('validation.timeOfDay');
    expect(slotInput.safeParse({ ...base, start: '21:00' }).success).toBe(true);
    expect(slotInput.safeParse({ ...base, start: '21:00', durationMinutes: 31 }).success).toBe(false);
  });

  it('finds overlapping slots; back to back is fine', () => {
    const slots = [
      { start: '10:30', durationMinutes: 5 },
      { start: '12:00', durationMinutes: 5 },
    ];
    expect(findOverlap({ start: '10:33', durationMinutes: 5 }, slots)).toEqual(slots[0]);
    expect(findOverlap({ start: '10:25', durationMinutes: 6 }, slots)).toEqual(slots[0]);
    expect(findOverlap({ start: '10:25', durationMinutes: 5 }, slots)).toBeUndefined();
    expect(findOverlap({ start: '10:35', durationMinutes: 5 }, slots)).toBeUndefined();
    expect(firstOverlap([...slots, { start: '11:58', durationMinutes: 3 }])).toEqual([{ start: '11:58', durationMinutes: 3 }, slots[1]]);
  });

  it('reorders on the same time grid, each slot keeping its duration', () => {
    const slots = [
      { id: 1, start: '09:00', durationMinutes: 5 },
      { id: 2, start: '10:30', durationMinutes: 10 },
      { id: 3, start: '12:00', durationMinutes: 5 },
    ];
    expect(reorderOnGrid(slots, [1, 3, 2])).toEqual([
      { id: 1, start: '09:00', durationMinutes: 5 },
      { id: 3, start: '10:30', durationMinutes: 5 },
      { id: 2, start: '12:00', durationMinutes: 10 },
    ]);
    expect(reorderOnGrid(slots, [1, 2])).toBeUndefined();
    expect(reorderOnGrid(slots, [1, 2, 2])).toBeUndefined();
    expect(reorderOnGrid(slots, [1, 2, 9])).toBeUndefined();
  });

  it('fills the standard texts from the settings and leaves unknown words alone', () => {
    const values = { parkName: '阳光水世界', openingTime: '09:00', closingTime: '18:00' };
    expect(fillScript('欢迎光临{{parkName}}，开放时间{{openingTime}}至{{ closingTime }}。{{other}}', values)).toBe('欢迎光临阳光水世界，开放时间09:00至18:00。{{other}}');
  });
});

describe('event days and official public holidays', () => {
  const none = { eventDays: [], holidaysNotShifted: [] };

  it('moves the programme 15 minutes earlier on official public holidays by themselves', () => {
    // National Day 2026: 1 to 7 October, its weekend days too.
    for (const date of ['2026-10-01', '2026-10-03', '2026-10-07', '2026-01-01', '2026-02-17']) expect(shiftReason(date, none), date).toBe('publicHoliday');
    const times = slotTimes('2026-10-01', ACTIVITY, ZONE, isEventDay('2026-10-01', none));
    expect(times).toEqual({ airsAt: '10:15', startsAt: at('10:15', '2026-10-01'), endsAt: at('10:20', '2026-10-01'), checkOpensAt: at('10:05', '2026-10-01') });
  });

  it('leaves ordinary weekends and the swapped working days after a holiday on their normal times', () => {
    // 29 November 2026 is a Sunday; 10 October 2026 is a Saturday worked for National Day (调休).
    for (const date of ['2026-11-29', '2026-10-10', '2026-10-08']) expect(shiftReason(date, none), date).toBeNull();
    expect(slotTimes('2026-10-10', ACTIVITY, ZONE, isEventDay('2026-10-10', none)).airsAt).toBe('10:30');
  });

  it('keeps a holiday on its normal times when managers say so, and shifts a listed event day', () => {
    const days = { eventDays: ['2026-11-29'], holidaysNotShifted: ['2026-10-01'] };
    expect(shiftReason('2026-10-01', days)).toBeNull();
    expect(slotTimes('2026-10-01', ACTIVITY, ZONE, isEventDay('2026-10-01', days)).airsAt).toBe('10:30');
    expect(shiftReason('2026-10-02', days)).toBe('publicHoliday');
    expect(shiftReason('2026-11-29', days)).toBe('eventDay');
  });

  it('refuses settings that list a date as an event day and as kept on normal times', () => {
    const both = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, eventDays: ['2026-10-01'], holidaysNotShifted: ['2026-10-02', '2026-10-01'] }, { reportInput: true });
    expect(!both.success && fieldErrorsOf(both.error)).toEqual({ 'holidaysNotShifted.1': { key: 'validation.eventDayNotShifted' } });
  });
});
