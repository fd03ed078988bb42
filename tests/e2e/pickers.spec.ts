import { addStaff, expect, fillTime, MANAGER, must, screen, setUpPark, signIn, smallTargets, startStation, test, timeField, timeValue } from './fixtures';
import { setLanguage } from './lostFoundHelpers';

// The browser's own locale is US English: native date and time inputs would show mm/dd/yyyy and
// AM/PM whatever language the counter chose. The app's fields follow the app's language instead.
test.use({ locale: 'en-US' });

test.describe('dates and times in the app’s language', () => {
  test('a time reads on the 24-hour clock in both languages; a calendar speaks the chosen language; a typed date that is no date changes nothing', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const board = await must(station.api('rentals.board', {}, admin));
    const wheelchair = board.types.find((type) => type.code === 'wheelchair')?.id ?? 0;
    const unit = await must(station.api('rentals.units.add', { typeId: wheelchair, tag: 'WC-001' }, admin));
    await must(station.api('rentals.inspect', { unitId: unit.id, result: 'ok' }, admin));
    await page.goto(station.url);
    await signIn(page, '张柜台', '1357');
    await setLanguage(page, 'en');

    // The check-out's return time, in English on an en-US browser: 18:00, hours then minutes, no AM/PM.
    await page.getByRole('button', { name: /^Rent out/ }).click();
    const dialog = page.getByRole('dialog');
    const due = timeField(dialog, 'Return by');
    await expect(due).toHaveValue('18');
    await expect(dialog.getByRole('spinbutton', { name: 'Return by · Minutes' })).toHaveValue('00');
    await expect(timeValue(dialog, 'Return by')).toHaveValue('18:00');
    await expect(dialog.locator('.mantine-TimePicker-root select')).toHaveCount(0);
    // Typed as the clerk types it: 2015 is a quarter past eight in the evening.
    await fillTime(due, '2015');
    await expect(timeValue(dialog, 'Return by')).toHaveValue('20:15');
    // Its list of hours is a touch target row by row.
    await due.click();
    // Hours come first, minutes beside them: the first 21 is the hour.
    await expect(page.locator('.mantine-TimePicker-dropdown').getByRole('button', { name: '21', exact: true }).first()).toBeVisible();
    await screen(page, 'pickers-time-en-1280');
    expect(await smallTargets(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);

    // Lost property's search from a date: a calendar in English, weeks from Monday.
    await page.getByRole('navigation').getByRole('link', { name: 'Lost & found' }).click();
    await page.getByRole('tab', { name: 'Search' }).click();
    const from = page.getByLabel('Found from', { exact: true });
    await from.click();
    const calendar = page.locator('[data-dates-dropdown]');
    await expect(calendar.getByRole('columnheader').first()).toHaveText('Mo');
    // Typed the Chinese way, it reads as the app writes dates; the calendar turns to its month.
    await from.fill('2026/11/3');
    await expect(calendar).toContainText('November 2026');
    await screen(page, 'pickers-calendar-en-1280');
    expect(await smallTargets(page)).toEqual([]);
    await from.press('Tab');
    await expect(calendar).toHaveCount(0);
    await expect(from).toHaveValue('2026-11-03');
    // No such day: the field goes back to the date it had.
    await from.fill('2026-02-30');
    await from.press('Tab');
    await expect(from).toHaveValue('2026-11-03');

    // In Chinese, on the same US-English browser: the calendar is Chinese.
    await setLanguage(page, 'zh-CN');
    const since = page.getByLabel('拾得日期从', { exact: true });
    await expect(since).toHaveValue('2026-11-03');
    await since.click();
    await expect(calendar).toContainText('十一月 2026');
    await expect(calendar.getByRole('columnheader').first()).toHaveText('一');
    await screen(page, 'pickers-calendar-zh-1280');
    await since.press('Escape');

    // On the 1024 touch kiosk there is no room below the field: the calendar opens beside it, the
    // field and its label still in sight, not over them.
    await page.setViewportSize({ width: 1024, height: 768 });
    await since.click();
    await expect(calendar).toBeVisible();
    await screen(page, 'pickers-calendar-zh-1024');
    const drawn = await calendar.boundingBox();
    for (const part of [since, page.locator('label', { hasText: '拾得日期从' })]) {
      const box = await part.boundingBox();
      if (!drawn || !box) throw new Error('calendar or field not drawn');
      const overlaps = drawn.x < box.x + box.width && box.x < drawn.x + drawn.width && drawn.y < box.y + box.height && box.y < drawn.y + drawn.height;
      expect(overlaps, `calendar over ${await part.evaluate((node) => node.tagName)}`).toBe(false);
    }
    expect(drawn && drawn.y + drawn.height).toBeLessThanOrEqual(768);
  });

  test('a date typed past the last day the field takes is refused with its reason, and the field keeps the date it had', async ({ browser }) => {
    // The park's clock stands on 3 December 2026: the complaint summary goes up to that day.
    const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-12-03T02:00:00.000Z' });
    try {
      await setUpPark(station);
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: '客诉汇总' }).click();
      await page.getByRole('tab', { name: '每日客诉汇总' }).click();
      const date = page.getByLabel('日期', { exact: true });
      await expect(date).toHaveValue('2026-12-03');
      await date.fill('2026-12-01');
      await date.press('Tab');
      await expect(date).toHaveValue('2026-12-01');

      // Typed key by key, 2026-12-3 is a day the field takes on the way to 2026-12-31, which it does not.
      await date.click();
      await date.fill('');
      await date.pressSequentially('2026-12-31');
      await date.press('Tab');
      await expect(date).toHaveValue('2026-12-01');
      await expect(page.getByText('2026-12-31 晚于可选的最后一天 2026-12-03。')).toBeVisible();
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      // No date at all: the same, with the format to type.
      await date.fill('2026-02-30');
      await date.press('Tab');
      await expect(date).toHaveValue('2026-12-01');
      await expect(page.getByText('“2026-02-30”不是有效日期，请按 2026-10-01 的格式输入。')).toBeVisible();
      await screen(page, 'pickers-refused-zh-1280');
      // A date it takes clears the message.
      await date.fill('2026/12/2');
      await date.press('Tab');
      await expect(date).toHaveValue('2026-12-02');
      await expect(page.getByText(/不是有效日期/)).toHaveCount(0);
      await expect(date).not.toHaveAttribute('aria-invalid', 'true');
      // The reason is kept as a catalog key: switching language re-words it where it stands.
      await date.fill('12/31/2026');
      await date.press('Tab');
      await setLanguage(page, 'en');
      await expect(page.getByText('“12/31/2026” is not a date: type one like 2026-10-01.')).toBeVisible();
      await screen(page, 'pickers-refused-en-1280');
      await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-12-02');
      await context.close();
    } finally {
      await station.stop();
    }
  });
});
