import { describe, expect, it } from 'vitest';
import { isResidentId, isValidIdNumber, maskIdNumber, normalizeIdNumber } from '@shared/rules/identity';
import { isPhone, maskPhone, normalizePhone, phoneSearchText, phoneVariants } from '@shared/rules/phone';

/** Computes the check character, to build valid test numbers rather than trusting a list. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, w, i) => total + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('resident ID cards', () => {
  it('accept a number whose check character matches, in either case', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId(withCheck('44030419900101123'))).toBe(true);
    expect(isResidentId('110105 1949 1231 002X')).toBe(true);
  });

  it('refuse a wrong check character, a birth date that does not exist, and wrong lengths', () => {
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId(withCheck('11010519490231002'))).toBe(false); // 31 February
    expect(isResidentId(withCheck('11010518000101002'))).toBe(false); // before 1900
    expect(isResidentId('1101051949123100')).toBe(false);
    expect(isResidentId('A1010519491231002X')).toBe(false);
  });
});

describe('other documents', () => {
  it('check the shape of passports and permits', () => {
    expect(isValidIdNumber('passport', 'E12345678')).toBe(true);
    expect(isValidIdNumber('passport', 'AB1')).toBe(false);
    expect(isValidIdNumber('hkMacau', 'H12345678')).toBe(true);
    expect(isValidIdNumber('hkMacau', 'm1234567801')).toBe(true);
    expect(isValidIdNumber('hkMacau', 'X12345678')).toBe(false);
    expect(isValidIdNumber('taiwan', '12345678')).toBe(true);
    expect(isValidIdNumber('taiwan', '1234567')).toBe(false);
    expect(isValidIdNumber('other', '学生证2024')).toBe(false);
    expect(isValidIdNumber('other', 'S2024001')).toBe(true);
    expect(isValidIdNumber('resident', 'E12345678')).toBe(false);
  });

  it('mask numbers for screens and receipts', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('E12345678')).toBe('E1****678');
    expect(maskIdNumber('S2024')).toBe('S*024');
    expect(normalizeIdNumber(' h-1234 5678 ')).toBe('H12345678');
  });
});

describe('phone numbers', () => {
  it('accept mobiles, landlines and international numbers', () => {
    for (const good of ['13812345678', '+86 138 1234 5678', '0086 13812345678', '010-12345678', '0755 1234567', '+852 9123 4567', '+1 (415) 555-0100']) {
      expect(isPhone(good), good).toBe(true);
    }
  });

  it('refuse what is not a phone number', () => {
    for (const bad of ['12345', '12812345678', '1381234567', 'call me', '+0123456789', '']) expect(isPhone(bad), bad).toBe(false);
  });

  it('normalize and mask', () => {
    expect(normalizePhone(' 0086-138 1234 5678 ')).toBe('+8613812345678');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('list the forms a number may be stored in: mainland numbers with and without +86', () => {
    expect(phoneVariants('138 1234 5678')).toEqual(['13812345678', '+8613812345678']);
    expect(phoneVariants('+86 138 1234 5678')).toEqual(['13812345678', '+8613812345678']);
    // A search for a number, as stored numbers are looked through: no separators, no country code.
    expect(phoneSearchText('+86 138-1234 (5678)')).toBe('13812345678');
    expect(phoneSearchText('0086 138 1234 5678')).toBe('13812345678');
    expect(phoneSearchText('+852 9123 4567')).toBe('+85291234567');
    expect(phoneSearchText('5678')).toBe('5678');
    expect(phoneVariants('010-12345678')).toEqual(['01012345678', '+861012345678']);
    expect(phoneVariants('+852 9123 4567')).toEqual(['+85291234567']);
    expect(phoneVariants('5678')).toEqual([]);
  });
});
