import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Input, MethodName, Output, Result } from '../../shared/contract';
import { pdfText } from '../support/pdf';

const ROOT = resolve(import.meta.dirname, '../..');
const STATION = join(ROOT, 'out/main/station.js');
export const SCREENS = join(ROOT, 'test-results/screens');

export interface Station {
  url: string;
  dir: string;
  /** Calls the station's HTTP API directly (set-up and seeding that is not under test). */
  api<M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Result<Output<M>>>;
  /** Stops the process and starts it again on the same folder and port; `meanwhile` runs while it is stopped. */
  restart(meanwhile?: () => void): Promise<void>;
  stop(): Promise<void>;
}

async function launch(dir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [STATION], {
    env: { ...process.env, PARKDESK_DATA_DIR: dir, PARKDESK_PORT: '0', ...env },
    stdio: 'pipe',
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`station did not start: ${output}`)), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (!stopping.has(child)) {
        // Started or not, a station that ends on its own is a failure to see: say how, with what it wrote.
        const error = new Error(`station exited on its own (code ${code}, signal ${signal}):\n${output.slice(-4000)}`);
        console.error(error.message);
        reject(error);
      }
    });
  });
  // What the station reports as an error while a test runs is shown with the test's output.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[station ${child.pid}] ${chunk.toString()}`));
  return { child, url };
}

/** Station processes the fixture is stopping (their exit is expected). */
const stopping = new WeakSet<ChildProcessWithoutNullStreams>();

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  stopping.add(child);
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

/** A station process on a fresh temp data folder, for one test. */
export async function startStation(env: Record<string, string> = {}): Promise<Station> {
  const dir = mkdtempSync(join(tmpdir(), 'parkdesk-e2e-'));
  let running = await launch(dir, env);
  const station: Station = {
    get url() {
      return running.url;
    },
    dir,
    async api(method, input, token) {
      const response = await fetch(`${running.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<Output<typeof method>>;
    },
    async restart(meanwhile) {
      await stopChild(running.child);
      meanwhile?.();
      // On the same port, as the counter comes back: a page left open reaches it again.
      running = await launch(dir, { ...env, PARKDESK_PORT: new URL(running.url).port });
    },
    async stop() {
      await stopChild(running.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return station;
}

export const MANAGER = { name: '王经理', code: 'M001', pin: '246810' };

export async function must<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`call failed: ${JSON.stringify(settled.error)}`);
  return settled.value;
}

/** Completes set-up through the API (for tests about what comes after) and returns the manager's token. */
/** The complaint form's visitor, place, category, department and request, as a walk-in gives them (the account is left to the test). */
export async function fillWalkInComplaint(form: Locator): Promise<void> {
  await form.getByRole('textbox', { name: '投诉人' }).fill('刘先生');
  await form.getByRole('textbox', { name: '电话' }).fill('13812345678');
  await form.getByLabel('地点').fill('过山车排队区');
  await form.getByText('游乐项目', { exact: true }).click();
  await form.getByRole('combobox', { name: '责任部门' }).click();
  await form.page().getByRole('option', { name: /^游乐部/ }).click();
  await form.getByLabel('游客诉求').fill('要求退还快速通道票款');
}

/**
 * Moves the clock of a station started with `PARKDESK_TEST_CLOCK`: on by some ms (a number), to an
 * instant (`{ at }`), or not at all (`{}`, to read it); answers the station's time after the move.
 */
export async function moveClock(station: Station, move: number | { at: number } | Record<string, never> = {}): Promise<number> {
  const body = typeof move === 'number' ? { advanceMs: move } : move;
  const response = await fetch(`${station.url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok, 'the station runs on a test clock').toBe(true);
  return ((await response.json()) as { now: number }).now;
}

/** Sets a test station's clock to `at` and reloads the page, which reads the core's clock again (the header clock included). */
export async function clockTo(station: Station, page: Page, at: number): Promise<void> {
  await moveClock(station, { at });
  await page.reload();
}

export async function setUpPark(station: Station, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  const session = await must(
    station.api('setup.complete', { parkName: '阳光水世界', defaultLanguage: language, timeZone: 'Asia/Shanghai', manager: MANAGER }),
  );
  return session.token;
}

export async function addStaff(station: Station, token: string, staff: Input<'staff.create'>): Promise<Output<'staff.create'>> {
  return must(station.api('staff.create', staff, token));
}

/** Signs in on the sign-in screen: the tile, then the PIN typed on the keyboard. */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByLabel(/PIN/).fill(pin);
  await page.keyboard.press('Enter');
}

export async function chooseLanguage(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page.locator('label').filter({ hasText: language === 'en' ? /^English$/ : /^中文$/ }).first().click();
}

/** A time field (hours and minutes on the 24-hour clock): its hours, found by the field's label. */
export function timeField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('spinbutton', { name: label }).first();
}

/** Types a time as the counter does: into the hours, `0940`, the minutes follow. */
export async function fillTime(hours: Locator, time: string): Promise<void> {
  await hours.click();
  await hours.page().keyboard.type(time.replace(':', ''));
}

/** The value a time field holds (`HH:mm`, or '' while it is not complete). */
export function timeValue(scope: Page | Locator, label: string): Locator {
  return timeField(scope, label).locator('xpath=ancestor::div[contains(@class, "mantine-TimePicker-input")][1]//input[@type="hidden"]');
}

/** Types a date into a date field and leaves it (Tab), so its calendar closes as a clerk's would. */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Tab');
}

/** How wide a character of an element's text is drawn, in ems of the element's font size (0 when it has none). */
export function emWidth(element: Locator, char: string): Promise<number> {
  return element.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const at = text.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + wanted.length);
      return range.getBoundingClientRect().width / parseFloat(getComputedStyle(text.parentElement ?? node).fontSize);
    }
    return 0;
  }, char);
}

/** The words of every badge in the page's main area that is cut short (its label wider than its box). */
export function cutBadges(page: Page): Promise<Array<string | null>> {
  return page.evaluate(() => [...document.querySelectorAll('main .mantine-Badge-label')].filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent));
}

/**
 * The controls on screen smaller than a 44 px touch target (UI.md): buttons, links, tabs, each choice
 * of a switch or of a set of chips, tick boxes; as 'name WxH'. A notice's own close button is left out: it is kept small on
 * purpose (the notice closes by itself).
 */
export function smallTargets(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((scope) =>
    [...document.querySelectorAll(scope)].flatMap((root) => [...root.querySelectorAll('button, a[href], [role=tab], label.mantine-SegmentedControl-label, label.mantine-Chip-label, input[type=checkbox]')])
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ control, box }) => box.width > 0 && box.height > 0 && (box.width < 44 || box.height < 44) && !control.closest('.mantine-Notification-root'))
      .map(({ control, box }) => `${control.getAttribute('aria-label') ?? control.textContent?.trim() ?? ''} ${Math.round(box.width)}x${Math.round(box.height)}`),
  within);
}

/**
 * The Latin words under `selector` that the layout split over two lines ("COUNTE" / "R"): each word
 * of every text node is measured as a range, and one drawn on more than one line is broken. Chinese
 * text wraps between characters by design and is not checked.
 */
export function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((within) => {
    const broken: string[] = [];
    for (const root of document.querySelectorAll(within)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/[A-Za-z][A-Za-z&'’-]*/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/**
 * The Chinese texts under `selector` that wrap with one character alone on their last line ("7 天内待移" /
 * "交"): a word cut before its last character.
 */
export function orphanedCharacters(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((within) => {
    const orphaned: string[] = [];
    for (const node of document.querySelectorAll(`${within} *`)) {
      const text = node.childElementCount === 0 ? (node.textContent ?? '') : '';
      if (!/[\u4e00-\u9fff]/.test(text)) continue;
      const textNode = node.firstChild;
      if (!textNode) continue;
      const tops = [...text].map((_, index) => {
        const range = document.createRange();
        range.setStart(textNode, index);
        range.setEnd(textNode, index + 1);
        return Math.round(range.getBoundingClientRect().top);
      });
      const last = Math.max(...tops);
      if (new Set(tops).size > 1 && tops.filter((top) => top === last).length === 1) orphaned.push(text);
    }
    return orphaned;
  }, selector);
}

/** The texts under `selector` cut short by a line clamp or an ellipsis (their box holds less than their content). */
export function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (within) =>
      [...document.querySelectorAll(`${within} *`)]
        .filter((node) => node.childElementCount === 0 && (node.textContent ?? '').trim() !== '')
        .filter((node) => {
          const style = getComputedStyle(node);
          const clamped = style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '' && node.scrollHeight > node.clientHeight + 1;
          return clamped || (style.textOverflow === 'ellipsis' && node.scrollWidth > node.clientWidth + 1);
        })
        .map((node) => node.textContent ?? ''),
    selector,
  );
}

/** The buttons under `selector` whose words do not fit them (a button's label is one line and hides what overflows: "+ Transpor"). */
export function cutButtons(page: Page, selector = 'main'): Promise<string[]> {
  return page.evaluate(
    (within) => [...document.querySelectorAll(`${within} .mantine-Button-label`)].filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent ?? ''),
    selector,
  );
}

/** How many whole px the element with this test id reaches past the right edge of the main area: 0 or less when it fits. */
export function pastMain(page: Page, testId: string): Promise<number> {
  return page.evaluate(
    (id) => Math.floor((document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().right ?? Infinity) - (document.querySelector('main')?.getBoundingClientRect().right ?? 0)),
    testId,
  );
}

/**
 * Saves a screenshot for people to look at (test-results/screens/<name>.png), of what the screen
 * settles on: a dialog's opening transition is run to its end first.
 */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false, animations: 'disabled' });
}

export interface Printed {
  src: string;
  /** Whether the frame held a PDF document when it was printed. */
  pdf: boolean;
}

/**
 * The A4 printer is the boundary mocked here (no printer is reachable from the test): in the page,
 * the window of every frame answers print() by recording the frame's address, and whether it holds
 * a PDF document, instead of opening the system's print dialog; after `printerDown` it throws.
 */
export async function mockPrinter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const prints: Printed[] = [];
    Object.defineProperty(window, '__prints', { value: prints });
    const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const view = (contentWindow?.get?.call(this) ?? null) as Window | null;
        const src = this.src;
        if (view) {
          view.print = () => {
            if ((window as unknown as { __printerDown?: boolean }).__printerDown) throw new Error('no printer');
            prints.push({ src, pdf: view.document.contentType === 'application/pdf' });
          };
        }
        return view;
      },
    });
  });
}

/** From now on the mocked printer fails, as a print dialog that cannot open does. */
export async function printerDown(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __printerDown?: boolean }).__printerDown = true;
  });
}

/** What the mocked printer was asked to print, in order. */
export function printed(page: Page): Promise<Printed[]> {
  return page.evaluate(() => (window as unknown as { __prints: Printed[] }).__prints.map((entry) => ({ ...entry })));
}

/**
 * 10:00 today in the park (Asia/Shanghai, the parks' zone in these tests): a test's station starts
 * its clock there, so what depends on the hour (a rental's default due time is the closing time
 * until 18:00, an hour later after it) is the same whenever the tests run.
 */
export function parkMorningToday(): string {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(`${date}T10:00:00+08:00`).toISOString();
}

export const test = base.extend<{ station: Station }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies by destructuring; this one has none.
  station: async ({}, use) => {
    const station = await startStation({ PARKDESK_TEST_CLOCK: parkMorningToday() });
    await use(station);
    await station.stop();
  },
});

export { expect };

/**
 * Makes an A4 record with `button` (an incident report, a complaint record), clicks the download link shown once it is made, and its Print beside it (the
 * A4 printer mocked: see mockPrinter); answers the PDF's text, page by page.
 */
export async function downloadPdf(page: Page, button: string, fileName: string): Promise<{ name: string; pages: string[] }> {
  await page.getByRole('button', { name: button }).click();
  const link = page.getByTestId('pdf-download');
  await expect(link).toContainText(fileName, { timeout: 15_000 });
  const before = (await printed(page)).length;
  await page.getByRole('button', { name: `打印 ${fileName}` }).click();
  await expect.poll(async () => (await printed(page)).slice(before)).toEqual([{ src: expect.stringMatching(/^blob:/), pdf: true }]);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), pages: await pdfText(readFileSync(file)) };
}
