import { normalizeCounterUrl } from '@shared/rules/stations';

export interface StationArgs {
  port: number;
  host: string;
  /** Start of the movable test clock (epoch ms), only when `PARKDESK_TEST_CLOCK` is set. */
  testClock: number | undefined;
  /** Station mode: the counter's LAN address (`--counter` / `PARKDESK_COUNTER`). */
  counterUrl: string | undefined;
  /** Where sharing listens: every interface unless `PARKDESK_LAN_HOST` says otherwise (tests: loopback). */
  lanHost: string;
  /** A port for sharing instead of the setting's (`PARKDESK_LAN_PORT`; tests: 0). */
  lanPort: number | undefined;
}

export const DEFAULT_PORT = 4780;

/** The plain-HTTP listener asks for no station token: it serves this PC only. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function portFrom(text: string | undefined, fallback: number | undefined): number | undefined {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${text}`);
  return port;
}

/**
 * `--port N` / `PARKDESK_PORT`, `--host H` / `PARKDESK_HOST` (127.0.0.1 by default, loopback only),
 * `--counter ADDRESS` / `PARKDESK_COUNTER` for station mode, `PARKDESK_LAN_HOST` and `PARKDESK_LAN_PORT`.
 */
export function parseStationArgs(argv: readonly string[], env: NodeJS.ProcessEnv): StationArgs {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const testClockText = env.PARKDESK_TEST_CLOCK;
  const testClock = testClockText ? (/^\d+$/.test(testClockText) ? Number(testClockText) : Date.parse(testClockText)) : undefined;
  if (testClock !== undefined && Number.isNaN(testClock)) throw new Error(`PARKDESK_TEST_CLOCK is not a time: ${testClockText}`);
  const counterText = flag('counter') ?? env.PARKDESK_COUNTER;
  const counterUrl = counterText === undefined ? undefined : normalizeCounterUrl(counterText);
  if (counterText !== undefined && counterUrl === undefined) throw new Error(`Not a counter address: ${counterText} (for example 192.168.1.20:4781)`);
  const host = flag('host') ?? env.PARKDESK_HOST ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`The plain-HTTP listener serves this PC only (not ${host}); other PCs pair with sharing on the park LAN (Duty manager → Stations).`);
  }
  return {
    port: portFrom(flag('port') ?? env.PARKDESK_PORT, DEFAULT_PORT) ?? DEFAULT_PORT,
    host,
    testClock,
    counterUrl,
    lanHost: env.PARKDESK_LAN_HOST ?? '0.0.0.0',
    lanPort: portFrom(env.PARKDESK_LAN_PORT, undefined),
  };
}
