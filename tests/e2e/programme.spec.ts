import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { addStaff, chooseLanguage, clockTo, expect, fillDate, fillTime, MANAGER, must, screen, setUpPark, signIn, startStation, type Station, test, timeField } from './fixtures';

/** Park time on 2026-11-29 (Asia/Shanghai, UTC+8) as epoch ms. */
const at = (time: string) => Date.parse(`2026-11-29T${time}:00+08:00`);
const TODAY = '2026-11-29';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A and AA findings on the page, as `rule: targets` (once the transient notices are gone). */
async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(640, 120); // a notice under the pointer stays open
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// axe is injected as an inline script, which the app's CSP forbids: this file bypasses the CSP for the check only.
test.use({ bypassCSP: true });

/** A park whose station runs on a movable clock; sessions stay signed in while the clock jumps. */
async function openPark(start: string): Promise<{ station: Station; admin: string }> {
  const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at(start)).toISOString() });
  const admin = await setUpPark(station);
  await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
  return { station, admin };
}

async function openProgramme(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label === '每日节目' ? '每日节目' : 'Daily programme');
}

test.describe('the daily broadcast programme', () => {
  test('the broadcast room is reminded when the check window opens, signs the check off, and a missed check turns red', async ({ page }) => {
    test.setTimeout(90_000);
    const { station, admin } = await openPark('10:14');
    try {
      await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
      await page.goto(station.url);
      await signIn(page, '陈广播', '2468');
      await openProgramme(page, '每日节目');

      // 10:14: the 10:30 activities announcement is next; its check opens at 10:20; no reminder yet.
      const focus = page.getByTestId('slot-focus');
      await expect(focus.getByTestId('focus-time')).toHaveText('10:30–10:35');
      await expect(focus.getByRole('heading', { name: '上午活动预告' })).toBeVisible();
      await expect(focus.getByTestId('script-zh')).toContainText('欢乐巡游将从中心广场出发');
      await expect(focus.getByTestId('check-clock')).toHaveAttribute('data-state', 'notYet');
      await expect(focus.getByTestId('check-clock')).toContainText('10:20 起检查');
      await expect(page.getByTestId('programme-reminder')).toHaveCount(0);
      await expect(focus.getByRole('button', { name: '设备已检查' })).toHaveCount(0);
      // Nobody checked before the 09:00 opening announcement: already missed.
      await expect(page.getByTestId('slot-09:00')).toHaveAttribute('data-check', 'missed');
      await screen(page, 'programme-next-zh-1280');

      // 10:20: the window opens; amber reminder with the time left, and the big action.
      await clockTo(station, page, at('10:20'));
      const reminder = page.getByTestId('programme-reminder');
      await expect(reminder).toHaveAttribute('data-state', 'due');
      await expect(reminder).toContainText('10:30 上午活动预告 需检查设备 — 剩余 10 分钟');
      await expect(focus.getByTestId('check-clock')).toHaveAttribute('data-state', 'due');
      await expect(focus.getByTestId('check-clock')).toContainText('剩余 10 分钟');
      await screen(page, 'programme-check-due-zh-1280');
      expect(await axe(page), 'check due (zh)').toEqual([]);
      const action = focus.getByRole('button', { name: '设备已检查' });
      expect((await action.boundingBox())?.height).toBeGreaterThanOrEqual(48);
      await action.click();
      await expect(focus.getByTestId('check-clock')).toHaveAttribute('data-state', 'done');
      await expect(focus.getByTestId('check-clock')).toContainText(/10:2\d 已检查/);
      await expect(focus.getByTestId('check-detail')).toHaveText('陈广播');
      await expect(reminder).toHaveCount(0);
      const day = await must(station.api('programme.day', {}, admin));
      expect(day.slots.find((slot) => slot.start === '10:30')).toMatchObject({ checkState: 'done', check: { ok: true, inTime: true, by: { name: '陈广播' } } });
      await screen(page, 'programme-checked-zh-1280');

      // The lunch break at 12:00: due from 11:50, nobody signs, at 12:01 it is missed and shows red.
      await clockTo(station, page, at('11:52'));
      await expect(reminder).toContainText('12:00 午间休息 需检查设备');
      await clockTo(station, page, at('12:01'));
      await expect(reminder).toHaveAttribute('data-state', 'missed');
      await expect(reminder).toContainText('12:00 午间休息 设备检查漏签');
      await expect(focus.getByTestId('focus-time')).toHaveText('12:00–12:05');
      const missed = focus.getByTestId('check-clock');
      await expect(missed).toHaveAttribute('data-state', 'missed');
      await expect(missed).toContainText('设备检查漏签');
      const red = await missed.locator('.mantine-Badge-root').evaluate((badge) => getComputedStyle(badge).backgroundColor);
      const [r = 0, g = 0, b = 0] = (red.match(/\d+/g) ?? []).map(Number);
      expect(r).toBeGreaterThan(180);
      expect(g).toBeLessThan(90);
      expect(b).toBeLessThan(90);
      await expect(page.getByTestId('slot-12:00')).toHaveAttribute('data-check', 'missed');
      await expect(page.getByTestId('slot-10:30')).toHaveAttribute('data-check', 'done');
      await screen(page, 'programme-missed-zh-1280');

      // A check signed late is kept, but the slot stays missed for the day.
      await focus.getByRole('button', { name: '补签检查' }).click();
      await expect(missed).toContainText('设备检查漏签');
      await expect(focus.getByTestId('check-detail')).toHaveText(/^12:0\d 补签 · 陈广播$/);
      await expect(missed).toHaveAttribute('data-state', 'missed');
      await focus.getByRole('button', { name: '登记已播出' }).click();
      await expect(focus.getByTestId('aired')).toContainText(/12:0\d 已播出 · 陈广播/);

      await chooseLanguage(page, 'en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Daily programme');
      await expect(focus.getByTestId('check-detail')).toHaveText(/^signed late 12:0\d · 陈广播$/);
      await expect(page.getByTestId('programme-summary')).toHaveText('1 of 6 checks signed in time · 2 missed · 1 aired');
      await screen(page, 'programme-missed-en-1280');
      expect(await axe(page), 'missed (en)').toEqual([]);
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'programme-missed-en-1920');
      // Back in the check window of the next slot, in English, at full HD.
      await clockTo(station, page, at('12:52'));
      await expect(reminder).toContainText('Equipment check due for the 13:00 Afternoon music — 8 min left');
      await screen(page, 'programme-check-due-en-1920');
    } finally {
      await station.stop();
    }
  });

  test('a manager edits the programme with clear refusals, and an event day moves every slot 15 minutes earlier', async ({ page }) => {
    test.setTimeout(90_000);
    const { station, admin } = await openPark('08:30');
    try {
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await openProgramme(page, '每日节目');
      await page.getByRole('button', { name: '编辑节目单' }).click();
      await expect(page.getByTestId('edit-10:30')).toContainText('上午活动预告');
      await page.getByRole('button', { name: '添加节目档' }).click();
      const dialog = page.getByRole('dialog');
      await fillTime(timeField(dialog, '开始时间（平日）'), '10:32');
      await dialog.getByLabel('标题（中文）').fill('傍晚灯光秀预告');
      await dialog.getByLabel('标题（英文）').fill('Evening light show');
      await dialog.getByLabel('标准播音稿（中文）').fill('各位游客请注意，今晚七点，灯光秀将在中心广场上演，欢迎观赏。');
      await dialog.getByLabel('标准播音稿（英文）').fill('Attention please: tonight at 19:00 the light show starts at Central Plaza.');
      await dialog.getByRole('button', { name: '保存' }).click();
      // The core refuses the overlap; the message sits under the start time.
      await expect(dialog.getByText('与 10:30–10:35 节目档时间重叠。')).toBeVisible();
      await screen(page, 'programme-edit-overlap-zh-1280');
      // Around midnight: refused in the form already.
      await fillTime(timeField(dialog, '开始时间（平日）'), '23:58');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.getByText('节目档须在 06:00 或之后开始，并在 23:00 前结束。')).toBeVisible();
      await fillTime(timeField(dialog, '开始时间（平日）'), '16:30');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.getByTestId('edit-16:30')).toContainText('傍晚灯光秀预告');
      // Reorder: the music moves before the lunch break, on the same times.
      await page.getByRole('button', { name: '提前 13:00 午后音乐' }).click();
      await expect(page.getByTestId('edit-12:00')).toContainText('午后音乐');
      await expect(page.getByTestId('edit-13:00')).toContainText('午间休息');
      const slots = await must(station.api('programme.slots.list', {}, admin));
      expect(slots.map((slot) => slot.start)).toEqual(['09:00', '10:30', '12:00', '13:00', '15:00', '16:30', '17:45']);
      await screen(page, 'programme-edit-zh-1280');
      expect(await axe(page), 'edit mode (zh)').toEqual([]);
      await page.getByRole('button', { name: '完成编辑' }).click();

      // An event day set in Settings (here by another manager): the page updates by itself.
      await expect(page.getByTestId('event-day')).toHaveCount(0);
      await expect(page.getByTestId('slot-10:30')).toContainText('10:30');
      await must(station.api('settings.update', { eventDays: [TODAY] }, admin));
      await expect(page.getByTestId('event-day')).toContainText('活动日：每档节目提前 15 分钟播出');
      await expect(page.getByTestId('event-day')).toContainText(`${TODAY} 在设置中列为活动日，`);
      await expect(page.getByTestId('slot-10:30')).toContainText('10:15');
      await expect(page.getByTestId('slot-10:30')).toContainText('平日 10:30');
      // 08:30: the opening announcement now airs at 08:45, so its check is due from 08:35.
      await expect(page.getByTestId('slot-focus').getByTestId('focus-time')).toHaveText('08:45–08:50');
      await clockTo(station, page, at('08:36'));
      await expect(page.getByTestId('programme-reminder')).toContainText('08:45 开园广播 需检查设备 — 剩余 9 分钟');
      await screen(page, 'programme-event-day-zh-1280');
      expect(await axe(page), 'event day (zh)').toEqual([]);
      await chooseLanguage(page, 'en');
      await expect(page.getByTestId('event-day')).toContainText('Event day: every slot airs 15 minutes earlier');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'programme-event-day-en-1920');
      // National Day is an official public holiday: its programme is earlier without being listed.
      await page.setViewportSize({ width: 1280, height: 800 });
      await fillDate(page.getByLabel('Show the programme of'), '2026-10-01');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await expect(page.getByTestId('event-day')).toHaveAttribute('data-reason', 'publicHoliday');
      await expect(page.getByTestId('event-day')).toContainText('Public holiday: every slot airs 15 minutes earlier');
      await expect(page.getByTestId('slot-10:30')).toContainText('10:15');
      await screen(page, 'programme-holiday-en-1280');
      await chooseLanguage(page, 'zh-CN');
      await expect(page.getByTestId('event-day')).toContainText('法定节假日：每档节目提前 15 分钟播出');
      await screen(page, 'programme-holiday-zh-1280');
      // A manager keeps it on its normal times.
      await must(station.api('settings.update', { holidaysNotShifted: ['2026-10-01'] }, admin));
      await expect(page.getByTestId('event-day')).toHaveCount(0);
      await expect(page.getByTestId('holiday-not-shifted')).toContainText('2026-10-01 是法定节假日，已在设置中改为按平日时间播出。');
      await expect(page.getByTestId('slot-10:30')).toContainText('10:30');
    } finally {
      await station.stop();
    }
  });
});
