import { z } from 'zod';
import { normalizeCounterUrl } from '../rules/stations';
import { isPairingCode, normalizePairingCode } from '../rules/pairing';
import { epochMs, id } from './common';
import { emptyInput, event, MANAGERS, method, okOutput } from './define';
import { rule } from './validation';

/**
 * Stations on the park LAN: the counter PC holds the database; the broadcast room and the duty
 * manager's office pair once with a code the counter shows and keep a station token. Staff then
 * sign in there with their own PIN; roles are checked by the counter.
 */

/** A pairing code as typed: `k7q2 3f9a xc4m` is read as `K7Q23F9AXC4M`. */
export const pairingCode = z
  .string()
  .max(40)
  .transform(normalizePairingCode)
  .refine(isPairingCode, rule('stations.errors.codeFormat'));

/** What the station is called in the counter's list ("广播室", "Duty office"). */
export const stationName = z.string().trim().min(1).max(40);

/** The counter's LAN address as typed (`192.168.1.20`, `counter:4781`, `https://…`), as an https URL. */
export const counterUrl = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((text, ctx) => {
    const url = normalizeCounterUrl(text);
    if (url === undefined) {
      ctx.addIssue({ code: 'custom', input: text, message: 'stations.errors.counterUrl' });
      return z.NEVER;
    }
    return url;
  });

export const pairInput = z.object({ code: pairingCode, name: stationName }).strict();
export type PairInput = z.input<typeof pairInput>;

/** A station process pairing itself: also where the counter is. */
export const remotePairInput = pairInput.extend({ counterUrl }).strict();
export type RemotePairInput = z.input<typeof remotePairInput>;

export const pairOutput = z.object({ stationId: id, name: z.string(), token: z.string() });

export const sharingStatus = z.object({
  /** The manager's setting. */
  enabled: z.boolean(),
  /** Whether the counter listens on the LAN now. */
  listening: z.boolean(),
  port: z.number().int().nullable(),
  /** The addresses other PCs reach the counter at. */
  addresses: z.array(z.string()),
  /** SHA-256 of the counter's certificate, `94:02:E7:…`: what a browser's certificate view shows. */
  fingerprint: z.string().nullable(),
  /** Why sharing is not listening (the port is taken …). */
  problem: z.string().nullable(),
  /** The open pairing code, formatted `K7Q2-3F9A-XC4M`, and until when. */
  pairing: z.object({ code: z.string(), expiresAt: epochMs, openedBy: z.string() }).nullable(),
});
export type SharingStatus = z.output<typeof sharingStatus>;

export const stationView = z.object({
  id,
  name: z.string(),
  pairedAt: epochMs,
  pairedBy: z.string(),
  lastSeenAt: epochMs.nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: epochMs.nullable(),
  revokedBy: z.string().nullable(),
});
export type StationView = z.output<typeof stationView>;

/**
 * How this screen reaches the counter (`GET /api/station`, answered by whichever server serves it):
 * - `counter`: on the counter PC itself (the kiosk window, or a browser on the PC);
 * - `lan`: a browser on another PC, straight to the counter; it keeps the station token;
 * - `remote`: ParkDesk in station mode on another PC; the station process keeps the token.
 */
export const stationLink = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('counter') }),
  z.object({ mode: z.literal('lan'), paired: z.boolean(), revoked: z.boolean() }),
  z.object({
    mode: z.literal('remote'),
    paired: z.boolean(),
    revoked: z.boolean(),
    counterUrl: z.string().nullable(),
    stationName: z.string().nullable(),
    fingerprint: z.string().nullable(),
  }),
]);
export type StationLink = z.output<typeof stationLink>;

export const stationsMethods = {
  'stations.status': method({
    summary: 'Sharing on the park LAN: listening or not, the addresses, the certificate fingerprint, the open pairing code.',
    access: MANAGERS,
    mode: 'read',
    input: emptyInput,
    output: sharingStatus,
  }),
  'stations.openPairing': method({
    summary: 'Open a pairing code for the next station (15 minutes, one station); replaces an open one.',
    access: MANAGERS,
    mode: 'write',
    input: emptyInput,
    output: z.object({ code: z.string(), expiresAt: epochMs }),
  }),
  'stations.closePairing': method({
    summary: 'Close the open pairing code.',
    access: MANAGERS,
    mode: 'write',
    input: emptyInput,
    output: okOutput,
  }),
  'stations.pair': method({
    summary: 'A PC on the LAN pairs with the open code and gets its station token. Wrong codes are counted and throttled.',
    access: 'public',
    mode: 'custom',
    input: pairInput,
    output: pairOutput,
  }),
  'stations.list': method({
    summary: 'Paired stations, revoked ones included, newest first.',
    access: MANAGERS,
    mode: 'read',
    input: emptyInput,
    output: z.array(stationView),
  }),
  'stations.revoke': method({
    summary: 'Withdraw a station’s token: its screens are locked out at once and its staff signed out.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ stationId: id }).strict(),
    output: okOutput,
  }),
};

export const stationsEvents = {
  'stations.changed': event({
    summary: 'Sharing started or stopped, a pairing code opened or closed, a station paired.',
    payload: z.object({ stationId: id.nullable() }),
    affects: ['stations.status', 'stations.list'],
  }),
  'stations.paired': event({
    summary: 'A station paired with the open code (the counter’s screen says so).',
    payload: z.object({ stationId: id, name: z.string() }),
    affects: ['stations.status', 'stations.list'],
  }),
  'stations.revoked': event({
    summary: 'A station’s token was withdrawn; the transports close its live streams at once.',
    payload: z.object({ stationId: id }),
    affects: ['stations.status', 'stations.list'],
  }),
};
