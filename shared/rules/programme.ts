import { atParkTime, formatParkTime, MINUTE, minutesOfDay } from './time';
import { isPublicHoliday } from './workdays';

/**
 * The daily broadcast programme's clocks, as pure functions of "now":
 * - on an event day or holiday every slot airs 15 minutes earlier;
 * - the equipment check opens 10 minutes before the slot (after the shift) and must be signed
 *   before the slot starts: the window is [start − 10 min, start), so a check at the very minute
 *   the slot starts is already late and the slot's check is missed for that date.
 */

/** How much earlier every slot airs on an event day or holiday. */
export const EVENT_DAY_SHIFT_MINUTES = 15;
/** How long before a slot its equipment check opens. */
export const CHECK_LEAD_MINUTES = 10;
export const CHECK_LEAD = CHECK_LEAD_MINUTES * MINUTE;

/**
 * The broadcast day a slot must fit in, as wall-clock times: no slot starts before 06:00 or ends after
 * 23:00, so a slot, its check window and its event-day shift never cross midnight.
 */
export const BROADCAST_DAY = { from: '06:00', to: '23:00' } as const;
export const SLOT_MINUTES = { min: 1, max: 30, standard: 5 } as const;

/** A slot as the programme defines it: a wall-clock start and a duration. */
export interface SlotPlan {
  start: string;
  durationMinutes: number;
}

/** A slot's instants on one date (UTC epoch ms), after the event-day shift. */
export interface SlotTimes {
  /** `HH:mm` the slot airs at on this date (the start, shifted on an event day). */
  airsAt: string;
  startsAt: number;
  endsAt: number;
  /** When the equipment check opens: 10 minutes before `startsAt`. */
  checkOpensAt: number;
}

export type CheckState = 'notYet' | 'due' | 'done' | 'missed';
export type AiredState = 'upcoming' | 'airing' | 'aired' | 'unmarked';

/** Why a date's programme airs earlier: a park event day, or an official public holiday. */
export type ShiftReason = 'eventDay' | 'publicHoliday';

/** The settings that decide a date's shift: the park's event days, and the holidays kept on normal times. */
export interface ShiftDays {
  eventDays: readonly string[];
  holidaysNotShifted: readonly string[];
}

/**
 * Why a park date's programme moves earlier, or null when it does not: a date managers list as an
 * event day; an official public holiday on the Chinese calendar, unless managers keep that date on
 * its normal times.
 */
export function shiftReason(date: string, days: ShiftDays): ShiftReason | null {
  if (days.eventDays.includes(date)) return 'eventDay';
  if (days.holidaysNotShifted.includes(date)) return null;
  return isPublicHoliday(date) ? 'publicHoliday' : null;
}

/** Whether a park date is an event day or holiday: every slot airs 15 minutes earlier. */
export function isEventDay(date: string, days: ShiftDays): boolean {
  return shiftReason(date, days) !== null;
}

/** Minutes every slot moves earlier on this kind of day: 15 on an event day, else 0. */
export function shiftMinutes(eventDay: boolean): number {
  return eventDay ? EVENT_DAY_SHIFT_MINUTES : 0;
}

/** The instants of a slot on a park date; computed from the date's midnight so a shift across midnight stays correct. */
export function slotTimes(date: string, slot: SlotPlan, timeZone: string, eventDay: boolean): SlotTimes {
  const startsAt = atParkTime(date, slot.start, timeZone) - shiftMinutes(eventDay) * MINUTE;
  return {
    airsAt: formatParkTime(startsAt, timeZone),
    startsAt,
    endsAt: startsAt + slot.durationMinutes * MINUTE,
    checkOpensAt: startsAt - CHECK_LEAD,
  };
}

/** Whether a check signed at `at` counts: before the slot starts (the window's end is exclusive). */
export function checkInTime(times: Pick<SlotTimes, 'startsAt'>, at: number): boolean {
  return at < times.startsAt;
}

/** Whether the check window is open at `now` (a late check after the start is still recorded, as missed). */
export function checkOpen(times: Pick<SlotTimes, 'checkOpensAt'>, now: number): boolean {
  return now >= times.checkOpensAt;
}

/**
 * The equipment check of a slot at `now`: `notYet` before the window opens, `due` inside it, `done`
 * when signed in time, `missed` once the slot has started without a check signed in time. A check
 * signed late keeps the slot `missed` for that date.
 */
export function checkState(now: number, times: Pick<SlotTimes, 'startsAt' | 'checkOpensAt'>, check: { inTime: boolean } | null): CheckState {
  if (check) return check.inTime ? 'done' : 'missed';
  if (now >= times.startsAt) return 'missed';
  return now >= times.checkOpensAt ? 'due' : 'notYet';
}

/** Whether the slot was marked aired, is still to come, is in its airtime now, or passed without a mark. */
export function airedState(now: number, times: Pick<SlotTimes, 'startsAt' | 'endsAt'>, airedAt: number | null): AiredState {
  if (airedAt !== null) return 'aired';
  if (now < times.startsAt) return 'upcoming';
  return now < times.endsAt ? 'airing' : 'unmarked';
}

/** A slot may be marked aired from the moment its check window opens. */
export function canMarkAired(times: Pick<SlotTimes, 'checkOpensAt'>, now: number): boolean {
  return now >= times.checkOpensAt;
}

/** Start and end of a slot in minutes after midnight (wall clock, unshifted). */
export function slotMinutes(slot: SlotPlan): { from: number; to: number } {
  const from = minutesOfDay(slot.start);
  return { from, to: from + slot.durationMinutes };
}

/** `HH:mm` of a number of minutes after midnight. */
export function timeOfMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The slot's end as `HH:mm` (unshifted). */
export function slotEnd(slot: SlotPlan): string {
  return timeOfMinutes(slotMinutes(slot).to);
}

/** Whether a slot fits the broadcast day (06:00 to 23:00): it neither starts too early nor runs past the end. */
export function withinBroadcastDay(slot: SlotPlan): boolean {
  const { from, to } = slotMinutes(slot);
  return from >= minutesOfDay(BROADCAST_DAY.from) && to <= minutesOfDay(BROADCAST_DAY.to);
}

/** Whether two slots share any airtime (back to back is fine). */
export function overlaps(a: SlotPlan, b: SlotPlan): boolean {
  const x = slotMinutes(a);
  const y = slotMinutes(b);
  return x.from < y.to && y.from < x.to;
}

/** The first of `others` a slot overlaps, if any. */
export function findOverlap<S extends SlotPlan>(slot: SlotPlan, others: readonly S[]): S | undefined {
  return others.find((other) => overlaps(slot, other));
}

/**
 * A new order of the same slots on the same time grid: the i-th slot of `order` takes the i-th
 * earliest start; each keeps its duration. Undefined when `order` is not exactly the slots' ids.
 */
export function reorderOnGrid<S extends SlotPlan & { id: number }>(slots: readonly S[], order: readonly number[]): Array<S & { start: string }> | undefined {
  if (order.length !== slots.length || new Set(order).size !== order.length) return undefined;
  const byId = new Map(slots.map((slot) => [slot.id, slot]));
  if (!order.every((id) => byId.has(id))) return undefined;
  const grid = slots.map((slot) => slot.start).sort();
  return order.map((id, index) => {
    const slot = byId.get(id) as S;
    return { ...slot, start: grid[index] ?? slot.start };
  });
}

/** The first pair of slots that overlap in a whole programme, for a refusal that names them. */
export function firstOverlap<S extends SlotPlan>(slots: readonly S[]): [S, S] | undefined {
  const sorted = [...slots].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before && after && overlaps(before, after)) return [before, after];
  }
  return undefined;
}

/**
 * The slot a broadcast-room screen puts first at `now`: one whose check is due (action needed), else
 * the one on air, else the next to come; undefined once the day's last slot has ended.
 */
export function focusSlot<S extends SlotTimes & { checkState: CheckState }>(now: number, slots: readonly S[]): S | undefined {
  return (
    slots.find((slot) => slot.checkState === 'due') ??
    slots.find((slot) => slot.startsAt <= now && now < slot.endsAt) ??
    slots.find((slot) => slot.startsAt > now)
  );
}

/** The words a standard text may carry, filled from the park's settings: `{{parkName}}`, `{{openingTime}}`, `{{closingTime}}`. */
export const SCRIPT_FIELDS = ['parkName', 'openingTime', 'closingTime'] as const;
export type ScriptValues = Record<(typeof SCRIPT_FIELDS)[number], string>;

/** A standard text with its `{{field}}` words filled in; unknown ones are left as written. */
export function fillScript(text: string, values: ScriptValues): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    (SCRIPT_FIELDS as readonly string[]).includes(name) ? values[name as keyof ScriptValues] : whole,
  );
}
