import type { MessageKey, MessageParams } from '../i18n';
import { MINUTE } from './time';

/** The one visual language of every clock: neutral while there is time, amber near the limit, red when passed. */
export type DeadlineState = 'ok' | 'warn' | 'late';

export interface DeadlineReading {
  state: DeadlineState;
  /** Whole minutes left (state ok/warn) or overdue (state late), rounded towards the safe side. */
  minutes: number;
}

/**
 * Reads a deadline at `now`: `warnMs` before it the clock turns amber, at it red. Minutes left are
 * rounded up (never shows "0 min left" while time remains), minutes overdue rounded down.
 */
export function readDeadline(now: number, deadline: number, warnMs: number): DeadlineReading {
  const left = deadline - now;
  if (left <= 0) return { state: 'late', minutes: Math.floor((now - deadline) / MINUTE) };
  return { state: left <= warnMs ? 'warn' : 'ok', minutes: Math.ceil(left / MINUTE) };
}

/** Minutes as hours, minutes (and days) for people: 125 → { d: 0, h: 2, m: 5 }. */
export function splitMinutes(total: number): { d: number; h: number; m: number } {
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  return { d, h, m: total % 60 };
}

/**
 * Minutes in words, in the one clock language of every screen and report: "5 min", "2 h 36 min",
 * "4 h" (a whole hour reads as such), "1 d 3 h".
 */
export function durationText(t: (key: MessageKey, params?: MessageParams) => string, minutes: number): string {
  const { d, h, m } = splitMinutes(minutes);
  if (d > 0) return h > 0 ? t('clock.days', { d, h }) : t('clock.wholeDays', { d });
  if (h > 0) return m > 0 ? t('clock.hours', { h, m }) : t('clock.wholeHours', { h });
  return t('clock.minutes', { m });
}

/** One running clock: its deadline and how long before it the clock turns amber. */
export interface Clock {
  dueAt: number;
  warnMs: number;
}

/** How many of a set of clocks are near their limit (amber) and past it (red). */
export interface ClockAlert {
  late: number;
  warn: number;
}

/**
 * A set of clocks read at `now`, with `alreadyLate` more counted past their limit (figures the core
 * counts itself, such as rentals overdue); undefined when none is amber or red.
 */
export function clockAlert(clocks: readonly Clock[], now: number, alreadyLate = 0): ClockAlert | undefined {
  const states = clocks.map((clock) => readDeadline(now, clock.dueAt, clock.warnMs).state);
  const late = alreadyLate + states.filter((state) => state === 'late').length;
  const warn = states.filter((state) => state === 'warn').length;
  return late + warn > 0 ? { late, warn } : undefined;
}
