import { describe, expect, it } from 'vitest';
import { atParkTime, formatParkDateTime, formatParkMonthDayTime, formatParkTime, isTimeZone, minutesOfDay, parkDate, parkDayBounds, parseTypedDate, stateReadAfter, isStillToCome, TYPED_TIME_SLACK_MS, typedDateProblem, typedTimeToInstant } from '@shared/rules/time';
import { ManualClock, OffsetClock } from '../../electron/core/clock';

describe('park time', () => {
  it('reads dates and times in the park’s zone, not the machine’s', () => {
    // 2026-11-29 17:00 UTC is already the 30th, 01:00, in Shanghai.
    const at = Date.parse('2026-11-29T17:00:00Z');
    expect(parkDate(at, 'Asia/Shanghai')).toBe('2026-11-30');
    expect(parkDate(at, 'Europe/London')).toBe('2026-11-29');
    expect(formatParkTime(at, 'Asia/Shanghai')).toBe('01:00');
    expect(atParkTime('2026-11-29', '20:30', 'Asia/Shanghai')).toBe(Date.parse('2026-11-29T12:30:00Z'));
  });

  it('writes a date and time one way, with seconds only when asked', () => {
    const at = Date.parse('2026-11-29T17:04:09.900Z');
    expect(formatParkDateTime(at, 'Asia/Shanghai')).toBe('2026-11-30 01:04');
    expect(formatParkDateTime(at, 'Asia/Shanghai', { seconds: true })).toBe('2026-11-30 01:04:09');
    expect(formatParkDateTime(at, 'Asia/Kolkata', { seconds: true })).toBe('2026-11-29 22:34:09');
    expect(formatParkMonthDayTime(at, 'Asia/Shanghai')).toBe('11-30 01:04');
  });

  it('bounds a park day, across a daylight-saving change too', () => {
    const shanghai = parkDayBounds(Date.parse('2026-11-29T02:00:00Z'), 'Asia/Shanghai');
    expect(shanghai).toEqual({ date: '2026-11-29', start: Date.parse('2026-11-28T16:00:00Z'), end: Date.parse('2026-11-29T16:00:00Z') });
    const london = parkDayBounds(Date.parse('2026-03-29T12:00:00Z'), 'Europe/London');
    expect(london.end - london.start).toBe(23 * 3600_000);
  });

  it('knows a time zone from a typo and parses HH:mm', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangai')).toBe(false);
    expect(minutesOfDay('20:30')).toBe(1230);
  });

  it('moves injected clocks only when told', () => {
    const manual = new ManualClock(1000);
    manual.advance(500);
    expect(manual.now()).toBe(1500);
    let real = 10_000;
    const offset = new OffsetClock(50_000, () => real);
    expect(offset.now()).toBe(50_000);
    real += 100;
    expect(offset.now()).toBe(50_100);
    offset.advance(60_000);
    expect(offset.now()).toBe(110_100);
  });

  it('reads a date the way the counter types it, and nothing that is no date', () => {
    for (const typed of ['2026-12-01', '2026/12/1', '2026.12.01', '20261201', '2026年12月1日', ' 2026 - 12 - 1 ']) {
      expect(parseTypedDate(typed), typed).toBe('2026-12-01');
    }
    expect(parseTypedDate('2028-02-29')).toBe('2028-02-29');
    for (const typed of ['', '2026-02-29', '2026-13-01', '2026-12-32', '12/01/2026', '2026-12', '2026120', 'tomorrow']) {
      expect(parseTypedDate(typed), typed).toBeNull();
    }
  });

  it('says why a typed date is refused: no date, or outside the days the field takes', () => {
    const bounds = { min: '2026-11-01', max: '2026-12-03' };
    expect(typedDateProblem('2026/12/3', bounds)).toBeNull();
    expect(typedDateProblem('2026-11-01', bounds)).toBeNull();
    expect(typedDateProblem('', bounds)).toBeNull();
    expect(typedDateProblem(' 2026-02-30 ', bounds)).toEqual({ key: 'validation.notADate', params: { typed: '2026-02-30' } });
    expect(typedDateProblem('2026-12-31', bounds)).toEqual({ key: 'validation.dateTooLate', params: { typed: '2026-12-31', max: '2026-12-03' } });
    expect(typedDateProblem('20261031', bounds)).toEqual({ key: 'validation.dateTooEarly', params: { typed: '2026-10-31', min: '2026-11-01' } });
    expect(typedDateProblem('2030-01-01', {})).toBeNull();
  });
});

describe('figures of the present state read after their day', () => {
  it('are flagged with the moment they were read, by the park day in its time zone', () => {
    const zone = 'Asia/Shanghai';
    // 2026-11-29 23:59 and 2026-11-30 00:01 in Shanghai.
    const lateEvening = Date.parse('2026-11-29T15:59:00Z');
    const pastMidnight = Date.parse('2026-11-29T16:01:00Z');
    expect(stateReadAfter('2026-11-29', lateEvening, zone)).toBeNull();
    expect(stateReadAfter('2026-11-29', pastMidnight, zone)).toBe(pastMidnight);
    // The same instant is still the 29th in UTC.
    expect(stateReadAfter('2026-11-29', pastMidnight, 'UTC')).toBeNull();
  });
});

describe('a time of day typed at the counter for what already happened', () => {
  const tz = 'Asia/Shanghai';
  const now = Date.parse('2026-11-30T02:00:00Z'); // 10:00 in the park

  it('is today, also a few minutes ahead of the park clock (a watch running fast)', () => {
    expect(typedTimeToInstant('09:40', now, tz)).toBe(Date.parse('2026-11-30T01:40:00Z'));
    expect(typedTimeToInstant('10:04', now, tz)).toBe(Date.parse('2026-11-30T02:04:00Z'));
    expect(typedTimeToInstant('10:05', now, tz)).toBe(Date.parse('2026-11-30T02:05:00Z'));
  });

  it('is yesterday when today’s would still be to come', () => {
    expect(typedTimeToInstant('10:06', now, tz)).toBe(Date.parse('2026-11-29T02:06:00Z'));
    expect(typedTimeToInstant('23:50', now, tz)).toBe(Date.parse('2026-11-29T15:50:00Z'));
  });

  it('is refused by the core as still to come only past the same few minutes', () => {
    expect(isStillToCome(now + TYPED_TIME_SLACK_MS, now)).toBe(false);
    expect(isStillToCome(now + TYPED_TIME_SLACK_MS + 1, now)).toBe(true);
  });
});
