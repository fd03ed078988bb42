import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { writeFileWhole } from '../files';

/**
 * The counter's TLS certificate for the park LAN: self-signed, made once and kept in the data
 * folder. Stations pin its SHA-256 fingerprint when they pair (the pairing code carries the first
 * 40 bits of it), so no certificate authority is needed and a changed certificate is noticed.
 */
export interface Credentials {
  key: string;
  cert: string;
  /** `94:02:E7:…`, as Node and browsers print it. */
  fingerprint: string;
}

const KEY_FILE = 'counter-key.pem';
const CERT_FILE = 'counter-cert.pem';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

/** This PC's IPv4 and IPv6 LAN addresses (not loopback, not link-local IPv6). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((entry) => !entry.internal && !(entry.family === 'IPv6' && entry.address.startsWith('fe80')))
    .map((entry) => entry.address);
}

export const fingerprintOf = (cert: string): string => new X509Certificate(cert).fingerprint256;

/** The certificate in `<dataDir>/tls`, made on first use. */
export async function loadCredentials(dataDir: string): Promise<Credentials> {
  const dir = join(dataDir, 'tls');
  const keyFile = join(dir, KEY_FILE);
  const certFile = join(dir, CERT_FILE);
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    { type: 2 as const, value: hostname() },
    { type: 7 as const, ip: '127.0.0.1' },
    ...lanAddresses().map((ip) => ({ type: 7 as const, ip })),
  ];
  // Loaded only to make the certificate, once per counter: it takes a tenth of a second to load.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: `ParkDesk counter (${hostname()})` }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now - 24 * 3600 * 1000),
    notAfterDate: new Date(now + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  writeFileWhole(keyFile, pems.private, { mode: 0o600 });
  writeFileWhole(certFile, pems.cert, { mode: 0o644 });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}
