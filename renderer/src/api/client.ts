import { contract, isMethodName, keepsAnswer, type ErrorBody, type Input, type MethodName, type Output, type Result } from '@shared/contract';
import { newClientRef } from '../ui/clientRef';
import { isStationRefusal, type Transport } from './transport';

/** An error envelope as a thrown value, for TanStack Query and form submit handlers. */
export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(`${body.code}: ${body.message}`);
    this.name = 'ApiError';
  }
}

export interface Api {
  readonly transport: Transport;
  /** Calls a contract method with the session's token; resolves with its value or throws ApiError. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

export interface ApiEvents {
  /** The counter says the current session is over. */
  onUnauthenticated(body: ErrorBody): void;
  /** The counter says this PC is not (or no longer) a paired station. */
  onStationRefused(body: ErrorBody): void;
}

/** How long a write keeps being sent again while the counter cannot be reached. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 3000, 4000, 5000, 5000] as const;

const isNetworkFailure = (result: Result<unknown>) => !result.ok && result.error.code === 'UNAVAILABLE' && result.error.message === 'errors.NETWORK';

export interface ClientOptions {
  /** Waits between tries (tests pass one that resolves at once). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * The client every screen uses. A write goes with an idempotency key, and while the counter cannot
 * be reached it is sent again with the same key: the counter does it once, however often it
 * arrives. If it still cannot be confirmed, the same submission sent later (the same form saved
 * again) carries the same key, so what the counter did already is answered, not done twice.
 */
export function createApi(transport: Transport, getToken: () => string | undefined, events: ApiEvents, options: ClientOptions = {}): Api {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** Submissions not confirmed yet, by session, method and input: their keys. */
  const unconfirmed = new Map<string, string>();

  async function send(method: MethodName, input: unknown, token: string | undefined): Promise<Result<unknown>> {
    const writes = isMethodName(method) && keepsAnswer(contract[method]) && transport.kind === 'http';
    if (!writes) return transport.call(method, input, token);
    const submission = `${token ?? ''}\u0000${method}\u0000${JSON.stringify(input ?? {})}`;
    const idempotencyKey = unconfirmed.get(submission) ?? newClientRef();
    unconfirmed.set(submission, idempotencyKey);
    let result = await transport.call(method, input, token, { idempotencyKey });
    for (const delay of RETRY_DELAYS_MS) {
      if (!isNetworkFailure(result)) break;
      await wait(delay);
      result = await transport.call(method, input, token, { idempotencyKey });
    }
    if (isNetworkFailure(result)) return { ok: false, error: { code: 'UNAVAILABLE', message: 'errors.notConfirmed' } };
    unconfirmed.delete(submission);
    return result;
  }

  return {
    transport,
    async call(method, input) {
      const token = getToken();
      const result = await send(method, input, token);
      if (result.ok) return result.value as Output<typeof method>;
      if (isStationRefusal(result.error)) events.onStationRefused(result.error);
      const sessionGone = result.error.message === 'errors.sessionExpired' || result.error.message === 'errors.signInRequired';
      // Only the session that is still current can be ended by an answer: a late answer to a call
      // made with an earlier token (signed out meanwhile, or another clerk signed in) changes nothing.
      if (result.error.code === 'UNAUTHENTICATED' && sessionGone && token && getToken() === token) events.onUnauthenticated(result.error);
      throw new ApiError(result.error);
    },
  };
}
