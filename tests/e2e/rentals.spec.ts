import Database from 'better-sqlite3';
import { join } from 'node:path';
import { VirtualPrinter } from '../support/virtualPrinter';
import { addStaff, chooseLanguage, cutBadges, expect, MANAGER, moveClock, must, pastMain, screen, setUpPark, signIn, smallTargets, startStation, test, type Station } from './fixtures';
import { setLanguage } from './lostFoundHelpers';

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
    test.setTimeout(240_000);
    const printer = await VirtualPrinter.start();
    try {
      const admin = await openCounter(station, printer);
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
      await expect(page.getByTestId('board-wheelchair').getByTestId('available')).toHaveText('0');
      // The printer is asked while nothing prints: ready once it answered.
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });

      // The clerk takes over the deposit drawer: a shift, kept by the core whoever signs in or out.
      await page.getByRole('tab', { name: '押金现金' }).click();
      await expect(page.getByTestId('no-shift')).toBeVisible();
      await screen(page, 'rentals-shift-none-zh-1280');
      await page.getByRole('button', { name: '开始班次' }).click();
      await expect(page.getByTestId('current-shift')).toContainText('张柜台');

      // The daily inspection before renting.
      await page.getByRole('tab', { name: /每日检查/ }).click();
      await page.getByRole('button', { name: 'WC-001 正常' }).click();
      await page.getByRole('button', { name: 'WC-002 正常' }).click();
      await expect(page.getByTestId('board-wheelchair').getByTestId('available')).toHaveText('2');
      await screen(page, 'rentals-inspection-zh-1280');

      // Nothing out yet: the list says so and offers the way to rent; a search that finds nothing says that instead.
      await page.getByRole('tab', { name: '借出中' }).click();
      const outList = page.getByRole('tabpanel', { name: '借出中' });
      await expect(outList.getByText('目前没有借出的物品。')).toBeVisible();
      await screen(page, 'rentals-empty-rent-zh-1280');
      await outList.getByRole('textbox', { name: '搜索' }).fill('王五');
      await expect(outList.getByText('没有与“王五”相符的租借。')).toBeVisible();
      await expect(outList.getByRole('button', { name: '去借出 →' })).toHaveCount(0);
      await outList.getByRole('textbox', { name: '搜索' }).fill('');
      await outList.getByRole('button', { name: '去借出 →' }).click();
      await expect(page.getByRole('dialog').getByLabel('物品编号')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // Rent out with the keyboard alone: F2 (even from the focused scan field), then the fields in order, Enter.
      await page.getByTestId('scan').focus();
      await page.keyboard.press('F2');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel('物品编号')).toBeFocused();
      // Every dialog's close button is named, in the screen's language.
      await expect(dialog.getByRole('button', { name: '关闭', exact: true })).toBeVisible();
      await page.keyboard.type('WC-001');
      await expect(dialog.getByTestId('unit-card')).toContainText('轮椅');
      // The scanner's Enter after the tag moves on to the first field still empty; it never rents.
      await page.keyboard.press('Enter');
      await expect(dialog.getByLabel('游客姓名')).toBeFocused();
      await page.keyboard.type('李游客');
      await page.keyboard.press('Tab');
      await page.keyboard.type('13812345678');
      await dialog.getByLabel('证件号码').fill('110105194912310021');
      await page.keyboard.press('Enter');
      await expect(dialog.getByText('身份证号码无效，请核对 18 位号码及最后一位校验码。')).toBeVisible();
      await screen(page, 'rentals-checkout-error-zh-1280');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      // Scanned last, with everything typed: Enter leads to the payment method, still to choose, and rents nothing.
      await dialog.getByLabel('物品编号').press('Enter');
      await expect(dialog.getByRole('radio', { name: '现金' })).toBeFocused();
      await expect(dialog.getByTestId('receipt-no')).toHaveCount(0);
      await dialog.getByLabel('证件号码').press('Enter');
      const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
      expect(receiptNo).toMatch(/^R\d{8}-0001$/);
      await expect(dialog.getByText(`已借出，收据编号 ${receiptNo}。`)).toBeVisible();
      await screen(page, 'rentals-receipt-zh-1280');

      // The receipt reaches the printer: exact text, the QR and barcode carry the receipt number with
      // its check code, which is printed beside it and shown on no screen.
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(1);
      const receipt = printer.jobs[0]!;
      const text = receipt.lines.map((line) => line.text.trim());
      expect(text).toContain(receiptNo);
      expect(text.some((line) => /^大写 In words\s+伍佰元整$/.test(line))).toBe(true);
      expect(text.some((line) => /^证件 ID\s+1101\*{10}002X$/.test(line))).toBe(true);
      const checkCode = /^核验码 Check code\s+([2-9A-HJKMNP-Z]{4})$/.exec(text.find((line) => line.startsWith('核验码')) ?? '')?.[1] ?? '';
      expect(checkCode).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
      const voucher = `${receiptNo}-${checkCode}`;
      expect(receipt.qr).toEqual([voucher]);
      expect(receipt.barcodes).toEqual([voucher]);
      expect(Math.max(...receipt.lines.map((line) => line.columns))).toBeLessThanOrEqual(48);
      expect(printer.errors).toEqual([]);
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);

      // Return from the list without the receipt's code: refused, with what to do.
      await page.getByRole('tab', { name: /借出中/ }).click();
      await page.getByTestId(`rental-${receiptNo}`).getByRole('button', { name: /归还/ }).click();
      await expect(dialog.getByLabel('核验码')).toBeFocused();
      await dialog.getByRole('button', { name: /退还 ¥500.00/ }).click();
      await expect(dialog.getByText('请输入收据上印的核验码，或扫描收据。游客没有收据时请选择“收据遗失？”，退款需值班经理批准。')).toBeVisible();
      await screen(page, 'rentals-return-check-code-zh-1280');
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(dialog).toHaveCount(0);
      // The same in English.
      await chooseLanguage(page, 'en');
      await page.getByTestId(`rental-${receiptNo}`).getByRole('button', { name: /^Return$/ }).click();
      // The time out reads as on the receipt, in English too (year first, no seconds, never month first).
      const printedOut = receipt.lines.map((line) => line.text).join('\n').match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)?.[0];
      expect(printedOut).toMatch(/^2\d{3}-/);
      await expect(dialog.getByTestId('rental-card')).toContainText(printedOut ?? 'no time on the receipt');
      await expect(dialog.getByTestId('rental-card')).not.toContainText(/\d{2}:\d{2}:\d{2}|\d{2}\/\d{2}/);
      await dialog.getByRole('button', { name: /Refund/ }).click();
      await expect(dialog.getByText('Enter the check code printed on the receipt, or scan the receipt.', { exact: false })).toBeVisible();
      await screen(page, 'rentals-return-check-code-en-1280');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      await chooseLanguage(page, 'zh-CN');

      // Return: scan the receipt into the scan field (its QR code: number and check code); damaged; keep 200 CNY with the manager's PIN.
      await page.getByTestId('scan').fill(voucher);
      await page.getByTestId('scan').press('Enter');
      await expect(dialog.getByTestId('rental-card')).toContainText('李游客');
      await expect(dialog.getByLabel('核验码')).toHaveValue(checkCode);
      await dialog.getByText('损坏', { exact: true }).click();
      await dialog.getByLabel('扣押金额（元）').fill('200');
      await dialog.getByLabel('原因').fill('扶手断裂');
      await dialog.getByRole('combobox', { name: '审批经理' }).click();
      await page.getByRole('option', { name: /王经理/ }).click();
      await dialog.getByLabel('经理 PIN 码').fill('000000');
      await dialog.getByRole('button', { name: /退还 ¥300.00/ }).click();
      await expect(dialog.getByText('PIN 码错误，再错 4 次将被锁定。')).toBeVisible();
      await screen(page, 'rentals-return-damaged-zh-1280');
      // Every control of the dialog is a 44 px target, the PIN field's show/hide button too.
      expect(await smallTargets(page)).toEqual([]);
      await dialog.getByLabel('经理 PIN 码').fill(MANAGER.pin);
      await dialog.getByRole('button', { name: /退还 ¥300.00/ }).click();
      await expect(dialog.getByText('已归还，退还 ¥300.00。')).toBeVisible();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(2);
      const slip = printer.jobs[1]!.lines.map((line) => line.text.trim());
      expect(slip.some((line) => /^退还 Refunded\s+￥300\.00$/.test(line))).toBe(true);
      expect(slip.some((line) => /^扣除 Kept\s+￥200\.00$/.test(line))).toBe(true);
      expect(slip.some((line) => /^审批 Approved by\s+王经理$/.test(line))).toBe(true);
      await dialog.getByRole('button', { name: /下一位游客/ }).click();

      // The printer goes off mid-day: with nothing to print, the header shows it within a probe.
      await printer.stop();
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      await expect(page.getByTestId('printer-badge')).toContainText('打印机离线：0 张待打印');
      // The rental still succeeds; the header says what waits.
      await page.keyboard.press('F2');
      // Sent empty at 1280×800: every field says what it needs, and the button to rent out stays in sight.
      await dialog.getByRole('button', { name: /借出/ }).click();
      await expect(dialog.getByText('必填。').first()).toBeVisible();
      await expect(dialog.getByTestId('checkout-actions').getByRole('button', { name: /借出/ })).toBeInViewport({ ratio: 1 });
      // The unit card shows the unit's kind: a stroller by its own icon, a wheelchair by its.
      await dialog.getByLabel('物品编号').fill('ST-001');
      await expect(dialog.getByTestId('unit-card').locator('svg[data-icon="stroller"]')).toHaveCount(1);
      await dialog.getByLabel('物品编号').fill('WC-002');
      await expect(dialog.getByTestId('unit-card').locator('svg[data-icon="wheelchair"]')).toHaveCount(1);
      await dialog.getByLabel('游客姓名').fill('王游客');
      await dialog.getByLabel('联系电话').fill('13900001111');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      await dialog.getByRole('button', { name: /借出/ }).click();
      await expect(dialog.getByText(/已借出，收据编号 R\d{8}-0002。/)).toBeVisible();
      await dialog.getByRole('button', { name: /下一位游客/ }).click();
      await expect(page.getByTestId('printer-badge')).toContainText('1');
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      await screen(page, 'rentals-printer-offline-zh-1280');
      // At 1280 in Chinese the list of rentals out keeps the receipt number, the tag and the phone on
      // one line each, and cuts nothing short (the time left included).
      const row = page.locator('[data-testid^="rental-R"]').first();
      expect(await row.evaluate((node) => [...node.querySelectorAll('*')].filter((part) => part.scrollWidth > part.clientWidth).length)).toBe(0);
      for (const text of [/^R\d{8}-0002$/, /^WC-00\d$/, /^1\d{10}$/]) {
        const lines = await row.getByText(text).evaluate((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        });
        expect(lines, String(text)).toBe(1);
      }
      // At a 1024 touch kiosk in English the list still fits its card, its Return buttons in reach.
      await page.setViewportSize({ width: 1024, height: 768 });
      await setLanguage(page, 'en');
      await row.scrollIntoViewIfNeeded();
      await screen(page, 'rentals-list-en-1024');
      // (polled: the rows take their English words a frame after the switch)
      await expect.poll(() => pastMain(page, 'rental-table')).toBeLessThanOrEqual(0);
      expect(await cutBadges(page)).toEqual([]);
      await expect(row.getByRole('button', { name: 'Return', exact: true })).toBeInViewport();
      await setLanguage(page, 'zh-CN');
      await page.setViewportSize({ width: 1280, height: 800 });
      await printer.start();
      await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(3);
      await expect(page.getByTestId('printer-badge')).not.toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
      // Exactly once: the queue is empty, so nothing more can be sent; the printer has each job once.
      await expect.poll(async () => (await must(station.api('printer.status', {}, admin))).waiting).toBe(0);
      expect(printer.jobs.length).toBe(3);
      expect(printer.jobs[2]?.qr).toEqual([expect.stringMatching(/-0002-[2-9A-HJKMNP-Z]{4}$/)]);

      // Every printout in the printouts panel; a damaged one is shown in red until someone sets it aside.
      await page.getByRole('tab', { name: /打印记录/ }).click();
      await expect(page.locator('[data-testid^="printout-"][data-status="printed"]')).toHaveCount(3);
      const db = new Database(join(station.dir, 'parkdesk.sqlite'));
      db.pragma('busy_timeout = 5000');
      // Due now on the station's clock (its test clock starts at 10:00 in the park).
      const stationNow = await moveClock(station);
      db.prepare("INSERT INTO print_job (kind, ref, document, next_attempt_at, created_at) VALUES ('deposit-receipt', 'R-DAMAGED', '{\"kind\":\"x\",\"blocks\":[]}', ?, ?)").run(stationNow, stationNow);
      db.close();
      await expect(page.locator('[data-testid^="printout-"][data-status="failed"]')).toContainText('打印内容已损坏，无法打印');
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-failed', '1');
      await expect(page.getByTestId('printer-badge')).toContainText('1 张打印失败');
      await expect(page.getByRole('tab', { name: /打印记录/ })).toContainText('1');
      await screen(page, 'rentals-printouts-zh-1280');
      await setLanguage(page, 'en');
      await screen(page, 'rentals-printouts-en-1280');
      await setLanguage(page, 'zh-CN');
      await page.getByRole('button', { name: '搁置 R-DAMAGED' }).click();
      await expect(page.getByTestId('printer-badge')).toHaveAttribute('data-failed', '0');
      // A reprint from the rental's row: the copy carries its banner.
      await page.getByRole('tab', { name: '已归还' }).click();
      await page.getByRole('button', { name: `补打 ${receiptNo}` }).click();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(4);
      expect(printer.jobs[3]?.lines[0]?.text).toBe('补打 / REPRINT #1');
      expect(printer.jobs[3]?.lines.some((line) => line.text.includes('押金退还凭条'))).toBe(true);
      await expect(page.getByTestId('printer-badge')).toHaveText('打印机就绪');
      // The deposit receipt of a rental still out is the visitor's voucher: a copy needs the duty manager.
      const outNo = (printer.jobs[2]?.qr[0] ?? '').replace(/-[2-9A-HJKMNP-Z]{4}$/, '');
      await page.getByRole('tab', { name: '借出中' }).click();
      await page.getByRole('button', { name: `补打 ${outNo}` }).click();
      const approve = page.getByRole('dialog', { name: '补打押金收据' });
      await expect(approve.getByText('游客已持有这张收据', { exact: false })).toBeVisible();
      await approve.getByRole('combobox', { name: '审批经理' }).click();
      await page.getByRole('option', { name: /王经理/ }).click();
      await approve.getByLabel('经理 PIN 码').fill('000000');
      await approve.getByRole('button', { name: '审批并补打' }).click();
      await expect(approve.getByText('PIN 码错误，再错 4 次将被锁定。')).toBeVisible();
      expect(printer.jobs.length).toBe(4);
      await screen(page, 'rentals-reprint-voucher-zh-1280');
      await approve.getByLabel('经理 PIN 码').fill(MANAGER.pin);
      await approve.getByRole('button', { name: '审批并补打' }).click();
      await expect(approve).toHaveCount(0);
      await page.getByRole('alert').filter({ hasText: '补打已送往打印机。' }).last().getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(5);
      expect(printer.jobs[4]?.lines[0]?.text).toBe('补打 / REPRINT #1');
      expect(printer.jobs[4]?.qr).toEqual([printer.jobs[2]?.qr[0]]);

      // The deposits figure matches the rentals: 500 + 500 taken, 300 refunded, 200 kept.
      await page.getByRole('tab', { name: '押金现金' }).click();
      await expect(page.getByTestId('cash-cash')).toContainText('¥1,000.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥300.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥200.00');
      await expect(page.getByTestId('cash-cash')).toContainText('¥500.00');
      const cash = await must(station.api('rentals.cash', {}, admin));
      expect(cash.totals).toMatchObject({ takenFen: 100_000, refundedFen: 30_000, keptFen: 20_000, expectedFen: 50_000 });
      expect(cash.heldFen).toBe(50_000);
      // The drawer's shift has the same figures; it is closed with a count, a difference explained.
      const shift = page.getByTestId('current-shift');
      await expect(shift.locator('[data-testid$="-cash"]')).toContainText('¥500.00');
      await screen(page, 'rentals-cash-zh-1280');
      await shift.getByRole('button', { name: '清点抽屉并结束班次' }).click();
      const count = page.getByRole('dialog');
      await count.getByLabel('现金 · 实点金额（元）').fill('450');
      await count.getByRole('button', { name: '清点抽屉并结束班次' }).click();
      // Money reads as everywhere on the Chinese screen: the sign of the currency first.
      await expect(count.getByText('清点金额相差 ¥-50.00，请填写原因。')).toBeVisible();
      await screen(page, 'rentals-shift-close-zh-1280');
      await setLanguage(page, 'en');
      await screen(page, 'rentals-shift-close-en-1280');
      await setLanguage(page, 'zh-CN');
      await count.getByLabel('原因').first().fill('找零少了 50 元');
      await count.getByRole('button', { name: '清点抽屉并结束班次' }).click();
      await expect(count).toHaveCount(0);
      await expect(page.getByTestId('no-shift')).toBeVisible();
      const past = page.locator('[data-testid^="past-shift-"]');
      await expect(past).toHaveCount(1);
      await expect(past).toContainText('¥500.00');
      await expect(past).toContainText('¥450.00');
      // The notice of the close sits over the row; a hovered notice never closes by itself.
      await page.getByRole('button', { name: '关闭' }).last().click();
      await past.getByRole('button', { name: /明细/ }).click();
      await expect(page.getByRole('dialog')).toContainText('找零少了 50 元');
      await screen(page, 'rentals-shift-past-zh-1280');
      await setLanguage(page, 'en');
      await screen(page, 'rentals-shift-past-en-1280');
      await page.keyboard.press('Escape');
      await setLanguage(page, 'zh-CN');

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

test.describe('the return and rent-out dialogs on small screens', () => {
  test('the refund button stays in sight at 1024×768 and 1280×800, a deposit kept beyond the deposit is refused as it is typed, and an unknown tag is said once', async ({ page, station }) => {
    test.setTimeout(120_000);
    const printer = await VirtualPrinter.start();
    try {
      const admin = await openCounter(station, printer);
      const units = await must(station.api('rentals.units.list', {}, admin));
      for (const unit of units) await must(station.api('rentals.inspect', { unitId: unit.id, result: 'ok' }, admin));
      const rented = await must(
        station.api('rentals.checkOut', { unitTag: 'WC-001', visitorName: '李游客', phone: '13812345678', identity: { idType: 'resident', idNumber: ID_CARD }, payment: 'cash' }, admin),
      );
      // The receipt's QR code as the scanner types it: the number and the check code.
      const voucher = `${rented.rental.receiptNo}-${rented.checkCode}`;
      const returns: string[] = [];
      page.on('request', (sent) => {
        if (sent.url().endsWith('/api/rentals.return')) returns.push(sent.url());
      });

      await page.setViewportSize({ width: 1024, height: 768 });
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await expect(page.getByRole('heading', { name: '租借服务' })).toBeVisible();
      await page.keyboard.press('F4');
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('收据编号').fill(voucher);
      await expect(dialog.getByTestId('rental-card')).toContainText('李游客');
      await dialog.getByText('损坏', { exact: true }).click();
      const refund = dialog.getByTestId('return-actions').getByRole('button', { name: /退还 ¥500.00/ });
      const cancel = dialog.getByTestId('return-actions').getByRole('button', { name: '取消' });
      /** The whole button on screen as the dialog opened, nothing scrolled. */
      const wholeInView = async () => {
        const viewport = page.viewportSize();
        for (const button of [refund, cancel]) {
          const box = await button.boundingBox();
          expect(box).not.toBeNull();
          expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport?.height ?? 0);
          expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
          await expect(button).toBeInViewport({ ratio: 1 });
        }
      };
      // With the condition, the amount, the reason and the manager's PIN the dialog is taller than the screen: its buttons stay at its foot.
      await wholeInView();
      await screen(page, 'rentals-return-damaged-zh-1024');
      await page.setViewportSize({ width: 1280, height: 800 });
      await wholeInView();

      // More than the deposit: said beside the amount as it is typed, the money as it reads everywhere; nothing is sent.
      const kept = dialog.getByLabel('扣押金额（元）');
      await kept.fill('600');
      const over = dialog.getByText('扣除金额不能超过押金（¥500.00）。');
      await expect(over).toHaveCount(1);
      await expect(kept).toHaveAttribute('aria-invalid', 'true');
      await expect(kept).toBeFocused();
      /** The message in sight: above the actions kept at the dialog's foot, not behind them. */
      const clearOfActions = async (message: typeof over) => {
        await expect(message).toBeInViewport({ ratio: 1 });
        await expect
          .poll(async () => {
            const [text, actions] = [await message.boundingBox(), await dialog.getByTestId('return-actions').boundingBox()];
            return (text?.y ?? Infinity) + (text?.height ?? 0) <= (actions?.y ?? 0);
          })
          .toBe(true);
      };
      await clearOfActions(over);
      await screen(page, 'rentals-return-over-deposit-zh-1280');
      await setLanguage(page, 'en');
      await expect(dialog.getByText('Cannot keep more than the deposit (CNY 500.00).')).toHaveCount(1);
      await screen(page, 'rentals-return-over-deposit-en-1280');
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect(dialog.getByTestId('return-actions').getByRole('button', { name: /Refund CNY 0.00/ })).toBeInViewport({ ratio: 1 });
      const keptEn = dialog.getByLabel('Deposit kept (CNY)');
      await keptEn.fill('');
      await keptEn.fill('700');
      await clearOfActions(dialog.getByText('Cannot keep more than the deposit (CNY 500.00).'));
      await screen(page, 'rentals-return-over-deposit-en-1024');
      await setLanguage(page, 'zh-CN');
      await screen(page, 'rentals-return-over-deposit-zh-1024');
      await dialog.getByLabel('原因').fill('扶手断裂');
      await dialog.getByTestId('return-actions').getByRole('button', { name: /退还 ¥0.00/ }).click();
      await expect(kept).toBeFocused();
      await expect(kept).toHaveValue('¥ 700');
      expect(returns).toEqual([]);
      // Within the deposit: the message goes as the amount is corrected, and the refund reads what is left.
      await kept.fill('200');
      await expect(over).toHaveCount(0);
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect(dialog.getByTestId('return-actions').getByRole('button', { name: /退还 ¥300.00/ })).toBeInViewport({ ratio: 1 });
      await page.setViewportSize({ width: 1280, height: 800 });
      await dialog.getByTestId('return-actions').getByRole('button', { name: '取消' }).click();
      await expect(dialog).toHaveCount(0);
      expect(returns).toEqual([]);

      // Rent-out: a tag no unit has is said once, under the field, as it is typed and again once sent.
      await page.keyboard.press('F2');
      await dialog.getByLabel('物品编号').fill('XX-999');
      const unknown = dialog.getByText('没有这个编号的物品。');
      await expect(unknown).toHaveCount(1);
      await expect(dialog.getByLabel('物品编号')).toHaveAttribute('aria-invalid', 'true');
      await dialog.getByLabel('游客姓名').fill('王游客');
      await dialog.getByLabel('联系电话').fill('13900001111');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      await dialog.getByTestId('checkout-actions').getByRole('button', { name: /借出/ }).click();
      await expect(dialog.getByLabel('物品编号')).toBeFocused();
      await expect(unknown).toHaveCount(1);
      await screen(page, 'rentals-checkout-unknown-tag-zh-1280');
      await page.setViewportSize({ width: 1024, height: 768 });
      await screen(page, 'rentals-checkout-unknown-tag-zh-1024');
      await setLanguage(page, 'en');
      await expect(dialog.getByText('No unit has this tag.')).toHaveCount(1);
      await screen(page, 'rentals-checkout-unknown-tag-en-1024');
      await page.setViewportSize({ width: 1280, height: 800 });
      await screen(page, 'rentals-checkout-unknown-tag-en-1280');
      // A known tag: the card, and no message.
      await dialog.getByLabel('Asset tag').fill('WC-002');
      await expect(dialog.getByTestId('unit-card')).toBeVisible();
      await expect(dialog.getByText('No unit has this tag.')).toHaveCount(0);
    } finally {
      await printer.stop();
    }
  });
});

test.describe('the counter by keyboard', () => {
  test('a trained clerk rents out with the keyboard alone in under 30 seconds: scan, Tab through, ID type and payment by arrow keys, Enter', async ({ page, station }) => {
    const printer = await VirtualPrinter.start();
    try {
      const admin = await openCounter(station, printer);
      const units = await must(station.api('rentals.units.list', {}, admin));
      for (const unit of units) await must(station.api('rentals.inspect', { unitId: unit.id, result: 'ok' }, admin));
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await expect(page.getByTestId('scan')).toBeFocused();

      const started = Date.now();
      const request = page.waitForRequest((sent) => sent.url().endsWith('/api/rentals.checkOut'));
      // The scanner types the tag into the focused scan field and ends with Enter: the check-out opens on that unit.
      await page.keyboard.type('WC-002');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByLabel('物品编号')).toHaveValue('WC-002');
      await expect(dialog.getByLabel('物品编号')).toBeFocused();
      await expect(dialog.getByTestId('unit-card')).toContainText('轮椅');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Tom Smith');
      await page.keyboard.press('Tab');
      await page.keyboard.type('+86 139 0000 2222');
      // ID type: a select; arrow down opens it and moves through the options, Enter picks.
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('combobox', { name: '证件类型' })).toBeFocused();
      await page.keyboard.press('ArrowDown');
      // The list is on screen before the next key, as the clerk sees it (a loaded machine is slower to draw it).
      await expect(page.getByRole('listbox')).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('combobox', { name: '证件类型' })).toHaveValue('护照');
      await page.keyboard.press('Tab');
      await page.keyboard.type('E12345678');
      // Payment: a radio group; Tab lands on the chosen method, the arrow keys choose another.
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('radio', { name: '现金' })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(dialog.getByRole('radio', { name: '微信支付' })).toBeChecked();
      // The return time stays the default; Enter in it rents.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(dialog.getByTestId('receipt-no')).toHaveText(/^R\d{8}-0001$/);
      expect(Date.now() - started).toBeLessThan(30_000);
      // Untouched, the due time is left to the core's default.
      const body: unknown = (await request).postDataJSON();
      expect(body).toMatchObject({ unitTag: 'WC-002', visitorName: 'Tom Smith', identity: { idType: 'passport', idNumber: 'E12345678' }, payment: 'wechat' });
      expect(body).not.toHaveProperty('dueAt');
      const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
      const rental = await must(station.api('rentals.get', { receiptNo }, admin));
      expect(rental).toMatchObject({ idType: 'passport', payment: 'wechat', phone: '+8613900002222' });
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(1);
      await screen(page, 'rentals-keyboard-receipt-zh-1280');
      // Enter again: the next visitor; focus is back for the next scan.
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);

      // A sewing kit is handed out, not lent: one tap, counted for the day, nothing to return.
      await page.getByRole('button', { name: '发放一件 针线包' }).click();
      await expect(page.getByTestId('board-sewing-kit').getByTestId('handed-out')).toHaveText('1');
      await screen(page, 'rentals-board-handout-zh-1280');
      await setLanguage(page, 'en');
      await expect(page.getByTestId('board-sewing-kit')).toContainText('1 handed out today');
      await expect(page.getByText('1 rental out', { exact: true })).toBeVisible();
      await screen(page, 'rentals-board-handout-en-1280');
      // In English, on the large kiosk and on a touch-sized screen: a copy of the voucher the visitor
      // holds asks for the duty manager, and cancelling prints nothing.
      await page.getByRole('tab', { name: 'Out now' }).click();
      await page.getByRole('button', { name: `Reprint ${receiptNo}` }).click();
      const approve = page.getByRole('dialog', { name: 'Reprint a deposit receipt' });
      await expect(approve.getByText('The visitor already has this receipt', { exact: false })).toBeVisible();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'rentals-reprint-voucher-en-1920');
      await page.setViewportSize({ width: 1024, height: 768 });
      await screen(page, 'rentals-reprint-voucher-en-1024');
      const confirm = await approve.getByRole('button', { name: 'Approve and reprint' }).boundingBox();
      expect(confirm?.height).toBeGreaterThanOrEqual(44);
      await approve.getByRole('button', { name: 'Cancel' }).click();
      await expect(approve).toHaveCount(0);
      expect(printer.jobs).toHaveLength(1);
    } finally {
      await printer.stop();
    }
  });
});

test.describe('rentals by the park clock', () => {
  test('the inspection shows its clock to opening time, and what is overdue moves when the clock passes a due time', async ({ page }) => {
    test.setTimeout(90_000);
    // 08:40 in Shanghai: twenty minutes to opening, the units not inspected yet.
    const station = await startStation({ PARKDESK_TEST_CLOCK: '2026-11-29T00:40:00Z' });
    const printer = await VirtualPrinter.start();
    try {
      const admin = await openCounter(station, printer);
      // The clock moves by half an hour at a time here: nobody is signed out for it.
      await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      const deadline = page.getByTestId('inspection-deadline').first();
      await expect(deadline).toContainText('开园（09:00）前完成检查');
      await expect(deadline.locator('[data-state]')).toHaveAttribute('data-state', 'warn');
      await expect(deadline).toContainText('剩余 20 分钟');
      await page.getByRole('tab', { name: /每日检查/ }).click();
      await expect(page.getByTestId('inspection-deadline')).toHaveCount(2);
      await screen(page, 'rentals-inspection-deadline-zh-1280');
      await setLanguage(page, 'en');
      await expect(deadline).toContainText('Inspect before opening (09:00)');
      await screen(page, 'rentals-inspection-deadline-en-1280');
      await setLanguage(page, 'zh-CN');

      // Opening time passes with units still to inspect: red.
      await moveClock(station, 25 * 60_000);
      await expect(deadline.locator('[data-state]')).toHaveAttribute('data-state', 'late', { timeout: 20_000 });
      await expect(deadline).toContainText('逾期 5 分钟', { timeout: 20_000 });

      // Every unit inspected: the clock is gone.
      const units = await must(station.api('rentals.units.list', {}, admin));
      for (const unit of units) await must(station.api('rentals.inspect', { unitId: unit.id, result: 'ok' }, admin));
      await expect(page.getByTestId('inspection-deadline')).toHaveCount(0);

      // A rental due in ten minutes: nothing overdue, until the park clock passes its due time.
      const now = await moveClock(station);
      await must(
        station.api(
          'rentals.checkOut',
          { unitTag: 'WC-001', visitorName: '李游客', phone: '13812345678', identity: { idType: 'resident', idNumber: ID_CARD }, payment: 'cash', dueAt: now + 10 * 60_000 },
          admin,
        ),
      );
      await expect(page.getByRole('tab', { name: /逾期/ })).not.toContainText('1');
      await moveClock(station, 11 * 60_000);
      // The core announces it: the board and the overdue tab count it without any write.
      await expect(page.getByRole('tab', { name: /逾期/ })).toContainText('1');
      await expect(page.getByText('逾期：1')).toBeVisible();
    } finally {
      await printer.stop();
      await station.stop();
    }
  });
});

