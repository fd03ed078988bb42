import { TZDate } from '@date-fns/tz';

/** The source of "now" for every deadline; tests inject one they can move. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const knownZones = new Map<string, boolean>();

export function isTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(value, known);
  }
  return known;
}

/** `HH:mm` → minutes after midnight. */
export function minutesOfDay(timeOfDay: string): number {
  const [h, m] = timeOfDay.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
type Fields = Readonly<Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>>;
/** The last minutes read, per zone: a receipt, a list or a board reads the same few minutes many times. */
const recentFields = new Map<string, Map<number, Fields>>();
const recentInstants = new Map<string, number>();
/** Enough for a two-year dashboard range's park midnights (the frame asks for each). */
const RECENT = 1024;

/** Calendar fields of an instant in a zone; one cached Intl formatter per zone (hot: every receipt, every list). */
function fieldsAt(at: number, timeZone: string): Fields {
  // Zone offsets are whole minutes (every zone in use today): the fields of a minute are those of its first instant.
  const minute = Math.floor(at / MINUTE);
  let recent = recentFields.get(timeZone);
  const known = recent?.get(minute);
  if (known) return known;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const fields = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of formatter.formatToParts(at)) if (part.type in fields) fields[part.type as keyof typeof fields] = part.value;
  if (!recent || recent.size >= RECENT) {
    recent = new Map();
    recentFields.set(timeZone, recent);
  }
  recent.set(minute, Object.freeze(fields));
  return fields;
}

/** The park's calendar date (`YYYY-MM-DD`) at an instant. */
export function parkDate(at: number, timeZone: string): string {
  const { year, month, day } = fieldsAt(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** The instant of a wall-clock time on a park date, e.g. 20:30 on 2026-11-29 in Asia/Shanghai. */
export function atParkTime(date: string, timeOfDay: string, timeZone: string): number {
  const key = `${timeZone} ${date} ${timeOfDay}`;
  const known = recentInstants.get(key);
  if (known !== undefined) return known;
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = timeOfDay.split(':').map(Number);
  const at = new TZDate(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, timeZone).getTime();
  if (recentInstants.size >= RECENT) recentInstants.clear();
  recentInstants.set(key, at);
  return at;
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
  const { hour, minute } = fieldsAt(at, timeZone);
  return `${hour}:${minute}`;
}

/**
 * `YYYY-MM-DD HH:mm` of an instant in the park: the one way a date and time reads, on paper and on
 * screen, in both languages (no month-first English order to misread). `seconds` adds `:ss` (the
 * audit log).
 */
export function formatParkDateTime(at: number, timeZone: string, options: { seconds?: boolean } = {}): string {
  const { year, month, day, hour, minute } = fieldsAt(at, timeZone);
  const base = `${year}-${month}-${day} ${hour}:${minute}`;
  if (!options.seconds) return base;
  // Zone offsets are whole minutes, so the seconds are the instant's own.
  const second = Math.floor((((at % MINUTE) + MINUTE) % MINUTE) / 1000);
  return `${base}:${String(second).padStart(2, '0')}`;
}

/** `MM-DD HH:mm` of an instant in the park: lost property's lists, where the year goes without saying. */
export function formatParkMonthDayTime(at: number, timeZone: string): string {
  const { month, day, hour, minute } = fieldsAt(at, timeZone);
  return `${month}-${day} ${hour}:${minute}`;
}

const TYPED_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date as typed at the counter (`2026-12-01`, `2026/12/1`, `2026.12.01`, `20261201`, `2026年12月1日`)
 * as `YYYY-MM-DD`; null when it is not a real calendar date (2026-02-30).
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const match = TYPED_DATE.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why a date typed into a field that takes `min`..`max` (`YYYY-MM-DD`, either optional) is refused, with what was typed. */
export type TypedDateProblem =
  | { key: 'validation.notADate'; params: { typed: string } }
  | { key: 'validation.dateTooEarly'; params: { typed: string; min: string } }
  | { key: 'validation.dateTooLate'; params: { typed: string; max: string } };

/**
 * What is wrong with a date typed into a field that takes `min`..`max`: no date at all, or one
 * outside the range (the calendar cannot pick those, but the keyboard can type them). Null when the
 * text is a date the field takes, or empty (an empty field is the field's own rule).
 */
export function typedDateProblem(text: string, bounds: { min?: string | undefined; max?: string | undefined }): TypedDateProblem | null {
  const typed = text.trim();
  if (typed === '') return null;
  const date = parseTypedDate(typed);
  if (date === null) return { key: 'validation.notADate', params: { typed: typed.slice(0, 40) } };
  if (bounds.min !== undefined && date < bounds.min) return { key: 'validation.dateTooEarly', params: { typed: date, min: bounds.min } };
  if (bounds.max !== undefined && date > bounds.max) return { key: 'validation.dateTooLate', params: { typed: date, max: bounds.max } };
  return null;
}

/**
 * When a day's figures of the present state (rentals out, deposits held, units under repair or not
 * inspected) were read on another day than their own, the instant they were read: they are the state
 * then, not at the end of `date`. Null when read on the day itself.
 */
export function stateReadAfter(date: string, readAt: number, timeZone: string): number | null {
  return parkDate(readAt, timeZone) === date ? null : readAt;
}

/**
 * How far past the park's clock a time given at the counter may be and still be taken as now (the
 * clerk read a watch a few minutes fast): the core refuses anything later as still to come, and a
 * typed time of day later than that is read as yesterday's.
 */
export const TYPED_TIME_SLACK_MS = 5 * MINUTE;

/** Whether an instant given at the counter for something that already happened is still to come. */
export function isStillToCome(at: number, now: number): boolean {
  return at > now + TYPED_TIME_SLACK_MS;
}

/**
 * A time of day typed at the counter (`HH:mm`) for something that already happened, as an instant:
 * today in the park, or yesterday when today's would still be to come.
 */
export function typedTimeToInstant(time: string, now: number, timeZone: string): number {
  const today = atParkTime(parkDate(now, timeZone), time, timeZone);
  return isStillToCome(today, now) ? atParkTime(parkDate(now - DAY, timeZone), time, timeZone) : today;
}
