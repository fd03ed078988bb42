import { addStaff, expect, must, screen, setUpPark, signIn, test } from './fixtures';

test.describe('repairs at the counter', () => {
  test('a unit found damaged at the inspection goes under repair with its ticket: fault, sent to the workshop, back with its cost, then inspected again before it is lent', async ({ page, station }) => {
    test.setTimeout(90_000);
    const admin = await setUpPark(station);
    await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
    const board = await must(station.api('rentals.board', {}, admin));
    const stroller = board.types.find((type) => type.code === 'stroller')?.id ?? 0;
    await must(station.api('rentals.units.add', { typeId: stroller, tag: 'ST-001' }, admin));
    await page.goto(station.url);
    await signIn(page, '张柜台', '1357');

    // The inspection finds a fault: it must be described, then the unit is under repair.
    await page.getByRole('tab', { name: /每日检查/ }).click();
    await page.getByRole('button', { name: 'ST-001 损坏' }).click();
    const damage = page.getByRole('dialog', { name: 'ST-001 · 损坏' });
    await damage.getByRole('button', { name: '损坏' }).click();
    await expect(damage.getByText('请填写原因（至少 2 个字）。')).toBeVisible();
    expect((await must(station.api('rentals.units.list', {}, admin)))[0]?.state).toBe('inspectionDue');
    await damage.getByLabel('故障').fill('左前轮松动');
    await damage.getByRole('button', { name: '损坏' }).click();
    await expect(damage).toHaveCount(0);
    await expect(page.getByTestId('board-stroller')).toContainText('1 维修中');

    // The ticket: fault, who found it; sent to the workshop.
    await page.getByRole('tab', { name: '维修' }).click();
    const ticket = page.getByTestId('repair-ST-001');
    await expect(ticket).toContainText('左前轮松动');
    await expect(ticket).toContainText('张柜台');
    await page.getByRole('button', { name: 'ST-001 已送修' }).click();
    const sent = page.getByRole('dialog', { name: 'ST-001 · 已送修' });
    await expect(sent.getByLabel('送修单位')).toBeFocused();
    await sent.getByLabel('送修单位').fill('园区维修部');
    await sent.getByRole('button', { name: '已送修' }).click();
    await expect(sent).toHaveCount(0);
    await expect(ticket).toContainText('园区维修部');
    await expect(page.getByRole('button', { name: 'ST-001 已送修' })).toHaveCount(0);
    await screen(page, 'repairs-sent-zh-1280');

    // Back with its cost: the ticket closes and the unit waits for its inspection again.
    await page.getByRole('button', { name: 'ST-001 修好返回' }).click();
    const back = page.getByRole('dialog', { name: 'ST-001 · 修好返回' });
    await back.getByLabel('维修费用（元）').fill('45');
    await back.getByRole('button', { name: '修好返回' }).click();
    await expect(back).toHaveCount(0);
    await expect(page.getByText('没有未完成的维修单。')).toBeVisible();
    await page.getByLabel('显示已完成的维修单').check();
    await expect(ticket).toContainText('¥45.00');
    expect((await must(station.api('rentals.repairs.list', { open: false }, admin)))[0]).toMatchObject({ fault: '左前轮松动', sentTo: '园区维修部', costFen: 4_500 });
    await page.getByRole('tab', { name: /每日检查/ }).click();
    await expect(page.getByRole('button', { name: 'ST-001 正常' })).toBeVisible();
    await expect(page.getByTestId('board-stroller')).toContainText('1 待检查');
  });
});
