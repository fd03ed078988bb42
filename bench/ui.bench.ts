import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { yearOfRecords } from './data';
import { report, within, type Figure } from './lib';
import { startBenchStation, type BenchStation } from './station';
import type { SeedResult } from './seed/year';

/**
 * The busiest screens in Debian's Chromium with the year loaded: from a click or a key to the next
 * frame painted. Inside the page, the input event's own time stamp starts the clock and the frame
 * after it (a requestAnimationFrame, then a task once it is painted) stops it, so the figure is what
 * the person at the counter waits for, the page's own work included.
 */
const REPEATS = 25;
const figures: Figure[] = [];
let year: SeedResult;
let station: BenchStation;
let browser: Browser;
let page: Page;

declare global {
  interface Window {
    __nextPaint?: { armed: string | null; durations: number[] };
  }
}

/** Measures from the input event of `type` to the next painted frame, for every armed interaction. */
function installPaintTimer(): void {
  const state = { armed: null as string | null, durations: [] as number[] };
  window.__nextPaint = state;
  for (const type of ['click', 'keydown']) {
    window.addEventListener(
      type,
      (event) => {
        if (state.armed !== event.type) return;
        state.armed = null;
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => state.durations.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  }
}

/** Repeats an interaction, each time from its input event to the next paint; answers the sorted durations. */
async function interaction(type: 'click' | 'keydown', act: (i: number) => Promise<void>, settle: () => Promise<void> = async () => undefined): Promise<number[]> {
  const durations: number[] = [];
  for (let i = -3; i < REPEATS; i += 1) {
    await page.evaluate((armed) => {
      const state = window.__nextPaint;
      if (state) {
        state.armed = armed;
        state.durations = [];
      }
    }, type);
    await act(i);
    await page.waitForFunction(() => (window.__nextPaint?.durations.length ?? 0) > 0);
    const [duration] = await page.evaluate(() => window.__nextPaint?.durations ?? []);
    if (i >= 0 && duration !== undefined) durations.push(duration);
    await settle();
  }
  return durations.sort((a, b) => a - b);
}

async function rows(locator: Locator, atLeast: number): Promise<number> {
  await expect.poll(() => locator.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(atLeast);
  return locator.count();
}

/** Waits until the list shows rows again (after a switch, once its answer is in). */
async function settled(locator: Locator): Promise<void> {
  await rows(locator, 1);
}

/** The first and the second of two controls, turn about. */
function alternate(controls: readonly [Locator, Locator], i: number): Locator {
  return controls[(((i % 2) + 2) % 2) as 0 | 1];
}

beforeAll(async () => {
  year = await yearOfRecords();
  station = await startBenchStation(year.dir, year.now);
  browser = await chromium.launch({
    executablePath: process.env.PARKDESK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(installPaintTimer);
  await page.goto(station.url);
  // The duty manager: the counter's screens and the broadcast room's, in one session.
  const manager = year.staff.find((member) => member.role === 'manager');
  if (!manager) throw new Error('no manager');
  await page.getByRole('button', { name: new RegExp(`^${manager.name}`) }).click();
  await page.getByLabel(/PIN/).fill(manager.pin);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  report('ui', figures);
});

it('rentals list', async () => {
  await page.goto(`${station.url}/#/counter/rentals`);
  const list = page.locator('[data-testid^="rental-R"]');
  // Virtualised: only the rows in view are in the page (the count it lists is checked below).
  await rows(list, 5);
  // The table says how many rentals it lists (only those in view are in the page).
  const shown = Number(await page.getByRole('table').first().getAttribute('aria-rowcount')) - 1;
  expect(shown).toBeGreaterThanOrEqual(20);
  const search = page.getByRole('textbox', { name: '搜索' });
  await search.click();
  const typing = await interaction('keydown', (i) => page.keyboard.press(i % 2 === 0 ? 'R' : 'Backspace'));
  await search.fill('');
  figures.push(within(`rentals list (${shown} out): a key in its search field`, typing, 100));
  const tabs: [Locator, Locator] = [page.getByRole('tab', { name: /已归还/ }), page.getByRole('tab', { name: /借出中/ })];
  const switching = await interaction('click', (i) => alternate(tabs, i).click(), () => settled(list));
  figures.push(within('rentals list: switching between out and returned today', switching, 100));
});

it('broadcast queue', async () => {
  await page.goto(`${station.url}/#/broadcast/queue`);
  const slips = page.locator('[data-testid^="slip-"]');
  const shown = await rows(slips, 1);
  const sound = page.getByRole('switch', { name: '声音提示' });
  const toggling = await interaction('click', () => sound.click());
  figures.push(within(`broadcast queue (${shown} open): the sound switch`, toggling, 100));
});

it('complaint list', async () => {
  await page.goto(`${station.url}/#/counter/complaints`);
  const list = page.locator('[data-testid^="complaint-C"]');
  const shown = await rows(list, 1);
  const views: [Locator, Locator] = [page.locator('label').filter({ hasText: /^今日$/ }), page.locator('label').filter({ hasText: /^未结案$/ })];
  const switching = await interaction('click', (i) => alternate(views, i).click(), () => settled(list));
  figures.push(within(`complaint list (${shown} shown): switching between open and today`, switching, 100));
  const search = page.getByRole('textbox', { name: '搜索' });
  await search.click();
  const typing = await interaction('keydown', (i) => page.keyboard.press(i % 2 === 0 ? 'a' : 'Backspace'));
  figures.push(within('complaint list: a key in its search field', typing, 100));
});
