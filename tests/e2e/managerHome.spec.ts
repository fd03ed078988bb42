import type { Input } from '../../shared/contract';
import { addStaff, chooseLanguage, clockTo, expect, MANAGER, must, screen, setUpPark, signIn, smallTargets, startStation, test } from './fixtures';
import { foundCoat } from './lostFoundHelpers';

/** Park time on Tuesday 15 December 2026 (Asia/Shanghai, UTC+8) as epoch ms. */
const at = (time: string) => Date.parse(`2026-12-15T${time}:00+08:00`);
const DAY = '2026-12-15';

function complaint(ref: string, description: string, extra: Partial<Input<'complaints.create'>> = {}): Input<'complaints.create'> {
  return { clientRef: ref, channel: 'walkIn', complainantName: '刘先生', place: '过山车', happenedAt: at('19:00'), category: 'rides', description, ...extra };
}

test.describe('the duty manager’s home', () => {
  test('shows the day’s summary with its 20:30 clock, open incidents and complaints at their level; the header reminds from 20:00 and turns red after 20:30', async ({ page }) => {
    test.setTimeout(90_000);
    const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at('19:50')).toISOString() });
    try {
      const admin = await setUpPark(station);
      await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
      const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      const counter = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;

      // Escalated and taken on by the duty manager (still open), a group complaint waiting, one at the frontline.
      const taken = await must(station.api('complaints.create', complaint('home-taken-0001', '排队两小时后设备停运'), counter));
      await must(station.api('complaints.escalate', { id: taken.id, to: 'dutyManager', reason: '游客要求见经理' }, counter));
      const group = await must(station.api('complaints.create', complaint('home-group-0001', '旅行团未按约定入园', { group: true, groupSize: 15, representative: '王领队' }), counter));
      const frontline = await must(station.api('complaints.create', complaint('home-front-0001', '地图印刷有误', { category: 'other' }), counter));
      const pending = await must(station.api('approvals.list', { view: 'pending' }, admin));
      const escalation = pending.rows.find((row) => row.complaint?.id === taken.id);
      await must(station.api('approvals.decide', { id: escalation?.id ?? 0, decision: 'approve', reason: '由我处理', pin: MANAGER.pin }, admin));
      // Found yesterday evening and brought in today: held for 7 days from then, so it comes due within the week.
      const { item: coat } = await must(station.api('lostFound.intake', foundCoat('home-found-0001', at('19:30') - 24 * 3_600_000), counter));
      const incident = await must(station.api('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶' }, counter));

      // 19:50: the home, in Chinese.
      await page.goto(station.url);
      await chooseLanguage(page, 'zh-CN');
      await signIn(page, MANAGER.name, MANAGER.pin);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('待审批');
      // December: the built-in calendar has no 2027 yet, and says so.
      await expect(page.getByTestId('calendar-missing')).toContainText('缺少 2027 年的官方节假日安排');
      const banner = page.getByTestId('summary-state');
      await expect(banner).toHaveAttribute('data-state', 'open');
      await expect(banner).toContainText('20:30 前完成');
      await expect(banner).toContainText('剩余 40 分钟');
      await expect(banner.locator('.mantine-Badge-root[data-state]')).toHaveCount(1);
      await expect(page.getByTestId('summary-reminder')).toHaveCount(0);
      // Every control of the home is a 44 px touch target, its links ("打开", "当班经理的投诉 →") too.
      expect(await smallTargets(page)).toEqual([]);
      // The summary's own page and its close tab run the same clock, once.
      await banner.getByRole('link', { name: '查看汇总' }).click();
      await expect(page.getByTestId('summary-state')).toContainText('剩余 40 分钟');
      await page.getByRole('tab', { name: '每日客诉汇总' }).click();
      await expect(page.getByTestId('summary-state')).toContainText('剩余 40 分钟');
      await expect(page.getByTestId('summary-state').locator('.mantine-Badge-root[data-state]')).toHaveCount(1);
      await page.getByRole('navigation').getByRole('link', { name: '待审批' }).click();
      const incidents = page.getByTestId('open-incidents');
      await expect(incidents).toContainText(incident.refNo);
      await expect(incidents.getByTestId('notice-clock')).toHaveAttribute('data-notice', 'pending');
      const waiting = page.getByTestId('waiting-complaints');
      await expect(waiting.getByTestId(`complaint-${taken.complaintNo}`)).toBeVisible();
      await expect(waiting.getByTestId(`complaint-${group.complaintNo}`)).toBeVisible();
      await expect(waiting.getByTestId(`complaint-${frontline.complaintNo}`)).toHaveCount(0);
      await expect(waiting.getByTestId('waiting-count')).toHaveText('2');
      await expect(page.getByRole('region', { name: '待审批' }).getByRole('article')).toHaveCount(1);
      // The day's lost and found: the coat taken in this evening, on the shelf, and next to go to finance.
      const lostFound = page.getByTestId('lost-found-card');
      await expect(lostFound.getByRole('heading', { name: '今日失物招领' })).toBeVisible();
      await expect(lostFound.getByTestId('lf-receivedToday')).toHaveText('1');
      await expect(lostFound.getByTestId('lf-held')).toHaveText('1');
      await expect(lostFound.getByTestId('lf-overdue')).toHaveText('0');
      await expect(lostFound).toContainText(coat.itemNo);
      await expect(lostFound.getByRole('link', { name: '打开失物招领' })).toHaveAttribute('href', '#/counter/lost-found');
      await screen(page, 'manager-home-zh-1280');
      await waiting.scrollIntoViewIfNeeded();
      await screen(page, 'manager-home-waiting-zh-1280');
      await lostFound.scrollIntoViewIfNeeded();
      await screen(page, 'manager-home-lost-found-zh-1280');

      // 20:00: amber in the header, wherever the manager is.
      await clockTo(station, page, at('20:00'));
      const reminder = page.getByTestId('summary-reminder');
      await expect(reminder).toHaveAttribute('data-state', 'reminder');
      await expect(reminder).toContainText('客诉汇总 20:30 截止 · 剩余 30 分钟');
      await expect(banner).toHaveAttribute('data-state', 'reminder');
      await page.getByRole('navigation').getByRole('link', { name: '日结' }).click();
      await expect(reminder).toHaveAttribute('data-state', 'reminder');
      // The day close names the summary's state in full, not cut short.
      const summaryState = page.getByTestId('day-summary-state');
      await expect(summaryState).toHaveText('未完成：即将到时');
      expect(await summaryState.evaluate((node) => [...node.querySelectorAll('*')].every((part) => part.scrollWidth <= part.clientWidth))).toBe(true);
      await screen(page, 'summary-reminder-zh-1280');

      // 20:31: red, overdue; in English too.
      await clockTo(station, page, at('20:31'));
      await chooseLanguage(page, 'en');
      await expect(reminder).toHaveAttribute('data-state', 'late');
      await expect(reminder).toContainText('Summary late · overdue 1 min');
      await page.getByRole('navigation').getByRole('link', { name: 'Approvals' }).click();
      await expect(banner).toHaveAttribute('data-state', 'late');
      await expect(page.getByTestId('calendar-missing')).toContainText('The official calendar for 2027 is missing');
      // The header at 1280 in English with the reminder: the language switch, the clock and who is
      // signed in keep their whole width; a printer and link that are fine give way to their icons.
      const header = page.locator('header');
      const language = header.getByRole('radiogroup', { name: 'Language' });
      for (const part of [language, header.getByRole('timer'), header.getByTestId('user-menu')]) {
        expect(await part.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
        expect((await part.boundingBox())?.x ?? 0).toBeGreaterThan(0);
      }
      expect(((await language.boundingBox())?.x ?? 0) + ((await language.boundingBox())?.width ?? 0)).toBeLessThan(1280);
      const printer = header.getByTestId('printer-badge');
      await expect(printer).toHaveAttribute('data-calm', 'true');
      await expect(printer).toHaveText('Preview printer');
      expect((await printer.boundingBox())?.width ?? 0).toBeLessThan(60);
      await screen(page, 'manager-home-late-en-1280');

      // The reminder leads to the summary (where it gives way to the page's own banner); once closed it is gone.
      await reminder.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint summary');
      await expect(reminder).toHaveCount(0);
      // The working days say that 2027 is missing, in both languages.
      await page.getByRole('tab', { name: 'Working days' }).click();
      await expect(page.getByTestId('calendar-missing')).toContainText('The official calendar for 2027 is missing');
      await screen(page, 'calendar-missing-en-1280');
      await chooseLanguage(page, 'zh-CN');
      await expect(page.getByTestId('calendar-missing')).toContainText('缺少 2027 年的官方节假日安排');
      await screen(page, 'calendar-missing-zh-1280');
      await chooseLanguage(page, 'en');
      await must(station.api('complaints.summary.close', { date: DAY }, admin));
      await page.getByRole('navigation').getByRole('link', { name: 'Approvals' }).click();
      await expect(banner).toHaveAttribute('data-state', 'closedLate');
      await expect(reminder).toHaveCount(0);

      // Straight from the frontline to company leadership only with why the duty manager is passed over.
      await page.getByRole('navigation').getByRole('link', { name: 'Complaints', exact: true }).click();
      await page.getByTestId(`complaint-${frontline.complaintNo}`).getByRole('button').click();
      await page.getByRole('button', { name: 'Straight to company leadership' }).click();
      const escalate = page.getByRole('dialog', { name: 'Escalate to Company leadership' });
      await expect(escalate).toContainText('This passes over the duty manager.');
      await escalate.getByLabel('Reason').fill('Printed maps send visitors into a closed area');
      await escalate.getByRole('button', { name: 'Escalate' }).click();
      await expect(escalate.getByText('Going straight to company leadership passes over the duty manager: say why.')).toBeVisible();
      await screen(page, 'escalate-skip-en-1280');
      await escalate.getByLabel('Why the duty manager is passed over').fill('Duty manager at the hospital with an injured visitor');
      await escalate.getByRole('button', { name: 'Escalate' }).click();
      await expect(escalate).toHaveCount(0);
      const escalated = await must(station.api('complaints.get', { id: frontline.id }, admin));
      expect(escalated.steps.at(-1)).toMatchObject({ step: 'escalate', level: 'leadership', skipReason: 'Duty manager at the hospital with an injured visitor' });
      await expect(page.getByTestId('complaint-timeline')).toContainText('Passed over the duty manager: Duty manager at the hospital with an injured visitor');
      await chooseLanguage(page, 'zh-CN');
      await screen(page, 'escalate-skipped-zh-1280');
    } finally {
      await station.stop();
    }
  });
});
