import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { join } from 'node:path';
import { z } from 'zod';
import { translator } from '@shared/i18n';
import { createCore } from '../core/app';
import { OffsetClock } from '../core/clock';
import { defaultDataDir } from '../core/paths';
import { createStationApp } from './server';
import { parseStationArgs } from './args';

/**
 * `npm run station`: the core in plain Node, over HTTP and server-sent events, serving the built
 * renderer. The broadcast room and the end-to-end tests use it; without Electron it is the app.
 */
const options = parseStationArgs(process.argv.slice(2), process.env);
const dataDir = defaultDataDir();
const clock = options.testClock === undefined ? undefined : new OffsetClock(options.testClock);
const core = createCore({ dataDir, version: __APP_VERSION__, ...(clock ? { clock } : {}) });

if (!core.status.ok) {
  const t = translator('en');
  const { problem } = core.status;
  const key = problem.code === 'DB_TOO_NEW' ? 'fatal.dbTooNew' : problem.code === 'DB_CORRUPT' ? 'fatal.dbCorrupt' : 'fatal.dbUnreadable';
  console.error(`ParkDesk: ${t('fatal.title')}. ${t(key, problem.params)}`);
}

const streams = new Set<() => void>();
let networkDown = false;
const app = new Hono();
if (clock) {
  // Test mode only: while "the LAN is down", API calls and live streams fail as if unreachable
  // (a test stands in for the counter PC itself with the header `x-parkdesk-test: local`).
  app.use('/api/*', async (c, next) => {
    if (networkDown && c.req.header('x-parkdesk-test') !== 'local') return c.text('network down (test mode)', 503);
    await next();
  });
}
app.route('/', createStationApp({ core, rendererDir: join(import.meta.dirname, '../renderer'), streams, ...(clock ? { heartbeatMs: 2000 } : {}) }));

if (clock) {
  // Test mode only: lets end-to-end tests move the core's clock across deadlines.
  const move = z.object({ advanceMs: z.number().int().optional(), at: z.number().int().optional() });
  app.post('/__test__/clock', async (c) => {
    const body = move.parse(await c.req.json());
    if (body.at !== undefined) clock.set(body.at);
    if (body.advanceMs !== undefined) clock.advance(body.advanceMs);
    return c.json({ now: clock.now() });
  });
  app.post('/__test__/network', async (c) => {
    const body = z.object({ down: z.boolean() }).parse(await c.req.json());
    networkDown = body.down;
    if (networkDown) for (const close of [...streams]) close();
    return c.json({ down: networkDown });
  });
}

const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
  console.log(`ParkDesk station listening on http://${options.host}:${info.port} (data: ${dataDir})`);
});

function shutdown(): void {
  server.close();
  core.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
