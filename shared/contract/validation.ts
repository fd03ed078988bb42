import type { z } from 'zod';
import { isMessageKey, type MessageKey, type MessageParams } from '../i18n';

/**
 * The message of a check or refinement, as a catalog key: `z.string().regex(re, rule('validation.pin'))`.
 * The key is the issue's message, so the server's envelope and the form's error map localize it alike.
 */
export function rule(key: MessageKey): { error: MessageKey } {
  return { error: key };
}

export interface Described {
  key: MessageKey;
  params?: MessageParams;
}

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** A described message as one string (`key` or `key|{"minimum":4}`), the form kept in form state. */
export function encodeMessage(described: Described): string {
  return described.params ? `${described.key}|${JSON.stringify(described.params)}` : described.key;
}

/** The reverse of encodeMessage; undefined for any text that is not a catalog key. */
export function decodeMessage(message: string | undefined): Described | undefined {
  if (!message) return undefined;
  const bar = message.indexOf('|');
  const key = bar < 0 ? message : message.slice(0, bar);
  if (!isMessageKey(key)) return undefined;
  if (bar < 0) return { key };
  try {
    const params: unknown = JSON.parse(message.slice(bar + 1));
    return params && typeof params === 'object' ? { key, params: params as MessageParams } : { key };
  } catch {
    return { key };
  }
}

/** One catalog key (and its parameters) for any zod issue: the single map from validation to words. */
export function describeIssue(issue: Issue): Described {
  const fromRule = 'message' in issue ? decodeMessage(issue.message) : undefined;
  if (fromRule) return fromRule;
  // Parse with `reportInput: true` (or in an error map) so a missing value reads as "required".
  const missing = 'input' in issue && (issue.input === undefined || issue.input === null);
  if (missing && issue.code !== 'custom') return { key: 'validation.required' };
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? { key: 'validation.wholeNumber' } : { key: 'validation.invalidType' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', params: { minimum } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooFew', params: { minimum } };
      return { key: 'validation.tooSmall', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooMany', params: { maximum } };
      return { key: 'validation.tooBig', params: { maximum } };
    }
    case 'invalid_value':
      return { key: 'validation.invalidOption' };
    case 'invalid_format':
      return { key: 'validation.invalidFormat' };
    case 'not_multiple_of':
      return { key: 'validation.wholeNumber' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' };
    default:
      return { key: 'validation.invalid' };
  }
}

export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

/** Field path as the forms name it: `deposits.wheelchair`, or `` for the whole input. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/** All issues of a failed parse as one field-error map (first issue per field wins). */
export function fieldErrorsOf(error: z.ZodError): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const path = issuePath(issue);
    if (!(path in fields)) fields[path] = describeIssue(issue);
  }
  return fields;
}
