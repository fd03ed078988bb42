import type { pagingMethods, PagingStatus, PagingView } from '@shared/contract';
import { contactLate, isSlipOpen, median, pagingPriority, pagingRef, REPEAT_GUARD_MS, waitsOnRoom } from '@shared/rules/paging';
import { unknownPlaceholders } from '@shared/rules/scripts';
import { atParkTime, parkDate, parkDayBounds } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { enqueuePrint } from '../printing/outbox';
import { readSettings } from '../settings/store';
import { pagingSlip } from './slip';
import {
  DAY_WHERE,
  getDepartment,
  getGeneralText,
  getPagingRow,
  listDepartments,
  listGeneralTexts,
  listPaging,
  QUEUE_ORDER,
  QUEUE_WHERE,
  recordAiring,
  registerPaging,
  toDepartmentView,
  toGeneralTextView,
  toPagingView,
  writeScripts,
} from './store';
import { containsPattern } from '../db/like';

export function pagingHandlers(services: Services): HandlersFor<keyof typeof pagingMethods> {
  const { db } = services;

  const load = (id: number, now: number): PagingView => {
    const row = getPagingRow(db, id);
    if (!row) throw fieldError('NOT_FOUND', 'id', 'paging.errors.notFound');
    return toPagingView(db, row, now);
  };

  /** A request that may still change: refused once resolved or cancelled. */
  const open = (id: number, now: number): PagingView => {
    const request = load(id, now);
    if (!isSlipOpen(request)) throw fieldError('CONFLICT', 'id', 'paging.errors.closed', { status: request.status });
    return request;
  };

  /** Audits a slip's change and tells every screen; `edited`: its details changed, to be read again. */
  const changed = (ctx: CallContext, id: number, status: PagingStatus, action: string, detail: Record<string, unknown> = {}, edited = false) => {
    ctx.audit({ action, entity: 'paging', entityId: id, detail });
    ctx.emit('paging.changed', { id, status, ...(edited ? { edited } : {}) });
  };

  const dayWhere = (date: string | undefined, now: number) => {
    const { timeZone } = readSettings(db);
    return date ?? parkDate(now, timeZone);
  };

  return {
    'paging.register': (input, ctx) => {
      const { id } = registerPaging(db, ctx, actorOf(ctx).id, { clientRef: input.clientRef, details: input.details, source: 'counter' });
      return load(id, ctx.now);
    },

    'paging.update': (input, ctx) => {
      const request = open(input.id, ctx.now);
      if (input.details.kind !== request.kind) throw fieldError('VALIDATION', 'details.kind', 'paging.errors.kindFixed');
      const scripts = writeScripts(db, input.details, readSettings(db).timeZone, ctx.now);
      // The priority follows the details too: a missing person corrected from adult to child goes to the top of the queue.
      db.prepare('UPDATE paging_request SET details = ?, priority = ?, script_zh = ?, script_en = ?, department_id = ?, updated_at = ?, edited_at = ? WHERE id = ?').run(
        JSON.stringify(input.details),
        pagingPriority(input.details),
        scripts.zh,
        scripts.en,
        scripts.department?.id ?? null,
        ctx.now,
        ctx.now,
        request.id,
      );
      changed(ctx, request.id, request.status, 'paging.update', {}, true);
      return load(request.id, ctx.now);
    },

    'paging.queue': (_input, ctx) =>
      listPaging(db, QUEUE_WHERE, {}, QUEUE_ORDER)
        .map((row) => toPagingView(db, row, ctx.now))
        // What the room must air now first; the sort is stable, so priority and age order each group.
        .sort((a, b) => Number(waitsOnRoom(b, ctx.now)) - Number(waitsOnRoom(a, ctx.now))),

    'paging.list': (input, ctx) => {
      const params: Record<string, string | number> = { date: dayWhere(input.date, ctx.now) };
      let where = DAY_WHERE;
      if (input.query) {
        where += " AND (p.script_zh LIKE @q ESCAPE '\\' OR p.script_en LIKE @q ESCAPE '\\' OR p.details LIKE @q ESCAPE '\\')";
        params.q = containsPattern(input.query);
      }
      return listPaging(db, where, params, 'p.created_at DESC').map((row) => toPagingView(db, row, ctx.now));
    },

    'paging.acknowledge': (input, ctx) => {
      const request = open(input.id, ctx.now);
      if (request.acknowledgedAt !== null) throw fieldError('CONFLICT', 'id', 'paging.errors.alreadyAcknowledged');
      db.prepare("UPDATE paging_request SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ?").run(
        ctx.now,
        actorOf(ctx).id,
        ctx.now,
        request.id,
      );
      changed(ctx, request.id, 'acknowledged', 'paging.acknowledge', { afterMs: ctx.now - request.createdAt, late: contactLate(request.createdAt, ctx.now, ctx.now) });
      return load(request.id, ctx.now);
    },

    'paging.aired': (input, ctx) => {
      const request = open(input.id, ctx.now);
      if (request.firstAiredAt !== null) throw fieldError('CONFLICT', 'id', 'paging.errors.alreadyAired');
      const actor = actorOf(ctx);
      // Airing without an explicit acknowledgement means the room had it: the contact is the airing.
      db.prepare(
        `UPDATE paging_request SET status = 'aired', first_aired_at = @now, last_aired_at = @now, air_count = 1, updated_at = @now,
                acknowledged_at = coalesce(acknowledged_at, @now), acknowledged_by = coalesce(acknowledged_by, @actor)
         WHERE id = @id`,
      ).run({ now: ctx.now, actor: actor.id, id: request.id });
      recordAiring(db, request.id, ctx.now, actor.id);
      changed(ctx, request.id, 'aired', 'paging.aired', { afterMs: ctx.now - request.createdAt });
      return load(request.id, ctx.now);
    },

    'paging.repeat': (input, ctx) => {
      const request = open(input.id, ctx.now);
      if (request.lastAiredAt === null) throw fieldError('CONFLICT', 'id', 'paging.errors.notAiredYet');
      if (ctx.now - request.lastAiredAt < REPEAT_GUARD_MS) throw fieldError('CONFLICT', 'id', 'paging.errors.justAired');
      db.prepare('UPDATE paging_request SET last_aired_at = ?, air_count = air_count + 1, updated_at = ? WHERE id = ?').run(ctx.now, ctx.now, request.id);
      recordAiring(db, request.id, ctx.now, actorOf(ctx).id);
      changed(ctx, request.id, request.status, 'paging.repeat', { airing: request.airCount + 1 });
      return load(request.id, ctx.now);
    },

    'paging.arrived': (input, ctx) => {
      const request = open(input.id, ctx.now);
      if (request.kind !== 'summonHead') throw fieldError('CONFLICT', 'id', 'paging.errors.notSummon');
      if (request.arrivedAt !== null) throw fieldError('CONFLICT', 'id', 'paging.errors.alreadyArrived');
      if (request.firstAiredAt === null) throw fieldError('CONFLICT', 'id', 'paging.errors.notAiredYet');
      db.prepare("UPDATE paging_request SET arrived_at = ?, arrival_by = ?, status = 'resolved', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?").run(
        ctx.now,
        actorOf(ctx).id,
        ctx.now,
        actorOf(ctx).id,
        ctx.now,
        request.id,
      );
      const lateByMs = request.arrivalDueAt === null ? 0 : Math.max(0, ctx.now - request.arrivalDueAt);
      changed(ctx, request.id, 'resolved', 'paging.arrived', { afterMs: ctx.now - request.firstAiredAt, lateByMs });
      return load(request.id, ctx.now);
    },

    'paging.close': (input, ctx) => {
      const request = open(input.id, ctx.now);
      db.prepare('UPDATE paging_request SET status = ?, closed_at = ?, closed_by = ?, close_note = ?, updated_at = ? WHERE id = ?').run(
        input.outcome,
        ctx.now,
        actorOf(ctx).id,
        input.note || null,
        ctx.now,
        request.id,
      );
      changed(ctx, request.id, input.outcome, `paging.${input.outcome === 'resolved' ? 'resolve' : 'cancel'}`, input.note ? { note: input.note } : {});
      return load(request.id, ctx.now);
    },

    'paging.printSlip': (input, ctx) => {
      const request = load(input.id, ctx.now);
      const settings = readSettings(db);
      const printJobId = enqueuePrint(db, {
        kind: 'paging-slip',
        ref: pagingRef(request.id),
        document: pagingSlip(request, { parkName: settings.parkName, timeZone: settings.timeZone }),
        createdBy: actorOf(ctx).id,
        now: ctx.now,
      });
      ctx.audit({ action: 'paging.printSlip', entity: 'paging', entityId: request.id });
      return { printJobId };
    },

    'paging.room': () => services.presence.of('broadcast'),

    'paging.stats': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const date = dayWhere(input.date, ctx.now);
      const rows = listPaging(db, DAY_WHERE, { date }, 'p.created_at').map((row) => toPagingView(db, row, ctx.now));
      const byKind = { missingPerson: 0, summonHead: 0, lostProperty: 0, general: 0 };
      for (const row of rows) byKind[row.kind] += 1;
      // Counted: requests contacted, and those whose 5 minutes ran out before they were contacted or closed; a slip
      // closed in time (cancelled, or the missing child found) is left out.
      const due = rows.filter((row) => row.acknowledgedAt !== null || row.contactDueAt <= (row.closedAt ?? ctx.now));
      const within = due.filter((row) => row.acknowledgedAt !== null && !row.contactLate);
      const toAir = rows.flatMap((row) => (row.firstAiredAt === null ? [] : [row.firstAiredAt - row.createdAt]));
      const bounds = parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone);
      return {
        date,
        total: rows.length,
        byKind,
        contacted: rows.filter((row) => row.acknowledgedAt !== null).length,
        contactedWithin5: within.length,
        shareWithin5: due.length === 0 ? null : within.length / due.length,
        medianToAirMs: median(toAir),
        lateContacts: due
          .filter((row) => row.acknowledgedAt === null || row.acknowledgedAt > row.contactDueAt)
          .map((row) => ({ id: row.id, kind: row.kind, createdAt: row.createdAt, contactedAt: row.acknowledgedAt, lateByMs: (row.acknowledgedAt ?? row.closedAt ?? ctx.now) - row.contactDueAt })),
        lateHeads: rows
          .filter((row) => row.kind === 'summonHead' && row.arrivalLate && row.firstAiredAt !== null && row.firstAiredAt < bounds.end)
          .map((row) => ({
            id: row.id,
            department: row.department?.nameZh ?? '',
            departmentEn: row.department?.nameEn ?? '',
            calledAt: row.firstAiredAt ?? row.createdAt,
            arrivedAt: row.arrivedAt,
            lateByMs: Math.max(0, (row.arrivedAt ?? ctx.now) - (row.arrivalDueAt ?? ctx.now)),
          })),
      };
    },

    'paging.scripts.list': () =>
      db
        .prepare<[], { kind: 'missingChild'; language: 'zh-CN'; text: string; updated_at: number | null }>(
          'SELECT kind, language, text, updated_at FROM script_template ORDER BY kind, language',
        )
        .all()
        .map((row) => ({ kind: row.kind, language: row.language, text: row.text, updatedAt: row.updated_at })),

    'paging.scripts.save': (input, ctx) => {
      const unknown = unknownPlaceholders(input.kind, input.text);
      if (unknown.length > 0) throw fieldError('VALIDATION', 'text', 'paging.errors.unknownPlaceholder', { names: unknown.map((n) => `{${n}}`).join(' ') });
      const before = db.prepare<[string, string], { text: string }>('SELECT text FROM script_template WHERE kind = ? AND language = ?').get(input.kind, input.language);
      db.prepare(
        `INSERT INTO script_template (kind, language, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, language) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(input.kind, input.language, input.text, ctx.now, actorOf(ctx).id);
      ctx.audit({ action: 'paging.script', entity: 'script', entityId: `${input.kind}/${input.language}`, detail: { from: before?.text ?? null, to: input.text } });
      ctx.emit('departments.changed', {});
      return { kind: input.kind, language: input.language, text: input.text, updatedAt: ctx.now };
    },

    'paging.generalTexts.list': (input) => listGeneralTexts(db, input.includeInactive),

    'paging.generalTexts.save': (input, ctx) => {
      const before = input.id === undefined ? undefined : getGeneralText(db, input.id);
      if (input.id !== undefined && !before) throw fieldError('NOT_FOUND', 'id', 'paging.errors.generalTextNotFound');
      const values = { titleZh: input.titleZh, titleEn: input.titleEn, textZh: input.textZh, textEn: input.textEn, active: input.active ? 1 : 0, now: ctx.now, actor: actorOf(ctx).id };
      let id = input.id;
      if (id === undefined) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO general_text (title_zh, title_en, text_zh, text_en, active, sort, created_at, updated_at, updated_by)
             VALUES (@titleZh, @titleEn, @textZh, @textEn, @active, (SELECT coalesce(max(sort), 0) + 1 FROM general_text), @now, @now, @actor)`,
          )
          .run(values);
        id = Number(lastInsertRowid);
      } else {
        db.prepare(
          'UPDATE general_text SET title_zh = @titleZh, title_en = @titleEn, text_zh = @textZh, text_en = @textEn, active = @active, updated_at = @now, updated_by = @actor WHERE id = @id',
        ).run({ ...values, id });
      }
      ctx.audit({
        action: 'paging.generalText',
        entity: 'general_text',
        entityId: id,
        detail: { titleZh: input.titleZh, active: input.active, ...(before ? { from: { textZh: before.text_zh, textEn: before.text_en } } : {}), to: { textZh: input.textZh, textEn: input.textEn } },
      });
      ctx.emit('departments.changed', {});
      const row = getGeneralText(db, id);
      if (!row) throw new Error('standard text vanished after save');
      return toGeneralTextView(row);
    },

    'departments.list': (input) => listDepartments(db, input.includeInactive),

    'departments.save': (input, ctx) => {
      const clash = db.prepare<[string, number], { id: number }>('SELECT id FROM department WHERE code = ? AND id <> ?').get(input.code, input.id ?? 0);
      if (clash) throw fieldError('CONFLICT', 'code', 'paging.errors.departmentCodeTaken', { code: input.code });
      let id = input.id;
      if (id === undefined) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO department (code, name_zh, name_en, head_name, head_phone, active, sort, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM department), ?, ?)`,
          )
          .run(input.code, input.nameZh, input.nameEn, input.headName, input.headPhone, input.active ? 1 : 0, ctx.now, ctx.now);
        id = Number(lastInsertRowid);
      } else {
        if (!getDepartment(db, id)) throw new AppError('NOT_FOUND', 'paging.errors.departmentNotFound');
        db.prepare('UPDATE department SET code = ?, name_zh = ?, name_en = ?, head_name = ?, head_phone = ?, active = ?, updated_at = ? WHERE id = ?').run(
          input.code,
          input.nameZh,
          input.nameEn,
          input.headName,
          input.headPhone,
          input.active ? 1 : 0,
          ctx.now,
          id,
        );
      }
      ctx.audit({ action: 'paging.department', entity: 'department', entityId: id, detail: { code: input.code, nameZh: input.nameZh, headName: input.headName } });
      ctx.emit('departments.changed', {});
      const row = getDepartment(db, id);
      if (!row) throw new Error('department vanished after save');
      return toDepartmentView(row);
    },
  };
}
