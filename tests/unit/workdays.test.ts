import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, officialCalendarCovers, uncoveredYears, workingDaysDeadline } from '@shared/rules/workdays';
import { readDeadline } from '@shared/rules/deadline';
import { HOUR } from '@shared/rules/time';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('working days on the Chinese calendar', () => {
  it('knows the National Day week off and the swapped Saturday worked', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true);
    for (const day of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-07']) expect(isWorkingDay(day), day).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    // Saturday 10 October 2026 is a swapped working day (调休).
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });

  it('lets the park mark its own days', () => {
    const overrides = new Map([
      ['2026-10-08', 'off' as const],
      ['2026-10-04', 'work' as const],
    ]);
    expect(isWorkingDay('2026-10-08', overrides)).toBe(false);
    expect(isWorkingDay('2026-10-04', overrides)).toBe(true);
    expect(addWorkingDays('2026-10-03', 1, overrides)).toBe('2026-10-04');
  });

  it('counts two working days across the holiday week and the swapped Saturday', () => {
    expect(addWorkingDays('2026-09-29', 2)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays('2026-10-08', 2)).toBe('2026-10-10');
    expect(addWorkingDays('2026-11-27', 2)).toBe('2026-12-01'); // Friday → Tuesday
  });

  it('runs a 2-working-day clock from a complaint received before the holiday, read by moving the clock', () => {
    const received = at('2026-09-30T03:00:00Z'); // 11:00 in Shanghai on 30 September
    const due = workingDaysDeadline(received, 2, TZ);
    expect(due).toBe(at('2026-10-09T16:00:00Z')); // midnight after 9 October
    expect(readDeadline(at('2026-10-05T04:00:00Z'), due, 8 * HOUR).state).toBe('ok');
    expect(readDeadline(at('2026-10-09T09:00:00Z'), due, 8 * HOUR).state).toBe('warn');
    expect(readDeadline(at('2026-10-09T16:00:01Z'), due, 8 * HOUR).state).toBe('late');
  });

  it('counts from the next working day when received on a day off', () => {
    // Received on the swapped-off Sunday 11 October: working days 12 and 13 October.
    expect(workingDaysDeadline(at('2026-10-11T02:00:00Z'), 2, TZ)).toBe(at('2026-10-13T16:00:00Z'));
    // Received on the swapped working Saturday 10 October: 12 and 13 October.
    expect(workingDaysDeadline(at('2026-10-10T02:00:00Z'), 2, TZ)).toBe(at('2026-10-13T16:00:00Z'));
  });
});

describe('which years the official calendar covers', () => {
  it('knows the years the package lists holidays for, and not the ones it was published before', () => {
    expect(officialCalendarCovers(2025)).toBe(true);
    expect(officialCalendarCovers(2026)).toBe(true);
    expect(officialCalendarCovers(1990)).toBe(false);
    expect(officialCalendarCovers(2099)).toBe(false);
  });

  it('warns of this year when uncovered, and of next year from December', () => {
    // As with chinese-days 1.5.7: holidays up to 2026, none for 2027 (Spring Festival would read as working days).
    const upTo2026 = (year: number) => year <= 2026;
    expect(uncoveredYears('2026-06-15', upTo2026)).toEqual([]);
    expect(uncoveredYears('2026-11-30', upTo2026)).toEqual([]);
    expect(uncoveredYears('2026-12-01', upTo2026)).toEqual([2027]);
    expect(uncoveredYears('2027-02-08', upTo2026)).toEqual([2027]);
    expect(uncoveredYears('2027-12-20', upTo2026)).toEqual([2027, 2028]);
    expect(uncoveredYears('2099-03-01')).toEqual([2099]);
    expect(uncoveredYears('2026-06-15')).toEqual([]);
  });
});
