import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addStaff, chooseLanguage, expect, fillDate, fillTime, MANAGER, moveClock, must, orphanedCharacters, screen, setUpPark, signIn, test, timeField, timeValue } from './fixtures';
import { foundCoat } from './lostFoundHelpers';

/** The review's screenshots of the audit page, at a size, into /tmp/helper-b. */
async function auditShot(page: Page, name: string, width: number, height: number) {
  await page.setViewportSize({ width, height });
  mkdirSync('/tmp/helper-b', { recursive: true });
  await page.screenshot({ path: `/tmp/helper-b/${name}-${width}x${height}.png`, animations: 'disabled' });
}

test.describe('the duty manager manages staff and settings', () => {
  test('adds staff with field errors from the form and from the counter, edits, resets a PIN and disables', async ({ page, station }) => {
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '李娜', role: 'counter', pin: '1357' });
    await page.goto(station.url);
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: '员工' }).click();
    await expect(page.getByTestId('staff-C01')).toContainText('李娜');

    await page.getByRole('button', { name: '添加员工' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '添加' }).click();
    await expect(dialog.getByText('必填。').first()).toBeVisible();
    await dialog.getByLabel('姓名').fill('赵广播');
    await dialog.getByLabel('工号').fill('c01');
    await dialog.getByRole('textbox', { name: '初始 PIN 码' }).fill('2468');
    await dialog.getByRole('button', { name: '添加' }).click();
    // The counter refuses the duplicate number; the message sits next to the field.
    await expect(dialog.getByText('工号 c01 已被使用。')).toBeVisible();
    await screen(page, 'staff-add-conflict-zh-1280');
    await dialog.getByLabel('工号').fill('B01');
    await dialog.getByRole('combobox', { name: '岗位' }).click();
    await page.getByRole('option', { name: '广播室' }).click();
    await dialog.getByRole('button', { name: '添加' }).click();
    await expect(page.getByText('已添加 赵广播。')).toBeVisible();
    await expect(page.getByTestId('staff-B01')).toContainText('广播室');

    await page.getByRole('button', { name: '编辑 赵广播' }).click();
    await page.getByRole('dialog').getByLabel('姓名').fill('赵播音');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('staff-B01')).toContainText('赵播音');

    await page.getByRole('button', { name: '重置 PIN 码 赵播音' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: '新 PIN 码' }).fill('12');
    await page.getByRole('dialog').getByRole('button', { name: '重置 PIN 码' }).click();
    await expect(page.getByRole('dialog').getByText('PIN 码为 4 至 8 位数字。')).toBeVisible();
    await page.getByRole('dialog').getByRole('textbox', { name: '新 PIN 码' }).fill('8642');
    await page.getByRole('dialog').getByRole('button', { name: '重置 PIN 码' }).click();
    await expect(page.getByText('已为 赵播音 重置 PIN 码并解除锁定。')).toBeVisible();

    // Disabling asks first: cancelled, nothing changes.
    await page.getByRole('button', { name: '停用 赵播音' }).click();
    const confirm = page.getByRole('dialog', { name: '停用 赵播音？' });
    await expect(confirm).toContainText('赵播音 将在所有屏幕上退出登录');
    await screen(page, 'staff-disable-confirm-zh-1280');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId('staff-B01')).toContainText('在岗');
    await page.getByRole('button', { name: '停用 赵播音' }).click();
    await confirm.getByRole('button', { name: '停用', exact: true }).click();
    await expect(page.getByText('赵播音 已停用，无法登录。')).toBeVisible();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByTestId('staff-B01')).toHaveCount(0);
    await page.getByLabel('显示已停用员工').check({ force: true });
    await expect(page.getByTestId('staff-B01')).toContainText('已停用');
    await page.getByPlaceholder('姓名或工号').fill('李');
    await expect(page.getByTestId('staff-B01')).toHaveCount(0);
    await expect(page.getByTestId('staff-C01')).toBeVisible();
    await screen(page, 'staff-list-zh-1280');

    const audit = await station.api('audit.list', { limit: 50 }, admin);
    expect(audit.ok && audit.value.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['staff.create', 'staff.update', 'staff.resetPin']),
    );
  });

  test('changes settings with validation, in English, and the audit log shows it', async ({ page, station }) => {
    await setUpPark(station, 'en');
    await page.goto(station.url);
    await chooseLanguage(page, 'en');
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await expect(timeValue(page, 'Daily complaint summary due by')).toHaveValue('20:30');
    await screen(page, 'settings-en-1280');
    // The paper widths read in full (each names its characters per line), in English at 1280.
    const paper = page.getByRole('radiogroup', { name: 'Paper width' });
    await expect(paper).toContainText('80 mm (48 characters)');
    expect(await paper.evaluate((group) => group.scrollWidth <= group.clientWidth && [...group.querySelectorAll('label')].every((label) => label.scrollWidth <= label.clientWidth))).toBe(true);

    await fillTime(timeField(page, 'Closing time'), '08:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Closing time must be after opening time.')).toBeVisible();
    await fillTime(timeField(page, 'Closing time'), '19:30');
    await page.getByLabel('Lock after 5 wrong PINs for (minutes)').fill('15');
    const eventDays = page.getByTestId('dates-eventDays');
    await fillDate(eventDays.getByLabel('Add date'), '2026-11-28');
    await eventDays.getByRole('button', { name: 'Add', exact: true }).click();
    // National Day airs earlier by itself; this park keeps 1 October on its normal times.
    const kept = page.getByTestId('dates-holidaysNotShifted');
    await expect(kept).toContainText('None: every official public holiday airs 15 minutes earlier.');
    await fillDate(kept.getByLabel('Add date'), '2026-10-01');
    await kept.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('dates-eventDays').scrollIntoViewIfNeeded();
    await screen(page, 'settings-dates-en-1280');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('cell', { name: 'Changed settings' }).first()).toBeVisible();
    // Each setting by its name in words, not its key (closingTime, lockoutMinutes).
    await expect(page.getByText('Closing time: 18:00 → 19:30')).toBeVisible();
    await expect(page.getByText('Lockout (min): 5 → 15')).toBeVisible();
    // A list reads as its items (none as a dash), not as JSON.
    await expect(page.getByText('Event days: — → 2026-11-28')).toBeVisible();
    // A record is named in words: the sign-in's staff member by name and code, not 'staff 1' or 'Staff 1'.
    await expect(page.getByRole('cell', { name: `Staff ${MANAGER.name} (${MANAGER.code})` }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: /^Staff \d+$/ })).toHaveCount(0);
    // The settings changed by their names, not their keys (closingTime, lockoutMinutes).
    const record = page.getByTestId('audit-record');
    await expect(record.filter({ hasText: 'Closing time' }).first()).toContainText('Lockout (min)');
    await expect(record.filter({ hasText: /closingTime|lockoutMinutes|eventDays/ })).toHaveCount(0);
    // The detail keeps room to read: a long record name (the settings' keys) wraps in its own cell
    // instead of squeezing the detail to a letter a line.
    expect((await page.getByText('Closing time: 18:00 → 19:30').boundingBox())?.height).toBeLessThan(30);
    // An instant reads as the park's time (the retention's cutoff), not as milliseconds.
    await expect(page.getByText(/^Closed before: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)).toBeVisible();
    await screen(page, 'audit-en-1280');
    // On the 1024 touch kiosk a record's kind and number each stay on one line ("Complaint" / "C20261129-0001", not "Complain|t C2026112|9-0001").
    await page.setViewportSize({ width: 1024, height: 768 });
    const lines = await page.locator('tbody tr td:nth-child(4) > span').evaluateAll((spans) =>
      spans.map((span) => {
        const range = document.createRange();
        range.selectNodeContents(span);
        return { text: span.textContent ?? '', lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
      }),
    );
    expect(lines.length).toBeGreaterThan(2);
    // A list of names, or a backup's long file name, wraps; a kind or a number like R20261129-0003 does not.
    expect(lines.filter((line) => line.lines > 1 && !line.text.includes(',') && line.text.length <= 16)).toEqual([]);
    await screen(page, 'audit-en-1024');
  });

  test("the audit log words each record's detail in the screen's language: natures, statuses, channels and kinds, not their codes", async ({ page, station }) => {
    const admin = await setUpPark(station);
    const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const counter = (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token;
    // The station's own (test) clock: what happened an hour ago is an hour before its morning, whatever the time outside.
    const now = await moveClock(station);
    const incident = await must(station.api('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶' }, counter));
    // A long note widens the detail, which squeezes the other columns: the action's name must still read whole.
    const manager = (await must(station.api('staff.list', {}, admin))).find((member) => member.code === MANAGER.code)?.id ?? 0;
    const note = '游客已由医务室处理完毕，家属要求与值班经理当面沟通后续赔偿事宜，请值班经理接手跟进并在今日闭园前回电，联系方式见事件记录，医务室已出具处理记录单一份交服务台存档';
    await must(station.api('incidents.handOver', { incidentId: incident.id, toStaffId: manager, note }, counter));
    const complaint = await must(
      station.api(
        'complaints.create',
        { clientRef: 'audit-words-0001', channel: 'walkIn', complainantName: '刘先生', place: '过山车', happenedAt: now - 3_600_000, category: 'rides', description: '排队两小时后设备停运' },
        counter,
      ),
    );
    await must(station.api('complaints.step', { id: complaint.id, step: 'respond', note: '已为游客办理退票' }, counter));
    await must(station.api('complaints.step', { id: complaint.id, step: 'close', note: '游客满意', noFollowUp: 'declined' }, counter));
    const rides = (await must(station.api('departments.list', {}, admin))).find((department) => department.code === 'rides')?.id ?? 0;
    await must(station.api('paging.register', { clientRef: 'audit-words-summon', details: { kind: 'summonHead', departmentId: rides, reason: '过山车投诉' } }, counter));
    // The review's records: a setting, a unit, a found item (登记拾得物品 / 添加物品 once wrapped to a lone character).
    await must(station.api('settings.update', { idleSignOutMinutes: 15 }, admin));
    const wheelchair = (await must(station.api('rentals.board', {}, admin))).types.find((type) => type.code === 'wheelchair')?.id ?? 0;
    await must(station.api('rentals.units.add', { typeId: wheelchair, tag: 'WC-101' }, admin));
    await must(station.api('lostFound.intake', foundCoat('audit-words-coat', now - 600_000), counter));

    await page.goto(station.url);
    await chooseLanguage(page, 'zh-CN');
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: '操作日志' }).click();
    const detail = page.locator('tbody tr td:nth-child(6)');
    await expect(detail.getByText('性质：受伤')).toBeVisible();
    await expect(detail.getByText('渠道：现场')).toBeVisible();
    await expect(detail.getByText('状态：已答复 → 已结案')).toBeVisible();
    await expect(detail.getByText('不回访原因：游客表示不需要回访')).toBeVisible();
    await expect(detail.getByText('类型：呼叫部门负责人')).toBeVisible();
    await expect(detail.getByText('岗位：服务台')).toBeVisible();
    // No code word is left: not "nature: injury", "channel: walkIn", "kind: summonHead".
    await expect(detail.getByText(/\b(injury|walkIn|responded|declined|summonHead|nature|channel)\b/)).toHaveCount(0);
    // Each record by what it is: the setting by its label, the staff member by name and code, the unit by its tag and type.
    const record = page.getByTestId('audit-record');
    await expect(record.getByText('无操作自动退出（分钟）', { exact: true })).toBeVisible();
    await expect(record.getByText('张柜台（C01）').first()).toBeVisible();
    await expect(record.getByText('WC-101（轮椅）', { exact: true })).toBeVisible();
    await expect(record.getByText(/^(idleSignOutMinutes|\d+)$/)).toHaveCount(0);
    // The detail names staff members and the type, not their database ids ("负责人（员工编号）：2", "物品类型编号：1").
    await expect(detail.getByText(`负责人：张柜台（C01） → ${MANAGER.name}（${MANAGER.code}）`)).toBeVisible();
    await expect(detail.getByText('物品类型：轮椅')).toBeVisible();
    await expect(detail.getByText(/编号：\d+$/)).toHaveCount(0);
    // No action name breaks with one character alone on its last line (添加物/品, 登记拾得/物品), at either size.
    const actions = 'tbody tr td:nth-child(3)';
    await expect(page.locator(actions).getByText('登记拾得物品')).toBeVisible();
    expect(await orphanedCharacters(page, actions)).toEqual([]);
    await auditShot(page, 'audit-zh', 1280, 800);
    await auditShot(page, 'audit-zh', 1920, 1080);
    expect(await orphanedCharacters(page, actions)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    mkdirSync('/tmp/auditshots', { recursive: true });
    await page.screenshot({ path: '/tmp/auditshots/audit-zh-1280.png' });
    await screen(page, 'audit-words-zh-1280');

    await chooseLanguage(page, 'en');
    await expect(detail.getByText('Nature: Injury')).toBeVisible();
    await expect(detail.getByText('Channel: Walk-in')).toBeVisible();
    await expect(detail.getByText('Status: Responded → Closed')).toBeVisible();
    await expect(detail.getByText('No return visit: The visitor declined it')).toBeVisible();
    await expect(detail.getByText('Kind: Summon department head')).toBeVisible();
    await expect(record.getByText('Idle sign-out (min)', { exact: true })).toBeVisible();
    await expect(record.getByText('WC-101 (Wheelchair)', { exact: true })).toBeVisible();
    await expect(detail.getByText('Item type: Wheelchair')).toBeVisible();
    await auditShot(page, 'audit-en', 1280, 800);
    await auditShot(page, 'audit-en', 1920, 1080);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/auditshots/audit-en-1280.png' });
    await screen(page, 'audit-words-en-1280');
  });
});
