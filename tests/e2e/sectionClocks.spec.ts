import { addStaff, chooseLanguage, clockTo, expect, must, screen, setUpPark, signIn, startStation, test } from './fixtures';

/** Park time on 2026-11-29 (Asia/Shanghai, UTC+8) as epoch ms. */
const at = (time: string) => Date.parse(`2026-11-29T${time}:00+08:00`);

test('a clerk serving rentals sees the paging, incident and complaint clocks turn amber, then red, beside their sections in the menu', async ({ page }) => {
  test.setTimeout(90_000);
  const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at('10:00')).toISOString() });
  try {
    const admin = await setUpPark(station);
    await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const radio = await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
    const counter = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    const slip = await must(station.api('paging.register', { clientRef: 'menu-clocks-1', details: { kind: 'general', textZh: '请停在北门的车主尽快移车' } }, counter));
    await must(station.api('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶' }, counter));

    await page.goto(station.url);
    await signIn(page, '张柜台', '1357');
    await expect(page.getByRole('heading', { name: '租借服务', level: 1 })).toBeVisible();
    const menu = page.getByRole('navigation');
    const clocksOf = (name: string) => menu.getByRole('link', { name: new RegExp(`^${name}`) }).getByTestId('section-clocks');
    // 10:00: the broadcast room has 5 minutes, the incident 30; neither near its limit.
    await expect(menu.getByTestId('section-clocks')).toHaveCount(0);

    // 10:04: one minute left to reach the broadcast room: amber beside Paging, on the rentals screen.
    await clockTo(station, page, at('10:04'));
    await expect(clocksOf('广播寻人')).toHaveAttribute('data-state', 'warn');
    await expect(clocksOf('广播寻人')).toHaveText('1');
    await expect(clocksOf('广播寻人')).toHaveAttribute('aria-label', '计时：0 项已超时，1 项即将到时');
    await expect(clocksOf('突发事件')).toHaveCount(0);

    // 10:22: the request is overdue (red), the incident has 8 minutes left to notify (amber).
    await clockTo(station, page, at('10:22'));
    await expect(clocksOf('广播寻人')).toHaveAttribute('data-state', 'late');
    await expect(clocksOf('突发事件')).toHaveAttribute('data-state', 'warn');
    await expect(page.getByRole('heading', { name: '租借服务', level: 1 })).toBeVisible();
    await screen(page, 'menu-clocks-zh-1280');
    await chooseLanguage(page, 'en');
    await expect(menu.getByRole('link', { name: /^Paging/ }).getByTestId('section-clocks')).toHaveAttribute('aria-label', 'Clocks: 1 past the limit, 0 near it');
    await screen(page, 'menu-clocks-en-1280');
    await chooseLanguage(page, 'zh-CN');

    // The broadcast room takes the request: its clock stops, and the menu says so at once.
    const room = (await must(station.api('auth.signIn', { staffId: radio.id, pin: '2468' }))).token;
    await must(station.api('paging.acknowledge', { id: slip.id }, room));
    await expect(clocksOf('广播寻人')).toHaveCount(0);
    await expect(clocksOf('突发事件')).toHaveText('1');

    // A complaint's head summoned over the PA at 10:22 has 10 minutes to arrive: amber at 10:30, gone when they arrive.
    const rides = (await must(station.api('departments.list', {}, admin))).find((department) => department.code === 'rides')?.id;
    const complaint = await must(
      station.api(
        'complaints.create',
        { clientRef: 'menu-clocks-c1', channel: 'walkIn', complainantName: '刘先生', phone: '13812345678', place: '过山车排队区', happenedAt: at('10:10'), category: 'rides', departmentId: rides, description: '排队一小时后设备临时停运', request: '', severity: 'medium' },
        counter,
      ),
    );
    await must(station.api('complaints.summon', { id: complaint.id, clientRef: 'menu-clocks-s1' }, counter));
    const summons = (await must(station.api('paging.queue', {}, room))).find((queued) => queued.kind === 'summonHead');
    await must(station.api('paging.aired', { id: summons?.id ?? 0 }, room));
    await expect(clocksOf('客诉处理')).toHaveCount(0);
    await clockTo(station, page, at('10:30'));
    await expect(clocksOf('客诉处理')).toHaveAttribute('data-state', 'warn');
    await expect(clocksOf('客诉处理')).toHaveText('1');
    await must(station.api('paging.arrived', { id: summons?.id ?? 0 }, counter));
    await expect(clocksOf('客诉处理')).toHaveCount(0);
  } finally {
    await station.stop();
  }
});
