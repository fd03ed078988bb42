import { readDeadline, type DeadlineState } from './deadline';
import { MINUTE } from './time';

/**
 * Incidents and emergencies (突发事件处理): the 30-minute notification clock.
 *
 * The clock starts when the counter receives the report (`receivedAt`, recorded by the core, not
 * typed) and runs until the parties concerned are notified. The rule, explicitly:
 *
 * - the clock is **done** as soon as one notification is recorded, whichever party it went to
 *   (`NOTIFICATIONS_REQUIRED` = 1). The counter picks the party that fits the event; the screens
 *   suggest them by nature (`SUGGESTED_PARTIES`), but the suggestion is not a condition;
 * - it is **on time** when that first notification is at or before `receivedAt + 30 min`, and
 *   **late** after; a late incident stays flagged late for good (notifications are never removed,
 *   and the first one is kept on the incident);
 * - while nobody is notified it reads like every clock: neutral, amber in the last 10 minutes, red
 *   once the 30 minutes are over.
 */

export const NOTIFY_WITHIN_MS = 30 * MINUTE;
/** Amber from 10 minutes before the limit. */
export const NOTIFY_WARN_MS = 10 * MINUTE;
/** How many recorded notifications stop the clock: one, to any party. */
export const NOTIFICATIONS_REQUIRED = 1;

export const INCIDENT_NATURES = ['injury', 'illness', 'fight', 'fire', 'lostChild', 'rideStoppage', 'other'] as const;
export type IncidentNature = (typeof INCIDENT_NATURES)[number];

export const NOTIFY_PARTIES = ['dutyManager', 'security', 'medical', 'department', 'other'] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];

export const NOTIFY_CHANNELS = ['phone', 'radio', 'inPerson', 'message'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const INCIDENT_STATUSES = ['open', 'handled', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The parties the screens put first for each kind of event (a suggestion, never a condition). */
export const SUGGESTED_PARTIES: Readonly<Record<IncidentNature, readonly NotifyParty[]>> = {
  injury: ['dutyManager', 'medical'],
  illness: ['dutyManager', 'medical'],
  fight: ['dutyManager', 'security'],
  fire: ['dutyManager', 'security'],
  lostChild: ['dutyManager', 'security'],
  rideStoppage: ['dutyManager', 'department'],
  other: ['dutyManager'],
};

/** The instant by which the parties concerned must be notified. */
export function notifyDeadline(receivedAt: number): number {
  return receivedAt + NOTIFY_WITHIN_MS;
}

/** Whether the recorded notifications stop the clock. */
export function isNotified(notificationCount: number): boolean {
  return notificationCount >= NOTIFICATIONS_REQUIRED;
}

/** Whether the first notification came after the 30 minutes (undefined while nobody is notified). */
export function notifiedLate(receivedAt: number, firstNotifiedAt: number | null): boolean | undefined {
  if (firstNotifiedAt === null) return undefined;
  return firstNotifiedAt > notifyDeadline(receivedAt);
}

export type NotifyClock =
  /** Nobody notified yet: the clock runs (neutral, amber, red). `minutes` left, or overdue when late. */
  | { state: DeadlineState; deadline: number; minutes: number; notifiedAt: null; late: boolean }
  /** Notified: the clock stopped; `late` says whether after the 30 minutes, `minutes` how many after (0 when on time). */
  | { state: 'done'; deadline: number; minutes: number; notifiedAt: number; late: boolean };

/**
 * The notification clock of an incident at `now`: running (with the deadline's colours) until the
 * first notification, then done, on time or late.
 */
export function readNotifyClock(receivedAt: number, firstNotifiedAt: number | null, now: number): NotifyClock {
  const deadline = notifyDeadline(receivedAt);
  if (firstNotifiedAt !== null) {
    const late = firstNotifiedAt > deadline;
    return { state: 'done', deadline, notifiedAt: firstNotifiedAt, late, minutes: late ? Math.floor((firstNotifiedAt - deadline) / MINUTE) : 0 };
  }
  const reading = readDeadline(now, deadline, NOTIFY_WARN_MS);
  return { state: reading.state, deadline, minutes: reading.minutes, notifiedAt: null, late: reading.state === 'late' };
}

/** The status changes allowed: open → handled → closed, and handled back to open when more must be done. */
export const STATUS_MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  open: ['handled'],
  handled: ['closed', 'open'],
  closed: [],
};

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}

/** An incident may be closed only once its parties are notified (and it was handled first). */
export function closeRefusal(status: IncidentStatus, notificationCount: number): 'notHandled' | 'notNotified' | undefined {
  if (!isNotified(notificationCount)) return 'notNotified';
  if (status !== 'handled') return 'notHandled';
  return undefined;
}
