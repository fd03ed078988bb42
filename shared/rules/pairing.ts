import { MINUTE } from './time';

/**
 * Pairing a station with the counter over the park LAN.
 *
 * The counter shows a pairing code of 12 characters, `K7Q2-3F9A-XC4M`: the first 4 are a secret
 * drawn for this pairing, the last 8 are the start of the SHA-256 fingerprint of the counter's TLS
 * certificate. A station that pairs checks the certificate it is shown against those 8 characters
 * before it sends anything, then pins the whole fingerprint: a machine in the middle would need a
 * certificate whose fingerprint starts with the same 40 bits. Typed once per PC.
 */

/** Crockford's base32: no I, L, O or U, so nothing reads as another character. */
export const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SECRET_LENGTH = 4;
export const FINGERPRINT_LENGTH = 8;
export const PAIRING_CODE_LENGTH = SECRET_LENGTH + FINGERPRINT_LENGTH;

/** How long a pairing code stays open once a manager shows it. */
export const PAIRING_OPEN_MS = 15 * MINUTE;
/** Wrong codes from one address within the window lock that address out for the block time. */
export const PAIRING_MAX_WRONG = 5;
export const PAIRING_WINDOW_MS = 10 * MINUTE;
export const PAIRING_BLOCK_MS = 10 * MINUTE;
/** Wrong codes from anywhere that close the open code (someone is guessing). */
export const PAIRING_MAX_WRONG_TOTAL = 20;

/** The code as typed (lower case, spaces, dashes, O for 0, I or L for 1) in its canonical form. */
export function normalizePairingCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isPairingCode(normalized: string): boolean {
  return normalized.length === PAIRING_CODE_LENGTH && [...normalized].every((char) => PAIRING_ALPHABET.includes(char));
}

/** `K7Q23F9AXC4M` → `K7Q2-3F9A-XC4M`. */
export function formatPairingCode(normalized: string): string {
  return normalized.match(/.{1,4}/g)?.join('-') ?? normalized;
}

export function splitPairingCode(normalized: string): { secret: string; fingerprint: string } {
  return { secret: normalized.slice(0, SECRET_LENGTH), fingerprint: normalized.slice(SECRET_LENGTH, PAIRING_CODE_LENGTH) };
}

/** A certificate fingerprint as Node and browsers print it (`94:02:E7:…`) or as plain hex, to bytes. */
export function fingerprintBytes(fingerprint: string): number[] {
  const hex = fingerprint.replace(/[^0-9a-fA-F]/g, '');
  const bytes: number[] = [];
  for (let index = 0; index + 1 < hex.length; index += 2) bytes.push(Number.parseInt(hex.slice(index, index + 2), 16));
  return bytes;
}

/** The first characters of a fingerprint in base32 (5 bits a character, most significant first). */
export function fingerprintPart(fingerprint: string, length = FINGERPRINT_LENGTH): string {
  let bits = '';
  for (const byte of fingerprintBytes(fingerprint)) bits += byte.toString(2).padStart(8, '0');
  let part = '';
  for (let index = 0; index + 5 <= bits.length && part.length < length; index += 5) part += PAIRING_ALPHABET[Number.parseInt(bits.slice(index, index + 5), 2)];
  return part;
}

/** A pairing code from a drawn secret and the certificate's fingerprint. */
export function pairingCodeFor(secret: string, fingerprint: string): string {
  return `${secret}${fingerprintPart(fingerprint)}`;
}

/** Whether the code a person typed names this certificate (its fingerprint part matches). */
export function codeMatchesCertificate(normalized: string, fingerprint: string): boolean {
  return splitPairingCode(normalized).fingerprint === fingerprintPart(fingerprint);
}

/** `94:02:E7:C6:…` in groups of four for reading aloud or comparing with a browser's certificate view. */
export function readableFingerprint(fingerprint: string): string {
  return fingerprintBytes(fingerprint)
    .map((byte) => byte.toString(16).padStart(2, '0').toUpperCase())
    .join(':');
}
