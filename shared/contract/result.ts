import type { MessageKey, MessageParams } from '../i18n';
import type { FieldError } from './validation';

/** Stable error codes: clients branch on these, people read the localized message. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  /** Catalog key of the message, e.g. `errors.wrongPin`. */
  message: MessageKey;
  params?: MessageParams;
  /** Per-field errors, keyed by the field's path (`deposits.wheelchair`). */
  fields?: Record<string, FieldError>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const HTTP_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;
