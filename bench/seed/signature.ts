import { crc32, deflateSync } from 'node:zlib';
import type { Random } from './random';

/**
 * Signatures as the signature pad sends them: a PNG data URL of the pad (white, 480 x 170 CSS
 * pixels) with a few pen strokes. Drawn here as grey-scale curves, so each one is a real PNG of
 * about the size a real signature has.
 */
const WIDTH = 480;
const HEIGHT = 170;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey-scale
  const raw = Buffer.alloc((WIDTH + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y += 1) {
    raw[y * (WIDTH + 1)] = 0; // no filter
    raw.set(pixels.subarray(y * WIDTH, (y + 1) * WIDTH), y * (WIDTH + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A pen dot with a soft edge, darkening what is under it. */
function dab(pixels: Uint8Array, cx: number, cy: number, radius: number): void {
  for (let y = Math.floor(cy - radius - 1); y <= cy + radius + 1; y += 1) {
    for (let x = Math.floor(cx - radius - 1); x <= cx + radius + 1; x += 1) {
      if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue;
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(x - cx, y - cy)));
      const index = y * WIDTH + x;
      pixels[index] = Math.min(pixels[index] ?? 255, Math.round(255 - 230 * coverage));
    }
  }
}

function drawSignature(random: Random): Buffer {
  const pixels = new Uint8Array(WIDTH * HEIGHT).fill(255);
  const strokes = random.int(1, 3);
  let x = random.int(30, 80);
  for (let s = 0; s < strokes; s += 1) {
    const length = random.int(60, 140);
    const amplitude = random.int(10, 35);
    const frequency = 0.03 + random.next() * 0.06;
    const phase = random.next() * Math.PI * 2;
    const baseline = random.int(60, 110);
    for (let t = 0; t < length; t += 0.7) {
      const px = x + t;
      const py = baseline + Math.sin(t * frequency * 3 + phase) * amplitude * Math.sin((t / length) * Math.PI);
      dab(pixels, px, py, 1.4 + Math.sin(t / 9) * 0.5);
    }
    x += length + random.int(5, 30);
  }
  return png(pixels);
}

/** A handful of distinct signatures to draw on (each row stores its own copy, as the app does). */
export function signaturePool(random: Random, size = 24): string[] {
  return Array.from({ length: size }, () => `data:image/png;base64,${drawSignature(random).toString('base64')}`);
}
