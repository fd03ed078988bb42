import type { ComplaintCategory, FeedbackChannel, FeedbackKind, FeedbackLine, FeedbackView, feedbackMethods, SummaryView } from '@shared/contract';
import { feedbackRef, parseFeedbackRef } from '@shared/rules/complaints';
import { phoneSearchText } from '@shared/rules/phone';
import { parkDate } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import type { Db } from '../db/open';
import { containsPattern } from '../db/like';
import { AppError, fieldError } from '../errors';
import { readSettings } from '../settings/store';

interface FeedbackRow {
  id: number;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  visitor_name: string;
  phone: string | null;
  category: ComplaintCategory;
  department_id: number | null;
  department_zh: string | null;
  department_en: string | null;
  department_sort: number | null;
  text: string;
  received_at: number;
  received_by: number;
  received_by_name: string | null;
  summary_date: string | null;
}

const feedbackSelect = (from: string) => `SELECT f.id, f.kind, f.channel, f.visitor_name, f.phone, f.category, f.department_id, d.name_zh AS department_zh,
         d.name_en AS department_en, d.sort AS department_sort, f.text, f.received_at, f.received_by, s.name AS received_by_name, f.summary_date
    FROM ${from} LEFT JOIN department d ON d.id = f.department_id LEFT JOIN staff s ON s.id = f.received_by`;
const FEEDBACK_SELECT = feedbackSelect('visitor_feedback f');

function toView(row: FeedbackRow): FeedbackView {
  return {
    id: row.id,
    ref: feedbackRef(row.id),
    kind: row.kind,
    channel: row.channel,
    visitorName: row.visitor_name,
    phone: row.phone,
    category: row.category,
    department: row.department_id === null ? null : { id: row.department_id, nameZh: row.department_zh ?? '', nameEn: row.department_en ?? '' },
    text: row.text,
    receivedAt: row.received_at,
    receivedBy: { id: row.received_by, name: row.received_by_name ?? '' },
    summaryDate: row.summary_date,
  };
}

/** An opinion or request as the summary lists it, with its department for grouping. */
export interface PendingFeedback {
  line: FeedbackLine;
  department: { id: number | null; nameZh: string | null; nameEn: string | null; sort: number | null };
}

/**
 * What a summary still open feeds back: every opinion and request not yet fed back that was
 * recorded before the end of its day, oldest first (read from the index of those waiting).
 */
export const PENDING_FEEDBACK_SQL = `${feedbackSelect('visitor_feedback f INDEXED BY visitor_feedback_pending')} WHERE f.summary_date IS NULL AND f.received_at < @end ORDER BY f.received_at, f.id`;

export function pendingFeedback(db: Db, end: number): PendingFeedback[] {
  return db
    .prepare<{ end: number }, FeedbackRow>(PENDING_FEEDBACK_SQL)
    .all({ end })
    .map((row) => ({
      line: { id: row.id, ref: feedbackRef(row.id), kind: row.kind, category: row.category, text: row.text, receivedAt: row.received_at },
      department: { id: row.department_id, nameZh: row.department_zh, nameEn: row.department_en, sort: row.department_sort },
    }));
}

/**
 * At a summary's close, in its transaction: the opinions and requests it lists are fed back by it,
 * and fixed. Each must still be as the summary shows it (not corrected, moved or fed back by another
 * close while the files were being made), or the close is refused and nothing is kept.
 */
export function markFedBack(db: Db, date: string, summary: SummaryView): void {
  const read = db.prepare<[number], { kind: FeedbackKind; category: ComplaintCategory; text: string; department_id: number | null; summary_date: string | null }>(
    'SELECT kind, category, text, department_id, summary_date FROM visitor_feedback WHERE id = ?',
  );
  const mark = db.prepare('UPDATE visitor_feedback SET summary_date = ? WHERE id = ? AND summary_date IS NULL');
  for (const department of summary.departments) {
    for (const line of department.feedback) {
      const row = read.get(line.id);
      const unchanged = row && row.summary_date === null && row.kind === line.kind && row.category === line.category && row.text === line.text && row.department_id === department.departmentId;
      if (!unchanged || mark.run(date, line.id).changes !== 1) throw new AppError('CONFLICT', 'complaints.errors.summaryChanged', { ref: line.ref });
    }
  }
}

export function feedbackHandlers(services: Services): HandlersFor<keyof typeof feedbackMethods> {
  const { db } = services;
  const load = (id: number): FeedbackView => {
    const row = db.prepare<[number], FeedbackRow>(`${FEEDBACK_SELECT} WHERE f.id = ?`).get(id);
    if (!row) throw fieldError('NOT_FOUND', 'id', 'complaints.feedback.errors.notFound');
    return toView(row);
  };
  const departmentExists = (id: number) => db.prepare<[number], { id: number }>('SELECT id FROM department WHERE id = ? AND active = 1').get(id) !== undefined;
  const changed = (ctx: CallContext, id: number, date: string) => ctx.emit('complaints.feedback.changed', { ids: [id], date });

  return {
    'complaints.feedback.create': (input, ctx) => {
      const actor = actorOf(ctx);
      const existing = db.prepare<[string], { id: number }>('SELECT id FROM visitor_feedback WHERE client_ref = ?').get(input.clientRef);
      if (existing) return load(existing.id);
      if (input.departmentId !== undefined && !departmentExists(input.departmentId)) throw fieldError('VALIDATION', 'departmentId', 'paging.errors.departmentNotFound');
      const date = parkDate(ctx.now, readSettings(db).timeZone);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO visitor_feedback (client_ref, park_date, kind, channel, visitor_name, phone, category, department_id, text, received_at, received_by, updated_at)
           VALUES (@clientRef, @date, @kind, @channel, @visitorName, @phone, @category, @departmentId, @text, @now, @actor, @now)`,
        )
        .run({
          clientRef: input.clientRef,
          date,
          kind: input.kind,
          channel: input.channel,
          visitorName: input.visitorName,
          phone: input.phone || null,
          category: input.category,
          departmentId: input.departmentId ?? null,
          text: input.text,
          now: ctx.now,
          actor: actor.id,
        });
      const id = Number(lastInsertRowid);
      ctx.audit({ action: 'complaints.feedback', entity: 'feedback', entityId: feedbackRef(id), detail: { kind: input.kind, channel: input.channel, category: input.category } });
      changed(ctx, id, date);
      return load(id);
    },

    'complaints.feedback.update': (input, ctx) => {
      const row = db.prepare<[number], FeedbackRow>(`${FEEDBACK_SELECT} WHERE f.id = ?`).get(input.id);
      if (!row) throw fieldError('NOT_FOUND', 'id', 'complaints.feedback.errors.notFound');
      if (row.summary_date !== null) throw fieldError('CONFLICT', 'id', 'complaints.feedback.errors.fedBack', { ref: feedbackRef(row.id), date: row.summary_date });
      // A department closed since is kept as it is; only a newly chosen one must be open.
      if (input.departmentId != null && input.departmentId !== row.department_id && !departmentExists(input.departmentId)) {
        throw fieldError('VALIDATION', 'departmentId', 'paging.errors.departmentNotFound');
      }
      const next = {
        kind: input.kind ?? row.kind,
        visitor_name: input.visitorName ?? row.visitor_name,
        phone: input.phone === undefined ? row.phone : input.phone || null,
        category: input.category ?? row.category,
        department_id: input.departmentId === undefined ? row.department_id : input.departmentId,
        text: input.text ?? row.text,
      };
      const edited = Object.entries(next).filter(([key, value]) => value !== row[key as keyof FeedbackRow]);
      if (edited.length === 0) return toView(row);
      // From and to; a phone number only as "changed" (the audit log keeps no personal numbers).
      const changes = Object.fromEntries(edited.map(([key, value]) => [key, key === 'phone' ? 'changed' : [row[key as keyof FeedbackRow], value]]));
      db.prepare(
        `UPDATE visitor_feedback SET kind = @kind, visitor_name = @visitor_name, phone = @phone, category = @category, department_id = @department_id,
                text = @text, updated_at = @now WHERE id = @id`,
      ).run({ ...next, now: ctx.now, id: row.id });
      ctx.audit({ action: 'complaints.feedbackUpdate', entity: 'feedback', entityId: feedbackRef(row.id), detail: { changes } });
      changed(ctx, row.id, parkDate(row.received_at, readSettings(db).timeZone));
      return load(row.id);
    },

    'complaints.feedback.list': (input, ctx) => {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: input.limit + 1 };
      let from = 'visitor_feedback f';
      if (input.view === 'pending') {
        where.push('f.summary_date IS NULL');
        from = 'visitor_feedback f INDEXED BY visitor_feedback_pending';
      }
      if (input.view === 'day' || input.date) {
        where.push('f.park_date = @date');
        params.date = input.date ?? parkDate(ctx.now, readSettings(db).timeZone);
        if (input.view !== 'pending') from = 'visitor_feedback f INDEXED BY visitor_feedback_by_date';
      }
      if (input.query) {
        const refId = parseFeedbackRef(input.query);
        // A phone is stored normalized (no spaces, dashes or brackets; 00 as +): it is looked for so.
        const digits = phoneSearchText(input.query);
        where.push(`(f.text LIKE @q ESCAPE '\\' OR f.visitor_name LIKE @q ESCAPE '\\' OR f.phone LIKE @phone ESCAPE '\\'${refId === undefined ? '' : ' OR f.id = @refId'})`);
        params.q = containsPattern(input.query);
        params.phone = containsPattern(digits || input.query);
        if (refId !== undefined) params.refId = refId;
      }
      if (input.beforeId !== undefined) {
        where.push('f.id < @beforeId');
        params.beforeId = input.beforeId;
      }
      const sql = `${feedbackSelect(from)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.id DESC LIMIT @limit`;
      const rows = db.prepare<Record<string, string | number>, FeedbackRow>(sql).all(params);
      const page = rows.slice(0, input.limit);
      return { rows: page.map(toView), nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },
  };
}
