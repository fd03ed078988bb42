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
