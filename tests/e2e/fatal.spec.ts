import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseLanguage, screen, setUpPark, startStation, type Station } from './fixtures';

let station: Station;
test.afterEach(async () => {
  await station.stop();
});

test.describe('a database the counter cannot use', () => {
  test('written by a newer ParkDesk: the screen says so and what to do, in Chinese and English, never a blank window', async ({ page }) => {
    station = await startStation();
    await setUpPark(station);
    const file = join(station.dir, 'parkdesk.sqlite');
    let known = 0;
    await station.restart(() => {
      const db = new Database(file);
      known = Number(db.pragma('user_version', { simple: true }));
      db.pragma(`user_version = ${known + 5}`);
      db.close();
    });
    expect(known).toBeGreaterThan(20);
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: 'ParkDesk 无法打开数据库' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`结构版本 ${known + 5}，本版本最高支持 ${known}`);
    await expect(page.getByText(file, { exact: true })).toBeVisible();
    await screen(page, 'fatal-too-new-zh-1280');
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { name: 'ParkDesk cannot open its database' })).toBeVisible();
    await expect(alert).toContainText(`was written by a newer version of ParkDesk (schema ${known + 5}; this version knows up to ${known})`);
    await screen(page, 'fatal-too-new-en-1280');
    // Nothing was changed: the file still says what it said.
    await station.restart(() => {
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(known + 5);
      db.close();
    });
  });

  test('not a database at all: the screen says it is damaged and how to go on', async ({ page }) => {
    station = await startStation();
    const file = join(station.dir, 'parkdesk.sqlite');
    await station.restart(() => writeFileSync(file, 'a grocery list, not a database\n'.repeat(400)));
    await page.goto(station.url);
    await expect(page.getByRole('alert')).toContainText('的数据库已损坏');
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('alert')).toContainText('is damaged');
    await expect(page.getByRole('alert')).toContainText('Restore the latest backup');
  });
});
