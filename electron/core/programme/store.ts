import type { DaySlot, ProgrammeDay, Settings, SlotKind, SlotView } from '@shared/contract';
import {
  airedState,
  checkState,
  fillScript,
  isEventDay,
  shiftMinutes,
  shiftReason,
  slotTimes,
  type ScriptValues,
  type SlotTimes,
} from '@shared/rules/programme';
import { atParkTime, formatParkTime, parkDayBounds } from '@shared/rules/time';
import { isPublicHoliday } from '@shared/rules/workdays';
import type { Db } from '../db/open';

/** Reads of the programme tables, shaped as the contract's views. */

export interface SlotRow {
  id: number;
  kind: SlotKind;
  start_time: string;
  duration_minutes: number;
  title_zh: string;
  title_en: string;
  text_zh: string;
  text_en: string;
  notes_zh: string;
  notes_en: string;
  updated_at: number;
}

interface CheckRow {
  slot_id: number;
  slot_starts_at: number;
  at: number;
  ok: number;
  note: string | null;
  in_time: number;
  staff_id: number;
  staff_name: string;
}

interface AiringRow {
  slot_id: number;
  slot_starts_at: number;
  at: number;
  staff_id: number;
  staff_name: string;
}

const SLOT_SELECT = `SELECT id, kind, start_time, duration_minutes, title_zh, title_en, text_zh, text_en, notes_zh, notes_en, updated_at FROM programme_slot`;

/** The programme's slots (removed ones left out), by start time. */
export function listSlots(db: Db): SlotRow[] {
  return db.prepare<[], SlotRow>(`${SLOT_SELECT} WHERE removed_at IS NULL ORDER BY start_time, id`).all();
}

/** One slot still in the programme. */
export function getSlot(db: Db, id: number): SlotRow | undefined {
  return db.prepare<[number], SlotRow>(`${SLOT_SELECT} WHERE id = ? AND removed_at IS NULL`).get(id);
}

export function toSlotView(row: SlotRow): SlotView {
  return {
    id: row.id,
    kind: row.kind,
    start: row.start_time,
    durationMinutes: row.duration_minutes,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    textZh: row.text_zh,
    textEn: row.text_en,
    notesZh: row.notes_zh,
    notesEn: row.notes_en,
    updatedAt: row.updated_at,
  };
}

/** The plan of a slot for the pure rules. */
export function planOf(row: Pick<SlotRow, 'start_time' | 'duration_minutes'>): { start: string; durationMinutes: number } {
  return { start: row.start_time, durationMinutes: row.duration_minutes };
}

export function scriptValues(settings: Settings): ScriptValues {
  return { parkName: settings.parkName, openingTime: settings.openingTime, closingTime: settings.closingTime };
}

/** The check and airing records of a date, by slot. */
function recordsOf(db: Db, date: string, slotId?: number) {
  const filter = slotId === undefined ? '' : ' AND c.slot_id = @slotId';
  const params: Record<string, string | number> = slotId === undefined ? { date } : { date, slotId };
  const checks = db
    .prepare<Record<string, string | number>, CheckRow>(
      `SELECT c.slot_id, c.slot_starts_at, c.at, c.ok, c.note, c.in_time, c.staff_id, s.name AS staff_name
       FROM programme_check c JOIN staff s ON s.id = c.staff_id WHERE c.park_date = @date${filter}`,
    )
    .all(params);
  const airings = db
    .prepare<Record<string, string | number>, AiringRow>(
      `SELECT c.slot_id, c.slot_starts_at, c.at, c.staff_id, s.name AS staff_name
       FROM programme_airing c JOIN staff s ON s.id = c.staff_id WHERE c.park_date = @date${filter}`,
    )
    .all(params);
  return { checks: new Map(checks.map((row) => [row.slot_id, row])), airings: new Map(airings.map((row) => [row.slot_id, row])) };
}

/**
 * The slots a date's programme had: those in the programme during that day (added before it ended,
 * not removed before it ended), and any slot with a check or an airing recorded on it, removed
 * since or not. A future date has the programme as it is now.
 */
function slotsOfDate(db: Db, date: string, timeZone: string): SlotRow[] {
  const { end } = parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone);
  return db
    .prepare<{ date: string; end: number }, SlotRow>(
      `${SLOT_SELECT}
       WHERE (created_at < @end AND (removed_at IS NULL OR removed_at >= @end))
          OR id IN (SELECT slot_id FROM programme_check WHERE park_date = @date UNION SELECT slot_id FROM programme_airing WHERE park_date = @date)
       ORDER BY start_time, id`,
    )
    .all({ date, end });
}

/**
 * A slot's times on a date: from its plan, or, once a check or an airing was recorded on that date,
 * from the start recorded with it (the slot's time may have been edited since).
 */
function timesOn(row: SlotRow, date: string, settings: Settings, recordedStart: number | undefined): SlotTimes {
  const planned = slotTimes(date, planOf(row), settings.timeZone, isEventDay(date, settings));
  if (recordedStart === undefined || recordedStart === planned.startsAt) return planned;
  const shift = recordedStart - planned.startsAt;
  return { airsAt: formatParkTime(recordedStart, settings.timeZone), startsAt: recordedStart, endsAt: planned.endsAt + shift, checkOpensAt: planned.checkOpensAt + shift };
}

/** A slot on a date at `now`: shifted times, filled texts, its check and airing with their states. */
function toDaySlot(row: SlotRow, date: string, now: number, settings: Settings, check: CheckRow | undefined, airing: AiringRow | undefined): DaySlot {
  const times = timesOn(row, date, settings, check?.slot_starts_at ?? airing?.slot_starts_at);
  const values = scriptValues(settings);
  const checkView = check
    ? { at: check.at, ok: check.ok === 1, note: check.note, by: { id: check.staff_id, name: check.staff_name }, inTime: check.in_time === 1 }
    : null;
  return {
    ...toSlotView(row),
    ...times,
    scriptZh: fillScript(row.text_zh, values),
    scriptEn: fillScript(row.text_en, values),
    check: checkView,
    checkState: checkState(now, times, checkView),
    aired: airing ? { at: airing.at, by: { id: airing.staff_id, name: airing.staff_name } } : null,
    airedState: airedState(now, times, airing?.at ?? null),
  };
}

/** One slot of the programme on a date. */
export function daySlotOf(db: Db, row: SlotRow, date: string, now: number, settings: Settings): DaySlot {
  const { checks, airings } = recordsOf(db, date, row.id);
  return toDaySlot(row, date, now, settings, checks.get(row.id), airings.get(row.id));
}

/** The programme of a date at `now`, with its figures. */
export function programmeOf(db: Db, date: string, today: string, now: number, settings: Settings): ProgrammeDay {
  const { checks, airings } = recordsOf(db, date);
  const slots = slotsOfDate(db, date, settings.timeZone)
    .map((row) => toDaySlot(row, date, now, settings, checks.get(row.id), airings.get(row.id)))
    .sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  const reason = shiftReason(date, settings);
  const eventDay = reason !== null;
  return {
    date,
    today,
    eventDay,
    shiftReason: reason,
    holidayNotShifted: settings.holidaysNotShifted.includes(date) && isPublicHoliday(date),
    shiftMinutes: shiftMinutes(eventDay),
    now,
    slots,
    summary: {
      slots: slots.length,
      checksInTime: slots.filter((slot) => slot.checkState === 'done').length,
      checksMissed: slots.filter((slot) => slot.checkState === 'missed').length,
      checkProblems: slots.filter((slot) => slot.check && !slot.check.ok).length,
      aired: slots.filter((slot) => slot.aired).length,
    },
  };
}
