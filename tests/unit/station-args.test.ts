import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseStationArgs } from '../../electron/station/args';
import { defaultDataDir } from '../../electron/core/paths';

describe('the station’s command line', () => {
  it('listens on this PC only by default, on the default port', () => {
    expect(parseStationArgs([], {})).toEqual({ port: DEFAULT_PORT, host: '127.0.0.1', testClock: undefined, counterUrl: undefined, lanHost: '0.0.0.0', lanPort: undefined });
  });

  it('runs in station mode when told where the counter is, and shares on every interface unless told otherwise', () => {
    expect(parseStationArgs(['--counter', '192.168.1.20'], {}).counterUrl).toBe('https://192.168.1.20:4781');
    expect(parseStationArgs([], { PARKDESK_COUNTER: 'https://counter.park:5000/' }).counterUrl).toBe('https://counter.park:5000');
    expect(() => parseStationArgs(['--counter', 'http://192.168.1.20'], {})).toThrow(/Not a counter address/);
    expect(parseStationArgs([], { PARKDESK_LAN_HOST: '127.0.0.1', PARKDESK_LAN_PORT: '0' })).toMatchObject({ lanHost: '127.0.0.1', lanPort: 0 });
    expect(() => parseStationArgs([], { PARKDESK_LAN_PORT: 'x' })).toThrow(/Not a port number/);
  });

  it('takes the port and host from flags or the environment', () => {
    expect(parseStationArgs(['--port', '9000', '--host', '::1'], {})).toMatchObject({ port: 9000, host: '::1' });
    // Other PCs come in through the LAN listener and its station tokens, never the plain one.
    expect(() => parseStationArgs(['--host', '0.0.0.0'], {})).toThrow(/this PC only/);
    expect(() => parseStationArgs([], { PARKDESK_HOST: '192.168.1.20' })).toThrow(/this PC only/);
    expect(parseStationArgs([], { PARKDESK_PORT: '0' })).toMatchObject({ port: 0 });
    expect(() => parseStationArgs(['--port', 'eighty'], {})).toThrow(/Not a port number/);
  });

  it('starts a movable clock only when asked', () => {
    expect(parseStationArgs([], { PARKDESK_TEST_CLOCK: '2026-11-29T12:00:00Z' }).testClock).toBe(Date.parse('2026-11-29T12:00:00Z'));
    expect(() => parseStationArgs([], { PARKDESK_TEST_CLOCK: 'teatime' })).toThrow(/not a time/);
  });
});

describe('the data folder', () => {
  it('is PARKDESK_DATA_DIR when set, else where Electron keeps userData', () => {
    expect(defaultDataDir({ PARKDESK_DATA_DIR: '/srv/parkdesk' }, 'linux', '/home/a')).toBe('/srv/parkdesk');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/ParkDesk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe('/cfg/ParkDesk');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toMatch(/Roaming.ParkDesk$/);
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/ParkDesk');
  });
});
