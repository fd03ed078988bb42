import type { ClockView, ComplaintClockName, ComplaintStatus, ComplaintStep, ComplaintView, SummaryView } from '../contract/complaints';
import type { MessageKey } from '../i18n';
import { WORKING_DAYS_WARN_MS } from './workdays';
import { atParkTime, HOUR, MINUTE, parkDayBounds } from './time';

/** The same-day investigation clock turns amber this long before the end of the park day. */
export const SAME_DAY_WARN_MS = 3 * HOUR;

/** How long before its limit each of a complaint's own clocks turns amber. */
export const COMPLAINT_CLOCK_WARN_MS: Record<ComplaintClockName, number> = { sameDay: SAME_DAY_WARN_MS, handling: WORKING_DAYS_WARN_MS, followUp: WORKING_DAYS_WARN_MS };

/** A complaint's own clocks, in order: same-day investigation, a forwarded one's 2 working days, reply and return visit. */
export function complaintClocks(complaint: Pick<ComplaintView, 'sameDay' | 'handling' | 'followUp'>): Array<{ name: ComplaintClockName; clock: ClockView }> {
  return [
    { name: 'sameDay', clock: complaint.sameDay },
    ...(complaint.handling ? [{ name: 'handling' as const, clock: complaint.handling }] : []),
    { name: 'followUp', clock: complaint.followUp },
  ];
}

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

/**
 * The note the app itself writes on a group complaint's automatic escalation to the duty manager
 * (`group:<size>`, the size when it was given): not a person's words, so screens word it and the
 * daily summary's "what was done" passes over it.
 */
export const GROUP_NOTE_PREFIX = 'group:';

export function groupEscalationNote(size: number | undefined): string {
  return `${GROUP_NOTE_PREFIX}${size ?? ''}`;
}

/** The group's size from such a note ('' when none was given); undefined for a person's note. */
export function groupSizeOfNote(note: string): string | undefined {
  const match = /^group:(\d*)$/.exec(note);
  return match ? (match[1] ?? '') : undefined;
}

/**
 * Where a complaint's clock stands: done (in time or late), or not done and still running, or not
 * done on a complaint no longer open (missed when its time had passed, stopped when it had not).
 */
export type ClockState = 'done' | 'doneLate' | 'running' | 'missed' | 'stopped';

export function clockState(clock: { doneAt: number | null; late: boolean }, open: boolean): ClockState {
  if (clock.doneAt !== null) return clock.late ? 'doneLate' : 'done';
  if (!open) return clock.late ? 'missed' : 'stopped';
  return 'running';
}

/** A visitor's opinion or request as people read it, on the counter's list and in the day's summary: `F12`. */
export function feedbackRef(id: number): string {
  return `F${id}`;
}

/** The id a typed reference names (`F12`, `f12`), or undefined when the text is no reference. */
export function parseFeedbackRef(text: string): number | undefined {
  const match = /^F(\d{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * A summary as its close keeps it: an opinion or request with no department would reach no one, so
 * it is left out and waits, editable, for the next summary once its department is named; the
 * "no department" row goes when nothing else is in it.
 */
export function summaryAsClosed(summary: SummaryView): SummaryView {
  const departments = summary.departments
    .map((department) => (department.departmentId === null ? { ...department, feedback: [] } : department))
    .filter((department) => department.count > 0 || department.feedback.length > 0);
  return { ...summary, departments, feedbackTotal: departments.reduce((n, department) => n + department.feedback.length, 0) };
}

/**
 * Which steps may follow which: investigate, respond, follow up (回访), close; withdraw while open. A
 * forwarded complaint's result is reported back after the response, before it closes.
 */
const NEXT: Record<ComplaintStep, readonly ComplaintStatus[]> = {
  investigate: ['received'],
  respond: ['received', 'investigating'],
  reportResult: ['responded', 'followedUp'],
  followUp: ['responded'],
  close: ['responded', 'followedUp'],
  withdraw: ['received', 'investigating', 'responded', 'followedUp'],
};

/** Where a complaint stands, as its next step depends on it. */
export interface StepState {
  status: ComplaintStatus;
  /** Forwarded by the consumer association or the tourism bureau. */
  forwarded: boolean;
  /** Its result was reported back to the body that forwarded it. */
  resultReported: boolean;
}

/** Why a step cannot follow from where the complaint is, in the visitor center's words; undefined when it can. */
export function stepRefusal(step: ComplaintStep, state: StepState): MessageKey | undefined {
  const beforeResponse = state.status === 'received' || state.status === 'investigating';
  if (step === 'reportResult') {
    if (!state.forwarded) return 'complaints.errors.notForwarded';
    if (state.resultReported) return 'complaints.errors.resultReported';
    if (beforeResponse) return 'complaints.errors.resultBeforeResponse';
  }
  if (!NEXT[step].includes(state.status)) return step === 'close' && beforeResponse ? 'complaints.errors.noResponse' : 'complaints.errors.wrongStep';
  if (step === 'close' && state.forwarded && !state.resultReported) return 'complaints.errors.reportResultFirst';
  return undefined;
}
