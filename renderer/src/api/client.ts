import type { ErrorBody, Input, MethodName, Output } from '@shared/contract';
import type { Transport } from './transport';

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

export function createApi(transport: Transport, getToken: () => string | undefined, onUnauthenticated: (body: ErrorBody) => void): Api {
  return {
    transport,
    async call(method, input) {
      const token = getToken();
      const result = await transport.call(method, input, token);
      if (result.ok) return result.value as Output<typeof method>;
      const sessionGone = result.error.message === 'errors.sessionExpired' || result.error.message === 'errors.signInRequired';
      // Only the session that is still current can be ended by an answer: a late answer to a call
      // made with an earlier token (signed out meanwhile, or another clerk signed in) changes nothing.
      if (result.error.code === 'UNAUTHENTICATED' && sessionGone && token && getToken() === token) onUnauthenticated(result.error);
      throw new ApiError(result.error);
    },
  };
}
