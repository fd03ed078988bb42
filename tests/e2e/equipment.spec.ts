import { VirtualPrinter } from '../support/virtualPrinter';
import { cutBadges, expect, MANAGER, must, screen, setUpPark, signIn, test } from './fixtures';
import { setLanguage } from './lostFoundHelpers';

test.describe('equipment at the counter', () => {
  test('a manager adds units with their tags (refusing a bad or taken tag next to the field), prints a tag label, adds a free type, retires a unit with its reason; each unit keeps its history', async ({ page, station }) => {
    test.setTimeout(120_000);
    const printer = await VirtualPrinter.start();
    try {
      const admin = await setUpPark(station);
      await must(
        station.api(
          'settings.update',
          { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port }, type: 'EPSON', paperWidth: 80, chinese: true, timeoutMs: 3000 } },
          admin,
        ),
      );
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: '租借服务' }).click();
      await page.getByRole('tab', { name: '物品管理' }).click();
      const panel = page.getByRole('tabpanel', { name: '物品管理' });
      const units = panel.getByRole('table').nth(1);

      // No units yet: the list says what is missing and offers to add one.
      await expect(units.getByText('还没有登记物品：每件物品有了资产编号才能借出。')).toBeVisible();
      await screen(page, 'equipment-empty-zh-1280');
      await units.getByRole('button', { name: '添加物品' }).click();
      let dialog = page.getByRole('dialog', { name: '添加物品', exact: true });
      await expect(dialog.getByLabel('物品编号')).toBeFocused();
      // A tag that cannot be on a label is refused next to its field, and nothing is added.
      await dialog.getByLabel('物品编号').fill('轮椅1');
      await dialog.getByRole('button', { name: '添加' }).click();
      await expect(dialog.getByText('2 至 20 位字母、数字或短横线，与标签一致。')).toBeVisible();
      expect(await must(station.api('rentals.units.list', {}, admin))).toEqual([]);
      // Typed in lower case, it is kept as printed on the label.
      await dialog.getByLabel('物品编号').fill('wc-101');
      await dialog.getByLabel('备注').fill('2026 年新购');
      await dialog.getByRole('button', { name: '添加' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(panel.getByTestId('unit-WC-101')).toContainText('轮椅');
      await expect(panel.getByTestId('unit-WC-101')).toContainText('待检查');

      // The same tag again (in any case) is refused on the counter's answer, next to the field.
      await panel.getByRole('button', { name: '添加物品', exact: true }).click();
      dialog = page.getByRole('dialog', { name: '添加物品', exact: true });
      await dialog.getByLabel('物品编号').fill('Wc-101');
      await dialog.getByRole('button', { name: '添加' }).click();
      await expect(dialog.getByText('编号 WC-101 已被使用。')).toBeVisible();
      await screen(page, 'equipment-tag-taken-zh-1280');
      await dialog.getByRole('button', { name: '取消' }).click();
      expect(await must(station.api('rentals.units.list', {}, admin))).toHaveLength(1);

      // The tag's label prints on the receipt printer: its barcode carries the tag.
      await panel.getByRole('button', { name: '打印标签 WC-101' }).click();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(1);
      expect(printer.jobs[0]?.barcodes).toEqual(['WC-101']);
      expect(printer.jobs[0]?.lines.some((line) => line.text.includes('WC-101'))).toBe(true);

      // A type handed out for free: no deposit, no units of its own.
      await panel.getByRole('button', { name: '添加物品类型' }).click();
      dialog = page.getByRole('dialog', { name: '添加物品类型' });
      await dialog.getByLabel('代码').fill('poncho');
      await dialog.getByLabel('中文名称').fill('雨衣');
      await dialog.getByLabel('英文名称').fill('Rain poncho');
      await dialog.getByLabel(/^发放/).check();
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(panel.getByTestId('type-poncho')).toContainText('雨衣');
      // Filtered to a type without units, the list says so (and offers nothing to add there).
      await panel.getByRole('combobox', { name: '物品类型' }).click();
      await page.getByRole('option', { name: '婴儿车' }).click();
      await expect(units.getByText('此类型下没有物品。')).toBeVisible();
      await expect(units.getByRole('button', { name: '添加物品' })).toHaveCount(0);
      await panel.getByRole('combobox', { name: '物品类型' }).click();
      await page.getByRole('option', { name: '轮椅' }).click();

      // Retiring asks for the reason; without one nothing changes.
      await panel.getByRole('button', { name: '报废 WC-101' }).click();
      dialog = page.getByRole('dialog', { name: 'WC-101 · 报废' });
      await dialog.getByRole('button', { name: '报废' }).click();
      await expect(dialog.getByText('至少 2 个字符。')).toBeVisible();
      expect((await must(station.api('rentals.units.list', {}, admin)))[0]?.state).toBe('inspectionDue');
      await dialog.getByLabel('原因').fill('车架断裂，无法修复');
      await dialog.getByRole('button', { name: '报废' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(panel.getByTestId('unit-WC-101')).toContainText('已报废');
      await expect(panel.getByRole('button', { name: '报废 WC-101' })).toHaveCount(0);

      // Its history: added, then retired with the reason, each with who and when.
      await panel.getByRole('button', { name: '记录 WC-101' }).click();
      const drawer = page.getByRole('dialog', { name: 'WC-101 · 记录' });
      await expect(drawer.getByText('入库')).toBeVisible();
      await expect(drawer.getByText(`· ${MANAGER.name}`)).toHaveCount(2);
      await expect(drawer.getByText('报废', { exact: true })).toBeVisible();
      await expect(drawer.getByText('车架断裂，无法修复')).toBeVisible();
      await screen(page, 'equipment-history-zh-1280');
      await page.keyboard.press('Escape');

      await setLanguage(page, 'en');
      await expect(page.getByRole('tabpanel', { name: 'Equipment' }).getByTestId('unit-WC-101')).toContainText('Wheelchair');
      // A free type says it takes no deposit (it is handed out, not lent).
      await expect(page.getByRole('tabpanel', { name: 'Equipment' }).getByTestId('type-poncho')).toContainText('No deposit');
      // The panel's headings name what they list; a type in use says so (not 'on duty', as a person is).
      await expect(page.getByRole('heading', { name: 'Item types' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Units' })).toBeVisible();
      await expect(page.getByRole('tabpanel', { name: 'Equipment' }).getByTestId('type-poncho')).toContainText('In use');
      await screen(page, 'equipment-en-1280');

      // With six types on the board at 1280, each card keeps its name, deposit and counts readable:
      // at most four cards a row, nothing sticking out of its card.
      await must(station.api('rentals.types.save', { code: 'scooter', nameZh: '成人电动代步车', nameEn: 'Electric mobility scooter (adult)', depositFen: 100_000 }, admin));
      await must(station.api('rentals.types.save', { code: 'power-bank', nameZh: '充电宝', nameEn: 'Power bank', depositFen: 10_000 }, admin));
      await expect(page.getByTestId('board-power-bank')).toBeVisible();
      const cards = page.locator('[data-testid^="board-"]');
      const boxes = await cards.evaluateAll((all) => all.map((card) => ({ width: card.getBoundingClientRect().width, overflow: card.scrollWidth - card.clientWidth })));
      expect(boxes.length).toBeGreaterThanOrEqual(6);
      for (const box of boxes) {
        expect(box.overflow).toBeLessThanOrEqual(0);
        expect(box.width).toBeGreaterThan(200);
      }
      expect(await cutBadges(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screen(page, 'rentals-board-six-types-en-1280');
    } finally {
      await printer.stop();
    }
  });
});
