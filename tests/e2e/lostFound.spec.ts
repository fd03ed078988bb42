import { pdfText } from '../support/pdf';
import { VirtualPrinter } from '../support/virtualPrinter';
import { addStaff, clippedTexts, cutBadges, downloadPdf, expect, fillTime, MANAGER, mockPrinter, moveClock, must, orphanedCharacters, pastMain, screen, setUpPark, signIn, smallTargets, startStation, test, timeField } from './fixtures';
import { axe, drawSignature, picture, setLanguage, shots, START } from './lostFoundHelpers';
import { SIGNATURE } from '../support/signature';

const ID_CARD = '11010519491231002X';
const DAY = 86_400_000;

test.describe('lost and found', () => {
  // A step that cannot happen fails in seconds, saying which, instead of running into the test's timeout.
  test.use({ actionTimeout: 10_000 });

  test('signed intake prints its receipt, the PA announcement reaches the broadcast room, a Chinese lost report is matched, the owner claims with ID and the slip prints', async ({ browser }) => {
    test.setTimeout(150_000);
    const printer = await VirtualPrinter.start();
    const station = await startStation({ PARKDESK_TEST_CLOCK: START });
    // The counter's screen also runs axe (an inline script the CSP forbids): its context bypasses the CSP for that check.
    const contexts = [await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true }), await browser.newContext({ viewport: { width: 1920, height: 1080 } })];
    try {
      const admin = await setUpPark(station);
      await must(
        station.api(
          'settings.update',
          { idleSignOutMinutes: 240, printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port }, type: 'EPSON', paperWidth: 80, chinese: true, timeoutMs: 3000 } },
          admin,
        ),
      );
      await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      await addStaff(station, admin, { code: 'C02', name: '李复核', role: 'counter', pin: '2468' });
      await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '3579' });
      const [counter, room] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];

      await room.goto(station.url);
      await signIn(room, '陈广播', '3579');
      await expect(room.getByText('没有待处理的广播请求。')).toBeVisible();

      await mockPrinter(counter);
      await counter.goto(station.url);
      await signIn(counter, '张柜台', '1357');
      await counter.getByRole('navigation').getByRole('link', { name: '失物招领' }).click();
      await expect(counter.getByRole('heading', { level: 1 })).toHaveText('失物招领');
      await expect(counter.getByText('暂无保管中的物品。收到拾得物品请点上方按钮登记。')).toBeVisible();

      // Intake, keyboard first: F2, the category has the focus; wallets ask for contents and cash.
      await counter.keyboard.press('F2');
      const dialog = counter.getByRole('dialog');
      await expect(dialog.getByRole('radio', { name: '手机' })).toBeFocused();
      await dialog.getByRole('radio', { name: '钱包' }).click();
      await expect(dialog.getByTestId('holding-hint')).toHaveText('为失主保管 30 天，期满后移交计财部。');
      await dialog.getByLabel('描述').fill('黑色皮质钱包，内有身份证和现金');
      await dialog.getByLabel('颜色').fill('黑色');
      await dialog.getByLabel('品牌').fill('Coach');
      await dialog.getByLabel('拾得地点').fill('旋转木马排队区');
      await fillTime(timeField(dialog, '拾得时间'), '09:40');
      await dialog.getByRole('textbox', { name: '拾得人', exact: true }).fill('赵保洁');
      await dialog.getByRole('combobox', { name: '拾得人部门' }).click();
      await counter.getByRole('option', { name: '保洁部' }).click();
      await dialog.getByLabel('拾得人电话').fill('13900001111');
      await dialog.getByLabel('内含物品').fill('身份证一张（李某某），银行卡两张');
      await dialog.getByRole('textbox', { name: '现金' }).fill('320');
      // Money reads as it does everywhere: the sign first.
      await expect(dialog.getByRole('textbox', { name: '现金' })).toHaveValue('¥ 320');
      await dialog.getByRole('combobox', { name: '复点人' }).click();
      await counter.getByRole('option', { name: /李复核/ }).click();
      await dialog.getByLabel('复点人 PIN 码').fill('2468');
      // Counted by the signed-in clerk, recounted by the colleague who types their own PIN.
      await expect(dialog.getByRole('textbox', { name: '清点人', exact: true })).toHaveValue('张柜台');
      await dialog.getByTestId('contents-section').scrollIntoViewIfNeeded();
      await screen(counter, 'lost-found-intake-cash-zh-1280');
      await setLanguage(counter, 'en');
      await expect(dialog.getByLabel("Checker's PIN")).toHaveValue('2468');
      await screen(counter, 'lost-found-intake-cash-en-1280');
      await setLanguage(counter, 'zh-CN');
      await dialog.locator('label').filter({ hasText: /^保险柜$/ }).click();
      await dialog.getByLabel('位置（货架 / 箱号）').fill('S-01');
      await dialog.getByLabel('隐藏核对信息（仅供认领核对）').fill('钱包内有一张全家福照片');
      await dialog.getByTestId('photo-file').setInputFiles({ name: 'wallet.png', mimeType: 'image/png', buffer: await picture(counter) });
      await expect(dialog.getByRole('img', { name: '照片 1' })).toBeVisible();

      // Unsigned: refused next to each pad, nothing taken in.
      await dialog.getByRole('button', { name: /登记并打印/ }).click();
      await expect(dialog.getByTestId('pad-finder').getByText('此处需要签名。')).toBeVisible();
      await expect(dialog.getByTestId('pad-receiver').getByText('此处需要签名。')).toBeVisible();
      await drawSignature(counter, dialog.getByTestId('pad-finder'));
      await drawSignature(counter, dialog.getByTestId('pad-receiver'));
      await expect(dialog.getByText('此处需要签名。')).toHaveCount(0);
      await screen(counter, 'lost-found-intake-signed-zh-1280');
      await dialog.getByRole('radio', { name: '钱包' }).scrollIntoViewIfNeeded();
      expect(await axe(counter), 'intake form').toEqual([]);
      await shots(counter, 'intake');

      await dialog.getByRole('button', { name: /登记并打印/ }).click();
      const itemNo = (await dialog.getByTestId('item-no').textContent()) ?? '';
      expect(itemNo).toBe('L20261129-0001');
      await expect(dialog.getByTestId('receipt-preview')).toContainText('L20261129-0001');
      // On the English screen the preview keeps the paper's grid: its dashed rule spans the full width.
      await setLanguage(counter, 'en');
      const grid = await dialog.getByTestId('receipt-preview').evaluate((figure) => {
        const rule = [...figure.querySelectorAll('div')].find((line) => /^-{20,}$/.test(line.textContent ?? ''));
        const inner = figure.clientWidth - parseFloat(getComputedStyle(figure).paddingLeft) - parseFloat(getComputedStyle(figure).paddingRight);
        return { variant: getComputedStyle(figure).fontVariantEastAsian, shortBy: rule ? inner - rule.scrollWidth : -1 };
      });
      expect(grid.variant).toBe('normal');
      expect(grid.shortBy).toBeGreaterThanOrEqual(0);
      expect(grid.shortBy).toBeLessThan(2);
      await setLanguage(counter, 'zh-CN');
      // The finder's receipt and the bag label reach the printer; the hidden details are on neither.
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(2);
      const printed = printer.jobs.map((job) => job.lines.map((line) => line.text).join('\n'));
      expect(printed[0]).toContain('拾得物品登记回执');
      expect(printed[0]).toContain(itemNo);
      expect(printer.jobs[0]?.barcodes).toEqual([itemNo]);
      expect(printed.join('\n')).not.toContain('全家福');
      expect(printer.errors).toEqual([]);
      await screen(counter, 'lost-found-intake-done-zh-1280');

      // One action announces it: the broadcast room has the slip at once, with nothing private in it.
      await dialog.getByRole('button', { name: '广播招领' }).click();
      await expect(dialog.getByRole('button', { name: '已发送到广播室' })).toBeDisabled();
      const slip = room.locator('[data-testid^="slip-"]').first();
      await expect(slip.getByTestId('script-zh')).toContainText('拾到黑色 Coach钱包');
      for (const secret of ['全家福', '320', '身份证', '李某某']) await expect(slip).not.toContainText(secret);
      await screen(room, 'lost-found-announced-room-zh-1920');

      // The item's page: everything but the hidden details, which show on request (audited).
      await dialog.getByRole('button', { name: '查看物品' }).click();
      const detail = counter.getByTestId('item-detail');
      await expect(detail.getByTestId('detail-item-no')).toHaveText(itemNo);
      await expect(detail.getByText('已广播')).toBeVisible();
      // One announcement at a time: while the room has it, the item's page offers no second one.
      await expect(detail.getByRole('button', { name: '广播室待播中' })).toBeDisabled();
      await expect(detail.getByRole('button', { name: '复核并签名' })).toBeDisabled();
      await expect(detail.getByText('此物品由您接收，须由其他员工复核并签名。')).toBeVisible();
      await expect(detail.getByTestId('custody')).toContainText('广播招领');
      await expect(detail).not.toContainText('全家福');
      await detail.getByRole('button', { name: '显示隐藏核对信息' }).click();
      await expect(detail.getByTestId('hidden-shown')).toContainText('钱包内有一张全家福照片');
      await detail.getByRole('button', { name: '隐藏' }).click();
      await counter.evaluate(() => window.scrollTo(0, 0));
      await shots(counter, 'detail');

      // A visitor reports the wallet lost, in Chinese: matched to the item at once, and confirmed.
      await counter.keyboard.press('F3');
      await dialog.getByRole('radio', { name: '钱包' }).click();
      await dialog.getByLabel('描述').fill('黑色钱包，有身份证');
      await dialog.getByLabel('颜色').fill('黑色');
      await dialog.getByLabel('丢失地点').fill('旋转木马');
      await fillTime(timeField(dialog, '丢失时间'), '09:30');
      await dialog.getByLabel('游客').fill('李某某');
      await dialog.getByLabel('电话').fill('13812345678');
      await dialog.getByRole('button', { name: '登记报告' }).click();
      await expect(counter.getByText('失物报告 LR20261129-0001 已登记。')).toBeVisible();
      const match = counter.getByTestId('report-LR20261129-0001').getByTestId(`match-${itemNo}`);
      await expect(match).toHaveAttribute('data-decision', 'suggested');
      for (const reason of ['匹配度 6', '类别相同', '地点相同', '时间相近', '描述相近']) await expect(match.getByText(reason)).toBeVisible();
      expect(await axe(counter), 'lost reports and matches').toEqual([]);
      await shots(counter, 'matches');
      await match.getByRole('button', { name: '确认匹配' }).click();
      await expect(match).toHaveAttribute('data-decision', 'confirmed');
      // At a 1024 touch kiosk the match's state keeps its words beside the item's description.
      await counter.setViewportSize({ width: 1024, height: 768 });
      await expect(match.getByTestId('match-state')).toHaveText('已确认');
      expect(await cutBadges(counter)).toEqual([]);
      await counter.setViewportSize({ width: 1280, height: 800 });

      // The owner claims with ID: a wrong check digit is refused, then the claim goes through and the slip prints.
      await match.getByRole('button', { name: '失主认领' }).click();
      await expect(dialog.getByRole('textbox', { name: '失主', exact: true })).toHaveValue('李某某');
      // (Checked before any field shows an error: the theme's red error text is below AA contrast everywhere, a theme matter.)
      expect(await axe(counter), 'claim').toEqual([]);
      await dialog.getByLabel('证件号码').fill('110105194912310021');
      await dialog.getByLabel('失主描述物品').fill('黑色Coach钱包，里面有我的身份证、两张银行卡和三百多元');
      await dialog.getByLabel('失主对核对信息的回答').fill('有一张全家福');
      await dialog.getByRole('button', { name: '显示隐藏核对信息' }).click();
      await expect(dialog.getByTestId('hidden-shown')).toContainText('全家福');
      await dialog.getByRole('button', { name: '归还失主' }).click();
      await expect(dialog.getByText('请先核对描述与回答是否与记录一致。')).toBeVisible();
      await dialog.getByLabel('描述与回答与记录一致').check();
      await dialog.getByLabel('核对说明').fill('身份证与钱包内证件一致');
      await drawSignature(counter, dialog.getByTestId('pad-owner'));
      await dialog.getByRole('button', { name: '归还失主' }).click();
      await expect(dialog.getByText('身份证号码无效，请核对 18 位号码及最后一位校验码。')).toBeVisible();
      await dialog.getByRole('textbox', { name: '失主', exact: true }).scrollIntoViewIfNeeded();
      await shots(counter, 'claim');
      await dialog.getByLabel('证件号码').fill(ID_CARD);
      await dialog.getByRole('button', { name: '归还失主' }).click();
      await expect(dialog.getByText('已归还 李某某，正在打印认领凭条。')).toBeVisible();
      await expect(dialog.getByTestId('receipt-preview')).toContainText('1101**********002X');
      await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(3);
      const claimSlip = printer.jobs[2]!.lines.map((line) => line.text).join('\n');
      expect(claimSlip).toContain('认领凭条');
      expect(claimSlip).toContain(itemNo);
      expect(claimSlip).toContain('1101**********002X');
      expect(claimSlip).not.toContain(ID_CARD);
      await screen(counter, 'lost-found-claimed-zh-1280');
      // Claimed: its announcement leaves the broadcast room's queue.
      await expect(room.locator('[data-testid^="slip-"]')).toHaveCount(0);
      await dialog.getByRole('button', { name: /完成/ }).click();
      await expect(dialog).toHaveCount(0);
      await expect(counter.getByTestId('report-LR20261129-0001')).toHaveCount(0);
      // The visitor's report is found, linked to the item.
      await counter.locator('label').filter({ hasText: /^已找到$/ }).click();
      await expect(counter.getByTestId('report-LR20261129-0001').getByRole('button', { name: `已关联 ${itemNo}` })).toBeVisible();
      await counter.getByTestId('lf-scan').fill(itemNo);
      await counter.getByTestId('lf-scan').press('Enter');
      await expect(detail.locator('[data-status]').first()).toHaveAttribute('data-status', 'returned');
      await expect(detail.getByTestId('custody')).toContainText('失主认领');
      // The signed record on file: intake, verification and claim, each signature as it was drawn.
      const record = await downloadPdf(counter, '登记记录 PDF（签名，存档）', `item-${itemNo}.pdf`);
      const recordText = record.pages.join('\n');
      expect(recordText).toContain('拾获物品登记及认领记录');
      expect(recordText).toContain('1101**********002X');
      expect(recordText).not.toContain(ID_CARD);

      // The counter's printouts name each lost-and-found printout for what it is.
      await counter.getByRole('navigation').getByRole('link', { name: '租借服务' }).click();
      await counter.getByRole('tab', { name: /打印记录/ }).click();
      const printouts = counter.locator('[data-testid^="printout-"]');
      await expect(printouts).toHaveCount(3);
      await expect(printouts.nth(0)).toContainText('认领凭条');
      await expect(printouts.nth(1)).toContainText('拾得物品袋标签');
      await expect(printouts.nth(2)).toContainText('拾得物品收据');
    } finally {
      for (const context of contexts) await context.close();
      await printer.stop();
      await station.stop();
    }
  });

  test('the weekly handover: holding periods set by a manager, items past them handed to finance in a signed batch with its ledger', async ({ browser }) => {
    test.setTimeout(150_000);
    const station = await startStation({ PARKDESK_TEST_CLOCK: START });
    // The second screen also runs axe (an inline script the CSP forbids): its context bypasses the CSP for that check.
    const contexts = [await browser.newContext({ viewport: { width: 1280, height: 800 } }), await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })];
    try {
      const admin = await setUpPark(station);
      await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
      const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      const checker = await addStaff(station, admin, { code: 'C02', name: '李复核', role: 'counter', pin: '2468' });

      // The duty manager shortens the holding period of clothing to 3 days.
      const manager = await contexts[0]!.newPage();
      await manager.goto(station.url);
      await signIn(manager, MANAGER.name, MANAGER.pin);
      await manager.getByRole('navigation').getByRole('link', { name: '失物招领' }).click();
      await manager.getByRole('tab', { name: '保管期限' }).click();
      const clothing = manager.getByTestId('holding-clothing');
      await clothing.getByRole('textbox').fill('3');
      await clothing.getByRole('button', { name: '保存 衣物' }).click();
      await expect(manager.getByText('衣物：保管 3 天。')).toBeVisible();
      await screen(manager, 'lost-found-holding-zh-1280');

      // Items taken in at the counter (through the API: the intake is tested above).
      const token = async () => must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' })).then((session) => session.token);
      const intake = async (extra: Record<string, unknown>) =>
        (
          await must(
            station.api(
              'lostFound.intake',
              {
                clientRef: `e2e-${Math.random().toString(36).slice(2)}`,
                category: 'clothing',
                description: '灰色外套',
                colour: '灰色',
                foundPlace: '过山车出口',
                foundAt: Date.parse(START) - 3_600_000,
                finderName: '赵保洁',
                storageKind: 'shelf',
                storagePlace: 'B-2',
                finderSignature: SIGNATURE,
                receiverSignature: SIGNATURE,
                ...extra,
              } as never,
              await token(),
            ),
          )
        ).item;
      const coat = await intake({});
      const goggles = await intake({ description: '儿童泳镜', colour: '粉色', waterWorld: true, foundPlace: '造浪池', storageKind: 'bin', storagePlace: 'W-1' });
      const wallet = await intake({ category: 'wallet', description: '棕色钱包', colour: '棕色', storageKind: 'safe', storagePlace: 'S-02' });
      // Five days on, an ID card comes in: it comes due next week.
      await moveClock(station, 5 * DAY);
      const card = await intake({ category: 'idDocument', description: '身份证', colour: '', foundPlace: '北门', foundAt: Date.parse(START) + 5 * DAY - 3_600_000 });
      // Nine days after the first intakes: the goggles (water world, due after closing that day) are overdue for finance.
      await moveClock(station, 4 * DAY);

      const page = await contexts[1]!.newPage();
      await page.goto(station.url);
      await signIn(page, '李复核', '2468');
      await page.getByRole('navigation').getByRole('link', { name: '失物招领' }).click();
      await expect(page.getByTestId('lf-overdue')).toHaveText('1');
      await expect(page.getByTestId('due-badge')).toHaveText('2');
      // The week's figure counts what is due now and what comes due in the next 7 days, and says so.
      await expect(page.getByTestId('lf-dueThisWeek')).toHaveText('3');
      await expect(page.getByTestId('lf-stats')).toContainText('7 天内待移交');
      expect(await orphanedCharacters(page, '[data-testid="lf-stats"]')).toEqual([]);
      await expect(page.getByRole('tab', { name: /^移交计财部\s*2 件待移交 · 1 件已逾期$/ })).toBeVisible();
      await expect(page.getByTestId(`item-${card.itemNo}`)).toBeVisible();
      // Nobody has verified these intakes yet: each says so, with the time since it was taken in.
      await expect(page.getByTestId(`item-${card.itemNo}`).getByTestId('unverified')).toHaveText('未复核 · 登记后 4 天');
      await expect(page.getByTestId('item-list').getByTestId('unverified')).toHaveCount(4);
      // A description cut to two lines keeps its whole text as the tooltip.
      await expect(page.getByTestId(`item-${wallet.itemNo}`).getByText('棕色钱包 · 棕色')).toHaveAttribute('title', '棕色钱包 · 棕色');
      expect(await axe(page), 'shelf').toEqual([]);
      await shots(page, 'shelf');

      // On a 1024 touch kiosk the menu is a rail, and the shelf still fits: every badge reads in
      // full, no number breaks, and the table ends inside the page.
      await page.setViewportSize({ width: 1024, height: 768 });
      const menu = await page.getByRole('navigation').boundingBox();
      expect(menu?.width).toBeLessThanOrEqual(120);
      await expect(page.getByRole('navigation').getByRole('link', { name: '失物招领' })).toBeVisible();
      expect(await cutBadges(page)).toEqual([]);
      expect(await pastMain(page, 'item-list')).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      // The item number is one line (a range over it has one box per line it takes).
      const numberLines = await page.getByTestId('item-list').getByRole('button', { name: `打开 ${card.itemNo}` }).evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return range.getClientRects().length;
      });
      expect(numberLines).toBe(1);
      expect(await orphanedCharacters(page, '[data-testid="lf-stats"]')).toEqual([]);
      await screen(page, 'lost-found-shelf-1024');
      // The day's figures and the shelf's descriptions read whole at 1024, in English too.
      await setLanguage(page, 'en');
      await expect(page.getByTestId('lf-stats')).toContainText('Due within 7 days');
      expect(await clippedTexts(page, '[data-testid="lf-stats"]')).toEqual([]);
      expect(await clippedTexts(page, '[data-testid="item-list"] td')).toEqual([]);
      await screen(page, 'lost-found-shelf-en-1024');
      await setLanguage(page, 'zh-CN');
      await page.setViewportSize({ width: 1280, height: 800 });

      // Another staff member verifies and counter-signs the coat's intake, found by its number.
      await page.getByTestId('lf-scan').fill(coat.itemNo);
      await page.getByTestId('lf-scan').press('Enter');
      await page.getByRole('button', { name: '复核并签名' }).click();
      const dialog = page.getByRole('dialog');
      await drawSignature(page, dialog.getByTestId('pad-verifier'));
      await dialog.getByRole('button', { name: '复核并签名' }).click();
      await expect(page.getByTestId('verified-badge')).toContainText('复核人：李复核');
      await expect(page.getByTestId('custody')).toContainText('复核');
      expect(await axe(page), 'item detail').toEqual([]);
      await page.getByTestId('lf-back').click();

      // Search by Chinese words, then by category: the FTS finds the goggles alone.
      await page.getByRole('tab', { name: '查找' }).click();
      await page.getByTestId('lf-search').fill('泳镜');
      await expect(page.getByTestId(`item-${goggles.itemNo}`)).toBeVisible();
      await expect(page.getByTestId(`item-${coat.itemNo}`)).toHaveCount(0);
      await page.getByTestId('lf-search').fill('');
      await page.getByRole('combobox', { name: '类别' }).click();
      await page.getByRole('option', { name: '钱包' }).click();
      await expect(page.getByTestId(`item-${wallet.itemNo}`)).toBeVisible();
      await expect(page.getByTestId('item-list').locator('tbody tr')).toHaveCount(1);

      // A visitor's report confirmed against the wallet (at another counter): the wallet now awaits its owner.
      const report = await must(
        station.api(
          'lostFound.reports.create',
          { clientRef: 'e2e-awaiting-1', category: 'wallet', description: '棕色钱包', colour: '棕色', lostPlace: '过山车', lostAt: Date.parse(START) - 2 * 3_600_000, visitorName: '王某某', phone: '13812345678' },
          await token(),
        ),
      );
      await must(station.api('lostFound.matches.decide', { reportId: report.id, itemId: wallet.id, decision: 'confirmed' }, await token()));
      await page.getByRole('tab', { name: '待认领' }).click();
      await expect(page.getByTestId(`item-${wallet.itemNo}`)).toBeVisible();
      await expect(page.getByTestId('item-list').locator('tbody tr')).toHaveCount(1);
      await shots(page, 'awaiting');

      // The handover: what is due with its clock (red when overdue); a bag still in its holding period is refused by number.
      await page.getByRole('tab', { name: /移交计财部/ }).click();
      await expect(page.getByTestId(`due-${goggles.itemNo}`).locator('[data-state]')).toHaveAttribute('data-state', 'late');
      await expect(page.getByTestId(`due-${coat.itemNo}`).locator('[data-state]')).toHaveAttribute('data-state', 'warn');
      await expect(page.getByTestId('coming-list')).toContainText(card.itemNo);
      // Each bag's tick box is a touch target; the storage place is never broken ("储物箱 W-1").
      expect(await smallTargets(page)).toEqual([]);
      await expect(page.getByTestId(`due-${goggles.itemNo}`)).toContainText('储物箱 W-1');
      await page.getByTestId('handover-scan').fill(wallet.itemNo);
      await page.getByTestId('handover-scan').press('Enter');
      await expect(page.getByTestId('handover-refusal')).toHaveText(`物品 ${wallet.itemNo} 仍在保管期内。`);
      // The goggles were never verified: marked on their row, not selectable, refused by number.
      const gogglesRow = page.getByTestId(`due-${goggles.itemNo}`);
      await expect(gogglesRow.getByTestId('unverified')).toContainText('未复核 · 登记后');
      await expect(page.getByRole('checkbox', { name: `选择 ${goggles.itemNo}` })).toBeDisabled();
      await page.getByTestId('handover-scan').fill(goggles.itemNo);
      await page.getByTestId('handover-scan').press('Enter');
      await expect(page.getByTestId('handover-refusal')).toHaveText(`物品 ${goggles.itemNo} 尚未复核：须由另一名员工核对并签名后才能移交计财部。`);
      await screen(page, 'lost-found-handover-unverified-zh-1280');
      // A colleague verifies them at another screen: the mark goes at once, and the scan adds them.
      const checkerToken = (await must(station.api('auth.signIn', { staffId: checker.id, pin: '2468' }))).token;
      await must(station.api('lostFound.verify', { itemId: goggles.id, signature: SIGNATURE }, checkerToken));
      await expect(gogglesRow.getByTestId('unverified')).toHaveCount(0);
      await page.getByTestId('handover-scan').fill(goggles.itemNo);
      await page.getByTestId('handover-scan').press('Enter');
      await expect(page.getByTestId('handover-refusal')).toHaveCount(0);
      await page.getByRole('checkbox', { name: `选择 ${coat.itemNo}` }).check();
      await expect(page.getByTestId('selected-count')).toHaveText('已选 2 件');
      await drawSignature(page, page.getByTestId('pad-center'));
      await page.getByLabel('接收人（计财部）').fill('计财部 周会计');
      await drawSignature(page, page.getByTestId('pad-finance'));
      await page.getByTestId('due-list').scrollIntoViewIfNeeded();
      expect(await axe(page), 'handover').toEqual([]);
      await shots(page, 'handover');
      await page.getByRole('button', { name: '移交 2 件物品' }).click();
      await expect(page.getByTestId('batch-no')).toHaveText('H20261208-0001');
      await expect(page.getByText('批次 H20261208-0001 已移交计财部。')).toBeVisible();
      await expect(page.getByTestId('batch-H20261208-0001')).toContainText('计财部 周会计');

      // The ledger PDF: downloaded from the screen, and read back through the API.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '台帐（PDF） H20261208-0001' }).first().click()]);
      expect(download.suggestedFilename()).toBe('H20261208-0001.pdf');
      const batches = await must(station.api('lostFound.handover.list', {}, await token()));
      const pdf = await must(station.api('lostFound.handover.pdf', { batchId: batches[0]!.id }, await token()));
      const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).join('\n');
      for (const expected of ['失物招领移交计财部', '台帐及移交清单', 'H20261208-0001', coat.itemNo, goggles.itemNo, '计财部 周会计']) expect(text).toContain(expected);
      expect(text).not.toContain(wallet.itemNo);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screen(page, 'lost-found-handover-done-zh-1280');
      await page.getByRole('button', { name: '完成' }).click();
      await expect(page.getByTestId(`due-${coat.itemNo}`)).toHaveCount(0);
      await expect(page.getByTestId('lf-overdue')).toHaveText('0');
    } finally {
      for (const context of contexts) await context.close();
      await station.stop();
    }
  });
});
