import { atParkTime, HOUR, parkDate } from './time';

/**
 * When a rental is due back unless the clerk says otherwise: closing time today; once the park
 * has closed (an evening loan), an hour from now.
 */
export function defaultDueAt(now: number, park: { closingTime: string; timeZone: string }): number {
  const closing = atParkTime(parkDate(now, park.timeZone), park.closingTime, park.timeZone);
  return closing > now ? closing : now + HOUR;
}

/**
 * The due time a clerk picks as a time of day: today at that time, or tomorrow when that time has
 * already passed today (19:00 picked at 20:15 means tomorrow evening, not a time in the past).
 */
export function dueAtFromTime(now: number, timeOfDay: string, timeZone: string): number {
  const today = atParkTime(parkDate(now, timeZone), timeOfDay, timeZone);
  if (today > now) return today;
  return atParkTime(parkDate(now + 24 * HOUR, timeZone), timeOfDay, timeZone);
}
