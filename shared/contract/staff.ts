import { z } from 'zod';
import { epochMs, id, language, personName, pin, staffCode } from './common';
import { ANY_STAFF, MANAGERS, method, okOutput, roleSchema } from './define';

export const staffView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  language: language.nullable(),
  lockedUntil: epochMs.nullable(),
  createdAt: epochMs,
});
export type StaffView = z.output<typeof staffView>;

export const staffCreateInput = z
  .object({
    code: staffCode,
    name: personName,
    role: roleSchema,
    pin,
    language: language.nullable().default(null),
  })
  .strict();

export const staffUpdateInput = z
  .object({
    id,
    code: staffCode.optional(),
    name: personName.optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    language: language.nullable().optional(),
  })
  .strict();

export const staffMethods = {
  'staff.list': method({
    summary: 'All staff, for the manager’s staff screen.',
    access: MANAGERS,
    mode: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(staffView),
  }),
  'staff.create': method({
    summary: 'Add a staff member with a role and a first PIN.',
    access: MANAGERS,
    mode: 'write',
    input: staffCreateInput,
    output: staffView,
  }),
  'staff.update': method({
    summary: 'Edit a staff member: name, number, role, language, or disable/enable.',
    access: MANAGERS,
    mode: 'write',
    input: staffUpdateInput,
    output: staffView,
  }),
  'staff.resetPin': method({
    summary: 'Give a staff member a new PIN; lifts a lock.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ id, pin }).strict(),
    output: okOutput,
  }),
  'auth.changePin': method({
    summary: 'The signed-in staff member changes their own PIN (wrong current PINs count towards the lock).',
    access: ANY_STAFF,
    mode: 'custom',
    input: z.object({ currentPin: pin, newPin: pin }).strict(),
    output: okOutput,
  }),
};
