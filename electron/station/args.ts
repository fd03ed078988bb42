export interface StationArgs {
  port: number;
  host: string;
  /** Start of the movable test clock (epoch ms), only when `PARKDESK_TEST_CLOCK` is set. */
  testClock: number | undefined;
}

export const DEFAULT_PORT = 4780;

/** `--port N` / `PARKDESK_PORT`, `--host H` / `PARKDESK_HOST` (default 127.0.0.1: this PC only). */
export function parseStationArgs(argv: readonly string[], env: NodeJS.ProcessEnv): StationArgs {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const portText = flag('port') ?? env.PARKDESK_PORT;
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${portText}`);
  const testClockText = env.PARKDESK_TEST_CLOCK;
  const testClock = testClockText ? (/^\d+$/.test(testClockText) ? Number(testClockText) : Date.parse(testClockText)) : undefined;
  if (testClock !== undefined && Number.isNaN(testClock)) throw new Error(`PARKDESK_TEST_CLOCK is not a time: ${testClockText}`);
  return { port, host: flag('host') ?? env.PARKDESK_HOST ?? '127.0.0.1', testClock };
}
