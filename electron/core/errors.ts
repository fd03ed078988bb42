import type { ErrorBody, ErrorCode, FieldError, MessageKey, MessageParams } from '@shared/contract';

/** A refusal the caller should see: thrown by handlers, turned into the result envelope by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params?: MessageParams,
    readonly fields?: Record<string, FieldError>,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.code, body.message, body.params, body.fields);
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.messageKey,
      ...(this.params ? { params: this.params } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** A refusal tied to one field, shown next to it in the form. */
export function fieldError(code: ErrorCode, field: string, key: MessageKey, params?: MessageParams): AppError {
  return new AppError(code, key, params, { [field]: params ? { key, params } : { key } });
}
