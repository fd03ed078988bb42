/**
 * Valid ID documents at the counter: a rental deposit and a lost-property claim both need one.
 * The numbers are checked here, in one place, for the forms and the core alike.
 */
export const ID_TYPES = ['resident', 'passport', 'hkMacau', 'taiwan', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Upper case, no spaces or dashes: how numbers are stored and compared. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * The 18-character resident ID card (居民身份证), also used by the residence permits of Hong Kong,
 * Macau and Taiwan residents: 17 digits, a real birth date, and the ISO 7064 MOD 11-2 check character.
 */
export function isResidentId(raw: string): boolean {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return CHECK[sum % 11] === value[17];
}

/** Whether a number is plausible for its document type. */
export function isValidIdNumber(type: IdType, raw: string): boolean {
  const value = normalizeIdNumber(raw);
  switch (type) {
    case 'resident':
      return isResidentId(value);
    case 'passport':
      return /^[A-Z0-9]{5,20}$/.test(value);
    case 'hkMacau':
      // 港澳居民来往内地通行证: H or M, then 8 or 10 digits.
      return /^[HM]\d{8}(\d{2})?$/.test(value);
    case 'taiwan':
      // 台湾居民来往大陆通行证: 8 digits (older cards 10 characters).
      return /^\d{8}([\dA-Z]{2})?$/.test(value);
    case 'other':
      return /^[A-Z0-9]{4,30}$/.test(value);
  }
}

/** As shown and printed: `1101**********1234` for an ID card, the ends of anything else. */
export function maskIdNumber(raw: string): string {
  const value = normalizeIdNumber(raw);
  if (value.length === 18) return `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(-4)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 8 ? 2 : 1;
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep - 3)}${value.slice(-3)}`;
}
