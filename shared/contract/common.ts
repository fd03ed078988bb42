import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { isTimeZone } from '../rules/time';
import { isPhone, normalizePhone } from '../rules/phone';
import { formatYuan } from '../rules/money';
import { encodeMessage, rule } from './validation';

/** Database row id. */
export const id = z.number().int().positive();

/** UTC epoch milliseconds: every stored time. */
export const epochMs = z.number().int().nonnegative();

/** The most any one amount may be: 100,000 CNY, in fen. */
export const MAX_FEN = 10_000_000;

/** Money: always integer fen (1 CNY = 100 fen). The ceiling keeps typos from becoming deposits; its message says it in yuan. */
export const fen = z
  .number()
  .int(rule('validation.wholeFen'))
  .min(0, rule('validation.moneyNegative'))
  .max(MAX_FEN, { error: encodeMessage({ key: 'validation.moneyTooBig', params: { amount: formatYuan(MAX_FEN) } }) });

export const language = z.enum(LANGUAGES);

/** A wall-clock time in the park, `HH:mm`, 24-hour. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('validation.timeOfDay'));

/** A calendar date in the park, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, rule('validation.date'))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), rule('validation.date'));

export const timeZone = z.string().trim().min(1).refine(isTimeZone, rule('validation.timeZone'));

export const personName = z.string().trim().min(1).max(40);

/** Staff number printed on the badge: letters, digits and dashes. */
export const staffCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,12}$/, rule('validation.staffCode'));

/** A PIN of 4 to 8 digits. Never stored, never logged: only its scrypt hash is kept. */
export const pin = z.string().regex(/^\d{4,8}$/, rule('validation.pin'));

/** A manager's approval given at the counter: who, and their PIN (checked; wrong PINs count towards the lock). */
export const approval = z.object({ staffId: id, pin }).strict();
export type Approval = z.output<typeof approval>;

/** A phone number the counter can call back (see shared/rules/phone.ts), stored normalized. */
export const phone = z.string().trim().min(1).refine(isPhone, rule('validation.phone')).transform(normalizePhone);

/**
 * A phone number, or nothing (''): a wrong number is refused with the phone message, as `phone`
 * refuses it (a union of the two would only say "invalid").
 */
export const phoneOrEmpty = z
  .string()
  .trim()
  .max(30)
  .refine((value) => value === '' || isPhone(value), rule('validation.phone'))
  .transform((value) => (value === '' ? '' : normalizePhone(value)));

/** Copies of a printed A4 record: the file copy has everything; the visitor's copy leaves out what is internal. */
export const REPORT_COPIES = ['file', 'visitor'] as const;
export type ReportCopy = (typeof REPORT_COPIES)[number];
export const REPORT_LANGUAGES = ['zh-CN', 'en', 'bilingual'] as const;

/** A printable A4 record as made and kept by the counter PC (`incidents.pdf`, `complaints.pdf`). */
export const reportFile = z.object({
  fileName: z.string(),
  /** Where it was saved, relative to the data folder, e.g. `reports/incidents/…pdf`. */
  savedAs: z.string(),
  base64: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
});
