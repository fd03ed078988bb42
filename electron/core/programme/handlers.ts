import type { programmeMethods } from '@shared/contract';
import {
  canMarkAired,
  checkInTime,
  checkOpen,
  findOverlap,
  firstOverlap,
  isEventDay,
  reorderOnGrid,
  slotEnd,
  slotTimes,
  withinBroadcastDay,
  type SlotTimes,
} from '@shared/rules/programme';
import { formatParkTime, parkDate } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { readSettings } from '../settings/store';
import { daySlotOf, getSlot, listSlots, planOf, programmeOf, toSlotView, type SlotRow } from './store';

const EDITABLE = ['kind', 'start', 'durationMinutes', 'titleZh', 'titleEn', 'textZh', 'textEn', 'notesZh', 'notesEn'] as const;

export function programmeHandlers(services: Services): HandlersFor<keyof typeof programmeMethods> {
  const { db } = services;

  const changed = (ctx: CallContext, date: string | null, slotIds: number[]) => ctx.emit('programme.changed', { date, slotIds });

  const slotOrFail = (id: number, field: string): SlotRow => {
    const row = getSlot(db, id);
    if (!row) throw fieldError('NOT_FOUND', field, 'programme.errors.slotNotFound');
    return row;
  };

  /** Today's park date and a slot's times on it: checks and airings are recorded on the day only. */
  const onToday = (ctx: CallContext, slotId: number, date: string): { slot: SlotRow; today: string; times: SlotTimes; timeZone: string } => {
    const settings = readSettings(db);
    const slot = slotOrFail(slotId, 'slotId');
    const today = parkDate(ctx.now, settings.timeZone);
    if (date !== today) throw fieldError('CONFLICT', 'date', 'programme.errors.notToday', { today });
    const times = slotTimes(today, planOf(slot), settings.timeZone, isEventDay(today, settings));
    return { slot, today, times, timeZone: settings.timeZone };
  };

  const recordedBy = (table: 'programme_check' | 'programme_airing', slotId: number, date: string) =>
    db
      .prepare<[number, string], { at: number; name: string }>(`SELECT r.at, s.name FROM ${table} r JOIN staff s ON s.id = r.staff_id WHERE r.slot_id = ? AND r.park_date = ?`)
      .get(slotId, date);

  return {
    'programme.day': (input, ctx) => {
      const settings = readSettings(db);
      const today = parkDate(ctx.now, settings.timeZone);
      return programmeOf(db, input.date ?? today, today, ctx.now, settings);
    },

    'programme.slots.list': () => listSlots(db).map(toSlotView),

    'programme.slots.save': (input, ctx) => {
      const before = input.id === undefined ? undefined : slotOrFail(input.id, 'id');
      const others = listSlots(db)
        .filter((row) => row.id !== input.id)
        .map((row) => planOf(row));
      const clash = findOverlap(input, others);
      if (clash) throw fieldError('CONFLICT', 'start', 'programme.errors.overlap', { from: clash.start, to: slotEnd(clash) });
      const values = {
        kind: input.kind,
        start: input.start,
        duration: input.durationMinutes,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        textZh: input.textZh,
        textEn: input.textEn,
        notesZh: input.notesZh,
        notesEn: input.notesEn,
        now: ctx.now,
      };
      let slotId: number;
      if (!before) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO programme_slot (kind, start_time, duration_minutes, title_zh, title_en, text_zh, text_en, notes_zh, notes_en, created_at, updated_at)
             VALUES (@kind, @start, @duration, @titleZh, @titleEn, @textZh, @textEn, @notesZh, @notesEn, @now, @now)`,
          )
          .run(values);
        slotId = Number(lastInsertRowid);
        ctx.audit({
          action: 'programme.slotAdd',
          entity: 'programme_slot',
          entityId: slotId,
          detail: { kind: input.kind, start: input.start, durationMinutes: input.durationMinutes, titleZh: input.titleZh, titleEn: input.titleEn },
        });
      } else {
        slotId = before.id;
        db.prepare(
          `UPDATE programme_slot SET kind = @kind, start_time = @start, duration_minutes = @duration, title_zh = @titleZh, title_en = @titleEn,
                  text_zh = @textZh, text_en = @textEn, notes_zh = @notesZh, notes_en = @notesEn, updated_at = @now
           WHERE id = @id`,
        ).run({ ...values, id: slotId });
        const old = toSlotView(before);
        const changes = Object.fromEntries(EDITABLE.filter((key) => old[key] !== input[key]).map((key) => [key, { from: old[key], to: input[key] }]));
        ctx.audit({ action: 'programme.slotEdit', entity: 'programme_slot', entityId: slotId, detail: { start: input.start, changes } });
      }
      changed(ctx, null, [slotId]);
      return toSlotView(slotOrFail(slotId, 'id'));
    },

    'programme.slots.remove': (input, ctx) => {
      const slot = slotOrFail(input.id, 'id');
      db.prepare('UPDATE programme_slot SET removed_at = ?, updated_at = ? WHERE id = ?').run(ctx.now, ctx.now, slot.id);
      ctx.audit({
        action: 'programme.slotRemove',
        entity: 'programme_slot',
        entityId: slot.id,
        detail: { start: slot.start_time, kind: slot.kind, titleZh: slot.title_zh, titleEn: slot.title_en },
      });
      changed(ctx, null, [slot.id]);
      return { ok: true };
    },

    'programme.slots.reorder': (input, ctx) => {
      const slots = listSlots(db);
      const next = reorderOnGrid(
        slots.map((row) => ({ id: row.id, ...planOf(row) })),
        input.ids,
      );
      if (!next) throw fieldError('CONFLICT', 'ids', 'programme.errors.reorderStale');
      if (!next.every(withinBroadcastDay)) throw fieldError('VALIDATION', 'ids', 'programme.errors.outsideDay');
      const pair = firstOverlap(next);
      if (pair) throw fieldError('CONFLICT', 'ids', 'programme.errors.reorderOverlap', { from: pair[0].start, to: slotEnd(pair[0]) });
      const update = db.prepare('UPDATE programme_slot SET start_time = ?, updated_at = ? WHERE id = ?');
      const moved: Array<{ id: number; from: string; to: string }> = [];
      for (const slot of next) {
        const old = slots.find((row) => row.id === slot.id);
        if (old && old.start_time !== slot.start) {
          update.run(slot.start, ctx.now, slot.id);
          moved.push({ id: slot.id, from: old.start_time, to: slot.start });
        }
      }
      if (moved.length > 0) {
        ctx.audit({ action: 'programme.reorder', entity: 'programme', detail: { order: input.ids, moved } });
        changed(ctx, null, moved.map((slot) => slot.id));
      }
      return listSlots(db).map(toSlotView);
    },

    'programme.check': (input, ctx) => {
      const actor = actorOf(ctx);
      const { slot, today, times, timeZone } = onToday(ctx, input.slotId, input.date);
      if (!checkOpen(times, ctx.now)) {
        throw new AppError('CONFLICT', 'programme.errors.checkNotOpen', { time: times.airsAt, opens: formatParkTime(times.checkOpensAt, timeZone) });
      }
      const existing = recordedBy('programme_check', slot.id, today);
      if (existing) {
        throw new AppError('CONFLICT', 'programme.errors.alreadyChecked', { time: times.airsAt, name: existing.name, at: formatParkTime(existing.at, timeZone) });
      }
      const inTime = checkInTime(times, ctx.now);
      db.prepare(
        `INSERT INTO programme_check (slot_id, park_date, slot_starts_at, ok, note, at, staff_id, in_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(slot.id, today, times.startsAt, input.ok ? 1 : 0, input.note || null, ctx.now, actor.id, inTime ? 1 : 0);
      ctx.audit({
        action: 'programme.check',
        entity: 'programme_slot',
        entityId: slot.id,
        detail: { date: today, airsAt: times.airsAt, ok: input.ok, ...(input.note ? { note: input.note } : {}), inTime },
      });
      changed(ctx, today, [slot.id]);
      return daySlotOf(db, slot, today, ctx.now, readSettings(db));
    },

    'programme.aired': (input, ctx) => {
      const actor = actorOf(ctx);
      const { slot, today, times, timeZone } = onToday(ctx, input.slotId, input.date);
      if (!canMarkAired(times, ctx.now)) {
        throw new AppError('CONFLICT', 'programme.errors.airedTooEarly', { time: times.airsAt, opens: formatParkTime(times.checkOpensAt, timeZone) });
      }
      const existing = recordedBy('programme_airing', slot.id, today);
      if (existing) {
        throw new AppError('CONFLICT', 'programme.errors.alreadyAired', { time: times.airsAt, name: existing.name, at: formatParkTime(existing.at, timeZone) });
      }
      db.prepare('INSERT INTO programme_airing (slot_id, park_date, slot_starts_at, at, staff_id) VALUES (?, ?, ?, ?, ?)').run(
        slot.id,
        today,
        times.startsAt,
        ctx.now,
        actor.id,
      );
      ctx.audit({ action: 'programme.aired', entity: 'programme_slot', entityId: slot.id, detail: { date: today, airsAt: times.airsAt } });
      changed(ctx, today, [slot.id]);
      return daySlotOf(db, slot, today, ctx.now, readSettings(db));
    },
  };
}
