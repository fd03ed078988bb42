import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { epochMs, id, language, personName, pin, staffCode, timeZone } from './common';
import { emptyInput, method, okOutput } from './define';
import { sessionView } from './auth';
import { ERROR_CODES } from './result';

export const fatalProblem = z.object({
  code: z.enum(['DB_TOO_NEW', 'DB_CORRUPT', 'DB_UNREADABLE', 'DATA_IN_USE']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FatalProblem = z.output<typeof fatalProblem>;

export const systemInfo = z.object({
  app: z.literal('ParkDesk'),
  version: z.string(),
  now: epochMs,
  setupRequired: z.boolean(),
  parkName: z.string(),
  defaultLanguage: z.enum(LANGUAGES),
  timeZone: z.string(),
  kioskMode: z.boolean(),
  schemaVersion: z.number().int(),
});
export type SystemInfo = z.output<typeof systemInfo>;

export const setupInput = z
  .object({
    parkName: z.string().trim().min(1).max(60),
    defaultLanguage: language,
    timeZone,
    manager: z
      .object({
        name: personName,
        code: staffCode,
        pin,
      })
      .strict(),
  })
  .strict();
export type SetupInput = z.input<typeof setupInput>;

export const systemMethods = {
  'system.info': method({
    summary: 'Public facts for the first screen: set-up state, park name, language, time zone and the core’s clock.',
    access: 'public',
    mode: 'read',
    input: emptyInput,
    output: systemInfo,
  }),
  'setup.complete': method({
    summary: 'First run: the park’s name, language and time zone, and the first manager. Signs them in.',
    access: 'public',
    mode: 'write',
    input: setupInput,
    output: sessionView,
  }),
  'system.leaveKiosk': method({
    summary: 'Leave kiosk mode on this PC; needs a manager’s PIN (wrong PINs count towards the lock).',
    access: 'public',
    mode: 'custom',
    input: z.object({ staffId: id, pin }).strict(),
    output: okOutput,
  }),
};

export const errorCodeSchema = z.enum(ERROR_CODES);
