import { OPEN_PAGING_STATUSES, pagingDetails, type DepartmentView, type GeneralTextView, type PagingDetails, type PagingView, type ScriptKind } from '@shared/contract';
import { arrivalDueAt, arrivalLate, contactDueAt, contactLate, nextAiringAt, pagingPriority, scriptKindOf } from '@shared/rules/paging';
import { fillScript, scriptValues } from '@shared/rules/scripts';
import { isStillToCome, parkDate } from '@shared/rules/time';
import type { CallContext } from '../context';
import type { Db } from '../db/open';
import { fieldError } from '../errors';
import { readSettings } from '../settings/store';

interface DepartmentRow {
  id: number;
  code: string;
  name_zh: string;
  name_en: string;
  head_name: string;
  head_phone: string;
  active: number;
}

export function toDepartmentView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    headName: row.head_name,
    headPhone: row.head_phone,
    active: row.active === 1,
  };
}

export function getDepartment(db: Db, id: number): DepartmentRow | undefined {
  return db.prepare<[number], DepartmentRow>('SELECT id, code, name_zh, name_en, head_name, head_phone, active FROM department WHERE id = ?').get(id);
}

export function listDepartments(db: Db, includeInactive: boolean): DepartmentView[] {
  return db
    .prepare<[number], DepartmentRow>('SELECT id, code, name_zh, name_en, head_name, head_phone, active FROM department WHERE active = 1 OR ? ORDER BY sort, id')
    .all(includeInactive ? 1 : 0)
    .map(toDepartmentView);
}

interface GeneralTextRow {
  id: number;
  title_zh: string;
  title_en: string;
  text_zh: string;
  text_en: string;
  active: number;
  updated_at: number;
}

const GENERAL_TEXT_SELECT = 'SELECT id, title_zh, title_en, text_zh, text_en, active, updated_at FROM general_text';

export function toGeneralTextView(row: GeneralTextRow): GeneralTextView {
  return { id: row.id, titleZh: row.title_zh, titleEn: row.title_en, textZh: row.text_zh, textEn: row.text_en, active: row.active === 1, updatedAt: row.updated_at };
}

export function getGeneralText(db: Db, id: number): GeneralTextRow | undefined {
  return db.prepare<[number], GeneralTextRow>(`${GENERAL_TEXT_SELECT} WHERE id = ?`).get(id);
}

/** The standard general announcements in their order (retired ones only when asked). */
export function listGeneralTexts(db: Db, includeInactive: boolean): GeneralTextView[] {
  return db
    .prepare<[number], GeneralTextRow>(`${GENERAL_TEXT_SELECT} WHERE active = 1 OR ? ORDER BY sort, id`)
    .all(includeInactive ? 1 : 0)
    .map(toGeneralTextView);
}

export function scriptTemplate(db: Db, kind: ScriptKind, language: 'zh-CN' | 'en'): string {
  return db.prepare<[string, string], { text: string }>('SELECT text FROM script_template WHERE kind = ? AND language = ?').get(kind, language)?.text ?? '';
}

/** The announcement in both languages, from the standard scripts (a general announcement is its own text). */
export function writeScripts(db: Db, details: PagingDetails, timeZone: string, now: number): { zh: string; en: string; department: DepartmentRow | undefined } {
  // A person is last seen before they are looked for: a time still to come was typed wrong (or taken as today's).
  if (details.kind === 'missingPerson' && isStillToCome(details.lastSeenAt, now)) throw fieldError('VALIDATION', 'details.lastSeenAt', 'paging.errors.lastSeenFuture');
  const department = details.kind === 'summonHead' ? getDepartment(db, details.departmentId) : undefined;
  if (details.kind === 'summonHead' && (!department || department.active !== 1)) {
    throw fieldError('VALIDATION', 'details.departmentId', 'paging.errors.departmentNotFound');
  }
  if (details.kind === 'general') {
    if (details.standardTextId !== undefined && !getGeneralText(db, details.standardTextId)) {
      throw fieldError('VALIDATION', 'details.standardTextId', 'paging.errors.generalTextNotFound');
    }
    return { zh: details.textZh, en: details.textEn, department };
  }
  const kind = scriptKindOf(details);
  if (!kind) throw new Error('a request without a script kind');
  const context = {
    timeZone,
    department: department ? { nameZh: department.name_zh, nameEn: department.name_en, headName: department.head_name } : undefined,
  };
  return {
    zh: fillScript(scriptTemplate(db, kind, 'zh-CN'), scriptValues(details, 'zh-CN', context)),
    en: fillScript(scriptTemplate(db, kind, 'en'), scriptValues(details, 'en', context)),
    department,
  };
}

interface PagingRow {
  id: number;
  kind: PagingView['kind'];
  priority: number;
  details: string;
  script_zh: string;
  script_en: string;
  status: PagingView['status'];
  source: PagingView['source'];
  source_ref: string | null;
  department_id: number | null;
  created_at: number;
  created_by: number;
  created_by_name: string | null;
  acknowledged_at: number | null;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  first_aired_at: number | null;
  last_aired_at: number | null;
  air_count: number;
  arrived_at: number | null;
  closed_at: number | null;
  closed_by: number | null;
  closed_by_name: string | null;
  close_note: string | null;
  edited_at: number | null;
}

export const PAGING_SELECT = `
  SELECT p.id, p.kind, p.priority, p.details, p.script_zh, p.script_en, p.status, p.source, p.source_ref, p.department_id,
         p.created_at, p.created_by, sc.name AS created_by_name, p.acknowledged_at, p.acknowledged_by, sa.name AS acknowledged_by_name,
         p.first_aired_at, p.last_aired_at, p.air_count, p.arrived_at, p.closed_at, p.closed_by, sx.name AS closed_by_name, p.close_note, p.edited_at
  FROM paging_request p
  LEFT JOIN staff sc ON sc.id = p.created_by
  LEFT JOIN staff sa ON sa.id = p.acknowledged_by
  LEFT JOIN staff sx ON sx.id = p.closed_by`;

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function toPagingView(db: Db, row: PagingRow, now: number): PagingView {
  const details = pagingDetails.parse(JSON.parse(row.details));
  const department = row.department_id === null ? undefined : getDepartment(db, row.department_id);
  return {
    id: row.id,
    kind: row.kind,
    priority: row.priority,
    details,
    scriptZh: row.script_zh,
    scriptEn: row.script_en,
    status: row.status,
    source: row.source,
    sourceRef: row.source_ref,
    createdAt: row.created_at,
    createdBy: ref(row.created_by, row.created_by_name),
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: ref(row.acknowledged_by, row.acknowledged_by_name),
    firstAiredAt: row.first_aired_at,
    lastAiredAt: row.last_aired_at,
    airCount: row.air_count,
    nextAiringAt: row.status === 'aired' ? nextAiringAt(details, row.last_aired_at) : null,
    department: department ? toDepartmentView(department) : null,
    arrivedAt: row.arrived_at,
    closedAt: row.closed_at,
    closedBy: ref(row.closed_by, row.closed_by_name),
    closeNote: row.close_note,
    editedAt: row.edited_at,
    contactDueAt: contactDueAt(row.created_at),
    // A slip closed before anyone contacted its requester (cancelled, or the child found) stops its clock when it closed.
    contactLate: contactLate(row.created_at, row.acknowledged_at, row.closed_at ?? now),
    arrivalDueAt: arrivalDueAt(row.kind, row.first_aired_at),
    arrivalLate: arrivalLate(row.kind, row.first_aired_at, row.arrived_at, row.closed_at ?? now),
  };
}

export function getPagingRow(db: Db, id: number): PagingRow | undefined {
  return db.prepare<[number], PagingRow>(`${PAGING_SELECT} WHERE p.id = ?`).get(id);
}

export function pagingSql(where: string, order: string): string {
  return `${PAGING_SELECT} WHERE ${where} ORDER BY ${order} LIMIT 500`;
}

export function listPaging(db: Db, where: string, params: Record<string, string | number>, order: string): PagingRow[] {
  return db.prepare<Record<string, string | number>, PagingRow>(pagingSql(where, order)).all(params);
}

/**
 * The broadcast room's queue: every request still open, by priority then age. Written as the open
 * requests' index (migration 005) is, so it is read from that index and not from the whole year.
 */
export const QUEUE_WHERE = "p.status NOT IN ('resolved', 'cancelled')";
export const QUEUE_ORDER = 'p.priority, p.created_at';
/** A park day's requests (the list, the stats), newest first. */
export const DAY_WHERE = 'p.park_date = @date';

export interface NewPaging {
  clientRef: string;
  details: PagingDetails;
  source: PagingView['source'];
  sourceRef?: string | undefined;
}

const OPEN_LIST = OPEN_PAGING_STATUSES.map((status) => `'${status}'`).join(', ');

/** The open slips a record made (its announcements, its summons), oldest first. */
export function openSlipsOf(db: Db, source: PagingView['source'], sourceRef: string): number[] {
  return db
    .prepare<[string, string], number>(`SELECT id FROM paging_request WHERE source = ? AND source_ref = ? AND status IN (${OPEN_LIST}) ORDER BY id`)
    .pluck()
    .all(source, sourceRef);
}

/**
 * Resolves the open slips a record made once it no longer needs them (a found item returned to its
 * owner or handed over: nobody is to be called for it any more), inside the caller's transaction.
 * Each is audited and every screen told, as when the room resolves a slip. Answers their ids.
 */
export function resolveSlipsOf(db: Db, ctx: CallContext, staffId: number, source: PagingView['source'], sourceRef: string, note: string): number[] {
  const ids = openSlipsOf(db, source, sourceRef);
  const resolve = db.prepare("UPDATE paging_request SET status = 'resolved', closed_at = ?, closed_by = ?, close_note = ?, updated_at = ? WHERE id = ?");
  for (const id of ids) {
    resolve.run(ctx.now, staffId, note, ctx.now, id);
    ctx.audit({ action: 'paging.resolve', entity: 'paging', entityId: id, detail: { note, source, sourceRef } });
    ctx.emit('paging.changed', { id, status: 'resolved' });
  }
  return ids;
}

/**
 * Registers a paging request inside the caller's transaction (the counter's form, a lost-property
 * intake, a complaint summoning its department head) and queues the 'paging.created' event.
 * A clientRef seen before answers the request it made, so a retried submission never doubles a slip.
 */
export function registerPaging(db: Db, ctx: CallContext, staffId: number, request: NewPaging): { id: number; created: boolean } {
  const existing = db.prepare<[string], { id: number }>('SELECT id FROM paging_request WHERE client_ref = ?').get(request.clientRef);
  if (existing) return { id: existing.id, created: false };
  const { timeZone } = readSettings(db);
  const scripts = writeScripts(db, request.details, timeZone, ctx.now);
  const priority = pagingPriority(request.details);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO paging_request (client_ref, kind, priority, details, script_zh, script_en, source, source_ref, department_id,
                                   park_date, created_at, created_by, updated_at)
       VALUES (@clientRef, @kind, @priority, @details, @zh, @en, @source, @sourceRef, @departmentId, @date, @now, @staffId, @now)`,
    )
    .run({
      clientRef: request.clientRef,
      kind: request.details.kind,
      priority,
      details: JSON.stringify(request.details),
      zh: scripts.zh,
      en: scripts.en,
      source: request.source,
      sourceRef: request.sourceRef ?? null,
      departmentId: scripts.department?.id ?? null,
      date: parkDate(ctx.now, timeZone),
      now: ctx.now,
      staffId,
    });
  const id = Number(lastInsertRowid);
  ctx.audit({ action: 'paging.register', entity: 'paging', entityId: id, detail: { kind: request.details.kind, priority, source: request.source } });
  ctx.emit('paging.created', { id, kind: request.details.kind, priority });
  return { id, created: true };
}

/** The SQL of one airing: when, by whom, and the scripts as they were read then (a later correction leaves them). */
export const AIRING_SQL = 'INSERT INTO paging_airing (request_id, at, staff_id, script_zh, script_en) SELECT id, ?, ?, script_zh, script_en FROM paging_request WHERE id = ?';

/** Records one airing of a request, with the words that went out. */
export function recordAiring(db: Db, requestId: number, at: number, staffId: number): void {
  db.prepare(AIRING_SQL).run(at, staffId, requestId);
}
