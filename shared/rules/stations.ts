/** The port the counter listens on for the park LAN unless a manager sets another (HTTPS). */
export const DEFAULT_LAN_PORT = 4781;

/** A station is shown as online while it was heard from within this time (live streams tick every 15 s). */
export const STATION_ONLINE_MS = 60_000;

/**
 * The counter's address as a person types it, as the https URL a station connects to:
 * `192.168.1.20` → `https://192.168.1.20:4781`, `counter.park:5000` → `https://counter.park:5000`.
 * Only https (the LAN listener has no plain-HTTP side) and only a host and port; undefined otherwise.
 */
export function normalizeCounterUrl(text: string): string | undefined {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (trimmed === '') return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return undefined;
  if (url.pathname !== '/' && url.pathname !== '') return undefined;
  if (!/^[a-z0-9.-]+$/i.test(url.hostname) && !/^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return undefined;
  return `https://${url.hostname}:${url.port || DEFAULT_LAN_PORT}`;
}

/**
 * Where an audited call came from, as the transports write it: `local` (the kiosk window),
 * `http:<address>` (a browser on the counter PC), `station:<id>:<address>` (a paired station),
 * `lan:<address>` (a PC on the LAN before pairing), `system` (the counter's own jobs).
 */
export type Origin =
  | { kind: 'local' | 'system' }
  | { kind: 'http' | 'lan'; address: string }
  | { kind: 'station'; stationId: number; address: string }
  | { kind: 'other'; text: string };

export function parseOrigin(origin: string): Origin {
  if (origin === 'local' || origin === 'system') return { kind: origin };
  const station = /^station:(\d+):(.+)$/.exec(origin);
  if (station?.[1] && station[2]) return { kind: 'station', stationId: Number(station[1]), address: station[2] };
  const other = /^(http|lan):(.+)$/.exec(origin);
  if (other?.[2] && (other[1] === 'http' || other[1] === 'lan')) return { kind: other[1], address: other[2] };
  return { kind: 'other', text: origin };
}
