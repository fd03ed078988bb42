import { normalizePairingCode, PAIRING_ALPHABET } from '../../shared/rules/pairing';
import { startRelay, type Relay } from '../support/relay';
import { addStaff, chooseLanguage, expect, MANAGER, moveClock, must, screen, setUpPark, signIn, startStation, test as base, type Station } from './fixtures';

/**
 * Two station processes on loopback: the counter (with the database; sharing on the LAN listens on
 * 127.0.0.1) and a PC in station mode, with a TCP relay between them standing in for the park LAN.
 */
interface Lan {
  counter: Station;
  relay: Relay;
  remote: Station;
  admin: string;
}

const test = base.extend<{ lan: Lan }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures name their dependencies by destructuring; this one has none.
  lan: async ({}, use) => {
    const counter = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T02:00:00Z', PARKDESK_LAN_HOST: '127.0.0.1', PARKDESK_LAN_PORT: '0' });
    const admin = await setUpPark(counter);
    await must(counter.api('settings.update', { idleSignOutMinutes: 240 }, admin));
    await addStaff(counter, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    let lanPort = 0;
    await must(counter.api('settings.update', { sharingEnabled: true }, admin));
    await expect.poll(async () => (lanPort = (await must(counter.api('stations.status', {}, admin))).port ?? 0)).toBeGreaterThan(0);
    const link = await startRelay(lanPort);
    const remote = await startStation({ PARKDESK_COUNTER: `https://127.0.0.1:${link.port}` });
    await use({ counter, relay: link, remote, admin });
    await remote.stop();
    await link.close();
    await counter.stop();
  },
});

/** The code with the counter's certificate part and another secret: it reaches the counter and is wrong. */
function wrongSecret(code: string): string {
  const normal = normalizePairingCode(code);
  return `${normal[0] === PAIRING_ALPHABET[0] ? PAIRING_ALPHABET[1] : PAIRING_ALPHABET[0]}${normal.slice(1)}`;
}

test.describe('stations on the park LAN', () => {
  test('a manager shares the counter, the broadcast room pairs with the code (wrong codes throttled), works live, and is locked out when revoked', async ({ browser, lan }) => {
    test.setTimeout(120_000);
    const { counter, remote, admin } = lan;
    const office = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const room = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();

    // The duty manager on the counter PC: sharing is on, the pairing code is shown.
    await office.goto(counter.url);
    await signIn(office, MANAGER.name, MANAGER.pin);
    await office.getByRole('navigation').getByRole('link', { name: '工作站' }).click();
    await expect(office.getByRole('heading', { name: '工作站', level: 1 })).toBeVisible();
    await expect(office.getByTestId('lan-addresses')).toContainText('https://127.0.0.1:');
    await expect(office.getByTestId('fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await office.getByRole('button', { name: '显示配对码' }).click();
    const code = (await office.getByTestId('pairing-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(office.getByText(/剩余 15 分钟/)).toBeVisible();
    await screen(office, 'stations-pairing-zh-1280');

    // The broadcast room's PC in station mode: nothing but pairing until it is paired.
    await room.goto(remote.url);
    await expect(room.getByRole('heading', { name: '将本机与服务台配对' })).toBeVisible();
    await expect(room.getByLabel('服务台地址')).toHaveValue(/^https:\/\/127\.0\.0\.1:\d+$/);
    await screen(room, 'stations-pair-page-zh-1920');
    await room.getByLabel('配对码').fill('1234');
    await room.getByRole('button', { name: '配对' }).click();
    await expect(room.getByText('配对码为 12 位字母和数字，例如 K7Q2-3F9A-XC4M。')).toBeVisible();
    await room.getByLabel('本机名称').fill('广播室');
    for (const left of [4, 3, 2, 1]) {
      await room.getByLabel('配对码').fill(wrongSecret(code));
      await room.getByRole('button', { name: '配对' }).click();
      await expect(room.getByText(`再错 ${left} 次本机需等待后才能重试`)).toBeVisible();
    }
    await room.getByLabel('配对码').fill(wrongSecret(code));
    await room.getByRole('button', { name: '配对' }).click();
    await expect(room.getByText('本机输错配对码次数过多，请 10 分钟后再试。')).toBeVisible();
    // The right code is refused too, until the lock-out is over.
    await room.getByLabel('配对码').fill(code.toLowerCase());
    await expect(room.getByText('本机输错配对码次数过多，请 10 分钟后再试。')).toHaveCount(0);
    await room.getByRole('button', { name: '配对' }).click();
    await expect(room.getByText('本机输错配对码次数过多，请 10 分钟后再试。')).toBeVisible();
    await screen(room, 'stations-throttled-zh-1920');
    await moveClock(counter, 10 * 60_000 + 1000);
    await room.getByRole('button', { name: '配对' }).click();
    await expect(room.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
    await expect(office.getByText('“广播室”已配对。')).toBeVisible();
    const row = office.getByRole('row', { name: /广播室/ });
    await expect(row).toContainText('在线');
    await expect(row).toContainText(MANAGER.name);

    // Staff sign in there with their own PIN; what the counter registers reaches the room at once.
    await signIn(room, '陈广播', '2468');
    await expect(room.getByRole('heading', { name: '广播队列' })).toBeVisible();
    await expect(room.getByRole('status').filter({ hasText: '已连接' })).toBeVisible();
    await must(
      counter.api(
        'paging.register',
        { clientRef: 'lan-e2e-0001', details: { kind: 'general', textZh: '请停在北门的车主尽快移车', textEn: 'Would the owner of the car at the north gate please move it' } },
        admin,
      ),
    );
    await expect(room.getByText('请停在北门的车主尽快移车')).toBeVisible();
    // Roles are the counter's: the broadcast operator cannot open the manager's pages by address.
    const refused = await fetch(`${remote.url}/api/stations.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(401);
    await screen(room, 'stations-room-queue-zh-1920');

    // The manager revokes the room: its screen is locked out at once.
    await office.getByRole('button', { name: '撤销 广播室' }).click();
    await office.getByRole('dialog').getByRole('button', { name: '撤销访问权限' }).click();
    await expect(office.getByText('“广播室”已无法再访问服务台。')).toBeVisible();
    await expect(room.getByRole('heading', { name: '将本机与服务台配对' })).toBeVisible();
    await expect(room.getByText('值班经理已撤销本机访问服务台的权限。请用新的配对码重新配对。')).toBeVisible();
    await expect(office.getByRole('row', { name: /广播室/ })).toContainText('已由 王经理');
    await screen(room, 'stations-revoked-zh-1920');
    await chooseLanguage(office, 'en');
    await expect(office.getByRole('heading', { name: 'Stations', level: 1 })).toBeVisible();
    await screen(office, 'stations-list-en-1280');
    await chooseLanguage(room, 'en');
    await expect(room.getByRole('heading', { name: 'Pair this PC with the counter' })).toBeVisible();
    await screen(room, 'stations-revoked-en-1920');
    expect(await must(counter.api('stations.list', {}, admin))).toEqual([expect.objectContaining({ name: '广播室', revokedBy: MANAGER.name })]);
  });

  test('a plain browser on another PC pairs over HTTPS with the code, keeps its token, works live, and is sent back to pairing when revoked', async ({ browser, lan }) => {
    test.setTimeout(90_000);
    const { counter, admin } = lan;
    const status = await must(counter.api('stations.status', {}, admin));
    const lanUrl = `https://127.0.0.1:${status.port ?? 0}`;
    const { code } = await must(counter.api('stations.openPairing', {}, admin));
    // A browser cannot pin the counter's self-signed certificate: it warns once and the user accepts
    // (the Stations page shows the fingerprint to compare); here the context accepts it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true });
    const pc = await context.newPage();
    await pc.goto(`${lanUrl}/`);
    await expect(pc.getByRole('heading', { name: '将本机与服务台配对' })).toBeVisible();
    // The counter is the page's own origin: no address to type.
    await expect(pc.getByLabel('服务台地址')).toHaveCount(0);
    await pc.getByLabel('配对码').fill(code);
    await pc.getByLabel('本机名称').fill('值班经理办公室');
    await pc.getByRole('button', { name: '配对' }).click();
    await expect(pc.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
    await screen(pc, 'stations-browser-paired-zh-1280');
    // The token stays on this PC: a reload goes straight to sign-in, not pairing.
    await pc.reload();
    await expect(pc.getByRole('heading', { name: '请选择当班人员' })).toBeVisible();
    // The live stream is held back until a slip is registered after the queue was read: a slip
    // registered before the stream opened still shows (the queue is read again once it is open).
    let releaseStream = (): void => undefined;
    const streamHeld = new Promise<void>((resolve) => (releaseStream = resolve));
    await pc.route('**/api/events', async (route) => {
      await streamHeld;
      await route.continue();
    });
    const queueRead = pc.waitForResponse((response) => response.url().endsWith('/api/paging.queue'));
    await signIn(pc, '陈广播', '2468');
    await expect(pc.getByRole('heading', { name: '广播队列' })).toBeVisible();
    await queueRead;
    await must(
      counter.api('paging.register', { clientRef: 'lan-browser-0001', details: { kind: 'general', textZh: '请失物招领处工作人员到游客中心', textEn: 'Lost and found staff to the visitor center, please' } }, admin),
    );
    releaseStream();
    await expect(pc.getByText('请失物招领处工作人员到游客中心')).toBeVisible();
    await pc.unroute('**/api/events');
    await must(
      counter.api('paging.register', { clientRef: 'lan-browser-0002', details: { kind: 'general', textZh: '请安保人员到北门', textEn: 'Security to the north gate, please' } }, admin),
    );
    await expect(pc.getByText('请安保人员到北门')).toBeVisible();
    // Revoked by the duty manager: the browser is back on pairing at once, its token refused.
    const station = (await must(counter.api('stations.list', {}, admin))).find((row) => row.name === '值班经理办公室');
    if (!station) throw new Error('the browser station is not listed');
    await must(counter.api('stations.revoke', { stationId: station.id }, admin));
    await expect(pc.getByRole('heading', { name: '将本机与服务台配对' })).toBeVisible();
    await expect(pc.getByText('值班经理已撤销本机访问服务台的权限。请用新的配对码重新配对。')).toBeVisible();
    await context.close();
  });

  test('a form sent while the LAN is cut goes through once it is back, and an answer lost on the way does not save it twice', async ({ page, lan }) => {
    test.setTimeout(90_000);
    const { counter, relay, remote, admin } = lan;
    const { code } = await must(counter.api('stations.openPairing', {}, admin));
    const paired = await fetch(`${remote.url}/api/station/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counterUrl: `127.0.0.1:${relay.port}`, code, name: '值班室' }),
    });
    expect(paired.status).toBe(200);

    await page.goto(remote.url);
    await chooseLanguage(page, 'en');
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: 'Staff' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

    // The LAN drops while the manager saves a new clerk.
    await page.getByRole('button', { name: 'Add staff member' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Min Zhao');
    await dialog.getByLabel('Staff number').fill('C07');
    await dialog.getByRole('textbox', { name: 'First PIN' }).fill('1357');
    relay.cut();
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Connection lost/ })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Add' })).toHaveAttribute('data-loading', 'true');
    await screen(page, 'stations-offline-submit-en-1280');
    relay.restore();
    await expect(page.getByText('Min Zhao added.')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('staff-C07')).toContainText('Min Zhao');

    // The next one reaches the counter, but its answer is lost: sent again with the same key, saved once.
    await page.getByRole('button', { name: 'Add staff member' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Jin Qian');
    await dialog.getByLabel('Staff number').fill('C08');
    await dialog.getByRole('textbox', { name: 'First PIN' }).fill('2468');
    relay.loseNextAnswer();
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByText('Jin Qian added.')).toBeVisible({ timeout: 20_000 });

    const staff = await must(counter.api('staff.list', { includeInactive: true }, admin));
    expect(staff.filter((person) => person.code === 'C07')).toHaveLength(1);
    expect(staff.filter((person) => person.code === 'C08')).toHaveLength(1);
    const audit = await must(counter.api('audit.list', { limit: 50, action: 'staff.create' }, admin));
    expect(audit.rows.filter((row) => row.origin.startsWith('station:'))).toHaveLength(2);
    // The audit log names the station each was done from.
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Added staff member' }).filter({ hasText: '值班室 (127.0.0.1)' })).toHaveCount(2);
  });
});
