import { OPEN_PAGING_STATUSES, type PagingDetails, type PagingKind, type PagingView, type ScriptKind } from '../contract/paging';
import { MINUTE } from './time';

/** A paging request's reference as people read it, on its card, its printed slip and the day close: `P12`. */
export function pagingRef(id: number): string {
  return `P${id}`;
}

/** The broadcast room must have a request within 5 minutes of its registration. */
export const CONTACT_LIMIT_MS = 5 * MINUTE;
/** The clock turns amber with this much time left. */
export const CONTACT_WARN_MS = 2 * MINUTE;
/** A summoned department head must reach the visitor center within 10 minutes of the call. */
export const ARRIVAL_LIMIT_MS = 10 * MINUTE;
export const ARRIVAL_WARN_MS = 3 * MINUTE;
/** A repeat within this time of the last airing is a double tap, not a second airing. */
export const REPEAT_GUARD_MS = MINUTE;

/** Priority by kind (1 first): a missing child always comes first. */
export function pagingPriority(details: PagingDetails): number {
  switch (details.kind) {
    case 'missingPerson':
      return details.child ? 1 : 2;
    case 'summonHead':
      return 3;
    case 'lostProperty':
      return 4;
    case 'general':
      return 5;
  }
}

export function scriptKindOf(details: PagingDetails): ScriptKind | undefined {
  if (details.kind === 'missingPerson') return details.child ? 'missingChild' : 'missingPerson';
  return details.kind === 'general' ? undefined : details.kind;
}

export function contactDueAt(createdAt: number): number {
  return createdAt + CONTACT_LIMIT_MS;
}

/**
 * Whether the 5-minute mark was missed: acknowledged at it or after, or not yet and it has come. Late
 * at the mark, as every clock reads it (`readDeadline` turns red at the deadline): taken at 4:59 on
 * time, at 5:00 late.
 */
export function contactLate(createdAt: number, acknowledgedAt: number | null, now: number): boolean {
  return (acknowledgedAt ?? now) >= contactDueAt(createdAt);
}

/** The 10-minute mark for a summoned head runs from the first call over the PA. */
export function arrivalDueAt(kind: PagingKind, firstAiredAt: number | null): number | null {
  return kind === 'summonHead' && firstAiredAt !== null ? firstAiredAt + ARRIVAL_LIMIT_MS : null;
}

/** Late at the 10-minute mark, as the contact clock is at its 5 minutes. */
export function arrivalLate(kind: PagingKind, firstAiredAt: number | null, arrivedAt: number | null, now: number): boolean {
  const due = arrivalDueAt(kind, firstAiredAt);
  return due !== null && (arrivedAt ?? now) >= due;
}

/** A missing person is aired again every `repeatMinutes` until found. */
export function nextAiringAt(details: PagingDetails, lastAiredAt: number | null): number | null {
  return details.kind === 'missingPerson' && lastAiredAt !== null ? lastAiredAt + details.repeatMinutes * MINUTE : null;
}

/**
 * Whether a slip in the queue waits on the broadcast room now: not aired yet, or a missing person's
 * repeat that is due. The queue shows these first, each group by priority and then age; an aired
 * slip waiting only for its person or owner to turn up goes below them.
 */
export function waitsOnRoom(slip: { status: string; nextAiringAt: number | null }, now: number): boolean {
  return slip.status === 'registered' || slip.status === 'acknowledged' || (slip.status === 'aired' && slip.nextAiringAt !== null && slip.nextAiringAt <= now);
}

/** The median of a list (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A slip still being worked: registered, taken by the room, or aired (not closed or cancelled). */
export function isSlipOpen(slip: Pick<PagingView, 'status'>): boolean {
  return OPEN_PAGING_STATUSES.includes(slip.status);
}

/**
 * A slip's clocks that still run, with when each turns amber: the room's 5 minutes until it takes
 * the slip, and the head's 10 minutes until they arrive. On the slip's card and in the menu alike.
 */
export function slipClocks(slip: Pick<PagingView, 'status' | 'acknowledgedAt' | 'contactDueAt' | 'arrivalDueAt' | 'arrivedAt'>): { contact?: { dueAt: number; warnMs: number }; arrival?: { dueAt: number; warnMs: number } } {
  if (!isSlipOpen(slip)) return {};
  return {
    ...(slip.acknowledgedAt === null ? { contact: { dueAt: slip.contactDueAt, warnMs: CONTACT_WARN_MS } } : {}),
    ...(slip.arrivalDueAt !== null && slip.arrivedAt === null ? { arrival: { dueAt: slip.arrivalDueAt, warnMs: ARRIVAL_WARN_MS } } : {}),
  };
}

