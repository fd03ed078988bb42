import type { AuditRow } from '@shared/contract';
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
  detail: string;
  origin: string;
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
      `SELECT a.id, a.at, a.staff_id, s.name AS staff_name, a.action, a.entity, a.entity_id, a.detail, a.origin
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
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      origin: row.origin,
    })),
    nextBeforeId: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
