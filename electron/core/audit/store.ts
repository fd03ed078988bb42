import type { AuditRow } from '@shared/contract';
import { isMessageKey, LANGUAGES, translator, type Language, type Translate } from '@shared/i18n';
import { pagingRef } from '@shared/rules/paging';
import type { Db } from '../db/open';

export interface AuditRecord {
  at: number;
  staffId: number | null;
  action: string;
  entity?: string | undefined;
  entityId?: string | number | undefined;
  detail?: Record<string, unknown> | undefined;
  origin: string;
}

export function writeAudit(db: Db, record: AuditRecord): void {
  db.prepare(
    `INSERT INTO audit_log (at, staff_id, action, entity, entity_id, detail, origin)
     VALUES (@at, @staffId, @action, @entity, @entityId, @detail, @origin)`,
  ).run({
    at: record.at,
    staffId: record.staffId,
    action: record.action,
    entity: record.entity ?? null,
    entityId: record.entityId === undefined ? null : String(record.entityId),
    detail: JSON.stringify(record.detail ?? {}),
    origin: record.origin,
  });
}

interface AuditDbRow {
  id: number;
  at: number;
  staff_id: number | null;
  staff_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  /** What the record's own table says of it, as a JSON array (see ENTITY_REF). */
  entity_ref: string | null;
  detail: string;
  origin: string;
}

/**
 * The words naming a record, read from its own table by its kind: a staff member's name and code, a
 * unit's tag and type, an item type's, a department's or a station's name, an answer's title. Each
 * gives a JSON array: `[name in Chinese, name in English, extra]` (the extra, a code or tag, may be
 * missing), or `[code, ref]` where the words come from the catalog (a printout's kind, a paging's
 * kind, with the request's reference). Nothing here holds an ID-card or phone number. A record whose number already reads (a
 * complaint's C20261129-0001, a found item's, a date) has none.
 */
const N = 'CAST(a.entity_id AS INTEGER)';
const ENTITY_REF: Readonly<Record<string, string>> = {
  staff: `SELECT json_array(name, name, code) FROM staff WHERE id = ${N}`,
  unit: `SELECT json_array(u.tag, u.tag, t.name_zh, t.name_en) FROM unit u JOIN item_type t ON t.id = u.type_id WHERE u.id = ${N}`,
  item_type: `SELECT json_array(name_zh, name_en) FROM item_type WHERE id = ${N}`,
  repair: `SELECT json_array(u.tag, u.tag) FROM repair r JOIN unit u ON u.id = r.unit_id WHERE r.id = ${N}`,
  station: `SELECT json_array(name, name) FROM station WHERE id = ${N}`,
  department: `SELECT json_array(name_zh, name_en) FROM department WHERE id = ${N}`,
  programme_slot: `SELECT json_array(start_time || ' ' || title_zh, start_time || ' ' || title_en) FROM programme_slot WHERE id = ${N}`,
  info_entry: `SELECT json_array(title_zh, title_en) FROM info_entry WHERE id = ${N}`,
  general_text: `SELECT json_array(title_zh, title_en) FROM general_text WHERE id = ${N}`,
  lf_category: 'SELECT json_array(name_zh, name_en) FROM lf_category WHERE code = a.entity_id',
  print_job: `SELECT json_array(kind, ref) FROM print_job WHERE id = ${N}`,
  paging: `SELECT json_array(kind) FROM paging_request WHERE id = ${N}`,
};
const ENTITY_REF_SQL = `CASE a.entity ${Object.entries(ENTITY_REF)
  .map(([entity, sql]) => `WHEN '${entity}' THEN (${sql})`)
  .join(' ')} END`;

const words: Record<Language, Translate> = { 'zh-CN': translator('zh-CN'), en: translator('en') };

/** A catalog word for a code (`printer.jobs.kinds.asset-label`), else the code. */
const word = (t: Translate, branch: string, code: string) => {
  const key = `${branch}.${code}`;
  return isMessageKey(key) ? t(key) : code;
};

/** A setting's name as the audit log words its changes (`audit.fields.closingTime`), else the settings screen's label. */
const settingName = (t: Translate, key: string) => {
  for (const candidate of [`audit.fields.${key}`, `settings.${key}`]) if (isMessageKey(candidate)) return t(candidate);
  return key;
};

/** The record's name in one language, or null where its kind and number already say it. */
function labelIn(t: Translate, language: Language, entity: string, entityId: string, ref: readonly unknown[] | null): string | null {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const named = (name: string, extra: string | null) => (extra ? t('audit.labelWith', { name, extra }) : name);
  if (entity === 'setting') {
    return entityId
      .split(',')
      .filter(Boolean)
      .map((key) => settingName(t, key))
      .join(t('audit.detailList'));
  }
  if (!ref) return null;
  if (entity === 'print_job') {
    const kind = text(ref[0]);
    return kind ? named(word(t, 'printer.jobs.kinds', kind), text(ref[1])) : null;
  }
  if (entity === 'paging') {
    const kind = text(ref[0]);
    return kind ? named(word(t, 'paging.kinds', kind), pagingRef(Number(entityId))) : null;
  }
  const zh = language === 'zh-CN';
  const name = text(zh ? ref[0] : ref[1]) ?? text(ref[0]);
  if (!name) return null;
  // A staff member's code (staff), a unit's item type in the language (unit).
  const extra = ref.length > 3 ? text(zh ? ref[2] : ref[3]) : text(ref[2]);
  return named(name, extra);
}

/** The record's name in both languages, for the audit log's Record column (null: show its number). */
function entityLabel(entity: string | null, entityId: string | null, refJson: string | null): AuditRow['entityLabel'] {
  if (!entity || entityId === null) return null;
  const ref = refJson ? (JSON.parse(refJson) as unknown) : null;
  const list = Array.isArray(ref) ? (ref as unknown[]) : null;
  const [zh, en] = LANGUAGES.map((language) => labelIn(words[language], language, entity, entityId, list));
  return zh && en ? { 'zh-CN': zh, en } : null;
}

export interface AuditQuery {
  limit: number;
  beforeId?: number | undefined;
  action?: string | undefined;
  staffId?: number | undefined;
}

export function listAudit(db: Db, query: AuditQuery): { rows: AuditRow[]; nextBeforeId: number | null } {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit + 1 };
  if (query.beforeId !== undefined) {
    where.push('a.id < @beforeId');
    params.beforeId = query.beforeId;
  }
  if (query.action) {
    where.push('a.action = @action');
    params.action = query.action;
  }
  if (query.staffId !== undefined) {
    where.push('a.staff_id = @staffId');
    params.staffId = query.staffId;
  }
  const rows = db
    .prepare<Record<string, string | number>, AuditDbRow>(
      `SELECT a.id, a.at, a.staff_id, s.name AS staff_name, a.action, a.entity, a.entity_id,
              ${ENTITY_REF_SQL} AS entity_ref, a.detail, a.origin
       FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.id DESC LIMIT @limit`,
    )
    .all(params);
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map((row) => ({
      id: row.id,
      at: row.at,
      staffId: row.staff_id,
      staffName: row.staff_name,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      entityLabel: entityLabel(row.entity, row.entity_id, row.entity_ref),
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      origin: row.origin,
    })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
