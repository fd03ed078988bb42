import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { ErrorBody, LiveEvent, RemotePairInput, Result, StationLink } from '@shared/contract';
import type { ParkdeskBridge } from '@shared/ipc';

declare global {
  interface Window {
    /** Present only inside the kiosk window (exposed by the preload script). */
    parkdesk?: ParkdeskBridge;
  }
}

/** `local`: the kiosk window over IPC; `online`/`offline`: a station over HTTP and SSE. */
export type ConnectionState = 'local' | 'online' | 'offline' | 'connecting';

export interface LiveHandlers {
  onEvent(event: LiveEvent): void;
  onState(state: ConnectionState): void;
  /** The counter says this session is over (signed out, idle, disabled). */
  onSessionEnded(): void;
  /**
   * The stream is open (first time, or again after a gap): what the screens read before it opened,
   * or while it was down, may have missed an event and is fetched again.
   */
  onResync(): void;
  /** The counter withdrew this station's access. */
  onStationRevoked(): void;
}

export interface CallOptions {
  /** Sent with a write so that sending it again never does it twice. */
  idempotencyKey?: string | undefined;
}

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown, token: string | undefined, options?: CallOptions): Promise<Result<unknown>>;
  /** Follows live events for a session until the returned function is called. */
  live(token: string | undefined, handlers: LiveHandlers): () => void;
  /** How this screen reaches the counter, and whether this PC is paired. */
  link(): Promise<StationLink>;
  /** Pairs this PC with the counter (a browser keeps the token; a station process keeps its own). */
  pair(link: StationLink, input: RemotePairInput): Promise<Result<{ name: string }>>;
}

/** Where a browser on another PC keeps its station token (this PC's browser profile). */
const STATION_TOKEN_KEY = 'parkdesk.station';

function stationToken(): string | undefined {
  try {
    return localStorage.getItem(STATION_TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function stationHeaders(): Record<string, string> {
  const token = stationToken();
  return token ? { 'x-parkdesk-station': token } : {};
}

/**
 * The counter PC's clock as the station last reported it (header `X-Parkdesk-Now`, live-stream
 * hello and keep-alives): `detail` is the offset in ms to add to this screen's clock.
 */
export const clockSync = new EventTarget();

function reportServerTime(now: unknown): void {
  const server = Number(now);
  if (Number.isFinite(server) && server > 0) clockSync.dispatchEvent(new CustomEvent('offset', { detail: server - Date.now() }));
}

const networkError: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'errors.NETWORK' } };

function ipcTransport(bridge: ParkdeskBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input, token) => bridge.call({ method, input, token }),
    live(_token, handlers) {
      handlers.onState('local');
      return bridge.subscribe(handlers.onEvent);
    },
    link: () => Promise.resolve({ mode: 'counter' }),
    pair: () => Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'errors.CONFLICT' } }),
  };
}

function isEnvelope(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

async function post(path: string, input: unknown, headers: Record<string, string>): Promise<Result<unknown>> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input ?? {}) });
    reportServerTime(response.headers.get('x-parkdesk-now'));
    const body: unknown = await response.json();
    return isEnvelope(body) ? body : networkError;
  } catch {
    return networkError;
  }
}

/** The station's refusals that mean this PC must pair (again) before anything else. */
export function isStationRefusal(error: ErrorBody): boolean {
  return error.code === 'FORBIDDEN' && (error.message === 'stations.errors.notPaired' || error.message === 'stations.errors.revoked');
}

/** The browser station: `POST /api/<method>`, and live events read from `GET /api/events` with fetch. */
function httpTransport(): Transport {
  return {
    kind: 'http',
    async call(method, input, token, options = {}) {
      return post(`/api/${encodeURIComponent(method)}`, input, {
        ...stationHeaders(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      });
    },

    async link() {
      const response = await fetch('/api/station', { headers: stationHeaders() });
      if (!response.ok) throw new Error(`the station answered ${response.status}`);
      return (await response.json()) as StationLink;
    },

    async pair(link, input) {
      if (link.mode === 'remote') return (await post('/api/station/pair', input, {})) as Result<{ name: string }>;
      const result = await post('/api/stations.pair', { code: input.code, name: input.name }, {});
      if (!result.ok) return result;
      const value = result.value as { token: string; name: string };
      localStorage.setItem(STATION_TOKEN_KEY, value.token);
      return { ok: true, value: { name: value.name } };
    },

    live(token, handlers) {
      const abort = new AbortController();
      let attempt = 0;
      let everConnected = false;
      const run = async (): Promise<void> => {
        while (!abort.signal.aborted) {
          handlers.onState(everConnected ? 'offline' : 'connecting');
          try {
            const response = await fetch('/api/events', {
              headers: { ...stationHeaders(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
              signal: abort.signal,
            });
            if (response.status === 403) {
              handlers.onStationRevoked();
              return;
            }
            if (response.status === 401) {
              handlers.onSessionEnded();
              return;
            }
            if (!response.ok || !response.body) throw new Error(`live events answered ${response.status}`);
            const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
            for await (const message of events) {
              if (message.event === 'hello' || message.event === 'time') {
                reportServerTime((JSON.parse(message.data) as { now?: unknown }).now);
                if (message.event === 'time') continue;
                attempt = 0;
                handlers.onState('online');
                handlers.onResync();
                everConnected = true;
              } else if (message.event === 'session-ended') {
                handlers.onSessionEnded();
                return;
              } else if (message.event === 'station-revoked') {
                handlers.onStationRevoked();
                return;
              } else if (message.event === 'parkdesk') {
                handlers.onEvent(JSON.parse(message.data) as LiveEvent);
              }
            }
          } catch {
            if (abort.signal.aborted) return;
          }
          handlers.onState('offline');
          attempt += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 8000)));
        }
      };
      void run();
      return () => abort.abort();
    },
  };
}

/** The kiosk window has the preload's bridge; anything else is a browser station. */
export function pickTransport(): Transport {
  return window.parkdesk ? ipcTransport(window.parkdesk) : httpTransport();
}
