import type { Role } from '../contract/define';
import type { Settings } from '../contract/settings';
import { MINUTE } from './time';

/**
 * A screen tells the core that someone is working at it at most this often (typing a long
 * complaint makes no call of its own): the core's idle clock follows the screen's.
 */
export const ACTIVITY_REPORT_MS = 30_000;

/**
 * What a screen counts as someone working at it: the same for its own idle sign-out and its reports.
 * `input` too: Chinese typed through an input method or a handwriting pad, or a paste, arrives as
 * text with no key pressed.
 */
export const ACTIVITY_EVENTS = ['keydown', 'input', 'mousemove', 'touchmove', 'click', 'scroll', 'wheel'] as const;

/**
 * How long the core keeps a session without hearing from its screen: the idle sign-out, plus one
 * report's interval. The screen signs itself out at the idle time; the core ends it just after, so a
 * screen whose last report is up to one interval old is never refused before it signs out itself.
 */
export function sessionIdleMs(idleSignOutMinutes: number): number {
  return idleSignOutMinutes * MINUTE + ACTIVITY_REPORT_MS;
}

/**
 * A role's idle sign-out: the broadcast room's screen is watched, not worked at, between slips, so
 * it keeps its own (longer) limit; every other screen signs out after the park's idle time.
 */
export function idleSignOutMinutesFor(role: Role, settings: Pick<Settings, 'idleSignOutMinutes' | 'broadcastIdleSignOutMinutes'>): number {
  return role === 'broadcast' ? settings.broadcastIdleSignOutMinutes : settings.idleSignOutMinutes;
}

/** How long the core keeps a session of each role without hearing from its screen. */
export type IdleLimit = (role: Role) => number;

export function sessionIdleLimit(settings: Pick<Settings, 'idleSignOutMinutes' | 'broadcastIdleSignOutMinutes'>): IdleLimit {
  return (role) => sessionIdleMs(idleSignOutMinutesFor(role, settings));
}
