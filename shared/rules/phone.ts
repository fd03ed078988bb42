/**
 * Phone numbers the counter can call back: a mainland mobile (11 digits from 13x to 19x), a
 * landline with its area code, or an international number with its country code.
 */
export function normalizePhone(raw: string): string {
  const trimmed = raw.trim().replace(/[\s()-]/g, '');
  return trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
}

export function isPhone(raw: string): boolean {
  const value = normalizePhone(raw);
  if (/^\+86/.test(value)) return isPhone(value.slice(3));
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}\d{7,8}$/.test(value) || /^\+[1-9]\d{6,14}$/.test(value);
}

/** `138****5678`: the phone as lists show it where the whole number is not needed. */
export function maskPhone(raw: string): string {
  const value = normalizePhone(raw);
  return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : value;
}

/**
 * Every stored form one phone number may have: as `normalizePhone` stores it, and a mainland
 * number both with and without +86 (a mobile `13812345678` ↔ `+8613812345678`, a landline
 * `01012345678` ↔ `+861012345678`). Empty when the text is no phone number.
 */
export function phoneVariants(raw: string): string[] {
  if (!isPhone(raw)) return [];
  const value = normalizePhone(raw);
  const national = value.startsWith('+86') ? (value.slice(3).startsWith('1') ? value.slice(3) : `0${value.slice(3)}`) : value;
  if (national.startsWith('+')) return [national];
  const international = `+86${national.startsWith('0') ? national.slice(1) : national}`;
  return [national, international];
}

/**
 * A typed search as it is looked for in stored phone numbers (kept normalized): without spaces,
 * dashes or brackets, and without a leading +86, so a contains-match finds the number whether it
 * was stored with the country code or not. Empty when the search has no characters of a number.
 */
export function phoneSearchText(query: string): string {
  const value = normalizePhone(query);
  return value.startsWith('+86') ? value.slice(3) : value;
}
