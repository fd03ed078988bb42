import type { PeriodSpan } from '@shared/contract';
import { datesBetween, listPeriods, shiftDate, type DashboardRange } from '@shared/rules/dashboard';
import { atParkTime, DAY, formatParkTime, HOUR, MINUTE } from '@shared/rules/time';

/**
 * Counts are grouped in SQL by quarter hour from the frame's start (park midnight). Every time
 * zone's offset, and every daylight-saving shift, is a whole number of quarter hours, so a slot
 * never straddles a park hour or a park day: each slot is placed once, with its start.
 */
export const SLOT_MS = 15 * MINUTE;

export interface Slot {
  /** The period the instant falls in (index into `periods`). */
  period: number;
  /** The hour of the park day, 0-23. */
  hour: number;
}

/** A range laid over the park's clock: its periods, its instants, and where an instant falls. */
export interface Frame {
  readonly periods: PeriodSpan[];
  /** Park midnight starting `from`, and ending `to` (exclusive). */
  readonly start: number;
  readonly end: number;
  periodOfDate(date: string): number | undefined;
  locate(at: number): Slot | undefined;
  /** Every day of the range is 24 hours (no clock change): day `d` starts at `start + d * DAY`. */
  readonly wholeDays: boolean;
  /** The period of the range's day `index` (0 for `from`). */
  periodOfDay(index: number): number | undefined;
}

export function frameOf(range: DashboardRange, timeZone: string): Frame {
  const periods = listPeriods(range);
  const dates = datesBetween(range.from, range.to);
  // Park midnight of each date, and of the day after the range: a park day is not always 24 hours.
  const starts = [...dates, shiftDate(range.to, 1)].map((date) => atParkTime(date, '00:00', timeZone));
  const periodOfDay: number[] = [];
  let period = 0;
  for (const date of dates) {
    while ((periods[period]?.to ?? date) < date) period += 1;
    periodOfDay.push(period);
  }
  const byDate = new Map(dates.map((date, index) => [date, periodOfDay[index] ?? 0]));
  const start = starts[0] ?? 0;
  const end = starts[starts.length - 1] ?? 0;
  const wholeDays = starts.every((at, index) => index === 0 || at - (starts[index - 1] ?? at) === DAY);
  return {
    periods,
    start,
    end,
    wholeDays,
    periodOfDay: (index) => periodOfDay[index],
    periodOfDate: (date) => byDate.get(date),
    locate(at) {
      if (at < start || at >= end) return undefined;
      // The last day starting at or before the instant.
      let low = 0;
      let high = dates.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? Infinity) <= at) low = middle;
        else high = middle - 1;
      }
      const dayStart = starts[low] ?? start;
      const dayEnd = starts[low + 1] ?? end;
      // A 24-hour day has no clock change: its hours are counted from midnight; otherwise ask the zone.
      const hour = dayEnd - dayStart === DAY ? Math.floor((at - dayStart) / HOUR) : Number(formatParkTime(at, timeZone).slice(0, 2));
      return { period: periodOfDay[low] ?? 0, hour };
    },
  };
}
