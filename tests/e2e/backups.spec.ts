import { addStaff, chooseLanguage, expect, MANAGER, must, screen, setUpPark, signIn, test } from './fixtures';

test.describe('backups and personal data', () => {
  test('a manager backs up, restores a backup with their PIN, and everyone signs in again', async ({ page, station }) => {
    const admin = await setUpPark(station, 'en');
    await addStaff(station, admin, { code: 'C01', name: 'Li Counter', role: 'counter', pin: '1357' });
    await page.goto(station.url);
    await chooseLanguage(page, 'en');
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: 'Backups' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backups and data');

    const table = page.getByRole('table', { name: 'Backups and data' });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/Backup parkdesk-\d{8}-\d{6}-manual\.sqlite written and checked\./)).toBeVisible();
    const manualRow = table.getByRole('row').filter({ hasText: 'By hand' });
    await expect(manualRow).toHaveCount(1);
    await expect(manualRow.getByText('Integrity checked')).toBeVisible();
    const manualName = (await manualRow.locator('td').first().innerText()).split('\n').find((line) => line.endsWith('.sqlite')) ?? '';
    expect(manualName).toMatch(/-manual\.sqlite$/);

    // Something recorded after the backup: gone after the restore, kept in the copy set aside.
    const board = await must(station.api('rentals.board', {}, admin));
    await must(station.api('rentals.units.add', { typeId: board.types[0]?.id ?? 0, tag: 'WC-777' }, admin));
    await screen(page, 'backups-en-1280');

    await manualRow.getByRole('button', { name: /^Restore/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('the current database is backed up first');
    await dialog.getByLabel('Your PIN').fill('999999');
    await dialog.getByRole('button', { name: 'Restore with my PIN' }).click();
    await expect(dialog.getByText(/Wrong PIN/)).toBeVisible();
    await dialog.getByLabel('Your PIN').fill(MANAGER.pin);
    await dialog.getByRole('button', { name: 'Restore with my PIN' }).click();

    // The sign-in screen says so (a notice with the same words may stand beside it for a moment).
    await expect(page.locator('#root').getByText('Backup restored. Please sign in again.')).toBeVisible();
    await expect(page.getByRole('button', { name: new RegExp(`^${MANAGER.name}`) })).toBeVisible();
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: 'Backups' }).click();
    await expect(table.getByRole('row').filter({ hasText: 'Kept before a restore' })).toHaveCount(1);

    const token = (await must(station.api('auth.signIn', { staffId: (await must(station.api('auth.roster', {}))).find((p) => p.code === MANAGER.code)?.id ?? 0, pin: MANAGER.pin }))).token;
    const lookup = await station.api('rentals.units.lookup', { tag: 'WC-777' }, token);
    expect(lookup.ok).toBe(false);
  });

  test('the settings keep backups in a chosen folder and refuse a relative path', async ({ page, station }) => {
    await setUpPark(station);
    await page.goto(station.url);
    await signIn(page, MANAGER.name, MANAGER.pin);
    await page.getByRole('navigation').getByRole('link', { name: '设置' }).click();
    const folder = page.getByLabel('备份文件夹（第二块硬盘或网络共享）');
    await folder.fill('backups');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('请填写完整路径', { exact: false })).toBeVisible();
    await folder.fill(`${station.dir}/second-disk`);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('设置已保存。')).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: '备份' }).click();
    await expect(page.getByText(`${station.dir}/second-disk`)).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByRole('table').getByText('手动')).toBeVisible();
    await screen(page, 'backups-zh-1280');
  });
});
