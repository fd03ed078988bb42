import { describe, expect, it } from 'vitest';
import { pairInput } from '@shared/contract';
import {
  codeMatchesCertificate,
  fingerprintPart,
  formatPairingCode,
  isPairingCode,
  normalizePairingCode,
  pairingCodeFor,
  PAIRING_MAX_WRONG,
  PAIRING_BLOCK_MS,
  PAIRING_WINDOW_MS,
  readableFingerprint,
} from '@shared/rules/pairing';
import { normalizeCounterUrl, parseOrigin } from '@shared/rules/stations';
import { PairingThrottle } from '../../electron/core/stations/throttle';

const FINGERPRINT = '94:02:E7:C6:B2:47:57:31:60:BC:5D:4C:BA:84:82:0D:AE:4A:69:53:2A:4E:F5:C5:E4:D1:E9:4C:02:5C:D7:5C';

describe('pairing codes', () => {
  it('carry the first 40 bits of the certificate fingerprint in base32 after the secret', () => {
    // 0x94 0x02 0xE7 0xC6 0xB2 = 10010 10000 00001 01110 01111 10001 10101 10010 → J G 1 E F H N J
    expect(fingerprintPart(FINGERPRINT)).toBe('JG1EFHNJ');
    const code = pairingCodeFor('K7Q2', FINGERPRINT);
    expect(code).toBe('K7Q2JG1EFHNJ');
    expect(formatPairingCode(code)).toBe('K7Q2-JG1E-FHNJ');
    expect(codeMatchesCertificate(code, FINGERPRINT)).toBe(true);
    expect(codeMatchesCertificate(code, FINGERPRINT.replace('94:02', '94:03'))).toBe(false);
  });

  it('are read the way people type them', () => {
    expect(normalizePairingCode(' k7q2-jg2w z3b4 ')).toBe('K7Q2JG2WZ3B4');
    // O is 0, I and L are 1: Crockford's alphabet has neither.
    expect(normalizePairingCode('OIL0')).toBe('0110');
    expect(isPairingCode('K7Q2JG2WZ3B4')).toBe(true);
    expect(isPairingCode('K7Q2JG2WZ3B')).toBe(false);
    expect(isPairingCode('K7Q2JG2WZ3BU')).toBe(false);
    expect(pairInput.parse({ code: 'k7q2-jg2w-z3b4', name: ' 广播室 ' })).toEqual({ code: 'K7Q2JG2WZ3B4', name: '广播室' });
    const refused = pairInput.safeParse({ code: '1234', name: '' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toContain('stations.errors.codeFormat');
  });

  it('print the fingerprint the way a browser shows it', () => {
    expect(readableFingerprint(FINGERPRINT.toLowerCase().replaceAll(':', ''))).toBe(FINGERPRINT);
  });
});

describe('the counter’s address', () => {
  it('is an https URL with the default LAN port unless another is given', () => {
    expect(normalizeCounterUrl('192.168.1.20')).toBe('https://192.168.1.20:4781');
    expect(normalizeCounterUrl('192.168.1.20:5000')).toBe('https://192.168.1.20:5000');
    expect(normalizeCounterUrl(' https://counter.park:4781/ ')).toBe('https://counter.park:4781');
    expect(normalizeCounterUrl('[fe80::1]:4781')).toBe('https://[fe80::1]:4781');
  });

  it('refuses anything else', () => {
    for (const text of ['', 'http://192.168.1.20', 'https://192.168.1.20/api', 'https://a:b@host', 'host?x=1', 'ftp://host', 'a b']) {
      expect(normalizeCounterUrl(text), text).toBeUndefined();
    }
  });
});

describe('the pairing throttle', () => {
  it('locks an address out after five wrong codes within ten minutes, for ten minutes', () => {
    const throttle = new PairingThrottle();
    const start = 1_000_000;
    const left = Array.from({ length: PAIRING_MAX_WRONG }, (_, index) => throttle.fail('lan:10.0.0.5', start + index));
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(throttle.blockedUntil('lan:10.0.0.5', start + 10)).toBe(start + PAIRING_MAX_WRONG - 1 + PAIRING_BLOCK_MS);
    // Another PC is not affected.
    expect(throttle.blockedUntil('lan:10.0.0.6', start + 10)).toBeUndefined();
    expect(throttle.blockedUntil('lan:10.0.0.5', start + PAIRING_MAX_WRONG + PAIRING_BLOCK_MS)).toBeUndefined();
  });

  it('forgets wrong codes older than the window, and a right code clears the count', () => {
    const throttle = new PairingThrottle();
    throttle.fail('a', 0);
    throttle.fail('a', 5_000);
    // The first is out of the window by then, the second still in.
    expect(throttle.fail('a', PAIRING_WINDOW_MS + 1)).toBe(PAIRING_MAX_WRONG - 2);
    throttle.succeed('a');
    expect(throttle.fail('a', PAIRING_WINDOW_MS + 2)).toBe(PAIRING_MAX_WRONG - 1);
  });
});

describe('the origin of an audited call', () => {
  it('names the kiosk window, a browser on the counter, a station and an unpaired PC apart', () => {
    expect(parseOrigin('local')).toEqual({ kind: 'local' });
    expect(parseOrigin('system')).toEqual({ kind: 'system' });
    expect(parseOrigin('http:127.0.0.1')).toEqual({ kind: 'http', address: '127.0.0.1' });
    expect(parseOrigin('station:3:192.168.1.5')).toEqual({ kind: 'station', stationId: 3, address: '192.168.1.5' });
    expect(parseOrigin('station:3:::ffff:192.168.1.5')).toEqual({ kind: 'station', stationId: 3, address: '::ffff:192.168.1.5' });
    expect(parseOrigin('lan:10.0.0.9')).toEqual({ kind: 'lan', address: '10.0.0.9' });
    expect(parseOrigin('test')).toEqual({ kind: 'other', text: 'test' });
  });
});
