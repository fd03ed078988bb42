import { expect, MANAGER, setUpPark, signIn, test } from './fixtures';

test('what was entered is still there after the station restarts', async ({ page, station }) => {
  await setUpPark(station);
  await page.goto(station.url);
  await signIn(page, MANAGER.name, MANAGER.pin);
  await page.getByRole('navigation').getByRole('link', { name: '员工' }).click();
  await page.getByRole('button', { name: '添加员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('周新人');
  await dialog.getByLabel('工号').fill('C77');
  await dialog.getByRole('textbox', { name: '初始 PIN 码' }).fill('7777');
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('已添加 周新人。')).toBeVisible();

  await station.restart();
  await page.goto(station.url);
  // Sessions end with the process; the records do not.
  await expect(page.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
  await signIn(page, '周新人', '7777');
  await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
});
