import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { join } from 'node:path';
import { z } from 'zod';
import { translator } from '@shared/i18n';
import { createCore, PROBLEM_KEYS } from '../core/app';
import { OffsetClock } from '../core/clock';
import { defaultDataDir } from '../core/paths';
import { createStationApp, type LiveStream } from './server';
import { parseStationArgs } from './args';
import { startSharing } from './lan';
import { createRemoteApp, isStationPc, readStationConfig } from './remote';

/**
 * `npm run station`: ParkDesk in plain Node, serving the built renderer on this PC.
 * - Counter mode (the default): the core and its database, over HTTP and server-sent events, and,
 *   when a manager turns sharing on, over HTTPS on the park LAN for paired stations.
 * - Station mode (`--counter ADDRESS`, or once paired): no database here; calls and live events
 *   go to the counter over the pinned TLS link (remote.ts).
 */
const options = parseStationArgs(process.argv.slice(2), process.env);
const dataDir = defaultDataDir();
const rendererDir = join(import.meta.dirname, '../renderer');
const log = (message: string, error?: unknown) => console.error(`[parkdesk] ${message}`, error ?? '');
const stationMode = options.counterUrl !== undefined || isStationPc(dataDir);

const app = new Hono();
let stop: () => Promise<void> = () => Promise.resolve();

if (stationMode) {
  app.route('/', createRemoteApp({ dataDir, rendererDir, counterUrl: options.counterUrl, log }));
} else {
  const clock = options.testClock === undefined ? undefined : new OffsetClock(options.testClock);
  const core = createCore({ dataDir, version: __APP_VERSION__, ...(clock ? { clock } : {}) });
  if (!core.status.ok) {
    const t = translator('en');
    const { problem } = core.status;
    console.error(`ParkDesk: ${t('fatal.title')}. ${t(PROBLEM_KEYS[problem.code], problem.params)}`);
  }

  const streams = new Set<LiveStream>();
  let networkDown = false;
  if (clock) {
    // Test mode only: while "the LAN is down", API calls and live streams fail as if unreachable
    // (a test stands in for the counter PC itself with the header `x-parkdesk-test: local`).
    app.use('/api/*', async (c, next) => {
      if (networkDown && c.req.header('x-parkdesk-test') !== 'local') return c.text('network down (test mode)', 503);
      await next();
    });
  }
  app.route('/', createStationApp({ core, rendererDir, streams, ...(clock ? { heartbeatMs: 2000 } : {}) }));

  if (clock) {
    // Test mode only: lets end-to-end tests move the core's clock across deadlines.
    const move = z.object({ advanceMs: z.number().int().optional(), at: z.number().int().optional() });
    app.post('/__test__/clock', async (c) => {
      const body = move.parse(await c.req.json());
      if (body.at !== undefined) clock.set(body.at);
      if (body.advanceMs !== undefined) clock.advance(body.advanceMs);
      // What the moved clock crossed is announced now, not at the next look.
      core.rentalsClock?.tick();
      return c.json({ now: clock.now() });
    });
    app.post('/__test__/network', async (c) => {
      const body = z.object({ down: z.boolean() }).parse(await c.req.json());
      networkDown = body.down;
      if (networkDown) for (const stream of [...streams]) stream.close();
      return c.json({ down: networkDown });
    });
  }

  const sharing = startSharing({ core, rendererDir, host: options.lanHost, port: options.lanPort, log: (message, error) => (error ? log(message, error) : console.log(message)) });
  stop = async () => {
    await sharing.stop();
    core.close();
  };
}

const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
  const mode = stationMode ? `station mode, counter ${options.counterUrl ?? readStationConfig(dataDir)?.counterUrl ?? '?'}` : 'counter';
  console.log(`ParkDesk station listening on http://${options.host}:${info.port} (${mode}; data: ${dataDir})`);
});

function shutdown(): void {
  server.close();
  void stop().finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
