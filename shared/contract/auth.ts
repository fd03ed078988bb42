import { z } from 'zod';
import { id, pin } from './common';
import { ANY_STAFF, emptyInput, method, okOutput, roleSchema } from './define';
import { staffView } from './staff';

export const sessionView = z.object({
  token: z.string(),
  staff: staffView,
  idleSignOutMinutes: z.number().int(),
});
export type SessionView = z.output<typeof sessionView>;

export const rosterEntry = z.object({
  id,
  name: z.string(),
  code: z.string(),
  role: roleSchema,
  locked: z.boolean(),
});
export type RosterEntry = z.output<typeof rosterEntry>;

export const authMethods = {
  'auth.roster': method({
    summary: 'Active staff for the sign-in screen (no PINs, nothing private).',
    access: 'public',
    mode: 'read',
    input: emptyInput,
    output: z.array(rosterEntry),
  }),
  'auth.signIn': method({
    summary: 'Sign in with a PIN. Five wrong PINs lock the staff member for the lockout time.',
    access: 'public',
    mode: 'custom',
    input: z.object({ staffId: id, pin }).strict(),
    output: sessionView,
  }),
  'auth.signOut': method({
    summary: 'End the current session.',
    access: ANY_STAFF,
    mode: 'write',
    input: emptyInput,
    output: okOutput,
  }),
  'auth.me': method({
    summary: 'Who is signed in on this session.',
    access: ANY_STAFF,
    mode: 'read',
    input: emptyInput,
    output: z.object({ staff: staffView, idleSignOutMinutes: z.number().int() }),
  }),
};
