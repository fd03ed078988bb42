import { describe, expect, it } from 'vitest';
import type { ErrorBody, Result } from '../../shared/contract';
import { ApiError, createApi } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';

/** A transport whose answers the test releases by hand, to put them in any order. */
function heldTransport() {
  const pending: { token: string | undefined; release(result: Result<unknown>): void }[] = [];
  const transport: Transport = {
    kind: 'http',
    call: (_method, _input, token) => new Promise((resolve) => pending.push({ token, release: resolve })),
    live: () => () => undefined,
  };
  return { transport, pending };
}

const signInRequired: Result<never> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.signInRequired' } };

describe('the renderer API client', () => {
  it('ends the session when the counter says the current token is no longer valid', async () => {
    const { transport, pending } = heldTransport();
    const ended: ErrorBody[] = [];
    const api = createApi(transport, () => 'token-a', (body) => ended.push(body));
    const call = api.call('auth.roster', {});
    pending[0]?.release(signInRequired);
    await expect(call).rejects.toBeInstanceOf(ApiError);
    expect(ended).toEqual([signInRequired.error]);
  });

  it('ignores a late refusal of a call made with an earlier token', async () => {
    const { transport, pending } = heldTransport();
    let current: string | undefined = 'token-a';
    const ended: ErrorBody[] = [];
    const api = createApi(transport, () => current, (body) => ended.push(body));
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
});
