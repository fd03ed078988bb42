import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileWhole } from '../../electron/core/files';
import { tempDir } from '../support/core';

describe('a file written whole', () => {
  it('replaces the file in one step and leaves nothing beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'H20261129-01.pdf');
    writeFileSync(file, 'the old ledger');
    writeFileWhole(file, Buffer.from('%PDF-1.7 the new ledger'));
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 the new ledger');
    expect(readdirSync(dir)).toEqual(['H20261129-01.pdf']);
  });

  it('creates a secret with its mode, readable by this user only', () => {
    const file = join(tempDir(), 'station.json');
    writeFileWhole(file, '{"token":"x"}', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('{"token":"x"}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('changes nothing when it cannot write, and leaves no partial file', () => {
    const dir = tempDir();
    const file = join(dir, 'missing-folder', 'report.pdf');
    expect(() => writeFileWhole(file, 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
