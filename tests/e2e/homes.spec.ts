import { addStaff, brokenWords, chooseLanguage, expect, screen, setUpPark, signIn, test, MANAGER } from './fixtures';

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1920', width: 1920, height: 1080 },
  // A touch kiosk: the menu is a rail of icons over small names.
  { name: '1024', width: 1024, height: 768 },
];

test.describe('a home for each role', () => {
  test('counter, broadcast room and duty manager each land on their own home and see only their sections', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1111' });
    await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2222' });
    await addStaff(station, admin, { code: 'M02', name: '赵值班', role: 'manager', pin: '3333' });
    const nav = page.getByRole('navigation');

    const homes = [
      { name: '张柜台', pin: '1111', home: '租借服务', homeEn: 'Rentals', sees: ['失物招领', '广播寻人', '客诉处理', '突发事件'], hidden: ['员工', '广播队列'], file: 'home-counter' },
      { name: '陈广播', pin: '2222', home: '广播队列', homeEn: 'Paging queue', sees: ['每日节目'], hidden: ['租借服务', '员工'], file: 'home-broadcast' },
      { name: '赵值班', pin: '3333', home: '待审批', homeEn: 'Approvals', sees: ['日结', '员工', '设置', '操作日志', '租借服务'], hidden: [], file: 'home-manager' },
    ];
    for (const person of homes) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(station.url);
      await chooseLanguage(page, 'zh-CN');
      await signIn(page, person.name, person.pin);
      await expect(page.getByRole('heading', { name: person.home })).toBeVisible();
      for (const label of person.sees) await expect(nav.getByRole('link', { name: label })).toBeVisible();
      for (const label of person.hidden) await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await screen(page, `${person.file}-zh-${size.name}`);
      }
      await chooseLanguage(page, 'en');
      await expect(page.getByRole('heading', { name: person.homeEn })).toBeVisible();
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await screen(page, `${person.file}-en-${size.name}`);
        // The menu's group and section names keep their words whole, the rail's narrow column included.
        expect(await brokenWords(page, 'nav'), `menu at ${size.name}`).toEqual([]);
      }
      await page.getByTestId('user-menu').click();
      // Its items are touch targets, like every control (UI.md: at least 44 px).
      await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      const items = await page.getByRole('menuitem').all();
      expect(items.length).toBeGreaterThanOrEqual(2);
      for (const item of items) expect((await item.boundingBox())?.height, await item.innerText()).toBeGreaterThanOrEqual(44);
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { name: 'Who is at the counter?' })).toBeVisible();
    }
    // A touch-sized screen: the sign-in tiles and keypad stay usable.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: new RegExp(`^${MANAGER.name}`) }).click();
    await screen(page, 'signin-keypad-en-1024');
    const box = await page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '5', exact: true }).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThanOrEqual(48);
  });

  test('a staff member cannot open another role’s section by typing its address', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C09', name: '钱柜台', role: 'counter', pin: '9090' });
    await page.goto(station.url);
    await signIn(page, '钱柜台', '9090');
    await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
    await page.goto(`${station.url}/#/manager/staff`);
    await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '员工' })).toHaveCount(0);
  });
});
