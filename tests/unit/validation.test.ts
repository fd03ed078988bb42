import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, decodeMessage, describeIssue, encodeMessage, fen, fieldErrorsOf, MAX_FEN, phoneOrEmpty, rule, settingsSchema, DEFAULT_SETTINGS, setupInput } from '@shared/contract';
import { translator } from '@shared/i18n';

function firstIssue(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues[0]!;
}

describe('validation messages', () => {
  it('say "required" for a missing or empty value, whatever the type', () => {
    expect(describeIssue(firstIssue(z.object({ a: z.string() }), {}))).toEqual({ key: 'validation.required' });
    expect(describeIssue(firstIssue(z.object({ a: z.enum(['x']) }), {}))).toEqual({ key: 'validation.required' });
    expect(describeIssue(firstIssue(z.string().min(1), ''))).toEqual({ key: 'validation.required' });
  });

  it('carry their limits as parameters', () => {
    expect(describeIssue(firstIssue(z.string().min(3), 'ab'))).toEqual({ key: 'validation.tooShort', params: { minimum: 3 } });
    expect(describeIssue(firstIssue(z.string().max(2), 'abc'))).toEqual({ key: 'validation.tooLong', params: { maximum: 2 } });
    expect(describeIssue(firstIssue(z.number().min(1), 0))).toEqual({ key: 'validation.tooSmall', params: { minimum: 1 } });
    expect(describeIssue(firstIssue(z.array(z.string()).max(1), ['a', 'b']))).toEqual({ key: 'validation.tooMany', params: { maximum: 1 } });
  });

  it('use the rule’s own key for formats and refinements', () => {
    expect(describeIssue(firstIssue(z.string().regex(/^\d+$/, rule('validation.pin')), 'abc'))).toEqual({ key: 'validation.pin' });
    expect(describeIssue(firstIssue(z.string().refine(() => false, rule('validation.timeZone')), 'x'))).toEqual({ key: 'validation.timeZone' });
  });

  it('say money limits in yuan, never in fen', () => {
    const tooBig = describeIssue(firstIssue(fen, MAX_FEN + 1));
    expect(tooBig).toEqual({ key: 'validation.moneyTooBig', params: { amount: '100,000.00' } });
    expect(translator('en')(tooBig.key, tooBig.params)).toBe('At most CNY 100,000.00.');
    expect(translator('zh-CN')(tooBig.key, tooBig.params)).toBe('不能大于 ¥100,000.00。');
    expect(describeIssue(firstIssue(fen, -100))).toEqual({ key: 'validation.moneyNegative' });
    expect(fen.parse(MAX_FEN)).toBe(MAX_FEN);
  });

  it('encode to one string and back, refusing text that is not a key', () => {
    const described = { key: 'validation.tooShort' as const, params: { minimum: 4 } };
    expect(decodeMessage(encodeMessage(described))).toEqual(described);
    expect(decodeMessage('validation.pin')).toEqual({ key: 'validation.pin' });
    expect(decodeMessage('Invalid input: expected string')).toBeUndefined();
    expect(decodeMessage('no.such.key|{"a":1}')).toBeUndefined();
  });

  it('map nested fields by their dotted path', () => {
    const result = setupInput.safeParse({ parkName: 'P', defaultLanguage: 'en', timeZone: 'UTC', manager: { name: 'A', code: 'AB', pin: '1' } }, { reportInput: true });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ 'manager.pin': { key: 'validation.pin' } });
  });

  it('check settings as a whole: closing after opening, no date twice, real dates only', () => {
    const bad = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, openingTime: '18:00', closingTime: '09:00', eventDays: ['2026-10-01', '2026-10-01', '2026-02-29'] }, { reportInput: true });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      // Every problem at once: a field's own check and the record's cross-field rules.
      expect(fieldErrorsOf(bad.error)).toEqual({
        closingTime: { key: 'validation.closingAfterOpening' },
        'eventDays.1': { key: 'validation.duplicateDate' },
        'eventDays.2': { key: 'validation.date' },
      });
    }
    const order = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, openingTime: '18:00', closingTime: '09:00', eventDays: ['2026-10-01', '2026-10-01'] }, { reportInput: true });
    expect(!order.success && fieldErrorsOf(order.error)).toEqual({
      closingTime: { key: 'validation.closingAfterOpening' },
      'eventDays.1': { key: 'validation.duplicateDate' },
    });
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, eventDays: ['2028-02-29'] }).success).toBe(true);
  });

  it('says a wrong optional phone number is a wrong phone number, and takes none or a right one', () => {
    const field = z.object({ phone: phoneOrEmpty.default('') });
    const wrong = field.safeParse({ phone: '12' });
    expect(!wrong.success && fieldErrorsOf(wrong.error)).toEqual({ phone: { key: 'validation.phone' } });
    expect(field.parse({})).toEqual({ phone: '' });
    expect(field.parse({ phone: ' 139 0000 1111 ' })).toEqual({ phone: '13900001111' });
    // The forms that take one: a complaint's, a found item's finder's.
    const complaint = contract['complaints.update'].input.safeParse({ id: 1, phone: '12' });
    expect(!complaint.success && fieldErrorsOf(complaint.error)).toEqual({ phone: { key: 'validation.phone' } });
    const finder = contract['lostFound.intake'].input.safeParse({ finderPhone: '12' });
    expect(!finder.success && fieldErrorsOf(finder.error).finderPhone).toEqual({ key: 'validation.phone' });
  });
});
