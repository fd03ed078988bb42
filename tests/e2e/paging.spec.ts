import { addStaff, chooseLanguage, emWidth, expect, moveClock, must, screen, setUpPark, signIn, startStation, test as base, type Station } from './fixtures';
import { setLanguage } from './lostFoundHelpers';

/** A station whose clock the test moves (PARKDESK_TEST_CLOCK), to cross the 5-minute mark without waiting. */
const test = base.extend<{ clockStation: Station }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies by destructuring; this one has none.
  clockStation: async ({}, use) => {
    const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z' });
    await use(station);
    await station.stop();
  },
});

async function network(station: Station, down: boolean): Promise<void> {
  await fetch(`${station.url}/__test__/network`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
}

test.describe('paging between the counter and the broadcast room', () => {
  test('the counter sees whether the broadcast room is on line, and is told to phone it when it is not', async ({ browser, clockStation: station }) => {
    test.setTimeout(60_000);
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const counterContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const roomContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const counter = await counterContext.newPage();
    await counter.goto(station.url);
    await signIn(counter, '张柜台', '1357');
    await counter.getByRole('navigation').getByRole('link', { name: '广播寻人' }).click();
    const presence = counter.getByTestId('room-presence');
    // No screen in the broadcast room yet: a request would show nowhere, so the counter is told to phone.
    await expect(presence).toHaveAttribute('data-state', 'offline');
    await expect(presence).toContainText('请在 5 分钟内打电话或用对讲机联系广播室');
    await screen(counter, 'paging-room-offline-zh-1280');

    // The room signs in: its queue's live stream opens, and the counter's screen says so at once.
    const room = await roomContext.newPage();
    await room.goto(station.url);
    await signIn(room, '陈广播', '2468');
    await expect(room.getByRole('heading', { name: '广播队列' })).toBeVisible();
    await expect(presence).toHaveAttribute('data-state', 'online');
    await expect(presence).toContainText('广播室在线 · 1 台屏幕');
    await chooseLanguage(counter, 'en');
    await expect(presence).toContainText('Broadcast room on line since 10:00');
    await screen(counter, 'paging-room-online-en-1280');

    // The room's screen closes: off line again.
    await roomContext.close();
    await expect(presence).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await expect(presence).toContainText('Phone or radio the broadcast room within the 5 minutes.');
    await counterContext.close();
  });

  test('a lost child registered at the counter appears in the broadcast room at once, is taken, aired and resolved; each side sees the other', async ({
    browser,
    clockStation: station,
  }) => {
    test.setTimeout(90_000);
    const admin = await setUpPark(station);
    await station.api('settings.update', { idleSignOutMinutes: 240 }, admin);
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });

    const counterContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const roomContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const counter = await counterContext.newPage();
    const room = await roomContext.newPage();
    await room.goto(station.url);
    await signIn(room, '陈广播', '2468');
    await expect(room.getByRole('heading', { name: '广播队列' })).toBeVisible();
    await expect(room.getByText('没有待处理的广播请求。')).toBeVisible();

    await counter.goto(station.url);
    await signIn(counter, '张柜台', '1357');
    await counter.getByRole('navigation').getByRole('link', { name: '广播寻人' }).click();
    await counter.keyboard.press('F2');
    const dialog = counter.getByRole('dialog');
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(dialog.getByText('必填。').first()).toBeVisible();
    await dialog.getByLabel('姓名').fill('小明');
    await dialog.getByLabel('年龄').fill('5');
    await dialog.getByLabel('身高（厘米）').fill('110');
    await dialog.getByLabel(/^衣着(?!（)/).fill('红色上衣');
    await dialog.getByLabel(/^最后出现地点(?!（)/).fill('旋转木马');
    await dialog.getByLabel('监护人 / 同伴').fill('王女士');
    await dialog.getByLabel('监护人电话').fill('12345');
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(dialog.getByText(/不是可回拨的电话号码/)).toBeVisible();
    await dialog.getByLabel('监护人电话').fill('13812345678');
    // Looking at another kind and coming back keeps everything typed.
    await dialog.locator('label').filter({ hasText: /^通知广播$/ }).click();
    await expect(dialog.getByRole('textbox', { name: '监护人电话' })).toHaveCount(0);
    await dialog.locator('label').filter({ hasText: /^寻人$/ }).click();
    await expect(dialog.getByRole('textbox', { name: '姓名' })).toHaveValue('小明');
    await expect(dialog.getByLabel('监护人电话')).toHaveValue('13812345678');
    await expect(dialog.getByLabel('将要播报的内容')).toContainText('名叫小明，身高约110厘米，身穿红色上衣');
    // The default meeting point is read in each script's own language.
    await expect(dialog.getByLabel('将要播报的内容')).toContainText('请见到这位小朋友的游客或工作人员将其带到游客服务中心');
    await expect(dialog.getByLabel('将要播报的内容')).toContainText('please bring them to the Visitor Service Center, where 王女士 is waiting');
    // The English script would read the clothing and the place in Chinese: the form says so until their English is given.
    await expect(dialog.getByTestId('untranslated')).toHaveText('英文广播会把以下内容读成中文：衣着和最后出现地点。请在标有“（英文）”的栏中填写英文。');
    await screen(counter, 'paging-form-untranslated-zh-1280');
    await dialog.getByLabel('衣着（英文，用于英文广播）').fill('a red top');
    await dialog.getByLabel('最后出现地点（英文）').fill('the carousel');
    await expect(dialog.getByTestId('untranslated')).toHaveCount(0);
    await expect(dialog.getByLabel('将要播报的内容')).toContainText('名叫小明，身高约110厘米，身穿红色上衣');
    await expect(dialog.getByLabel('将要播报的内容')).toContainText('a red top');
    await screen(counter, 'paging-form-zh-1280');
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(counter.getByText('已登记，广播室已实时收到。')).toBeVisible();

    // The broadcast room has it without reloading, with its script and the running clock.
    const slip = room.locator('[data-testid^="slip-"]').first();
    await expect(slip).toContainText('寻找走失儿童');
    await expect(slip.getByTestId('script-zh')).toContainText('名叫小明');
    await expect(slip.locator('[data-state]').first()).toHaveAttribute('data-state', 'ok');
    await expect(slip).toContainText('剩余 5 分钟');
    // Each script can be read aloud, its language named as the language switch names it.
    await expect(slip).toContainText('朗读 中文');
    await expect(slip).toContainText('朗读 English');
    await screen(room, 'paging-queue-new-zh-1920');

    // Four minutes on, the clock is amber; past the 5-minute mark, red.
    await moveClock(station, 4 * 60_000);
    await expect(slip.locator('[data-state]').first()).toHaveAttribute('data-state', 'warn', { timeout: 10_000 });
    await moveClock(station, 150_000);
    await expect(slip.locator('[data-state]').first()).toHaveAttribute('data-state', 'late', { timeout: 10_000 });
    await expect(slip.locator('[data-state]').first()).toContainText('逾期 1 分钟');

    await slip.getByRole('button', { name: '接单' }).click();
    await expect(slip).toHaveAttribute('data-status', 'acknowledged');
    // Taken after the mark: the slip keeps saying so.
    await expect(slip).toContainText('5 分钟内送达广播室 · 超时');
    await expect(counter.locator('[data-testid^="slip-"]').first()).toHaveAttribute('data-status', 'acknowledged');
    await slip.getByRole('button', { name: '已播出' }).click();
    await expect(slip).toHaveAttribute('data-status', 'aired');
    await expect(counter.locator('[data-testid^="slip-"]').first()).toHaveAttribute('data-status', 'aired');
    await expect(room.getByText(/已播 1 次/)).toBeVisible();

    // Found: the counter resolves it; it leaves the broadcast room's queue.
    await counter.getByRole('button', { name: '已找到 / 完成' }).click();
    await counter.getByRole('dialog').getByLabel('备注').fill('已与家长会合');
    await counter.getByRole('dialog').getByRole('button', { name: '已找到 / 完成' }).click();
    await expect(room.getByText('没有待处理的广播请求。')).toBeVisible();
    await expect(counter.locator('[data-testid^="slip-"]').first()).toHaveAttribute('data-status', 'resolved');
    await expect(counter.getByTestId('share-within-5')).toHaveText('0%');

    // A slip with a wrong word: the counter corrects it and the broadcast room reads the new text in place;
    // cancelled, it leaves the room's queue.
    const token = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    const notice = await must(
      station.api('paging.register', { clientRef: 'e2e-edit-0001', details: { kind: 'general', textZh: '请白色轿车车主移车', textEn: 'Would the owner of the white car please move it' } }, token),
    );
    const noticeAtCounter = counter.getByTestId(`slip-${notice.id}`);
    const noticeInRoom = room.getByTestId(`slip-${notice.id}`);
    await expect(noticeInRoom.getByTestId('script-zh')).toHaveText('请白色轿车车主移车');
    await noticeAtCounter.getByRole('button', { name: '修改' }).click();
    const edit = counter.getByRole('dialog', { name: '修改' });
    await edit.getByLabel('广播内容（中文）').fill('请停在北门的白色轿车车主移车');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit).toHaveCount(0);
    await expect(noticeInRoom.getByTestId('script-zh')).toHaveText('请停在北门的白色轿车车主移车');
    await expect(noticeAtCounter.getByTestId('script-zh')).toHaveText('请停在北门的白色轿车车主移车');
    await noticeAtCounter.getByRole('button', { name: '取消请求' }).click();
    const cancel = counter.getByRole('dialog');
    await cancel.getByLabel('备注').fill('车主已自行移车');
    await cancel.getByRole('button', { name: '取消请求' }).click();
    await expect(noticeInRoom).toHaveCount(0);
    await expect(room.getByText('没有待处理的广播请求。')).toBeVisible();
    await expect(noticeAtCounter).toHaveAttribute('data-status', 'cancelled');
    await chooseLanguage(counter, 'en');
    // On the English screen the Chinese script keeps its full-width punctuation (a whole em for '，').
    const comma = await emWidth(counter.getByTestId('script-zh').filter({ hasText: '，' }).first(), '，');
    expect(comma).toBeGreaterThan(0.9);
    await screen(counter, 'paging-counter-en-1280');

    await counterContext.close();
    await roomContext.close();
  });

  test('a number out of range is refused beside its field in either language, never changed to the limit, and nothing is registered', async ({ page, station }) => {
    test.setTimeout(90_000);
    const admin = await setUpPark(station);
    await station.api('settings.update', { idleSignOutMinutes: 240 }, admin);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    await page.goto(station.url);
    await signIn(page, '张柜台', '1357');
    await page.getByRole('navigation').getByRole('link', { name: '广播寻人' }).click();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('小明');
    await dialog.getByLabel(/^衣着(?!（)/).fill('红色上衣');
    await dialog.getByLabel(/^最后出现地点(?!（)/).fill('旋转木马');
    await dialog.getByLabel('监护人 / 同伴').fill('王女士');
    await dialog.getByLabel('监护人电话').fill('13812345678');
    // The three number fields, by their labels in the screen's language.
    const numbers = (language: 'zh-CN' | 'en') => ({
      age: dialog.getByLabel(language === 'en' ? 'Age' : '年龄', { exact: true }),
      height: dialog.getByLabel(language === 'en' ? 'Height (cm)' : '身高（厘米）'),
      repeat: dialog.getByLabel(language === 'en' ? 'Repeat every (minutes)' : '每隔几分钟重播'),
    });
    let { age, height, repeat } = numbers('zh-CN');
    await age.fill('250');
    await height.fill('-40');
    await repeat.fill('0');
    await dialog.getByRole('button', { name: '登记' }).click();
    // Each number keeps what was typed (never the nearest limit), and says what it takes, beside it.
    await expect(age).toHaveValue('250');
    await expect(height).toHaveValue('-40');
    await expect(repeat).toHaveValue('0');
    await expect(age).toHaveAccessibleDescription('不能大于 120。');
    await expect(height).toHaveAccessibleDescription('不能小于 40。');
    await expect(repeat).toHaveAccessibleDescription('不能小于 5。');
    // Nothing goes to the script either: no announcement of a 120-year-old child is previewed.
    await expect(dialog.getByLabel('将要播报的内容')).toHaveCount(0);
    await screen(page, 'paging-form-out-of-range-zh-1280');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screen(page, 'paging-form-out-of-range-zh-1024');
    // The same words in English, on the form already on screen.
    await setLanguage(page, 'en');
    ({ age, height, repeat } = numbers('en'));
    await expect(age).toHaveAccessibleDescription('At most 120.');
    await expect(height).toHaveAccessibleDescription('At least 40.');
    await expect(repeat).toHaveAccessibleDescription('At least 5.');
    await screen(page, 'paging-form-out-of-range-en-1024');
    // The form with its errors is taller than the screen: Register and Cancel stay at its foot, whole.
    const actions = dialog.getByTestId('form-actions').getByRole('button');
    await expect(actions).toHaveCount(2);
    for (const button of await actions.all()) await expect(button).toBeInViewport({ ratio: 1 });
    await page.setViewportSize({ width: 1280, height: 800 });
    await screen(page, 'paging-form-out-of-range-en-1280');

    // "A child" is a minor: an adult's age is refused while the switch is on, and fits once it is off.
    await age.fill('30');
    await height.fill('170');
    await repeat.fill('10');
    await expect(height).not.toHaveAttribute('aria-invalid', 'true');
    await expect(age).toHaveAccessibleDescription('A child is 17 or younger: for someone older, switch off “A child”.');
    await screen(page, 'paging-form-child-age-en-1280');
    await setLanguage(page, 'zh-CN');
    ({ age, height, repeat } = numbers('zh-CN'));
    await expect(age).toHaveAccessibleDescription('儿童的年龄不超过 17 岁；年龄更大的请关闭“儿童”开关。');
    await screen(page, 'paging-form-child-age-zh-1280');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screen(page, 'paging-form-child-age-zh-1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(age).toHaveValue('30');
    await expect(age).toBeFocused();
    // Refused at the counter: nothing reached the broadcast queue.
    expect(await must(station.api('paging.queue', {}, admin))).toEqual([]);
    const child = dialog.getByRole('switch', { name: '儿童' });
    await child.focus();
    await page.keyboard.press('Space');
    await expect(child).not.toBeChecked();
    await expect(age).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Space');
    await expect(child).toBeChecked();
    await expect(age).toHaveAttribute('aria-invalid', 'true');

    // Corrected, the request registers with the numbers typed.
    await age.fill('5');
    await height.fill('110');
    await dialog.getByRole('button', { name: '登记' }).click();
    await expect(page.getByText('已登记，广播室已实时收到。')).toBeVisible();
    const queue = await must(station.api('paging.queue', {}, admin));
    expect(queue).toHaveLength(1);
    expect(queue[0]?.details).toMatchObject({ kind: 'missingPerson', child: true, age: 5, heightCm: 110, repeatMinutes: 10 });
  });

  test('a broadcast-room station that loses the connection says so and catches up by itself, nothing lost or doubled', async ({ browser, clockStation: station }) => {
    test.setTimeout(90_000);
    const admin = await setUpPark(station);
    await station.api('settings.update', { idleSignOutMinutes: 240 }, admin);
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const clerkSession = await station.api('auth.signIn', { staffId: clerk.id, pin: '1357' });
    const token = clerkSession.ok ? clerkSession.value.token : '';

    const roomContext = await browser.newContext();
    const room = await roomContext.newPage();
    await room.goto(station.url);
    await signIn(room, '陈广播', '2468');
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible();

    await network(station, true);
    await expect(room.getByText('连接中断，正在重连…')).toBeVisible();
    await screen(room, 'paging-offline-zh-1280');
    await network(station, false);
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible({ timeout: 20_000 });

    // Registered at the counter PC while the room was cut off, and the submission retried with the same reference.
    const request = { clientRef: 'e2e-offline-1', details: { kind: 'general', textZh: '请停在北门的车主尽快移车', textEn: 'Would the owner of the car at the north gate please move it' } };
    await network(station, true);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await fetch(`${station.url}/api/paging.register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-parkdesk-test': 'local' },
        body: JSON.stringify(request),
      });
      expect(response.status).toBe(200);
    }
    await expect(room.getByText('连接中断，正在重连…')).toBeVisible();
    await network(station, false);
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible({ timeout: 20_000 });
    await expect(room.locator('[data-testid^="slip-"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(room.getByText('请停在北门的车主尽快移车')).toBeVisible();
    await roomContext.close();
  });
});
