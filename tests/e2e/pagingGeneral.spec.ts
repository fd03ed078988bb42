import { addStaff, expect, MANAGER, screen, setUpPark, signIn, test } from './fixtures';
import { setLanguage } from './lostFoundHelpers';

test.use({ actionTimeout: 10_000 });

test('general announcements read standard wording: a manager edits the library, the counter picks a text, adjusts it and registers it', async ({ browser, station }) => {
  test.setTimeout(90_000);
  const admin = await setUpPark(station);
  await station.api('settings.update', { idleSignOutMinutes: 240 }, admin);
  await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    // The duty manager words the closing announcement as this park says it.
    const manager = await context.newPage();
    await manager.goto(station.url);
    await signIn(manager, MANAGER.name, MANAGER.pin);
    await manager.getByRole('navigation').getByRole('link', { name: '广播寻人' }).click();
    await manager.getByRole('tab', { name: '标准播报稿' }).click();
    const library = manager.getByTestId('general-texts');
    await expect(library).toContainText('雷雨天气');
    await library.getByRole('button', { name: '编辑 闭园提示' }).click();
    const editor = manager.getByRole('dialog');
    await editor.getByLabel('广播内容（中文）').fill('各位游客请注意，本园将于18:00闭园，请您带好随身物品，有序离园。');
    await editor.getByLabel('广播内容（英文）').fill('Attention please. The park closes at 18:00. Please take your belongings and make your way to the exits.');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(manager.getByText('标准广播词已保存。')).toBeVisible();
    await library.scrollIntoViewIfNeeded();
    await screen(manager, 'paging-general-library-zh-1280');
    await setLanguage(manager, 'en');
    await expect(library).toContainText('Park closing soon');
    await screen(manager, 'paging-general-library-en-1280');
    await setLanguage(manager, 'zh-CN');
    await manager.close();

    // At the counter: a general announcement starts from the standard text, adjusted before it goes.
    const counter = await context.newPage();
    await counter.goto(station.url);
    await signIn(counter, '张柜台', '1357');
    await counter.getByRole('navigation').getByRole('link', { name: '广播寻人' }).click();
    await counter.keyboard.press('F2');
    const dialog = counter.getByRole('dialog');
    await dialog.locator('label').filter({ hasText: /^通知广播$/ }).click();
    await dialog.getByRole('combobox', { name: '标准广播词' }).click();
    await counter.getByRole('option', { name: '闭园提示' }).click();
    await expect(dialog.getByLabel('广播内容（中文）')).toHaveValue('各位游客请注意，本园将于18:00闭园，请您带好随身物品，有序离园。');
    await expect(dialog.getByLabel('广播内容（英文）')).toHaveValue(/closes at 18:00/);
    await dialog.getByLabel('广播内容（中文）').fill('各位游客请注意，本园将于18:00闭园，水世界将于17:30提前关闭，请您带好随身物品，有序离园。');
    await screen(counter, 'paging-general-form-zh-1280');
    await setLanguage(counter, 'en');
    await expect(dialog.getByRole('combobox', { name: 'Standard wording' })).toHaveValue('Park closing soon');
    await screen(counter, 'paging-general-form-en-1280');
    await setLanguage(counter, 'zh-CN');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(counter.getByText('已登记，广播室已实时收到。')).toBeVisible();
    await expect(counter.locator('[data-testid^="slip-"]').first().getByTestId('script-zh')).toHaveText('各位游客请注意，本园将于18:00闭园，水世界将于17:30提前关闭，请您带好随身物品，有序离园。');

    // Free text is still possible: no standard text, own words; an empty text is refused.
    await counter.keyboard.press('F2');
    await dialog.locator('label').filter({ hasText: /^通知广播$/ }).click();
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(dialog.getByText('必填。').filter({ visible: true })).toBeVisible();
    await dialog.getByLabel('广播内容（中文）').fill('请穿红色外套的王先生到南门。');
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await expect(counter.locator('[data-testid^="slip-"]')).toHaveCount(2);
  } finally {
    await context.close();
  }
});
