import { describe, expect, it } from 'vitest';
import type { PagingDetails } from '@shared/contract';
import { arrivalDueAt, arrivalLate, contactDueAt, contactLate, median, nextAiringAt, pagingPriority } from '@shared/rules/paging';
import { fillScript, scriptValues, unknownPlaceholders } from '@shared/rules/scripts';
import { MINUTE } from '@shared/rules/time';

const T0 = Date.parse('2026-11-29T02:00:00Z');
const child: PagingDetails = {
  kind: 'missingPerson',
  child: true,
  name: 'Tom',
  age: 6,
  sex: 'unknown',
  clothing: 'a green raincoat',
  lastSeenPlace: 'the carousel',
  lastSeenAt: T0,
  guardianName: 'Ms Li',
  guardianPhone: '13812345678',
  meetingPoint: 'the Visitor Service Center',
  repeatMinutes: 15,
};

describe('paging clocks', () => {
  it('give the broadcast room 5 minutes from registration', () => {
    expect(contactDueAt(T0)).toBe(T0 + 5 * MINUTE);
    expect(contactLate(T0, null, T0 + 5 * MINUTE)).toBe(false);
    expect(contactLate(T0, null, T0 + 5 * MINUTE + 1)).toBe(true);
    expect(contactLate(T0, T0 + 4 * MINUTE, T0 + 60 * MINUTE)).toBe(false);
    expect(contactLate(T0, T0 + 6 * MINUTE, T0 + 6 * MINUTE)).toBe(true);
  });

  it('give a summoned head 10 minutes from the first call, and only a summoned head', () => {
    expect(arrivalDueAt('summonHead', null)).toBeNull();
    expect(arrivalDueAt('summonHead', T0)).toBe(T0 + 10 * MINUTE);
    expect(arrivalDueAt('general', T0)).toBeNull();
    expect(arrivalLate('summonHead', T0, T0 + 10 * MINUTE, T0 + 99 * MINUTE)).toBe(false);
    expect(arrivalLate('summonHead', T0, null, T0 + 10 * MINUTE + 1)).toBe(true);
    expect(arrivalLate('summonHead', null, null, T0 + 99 * MINUTE)).toBe(false);
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

  it('know which placeholders each kind has', () => {
    expect(unknownPlaceholders('lostProperty', '{item} {foundPlace} {claimPoint}')).toEqual([]);
    expect(unknownPlaceholders('lostProperty', '{item} {guardianPhone} {cash}')).toEqual(['guardianPhone', 'cash']);
    expect(unknownPlaceholders('missingChild', '{guardianPhone}')).toEqual(['guardianPhone']);
  });
});
