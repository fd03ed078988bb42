import { describe, expect, it } from 'vitest';
import type { ErrorBody, Result } from '../../shared/contract';
import { ApiError, createApi, RETRY_DELAYS_MS, type ApiEvents } from '../../renderer/src/api/client';
import type { CallOptions, Transport } from '../../renderer/src/api/transport';

interface Sent {
  method: string;
  token: string | undefined;
  options: CallOptions | undefined;
  release(result: Result<unknown>): void;
}

/** A transport whose answers the test gives by hand, to put them in any order. */
function heldTransport() {
  const pending: Sent[] = [];
  const transport: Transport = {
    kind: 'http',
    call: (method, _input, token, options) => new Promise((release) => pending.push({ method, token, options, release })),
    live: () => () => undefined,
    link: () => Promise.resolve({ mode: 'counter' }),
    pair: () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'errors.CONFLICT' } }),
  };
  return { transport, pending };
}

/** A transport that answers from a script, one answer per call, recording what was sent. */
function scriptedTransport(answers: Array<Result<unknown>>) {
  const sent: Array<{ method: string; options: CallOptions | undefined }> = [];
  const transport: Transport = {
    kind: 'http',
    call: (method, _input, _token, options) => {
      sent.push({ method, options });
      return Promise.resolve(answers.shift() ?? { ok: true, value: {} });
    },
    live: () => () => undefined,
    link: () => Promise.resolve({ mode: 'counter' }),
    pair: () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'errors.CONFLICT' } }),
  };
  return { transport, sent };
}

function recorder() {
  const ended: ErrorBody[] = [];
  const refused: ErrorBody[] = [];
  const events: ApiEvents = { onUnauthenticated: (body) => ended.push(body), onStationRefused: (body) => refused.push(body) };
  return { ended, refused, events };
}

const signInRequired: Result<never> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.signInRequired' } };
const offline: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } };
const noWait = { wait: () => Promise.resolve() };
const newClerk = { code: 'C07', name: '赵敏', role: 'counter' as const, pin: '1357' };

describe('the renderer API client', () => {
  it('ends the session when the counter says the current token is no longer valid', async () => {
    const { transport, pending } = heldTransport();
    const { ended, events } = recorder();
    const api = createApi(transport, () => 'token-a', events);
    const call = api.call('auth.roster', {});
    pending[0]?.release(signInRequired);
    await expect(call).rejects.toBeInstanceOf(ApiError);
    expect(ended).toEqual([signInRequired.error]);
  });

  it('ignores a late refusal of a call made with an earlier token', async () => {
    const { transport, pending } = heldTransport();
    let current: string | undefined = 'token-a';
    const { ended, events } = recorder();
    const api = createApi(transport, () => current, events);
    const late = api.call('auth.roster', {});
    // Clerk A signs out and clerk B signs in before A's call is answered.
    current = 'token-b';
    pending[0]?.release(signInRequired);
    await expect(late).rejects.toBeInstanceOf(ApiError);
    current = undefined;
    const afterSignOut = api.call('auth.roster', {});
    expect(pending[1]?.token).toBeUndefined();
    pending[1]?.release(signInRequired);
    await expect(afterSignOut).rejects.toBeInstanceOf(ApiError);
    expect(ended).toEqual([]);
  });

  it('sends a write again with the same key while the counter cannot be reached, until it answers', async () => {
    const { transport, sent } = scriptedTransport([offline, offline, { ok: true, value: { id: 7 } }]);
    const api = createApi(transport, () => 'token', recorder().events, noWait);
    await expect(api.call('staff.create', newClerk)).resolves.toEqual({ id: 7 });
    expect(sent).toHaveLength(3);
    const keys = new Set(sent.map((call) => call.options?.idempotencyKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('says a write is not confirmed when the counter stays unreachable, and keeps its key for the same submission', async () => {
    const tries = RETRY_DELAYS_MS.length + 1;
    const { transport, sent } = scriptedTransport([...Array.from({ length: tries }, () => offline), { ok: true, value: { id: 8 } }]);
    const api = createApi(transport, () => 'token', recorder().events, noWait);
    await expect(api.call('staff.create', newClerk)).rejects.toMatchObject({ body: { code: 'UNAVAILABLE', message: 'errors.notConfirmed' } });
    expect(sent).toHaveLength(tries);
    // Saved again once the connection is back: the same key, so the counter cannot do it twice.
    await expect(api.call('staff.create', newClerk)).resolves.toEqual({ id: 8 });
    expect(new Set(sent.map((call) => call.options?.idempotencyKey)).size).toBe(1);
    // A new submission afterwards is a new key.
    await api.call('staff.create', newClerk);
    expect(sent.at(-1)?.options?.idempotencyKey).not.toBe(sent[0]?.options?.idempotencyKey);
  });

  it('sends reads once, without a key, and does not retry them', async () => {
    const { transport, sent } = scriptedTransport([offline]);
    const api = createApi(transport, () => 'token', recorder().events, noWait);
    await expect(api.call('auth.roster', {})).rejects.toMatchObject({ body: { message: 'errors.NETWORK' } });
    expect(sent).toEqual([{ method: 'auth.roster', options: undefined }]);
  });

  it('keys and retries the calls that keep their own transactions (check-out, approvals, the cash count) like any write', async () => {
    const { transport, sent } = scriptedTransport([offline, { ok: true, value: { recorded: true } }]);
    const api = createApi(transport, () => 'token', recorder().events, noWait);
    await api.call('dayClose.countCash', { date: '2026-11-29', payment: 'cash', countedFen: 100_000 });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.options?.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[1]?.options?.idempotencyKey).toBe(sent[0]?.options?.idempotencyKey);
  });

  it('sends a report rendered again on request (repeatable) once, without a key: its answer is not kept', async () => {
    const { transport, sent } = scriptedTransport([{ ok: true, value: {} }]);
    const api = createApi(transport, () => 'token', recorder().events, noWait);
    await api.call('incidents.pdf', { incidentId: 1, copy: 'file' });
    expect(sent).toEqual([{ method: 'incidents.pdf', options: undefined }]);
  });

  it('sends sign-in without a key and does not retry it: its answer holds a token, which the counter never keeps', async () => {
    const { transport, sent } = scriptedTransport([offline]);
    const api = createApi(transport, () => undefined, recorder().events, noWait);
    await expect(api.call('auth.signIn', { staffId: 1, pin: '1357' })).rejects.toMatchObject({ body: { message: 'errors.NETWORK' } });
    expect(sent).toEqual([{ method: 'auth.signIn', options: undefined }]);
  });

  it('sends this PC back to pairing when the counter refuses it as a station', async () => {
    const revoked: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'stations.errors.revoked' } };
    const { transport } = scriptedTransport([revoked]);
    const { refused, ended, events } = recorder();
    const api = createApi(transport, () => 'token', events, noWait);
    await expect(api.call('auth.me', {})).rejects.toBeInstanceOf(ApiError);
    expect(refused).toEqual([revoked.error]);
    expect(ended).toEqual([]);
  });
});
