import { z } from 'zod';
import { epochMs, id } from './common';
import { MANAGERS, method } from './define';

export const auditRow = z.object({
  id,
  at: epochMs,
  staffId: id.nullable(),
  staffName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /**
   * The record in words, in each language: a staff member's name and code, a unit's tag, an item
   * type's name, the settings changed by their labels. Null where the number already reads (a
   * complaint's C20261129-0001) or the record is gone. Never an ID-card or phone number.
   */
  entityLabel: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
  detail: z.record(z.string(), z.unknown()),
  origin: z.string(),
});
export type AuditRow = z.output<typeof auditRow>;

export const auditMethods = {
  'audit.list': method({
    summary: 'The audit log, newest first, a page at a time.',
    access: MANAGERS,
    mode: 'read',
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        beforeId: id.optional(),
        action: z.string().max(60).optional(),
        staffId: id.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(auditRow), nextBeforeId: id.nullable() }),
  }),
};
