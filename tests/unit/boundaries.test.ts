import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the architecture's import boundaries, run on sample files at each place.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep shared/ free of electron, Node and React', async () => {
    expect(await problems('shared/rules/sample.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/rules/sample.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await problems('shared/rules/sample.ts', "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(1);
    expect(await problems('shared/rules/sample.ts', "import { useState } from 'react';\nexport const a = useState;\n")).toHaveLength(1);
    expect(await problems('shared/rules/sample.ts', "import { events } from '../contract/events';\nexport const a = events;\n")).toHaveLength(0);
  });

  it('keep the renderer away from electron, the database and the core', async () => {
    expect(await problems('renderer/src/sample.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/src/sample.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect((await problems('renderer/src/sample.ts', "import { createCore } from '../../electron/core/app';\nexport const a = createCore;\n")).length).toBeGreaterThan(0);
    expect(await problems('renderer/src/sample.ts', "import { contract } from '@shared/contract';\nexport const a = contract;\n")).toHaveLength(0);
  });

  it('keep the core and the station runnable in plain Node', async () => {
    expect(await problems('electron/core/sample.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/station/sample.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n")).toHaveLength(1);
    expect(await problems('electron/main/sample.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });
});
