import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const pathFile = join(ROOT, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
const runtime = binary && existsSync(binary) ? binary : undefined;

test('the kiosk window opens on first-run set-up, sandboxed, with only the contract bridge', async () => {
  test.skip(!runtime, 'The Electron runtime is not downloaded on this machine (no internet); the same app is tested in Chromium through the station.');
  const dir = mkdtempSync(join(tmpdir(), 'parkdesk-electron-'));
  const app = await electron.launch({ executablePath: runtime, args: [ROOT], env: { ...process.env, PARKDESK_DATA_DIR: dir } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: '欢迎使用 ParkDesk' })).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { parkdesk?: object }).parkdesk)).toBe('object');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => location.protocol)).toBe('parkdesk:');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
