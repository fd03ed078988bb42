import { describe, expect, it } from 'vitest';
import type { PagingDetails } from '@shared/contract';
import { ManualClock } from '../../electron/core/clock';
import { readDeadline } from '@shared/rules/deadline';
import {
  ARRIVAL_LIMIT_MS,
  ARRIVAL_WARN_MS,
  arrivalDueAt,
  arrivalLate,
  CONTACT_LIMIT_MS,
  CONTACT_WARN_MS,
  contactDueAt,
  contactLate,
  median,
  nextAiringAt,
  isSlipOpen,
  pagingPriority,
  slipClocks,
} from '@shared/rules/paging';
import { fillScript, scriptValues, unknownPlaceholders, untranslatedFields } from '@shared/rules/scripts';
import { HOUR, MINUTE } from '@shared/rules/time';

const T0 = Date.parse('2026-11-29T02:00:00Z');
const child: PagingDetails = {
  kind: 'missingPerson',
  child: true,
  name: 'Tom',
  age: 6,
  sex: 'unknown',
  clothing: 'a green raincoat',
  lastSeenPlace: 'the carousel',
  clothingEn: '',
  lastSeenPlaceEn: '',
  lastSeenAt: T0,
  guardianName: 'Ms Li',
  guardianPhone: '13812345678',
  meetingPoint: 'the Visitor Service Center',
  repeatMinutes: 15,
};

describe('paging clocks', () => {
  it('give the broadcast room 5 minutes from registration', () => {
    expect(contactDueAt(T0)).toBe(T0 + 5 * MINUTE);
    expect(contactLate(T0, null, T0 + 5 * MINUTE - 1)).toBe(false);
    expect(contactLate(T0, null, T0 + 5 * MINUTE)).toBe(true);
    expect(contactLate(T0, null, T0 + 5 * MINUTE + 1)).toBe(true);
    expect(contactLate(T0, T0 + 4 * MINUTE, T0 + 60 * MINUTE)).toBe(false);
    expect(contactLate(T0, T0 + 6 * MINUTE, T0 + 6 * MINUTE)).toBe(true);
  });

  it('give a summoned head 10 minutes from the first call, and only a summoned head', () => {
    expect(arrivalDueAt('summonHead', null)).toBeNull();
    expect(arrivalDueAt('summonHead', T0)).toBe(T0 + 10 * MINUTE);
    expect(arrivalDueAt('general', T0)).toBeNull();
    expect(arrivalLate('summonHead', T0, T0 + 10 * MINUTE - 1, T0 + 99 * MINUTE)).toBe(false);
    expect(arrivalLate('summonHead', T0, T0 + 10 * MINUTE, T0 + 99 * MINUTE)).toBe(true);
    expect(arrivalLate('summonHead', T0, null, T0 + 10 * MINUTE + 1)).toBe(true);
    expect(arrivalLate('summonHead', null, null, T0 + 99 * MINUTE)).toBe(false);
  });

  /**
   * Walks one clock with the ManualClock, by `advance`, across its warn mark and its limit: at each step
   * what the badge shows (state, minutes) and whether the rule calls the mark missed, now and for a
   * slip taken (or a head arriving) at that very moment.
   */
  function walk(limitMs: number, warnMs: number, dueOf: (startedAt: number) => number | null, late: (startedAt: number, doneAt: number | null, now: number) => boolean) {
    const clock = new ManualClock(T0);
    const startedAt = clock.now();
    const due = dueOf(startedAt);
    if (due === null) throw new Error('this clock runs');
    const steps = [0, limitMs - warnMs - 1, 1, warnMs - 1, 1, 3 * MINUTE + 59_000];
    return steps.map((step) => {
      clock.advance(step);
      const badge = readDeadline(clock.now(), due, warnMs);
      return { at: clock.now() - startedAt, badge: badge.state, minutes: badge.minutes, late: late(startedAt, null, clock.now()), doneNowLate: late(startedAt, clock.now(), clock.now() + HOUR) };
    });
  }

  it('run the 5-minute contact clock: neutral, amber for the last 2 minutes, red and late from the mark itself', () => {
    expect(walk(CONTACT_LIMIT_MS, CONTACT_WARN_MS, contactDueAt, contactLate)).toEqual([
      { at: 0, badge: 'ok', minutes: 5, late: false, doneNowLate: false },
      { at: 3 * MINUTE - 1, badge: 'ok', minutes: 3, late: false, doneNowLate: false },
      { at: 3 * MINUTE, badge: 'warn', minutes: 2, late: false, doneNowLate: false },
      { at: 5 * MINUTE - 1, badge: 'warn', minutes: 1, late: false, doneNowLate: false },
      { at: 5 * MINUTE, badge: 'late', minutes: 0, late: true, doneNowLate: true },
      { at: 8 * MINUTE + 59_000, badge: 'late', minutes: 3, late: true, doneNowLate: true },
    ]);
  });

  it('run the 10-minute arrival clock from the first call: amber for the last 3 minutes, red and late from the mark itself', () => {
    const arrival = (calledAt: number, arrivedAt: number | null, now: number) => arrivalLate('summonHead', calledAt, arrivedAt, now);
    expect(walk(ARRIVAL_LIMIT_MS, ARRIVAL_WARN_MS, (calledAt) => arrivalDueAt('summonHead', calledAt), arrival)).toEqual([
      { at: 0, badge: 'ok', minutes: 10, late: false, doneNowLate: false },
      { at: 7 * MINUTE - 1, badge: 'ok', minutes: 4, late: false, doneNowLate: false },
      { at: 7 * MINUTE, badge: 'warn', minutes: 3, late: false, doneNowLate: false },
      { at: 10 * MINUTE - 1, badge: 'warn', minutes: 1, late: false, doneNowLate: false },
      { at: 10 * MINUTE, badge: 'late', minutes: 0, late: true, doneNowLate: true },
      { at: 13 * MINUTE + 59_000, badge: 'late', minutes: 3, late: true, doneNowLate: true },
    ]);
  });

  it('repeat a missing person at its interval and put a missing child first', () => {
    expect(nextAiringAt(child, T0)).toBe(T0 + 15 * MINUTE);
    expect(nextAiringAt(child, null)).toBeNull();
    expect(pagingPriority(child)).toBe(1);
    expect(pagingPriority({ ...child, child: false })).toBe(2);
    expect(pagingPriority({ kind: 'general', textZh: 'x', textEn: '' })).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('standard scripts', () => {
  it('fill the placeholders in each language, leaving the height out when unknown', () => {
    const en = scriptValues(child, 'en', { timeZone: 'Asia/Shanghai' });
    expect(en).toMatchObject({ sex: 'child', height: '', lastSeenTime: '10:00' });
    expect(scriptValues({ ...child, sex: 'female', heightCm: 120 }, 'zh-CN', { timeZone: 'Asia/Shanghai' })).toMatchObject({ sex: '女孩', height: '身高约120厘米，' });
    expect(scriptValues({ ...child, child: false, sex: 'male' }, 'zh-CN', { timeZone: 'Asia/Shanghai' }).sex).toBe('男士');
    expect(fillScript('{name} at {meetingPoint}; {missing}', en)).toBe('Tom at the Visitor Service Center; {missing}');
  });

  it("read the default meeting point, the visitor center, in the script's own language", () => {
    const context = { timeZone: 'Asia/Shanghai' };
    // The form was filled in English: the Chinese script still says 游客服务中心, and the reverse.
    expect(scriptValues(child, 'zh-CN', context).meetingPoint).toBe('游客服务中心');
    expect(scriptValues({ ...child, meetingPoint: '游客服务中心' }, 'en', context).meetingPoint).toBe('the Visitor Service Center');
    // Any other place is read as the counter wrote it.
    expect(scriptValues({ ...child, meetingPoint: '北门检票口' }, 'en', context).meetingPoint).toBe('北门检票口');
  });

  it("read the counter's English words in the English script, and name the Chinese fields left without them", () => {
    const context = { timeZone: 'Asia/Shanghai' };
    const chinese = { ...child, clothing: '绿色雨衣', lastSeenPlace: '旋转木马' };
    expect(scriptValues(chinese, 'en', context)).toMatchObject({ clothing: '绿色雨衣', lastSeenPlace: '旋转木马' });
    expect(untranslatedFields(chinese, context)).toEqual(['clothing', 'lastSeenPlace']);
    const given = { ...chinese, clothingEn: 'a green raincoat', lastSeenPlaceEn: 'the carousel' };
    expect(scriptValues(given, 'en', context)).toMatchObject({ clothing: 'a green raincoat', lastSeenPlace: 'the carousel' });
    // The Chinese script keeps the Chinese words.
    expect(scriptValues(given, 'zh-CN', context)).toMatchObject({ clothing: '绿色雨衣', lastSeenPlace: '旋转木马' });
    expect(untranslatedFields(given, context)).toEqual([]);
    // A name is read as written: never asked for in English.
    expect(untranslatedFields({ ...given, name: '小明', guardianName: '王女士' }, context)).toEqual([]);

    const found = { kind: 'lostProperty' as const, item: '黑色双肩包', foundPlace: '激流勇进出口', claimPoint: '游客服务中心', itemEn: 'a black backpack', foundPlaceEn: 'the Rapids exit', claimPointEn: 'the Visitor Service Center' };
    expect(scriptValues(found, 'en', context)).toEqual({ item: 'a black backpack', foundPlace: 'the Rapids exit', claimPoint: 'the Visitor Service Center' });
    expect(scriptValues({ ...found, foundPlaceEn: '' }, 'en', context).foundPlace).toBe('激流勇进出口');
    expect(untranslatedFields({ ...found, foundPlaceEn: '' }, context)).toEqual(['foundPlace']);
    // The visitor center as the claim point has its own English.
    expect(scriptValues({ ...found, claimPointEn: '' }, 'en', context).claimPoint).toBe('the Visitor Service Center');
    expect(untranslatedFields({ ...found, claimPointEn: '' }, context)).toEqual([]);
  });

  it('drop an empty detail with the comma that set it apart', () => {
    const template = 'Would the head of {department}, {head}, please come to the Visitor Service Center within 10 minutes.';
    expect(fillScript(template, { department: 'Rides', head: '' })).toBe('Would the head of Rides, please come to the Visitor Service Center within 10 minutes.');
    expect(fillScript(template, { department: 'Rides', head: 'Mr Zhao' })).toBe('Would the head of Rides, Mr Zhao, please come to the Visitor Service Center within 10 minutes.');
    expect(fillScript('{department}负责人{head}请注意', { department: '游乐部', head: '' })).toBe('游乐部负责人请注意');
    expect(fillScript('请{guardianName}，{meetingPoint}，谢谢', { guardianName: '王女士', meetingPoint: '' })).toBe('请王女士，谢谢');
  });

  it('know which placeholders each kind has', () => {
    expect(unknownPlaceholders('lostProperty', '{item} {foundPlace} {claimPoint}')).toEqual([]);
    expect(unknownPlaceholders('lostProperty', '{item} {guardianPhone} {cash}')).toEqual(['guardianPhone', 'cash']);
    expect(unknownPlaceholders('missingChild', '{guardianPhone}')).toEqual(['guardianPhone']);
  });
});

describe("a slip's running clocks", () => {
  const slip = { status: 'registered' as const, acknowledgedAt: null, contactDueAt: 5, arrivalDueAt: null, arrivedAt: null };
  it('run the room’s 5 minutes until the slip is taken, then the head’s 10 until they arrive, and none once it is closed', () => {
    expect(slipClocks(slip)).toEqual({ contact: { dueAt: 5, warnMs: CONTACT_WARN_MS } });
    expect(slipClocks({ ...slip, status: 'aired', acknowledgedAt: 1, arrivalDueAt: 10 })).toEqual({ arrival: { dueAt: 10, warnMs: ARRIVAL_WARN_MS } });
    expect(slipClocks({ ...slip, status: 'resolved', arrivalDueAt: 10 })).toEqual({});
    expect(isSlipOpen({ status: 'cancelled' })).toBe(false);
  });
});
