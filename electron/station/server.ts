import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { streamSSE } from 'hono/streaming';
import { HTTP_STATUS, type Result } from '@shared/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import type { Core } from '../core/app';
import { describeContract } from './describe';

export interface StationOptions {
  core: Core;
  /** The built renderer (`out/renderer`); without it only the API is served. */
  rendererDir?: string | undefined;
  /** How often an idle live stream sends a keep-alive comment and re-checks its session. */
  heartbeatMs?: number;
  /** Closers of the open live streams (the test mode cuts them to simulate a lost LAN). */
  streams?: Set<() => void>;
}


function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function origin(c: Context): string {
  try {
    return `http:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    return 'http:unknown';
  }
}

function reply(c: Context, result: Result<unknown>): Response {
  return c.json(result, result.ok ? 200 : HTTP_STATUS[result.error.code]);
}

/**
 * The station: the core's contract over HTTP (`POST /api/<method>`), its live events as
 * server-sent events (`GET /api/events`), the contract's description (`GET /api`), and the built
 * renderer, so any browser on the park LAN runs the same app as the kiosk window.
 */
export function createStationApp(options: StationOptions): Hono {
  const { core } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    // The counter PC's clock, so every screen shows the park's time and clocks, whatever its own says.
    if (c.req.path.startsWith('/api/')) c.header('X-Parkdesk-Now', String(core.now()));
  });

  app.get('/api', (c) => c.json(describeContract()));

  app.get('/api/events', (c) => {
    const token = bearer(c);
    if (!core.hasSession(token)) {
      return reply(c, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.signInRequired' } });
    }
    return streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = core.subscribe((event) => {
        void stream.writeSSE({ id: String(event.seq), event: 'parkdesk', data: JSON.stringify(event) });
      });
      const closer = () => {
        open = false;
        void stream.close();
      };
      options.streams?.add(closer);
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        options.streams?.delete(closer);
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ seq: core.lastEventSeq(), now: core.now() }) });
      while (open) {
        await stream.sleep(heartbeatMs);
        if (!core.hasSession(token)) {
          await stream.writeSSE({ event: 'session-ended', data: '{}' });
          break;
        }
        // The keep-alive carries the counter PC's time, keeping every screen's clocks in step.
        await stream.writeSSE({ event: 'time', data: JSON.stringify({ now: core.now() }) });
      }
      unsubscribe();
      options.streams?.delete(closer);
    });
  });

  app.post('/api/:method', async (c) => {
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
    const result = await core.dispatch({ method: c.req.param('method'), input, token: bearer(c), origin: origin(c) });
    return reply(c, result);
  });

  app.all('/api/*', (c) =>
    reply(c, { ok: false, error: { code: 'NOT_FOUND', message: 'errors.unknownMethod', params: { method: c.req.path } } }),
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: rendererDir }));
    // The app routes with the URL hash, so every other path is the app itself.
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
