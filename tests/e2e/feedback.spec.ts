import type { Locator, Page } from '@playwright/test';
import { addStaff, chooseLanguage, cutButtons, expect, must, screen, setUpPark, signIn, smallTargets, startStation, test } from './fixtures';

/** Park time on 2026-11-30 (Asia/Shanghai, UTC+8), as an ISO instant. */
const at = (time: string) => new Date(`2026-11-30T${time}:00+08:00`).toISOString();

const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });

/** Screenshots at the counter's 1280×800 and the office's 1920×1080 (test-results/screens/feedback-*.png). */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await screen(page, `feedback-${name}-${size.width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe('visitors’ opinions and requests (意见和需求)', () => {
  test('are recorded at the counter from the keyboard, corrected, and fed back by the duty manager’s summary', async ({ browser }) => {
    test.setTimeout(180_000);
    const station = await startStation({ PARKDESK_TEST_CLOCK: at('10:00') });
    try {
      const admin = await setUpPark(station);
      await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
      await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
      const counter = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await counter.goto(station.url);
      await signIn(counter, '张柜台', '1357');
      await counter.getByRole('navigation').getByRole('link', { name: '客诉处理' }).click();

      // F3 opens the form on the opinions tab; an empty one or a wrong phone is refused beside its field.
      await counter.keyboard.press('F3');
      let form = dialog(counter, '意见与需求');
      await expect(form).toBeVisible();
      await expect(counter.getByRole('tab', { name: /意见与需求/ })).toHaveAttribute('aria-selected', 'true');
      await form.getByRole('textbox', { name: '联系电话（需答复时）' }).fill('12');
      await form.getByRole('button', { name: '登记' }).click();
      await expect(form.getByRole('textbox', { name: /游客原话/ })).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByText('必填。').first()).toBeVisible();
      await expect(form.getByText(/不是可回拨的电话号码/)).toBeVisible();
      expect((await must(station.api('complaints.feedback.list', { view: 'all' }, admin))).rows).toEqual([]);

      await form.getByRole('textbox', { name: /游客原话/ }).fill('建议过山车排队区增加遮阳棚');
      await form.getByText('游乐项目', { exact: true }).click();
      await form.getByRole('combobox', { name: '相关部门' }).click();
      await counter.getByRole('option', { name: /^游乐部/ }).click();
      await form.getByRole('textbox', { name: '游客姓名' }).fill('周女士');
      await form.getByRole('textbox', { name: '联系电话（需答复时）' }).fill('139 0000 7777');
      await counter.setViewportSize({ width: 1024, height: 768 });
      expect(await smallTargets(counter, '[role="dialog"]')).toEqual([]);
      await screen(counter, 'feedback-form-zh-1024');
      await counter.setViewportSize({ width: 1280, height: 800 });
      await form.getByRole('button', { name: '登记' }).click();
      await expect(counter.getByText('F1 已登记，汇总时反馈给游乐部。')).toBeVisible();
      await expect(form).toBeHidden();

      // A request off a comment card, no department named yet.
      await counter.keyboard.press('F3');
      form = dialog(counter, '意见与需求');
      await form.getByText('需求', { exact: true }).click();
      await form.getByText('意见卡', { exact: true }).click();
      await form.getByRole('textbox', { name: /游客原话/ }).fill('希望园区多设饮水点');
      await form.getByText('设施设备', { exact: true }).click();
      await form.getByRole('button', { name: '登记' }).click();
      await expect(counter.getByText('F2 已登记。请在汇总关闭前指定相关部门。')).toBeVisible();
      await expect(counter.getByTestId('feedback-pending')).toHaveText('2');
      await expect(counter.getByTestId('feedback-F2')).toContainText('未指定部门');
      await expect(counter.getByTestId('feedback-F1')).toContainText('待汇总反馈');

      // Found by its words.
      await counter.getByRole('textbox', { name: '搜索' }).fill('饮水');
      await expect(counter.getByTestId('feedback-F1')).toBeHidden();
      await expect(counter.getByTestId('feedback-F2')).toBeVisible();
      await counter.getByRole('textbox', { name: '搜索' }).fill('');

      // The duty manager's summary: the figure, each under its department, the one with none named.
      const office = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await office.goto(station.url);
      await signIn(office, '王经理', '246810');
      await office.getByRole('navigation').getByRole('link', { name: '客诉汇总' }).click();
      await office.getByRole('tab', { name: '每日客诉汇总' }).click();
      // F2 names no department: the close would leave it out, and the figure says what it feeds back.
      await expect(office.getByTestId('summary-feedback-total')).toHaveText('1');
      await expect(office.getByTestId('summary-departments').getByRole('row', { name: /未指定部门/ })).toContainText('意见与需求：指定部门前不列入汇总');
      await expect(office.getByTestId('summary-unassigned')).toContainText('有 1 条意见与需求未指定部门，反馈无法送达：F2。');
      const rides = office.getByTestId('summary-departments').getByRole('row', { name: /游乐部/ });
      await expect(rides.getByTestId('summary-feedback')).toContainText('F1 意见建议 · 建议过山车排队区增加遮阳棚');

      // The counter names its department: the manager's screen follows at once.
      await counter.getByTestId('feedback-F2').getByRole('button').click();
      form = dialog(counter, '修改 F2');
      await form.getByRole('combobox', { name: '相关部门' }).click();
      await counter.getByRole('option', { name: /^餐饮部/ }).click();
      await form.getByRole('button', { name: '保存' }).click();
      await expect(counter.getByText('F2 已保存。')).toBeVisible();
      await expect(office.getByTestId('summary-unassigned')).toBeHidden();
      await expect(office.getByTestId('summary-feedback-total')).toHaveText('2');
      await expect(office.getByTestId('summary-departments').getByRole('row', { name: /餐饮部/ }).getByTestId('summary-feedback')).toContainText('F2 需求 · 希望园区多设饮水点');
      await shots(office, 'summary-zh');

      // Closed: fed back, and fixed on the counter's list.
      await office.getByRole('button', { name: '关闭汇总' }).first().click();
      const confirm = dialog(office, /关闭 2026-11-30 的客诉汇总/);
      await expect(confirm).toContainText('同时向相关部门反馈 2 条意见与需求。');
      await confirm.getByRole('button', { name: '关闭汇总' }).click();
      await expect(office.getByTestId('summary-state')).toHaveAttribute('data-state', 'closed');
      await expect(counter.getByText('没有待反馈的意见与需求。')).toBeVisible();
      await expect(counter.getByTestId('feedback-pending')).toBeHidden();
      await counter.getByRole('tabpanel').getByText('全部', { exact: true }).click();
      await expect(counter.getByTestId('feedback-F1').getByTestId('feedback-state')).toHaveText('已列入 2026-11-30 汇总');
      await expect(counter.getByTestId('feedback-F1').getByRole('button')).toHaveCount(0);
      await shots(counter, 'list-zh');

      await chooseLanguage(counter, 'en');
      await expect(counter.getByTestId('feedback-F1').getByTestId('feedback-state')).toHaveText('In the summary of 2026-11-30');
      await expect(counter.getByTestId('feedback-F2')).toContainText('Request');
      await shots(counter, 'list-en');
      // The narrow counter screen: the title, both buttons and the tabs keep their words.
      await counter.setViewportSize({ width: 1024, height: 768 });
      expect(await cutButtons(counter)).toEqual([]);
      expect(await smallTargets(counter, 'main')).toEqual([]);
      await screen(counter, 'feedback-list-en-1024');
      await counter.setViewportSize({ width: 1280, height: 800 });
      await chooseLanguage(office, 'en');
      await expect(office.getByTestId('summary-departments').getByRole('row', { name: /Rides/ }).getByTestId('summary-feedback')).toContainText('F1 Opinion or suggestion');
      await shots(office, 'summary-en');
    } finally {
      await station.stop();
    }
  });

  test('page by "show older", and let the older pages go when one is recorded meanwhile, so no row is skipped or shown twice', async ({ browser }) => {
    const station = await startStation({ PARKDESK_TEST_CLOCK: at('10:00') });
    try {
      const admin = await setUpPark(station);
      for (let i = 1; i <= 26; i += 1) {
        await must(station.api('complaints.feedback.create', { clientRef: `paging-test-${i}`, kind: 'opinion', channel: 'walkIn', category: 'other', text: `意见 ${i}` }, admin));
      }
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(station.url);
      await signIn(page, '王经理', '246810');
      await page.getByRole('navigation').getByRole('link', { name: '客诉处理' }).click();
      await page.getByRole('tab', { name: /意见与需求/ }).click();
      const rows = page.getByTestId('feedback-list').locator('[data-testid^="feedback-F"]');
      await expect(rows).toHaveCount(25);
      await page.getByRole('button', { name: '查看更早' }).click();
      await expect(rows).toHaveCount(26);
      await expect(page.getByTestId('feedback-F1')).toBeVisible();
      // Another station records one: the first page moves, the older page is let go.
      await must(station.api('complaints.feedback.create', { clientRef: 'paging-test-27', kind: 'demand', channel: 'phone', category: 'other', text: '意见 27' }, admin));
      await expect(page.getByTestId('feedback-F27')).toBeVisible();
      await expect(rows).toHaveCount(25);
      await page.getByRole('button', { name: '查看更早' }).click();
      await expect(rows).toHaveCount(27);
      expect(new Set(await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-testid')))).size).toBe(27);
    } finally {
      await station.stop();
    }
  });
});
