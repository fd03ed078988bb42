import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import { SIGNATURE } from '../support/signature';
import { addStaff, chooseLanguage, expect, fillDate, MANAGER, moveClock, must, screen, setUpPark, signIn, startStation, type Station, test } from './fixtures';
import { axe, foundCoat } from './lostFoundHelpers';

/** Park time in Shanghai (UTC+8) as epoch ms: `2026-11-23 09:15`. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const VISITOR = { visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident' as const, idNumber: '11010519491231002X' }, payment: 'cash' as const };

/** The week at the counter, through the station's API: rentals at the morning and afternoon peaks, complaints, paging, lost property. */
async function seedWeek(station: Station): Promise<void> {
  const admin = await setUpPark(station);
  await must(station.api('settings.update', { idleSignOutMinutes: 240 }, admin));
  const clerk = await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const radio = await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2468' });
  const board = await must(station.api('rentals.board', {}, admin));
  const typeId = (code: string) => board.types.find((type) => type.code === code)?.id ?? 0;
  const tags = { wheelchair: ['WC-1', 'WC-2'], stroller: ['ST-1', 'ST-2'], umbrella: ['UM-1'] } as const;
  const units = new Map<string, number>();
  for (const [type, list] of Object.entries(tags)) for (const tag of list) units.set(tag, (await must(station.api('rentals.units.add', { typeId: typeId(type), tag }, admin))).id);
  const departments = await must(station.api('departments.list', {}, admin));
  const departmentId = (code: string) => departments.find((d) => d.code === code)?.id;

  let tokens = { clerk: '', radio: '' };
  let refs = 0;
  const ref = () => `e2e-dash-${++refs}`;
  const clock = (local: string) => moveClock(station, { at: at(local) });
  const day = async (date: string) => {
    await clock(`${date} 08:30`);
    tokens = {
      clerk: (await must(station.api('auth.signIn', { staffId: clerk.id, pin: '1357' }))).token,
      radio: (await must(station.api('auth.signIn', { staffId: radio.id, pin: '2468' }))).token,
    };
    for (const unitId of units.values()) await must(station.api('rentals.inspect', { unitId, result: 'ok' }, tokens.clerk));
  };
  const rent = async (local: string, tag: string) => {
    await clock(local);
    const { rental, checkCode } = await must(station.api('rentals.checkOut', { unitTag: tag, ...VISITOR }, tokens.clerk));
    await must(station.api('rentals.return', { receiptNo: rental.receiptNo, checkCode, condition: 'good' }, tokens.clerk));
  };
  const complain = async (local: string, category: Input<'complaints.create'>['category'], department: string) => {
    await clock(local);
    const input: Input<'complaints.create'> = { clientRef: ref(), channel: 'walkIn', complainantName: '赵先生', place: '园区', happenedAt: at(local) - 600_000, category, description: '排队太久', departmentId: departmentId(department) };
    await must(station.api('complaints.create', input, tokens.clerk));
  };
  const paging = async (local: string, ackMinutes: number, airMinutes: number) => {
    await clock(local);
    const { id } = await must(station.api('paging.register', { clientRef: ref(), details: { kind: 'general', textZh: '请注意', textEn: 'Attention' } }, tokens.clerk));
    await moveClock(station, { at: at(local) + ackMinutes * 60_000 });
    await must(station.api('paging.acknowledge', { id }, tokens.radio));
    await moveClock(station, { at: at(local) + airMinutes * 60_000 });
    await must(station.api('paging.aired', { id }, tokens.radio));
  };
  const intake = async (local: string) => {
    await clock(local);
    return (await must(station.api('lostFound.intake', foundCoat(ref(), at(local) - 600_000), tokens.clerk))).item.id;
  };

  const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
  for (const [index, date] of dates.entries()) {
    await day(date);
    const weekend = index >= 5;
    await rent(`${date} 09:10`, 'WC-1');
    await rent(`${date} 09:40`, 'ST-1');
    await rent(`${date} 10:20`, 'ST-2');
    if (weekend) {
      await rent(`${date} 10:25`, 'WC-2');
      await rent(`${date} 10:30`, 'ST-1');
    }
    await complain(`${date} 11:00`, index % 2 === 0 ? 'rides' : 'food', index % 2 === 0 ? 'rides' : 'food');
    await paging(`${date} 12:00`, 1 + (index % 3), 2 + index);
    await rent(`${date} 13:50`, 'UM-1');
    await rent(`${date} 14:15`, 'WC-1');
    if (weekend) await complain(`${date} 15:00`, 'cleanliness', 'cleaning');
    const item = await intake(`${date} 16:00`);
    if (index % 2 === 1) {
      await clock(`${date} 17:00`);
      await must(
        station.api(
          'lostFound.claim',
          { itemId: item, claimantName: '李某某', phone: '13812345678', identity: VISITOR.identity, description: '蓝色外套', verified: true, ownerSignature: SIGNATURE },
          tokens.clerk,
        ),
      );
    }
  }
  await clock('2026-11-29 18:00');
}

/** Picks a choice of a segmented control (a preset, a grouping) by its label. */
async function choose(page: Page, label: string): Promise<void> {
  await page.locator('label').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

/** The cells of a chart's table as the page shows it, header first. */
async function tableCells(chart: Locator): Promise<string[][]> {
  const table = chart.getByRole('table');
  const header = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
  return [header.map((text) => text.trim()), ...rows];
}

/** Downloads a chart's CSV and reads it back (BOM and CRLF checked); a missing figure is the table's dash. */
async function downloadCsv(page: Page, chart: Locator, name: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-\w+-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-(day|week|quarter)\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(1, -2)
    .split('\r\n')
    .map((line) => line.split(',').map((cell) => (cell === '' ? '—' : cell)));
}

test.describe('the duty manager’s dashboard', () => {
  test('shows the week’s charts, switches period, and exports CSVs with the numbers of its tables', async ({ browser }) => {
    test.setTimeout(180_000);
    const station = await startStation({ PARKDESK_TEST_CLOCK: new Date(at('2026-11-23 08:00')).toISOString() });
    // axe is injected as an inline script, which the app's CSP forbids: this page bypasses the CSP for that check only.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    try {
      await seedWeek(station);
      await page.goto(station.url);
      await chooseLanguage(page, 'en');
      await signIn(page, MANAGER.name, MANAGER.pin);
      await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
      await expect(page.getByTestId('dashboard-range')).toHaveText('2026-11-23 to 2026-11-29, by day');
      for (const card of ['Rentals', 'Complaints', 'Paging response', 'Lost and found']) await expect(page.getByRole('region', { name: card, exact: true })).toBeVisible();

      // Rentals by hour: the 09:00 peak, and 10:00 busier at the weekend, drawn and tabled.
      const byHour = page.getByTestId('chart-rentalsByHour');
      await expect(byHour.locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(byHour.locator('.recharts-legend-wrapper')).toContainText('Wheelchair');
      await byHour.getByRole('button', { name: 'Show figures' }).click();
      const hourTable = await tableCells(byHour);
      expect(hourTable[0]).toEqual(['Hour', 'Wheelchair', 'Stroller', 'Umbrella', 'Total']);
      expect(hourTable[10]).toEqual(['09:00', '7', '7', '0', '14']);
      expect(hourTable[11]).toEqual(['10:00', '2', '9', '0', '11']);
      expect(hourTable[14]).toEqual(['13:00', '0', '0', '7', '7']);
      expect(hourTable[15]).toEqual(['14:00', '7', '0', '0', '7']);
      expect(await downloadCsv(page, byHour, 'Download "Check-outs by hour of day" as CSV')).toEqual(hourTable);
      await screen(page, 'dashboard-en-1280');
      expect(await axe(page)).toEqual([]);

      // Paging response: the table (screen readers' version, shown) and its CSV agree, blanks included.
      const paging = page.getByTestId('chart-paging');
      await paging.getByRole('button', { name: 'Show figures' }).click();
      const pagingTable = await tableCells(paging);
      expect(pagingTable[1]).toEqual(['2026-11-23', '1', '2', '2', '1', '100']);
      expect(pagingTable[7]).toEqual(['2026-11-29', '1', '8', '8', '1', '100']);
      expect(await downloadCsv(page, paging, 'Download "Time to first airing, and contact within 5 minutes" as CSV')).toEqual(pagingTable);

      await page.setViewportSize({ width: 1920, height: 1080 });
      await screen(page, 'dashboard-en-1920');

      // Twelve weeks, by week: the same records, twelve rows.
      await choose(page, 'Last 12 weeks');
      await expect(page.getByTestId('dashboard-range')).toHaveText('2026-09-07 to 2026-11-29, by week (from Monday)');
      const lostFound = page.getByTestId('chart-lostFound');
      await lostFound.getByRole('button', { name: 'Show figures' }).click();
      await expect(lostFound.getByRole('table').locator('tbody tr')).toHaveCount(12);
      const lostFoundTable = await tableCells(lostFound);
      expect(lostFoundTable).toHaveLength(1 + 12);
      expect(lostFoundTable[12]).toEqual(['2026-W48', '2026-11-23', '2026-11-29', '7', '3', '0']);
      expect(await downloadCsv(page, lostFound, 'Download "Items received, returned to owners and handed over to finance" as CSV')).toEqual(lostFoundTable);
      const complaints = page.getByTestId('chart-complaintsByDepartment');
      await complaints.getByRole('button', { name: 'Show figures' }).click();
      await expect(complaints.getByRole('table').locator('tbody tr')).toHaveCount(12);
      expect((await tableCells(complaints))[12]).toEqual(['2026-W48', '2026-11-23', '2026-11-29', '4', '3', '2', '9']);
      await page.getByRole('region', { name: 'Paging response', exact: true }).scrollIntoViewIfNeeded();
      await screen(page, 'dashboard-weeks-en-1920');

      // Custom: the end before the start is named, and the charts keep the last good range.
      await choose(page, 'Custom');
      await fillDate(page.getByLabel('From', { exact: true }), '2026-11-28');
      await fillDate(page.getByLabel('To', { exact: true }), '2026-11-20');
      await expect(page.getByText('The end date is before the start date.')).toBeVisible();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screen(page, 'dashboard-custom-en-1280');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await fillDate(page.getByLabel('To', { exact: true }), '2026-11-29');
      await choose(page, 'Quarter');
      await expect(page.getByTestId('dashboard-range')).toHaveText('2026-11-28 to 2026-11-29, by quarter');
      await choose(page, 'Last 4 quarters');
      await expect(page.getByTestId('dashboard-range')).toHaveText('2026-01-01 to 2026-11-29, by quarter');
      const byPeriod = page.getByTestId('chart-rentalsByPeriod');
      await byPeriod.getByRole('button', { name: 'Show figures' }).click();
      await expect(byPeriod.getByRole('table').locator('tbody tr')).toHaveCount(4);
      expect((await tableCells(byPeriod)).map((row) => row[0])).toEqual(['Period', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect((await tableCells(byPeriod))[4]).toEqual(['2026-Q4', '2026-10-01', '2026-11-29', '16', '16', '7', '39']);
      await screen(page, 'dashboard-quarters-en-1920');

      await chooseLanguage(page, 'zh-CN');
      await choose(page, '最近 7 天');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据看板');
      await expect(page.getByTestId('dashboard-range')).toHaveText('2026-11-23 至 2026-11-29，按日统计');
      await expect(byHour.locator('.recharts-legend-wrapper')).toContainText('轮椅');
      await expect(byHour.getByRole('table').locator('thead')).toContainText('时段');
      await screen(page, 'dashboard-zh-1920');
      expect(await axe(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screen(page, 'dashboard-zh-1280');
      await page.getByRole('region', { name: '投诉', exact: true }).scrollIntoViewIfNeeded();
      await screen(page, 'dashboard-complaints-zh-1280');
    } finally {
      await page.close();
      await station.stop();
    }
  });
});
