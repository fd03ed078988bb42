import { describe, expect, it } from 'vitest';
import { CHECK_CODE_ALPHABET, defaultDueAt, dueAtFromTime, parseLostReceiptQuery, parseVoucher, voucherOf } from '@shared/rules/rentals';
import { HOUR } from '@shared/rules/time';

const SHANGHAI = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);
const park = { closingTime: '18:00', timeZone: SHANGHAI };

describe('the due time of a rental', () => {
  it('defaults to closing time, and to an hour from now once the park has closed', () => {
    expect(defaultDueAt(at('2026-11-29T10:00:00'), park)).toBe(at('2026-11-29T18:00:00'));
    expect(defaultDueAt(at('2026-11-29T17:59:00'), park)).toBe(at('2026-11-29T18:00:00'));
    expect(defaultDueAt(at('2026-11-29T18:00:00'), park)).toBe(at('2026-11-29T19:00:00'));
    expect(defaultDueAt(at('2026-11-29T20:15:00'), park)).toBe(at('2026-11-29T20:15:00') + HOUR);
  });

  it('reads a time of day the clerk picks as today, or tomorrow once it has passed today', () => {
    expect(dueAtFromTime(at('2026-11-29T10:00:00'), '16:30', SHANGHAI)).toBe(at('2026-11-29T16:30:00'));
    expect(dueAtFromTime(at('2026-11-29T20:15:00'), '21:00', SHANGHAI)).toBe(at('2026-11-29T21:00:00'));
    expect(dueAtFromTime(at('2026-11-29T20:15:00'), '10:00', SHANGHAI)).toBe(at('2026-11-30T10:00:00'));
    expect(dueAtFromTime(at('2026-11-29T20:15:00'), '20:15', SHANGHAI)).toBe(at('2026-11-30T20:15:00'));
  });
});

describe('a search for a rental without its receipt', () => {
  it('reads receipt and ID numbers, phones in every stored form, and the last 4 digits with a name', () => {
    expect(parseLostReceiptQuery(' r20261129-0001 ')).toMatchObject({ receiptNo: 'R20261129-0001', phones: [], nameAndLast4: null });
    expect(parseLostReceiptQuery('h-1234 5678').idNumber).toBe('H12345678');
    expect(parseLostReceiptQuery('+86 138 1234 5678')).toMatchObject({ phones: ['13812345678', '+8613812345678'], nameAndLast4: null });
    expect(parseLostReceiptQuery('5678 李游客').nameAndLast4).toEqual({ name: '李游客', last4: '5678' });
    expect(parseLostReceiptQuery('Li  Lei 5678').nameAndLast4).toEqual({ name: 'Li Lei', last4: '5678' });
    expect(parseLostReceiptQuery('李游客5678').nameAndLast4).toEqual({ name: '李游客', last4: '5678' });
    expect(parseLostReceiptQuery('H12345678').nameAndLast4).toBeNull();
    expect(parseLostReceiptQuery('12345678').nameAndLast4).toBeNull();
  });
});

describe('the receipt as a voucher', () => {
  it('carries the receipt number and its check code, read back from a scan or a typed text in any case', () => {
    expect(voucherOf('R20261129-0042', 'K7Q2')).toBe('R20261129-0042-K7Q2');
    expect(voucherOf('R20261129-0042', null)).toBe('R20261129-0042');
    expect(parseVoucher(' r20261129-0042-k7q2 ')).toEqual({ receiptNo: 'R20261129-0042', checkCode: 'K7Q2' });
    // A receipt number alone, a code with characters the paper never shows (0, O, 1, I, L), or one too short: not a voucher.
    for (const text of ['R20261129-0042', 'R20261129-0042-K7Q0', 'R20261129-0042-KOQ2', 'R20261129-0042-K7Q', 'WC-001']) expect(parseVoucher(text), text).toBeUndefined();
    expect(CHECK_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});
