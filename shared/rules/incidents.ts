import { readDeadline, type DeadlineState } from './deadline';
import { MINUTE } from './time';

/**
 * Incidents and emergencies (突发事件处理): the 30-minute notification clock.
 *
 * The clock starts when the counter receives the report (`receivedAt`, recorded by the core, not
 * typed) and runs until the parties concerned are notified. The rule, explicitly:
 *
 * - the parties concerned are the duty manager, always, and the parties the kind of event calls for
 *   (`SUGGESTED_PARTIES`: medical for an injury, security for a fight ...): `requiredParties`;
 * - each of them is either notified (a recorded notification: whom, how, when, by whom) or, except
 *   the duty manager, skipped with a recorded reason (security was already at the scene); a
 *   notification to anyone else ("other") is recorded but stops nothing;
 * - the clock is **done** when the last of them is notified or skipped (`noticeCompletedAt`); it is
 *   **on time** when that is at or before `receivedAt + 30 min`, and **late** after; a late incident
 *   stays flagged late for good (notifications and skips are never removed);
 * - while any is still to notify it reads like every clock: neutral, amber in the last 10 minutes,
 *   red once the 30 minutes are over; and the incident cannot be closed.
 */

export const NOTIFY_WITHIN_MS = 30 * MINUTE;
/** Amber from 10 minutes before the limit. */
export const NOTIFY_WARN_MS = 10 * MINUTE;

export const INCIDENT_NATURES = ['injury', 'illness', 'fight', 'fire', 'lostChild', 'rideStoppage', 'other'] as const;
export type IncidentNature = (typeof INCIDENT_NATURES)[number];

export const NOTIFY_PARTIES = ['dutyManager', 'security', 'medical', 'department', 'other'] as const;
export type NotifyParty = (typeof NOTIFY_PARTIES)[number];

export const NOTIFY_CHANNELS = ['phone', 'radio', 'inPerson', 'message'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const INCIDENT_STATUSES = ['open', 'handled', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The parties each kind of event calls for, the duty manager first; the screens put them first too. */
export const SUGGESTED_PARTIES: Readonly<Record<IncidentNature, readonly NotifyParty[]>> = {
  injury: ['dutyManager', 'medical'],
  illness: ['dutyManager', 'medical'],
  fight: ['dutyManager', 'security'],
  fire: ['dutyManager', 'security'],
  lostChild: ['dutyManager', 'security'],
  rideStoppage: ['dutyManager', 'department'],
  other: ['dutyManager'],
};

/** The duty manager is told of every incident: never skipped. */
export const ALWAYS_NOTIFIED: NotifyParty = 'dutyManager';

/** The parties that must be notified (or, but for the duty manager, skipped with a reason) before the clock stops. */
export function requiredParties(nature: IncidentNature): readonly NotifyParty[] {
  return [ALWAYS_NOTIFIED, ...SUGGESTED_PARTIES[nature].filter((party) => party !== ALWAYS_NOTIFIED)];
}

/** Whether a party may be skipped on this incident: one it calls for, other than the duty manager. */
export function canSkip(nature: IncidentNature, party: NotifyParty): boolean {
  return party !== ALWAYS_NOTIFIED && requiredParties(nature).includes(party);
}

/** A party notified, or skipped with a reason, at a time. */
export interface PartyMark {
  party: NotifyParty;
  at: number;
}

/** The required parties neither notified nor skipped yet, in the order they are called for. */
export function partiesToNotify(nature: IncidentNature, marks: readonly Pick<PartyMark, 'party'>[]): NotifyParty[] {
  const done = new Set(marks.map((mark) => mark.party));
  return requiredParties(nature).filter((party) => !done.has(party));
}

/**
 * When the clock stopped: the moment the last required party was first notified or skipped; null
 * while any is still to notify.
 */
export function noticeCompletedAt(nature: IncidentNature, marks: readonly PartyMark[]): number | null {
  let last = Number.NEGATIVE_INFINITY;
  for (const party of requiredParties(nature)) {
    const times = marks.filter((mark) => mark.party === party).map((mark) => mark.at);
    if (times.length === 0) return null;
    last = Math.max(last, Math.min(...times));
  }
  return last;
}

/** The instant by which the parties concerned must be notified. */
export function notifyDeadline(receivedAt: number): number {
  return receivedAt + NOTIFY_WITHIN_MS;
}

/** Whether the parties were all notified after the 30 minutes (undefined while any is still to notify). */
export function notifiedLate(receivedAt: number, completedAt: number | null): boolean | undefined {
  if (completedAt === null) return undefined;
  return completedAt >= notifyDeadline(receivedAt);
}

export type NotifyClock =
  /** Parties still to notify: the clock runs (neutral, amber, red). `minutes` left, or overdue when late. */
  | { state: DeadlineState; deadline: number; minutes: number; completedAt: null; late: boolean }
  /** All notified (or skipped): the clock stopped; `late` says whether after the 30 minutes, `minutes` how many after (0 when on time). */
  | { state: 'done'; deadline: number; minutes: number; completedAt: number; late: boolean };

/**
 * The notification clock of an incident at `now`: running (with the deadline's colours) until the
 * last required party is notified or skipped, then done, on time or late.
 */
export function readNotifyClock(receivedAt: number, completedAt: number | null, now: number): NotifyClock {
  const deadline = notifyDeadline(receivedAt);
  if (completedAt !== null) {
    // Late at the mark itself, as the running clock turns red there (the paging clocks count alike).
    const late = notifiedLate(receivedAt, completedAt) === true;
    return { state: 'done', deadline, completedAt, late, minutes: late ? Math.floor((completedAt - deadline) / MINUTE) : 0 };
  }
  const reading = readDeadline(now, deadline, NOTIFY_WARN_MS);
  return { state: reading.state, deadline, minutes: reading.minutes, completedAt: null, late: reading.state === 'late' };
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

/**
 * An incident may be closed only once every party it calls for is notified or skipped, a superior
 * was informed when an injured visitor went to hospital (an injured visitor is accompanied to
 * hospital; superiors are informed), and it was handled first.
 */
export function closeRefusal(
  status: IncidentStatus,
  toNotify: readonly NotifyParty[],
  hospital: { toHospital: boolean; superiorsInformed: number },
): 'notHandled' | 'notNotified' | 'noSuperior' | undefined {
  if (toNotify.length > 0) return 'notNotified';
  if (hospital.toHospital && hospital.superiorsInformed === 0) return 'noSuperior';
  if (status !== 'handled') return 'notHandled';
  return undefined;
}
