import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { streamSSE } from 'hono/streaming';
import { HTTP_STATUS, type Result, type StationLink } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import type { Core } from '../core/app';
import { describeContract } from './describe';

/** Who is calling, as the transport established it. */
export interface Caller {
  origin: string;
  /** The paired station the call came through (LAN only). */
  stationId?: number;
}

/** An open live stream; `revoked` first tells the screen its station's access was withdrawn. */
export interface LiveStream {
  stationId: number | undefined;
  close(reason?: 'revoked'): void;
}

export interface StationOptions {
  core: Core;
  /** The built renderer (`out/renderer`); without it only the API is served. */
  rendererDir?: string | undefined;
  /** How often an idle live stream sends a keep-alive comment and re-checks its session. */
  heartbeatMs?: number;
  /** The open live streams (the LAN closes a revoked station's; the test mode cuts them all). */
  streams?: Set<LiveStream>;
  /**
   * Who may call, and as whom: the LAN lets only paired stations through. Answers the caller, or
   * the refusal to send. Default: anyone who can reach this listener (the counter PC itself).
   */
  admit?: (c: Context) => Caller | Response;
  /** What `GET /api/station` answers. Default: this is the counter. */
  link?: (c: Context) => StationLink;
}

export const STATION_HEADER = 'x-parkdesk-station';
/** How often an idle live stream sends its keep-alive (with the counter's time). */
export const LIVE_HEARTBEAT_MS = 15_000;
export const IDEMPOTENCY_HEADER = 'idempotency-key';


function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** The caller's address, as the socket reports it. */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function reply(c: Context, result: Result<unknown>): Response {
  return c.json(result, result.ok ? 200 : HTTP_STATUS[result.error.code]);
}

/**
 * The station: the core's contract over HTTP (`POST /api/<method>`), its live events as
 * server-sent events (`GET /api/events`), the contract's description (`GET /api`), and the built
 * renderer, so any browser on the park LAN runs the same app as the kiosk window.
 */
export function createStationApp(options: StationOptions): Hono {
  const { core } = options;
  const heartbeatMs = options.heartbeatMs ?? LIVE_HEARTBEAT_MS;
  const admit = options.admit ?? ((c: Context): Caller => ({ origin: `http:${remoteAddress(c)}` }));
  const link = options.link ?? ((): StationLink => ({ mode: 'counter' }));
  const app = new Hono();

  secureHeaders(app);
  app.use('/api/*', async (c, next) => {
    await next();
    // The counter PC's clock, so every screen shows the park's time and clocks, whatever its own says.
    c.header('X-Parkdesk-Now', String(core.now()));
  });

  app.get('/api/station', (c) => c.json(link(c)));

  app.get('/api', (c) => {
    const caller = admit(c);
    return caller instanceof Response ? caller : c.json(describeContract());
  });

  app.get('/api/events', (c) => {
    const caller = admit(c);
    if (caller instanceof Response) return caller;
    const { stationId } = caller;
    const token = bearer(c);
    if (!core.hasSession(token, stationId)) {
      return reply(c, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.signInRequired' } });
    }
    return streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = core.subscribe((event) => {
        void stream.writeSSE({ id: String(event.seq), event: 'parkdesk', data: JSON.stringify(event) });
      });
      const live: LiveStream = {
        stationId,
        close(reason) {
          open = false;
          const sent = reason === 'revoked' ? stream.writeSSE({ event: 'station-revoked', data: '{}' }) : Promise.resolve();
          void sent.finally(() => void stream.close());
        },
      };
      options.streams?.add(live);
      // This screen counts as present while its stream is open (the broadcast room on line, for the counter).
      const detach = core.attachScreen(token, stationId) ?? (() => undefined);
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        detach();
        options.streams?.delete(live);
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ seq: core.lastEventSeq(), now: core.now() }) });
      while (open) {
        await stream.sleep(heartbeatMs);
        if (!open) break;
        if (stationId !== undefined && !core.stationActive(stationId)) {
          await stream.writeSSE({ event: 'station-revoked', data: '{}' });
          break;
        }
        if (!core.hasSession(token, stationId)) {
          await stream.writeSSE({ event: 'session-ended', data: '{}' });
          break;
        }
        // The keep-alive carries the counter PC's time, keeping every screen's clocks in step.
        await stream.writeSSE({ event: 'time', data: JSON.stringify({ now: core.now() }) });
      }
      unsubscribe();
      detach();
      options.streams?.delete(live);
    });
  });

  app.post('/api/:method', async (c) => {
    const caller = admit(c);
    if (caller instanceof Response) return caller;
    let input: unknown = {};
    const text = await c.req.text();
    if (text.trim() !== '') {
      try {
        input = JSON.parse(text);
      } catch {
        return reply(c, {
          ok: false,
          error: { code: 'VALIDATION', message: 'errors.VALIDATION', fields: { '': { key: 'validation.invalidFormat' } } },
        });
      }
    }
    const result = await core.dispatch({
      method: c.req.param('method'),
      input,
      token: bearer(c),
      origin: caller.origin,
      stationId: caller.stationId,
      idempotencyKey: c.req.header(IDEMPOTENCY_HEADER),
    });
    return reply(c, result);
  });

  app.all('/api/*', (c) =>
    reply(c, { ok: false, error: { code: 'NOT_FOUND', message: 'errors.unknownMethod', params: { method: c.req.path } } }),
  );

  serveRenderer(app, options.rendererDir);
  return app;
}

/** The headers every answer carries: the renderer's CSP, no sniffing, no framing, no referrer. */
export function secureHeaders(app: Hono): void {
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
}

/** Serves the built renderer; the app routes with the URL hash, so every other path is the app itself. */
export function serveRenderer(app: Hono, rendererDir: string | undefined): void {
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) return;
  const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  app.use('/*', serveStatic({ root: rendererDir }));
  app.get('*', (c) => c.html(indexHtml));
}
