import { addStaff, expect, moveClock, must, screen, setUpPark, signIn, startStation, test, type Station } from './fixtures';
import { installCountingAudio } from '../support/audio';
import { setLanguage } from './lostFoundHelpers';

async function network(station: Station, down: boolean): Promise<void> {
  await fetch(`${station.url}/__test__/network`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
}

test('a new paging slip sounds and shows on every broadcast screen, also one registered while the station was offline, and is highlighted in the queue with its time since registration', async ({ browser }) => {
  test.setTimeout(120_000);
  const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Web Audio without a sound card: a stand-in that counts the chime's tones.
  await context.addInitScript(installCountingAudio);
  try {
    const admin = await setUpPark(station);
    await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const token = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    const register = (clientRef: string, details: Record<string, unknown>) =>
      fetch(`${station.url}/api/paging.register`, {
        method: 'POST',
        // The counter PC itself: it reaches its own station while the broadcast room's link is down.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-parkdesk-test': 'local' },
        body: JSON.stringify({ clientRef, details }),
      }).then(async (response) => ((await response.json()) as { value: { id: number } }).value.id);
    const tones = () => room.evaluate(() => (window as unknown as { __tones: number[] }).__tones.length);

    const room = await context.newPage();
    await room.goto(station.url);
    await signIn(room, '陈广播', '2468');
    await expect(room.getByText('没有待处理的广播请求。')).toBeVisible();
    // The operator works on the day's programme, not the queue.
    await room.getByRole('navigation').getByRole('link', { name: '每日节目' }).click();
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible();

    const first = await register('e2e-alert-1', { kind: 'general', textZh: '请停在北门的车主尽快移车', textEn: 'Would the owner of the car at the north gate please move it' });
    const notice = room.locator('.mantine-Notification-root');
    await expect(notice.filter({ hasText: '新的广播请求：通知广播' })).toBeVisible();
    await expect.poll(tones).toBe(2);
    await screen(room, 'paging-alert-programme-zh-1280');

    // The broadcast room's link goes down; the counter registers a lost-property slip meanwhile.
    await network(station, true);
    await expect(room.getByText('连接中断，正在重连…')).toBeVisible();
    const second = await register('e2e-alert-2', { kind: 'lostProperty', item: '黑色钱包', foundPlace: '旋转木马', claimPoint: '游客服务中心' });
    expect(await tones()).toBe(2);
    await network(station, false);
    // Back online: the queue is fetched again, and the slip it had not seen sounds and shows.
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible({ timeout: 20_000 });
    await expect(notice.filter({ hasText: '新的广播请求：失物招领' })).toBeVisible({ timeout: 20_000 });
    await expect.poll(tones).toBe(4);

    // In the queue both are highlighted, each with the time since it was registered.
    await room.getByRole('navigation').getByRole('link', { name: '广播队列' }).click();
    for (const id of [first, second]) await expect(room.getByTestId(`slip-${id}`)).toHaveAttribute('data-fresh', 'true');
    await moveClock(station, 3 * 60_000);
    await expect(room.getByTestId(`slip-${first}`).getByTestId('elapsed')).toHaveText('登记后已过 3 分钟', { timeout: 15_000 });
    // Taken by the room: the 5-minute clock stops, the time since registration goes on.
    await room.getByTestId(`slip-${first}`).getByRole('button', { name: '接单' }).click();
    await expect(room.getByTestId(`slip-${first}`)).toHaveAttribute('data-status', 'acknowledged');
    await moveClock(station, 2 * 60_000);
    await expect(room.getByTestId(`slip-${first}`).getByTestId('elapsed')).toHaveText('登记后已过 5 分钟', { timeout: 15_000 });
    // Nothing was alerted twice.
    expect(await tones()).toBe(4);
    for (const close of await room.locator('.mantine-Notification-root button').all()) await close.click({ force: true }).catch(() => undefined);
    await screen(room, 'paging-alert-queue-zh-1280');
    await setLanguage(room, 'en');
    await expect(room.getByTestId(`slip-${first}`).getByTestId('elapsed')).toHaveText('5 min since registration');
    await screen(room, 'paging-alert-queue-en-1280');
    const third = await register('e2e-alert-3', { kind: 'general', textZh: '演出即将开始', textEn: 'The show is about to begin' });
    await room.getByRole('navigation').getByRole('link', { name: 'Daily programme' }).click();
    await expect(notice.filter({ hasText: 'New paging request: Announcement' })).toBeVisible();
    await expect.poll(tones).toBe(6);
    await screen(room, 'paging-alert-programme-en-1280');
    expect(third).toBeGreaterThan(second);
  } finally {
    await context.close();
    await station.stop();
  }
});

test('a broadcast queue that cannot be read says so with a retry, never "nothing waiting"', async ({ page }) => {
  const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z' });
  try {
    const admin = await setUpPark(station);
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const token = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    await must(station.api('paging.register', { clientRef: 'e2e-read-1', details: { kind: 'general', textZh: '请停在北门的车主尽快移车' } }, token));
    await page.goto(station.url);
    await signIn(page, '陈广播', '2468');
    await expect(page.locator('[data-testid^="slip-"]')).toHaveCount(1);

    // The queue's read fails (the link to the counter PC drops just then): the reason and a retry, no empty queue.
    await page.route('**/api/paging.queue', (route) => route.abort('connectionreset'));
    await page.reload();
    const failed = page.getByTestId('read-failed');
    await expect(failed).toContainText('未能读取');
    await expect(failed).toContainText('与服务台主机的连接中断。连接恢复后会自动重新读取');
    await expect(page.getByText('没有待处理的广播请求。')).toHaveCount(0);
    await screen(page, 'paging-queue-read-failed-zh-1280');
    await page.unroute('**/api/paging.queue');
    await failed.getByRole('button', { name: '重试' }).click();
    await expect(page.getByTestId('read-failed')).toHaveCount(0);
    await expect(page.locator('[data-testid^="slip-"]')).toHaveCount(1);
  } finally {
    await station.stop();
  }
});

test('a slip the counter changes after the room took it chimes again, and says it was changed, with the new words', async ({ browser }) => {
  const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installCountingAudio);
  try {
    const admin = await setUpPark(station);
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const radio = await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const token = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    const slip = await must(station.api('paging.register', { clientRef: 'e2e-edit-1', details: { kind: 'general', textZh: '请停在北门的车主尽快移车' } }, token));
    const roomToken = (await must(station.api('auth.signIn', { staffId: radio.id, pin: '2468' }))).token;
    await must(station.api('paging.acknowledge', { id: slip.id }, roomToken));
    const room = await context.newPage();
    await room.goto(station.url);
    await signIn(room, '陈广播', '2468');
    const card = room.getByTestId(`slip-${slip.id}`);
    await expect(card.getByTestId('script-zh')).toHaveText('请停在北门的车主尽快移车');
    await expect(card.getByTestId('edited')).toHaveCount(0);
    const tones = () => room.evaluate(() => (window as unknown as { __tones: number[] }).__tones.length);
    const before = await tones();

    await must(station.api('paging.update', { id: slip.id, details: { kind: 'general', textZh: '请停在北门的白色轿车车主尽快移车' } }, token));
    await expect(room.locator('.mantine-Notification-root').filter({ hasText: '广播请求已修改：通知广播' })).toBeVisible();
    await expect(card.getByTestId('script-zh')).toHaveText('请停在北门的白色轿车车主尽快移车');
    await expect(card.getByTestId('edited')).toHaveText('10:00 已修改');
    await expect(card).toHaveAttribute('data-fresh', 'true');
    expect(await tones()).toBeGreaterThan(before);
    await screen(room, 'paging-slip-edited-zh-1280');
  } finally {
    await context.close();
    await station.stop();
  }
});

test('the counter’s reads that fail say so where they would show: the printer badge, the board, the deposit cash', async ({ page }) => {
  const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z' });
  try {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const reads = ['printer.status', 'rentals.board', 'rentals.cash', 'rentals.shifts.current'];
    for (const read of reads) await page.route(`**/api/${read}`, (route) => route.abort('connectionreset'));
    await page.goto(station.url);
    await signIn(page, '张柜台', '1357');
    await page.getByRole('navigation').getByRole('link', { name: '租借服务' }).click();
    await page.getByRole('tab', { name: '押金现金' }).click();
    // The header's printer badge, the availability board, the shift and the day's cash: each says it could not be read.
    const failed = page.getByTestId('read-failed');
    await expect(failed).toHaveCount(4);
    await expect(page.getByRole('banner').getByTestId('read-failed')).toHaveText('未能读取 · 重试');
    await screen(page, 'rentals-reads-failed-zh-1280');
    for (const read of reads) await page.unroute(`**/api/${read}`);
    await page.getByRole('banner').getByTestId('read-failed').click();
    await expect(page.getByRole('banner').getByTestId('read-failed')).toHaveCount(0);
    await expect(page.getByTestId('printer-badge')).toBeVisible();
  } finally {
    await station.stop();
  }
});
