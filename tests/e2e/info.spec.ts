import { VirtualPrinter } from '../support/virtualPrinter';
import { addStaff, chooseLanguage, cutButtons, expect, MANAGER, must, screen, setUpPark, signIn, test } from './fixtures';

test.describe('the information desk', () => {
  test('a manager writes the park’s bus answer; the counter finds it by a word, counts the enquiry, prints it in English for the visitor, and hands out a map', async ({ page, station }) => {
    test.setTimeout(120_000);
    const printer = await VirtualPrinter.start();
    try {
      const admin = await setUpPark(station);
      await must(
        station.api('settings.update', { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port }, type: 'EPSON', paperWidth: 58, chinese: true, timeoutMs: 3000 } }, admin),
      );
      await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });

      // The duty manager adds the bus answer; an empty form is refused next to its fields, and nothing is added.
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: '咨询服务' }).click();
      await expect(page.getByRole('heading', { name: '咨询服务', level: 1 })).toBeVisible();
      await expect(page.getByRole('article', { name: '开放时间' })).toContainText('阳光水世界每日 09:00 开园，18:00 闭园。');
      await page.getByRole('button', { name: '新增解答' }).click();
      const form = page.getByRole('dialog', { name: '新增解答' });
      await form.getByRole('button', { name: '保存' }).click();
      await expect(form.getByLabel(/^标题（中文）/)).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel(/^解答（英文）/)).toHaveAttribute('aria-invalid', 'true');
      expect((await must(station.api('info.list', {}, admin))).entries).toHaveLength(2);
      await form.getByLabel(/^标题（中文）/).fill('公交线路');
      await form.getByLabel(/^标题（英文）/).fill('Buses');
      await form.getByLabel(/^解答（中文）/).fill('北门有 12 路、35 路公交，开往市中心和火车站，末班车 21:00。南门有出租车候车点。');
      await form.getByLabel(/^解答（英文）/).fill('Buses 12 and 35 stop at the north gate for the city centre and the railway station; the last bus leaves at 21:00. Taxis wait at the south gate.');
      await screen(page, 'info-form-zh-1280');
      await form.getByRole('button', { name: '保存' }).click();
      await expect(form).toHaveCount(0);
      await expect(page.getByRole('article', { name: '公交线路' })).toBeVisible();
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();

      // The counter: a visitor asks about taxis.
      await signIn(page, '张柜台', '1357');
      await page.getByRole('navigation').getByRole('link', { name: '租借服务' }).click();
      await page.getByRole('navigation').getByRole('link', { name: '咨询服务' }).click();
      await expect(page.getByRole('button', { name: '新增解答' })).toHaveCount(0);
      const search = page.getByLabel('搜索解答');
      await expect(search).toBeFocused();
      await search.fill('出租');
      const bus = page.getByRole('article', { name: '公交线路' });
      await expect(bus).toBeVisible();
      await expect(page.getByRole('article')).toHaveCount(1);
      await bus.getByRole('button', { name: '已解答' }).click();
      await expect(bus.getByTestId('info-today')).toContainText('今日 1 次');
      await expect(page.getByTestId('info-total')).toHaveText('1');

      // The visitor reads English: shown, then printed on the receipt printer.
      await bus.getByRole('button', { name: '显示英文' }).click();
      await expect(bus.getByTestId('info-body')).toContainText('Taxis wait at the south gate.');
      await bus.getByRole('button', { name: '打印给游客' }).click();
      await page.getByRole('menuitem', { name: '英文' }).click();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(1);
      const slip = (printer.jobs[0]?.lines ?? []).map((line) => line.text).join('\n');
      expect(slip).toContain('Buses');
      expect(slip).toContain('railway station');
      expect(slip).not.toContain('公交线路');
      await expect(page.getByTestId('info-tally')).toContainText('为游客打印 1 份');
      await expect(page.getByTestId('info-total')).toHaveText('2');

      // Nothing matches: said so. A question with no answer here is counted by its topic.
      await search.fill('游船');
      await expect(page.getByTestId('info-empty')).toHaveText('没有与“游船”相符的解答。');
      await page.getByRole('button', { name: '+ 旅游信息' }).click();
      await expect(page.getByTestId('info-total')).toHaveText('3');
      expect((await must(station.api('info.list', {}, admin))).today.byTopic).toEqual({ transport: 2, tourist: 1, park: 0, other: 0 });

      // A free park map handed out from the same screen.
      await page.getByRole('button', { name: '发放一件 园区地图' }).click();
      await expect(page.getByTestId('board-park-map').getByTestId('handed-out')).toHaveText('今日已发放 1 件');

      await search.fill('');
      await expect(page.getByRole('article')).toHaveCount(3);
      await screen(page, 'info-counter-zh-1280');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'info-counter-zh-1920');
      await chooseLanguage(page, 'en');
      await expect(page.getByRole('heading', { name: 'Information desk', level: 1 })).toBeVisible();
      // The header's date reads day-first in English.
      await expect(page.getByTestId('park-date')).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/);
      await expect(page.getByRole('article', { name: 'Buses' })).toContainText('2 today');
      await screen(page, 'info-counter-en-1920');
      expect(await cutButtons(page)).toEqual([]);
      await page.setViewportSize({ width: 1024, height: 768 });
      await screen(page, 'info-counter-en-1024');
      expect(await cutButtons(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screen(page, 'info-counter-en-1280');
      // Every topic's button as wide as its words, in the narrow column too.
      expect(await cutButtons(page)).toEqual([]);
    } finally {
      await printer.stop();
    }
  });
});
