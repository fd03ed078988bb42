import { normalizeIdNumber } from './identity';
import { phoneVariants } from './phone';
import { atParkTime, HOUR, parkDate } from './time';

/**
 * When a rental is due back unless the clerk says otherwise: closing time today; once the park
 * has closed (an evening loan), an hour from now.
 */
export function defaultDueAt(now: number, park: { closingTime: string; timeZone: string }): number {
  const closing = atParkTime(parkDate(now, park.timeZone), park.closingTime, park.timeZone);
  return closing > now ? closing : now + HOUR;
}

/**
 * The due time a clerk picks as a time of day: today at that time, or tomorrow when that time has
 * already passed today (19:00 picked at 20:15 means tomorrow evening, not a time in the past).
 */
export function dueAtFromTime(now: number, timeOfDay: string, timeZone: string): number {
  const today = atParkTime(parkDate(now, timeZone), timeOfDay, timeZone);
  if (today > now) return today;
  return atParkTime(parkDate(now + 24 * HOUR, timeZone), timeOfDay, timeZone);
}

/** What a counter search for a rental without its receipt can be. */
export interface LostReceiptQuery {
  /** The text as a receipt number (`R20261129-0001`): upper case, without spaces. */
  receiptNo: string;
  /** The text as an ID number, as ID numbers are stored (`normalizeIdNumber`). */
  idNumber: string;
  /** The phone number in each form it may be stored in (none when it is no phone number). */
  phones: string[];
  /** The last four digits of the phone and the visitor's name, in either order (`5678 李游客`). */
  nameAndLast4: { name: string; last4: string } | null;
}

export function parseLostReceiptQuery(query: string): LostReceiptQuery {
  const text = query.trim().replace(/\s+/g, ' ');
  const match = /^(\d{4}) ?(\D.*)$/.exec(text) ?? /^(.*\D) ?(\d{4})$/.exec(text);
  const [digits, name] = match ? (/^\d{4}$/.test(match[1] ?? '') ? [match[1], match[2]] : [match[2], match[1]]) : [undefined, undefined];
  const cleanName = name?.trim() ?? '';
  return {
    receiptNo: text.replace(/\s/g, '').toUpperCase(),
    idNumber: normalizeIdNumber(text),
    phones: phoneVariants(text),
    nameAndLast4: digits && cleanName && !/\d/.test(cleanName) ? { name: cleanName, last4: digits } : null,
  };
}

/**
 * The receipt's check code: four characters printed on the deposit receipt and carried in its QR
 * code and barcode (`R20261129-0042-K7Q2`), never shown on a screen. Letters and digits that cannot
 * be mistaken for one another when typed from the paper (no 0/O, 1/I/L).
 */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_CODE = /^[2-9A-HJKMNP-Z]{4}$/;
const VOUCHER = new RegExp(`^(R\\d{8}-\\d{4,})-(${CHECK_CODE.source.slice(1, -1)})$`);

/** What the receipt's QR code and barcode carry: the receipt number and its check code. */
export function voucherOf(receiptNo: string, checkCode: string | null): string {
  return checkCode ? `${receiptNo}-${checkCode}` : receiptNo;
}

/** A scanned or typed voucher (`R20261129-0042-K7Q2`, any case) as its receipt number and check code. */
export function parseVoucher(text: string): { receiptNo: string; checkCode: string } | undefined {
  const match = VOUCHER.exec(text.trim().toUpperCase());
  return match?.[1] && match[2] ? { receiptNo: match[1], checkCode: match[2] } : undefined;
}
