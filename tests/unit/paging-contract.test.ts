import { describe, expect, it } from 'vitest';
import { CHILD_MAX_AGE, fieldErrorsOf, pagingDetails } from '@shared/contract';

const T0 = Date.parse('2026-11-29T02:00:00Z');
const missing = {
  kind: 'missingPerson',
  child: true,
  name: 'Tom',
  age: 6,
  sex: 'unknown',
  heightCm: 110,
  clothing: 'a green raincoat',
  lastSeenPlace: 'the carousel',
  lastSeenAt: T0,
  guardianName: 'Ms Li',
  guardianPhone: '13812345678',
  meetingPoint: 'the Visitor Service Center',
  repeatMinutes: 10,
};

function errorsOf(details: Record<string, unknown>) {
  const parsed = pagingDetails.safeParse({ ...missing, ...details });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe('a missing-person request’s numbers', () => {
  it('are refused out of range with the limit in the message, never taken as the nearest limit', () => {
    expect(errorsOf({ age: 250 })).toEqual({ age: { key: 'validation.tooBig', params: { maximum: 120 } } });
    expect(errorsOf({ age: -1, child: false })).toEqual({ age: { key: 'validation.tooSmall', params: { minimum: 0 } } });
    expect(errorsOf({ heightCm: -40 })).toEqual({ heightCm: { key: 'validation.tooSmall', params: { minimum: 40 } } });
    expect(errorsOf({ heightCm: 400 })).toEqual({ heightCm: { key: 'validation.tooBig', params: { maximum: 230 } } });
    expect(errorsOf({ repeatMinutes: 0 })).toEqual({ repeatMinutes: { key: 'validation.tooSmall', params: { minimum: 5 } } });
    expect(errorsOf({ repeatMinutes: 61 })).toEqual({ repeatMinutes: { key: 'validation.tooBig', params: { maximum: 60 } } });
    expect(errorsOf({ age: 6.5 })).toEqual({ age: { key: 'validation.wholeNumber' } });
  });

  it('take a child as a minor: an adult age is refused while “A child” is on, and fits an adult', () => {
    expect(CHILD_MAX_AGE).toBe(17);
    expect(errorsOf({ age: CHILD_MAX_AGE })).toEqual({});
    expect(errorsOf({ age: CHILD_MAX_AGE + 1 })).toEqual({ age: { key: 'paging.errors.childAge', params: { maximum: CHILD_MAX_AGE } } });
    expect(errorsOf({ age: 120 })).toEqual({ age: { key: 'paging.errors.childAge', params: { maximum: CHILD_MAX_AGE } } });
    expect(errorsOf({ age: 30, child: false })).toEqual({});
    // Checked with the other fields, so the counter sees every message at once.
    expect(errorsOf({ age: 30, name: '' })).toEqual({ name: { key: 'validation.required' }, age: { key: 'paging.errors.childAge', params: { maximum: CHILD_MAX_AGE } } });
  });
});
