import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../support/pdf';
import { SIGNATURE } from '../support/signature';
import { addStaff, chooseLanguage, expect, fillDate, MANAGER, mockPrinter, moveClock, must, printed, printerDown, screen, setUpPark, signIn, smallTargets, startStation, test, type Station } from './fixtures';
import type { Locator } from '@playwright/test';

/** Park time on 2026-11-29 (Asia/Shanghai, UTC+8) as epoch ms. */
const at = (time: string) => Date.parse(`2026-11-29T${time}:00+08:00`);
const ID_CARD = '11010519491231002X';

/** Sets the station's clock to a park time of the day. */
async function clockAt(station: Station, time: string): Promise<void> {
  await moveClock(station, { at: at(time) });
}

test.describe('the duty manager’s day', () => {
  test('from opening to the day close: a return waits for approval, the cash is counted, the day is closed and its report printed', async ({ browser }) => {
    test.setTimeout(60_000);
    const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at('09:00')).toISOString() });
    const counter = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const manager = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      const admin = await setUpPark(station);
      await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
      const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      const managerId = (await must(station.api('auth.me', {}, admin))).staff.id;
      /** A fresh manager session for the API checks (the clock jumps hours between scenes). */
      const managerApi = async () => (await must(station.api('auth.signIn', { staffId: managerId, pin: MANAGER.pin }))).token;
      const clerkToken = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
      const board = await must(station.api('rentals.board', {}, admin));
      const wheelchair = board.types.find((type) => type.code === 'wheelchair')?.id ?? 0;
      for (const tag of ['WC-001', 'WC-002']) {
        const unit = await must(station.api('rentals.units.add', { typeId: wheelchair, tag }, admin));
        await must(station.api('rentals.inspect', { unitId: unit.id, result: 'ok' }, clerkToken));
      }
      const visitor = { visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident' as const, idNumber: ID_CARD }, payment: 'cash' as const };
      const { rental, checkCode } = await must(station.api('rentals.checkOut', { unitTag: 'WC-001', ...visitor }, clerkToken));
      const { rental: stillOut } = await must(station.api('rentals.checkOut', { unitTag: 'WC-002', ...visitor }, clerkToken));

      // The morning, through the API (each screen is tested on its own): a wheelchair found damaged at
      // its inspection goes to repair; a general paging request contacted after 7 minutes, a
      // department head who takes 16 to arrive; a found wallet; an injury nobody notifies.
      const broken = await must(station.api('rentals.units.add', { typeId: wheelchair, tag: 'WC-003' }, admin));
      await must(station.api('rentals.inspect', { unitId: broken.id, result: 'damaged', note: '刹车失灵' }, clerkToken));
      await clockAt(station, '09:05');
      const general = await must(station.api('paging.register', { clientRef: 'day-general', details: { kind: 'general', textZh: '停车场 A 区车牌沪A12345 的车主请挪车' } }, clerkToken));
      await clockAt(station, '09:12');
      await must(station.api('paging.acknowledge', { id: general.id }, admin));
      const rides = (await must(station.api('departments.list', {}, admin))).find((department) => department.code === 'rides')?.id ?? 0;
      const summon = await must(station.api('paging.register', { clientRef: 'day-summon', details: { kind: 'summonHead', departmentId: rides, reason: '过山车投诉' } }, clerkToken));
      await must(station.api('paging.aired', { id: summon.id }, admin));
      await clockAt(station, '09:28');
      await must(station.api('paging.arrived', { id: summon.id }, clerkToken));
      await must(
        station.api(
          'lostFound.intake',
          {
            clientRef: 'day-wallet',
            category: 'wallet',
            description: '黑色皮质钱包',
            foundPlace: '旋转木马排队区',
            foundAt: at('09:00'),
            finderName: '赵保洁',
            cashFen: 0,
            storageKind: 'safe',
            storagePlace: 'S-01',
            finderSignature: SIGNATURE,
            receiverSignature: SIGNATURE,
          },
          clerkToken,
        ),
      );
      await clockAt(station, '09:40');
      const injury = await must(station.api('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶', description: '游客滑倒，左膝流血。' }, clerkToken));

      // 14:00 at the counter: the wheelchair comes back damaged, no manager at hand: it waits for approval.
      await clockAt(station, '14:00');
      await counter.goto(station.url);
      await signIn(counter, '张柜台', '1357');
      // The receipt handed back is scanned: its QR code carries the number and the check code.
      await counter.getByTestId('scan').fill(`${rental.receiptNo}-${checkCode}`);
      await counter.getByTestId('scan').press('Enter');
      const dialog = counter.getByRole('dialog');
      await expect(dialog.getByTestId('rental-card')).toContainText('李游客');
      await dialog.getByText('损坏', { exact: true }).click();
      await dialog.getByLabel('扣押金额（元）').fill('200');
      await dialog.getByLabel('原因').fill('扶手断裂');
      await dialog.getByRole('button', { name: '提交值班经理审批' }).click();
      await expect(counter.getByText('已提交值班经理审批。')).toBeVisible();
      // The counter's list marks the rental while the manager decides.
      await expect(dialog).toHaveCount(0);
      await counter.getByRole('tab', { name: /借出中/ }).click();
      await expect(counter.getByTestId(`rental-${rental.receiptNo}`).getByTestId('awaiting-approval')).toHaveText('等待经理审批');
      await screen(counter, 'rentals-awaiting-approval-zh-1280');
      // On the 1024 touch kiosk in English, the marked row keeps the list inside its card.
      await chooseLanguage(counter, 'en');
      await counter.setViewportSize({ width: 1024, height: 768 });
      await expect(counter.getByTestId(`rental-${rental.receiptNo}`).getByTestId('awaiting-approval')).toBeVisible();
      await screen(counter, 'rentals-awaiting-approval-en-1024');
      const [table, card] = [await counter.getByTestId('rental-table').boundingBox(), await counter.getByRole('tabpanel').boundingBox()];
      expect(table && card && Math.round(table.x + table.width - (card.x + card.width))).toBeLessThanOrEqual(0);
      await counter.setViewportSize({ width: 1280, height: 800 });
      await chooseLanguage(counter, 'zh-CN');

      // The duty manager's home: the request, approved with a reason and their PIN.
      await mockPrinter(manager);
      await manager.goto(station.url);
      await chooseLanguage(manager, 'en');
      await signIn(manager, MANAGER.name, MANAGER.pin);
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Approvals');
      const request = manager.getByRole('article').filter({ hasText: rental.receiptNo });
      await expect(request).toContainText('Keep CNY 200.00 of the CNY 500.00 deposit');
      await screen(manager, 'approvals-en-1920');
      await request.getByRole('button', { name: 'Approve' }).click();
      const decide = manager.getByRole('dialog');
      await decide.getByRole('button', { name: 'Approve' }).click();
      await expect(decide.getByText('At least 2 characters.')).toBeVisible();
      await decide.getByLabel('Reason').fill('Armrest broken, photo kept');
      await decide.getByLabel('Your PIN').fill(MANAGER.pin);
      await decide.getByRole('button', { name: 'Approve' }).click();
      await expect(manager.getByText('Approved.')).toBeVisible();
      await expect(manager.getByText('Nothing waits on a manager.')).toBeVisible();
      const returned = await must(station.api('rentals.get', { receiptNo: rental.receiptNo }, await managerApi()));
      expect(returned).toMatchObject({ status: 'returned', refundFen: 30_000, keptFen: 20_000 });
      // Approved: the counter's list of rentals out no longer holds it, at once.
      await expect(counter.getByTestId(`rental-${rental.receiptNo}`)).toHaveCount(0);

      // 18:30 the counter counts the deposit money: ¥500 + ¥500 − ¥300 refunded − ¥200 kept = ¥500 expected; ¥480 found.
      await clockAt(station, '18:30');
      await counter.reload();
      await signIn(counter, '张柜台', '1357'); // hours went by: the session ended when idle
      await counter.getByRole('tab', { name: '押金现金' }).click();
      // Every control of the drawer's figures is a 44 px touch target (the count buttons, the switches).
      await expect(counter.getByRole('button', { name: '记录清点 现金' })).toBeVisible();
      expect(await smallTargets(counter)).toEqual([]);
      await counter.getByRole('button', { name: '记录清点 现金' }).click();
      const count = counter.getByRole('dialog');
      await count.getByLabel('实点').fill('480');
      await count.getByRole('button', { name: '记录清点' }).click();
      await expect(count.getByText('清点与记录相差 ¥-20.00，请说明原因。')).toBeVisible();
      await count.getByLabel('差额原因').fill('找零少收 20 元');
      await count.getByRole('button', { name: '记录清点' }).click();
      await expect(counter.getByTestId('count-cash')).toContainText('¥-20.00');
      await screen(counter, 'cash-count-zh-1280');

      // 20:10 the header reminds the duty manager of the complaint summary; they close it from there.
      await clockAt(station, '20:10');
      const managerToken = await managerApi();
      await manager.reload();
      await signIn(manager, MANAGER.name, MANAGER.pin);
      const reminder = manager.getByTestId('summary-reminder');
      await expect(reminder).toHaveAttribute('data-state', 'reminder');
      await expect(reminder).toContainText('Summary due 20:30 · 20 min left');
      await reminder.click();
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Complaint summary');
      await manager.getByRole('tab', { name: 'Daily complaint summary' }).click();
      const summaryState = manager.getByTestId('summary-state');
      await expect(summaryState).toHaveAttribute('data-state', 'reminder');
      await manager.getByRole('button', { name: 'Close the summary' }).click();
      await manager.getByRole('dialog').getByRole('button', { name: 'Close the summary' }).click();
      await expect(summaryState).toHaveAttribute('data-state', 'closed');
      await expect(summaryState).toContainText('Closed at 20:10 by 王经理');
      await expect(reminder).toHaveCount(0);
      // Kept as it was closed, in the data folder.
      expect(readdirSync(join(station.dir, 'reports', 'complaints')).sort()).toEqual(['complaints-2026-11-29-closed.csv', 'complaints-2026-11-29-closed.pdf']);

      // Then the day close.
      await manager.getByRole('navigation').getByRole('link', { name: 'Day close' }).click();
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Day close');
      const attention = manager.getByRole('region', { name: 'Needs attention' });
      await expect(attention).toContainText('Counts that differ from the records');
      await expect(attention).not.toContainText('The complaint summary is not closed');
      await expect(manager.getByRole('region', { name: 'Rentals and deposits' })).toContainText('CNY 500.00');
      // The wheelchair still out since 18:00 is named, not just counted.
      await expect(attention).toContainText('Rentals past their due time');
      await expect(manager.getByTestId('named-rentals')).toContainText(stillOut.receiptNo);
      await expect(manager.getByTestId('named-rentals')).toContainText('WC-002 · 李游客 · due 18:00');
      // The morning's records: the late contact and the late head named by slip, the wallet
      // counted, the injury named with its overdue clock, the broken wheelchair named with its fault.
      await expect(attention).toContainText('Department heads late to arrive');
      await expect(attention).toContainText('Incidents not notified');
      await expect(manager.getByTestId('named-paging')).toContainText(`P${summon.id}`);
      await expect(manager.getByTestId('named-paging')).toContainText(/Rides · called 09:12 · arrived 09:28, [56] min late/);
      await expect(manager.getByRole('region', { name: 'Paging' })).toContainText('1 (50%)');
      await expect(attention).toContainText('Paging requests passed to the broadcast room after 5 minutes');
      await expect(manager.getByTestId('named-pagingContacts')).toContainText(`P${general.id}`);
      await expect(manager.getByTestId('named-pagingContacts')).toContainText(/Announcement · registered 09:05 · contacted 09:12, [12] min late/);
      await expect(manager.getByRole('region', { name: 'Lost and found' })).toContainText(/Taken in today\s*1/);
      await expect(manager.getByTestId('named-incidents')).toContainText(injury.refNo);
      await expect(manager.getByTestId('named-incidents')).toContainText(/Injury · reported 09:40 · not notified, overdue 1\d h( \d{1,2} min)? · to notify: Duty manager, Medical/);
      await expect(manager.getByTestId('named-repair')).toContainText('WC-003');
      await expect(manager.getByTestId('named-repair')).toContainText('Wheelchair · 刹车失灵 · under repair since 09:00');
      await screen(manager, 'day-close-en-1920');
      await manager.setViewportSize({ width: 1280, height: 800 });
      await manager.getByTestId('named-rentals').scrollIntoViewIfNeeded();
      await screen(manager, 'day-close-named-en-1280');
      // At 1280 the money figures stay in their cards and the count's buttons are in sight, not scrolled away.
      const inside = async (part: Locator, card: Locator) => {
        const [a, b] = [await part.boundingBox(), await card.boundingBox()];
        return Boolean(a && b && a.x >= b.x && a.x + a.width <= b.x + b.width);
      };
      const rentalsCard = manager.getByRole('region', { name: 'Rentals and deposits' });
      expect(await inside(rentalsCard.getByText(/^CNY /).first(), rentalsCard)).toBe(true);
      const cashCard = manager.getByRole('region', { name: 'Deposit money count' });
      for (const button of await cashCard.getByRole('button', { name: /Record count/ }).all()) expect(await inside(button, cashCard)).toBe(true);
      await manager.setViewportSize({ width: 1920, height: 1080 });

      await manager.getByRole('button', { name: 'Close the day' }).click();
      const close = manager.getByRole('dialog');
      await close.getByLabel('Remarks for the report').fill('Rainy afternoon; one wheelchair to repair.');
      await close.getByLabel('Your PIN').fill(MANAGER.pin);
      await close.getByRole('button', { name: 'Close the day with my PIN' }).click();
      await expect(manager.getByText(/Closed by 王经理/)).toBeVisible();
      await expect(manager.getByRole('button', { name: 'Close the day' })).toHaveCount(0);
      // Closed, the day report goes to the (mocked) A4 printer at once; Print sends it again.
      await expect.poll(() => printed(manager)).toEqual([{ src: expect.stringMatching(/^blob:/), pdf: true }]);
      await manager.getByRole('button', { name: 'Print the day report' }).click();
      await expect.poll(() => printed(manager)).toEqual([expect.objectContaining({ pdf: true }), { src: expect.stringMatching(/^blob:/), pdf: true }]);
      // A print that fails says so; the day stays closed.
      await printerDown(manager);
      await manager.getByRole('button', { name: 'Print the day report' }).click();
      await expect(manager.getByText('The report could not be sent to the printer.', { exact: false })).toBeVisible();
      await expect(manager.getByText(/Closed by 王经理/)).toBeVisible();
      expect(await printed(manager)).toHaveLength(2);

      const [download] = await Promise.all([manager.waitForEvent('download'), manager.getByRole('button', { name: 'Day report (PDF)' }).click()]);
      expect(download.suggestedFilename()).toBe('day-2026-11-29.pdf');
      const text = (await pdfText(readFileSync(await download.path()))).join('\n');
      expect(text).toContain('日报 Day report');
      expect(text).toContain('2026-11-29');
      expect(text).toContain('清点与记录不符');
      expect(text).toContain('找零少收 20 元');
      expect(text).toContain('超时未还的租借');
      expect(text).toContain(stillOut.receiptNo);
      expect(text).toContain('Rainy afternoon; one wheelchair to repair.');
      expect(text).toContain('王经理');
      for (const name of ['超过 5 分钟才联系广播室的广播请求', `P${general.id} 通知广播 Announcement 09:05 09:12`, '迟到的部门负责人', `P${summon.id}`, '游乐部 Rides', '未通报或超过 30 分钟才通报的事件', injury.refNo, 'WC-003 轮椅 Wheelchair 刹车失灵', 'Found items received 1']) {
        expect(text).toContain(name);
      }
      expect(text).toMatch(/Contacted within 5 minutes 1 \(50%\)/);

      // Closing twice is refused with the reason, and nothing changes.
      const again = await station.api('dayClose.close', { date: '2026-11-29', remarks: '', pin: MANAGER.pin }, managerToken);
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { date: { key: 'dayClose.errors.alreadyClosed' } } } });

      await chooseLanguage(manager, 'zh-CN');
      await expect(manager.getByRole('heading', { level: 1 })).toHaveText('日结');
      await screen(manager, 'day-close-closed-zh-1920');
      await manager.setViewportSize({ width: 1280, height: 800 });
      await expect(manager.getByTestId('named-rentals')).toContainText('WC-002 · 李游客 · 应于 18:00 归还');
      await manager.getByTestId('named-rentals').scrollIntoViewIfNeeded();
      await screen(manager, 'day-close-named-zh-1280');
      // Closed on the day: its figures are the day's own.
      await expect(manager.getByTestId('state-after-day')).toHaveCount(0);

      // The next morning, a day never closed: its figures of what is out and held are of this morning, and it says so.
      await moveClock(station, { at: at('08:30') + 86_400_000 });
      await manager.reload();
      await signIn(manager, MANAGER.name, MANAGER.pin); // the night was longer than the idle time
      await manager.getByRole('navigation').getByRole('link', { name: '日结' }).click();
      await fillDate(manager.getByRole('textbox', { name: '营业日期' }), '2026-11-28');
      await expect(manager.getByTestId('state-after-day')).toContainText('于 2026-11-30 08:30 读取，而非 2026-11-28 当天');
      await screen(manager, 'day-close-after-day-zh-1280');
    } finally {
      await counter.close();
      await manager.close();
      await station.stop();
    }
  });
});
