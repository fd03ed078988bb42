import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import { pdfText } from '../support/pdf';
import { addStaff, chooseLanguage, cutBadges, downloadPdf, emWidth, expect, fillDate, fillWalkInComplaint, MANAGER, mockPrinter, moveClock, must, printed, setUpPark, signIn, smallTargets, startStation, type Station, test, timeValue } from './fixtures';

/** Park time on 2026-11-30, a Monday (Asia/Shanghai, UTC+8), as epoch ms. */
const at = (time: string) => Date.parse(`2026-11-30T${time}:00+08:00`);
const DAY = '2026-11-30';
const SHOTS = '/tmp/shots';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe is injected as an inline script, which the app's CSP forbids: this file bypasses the CSP for the check only.
test.use({ bypassCSP: true });

/** axe-core's WCAG 2.x A and AA findings on the page, as `rule: targets` (once the transient notices are gone). */
async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(640, 120); // a notice under the pointer stays open
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Screenshots for people to look at, at the counter's 1280×800 and the office's 1920×1080 (/tmp/shots/complaints-*.png). */
async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    // Two frames for the layout and the charts to follow the new size.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.screenshot({ path: `${SHOTS}/complaints-${name}-${size.width}.png` });
  }
  if (before) await page.setViewportSize(before);
}

/** A park on 30 November whose station runs on a movable clock; sessions stay signed in while it jumps. */
async function openPark(start: string): Promise<{ station: Station; admin: string; clerk: { id: number; token: string } }> {
  const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at(start)).toISOString() });
  const admin = await setUpPark(station);
  await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
  const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const session = await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }));
  return { station, admin, clerk: { id: clerk.id, token: session.token } };
}

/** The duty manager's API session again (the clock jumped past the idle sign-out). */
async function managerToken(station: Station): Promise<string> {
  const roster = await must(station.api('auth.roster', {}));
  return (await must(station.api('auth.signIn', { staffId: roster.find((s) => s.code === MANAGER.code)?.id ?? 0, pin: MANAGER.pin }))).token;
}

async function departmentId(station: Station, token: string, code: string): Promise<number> {
  return (await must(station.api('departments.list', {}, token))).find((d) => d.code === code)?.id ?? 0;
}

/** A dialog by its title (the drawer and a step's modal can be open together). */
const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });

test.describe('complaints: the record, the process, the head summoned, the daily summary', () => {
  test('a walk-in complaint is logged, the department head summoned and arriving, response and return visit, and the duty manager closes the summary before 20:30', async ({ browser }) => {
    test.setTimeout(240_000);
    const { station, admin, clerk } = await openPark('10:00');
    try {
      await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
      const counterContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const roomContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const counter = await counterContext.newPage();
      await mockPrinter(counter);
      const room = await roomContext.newPage();
      await room.goto(station.url);
      await signIn(room, '陈广播', '2468');
      await expect(room.getByRole('heading', { name: '广播队列' })).toBeVisible();

      await counter.goto(station.url);
      await signIn(counter, '张柜台', '1357');
      await counter.getByRole('navigation').getByRole('link', { name: '客诉处理' }).click();
      await expect(counter.getByRole('heading', { name: '客诉处理', level: 1 })).toBeVisible();
      await expect(counter.getByText('没有未结案的投诉。')).toBeVisible();
      expect(await axe(counter), 'complaints list (zh)').toEqual([]);

      // The walk-in form: channel walk-in, happened now and medium severity by default.
      await counter.keyboard.press('F2');
      const form = dialog(counter, '登记投诉');
      await expect(form.getByRole('radio', { name: '现场' })).toBeChecked();
      await expect(form.getByLabel('发生时间')).toHaveValue(DAY);
      await expect(timeValue(form, '时间')).toHaveValue(/^10:0\d$/);
      await expect(form.getByRole('radio', { name: '一般' })).toBeChecked();
      // Each channel, category and severity chip is a full touch target.
      expect(await smallTargets(counter, '[role=radiogroup]')).toEqual([]);
      await expect(form.getByLabel('来文编号')).toHaveCount(0);
      await fillWalkInComplaint(form);
      // A stray touch beside the dialog (a visitor leaning on the screen) keeps it open with what was typed.
      await counter.mouse.click(8, 790);
      await expect(form).toBeVisible();
      await expect(form.getByLabel('游客诉求')).toHaveValue('要求退还快速通道票款');

      // Without a description: refused next to the field, in Chinese, and nothing is recorded.
      await form.getByRole('button', { name: '登记', exact: true }).click();
      await expect(form.getByLabel('事情经过')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByText('必填。')).toBeVisible();
      expect((await must(station.api('complaints.list', { view: 'all' }, admin))).rows).toHaveLength(0);

      // A forwarded complaint asks for the other body's reference.
      await form.getByText('旅游局', { exact: true }).click();
      await expect(form.getByLabel('来文编号')).toBeVisible();
      await form.getByText('现场', { exact: true }).click();
      await expect(form.getByLabel('来文编号')).toHaveCount(0);
      await form.getByLabel('事情经过').fill('排队一小时后设备临时停运，工作人员态度冷淡');
      await shots(counter, 'form-zh');
      expect(await axe(counter), 'complaint form (zh)').toEqual([]);
      await form.getByRole('button', { name: '登记', exact: true }).click();
      await expect(counter.getByText('投诉 C20261130-0001 已登记。')).toBeVisible();

      // The complaint opens: received, the same-day clock running, no head summoned yet.
      const detail = counter.getByTestId('complaint-detail');
      await expect(counter.getByTestId('detail-number')).toHaveText('C20261130-0001');
      await expect(detail.getByTestId('complaint-status')).toHaveText('已受理');
      await expect(detail.getByTestId('clock-sameDay')).toHaveAttribute('data-state', 'running');
      await expect(detail.getByTestId('clock-followUp')).toContainText('2 个工作日内答复回访');
      await expect(detail.getByTestId('clock-handling')).toHaveCount(0);

      // One action summons the head of the rides department: the broadcast room has the slip at once.
      await detail.getByRole('button', { name: '广播呼叫部门负责人' }).click();
      await expect(detail.getByTestId('clock-arrival')).toHaveAttribute('data-state', 'waiting');
      await expect(detail.getByTestId('clock-arrival')).toContainText('等待广播');
      const slip = room.locator('[data-testid^="slip-"]').first();
      await expect(slip).toContainText('游乐部');
      await expect(slip).toContainText('C20261130-0001');
      await slip.getByRole('button', { name: '接单' }).click();
      await slip.getByRole('button', { name: '已播出' }).click();
      await expect(slip).toHaveAttribute('data-status', 'aired');

      // Aired: the 10-minute arrival clock runs on the complaint, without reloading.
      await expect(detail.getByTestId('clock-arrival')).toHaveAttribute('data-state', 'running');
      await expect(detail.getByTestId('clock-arrival')).toContainText(/剩余 (10|9) 分钟/);
      await shots(counter, 'summoned-zh');

      // Six minutes later the head reaches the center; the paging screen records it, the complaint shows it.
      await moveClock(station, 6 * 60_000);
      const [complaint] = (await must(station.api('complaints.list', { view: 'all' }, admin))).rows;
      await must(station.api('paging.arrived', { id: complaint?.summon?.pagingId ?? 0 }, clerk.token));
      await expect(detail.getByTestId('clock-arrival')).toHaveAttribute('data-state', 'arrived');
      await expect(detail.getByTestId('clock-arrival')).toContainText(/10:0\d 已到场/);
      await expect(detail.getByTestId('complaint-timeline')).toContainText('部门负责人到场');

      // The record is completed while it is open.
      await detail.getByRole('button', { name: '编辑' }).click();
      const edit = dialog(counter, '修改 C20261130-0001');
      await edit.getByLabel('地点').fill('过山车排队区入口');
      await edit.getByRole('button', { name: '保存' }).click();
      await expect(detail).toContainText('过山车排队区入口');

      // The investigation; closing before a response is refused with the core's reason.
      await detail.getByRole('button', { name: '开始调查' }).click();
      await dialog(counter, '开始调查').getByLabel('调查情况').fill('调取监控，设备故障属实');
      await dialog(counter, '开始调查').getByRole('button', { name: '开始调查' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('调查中');
      await expect(detail.getByTestId('clock-sameDay')).toHaveAttribute('data-state', 'done');
      await detail.getByRole('button', { name: '结案' }).click();
      await dialog(counter, '结案').getByLabel('结案说明').fill('结案');
      await dialog(counter, '结案').getByRole('button', { name: '结案' }).click();
      await expect(dialog(counter, '结案').getByTestId('step-refused')).toHaveText('须先记录对游客的答复才能结案。');
      await dialog(counter, '结案').getByRole('button', { name: '取消' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('调查中');

      // The response, then the return visit (回访) by phone.
      await detail.getByRole('button', { name: '记录答复' }).click();
      await dialog(counter, '记录答复').getByLabel('对游客的答复或补偿').fill('已退还快速通道票款并致歉');
      await dialog(counter, '记录答复').getByRole('button', { name: '记录答复' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('已答复');
      // Closing before the return visit asks why there is none; without the reason nothing changes.
      await detail.getByRole('button', { name: '结案' }).click();
      const early = dialog(counter, '结案');
      await expect(early.getByText('不回访的原因')).toBeVisible();
      await early.getByLabel('结案说明').fill('结案');
      await early.getByRole('button', { name: '结案' }).click();
      await expect(early.getByText('尚未回访：请先记录回访，或说明不回访的原因。')).toBeVisible();
      await shots(counter, 'close-no-follow-up-zh');
      await early.getByRole('button', { name: '取消' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('已答复');
      await detail.getByRole('button', { name: '记录回访' }).click();
      const visit = dialog(counter, '记录回访');
      await visit.getByRole('button', { name: '记录回访' }).click();
      await expect(visit.getByText('必填。').first()).toBeVisible();
      await visit.getByText('电话', { exact: true }).click();
      // How the visitor found the handling is asked as well.
      await expect(visit.getByRole('radiogroup', { name: /游客对处理结果的评价/ })).toBeVisible();
      await visit.getByText('满意', { exact: true }).click();
      await shots(counter, 'follow-up-zh');
      await visit.getByLabel('回访时游客的意见').fill('电话回访，游客表示满意');
      await visit.getByRole('button', { name: '记录回访' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('已回访');
      await expect(detail.getByTestId('clock-followUp')).toHaveAttribute('data-state', 'done');
      await detail.getByRole('button', { name: '结案' }).click();
      await dialog(counter, '结案').getByLabel('结案说明').fill('游客满意，结案');
      await dialog(counter, '结案').getByRole('button', { name: '结案' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('已结案');
      await expect(detail).toContainText('状态：已结案，无需再处理。');
      const timeline = detail.getByTestId('complaint-timeline');
      for (const text of ['受理（现场）', '广播呼叫部门负责人', '已广播呼叫', '部门负责人到场', '调取监控，设备故障属实', '已退还快速通道票款并致歉', '回访 · 电话 · 满意', '电话回访，游客表示满意', '游客满意，结案']) {
        await expect(timeline).toContainText(text);
      }
      await shots(counter, 'detail-zh');
      expect(await axe(counter), 'complaint detail (zh)').toEqual([]);

      // The customer complaint record (顾客投诉记录) on A4: the file copy complete, the visitor's without the internal steps.
      const record = await downloadPdf(counter, '投诉记录 PDF（存档联）', 'complaint-C20261130-0001-file.pdf');
      const recordText = record.pages.join('\n');
      expect(recordText).toContain('顾客投诉记录 Customer complaint record');
      for (const text of ['调取监控，设备故障属实', '电话回访，游客表示满意', '13812345678']) expect(recordText, text).toContain(text);
      expect(existsSync(join(station.dir, 'reports', 'complaints', 'records', 'complaint-C20261130-0001-file.pdf'))).toBe(true);
      const visitorRecord = (await downloadPdf(counter, '投诉记录 PDF（游客联）', 'complaint-C20261130-0001-visitor.pdf')).pages.join('\n');
      expect(visitorRecord).toContain('138****5678');
      for (const text of ['调取监控', '13812345678']) expect(visitorRecord, text).not.toContain(text);
      await shots(counter, 'detail-record-zh');
      await chooseLanguage(counter, 'en');
      await expect(detail.getByTestId('complaint-status')).toHaveText('Closed');
      await expect(detail.getByTestId('clock-arrival')).toContainText('Arrived');
      await shots(counter, 'detail-en');
      await counter.keyboard.press('Escape');
      await counter.getByText('All', { exact: true }).click();
      await expect(counter.getByTestId('complaint-C20261130-0001')).toContainText('Rides');
      // The Chinese typed at the counter keeps its full-width comma on the English screen.
      expect(await emWidth(counter.getByTestId('complaint-C20261130-0001'), '，')).toBeGreaterThan(0.9);
      await shots(counter, 'list-en');
      // The same form in English, its errors in English.
      await counter.keyboard.press('F2');
      const english = dialog(counter, 'New complaint');
      // Its title is a heading like every dialog's (bold, the large size), not small body text.
      expect(await english.locator('.mantine-Modal-title').evaluate((title) => [getComputedStyle(title).fontWeight, getComputedStyle(title).fontSize])).toEqual(['700', '20px']);
      await english.getByRole('button', { name: 'Record complaint' }).click();
      await expect(english.getByText('Required.').first()).toBeVisible();
      await expect(english.getByRole('radiogroup', { name: 'Category' })).toHaveAttribute('aria-invalid', 'true');
      await expect(english.getByLabel('What happened')).toHaveAttribute('aria-invalid', 'true');
      await shots(counter, 'form-errors-en');
      await english.getByRole('button', { name: 'Cancel' }).click();
      // The paging figures count the summoned head by kind, and the long English kind reads in full at 1024.
      await counter.getByRole('navigation').getByRole('link', { name: 'Paging' }).click();
      await counter.setViewportSize({ width: 1024, height: 768 });
      await expect(counter.getByTestId('paging-by-kind')).toContainText('Summon department head 1');
      expect(await cutBadges(counter)).toEqual([]);
      await counter.setViewportSize({ width: 1280, height: 800 });
      await counter.getByRole('navigation').getByRole('link', { name: 'Complaints' }).click();
      await chooseLanguage(counter, 'zh-CN');

      // A second complaint, at the food department, escalated to the duty manager and still open.
      const food = await departmentId(station, admin, 'food');
      const second = await must(
        station.api(
          'complaints.create',
          { clientRef: 'e2e-food-0001', channel: 'hotline', complainantName: '王女士', phone: '13900001111', place: '中心餐厅', happenedAt: at('09:30'), category: 'food', departmentId: food, description: '汉堡是冷的', request: '', severity: 'low' },
          clerk.token,
        ),
      );
      await counter.getByText('未结案', { exact: true }).click();
      await counter.getByTestId(`complaint-${second.complaintNo}`).getByRole('button').click();
      await detail.getByRole('button', { name: '升级至当班经理' }).click();
      await dialog(counter, '升级至当班经理').getByLabel('原因').fill('游客要求见经理');
      await dialog(counter, '升级至当班经理').getByRole('button', { name: '升级', exact: true }).click();
      await expect(detail.getByTestId('complaint-level')).toHaveText('当班经理');
      await expect(detail.getByTestId('complaint-timeline')).toContainText('升级至当班经理');
      await counter.keyboard.press('Escape');
      await expect(counter.getByTestId('complaint-C20261130-0002')).toContainText('当班经理');
      await expect(counter.getByTestId('complaint-C20261130-0001')).toHaveCount(0);
      await shots(counter, 'list-zh');
      await counterContext.close();
      await roomContext.close();

      // 20:10: the duty manager is reminded, reviews the day by department, writes remarks and closes the summary.
      await moveClock(station, { at: at('20:10') });
      const manager = await managerToken(station);
      const managerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await managerContext.newPage();
      await mockPrinter(page);
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: '客诉汇总' }).click();
      await expect(page.getByRole('heading', { name: '客诉汇总', level: 1 })).toBeVisible();
      const banner = page.getByTestId('summary-state');
      await expect(banner).toHaveAttribute('data-state', 'reminder');
      await expect(banner).toContainText('客诉汇总须在 20:30 前完成。');
      await expect(page.getByTestId('complaint-C20261130-0002')).toBeVisible();
      await expect(page.getByTestId('complaint-C20261130-0001')).toHaveCount(0);
      await shots(page, 'manager-home-zh');

      await page.getByRole('tab', { name: '每日客诉汇总' }).click();
      await expect(page.getByTestId('summary-total')).toHaveText('2');
      await expect(page.getByTestId('summary-received')).toHaveText('2');
      await expect(page.getByTestId('summary-open')).toHaveText('1');
      const table = page.getByTestId('summary-departments');
      await expect(table).toContainText('游乐部');
      await expect(table).toContainText('餐饮部');
      await expect(table).toContainText('游客满意，结案');
      await expect(table).toContainText('处理情况：游客要求见经理');
      // What each department is told of: the place and what happened.
      await expect(table).toContainText('中心餐厅：汉堡是冷的');
      await page.getByLabel('备注').fill('游乐部设备故障需跟进');
      await page.getByRole('button', { name: '保存备注' }).click();
      await expect(page.getByText('备注已保存。')).toBeVisible();
      await shots(page, 'summary-reminder-zh');
      expect(await axe(page), 'summary (zh)').toEqual([]);

      await page.getByRole('button', { name: '关闭汇总' }).click();
      const confirm = dialog(page, `关闭 ${DAY} 的客诉汇总？`);
      await expect(confirm).toContainText('共 2 条投诉，其中 1 条仍未结案。');
      await confirm.getByRole('button', { name: '关闭汇总' }).click();
      await expect(banner).toHaveAttribute('data-state', 'closed');
      await expect(banner).toContainText(/20:1\d 由 王经理 关闭/);
      await expect(page.getByLabel('备注')).toHaveAttribute('readonly', '');
      await expect(page.getByRole('button', { name: '关闭汇总' })).toHaveCount(0);
      const closed = await must(station.api('complaints.summary', { date: DAY }, manager));
      expect(closed).toMatchObject({ state: 'closed', remarks: '游乐部设备故障需跟进', closedBy: { name: '王经理' } });

      // The A4 PDF of the whole day, read back.
      const pdfDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载 PDF' }).click();
      const pdf = await pdfDownload;
      expect(pdf.suggestedFilename()).toBe(`complaints-${DAY}-closed.pdf`);
      const text = (await pdfText(readFileSync(await pdf.path()))).join('\n');
      for (const expected of ['每日客诉汇总', DAY, '游乐部', '餐饮部', 'C20261130-0001', 'C20261130-0002', '游客满意，结案', '游客要求见经理', '游乐部设备故障需跟进', '王经理']) {
        expect(text).toContain(expected);
      }
      // Printed on the A4 printer (mocked: the boundary this machine cannot reach) from a frame holding the PDF.
      await page.getByRole('button', { name: '打印 PDF' }).click();
      await expect.poll(() => printed(page)).toEqual([{ src: expect.stringMatching(/^blob:/), pdf: true }]);

      // The CSV for the food department alone.
      await page.getByRole('combobox', { name: '导出范围' }).click();
      await page.getByRole('option', { name: '餐饮部' }).click();
      const csvDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载 CSV' }).click();
      const csv = await csvDownload;
      expect(csv.suggestedFilename()).toBe(`complaints-${DAY}-closed-food.csv`);
      const rows = readFileSync(await csv.path(), 'utf8').split('\r\n').filter(Boolean);
      expect(rows).toEqual([
        '\uFEFFdate,department_zh,department_en,complaint_no,category,status,place,description,request,what_was_done,record',
        `${DAY},餐饮部,Food and beverage,C20261130-0002,food,received,中心餐厅,汉堡是冷的,,游客要求见经理,complaint`,
      ]);

      await shots(page, 'summary-closed-zh');
      await chooseLanguage(page, 'en');
      await expect(banner).toContainText(/Closed at 20:1\d by 王经理/);
      await expect(page.getByRole('tab', { name: 'Daily complaint summary' })).toBeVisible();
      await shots(page, 'summary-closed-en');
      // On the 1024 touch kiosk the table by department fits without a sideways scroll, its statuses whole.
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect.poll(() => page.getByTestId('summary-departments').evaluate((table) => {
        const box = table.closest('.mantine-ScrollArea-viewport');
        return box ? box.scrollWidth - box.clientWidth : -1;
      })).toBeLessThanOrEqual(0);
      await page.getByTestId('summary-departments').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/complaints-summary-closed-en-1024.png` });
      await page.setViewportSize({ width: 1280, height: 800 });

      // Trends: charts per category and per department, labelled in the screen's language.
      await page.getByRole('tab', { name: 'Trends' }).click();
      await expect(page.getByRole('heading', { name: 'Complaints per week by category' })).toBeVisible();
      await expect(page.getByTestId('trends-total')).toHaveText('2 complaints in the last 12 weeks');
      const byCategory = page.getByRole('figure', { name: 'Complaints per week by category' });
      const byDepartment = page.getByRole('figure', { name: 'Complaints per week by department' });
      await expect(byCategory.locator('.recharts-legend-item-text')).toHaveText(['Rides', 'Food']);
      await expect(byDepartment.locator('.recharts-legend-item-text')).toHaveText(['Rides', 'Food and beverage']);
      await expect(page.getByRole('table', { name: 'Complaints per week by department' })).toBeAttached();
      await shots(page, 'trends-en');

      // The park's own days: a bad date is refused by the contract's rule; a day off is added and counted.
      await page.getByRole('tab', { name: 'Working days' }).click();
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByText('A date like 2026-10-01.')).toBeVisible();
      await fillDate(page.getByLabel(/^Date/), '2026-12-01');
      await expect(page.getByText('Officially a working day')).toBeVisible();
      await page.getByLabel('Note').fill('园区停业检修');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByTestId('override-2026-12-01')).toContainText('Park day off');
      expect(await must(station.api('calendar.overrides', {}, manager))).toEqual([{ date: '2026-12-01', kind: 'off', note: '园区停业检修' }]);
      await shots(page, 'calendar-en');
      await chooseLanguage(page, 'zh-CN');
      await shots(page, 'calendar-zh');
      await page.getByRole('tab', { name: '趋势' }).click();
      await expect(page.getByRole('figure', { name: '每周投诉（按类别）' }).locator('.recharts-legend-item-text')).toHaveText(['游乐项目', '餐饮']);
      await expect(page.getByRole('figure', { name: '每周投诉（按部门）' }).locator('.recharts-legend-item-text')).toHaveText(['游乐部', '餐饮部']);
      await shots(page, 'trends-zh');
      await managerContext.close();
    } finally {
      await station.stop();
    }
  });

  test('a complaint forwarded by the consumer association has its result reported back before it closes, and its 2-working-day clock stops then', async ({ page }) => {
    test.setTimeout(90_000);
    const { station, admin, clerk } = await openPark('11:00');
    try {
      const rides = await departmentId(station, admin, 'rides');
      const forwarded = await must(
        station.api(
          'complaints.create',
          { clientRef: 'e2e-fwd-0001', channel: 'consumerAssociation', externalRef: '消投〔2026〕77号', complainantName: '孙女士', phone: '13900002222', place: '激流勇进', happenedAt: at('09:50'), category: 'rides', departmentId: rides, description: '设备故障未退票', request: '要求退票', severity: 'medium' },
          clerk.token,
        ),
      );
      await must(station.api('complaints.step', { id: forwarded.id, step: 'respond', note: '已为游客办理退票' }, clerk.token));
      await page.goto(station.url);
      await signIn(page, '张柜台', '1357');
      await page.getByRole('navigation').getByRole('link', { name: '客诉处理' }).click();
      await page.getByTestId(`complaint-${forwarded.complaintNo}`).getByRole('button').click();
      const detail = page.getByTestId('complaint-detail');
      // Answered, but not yet handled: the clock runs until the result is reported back.
      await expect(detail.getByTestId('clock-handling')).toContainText('2 个工作日内处理完毕并反馈结果');
      await expect(detail.getByTestId('clock-handling')).toHaveAttribute('data-state', 'running');

      // Closing first is refused with the reason, and nothing changes.
      await detail.getByRole('button', { name: '结案' }).click();
      const close = dialog(page, '结案');
      await close.getByText('游客表示不需要回访', { exact: true }).click();
      await close.getByLabel('结案说明').fill('结案');
      await close.getByRole('button', { name: '结案' }).click();
      await expect(close.getByTestId('step-refused')).toHaveText('该投诉由消费者协会转来：结案前须将处理结果反馈给对方及有关部门。');
      await close.getByRole('button', { name: '取消' }).click();
      await expect(detail.getByTestId('complaint-status')).toHaveText('已答复');

      // The report is the big button; to whom is filled in from the channel and the department.
      await detail.getByRole('button', { name: '反馈处理结果' }).first().click();
      const report = dialog(page, '反馈处理结果');
      await expect(report).toContainText('由消费者协会转来：须在收到后 2 个工作日内处理完毕，并将处理结果反馈给对方及有关部门。');
      await expect(report.getByLabel(/^反馈对象/)).toHaveValue('消费者协会和游乐部');
      await report.getByLabel(/^反馈对象/).fill('');
      await report.getByLabel('反馈的处理结果').fill('已书面回复消协：已退票，游客接受');
      await report.getByRole('button', { name: '反馈处理结果' }).click();
      await expect(report.getByLabel(/^反馈对象/)).toHaveAttribute('aria-invalid', 'true');
      await expect((await must(station.api('complaints.get', { id: forwarded.id }, clerk.token))).handling?.doneAt).toBeNull();
      await report.getByLabel(/^反馈对象/).fill('市消协、游乐部');
      await shots(page, 'report-result-zh');
      await report.getByRole('button', { name: '反馈处理结果' }).click();
      await expect(page.getByText(`已记录 ${forwarded.complaintNo} 的处理结果反馈。`)).toBeVisible();
      await expect(detail.getByTestId('clock-handling')).toHaveAttribute('data-state', 'done');
      await expect(detail.getByTestId('complaint-timeline')).toContainText('反馈对象：市消协、游乐部');
      await expect(detail.getByRole('button', { name: '反馈处理结果' })).toHaveCount(0);
      await expect(detail.getByRole('button', { name: '记录回访' })).toBeVisible();
      await chooseLanguage(page, 'en');
      await expect(detail.getByTestId('complaint-timeline')).toContainText('Result reported back');
      await expect(detail.getByTestId('complaint-timeline')).toContainText('Reported to: 市消协、游乐部');
      await shots(page, 'report-result-en');
    } finally {
      await station.stop();
    }
  });

  test('past 20:30 an unclosed summary shows late, and closing it records that it was late', async ({ page }) => {
    test.setTimeout(90_000);
    const { station, admin, clerk } = await openPark('20:45');
    try {
      const rides = await departmentId(station, admin, 'rides');
      await must(
        station.api(
          'complaints.create',
          { clientRef: 'e2e-late-0001', channel: 'walkIn', complainantName: '赵先生', phone: '', place: '激流勇进', happenedAt: at('19:50'), category: 'rides', departmentId: rides, description: '雨衣破损', request: '', severity: 'medium' },
          clerk.token,
        ),
      );
      // A second one with no department responsible: its feedback would reach no one.
      const loose = await must(
        station.api(
          'complaints.create',
          { clientRef: 'e2e-late-0002', channel: 'walkIn', complainantName: '钱女士', phone: '', place: '停车场', happenedAt: at('19:55'), category: 'other', description: '停车场指示牌不清楚', request: '', severity: 'low' },
          clerk.token,
        ),
      );
      await page.goto(station.url);
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: '客诉汇总' }).click();
      const banner = page.getByTestId('summary-state');
      await expect(banner).toHaveAttribute('data-state', 'late');
      await expect(banner).toContainText('客诉汇总已超时：应在 20:30 前完成。');
      const red = await banner.evaluate((element) => getComputedStyle(element).backgroundColor);
      const [r = 0, g = 0, b = 0] = (red.match(/\d+/g) ?? []).map(Number);
      expect(r).toBeGreaterThan(180);
      expect(g).toBeLessThan(90);
      expect(b).toBeLessThan(90);
      await shots(page, 'manager-late-zh');

      await banner.getByRole('button', { name: '查看汇总' }).click();
      await expect(page.getByTestId('summary-state')).toHaveAttribute('data-state', 'late');
      // The manager is told which complaint has no department, and it goes once the department is set.
      const unassigned = page.getByTestId('summary-unassigned');
      await expect(unassigned).toContainText(`有 1 条投诉未指定责任部门，反馈无法送达：${loose.complaintNo}。`);
      await shots(page, 'summary-unassigned-zh');
      await must(station.api('complaints.update', { id: loose.id, departmentId: rides }, clerk.token));
      await expect(unassigned).toHaveCount(0);
      await page.getByRole('button', { name: '关闭汇总' }).click();
      const confirm = dialog(page, `关闭 ${DAY} 的客诉汇总？`);
      await expect(confirm).toContainText('已过 20:30，汇总将记为逾期关闭。');
      await confirm.getByRole('button', { name: '关闭汇总' }).click();
      await expect(page.getByTestId('summary-state')).toHaveAttribute('data-state', 'closedLate');
      await expect(page.getByTestId('summary-state')).toContainText('逾期关闭');
      await expect(page.getByTestId('summary-state')).toContainText(/20:4\d 由 王经理 关闭/);
      expect((await must(station.api('complaints.summary', { date: DAY }, admin))).state).toBe('closedLate');
      await shots(page, 'summary-closed-late-zh');
      await chooseLanguage(page, 'en');
      await expect(page.getByTestId('summary-state')).toContainText('Closed late');
      await shots(page, 'summary-closed-late-en');
    } finally {
      await station.stop();
    }
  });
});
