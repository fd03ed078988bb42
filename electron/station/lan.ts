import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { Context } from 'hono';
import type { Core } from '../core/app';
import { lanAddresses, loadCredentials } from '../core/stations/tls';
import { createStationApp, remoteAddress, reply, STATION_HEADER, type Caller, type LiveStream } from './server';

/**
 * Sharing on the park LAN: when a manager turns it on, the counter also listens over HTTPS (its
 * own certificate, pinned by stations when they pair) on all interfaces. Only `stations.pair`
 * and `GET /api/station` answer without a station token; the renderer's files are served to anyone
 * (they are the pairing and sign-in page). Roles are still checked by the counter's dispatcher.
 */
export interface SharingOptions {
  core: Core;
  rendererDir?: string | undefined;
  /** The interface to listen on: every one by default; loopback in tests. */
  host?: string;
  /** A port instead of the setting's (tests: 0, any free port). */
  port?: number | undefined;
  /** How often an idle live stream sends its keep-alive (tests: a fraction of a second). */
  heartbeatMs?: number;
  log(message: string, error?: unknown): void;
}

export interface Sharing {
  /** Settles once the listener matches the settings (tests wait on it). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const PUBLIC_METHODS = new Set(['/api/stations.pair']);

function stationOf(core: Core, c: Context) {
  return core.checkStation(c.req.header(STATION_HEADER), remoteAddress(c));
}

/** The LAN listener's app: the station app, behind the station token. */
export function createLanApp(core: Core, rendererDir: string | undefined, streams: Set<LiveStream>, heartbeatMs?: number) {
  const admit = (c: Context): Caller | Response => {
    const address = remoteAddress(c);
    if (PUBLIC_METHODS.has(c.req.path)) return { origin: `lan:${address}` };
    const check = stationOf(core, c);
    if (check.status === 'paired') return { origin: `station:${check.id}:${address}`, stationId: check.id };
    const message = check.status === 'revoked' ? 'stations.errors.revoked' : 'stations.errors.notPaired';
    return reply(c, { ok: false, error: { code: 'FORBIDDEN', message } });
  };
  return createStationApp({
    core,
    rendererDir,
    streams,
    ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
    admit,
    link(c) {
      const check = stationOf(core, c);
      return { mode: 'lan', paired: check.status === 'paired', revoked: check.status === 'revoked' };
    },
  });
}

function listen(server: ServerType, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

export function startSharing(options: SharingOptions): Sharing {
  const { core, log } = options;
  const host = options.host ?? '0.0.0.0';
  const streams = new Set<LiveStream>();
  const app = createLanApp(core, options.rendererDir, streams, options.heartbeatMs);
  let server: ServerType | undefined;
  let serverPort: number | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function stopServer(): Promise<void> {
    if (!server) return;
    for (const stream of [...streams]) stream.close();
    await close(server);
    server = undefined;
    serverPort = undefined;
  }

  async function apply(): Promise<void> {
    const settings = core.settings();
    const wanted = settings?.sharingEnabled ? (options.port ?? settings.sharingPort) : undefined;
    if (server && wanted !== serverPort) {
      await stopServer();
      core.setLan({ listening: false, port: null, addresses: [], fingerprint: null, problem: null });
    }
    if (wanted === undefined || server) return;
    const credentials = await loadCredentials(core.dataDir);
    const next = createAdaptorServer({ fetch: app.fetch, createServer: createHttpsServer, serverOptions: { key: credentials.key, cert: credentials.cert } });
    try {
      const port = await listen(next, wanted, host);
      server = next;
      serverPort = wanted;
      const hosts = host === '0.0.0.0' || host === '::' ? lanAddresses() : [host];
      const addresses = hosts.map((address) => `https://${address.includes(':') ? `[${address}]` : address}:${port}`);
      core.setLan({ listening: true, port, addresses, fingerprint: credentials.fingerprint, problem: null });
      log(`ParkDesk shares on the park LAN at ${addresses.join(', ') || `port ${port}`} (certificate ${credentials.fingerprint})`);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      core.setLan({ listening: false, port: null, addresses: [], fingerprint: null, problem: code === 'EADDRINUSE' ? `port ${wanted} is in use` : code });
      log(`sharing on the LAN could not start on port ${wanted}`, error);
    }
  }

  const reconcile = () => {
    queue = queue.then(apply).catch((error: unknown) => log('sharing on the LAN failed', error));
    return queue;
  };

  const unsubscribe = core.subscribe((event) => {
    if (event.name === 'settings.changed' && event.payload.keys.some((key) => key === 'sharingEnabled' || key === 'sharingPort')) void reconcile();
    if (event.name === 'stations.revoked') {
      for (const stream of [...streams]) if (stream.stationId === event.payload.stationId) stream.close('revoked');
    }
    if (event.name === 'system.restored') void reconcile();
  });
  void reconcile();

  return {
    settled: () => queue,
    async stop() {
      unsubscribe();
      await queue;
      await stopServer();
    },
  };
}
