import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { atParkTime, DAY, HOUR, parkDate } from './time';

/**
 * Working days on the official Chinese calendar: public holidays are off, and the weekend days
 * swapped into working days (调休) are on (from the maintained `chinese-days` package), with the
 * park's own overrides on top (a manager marks a date worked or off).
 */
export type DayOverrides = ReadonlyMap<string, 'work' | 'off'>;

export function isWorkingDay(date: string, overrides: DayOverrides = new Map()): boolean {
  const override = overrides.get(date);
  if (override) return override === 'work';
  return isWorkday(date);
}

/**
 * Whether a date is an official public holiday (法定节假日) on the Chinese calendar: a day of a
 * holiday period, its weekend days included; not an ordinary weekend, not a swapped working day.
 */
export function isPublicHoliday(date: string): boolean {
  return getHolidaysInRange(date, date, false).length > 0;
}

/** The calendar day after a `YYYY-MM-DD` date (timezone-free date arithmetic). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** The `n`th working day after `date` (not counting `date` itself). */
export function addWorkingDays(date: string, n: number, overrides: DayOverrides = new Map()): string {
  let current = date;
  let counted = 0;
  // A year of consecutive days off does not exist; the bound only stops a runaway on bad data.
  for (let guard = 0; counted < n && guard < 400; guard += 1) {
    current = nextDate(current);
    if (isWorkingDay(current, overrides)) counted += 1;
  }
  return current;
}

/**
 * "Within N working days" of a receipt: by the end (midnight, park time) of the Nth working day
 * after the day it was received. Received on Friday → two working days → due at the end of Tuesday;
 * received on 30 September 2026 → the National Day week is off → due at the end of Friday 9 October.
 */
export function workingDaysDeadline(receivedAt: number, n: number, timeZone: string, overrides: DayOverrides = new Map()): number {
  const due = addWorkingDays(parkDate(receivedAt, timeZone), n, overrides);
  return atParkTime(nextDate(due), '00:00', timeZone);
}

/** The working-day clocks turn amber with this much time left. */
export const WORKING_DAYS_WARN_MS = 8 * HOUR;

/** Whole calendar days from one date to another (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

const covered = new Map<number, boolean>();

/**
 * Whether the official calendar package knows a year's public holidays and swapped working days.
 * Every year has holidays (New Year's Day at least): a year with none listed is one the package was
 * published before, where `isWorkday` simply answers Monday to Friday.
 */
export function officialCalendarCovers(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

/** From this month the 2-working-day clocks of late complaints run into next year: its calendar is checked too. */
export const NEXT_YEAR_FROM_MONTH = 12;

/**
 * The years the working-day clocks need as of a park date (`YYYY-MM-DD`) that the official
 * calendar does not cover: this year, and next year from December. Empty when all is known.
 */
export function uncoveredYears(today: string, covers: (year: number) => boolean = officialCalendarCovers): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const needed = month >= NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year];
  return needed.filter((y) => !covers(y));
}
