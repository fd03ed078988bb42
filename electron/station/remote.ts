import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import { connect } from 'node:tls';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { fieldErrorsOf, pairOutput, remotePairInput, stationLink, type ErrorBody, type Result, type StationLink } from '@shared/contract';
import { codeMatchesCertificate } from '@shared/rules/pairing';
import { IDEMPOTENCY_HEADER, LIVE_HEARTBEAT_MS, reply, secureHeaders, serveRenderer, STATION_HEADER } from './server';
import { writeFileWhole } from '../core/files';

/**
 * Station mode: ParkDesk on the broadcast room's or the duty office's PC. It has no database of
 * its own: it serves the app on this PC (127.0.0.1) and forwards every call and the live stream to
 * the counter over HTTPS, adding the station token it was given when it paired. It trusts exactly
 * one certificate: the counter's, checked against the pairing code and pinned by its fingerprint.
 */
export const STATION_FILE = 'station.json';
const CONNECT_TIMEOUT_MS = 4000;
/**
 * How long a call may wait for the counter's answer before the screen is told it is unreachable,
 * and how long a live stream may stay silent before the counter is taken as gone: three of its
 * keep-alives (a stream is quiet between events; one answer's wait would cut it at every pause).
 */
export interface RemoteTimings {
  answerMs: number;
  streamSilenceMs: number;
}
const TIMINGS: RemoteTimings = { answerMs: 15_000, streamSilenceMs: 3 * LIVE_HEARTBEAT_MS };

const stationConfig = z.object({
  counterUrl: z.string(),
  stationName: z.string().nullable(),
  stationId: z.number().int().nullable(),
  token: z.string().nullable(),
  /** The counter's certificate (PEM) and its SHA-256 fingerprint, pinned at pairing. */
  certificate: z.string().nullable(),
  fingerprint: z.string().nullable(),
  revoked: z.boolean(),
});
export type StationConfig = z.output<typeof stationConfig>;

/** Whether this PC was made a station (its pairing file is there, readable or not): then it never opens a database of its own. */
export function isStationPc(dataDir: string): boolean {
  return existsSync(join(dataDir, STATION_FILE));
}

/** This station's pairing, or undefined when it has none or its file is damaged (it is paired again). */
export function readStationConfig(dataDir: string): StationConfig | undefined {
  const file = join(dataDir, STATION_FILE);
  if (!existsSync(file)) return undefined;
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = stationConfig.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

function writeStationConfig(dataDir: string, config: StationConfig): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STATION_FILE);
  writeFileWhole(file, JSON.stringify(config, null, 2), { mode: 0o600 });
}

/** The certificate a server at `url` presents, before anything is sent to it. */
export function peerCertificate(url: string): Promise<{ pem: string; fingerprint: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false, timeout: CONNECT_TIMEOUT_MS }, () => {
      const peer = socket.getPeerCertificate(true);
      socket.end();
      if (!peer.raw) reject(new Error('no certificate'));
      else resolve({ pem: new X509Certificate(peer.raw).toString(), fingerprint: peer.fingerprint256 });
    });
    socket.once('timeout', () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
  });
}

export class CertificateChanged extends Error {}

/** OpenSSL's refusals of a certificate that is not the pinned one (a different self-signed one, most often). */
const CERTIFICATE_REFUSALS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

export function isCertificateRefusal(error: unknown): boolean {
  if (error instanceof CertificateChanged) return true;
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && CERTIFICATE_REFUSALS.has(error.code);
}

/** An agent that trusts only the pinned certificate, and only while its fingerprint is the same. */
function pinnedAgent(certificate: string, fingerprint: string, timings: RemoteTimings): Agent {
  return new Agent({
    ca: certificate,
    keepAlive: true,
    timeout: timings.answerMs,
    // The certificate is checked by its fingerprint, not by host name: a counter's address may change.
    checkServerIdentity: (_host, peer) => (peer.fingerprint256 === fingerprint ? undefined : new CertificateChanged('certificate changed')),
  });
}

interface Upstream {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  signal?: AbortSignal;
}

function isEventStream(response: IncomingMessage): boolean {
  return (response.headers['content-type'] ?? '').includes('text/event-stream');
}

function send(url: string, agent: Agent, call: Upstream, timings: RemoteTimings): Promise<IncomingMessage> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port: Number(port), method: call.method, path: call.path, agent, headers: call.headers, signal: call.signal }, (response) => {
      if (isEventStream(response)) req.setTimeout(timings.streamSilenceMs);
      resolve(response);
    });
    req.setTimeout(timings.answerMs, () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end(call.body);
  });
}

/**
 * The counter's live stream passed on to the screen. When it breaks (the counter gone, or silent
 * too long) the screen's stream ends as a stream ends, and the screen reconnects.
 */
function liveStreamOf(response: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const end = () => {
        if (!open) return;
        open = false;
        controller.close();
      };
      response.on('data', (chunk: Buffer) => {
        if (open) controller.enqueue(new Uint8Array(chunk));
      });
      response.once('end', end);
      response.once('error', end);
      response.once('close', end);
    },
    cancel() {
      response.destroy();
    },
  });
}

async function textOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const FORWARDED = ['authorization', 'content-type', 'accept', IDEMPOTENCY_HEADER, 'last-event-id'];
const KEPT = ['content-type', 'cache-control', 'x-parkdesk-now'];

const unreachable: ErrorBody = { code: 'UNAVAILABLE', message: 'errors.NETWORK' };
const certificateChanged: ErrorBody = { code: 'UNAVAILABLE', message: 'stations.errors.certificateChanged' };
const STATION_REFUSALS = new Set(['stations.errors.revoked', 'stations.errors.notPaired']);

function refusalOf(text: string): ErrorBody | undefined {
  try {
    const body = JSON.parse(text) as Result<unknown>;
    return body.ok ? undefined : body.error;
  } catch {
    return undefined;
  }
}

export interface RemoteOptions {
  dataDir: string;
  rendererDir?: string | undefined;
  /** The counter's address given at start (`--counter`); a paired station remembers its own. */
  counterUrl?: string | undefined;
  /** Tests shorten the waits. */
  timings?: RemoteTimings;
  log(message: string, error?: unknown): void;
}

export function createRemoteApp(options: RemoteOptions): Hono {
  const { dataDir, log } = options;
  const timings = options.timings ?? TIMINGS;
  let config = readStationConfig(dataDir);
  if (!config && isStationPc(dataDir)) log('the pairing file is damaged: this station must be paired again');
  let agent = config?.certificate && config.fingerprint ? pinnedAgent(config.certificate, config.fingerprint, timings) : undefined;
  const counterUrl = () => config?.counterUrl ?? options.counterUrl ?? null;

  const save = (next: StationConfig) => {
    config = next;
    writeStationConfig(dataDir, next);
    agent = next.certificate && next.fingerprint && next.token ? pinnedAgent(next.certificate, next.fingerprint, timings) : undefined;
  };
  /** The counter withdrew this station's token: forget it, remember why. */
  const forget = () => {
    if (!config?.token) return;
    log('the counter revoked this station; it must be paired again');
    save({ ...config, token: null, revoked: true });
  };

  const link = (): StationLink => ({
    mode: 'remote',
    paired: Boolean(config?.token),
    revoked: config?.revoked ?? false,
    counterUrl: counterUrl(),
    stationName: config?.stationName ?? null,
    fingerprint: config?.fingerprint ?? null,
  });

  const failure = (c: Context, error: unknown) => {
    if (isCertificateRefusal(error)) return reply(c, { ok: false, error: certificateChanged });
    return reply(c, { ok: false, error: unreachable });
  };

  const app = new Hono();
  secureHeaders(app);

  app.get('/api/station', async (c) => {
    const url = config?.counterUrl;
    if (config?.token && agent && url) {
      // Ask the counter whether this station still holds: a revoked one learns it here.
      try {
        const answer = stationLink.safeParse(JSON.parse(await textOf(await send(url, agent, { method: 'GET', path: '/api/station', headers: { [STATION_HEADER]: config.token } }, timings))));
        if (answer.success && answer.data.mode === 'lan' && !answer.data.paired) forget();
      } catch {
        // Unreachable: still paired as far as this PC knows; the screen shows the connection state.
      }
    }
    return c.json(link());
  });

  app.post('/api/station/pair', async (c) => {
    const parsed = remotePairInput.safeParse(await c.req.json().catch(() => ({})), { reportInput: true });
    if (!parsed.success) return reply(c, { ok: false, error: { code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) } });
    const { counterUrl: url, code, name } = parsed.data;
    let peer: { pem: string; fingerprint: string };
    try {
      peer = await peerCertificate(url);
    } catch {
      return reply(c, { ok: false, error: { code: 'UNAVAILABLE', message: 'errors.VALIDATION', fields: { counterUrl: { key: 'stations.errors.unreachable', params: { url } } } } });
    }
    // Nothing is sent to a PC whose certificate the code does not name.
    if (!codeMatchesCertificate(code, peer.fingerprint)) {
      return reply(c, { ok: false, error: { code: 'VALIDATION', message: 'errors.VALIDATION', fields: { code: { key: 'stations.errors.certificateMismatch', params: { url } } } } });
    }
    const pinned = pinnedAgent(peer.pem, peer.fingerprint, timings);
    try {
      const response = await send(url, pinned, {
        method: 'POST',
        path: '/api/stations.pair',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ code, name })),
      }, timings);
      const text = await textOf(response);
      const refusal = refusalOf(text);
      if (refusal) return reply(c, { ok: false, error: refusal });
      const paired = pairOutput.parse((JSON.parse(text) as { value: unknown }).value);
      save({ counterUrl: url, stationName: paired.name, stationId: paired.stationId, token: paired.token, certificate: peer.pem, fingerprint: peer.fingerprint, revoked: false });
      log(`paired with the counter at ${url} as “${paired.name}”`);
      return c.json({ ok: true, value: { stationId: paired.stationId, name: paired.name } });
    } catch (error) {
      return failure(c, error);
    } finally {
      pinned.destroy();
    }
  });

  app.all('/api/*', async (c) => {
    const url = config?.counterUrl;
    if (!config?.token || !agent || !url) {
      return reply(c, { ok: false, error: { code: 'FORBIDDEN', message: config?.revoked ? 'stations.errors.revoked' : 'stations.errors.notPaired' } });
    }
    const headers: Record<string, string> = { [STATION_HEADER]: config.token };
    for (const name of FORWARDED) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const method = c.req.method === 'GET' ? 'GET' : 'POST';
    const abort = new AbortController();
    c.req.raw.signal.addEventListener('abort', () => abort.abort());
    try {
      const body = method === 'POST' ? Buffer.from(await c.req.arrayBuffer()) : undefined;
      const response = await send(url, agent, { method, path: c.req.path, headers, ...(body ? { body } : {}), signal: abort.signal }, timings);
      const kept = new Headers();
      for (const name of KEPT) {
        const value = response.headers[name];
        if (typeof value === 'string') kept.set(name, value);
      }
      const status = response.statusCode ?? 502;
      if (isEventStream(response)) {
        return new Response(liveStreamOf(response), { status, headers: kept });
      }
      const text = await textOf(response);
      const refusal = refusalOf(text);
      if (refusal && STATION_REFUSALS.has(refusal.message)) forget();
      return new Response(text, { status, headers: kept });
    } catch (error) {
      if (abort.signal.aborted) return new Response(null, { status: 499 });
      return failure(c, error);
    }
  });

  serveRenderer(app, options.rendererDir);
  return app;
}
