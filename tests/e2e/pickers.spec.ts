import { addStaff, expect, fillTime, must, screen, setUpPark, signIn, smallTargets, test, timeField, timeValue } from './fixtures';
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
  });
});
