import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: to a hidden partial file beside it, flushed to the disk, then
 * renamed over it. A reader, or a power cut, never finds half a report or half a pairing file.
 * A `mode` is the file's exactly, whatever the process's umask (a private key: 0o600).
 */
export function writeFileWhole(file: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    const fd = openSync(partial, 'w', options.mode ?? 0o666);
    try {
      if (options.mode !== undefined) fchmodSync(fd, options.mode);
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
