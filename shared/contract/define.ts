import { z } from 'zod';

/** Staff roles. A staff member has exactly one. */
export const ROLES = ['counter', 'broadcast', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Who may call a method: anyone (sign-in, first-run set-up) or the listed roles. */
export type Access = 'public' | readonly Role[];

/** Role groups used across the contract, so each method names its audience in one word. */
export const ANY_STAFF: readonly Role[] = ROLES;
export const MANAGERS: readonly Role[] = ['manager', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
export const COUNTER: readonly Role[] = ['counter', 'manager', 'admin'];
export const BROADCAST: readonly Role[] = ['broadcast', 'manager', 'admin'];

/**
 * How the dispatcher runs a handler:
 * - `read`: no transaction, never writes;
 * - `write`: inside one immediate transaction, together with its audit rows and events;
 * - `custom`: the handler manages its own transactions (sign-in records failed attempts even when it refuses).
 */
export type Mode = 'read' | 'write' | 'custom';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly access: Access;
  readonly mode: Mode;
  readonly input: I;
  readonly output: O;
  /** Doing it again changes nothing anyone relies on (a report rendered again): sent without an idempotency key, its answer never kept. */
  readonly repeatable?: true;
}

/**
 * Whether a submission's answer is kept under its idempotency key, so that a copy sent again after
 * a lost answer is answered, not done twice: every call that changes something for a signed-in
 * member of staff. Not sign-in, pairing or set-up (their answers hold tokens, never kept).
 */
export function keepsAnswer(def: Pick<MethodDef, 'mode' | 'access' | 'repeatable'>): boolean {
  return def.mode !== 'read' && def.access !== 'public' && def.repeatable !== true;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly payload: P;
  /** The read methods whose answers the event makes stale: screens fetch them again (checked by a test). */
  readonly affects: readonly string[];
}

export function event<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  return def;
}

export const emptyInput = z.object({}).strict();
export const okOutput = z.object({ ok: z.literal(true) });
