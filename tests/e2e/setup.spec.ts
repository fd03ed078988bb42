import { chooseLanguage, expect, screen, test } from './fixtures';

test.describe('first-run set-up in the browser', () => {
  test('walks a new user through set-up in Chinese, refusing bad input with messages next to the fields', async ({ page, station }) => {
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: '欢迎使用 ParkDesk' })).toBeVisible();
    await screen(page, 'setup-1-zh-1280');

    // Step 1 refuses an empty park name.
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('必填。')).toBeVisible();
    await page.getByLabel('园区名称').fill('阳光水世界');
    await page.keyboard.press('Enter');

    // Step 2: bad staff number, short PIN, PINs that differ.
    await page.getByLabel('经理姓名').fill('王经理');
    await page.getByLabel('工号').fill('#1');
    await page.getByRole('textbox', { name: 'PIN 码', exact: true }).fill('12');
    await page.getByLabel('再次输入 PIN 码').fill('99');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect(page.getByText('2 至 12 位字母、数字或短横线。')).toBeVisible();
    await expect(page.getByText('PIN 码为 4 至 8 位数字。')).toBeVisible();
    await expect(page.getByText('两次输入的 PIN 码不一致。')).toBeVisible();
    await screen(page, 'setup-2-errors-zh-1280');
    // Nothing was written.
    expect((await station.api('system.info', {})).ok && (await station.api('system.info', {}))).toMatchObject({ value: { setupRequired: true } });

    await page.getByLabel('工号').fill('M001');
    await page.getByRole('textbox', { name: 'PIN 码', exact: true }).fill('246810');
    await page.getByLabel('再次输入 PIN 码').fill('246810');
    await page.getByRole('button', { name: '完成设置' }).click();

    // Signed in as the first manager, on the duty manager's home.
    await expect(page.getByText('ParkDesk 已就绪，当前登录：王经理。')).toBeVisible();
    await expect(page.getByRole('button', { name: '王经理' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '待审批' })).toBeVisible();
    await expect(page.getByText('阳光水世界')).toBeVisible();
    const info = await station.api('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { setupRequired: false, parkName: '阳光水世界', defaultLanguage: 'zh-CN' } });
  });

  test('works the same in English, with English messages', async ({ page, station }) => {
    await page.goto(station.url);
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { name: 'Welcome to ParkDesk' })).toBeVisible();
    await page.getByLabel('Park name').fill('Sunshine Water World');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Manager name').fill('Ann Lee');
    await page.getByLabel('Staff number').fill('M1');
    await page.getByRole('textbox', { name: 'PIN', exact: true }).fill('1357');
    await page.getByLabel('PIN again').fill('1358');
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await expect(page.getByText('The two PINs differ.')).toBeVisible();
    await screen(page, 'setup-2-errors-en-1280');
    await page.getByLabel('PIN again').fill('1357');
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await expect(page.getByText('ParkDesk is ready. Signed in as Ann Lee.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  });
});
