import { addStaff, chooseLanguage, expect, fillWalkInComplaint, MANAGER, moveClock, screen, setUpPark, signIn, startStation, test } from './fixtures';

test.describe('sign-in at the counter', () => {
  test('signs in with the PIN keypad, refuses a wrong PIN with the tries left, and locks after five', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '李娜', role: 'counter', pin: '1357' });
    await addStaff(station, admin, { code: 'C02', name: 'Alexandra Montgomery-Richardson', role: 'counter', pin: '2468' });
    await addStaff(station, admin, { code: 'C03', name: 'Alexandra Wellington', role: 'counter', pin: '3579' });
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
    // Two staff who share a first name are told apart at a 1024 touch kiosk: each long name reads in full.
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const code of ['C02', 'C03']) {
      const name = page.getByTestId(`tile-${code}`).locator('p').first();
      // Nothing of the name is hidden: a clamped line would add a whole line (over 20 px) below the box;
      // the glyphs themselves may reach a pixel or two past a line-height of 1.25.
      const hidden = await name.evaluate((text) => ({ below: text.scrollHeight - text.clientHeight, beside: text.scrollWidth - text.clientWidth }));
      expect(hidden.below).toBeLessThan(8);
      expect(hidden.beside).toBeLessThanOrEqual(0);
    }
    await screen(page, 'signin-roster-long-names-zh-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screen(page, 'signin-roster-zh-1280');

    await page.getByRole('button', { name: /^李娜/ }).click();
    const pin = page.getByRole('textbox', { name: '李娜 的 PIN 码' });
    await expect(pin).toBeFocused();
    for (const digit of ['9', '9', '9', '9']) await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: digit, exact: true }).click();
    await expect(pin).toHaveValue('9999');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('PIN 码错误，再错 4 次将被锁定。')).toBeVisible();
    await expect(pin).toHaveValue('');
    await screen(page, 'signin-wrong-pin-zh-1280');

    for (let i = 0; i < 3; i += 1) {
      await pin.fill('0000');
      await page.keyboard.press('Enter');
      await expect(page.getByText(`再错 ${3 - i} 次将被锁定`)).toBeVisible();
    }
    await pin.fill('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/PIN 码错误次数过多，锁定至 \d\d:\d\d。/)).toBeVisible();
    // Even the right PIN is refused now, and the roster shows the lock.
    await pin.fill('1357');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/锁定至/)).toBeVisible();
    await page.getByRole('button', { name: '换一位员工' }).click();
    await expect(page.getByRole('button', { name: /^李娜/ }).getByText('已锁定')).toBeVisible();

    // The manager signs in instead, from the same screen.
    await signIn(page, MANAGER.name, MANAGER.pin);
    await expect(page.getByRole('button', { name: MANAGER.name })).toBeVisible();
  });

  test('switches user quickly at the counter, in English', async ({ page, station }) => {
    const admin = await setUpPark(station, 'en');
    await addStaff(station, admin, { code: 'C02', name: 'Amy Chen', role: 'counter', pin: '2468' });
    await addStaff(station, admin, { code: 'B01', name: 'Bo Wang', role: 'broadcast', pin: '1122' });
    await page.goto(station.url);
    await chooseLanguage(page, 'en');
    await signIn(page, 'Amy Chen', '2468');
    await expect(page.getByRole('heading', { name: 'Rentals' })).toBeVisible();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Switch user' }).click();
    await expect(page.getByRole('heading', { name: 'Who is at the counter?' })).toBeVisible();
    await signIn(page, 'Bo Wang', '1122');
    await expect(page.getByRole('heading', { name: 'Paging queue' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bo Wang' })).toBeVisible();
  });

  test('signs out by itself after the idle time', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await station.api('settings.update', { idleSignOutMinutes: 3 }, admin);
    await page.clock.install();
    await page.goto(station.url);
    await signIn(page, MANAGER.name, MANAGER.pin);
    await expect(page.getByRole('heading', { name: '待审批' })).toBeVisible();
    await page.clock.fastForward('02:00');
    await expect(page.getByRole('heading', { name: '待审批' })).toBeVisible();
    await page.clock.fastForward('01:05');
    await expect(page.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
    await expect(page.getByText('长时间无操作，已自动退出，请重新登录。')).toBeVisible();
  });

  test('typing a long complaint for longer than the idle time makes no call, and the clerk is not signed out for it', async ({ browser }) => {
    // The screen's clock and the counter's move together: 20 s at a time, a few characters typed in each.
    const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-30T02:00:00.000Z' });
    try {
      const admin = await setUpPark(station);
      await station.api('settings.update', { idleSignOutMinutes: 3 }, admin);
      await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.clock.install({ time: Date.parse('2026-11-30T02:00:00.000Z') });
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await page.getByRole('navigation').getByRole('link', { name: '客诉处理' }).click();
      await page.keyboard.press('F2');
      const form = page.getByRole('dialog', { name: '登记投诉' });
      await fillWalkInComplaint(form);
      const account = form.getByLabel('事情经过');
      // Five minutes of typing against a three-minute idle sign-out.
      for (let step = 0; step < 15; step += 1) {
        await page.clock.fastForward(20_000);
        await moveClock(station, 20_000);
        await account.pressSequentially('排队很久');
      }
      await expect(form).toBeVisible();
      await form.getByRole('button', { name: '登记', exact: true }).click();
      await expect(page.getByText('投诉 C20261130-0001 已登记。')).toBeVisible();
      await expect(page.getByRole('heading', { name: '请选择当班人员' })).toHaveCount(0);
      await context.close();
    } finally {
      await station.stop();
    }
  });
});
