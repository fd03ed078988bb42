import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';

/** The source of "now" for every deadline; tests inject one they can move. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** `HH:mm` → minutes after midnight. */
export function minutesOfDay(timeOfDay: string): number {
  const [h, m] = timeOfDay.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The park's calendar date (`YYYY-MM-DD`) at an instant. */
export function parkDate(at: number, timeZone: string): string {
  return format(at, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/** The instant of a wall-clock time on a park date, e.g. 20:30 on 2026-11-29 in Asia/Shanghai. */
export function atParkTime(date: string, timeOfDay: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = timeOfDay.split(':').map(Number);
  return new TZDate(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, timeZone).getTime();
}

/** Start and end (exclusive) of the park day that contains `at`. */
export function parkDayBounds(at: number, timeZone: string): { start: number; end: number; date: string } {
  const date = parkDate(at, timeZone);
  const start = atParkTime(date, '00:00', timeZone);
  const next = new TZDate(start, timeZone);
  next.setDate(next.getDate() + 1);
  return { start, end: next.getTime(), date };
}

/** `HH:mm` of an instant in the park. */
export function formatParkTime(at: number, timeZone: string): string {
  return format(at, 'HH:mm', { in: tz(timeZone) });
}
