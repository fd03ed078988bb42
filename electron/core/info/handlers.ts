import type { infoMethods, InfoTopic } from '@shared/contract';
import { parkDate } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { fieldError } from '../errors';
import { enqueuePrint } from '../printing/outbox';
import { readSettings } from '../settings/store';
import { infoSlip } from './slip';
import { enquiriesByEntry, enquiryTally, getEntry, listEntries, toEntryView, type EntryRow } from './store';

const EDITABLE = ['topic', 'titleZh', 'titleEn', 'bodyZh', 'bodyEn'] as const;

export function infoHandlers(services: Services): HandlersFor<keyof typeof infoMethods> {
  const { db } = services;

  const today = (now: number) => parkDate(now, readSettings(db).timeZone);
  const entryOrFail = (id: number, field: string): EntryRow => {
    const row = getEntry(db, id);
    if (!row) throw fieldError('NOT_FOUND', field, 'info.errors.notFound');
    return row;
  };
  const view = (row: EntryRow, now: number) => toEntryView(row, readSettings(db), enquiriesByEntry(db, today(now)).get(row.id) ?? 0);
  const changed = (ctx: CallContext, entryIds: number[]) => ctx.emit('info.changed', { entryIds });

  /** One enquiry answered at the counter: with an answer (its topic) or by topic alone; printed or not. */
  const countEnquiry = (ctx: CallContext, entry: EntryRow | undefined, topic: InfoTopic, slip?: { language: string; printJobId: number }) => {
    db.prepare('INSERT INTO info_enquiry (entry_id, topic, park_date, at, staff_id, slip_language, print_job_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      entry?.id ?? null,
      topic,
      today(ctx.now),
      ctx.now,
      actorOf(ctx).id,
      slip?.language ?? null,
      slip?.printJobId ?? null,
    );
    changed(ctx, entry ? [entry.id] : []);
    return enquiryTally(db, today(ctx.now));
  };

  return {
    'info.list': (input, ctx) => {
      const settings = readSettings(db);
      const date = input.date ?? parkDate(ctx.now, settings.timeZone);
      const counts = enquiriesByEntry(db, date);
      return {
        entries: listEntries(db, input).map((row) => toEntryView(row, settings, counts.get(row.id) ?? 0)),
        today: enquiryTally(db, date),
      };
    },

    'info.save': (input, ctx) => {
      const before = input.id === undefined ? undefined : entryOrFail(input.id, 'id');
      const values = { topic: input.topic, titleZh: input.titleZh, titleEn: input.titleEn, bodyZh: input.bodyZh, bodyEn: input.bodyEn, now: ctx.now, by: actorOf(ctx).id };
      let entryId: number;
      if (!before) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO info_entry (topic, title_zh, title_en, body_zh, body_en, created_at, updated_at, updated_by)
             VALUES (@topic, @titleZh, @titleEn, @bodyZh, @bodyEn, @now, @now, @by)`,
          )
          .run(values);
        entryId = Number(lastInsertRowid);
        ctx.audit({ action: 'info.add', entity: 'info_entry', entityId: entryId, detail: { topic: input.topic, titleZh: input.titleZh, titleEn: input.titleEn } });
      } else {
        entryId = before.id;
        const old = toEntryView(before, readSettings(db), 0);
        const edited = EDITABLE.filter((key) => old[key] !== input[key]);
        if (edited.length === 0) return view(before, ctx.now);
        db.prepare(
          `UPDATE info_entry SET topic = @topic, title_zh = @titleZh, title_en = @titleEn, body_zh = @bodyZh, body_en = @bodyEn, updated_at = @now, updated_by = @by WHERE id = @id`,
        ).run({ ...values, id: entryId });
        ctx.audit({ action: 'info.edit', entity: 'info_entry', entityId: entryId, detail: { titleZh: input.titleZh, changed: edited } });
      }
      changed(ctx, [entryId]);
      return view(entryOrFail(entryId, 'id'), ctx.now);
    },

    'info.remove': (input, ctx) => {
      const entry = entryOrFail(input.id, 'id');
      db.prepare('UPDATE info_entry SET removed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(ctx.now, ctx.now, actorOf(ctx).id, entry.id);
      ctx.audit({ action: 'info.remove', entity: 'info_entry', entityId: entry.id, detail: { topic: entry.topic, titleZh: entry.title_zh, titleEn: entry.title_en } });
      changed(ctx, [entry.id]);
      return { ok: true };
    },

    'info.enquiry': (input, ctx) => {
      const entry = input.entryId === undefined ? undefined : entryOrFail(input.entryId, 'entryId');
      const topic = entry?.topic ?? input.topic;
      if (!topic) throw fieldError('VALIDATION', 'topic', 'validation.required');
      if (entry && input.topic !== undefined && input.topic !== entry.topic) throw fieldError('VALIDATION', 'topic', 'info.errors.otherTopic');
      return countEnquiry(ctx, entry, topic);
    },

    'info.print': (input, ctx) => {
      const entry = entryOrFail(input.entryId, 'entryId');
      const settings = readSettings(db);
      const printJobId = enqueuePrint(db, {
        kind: 'info-slip',
        ref: `I${entry.id}`,
        document: infoSlip(view(entry, ctx.now), input.language, { parkName: settings.parkName, timeZone: settings.timeZone, now: ctx.now }),
        createdBy: actorOf(ctx).id,
        now: ctx.now,
      });
      ctx.audit({ action: 'info.print', entity: 'info_entry', entityId: entry.id, detail: { language: input.language, printJobId } });
      return { printJobId, today: countEnquiry(ctx, entry, entry.topic, { language: input.language, printJobId }) };
    },
  };
}
