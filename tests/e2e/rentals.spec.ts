import { VirtualPrinter } from '../support/virtualPrinter';
import { addStaff, chooseLanguage, expect, MANAGER, must, screen, setUpPark, signIn, test, type Station } from './fixtures';

const ID_CARD = '11010519491231002X';

async function openCounter(station: Station, printer: VirtualPrinter) {
  const admin = await setUpPark(station);
  await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const board = await must(station.api('rentals.board', {}, admin));
  const wheelchair = board.types.find((type) => type.code === 'wheelchair')?.id ?? 0;
  const stroller = board.types.find((type) => type.code === 'stroller')?.id ?? 0;
  for (const tag of ['WC-001', 'WC-002']) await must(station.api('rentals.units.add', { typeId: wheelchair, tag }, admin));
  await must(station.api('rentals.units.add', { typeId: stroller, tag: 'ST-001' }, admin));
  await must(
    station.api(
      'settings.update',
      { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port }, type: 'EPSON', paperWidth: 80, chinese: true, timeoutMs: 3000 } },
      admin,
    ),
  );
  return admin;
}

test.describe('rentals at the counter', () => {
  test('inspect, rent a wheelchair, its receipt prints; return it damaged with a manager’s approval; the printer goes off and comes back', async ({ page, station }) => {
    test.setTimeout(90_000);
    const printer = await VirtualPrinter.start();
    try {
      const admin = await openCounter(station, printer);
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
      await expect(page.getByTestId('board-wheelchair').getByTestId('available')).toHaveText('0');

      // The daily inspection before renting.
      await page.getByRole('tab', { name: /每日检查/ }).click();
      await page.getByRole('button', { name: 'WC-001 正常' }).click();
      await page.getByRole('button', { name: 'WC-002 正常' }).click();
      await expect(page.getByTestId('board-wheelchair').getByTestId('available')).toHaveText('2');
      await screen(page, 'rentals-inspection-zh-1280');

      // Rent out with the keyboard alone: F2 (even from the focused scan field), then the fields in order, Enter.
      await page.getByTestId('scan').focus();
      await page.keyboard.press('F2');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel('物品编号')).toBeFocused();
      await page.keyboard.type('WC-001');
      await expect(dialog.getByTestId('unit-card')).toContainText('轮椅');
      await page.keyboard.press('Tab');
      await page.keyboard.type('李游客');
      await page.keyboard.press('Tab');
      await page.keyboard.type('13812345678');
      await dialog.getByLabel('证件号码').fill('110105194912310021');
      await page.keyboard.press('Enter');
      await expect(dialog.getByText('身份证号码无效，请核对 18 位号码及最后一位校验码。')).toBeVisible();
      await screen(page, 'rentals-checkout-error-zh-1280');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      await page.keyboard.press('Enter');
      const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
      expect(receiptNo).toMatch(/^R\d{8}-0001$/);
      await expect(dialog.getByText(`已借出，收据编号 ${receiptNo}。`)).toBeVisible();
      await screen(page, 'rentals-receipt-zh-1280');

      // The receipt reaches the printer: exact text, the QR and barcode carry the receipt number.
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(1);
      const receipt = printer.jobs[0]!;
      const text = receipt.lines.map((line) => line.text.trim());
      expect(text).toContain(receiptNo);
      expect(text.some((line) => /^大写 In words\s+伍佰元整$/.test(line))).toBe(true);
      expect(text.some((line) => /^证件 ID\s+1101\*{10}002X$/.test(line))).toBe(true);
      expect(receipt.qr).toEqual([receiptNo]);
      expect(receipt.barcodes).toEqual([receiptNo]);
      expect(Math.max(...receipt.lines.map((line) => line.columns))).toBeLessThanOrEqual(48);
      expect(printer.errors).toEqual([]);
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);

      // Return: scan the receipt into the scan field; damaged; keep 200 CNY with the manager's PIN.
      await page.getByTestId('scan').fill(receiptNo);
      await page.getByTestId('scan').press('Enter');
      await expect(dialog.getByTestId('rental-card')).toContainText('李游客');
      await dialog.getByText('损坏', { exact: true }).click();
      await dialog.getByLabel('扣押金额（元）').fill('200');
      await dialog.getByLabel('原因').fill('扶手断裂');
      await dialog.getByRole('combobox', { name: '审批经理' }).click();
      await page.getByRole('option', { name: /王经理/ }).click();
      await dialog.getByLabel('经理 PIN 码').fill('000000');
      await dialog.getByRole('button', { name: /退还 ¥300.00/ }).click();
      await expect(dialog.getByText('PIN 码错误，再错 4 次将被锁定。')).toBeVisible();
      await screen(page, 'rentals-return-damaged-zh-1280');
      await dialog.getByLabel('经理 PIN 码').fill(MANAGER.pin);
      await dialog.getByRole('button', { name: /退还 ¥300.00/ }).click();
      await expect(dialog.getByText('已归还，退还 ¥300.00。')).toBeVisible();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(2);
      const slip = printer.jobs[1]!.lines.map((line) => line.text.trim());
      expect(slip.some((line) => /^退还 Refunded\s+￥300\.00$/.test(line))).toBe(true);
      expect(slip.some((line) => /^扣除 Kept\s+￥200\.00$/.test(line))).toBe(true);
      expect(slip.some((line) => /^审批 Approved by\s+王经理$/.test(line))).toBe(true);
      await dialog.getByRole('button', { name: /下一位游客/ }).click();

      // The printer goes off mid-day: the rental still succeeds, the header says what waits.
      await printer.stop();
      await page.keyboard.press('F2');
      await dialog.getByLabel('物品编号').fill('WC-002');
      await dialog.getByLabel('游客姓名').fill('王游客');
      await dialog.getByLabel('联系电话').fill('13900001111');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      await dialog.getByRole('button', { name: /借出/ }).click();
      await expect(dialog.getByText(/已借出，收据编号 R\d{8}-0002。/)).toBeVisible();
      await dialog.getByRole('button', { name: /下一位游客/ }).click();
      await expect(page.getByTestId('printer-badge')).toContainText('1');
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      await screen(page, 'rentals-printer-offline-zh-1280');
      await printer.start();
      await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(3);
      await expect(page.getByTestId('printer-badge')).not.toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      // Exactly once: nothing more arrives.
      await page.waitForTimeout(2500);
      expect(printer.jobs.length).toBe(3);
      expect(printer.jobs[2]?.qr).toEqual([expect.stringMatching(/-0002$/)]);

      // The deposits figure matches the rentals: 500 + 500 taken, 300 refunded, 200 kept.
      await page.getByRole('tab', { name: '押金现金' }).click();
      await expect(page.getByTestId('cash-cash')).toContainText('¥1000.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥300.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥200.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥500.00');
      const cash = await must(station.api('rentals.cash', {}, admin));
      expect(cash.totals).toMatchObject({ takenFen: 100_000, refundedFen: 30_000, keptFen: 20_000, expectedFen: 50_000 });
      expect(cash.heldFen).toBe(50_000);
      await screen(page, 'rentals-cash-zh-1280');

      await chooseLanguage(page, 'en');
      await page.getByRole('tab', { name: 'Out now' }).click();
      await expect(page.getByText('王游客')).toBeVisible();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'rentals-out-en-1920');
    } finally {
      await printer.stop();
    }
  });
});
