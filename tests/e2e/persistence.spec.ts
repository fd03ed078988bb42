import { expect, MANAGER, setUpPark, signIn, test } from './fixtures';

test('a restart of the counter keeps the records, the signed-in staff and what an open form holds', async ({ page, station }) => {
  await setUpPark(station);
  await page.goto(station.url);
  await signIn(page, MANAGER.name, MANAGER.pin);
  await page.getByRole('navigation').getByRole('link', { name: '员工' }).click();
  await page.getByRole('button', { name: '添加员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('周新人');
  await dialog.getByLabel('工号').fill('C77');

  // The counter goes down and comes back while the form is open on this screen.
  await station.restart();
  await dialog.getByRole('textbox', { name: '初始 PIN 码' }).fill('7777');
  await dialog.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('已添加 周新人。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请选择当班人员' })).toBeHidden();

  await station.restart();
  // The screen reloaded after the restart: still the manager's, and the new colleague is on the roster.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toContainText(MANAGER.name);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
  await signIn(page, '周新人', '7777');
  await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
});
