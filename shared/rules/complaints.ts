import { atParkTime, MINUTE, parkDayBounds } from './time';

/** From this long before the deadline (20:00 for 20:30) the duty manager is reminded. */
export const SUMMARY_REMINDER_MS = 30 * MINUTE;

export type SummaryState = 'open' | 'reminder' | 'late' | 'closed' | 'closedLate';

/** The instant the day's summary is due: the deadline time (e.g. 20:30) on that park date. */
export function summaryDeadlineAt(date: string, deadline: string, timeZone: string): number {
  return atParkTime(date, deadline, timeZone);
}

/**
 * Where the day's summary stands: open; a reminder from 30 minutes before the deadline; late after
 * it; or closed (on time or late, for good).
 */
export function summaryState(now: number, deadlineAt: number, closedAt: number | null): SummaryState {
  if (closedAt !== null) return closedAt > deadlineAt ? 'closedLate' : 'closed';
  if (now >= deadlineAt) return 'late';
  return now >= deadlineAt - SUMMARY_REMINDER_MS ? 'reminder' : 'open';
}

/** A complaint is investigated the same day: by the end of the park day it was received. */
export function sameDayDeadline(receivedAt: number, timeZone: string): number {
  return parkDayBounds(receivedAt, timeZone).end;
}

/** Monday of the week of a date (`YYYY-MM-DD`), for weekly trends. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - offset);
  return day.toISOString().slice(0, 10);
}
