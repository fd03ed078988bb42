import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, StationLink } from '@shared/contract';
import { normalizePairingCode, PAIRING_ALPHABET } from '@shared/rules/pairing';
import { MINUTE } from '@shared/rules/time';
import { startSharing, type Sharing } from '../../electron/station/lan';
import { createRemoteApp, isStationPc, readStationConfig, STATION_FILE, type RemoteTimings } from '../../electron/station/remote';
import { makeCore, tempDir, type TestCore } from '../support/core';
import { startRelay, type Relay } from '../support/relay';

/**
 * The counter's core with sharing on (HTTPS on loopback), a station-mode app on its own data
 * folder, and a TCP relay between them standing in for the park LAN. Real TLS, real SQLite.
 */
const MANAGER = { name: '王经理', code: 'M001', pin: '246810' };
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, server }));
    closers.push(() => new Promise<void>((done) => server.close(() => done())));
  });
}

interface Counter {
  test: TestCore;
  token: string;
  sharing: Sharing;
  lanPort: number;
}

/** Keep-alives and waits a test can sit through: the counter's heartbeat, the station's timeouts. */
interface Timings {
  heartbeatMs?: number;
  remote?: RemoteTimings;
}

async function sharedCounter(timings: Timings = {}): Promise<Counter> {
  const test = makeCore();
  const setup = await test.ok('setup.complete', { parkName: '阳光水世界', defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai', manager: MANAGER });
  const sharing = startSharing({ core: test.core, host: '127.0.0.1', port: 0, log: () => undefined, ...(timings.heartbeatMs === undefined ? {} : { heartbeatMs: timings.heartbeatMs }) });
  closers.push(() => sharing.stop());
  await test.ok('settings.update', { sharingEnabled: true }, setup.token);
  await sharing.settled();
  const status = await test.ok('stations.status', {}, setup.token);
  expect(status).toMatchObject({ enabled: true, listening: true, problem: null });
  expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  return { test, token: setup.token, sharing, lanPort: status.port ?? 0 };
}

/** A station-mode app on its own data folder, reaching the counter through a relay. */
async function stationThrough(relay: Relay, timings?: RemoteTimings) {
  const dir = tempDir('parkdesk-station-');
  const app = createRemoteApp({ dataDir: dir, counterUrl: `https://127.0.0.1:${relay.port}`, log: () => undefined, ...(timings ? { timings } : {}) });
  const { url } = await listen(app.fetch);
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Result<Record<string, unknown>> };
  };
  return {
    dir,
    url,
    post,
    link: async () => (await (await fetch(`${url}/api/station`)).json()) as StationLink,
    call: (method: string, input: unknown, token?: string, key?: string) =>
      post(`/api/${method}`, input, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) }),
  };
}

/** Straight to the counter's self-signed LAN listener, as a browser that accepted its certificate. */
function lanRequest(port: number, path: string, method = 'GET', body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`https://127.0.0.1:${port}${path}`, { method, rejectUnauthorized: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function openCode(counter: Counter): Promise<string> {
  return (await counter.test.ok('stations.openPairing', {}, counter.token)).code;
}

/** A code with the right certificate part and a wrong secret. */
function wrongSecret(code: string): string {
  const normal = normalizePairingCode(code);
  const first = normal[0] === PAIRING_ALPHABET[0] ? PAIRING_ALPHABET[1] : PAIRING_ALPHABET[0];
  return `${first}${normal.slice(1)}`;
}

async function pairedStation(timings: Timings = {}) {
  const counter = await sharedCounter(timings);
  const relay = await startRelay(counter.lanPort);
  closers.push(() => relay.close());
  const station = await stationThrough(relay, timings.remote);
  const code = await openCode(counter);
  const paired = await station.post('/api/station/pair', { counterUrl: `127.0.0.1:${relay.port}`, code, name: '广播室' });
  expect(paired.body).toEqual({ ok: true, value: { stationId: expect.any(Number), name: '广播室' } });
  const signIn = await station.call('auth.signIn', { staffId: 1, pin: MANAGER.pin });
  if (!signIn.body.ok) throw new Error(JSON.stringify(signIn.body.error));
  return { counter, relay, station, staffToken: String(signIn.body.value.token) };
}

describe('stations on the park LAN', () => {
  it('serves nothing but the app and pairing to a PC without a station token', async () => {
    const counter = await sharedCounter();
    const get = (path: string, method = 'GET', body?: string) => lanRequest(counter.lanPort, path, method, body);
    const info = await get('/api/system.info', 'POST', '{}');
    expect(info.status).toBe(403);
    expect(JSON.parse(info.text)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'stations.errors.notPaired' } });
    expect((await get('/api/events')).status).toBe(403);
    expect((await get('/api')).status).toBe(403);
    expect(JSON.parse((await get('/api/station')).text)).toEqual({ mode: 'lan', paired: false, revoked: false });
    // Pairing answers, and refuses a code that is not open.
    const pair = await get('/api/stations.pair', 'POST', JSON.stringify({ code: 'AAAA-BBBB-CCCC', name: 'x' }));
    expect(JSON.parse(pair.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: { key: 'stations.errors.wrongCode' } } } });
  });

  it('pairs a station with the open code, pins the counter’s certificate, and lets its staff work there', async () => {
    const { counter, station, staffToken } = await pairedStation();
    const config = readStationConfig(station.dir);
    const status = await counter.test.ok('stations.status', {}, counter.token);
    expect(config).toMatchObject({ stationName: '广播室', fingerprint: status.fingerprint, revoked: false });
    expect(config?.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The code is used up; the station is listed with who opened the code.
    expect(status.pairing).toBeNull();
    expect(await counter.test.ok('stations.list', {}, counter.token)).toEqual([
      expect.objectContaining({ name: '广播室', pairedBy: MANAGER.name, revokedAt: null, lastAddress: '127.0.0.1' }),
    ]);
    expect(await station.link()).toMatchObject({ mode: 'remote', paired: true, stationName: '广播室' });
    const me = await station.call('auth.me', {}, staffToken);
    expect(me.body).toMatchObject({ ok: true, value: { staff: { name: MANAGER.name } } });
    // A session opened on the station is not valid on the counter PC itself.
    expect(await counter.test.fails('auth.me', {}, staffToken)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('sends nothing to a PC whose certificate the code does not name', async () => {
    const counter = await sharedCounter();
    const relay = await startRelay(counter.lanPort);
    closers.push(() => relay.close());
    const station = await stationThrough(relay);
    const code = normalizePairingCode(await openCode(counter));
    const forged = `${code.slice(0, 4)}${code[4] === '0' ? '1' : '0'}${code.slice(5)}`;
    const answer = await station.post('/api/station/pair', { counterUrl: `127.0.0.1:${relay.port}`, code: forged, name: '广播室' });
    expect(answer.body).toMatchObject({ ok: false, error: { fields: { code: { key: 'stations.errors.certificateMismatch' } } } });
    // The counter never saw the code: no wrong try counted, the code still open.
    expect(counter.test.core.db?.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'stations.pairFailed'").get()).toEqual({ n: 0 });
    expect((await counter.test.ok('stations.status', {}, counter.token)).pairing).not.toBeNull();
  });

  it('throttles wrong pairing codes from a PC, and lets it try again when the time is up', async () => {
    const counter = await sharedCounter();
    const relay = await startRelay(counter.lanPort);
    closers.push(() => relay.close());
    const station = await stationThrough(relay);
    const code = await openCode(counter);
    const input = { counterUrl: `127.0.0.1:${relay.port}`, code: wrongSecret(code), name: '值班室' };
    for (const left of [4, 3, 2, 1]) {
      expect((await station.post('/api/station/pair', input)).body).toMatchObject({ ok: false, error: { fields: { code: { key: 'stations.errors.wrongCode', params: { left } } } } });
    }
    expect((await station.post('/api/station/pair', input)).body).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'stations.errors.tooManyTries', params: { minutes: 10 } } });
    // Even the right code is refused while locked out.
    expect((await station.post('/api/station/pair', { ...input, code })).body).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    counter.test.clock.advance(9 * MINUTE);
    expect((await station.post('/api/station/pair', { ...input, code })).body).toMatchObject({ ok: false, error: { code: 'LOCKED', params: { minutes: 1 } } });
    counter.test.clock.advance(MINUTE + 1);
    expect((await station.post('/api/station/pair', { ...input, code })).body).toMatchObject({ ok: true, value: { name: '值班室' } });
    const audit = counter.test.core.db?.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'stations.pairFailed'").get();
    expect(audit).toEqual({ n: 5 });
  });

  it('does a write once when its answer is lost and the station sends it again', async () => {
    const { counter, relay, station, staffToken } = await pairedStation();
    const db = counter.test.core.db;
    if (!db) throw new Error('no database');
    const staffCount = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff').get()?.n;
    const before = staffCount();
    const input = { code: 'C07', name: '赵敏', role: 'counter', pin: '1357' };
    const key = 'submission-0000000000000001';
    relay.loseNextAnswer();
    const lost = await station.call('staff.create', input, staffToken, key);
    expect(lost.body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } });
    // The counter did it; the station does not know.
    expect(staffCount()).toBe((before ?? 0) + 1);
    const again = await station.call('staff.create', input, staffToken, key);
    expect(again.body).toMatchObject({ ok: true, value: { name: '赵敏', code: 'C07' } });
    expect(staffCount()).toBe((before ?? 0) + 1);
    // The same key with other details is a different submission: refused, nothing changed.
    const reused = await station.call('staff.create', { ...input, code: 'C08' }, staffToken, key);
    expect(reused.body).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.idempotencyReused' } });
    expect(staffCount()).toBe((before ?? 0) + 1);
  });

  it('does a check-out once when its answer is lost (a method that keeps its own transactions): the same receipt, one rental', async () => {
    const { counter, relay, station, staffToken } = await pairedStation();
    const db = counter.test.core.db;
    if (!db) throw new Error('no database');
    const board = await counter.test.ok('rentals.board', {}, counter.token);
    const typeId = board.types.find((type) => type.code === 'umbrella')?.id ?? 0;
    const unit = await counter.test.ok('rentals.units.add', { typeId, tag: 'UM-LAN-1' }, counter.token);
    await counter.test.ok('rentals.inspect', { unitId: unit.id, result: 'ok' }, counter.token);
    const rentals = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM rental').get()?.n ?? 0;
    const before = rentals();
    const input = { unitTag: 'UM-LAN-1', visitorName: '李游客', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment: 'cash' };
    const key = 'submission-checkout-000000001';
    relay.loseNextAnswer();
    const lost = await station.call('rentals.checkOut', input, staffToken, key);
    expect(lost.body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } });
    expect(rentals()).toBe(before + 1);
    const again = await station.call('rentals.checkOut', input, staffToken, key);
    if (!again.body.ok) throw new Error(JSON.stringify(again.body.error));
    const receiptNo = db.prepare<[], { receipt_no: string }>('SELECT receipt_no FROM rental ORDER BY id DESC LIMIT 1').get()?.receipt_no;
    expect(again.body.value).toMatchObject({ rental: { receiptNo } });
    expect(rentals()).toBe(before + 1);
    // Without the key, the same details are a second check-out: refused, the unit is out.
    expect((await station.call('rentals.checkOut', input, staffToken)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The same key for another submission: refused, nothing changed.
    expect((await station.call('rentals.checkOut', { ...input, visitorName: '王游客' }, staffToken, key)).body).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'errors.idempotencyReused' } });
    expect(rentals()).toBe(before + 1);
  });

  it('counts a mistyped PIN once when its answer is lost and the station sends it again: the same refusal, one try used', async () => {
    const { counter, relay, station, staffToken } = await pairedStation();
    const db = counter.test.core.db;
    if (!db) throw new Error('no database');
    const failedPins = () => db.prepare<[], { n: number }>('SELECT failed_pins AS n FROM staff WHERE id = 1').get()?.n;
    const input = { currentPin: '999999', newPin: '135791' };
    const key = 'submission-changepin-000000001';
    relay.loseNextAnswer();
    expect((await station.call('auth.changePin', input, staffToken, key)).body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } });
    expect(failedPins()).toBe(1);
    // The client sends the same submission again, as often as it takes: each gets the first refusal.
    for (let again = 0; again < 5; again += 1) {
      expect((await station.call('auth.changePin', input, staffToken, key)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.wrongPin', params: { remaining: 4 } } });
    }
    expect(failedPins()).toBe(1);
    expect((await station.call('auth.me', {}, staffToken)).body).toMatchObject({ ok: true });
    // Typed again (a new submission): counted.
    expect((await station.call('auth.changePin', input, staffToken)).body).toMatchObject({ ok: false, error: { params: { remaining: 3 } } });
    expect(failedPins()).toBe(2);
  });

  it('tells the screen when the LAN is cut, and works again once it is back', async () => {
    const { relay, station, staffToken } = await pairedStation();
    relay.cut();
    expect((await station.call('auth.me', {}, staffToken)).body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } });
    // Still paired as far as this PC knows.
    expect(await station.link()).toMatchObject({ paired: true });
    relay.restore();
    expect((await station.call('auth.me', {}, staffToken)).body).toMatchObject({ ok: true });
  });

  it('keeps the staff of a station signed in while the counter restarts: the station is told it is away, then works on with the same token', async () => {
    const { counter, station, staffToken } = await pairedStation();
    await counter.sharing.stop();
    const restarted = counter.test.reopen();
    expect((await station.call('auth.me', {}, staffToken)).body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } });
    const sharing = startSharing({ core: restarted.core, host: '127.0.0.1', port: counter.lanPort, log: () => undefined });
    closers.push(() => sharing.stop());
    await sharing.settled();
    expect((await station.call('auth.me', {}, staffToken)).body).toMatchObject({ ok: true, value: { staff: { name: MANAGER.name } } });
    const written = await station.call('staff.create', { code: 'C09', name: '孙琳', role: 'counter', pin: '2468' }, staffToken, 'submission-0000000000000009');
    expect(written.body).toMatchObject({ ok: true, value: { name: '孙琳' } });
  });

  /** The event names a live stream sends until it ends or `until` says stop, and how it ended. */
  async function follow(stream: ReadableStreamDefaultReader<string>, until: (events: string[]) => boolean): Promise<{ events: string[]; ended: boolean }> {
    const events: string[] = [];
    for (;;) {
      const chunk = await stream.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return { events, ended: true };
      for (const match of chunk.value.matchAll(/^event: (\S+)$/gm)) events.push(match[1] ?? '');
      if (until(events)) return { events, ended: false };
    }
  }

  it('keeps a quiet live stream open across many keep-alives, and ends it when the counter falls silent (a cable pulled)', async () => {
    // Scaled down from 15 s keep-alives, 15 s for an answer and 45 s of silence; here an answer's
    // wait is shorter than the pause between keep-alives, so a stream held to it would be cut.
    const { relay, station, staffToken } = await pairedStation({ heartbeatMs: 250, remote: { answerMs: 150, streamSilenceMs: 800 } });
    const events = await fetch(`${station.url}/api/events`, { headers: { authorization: `Bearer ${staffToken}` } });
    const reader = events.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no live stream');
    // Five keep-alives: 1.25 s with nothing else sent.
    const quiet = await follow(reader, (seen) => seen.filter((name) => name === 'time').length >= 5);
    expect(quiet).toEqual({ events: ['hello', ...Array<string>(5).fill('time')], ended: false });

    // Nothing comes through any more, and no reset either: the stream ends, so the screen shows it and reconnects.
    relay.stall();
    const started = Date.now();
    expect((await follow(reader, () => false)).ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('locks a revoked station out at once: its live stream is told, its calls refused, its token forgotten', async () => {
    const { counter, station, staffToken } = await pairedStation();
    const events = await fetch(`${station.url}/api/events`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(events.status).toBe(200);
    const reader = events.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no live stream');
    let seen = '';
    while (!seen.includes('event: hello')) seen += (await reader.read()).value ?? '';

    const [listed] = await counter.test.ok('stations.list', {}, counter.token);
    await counter.test.ok('stations.revoke', { stationId: listed?.id ?? 0 }, counter.token);
    while (!seen.includes('event: station-revoked')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      seen += chunk.value;
    }
    expect(seen).toContain('event: station-revoked');

    const refused = await station.call('auth.me', {}, staffToken);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'stations.errors.revoked' } });
    expect(readStationConfig(station.dir)).toMatchObject({ token: null, revoked: true });
    expect(await station.link()).toMatchObject({ mode: 'remote', paired: false, revoked: true });
    expect(await counter.test.ok('stations.list', {}, counter.token)).toEqual([expect.objectContaining({ revokedBy: MANAGER.name })]);
    expect(await counter.test.fails('stations.revoke', { stationId: listed?.id ?? 0 }, counter.token)).toMatchObject({ code: 'CONFLICT' });
  });

  it('starts as a station to pair again when its pairing file is damaged (a power cut while it was written), never as a counter', async () => {
    const dir = tempDir('parkdesk-station-');
    writeFileSync(join(dir, STATION_FILE), '{"counterUrl": "https://192.168');
    expect(isStationPc(dir)).toBe(true);
    expect(readStationConfig(dir)).toBeUndefined();
    const logged: string[] = [];
    const app = createRemoteApp({ dataDir: dir, log: (message) => logged.push(message) });
    const { url } = await listen(app.fetch);
    expect(await (await fetch(`${url}/api/station`)).json()).toMatchObject({ mode: 'remote', paired: false });
    expect(logged).toEqual(['the pairing file is damaged: this station must be paired again']);
  });

  it('refuses a counter whose certificate is no longer the pinned one', async () => {
    const { counter, station, staffToken } = await pairedStation();
    // The counter's certificate is made anew (a reinstall): sharing restarts with it.
    await counter.test.ok('settings.update', { sharingEnabled: false }, counter.token);
    await counter.sharing.settled();
    rmSync(join(counter.test.dir, 'tls'), { recursive: true, force: true });
    await counter.test.ok('settings.update', { sharingEnabled: true }, counter.token);
    await counter.sharing.settled();
    const port = (await counter.test.ok('stations.status', {}, counter.token)).port ?? 0;
    const relay = await startRelay(port);
    closers.push(() => relay.close());
    const config = readStationConfig(station.dir);
    if (!config) throw new Error('no station config');
    writeFileSync(join(station.dir, 'station.json'), JSON.stringify({ ...config, counterUrl: `https://127.0.0.1:${relay.port}` }));
    const moved = createRemoteApp({ dataDir: station.dir, log: () => undefined });
    const response = await moved.request('/api/auth.me', { method: 'POST', headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' }, body: '{}' });
    expect(await response.json()).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'stations.errors.certificateChanged' } });
  });

  it('turns sharing off and on with the setting, and explains a port that is taken', async () => {
    const counter = await sharedCounter();
    await counter.test.ok('settings.update', { sharingEnabled: false }, counter.token);
    await counter.sharing.settled();
    expect(await counter.test.ok('stations.status', {}, counter.token)).toMatchObject({ enabled: false, listening: false, port: null });
    expect(await counter.test.fails('stations.openPairing', {}, counter.token)).toMatchObject({ code: 'CONFLICT', message: 'stations.errors.sharingOff' });

    await counter.test.ok('settings.update', { sharingEnabled: true }, counter.token);
    await counter.sharing.settled();
    const { port } = await counter.test.ok('stations.status', {}, counter.token);
    // Another program holds the port: sharing says so instead of pretending to listen.
    const busy = startSharing({ core: counter.test.core, host: '127.0.0.1', port: port ?? 0, log: () => undefined });
    closers.push(() => busy.stop());
    await busy.settled();
    expect(await counter.test.ok('stations.status', {}, counter.token)).toMatchObject({ listening: false, problem: `port ${port} is in use` });
  });
});

describe('the renderer on the LAN listener', () => {
  it('serves the app’s files without a station token', async () => {
    const test = makeCore();
    const setup = await test.ok('setup.complete', { parkName: 'P', defaultLanguage: 'en', timeZone: 'Asia/Shanghai', manager: MANAGER });
    const rendererDir = tempDir('parkdesk-renderer-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ParkDesk</title>');
    const sharing = startSharing({ core: test.core, rendererDir, host: '127.0.0.1', port: 0, log: () => undefined });
    closers.push(() => sharing.stop());
    await test.ok('settings.update', { sharingEnabled: true }, setup.token);
    await sharing.settled();
    const { port } = await test.ok('stations.status', {}, setup.token);
    const page = (await lanRequest(port ?? 0, '/')).text;
    expect(page).toContain('<title>ParkDesk</title>');
    expect(readFileSync(join(test.dir, 'tls', 'counter-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });
});
