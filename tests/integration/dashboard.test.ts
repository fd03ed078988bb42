import { describe, expect, it } from 'vitest';
import type { ComplaintCategory, Input, Output } from '@shared/contract';
import { translator } from '@shared/i18n';
import * as charts from '@shared/rules/dashboard';
import type { ChartTable, DashboardRange } from '@shared/rules/dashboard';
import { DAY, MINUTE } from '@shared/rules/time';
import { ManualClock } from '../../electron/core/clock';
import type { Db } from '../../electron/core/db/open';
import { COMPLAINTS_SQL, dashboardHandlers, LOST_FOUND_BY_DAY_SQL, LOST_FOUND_SQL, PAGING_SQL, PAGING_TIMES_SQL, RENTALS_BY_DAY_SQL, RENTALS_BY_HOUR_SQL, RENTALS_SQL } from '../../electron/core/dashboard/handlers';
import { SessionStore } from '../../electron/core/auth/sessions';
import { LAN_OFF } from '../../electron/core/context';
import { createCallContext } from '../../electron/core/dispatcher';
import { ADMIN, addStaff, makeCore, setUpPark, type TestCore, checkCodeOf } from '../support/core';
import { SIGNATURE } from '../support/signature';
import { Presence } from '../../electron/core/auth/presence';

/** An instant of park time in Shanghai (UTC+8 all year): `2026-11-23 09:15`. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
/** Park midnight starting a date, computed here without the app's time code (Shanghai days are all 24 hours). */
const midnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const en = { t: translator('en'), language: 'en' as const };
const PIN = { clerk: '1357', radio: '2468' };

interface Staffed {
  id: number;
  token: string;
}

/** A park whose clock the test walks through the weeks, signing everyone in again after each jump. */
class Park {
  admin = '';
  adminId = 0;
  clerk: Staffed = { id: 0, token: '' };
  radio: Staffed = { id: 0, token: '' };
  private inspected = new Map<string, string>();
  private refs = 0;
  private signedAt = 0;

  constructor(readonly test: TestCore) {}

  static async open(): Promise<Park> {
    const park = new Park(makeCore({ clock: new ManualClock(at('2026-09-30 09:00')) }));
    park.admin = await setUpPark(park.test);
    await park.test.ok('settings.update', { idleSignOutMinutes: 240 }, park.admin);
    park.adminId = (await park.test.ok('auth.me', {}, park.admin)).staff.id;
    park.signedAt = park.test.clock.now();
    park.clerk = await addStaff(park.test, park.admin, { code: 'C01', name: '张柜台', role: 'counter', pin: PIN.clerk });
    park.radio = await addStaff(park.test, park.admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: PIN.radio });
    const board = await park.test.ok('rentals.board', {}, park.admin);
    for (const [type, tag] of [
      ['wheelchair', 'WC-1'],
      ['wheelchair', 'WC-2'],
      ['stroller', 'ST-1'],
      ['umbrella', 'UM-1'],
    ] as const) {
      await park.test.ok('rentals.units.add', { typeId: board.types.find((t) => t.code === type)?.id ?? 0, tag }, park.admin);
    }
    return park;
  }

  get db(): Db {
    const db = this.test.core.db;
    if (!db) throw new Error('database not open');
    return db;
  }

  ref(): string {
    return `dash-${++this.refs}-${Math.random().toString(36).slice(2)}`;
  }

  async at(local: string): Promise<void> {
    const next = at(local);
    if (next < this.test.clock.now()) throw new Error(`the seed goes back in time to ${local}`);
    this.test.clock.set(next);
    // Sessions end after 4 idle hours: sign everyone in again after a longer jump.
    if (next - this.signedAt < 3 * 60 * MINUTE) return;
    this.signedAt = next;
    const sign = async (staffId: number, pin: string) => (await this.test.ok('auth.signIn', { staffId, pin })).token;
    this.admin = await sign(this.adminId, ADMIN.pin);
    this.clerk.token = await sign(this.clerk.id, PIN.clerk);
    this.radio.token = await sign(this.radio.id, PIN.radio);
  }

  /** A check-out at a park time (the unit inspected that day first), returned a minute later. */
  async rent(local: string, tag: string): Promise<void> {
    await this.at(local);
    const unit = await this.test.ok('rentals.units.lookup', { tag }, this.clerk.token);
    const date = local.slice(0, 10);
    if (this.inspected.get(tag) !== date) {
      await this.test.ok('rentals.inspect', { unitId: unit.id, result: 'ok' }, this.clerk.token);
      this.inspected.set(tag, date);
    }
    const { rental } = await this.test.ok(
      'rentals.checkOut',
      { unitTag: tag, visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment: 'cash' },
      this.clerk.token,
    );
    this.test.clock.advance(MINUTE);
    await this.test.ok('rentals.return', { receiptNo: rental.receiptNo, checkCode: checkCodeOf(this.test, rental.receiptNo), condition: 'good' }, this.clerk.token);
  }

  async complaint(local: string, category: ComplaintCategory, department: string | null): Promise<void> {
    await this.at(local);
    const departments = await this.test.ok('departments.list', {}, this.clerk.token);
    const departmentId = department === null ? undefined : departments.find((d) => d.code === department)?.id;
    await this.test.ok(
      'complaints.create',
      { clientRef: this.ref(), channel: 'walkIn', complainantName: '赵先生', place: '园区', happenedAt: this.test.clock.now() - MINUTE, category, ...(departmentId ? { departmentId } : {}), description: '排队太久' },
      this.clerk.token,
    );
  }

  /** A paging request registered at a park time, then contacted and aired after so many minutes (or cancelled). */
  async page(local: string, steps: { ackAfter?: number; airAfter?: number; cancelAfter?: number }): Promise<void> {
    await this.at(local);
    const start = this.test.clock.now();
    const { id } = await this.test.ok('paging.register', { clientRef: this.ref(), details: { kind: 'general', textZh: '请注意', textEn: 'Attention' } }, this.clerk.token);
    const when = (minutes: number) => this.test.clock.set(start + minutes * MINUTE);
    if (steps.cancelAfter !== undefined) {
      when(steps.cancelAfter);
      await this.test.ok('paging.close', { id, outcome: 'cancelled', note: '家长已找到孩子' }, this.clerk.token);
    }
    if (steps.ackAfter !== undefined) {
      when(steps.ackAfter);
      await this.test.ok('paging.acknowledge', { id }, this.radio.token);
    }
    if (steps.airAfter !== undefined) {
      when(steps.airAfter);
      await this.test.ok('paging.aired', { id }, this.radio.token);
    }
  }

  async intake(local: string, waterWorld: boolean): Promise<number> {
    await this.at(local);
    const { item } = await this.test.ok(
      'lostFound.intake',
      {
        clientRef: this.ref(),
        category: 'clothing',
        description: '儿童泳镜',
        foundPlace: '造浪池',
        foundAt: this.test.clock.now() - 10 * MINUTE,
        finderName: '赵保洁',
        cashFen: 0,
        waterWorld,
        storageKind: 'bin',
        storagePlace: 'W-1',
        finderSignature: SIGNATURE,
        receiverSignature: SIGNATURE,
      },
      this.clerk.token,
    );
    return item.id;
  }

  async claim(local: string, itemId: number): Promise<void> {
    await this.at(local);
    await this.test.ok(
      'lostFound.claim',
      { itemId, claimantName: '李某某', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, description: '粉色泳镜', verified: true, ownerSignature: SIGNATURE },
      this.clerk.token,
    );
  }

  async handover(local: string, itemIds: number[]): Promise<void> {
    await this.at(local);
    // The duty manager verifies and counter-signs each intake the clerk took in, as finance needs.
    for (const itemId of itemIds) await this.test.ok('lostFound.verify', { itemId, signature: SIGNATURE }, this.admin);
    await this.test.ok('lostFound.handover.create', { clientRef: this.ref(), itemIds, centerSignature: SIGNATURE, financeName: '计财部 周会计', financeSignature: SIGNATURE }, this.clerk.token);
  }
}

/**
 * Nine weeks of records, with the edges that matter: the last minutes of a quarter and the first of
 * the next, Sunday night against Monday morning, 23:59 against 00:00 in Shanghai.
 */
async function seed(park: Park): Promise<void> {
  await park.rent('2026-09-30 23:50', 'WC-1'); // Q3, week 40, hour 23
  await park.complaint('2026-09-30 23:55', 'safety', 'security');
  await park.rent('2026-10-01 00:10', 'ST-1'); // Q4, still week 40, hour 0
  await park.complaint('2026-10-01 00:20', 'facilities', 'engineering');

  await park.rent('2026-11-23 09:15', 'WC-1');
  await park.rent('2026-11-23 09:45', 'WC-2');
  await park.complaint('2026-11-23 10:00', 'rides', 'rides');
  await park.rent('2026-11-23 10:05', 'UM-1');
  await park.complaint('2026-11-23 23:59', 'food', 'food');
  await park.complaint('2026-11-24 00:01', 'food', null);
  const a = await park.intake('2026-11-24 10:00', true);
  await park.rent('2026-11-24 14:30', 'ST-1');
  const b = await park.intake('2026-11-24 23:55', true);
  const c = await park.intake('2026-11-25 09:00', false);
  await park.handover('2026-11-25 10:00', [a, b]);
  await park.claim('2026-11-26 11:00', c);

  await park.page('2026-11-27 10:00', { ackAfter: 1, airAfter: 2 });
  await park.page('2026-11-27 11:00', { ackAfter: 3, airAfter: 6 });
  await park.page('2026-11-27 12:00', { ackAfter: 8, airAfter: 9 });
  await park.page('2026-11-27 13:00', { ackAfter: 4 }); // contacted, never aired
  await park.page('2026-11-27 14:00', { cancelAfter: 2 }); // cancelled in time: not counted in the share
  await park.page('2026-11-27 23:58', { ackAfter: 3 }); // contacted at 00:01 on the 28th: still the 27th's
  await park.page('2026-11-28 09:00', {}); // never contacted

  await park.complaint('2026-11-29 15:00', 'serviceAttitude', 'visitor-center');
  const d = await park.intake('2026-11-29 23:50', false);
  await park.rent('2026-11-29 23:58', 'UM-1'); // Sunday night: week 48
  await park.rent('2026-11-30 00:00', 'WC-2'); // Monday morning: week 49, hour 0
  await park.claim('2026-11-30 00:05', d);
  await park.complaint('2026-11-30 08:00', 'cleanliness', 'cleaning');
  await park.page('2026-11-30 09:59', {}); // registered a minute before "now": its 5 minutes have not run
  await park.at('2026-11-30 10:00');
}

type Counts = Record<string, number>;
const rowsToCounts = (rows: Array<{ key: string; n: number }>): Counts => Object.fromEntries(rows.map((row) => [row.key, row.n]));

/** Straight from the tables, independently of the dashboard's code: what the figures must be. */
function direct(db: Db, from: string, to: string, now: number) {
  const start = midnight(from);
  const end = midnight(to) + DAY;
  const all = <R>(sql: string, ...params: Array<string | number>) => db.prepare<Array<string | number>, R>(sql).all(...params);
  const one = (sql: string, ...params: Array<string | number>) => all<{ n: number }>(sql, ...params)[0]?.n ?? 0;
  return {
    rentalsByType: rowsToCounts(
      all('SELECT t.code AS key, count(*) AS n FROM rental r JOIN item_type t ON t.id = r.type_id WHERE r.out_at >= ? AND r.out_at < ? GROUP BY t.code', start, end),
    ),
    complaintsByCategory: rowsToCounts(all('SELECT category AS key, count(*) AS n FROM complaint WHERE park_date BETWEEN ? AND ? GROUP BY category', from, to)),
    complaintsByDepartment: rowsToCounts(
      all("SELECT coalesce(d.code, 'none') AS key, count(*) AS n FROM complaint c LEFT JOIN department d ON d.id = c.department_id WHERE c.park_date BETWEEN ? AND ? GROUP BY 1", from, to),
    ),
    paging: all<{ count: number; within5: number; due: number }>(
      `SELECT count(*) AS count,
              coalesce(sum(acknowledged_at IS NOT NULL AND acknowledged_at < created_at + 300000), 0) AS within5,
              coalesce(sum(acknowledged_at IS NOT NULL OR (status <> 'cancelled' AND created_at + 300000 <= ?)), 0) AS due
       FROM paging_request WHERE created_at >= ? AND created_at < ?`,
      now,
      start,
      end,
    )[0],
    responses: all<{ ms: number }>('SELECT coalesce(first_aired_at, acknowledged_at) - created_at AS ms FROM paging_request WHERE created_at >= ? AND created_at < ? AND acknowledged_at IS NOT NULL ORDER BY 1', start, end).map(
      (row) => row.ms,
    ),
    received: one('SELECT count(*) AS n FROM lf_item WHERE received_at >= ? AND received_at < ?', start, end),
    returned: one('SELECT count(*) AS n FROM lf_claim WHERE at >= ? AND at < ?', start, end),
    handedOver: one('SELECT count(*) AS n FROM lf_item i JOIN lf_handover h ON h.id = i.handover_id WHERE h.created_at >= ? AND h.created_at < ?', start, end),
  };
}

/** Rentals per park hour (Shanghai is UTC+8 all year) and type, straight from the table. */
function directByHour(db: Db, from: string, to: string): Map<number, Counts> {
  const rows = db
    .prepare<[number, number], { hour: number; key: string; n: number }>(
      `SELECT ((r.out_at + 8 * 3600000) / 3600000) % 24 AS hour, t.code AS key, count(*) AS n
       FROM rental r JOIN item_type t ON t.id = r.type_id WHERE r.out_at >= ? AND r.out_at < ? GROUP BY 1, 2`,
    )
    .all(midnight(from), midnight(to) + DAY);
  const byHour = new Map<number, Counts>();
  for (const row of rows) byHour.set(row.hour, { ...byHour.get(row.hour), [row.key]: row.n });
  return byHour;
}

/** One CSV line split into its cells, quoted cells undone. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...cells, cell];
}

/** A CSV read back: BOM and CRLF line ends checked. */
function readCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1, -2).split('\r\n').map(csvCells);
}

/** The CSV export holds exactly the chart's rows (one per plotted point) under its header; returns its cells by column key. */
function csvMatchesTable(table: ChartTable): (row: number, key: string) => string {
  const [header, ...rows] = readCsv(charts.toCsv(table));
  expect(header).toEqual(table.columns.map((column) => column.label));
  expect(rows).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
  return (row, key) => rows[row]?.[table.columns.findIndex((column) => column.key === key)] ?? 'missing';
}

async function figures(park: Park, range: DashboardRange) {
  return {
    rentals: await park.test.ok('dashboard.rentals', range, park.admin),
    complaints: await park.test.ok('dashboard.complaints', range, park.admin),
    paging: await park.test.ok('dashboard.paging', range, park.admin),
    lostFound: await park.test.ok('dashboard.lostFound', range, park.admin),
  };
}

/** Every figure of every period equals the direct count, and every CSV holds the figures of its chart. */
/**
 * In China every day is 24 hours, so the charts are summed by day and by hour in SQL; the quarter
 * hour by quarter hour path (taken on a day with a clock change) must count exactly alike.
 */
async function slotBySlotAgrees(park: Park, range: DashboardRange, all: Awaited<ReturnType<typeof figures>>): Promise<void> {
  const db = park.test.core.db;
  if (!db) throw new Error('database not open');
  const services = { db, clock: park.test.clock, sessions: new SessionStore(db, park.test.clock.now(), () => 0), dataDir: park.test.dir, version: 'test', gate: { restoring: false }, lan: { ...LAN_OFF }, presence: new Presence(() => undefined), nativeBinding: undefined };
  const slotBySlot = dashboardHandlers(services, { slotBySlot: true });
  const ctx = createCallContext(db, { now: park.test.clock.now(), actor: null, token: null, origin: 'test', stationId: null }, []);
  expect(await slotBySlot['dashboard.rentals'](range, ctx)).toEqual(all.rentals);
  expect(await slotBySlot['dashboard.lostFound'](range, ctx)).toEqual(all.lostFound);
}

function checkAgainstRecords(park: Park, all: Awaited<ReturnType<typeof figures>>): void {
  const now = park.test.clock.now();
  const rentalsCsv = csvMatchesTable(charts.rentalsByPeriodTable(all.rentals, en));
  const categoryCsv = csvMatchesTable(charts.complaintsByCategoryTable(all.complaints, en));
  const departmentCsv = csvMatchesTable(charts.complaintsByDepartmentTable(all.complaints, en));
  const pagingCsv = csvMatchesTable(charts.pagingTable(all.paging, en));
  const lostFoundCsv = csvMatchesTable(charts.lostFoundTable(all.lostFound, en));
  all.rentals.periods.forEach((period, index) => {
    const expected = direct(park.db, period.from, period.to, now);
    for (const type of all.rentals.types) {
      expect(period.counts[type.code] ?? 0, `${period.key} ${type.code}`).toBe(expected.rentalsByType[type.code] ?? 0);
      expect(rentalsCsv(index, `s:${type.code}`)).toBe(String(expected.rentalsByType[type.code] ?? 0));
    }
    expect(period.total).toBe(Object.values(expected.rentalsByType).reduce((sum, n) => sum + n, 0));

    const complaints = all.complaints.periods[index];
    expect(complaints?.byCategory).toEqual(expected.complaintsByCategory);
    expect(complaints?.byDepartment).toEqual(expected.complaintsByDepartment);
    for (const [category, n] of Object.entries(expected.complaintsByCategory)) expect(categoryCsv(index, `s:${category}`)).toBe(String(n));
    for (const [department, n] of Object.entries(expected.complaintsByDepartment)) expect(departmentCsv(index, `s:${department}`)).toBe(String(n));

    const paging = all.paging.periods[index];
    expect(paging).toMatchObject({ count: expected.paging?.count, within5: expected.paging?.within5, due: expected.paging?.due, responded: expected.responses.length });
    expect(pagingCsv(index, 'count')).toBe(String(expected.paging?.count));
    expect(pagingCsv(index, 'within5')).toBe(String(expected.paging?.within5));

    expect(all.lostFound.periods[index]).toMatchObject({ received: expected.received, returned: expected.returned, handedOver: expected.handedOver });
    expect([lostFoundCsv(index, 'received'), lostFoundCsv(index, 'returned'), lostFoundCsv(index, 'handedOver')]).toEqual([expected.received, expected.returned, expected.handedOver].map(String));
  });
  const range = all.rentals.range;
  const byHour = directByHour(park.db, range.from, range.to);
  const hourCsv = csvMatchesTable(charts.rentalsByHourTable(all.rentals, en));
  for (const row of all.rentals.byHour) {
    const expected = byHour.get(row.hour) ?? {};
    expect(row.counts, `hour ${row.hour}`).toEqual(expected);
    for (const type of all.rentals.types) expect(hourCsv(row.hour, `s:${type.code}`)).toBe(String(expected[type.code] ?? 0));
  }
  const totals = (rows: Array<{ total: number }>) => rows.reduce((sum, row) => sum + row.total, 0);
  expect(totals(all.rentals.byHour)).toBe(totals(all.rentals.periods));
}

describe('the dashboard', () => {
  it('counts by day, week and quarter exactly what the records hold, and its CSV rows are the charts’ rows', async () => {
    const park = await Park.open();
    await seed(park);

    const days = await figures(park, { from: '2026-11-23', to: '2026-11-30', granularity: 'day' });
    checkAgainstRecords(park, days);
    await slotBySlotAgrees(park, { from: '2026-11-23', to: '2026-11-30', granularity: 'day' }, days);
    expect(days.rentals.periods.map((p) => p.total)).toEqual([3, 1, 0, 0, 0, 0, 1, 1]);
    expect(days.rentals.byHour[9]?.counts).toEqual({ wheelchair: 2 });
    expect(days.rentals.byHour[23]?.counts).toEqual({ umbrella: 1 });
    expect(days.rentals.byHour[0]?.counts).toEqual({ wheelchair: 1 });
    expect(days.complaints.periods.slice(0, 2).map((p) => p.byDepartment)).toEqual([{ rides: 1, food: 1 }, { none: 1 }]);
    expect(days.complaints.categories).toEqual(['serviceAttitude', 'rides', 'food', 'cleanliness']);
    expect(days.complaints.departments.map((d) => d.key)).toEqual(['rides', 'food', 'cleaning', 'visitor-center', 'none']);
    // The 27th: responses of 2, 6, 9, 4 (contact, never aired) and 3 minutes; 4 of the 5 due contacted within 5.
    expect(days.paging.periods[4]).toMatchObject({ key: '2026-11-27', count: 6, responded: 5, medianMs: 4 * MINUTE, p90Ms: 9 * MINUTE, within5: 4, due: 5, shareWithin5: 0.8 });
    expect(days.paging.periods[5]).toMatchObject({ key: '2026-11-28', count: 1, responded: 0, medianMs: null, p90Ms: null, within5: 0, due: 1, shareWithin5: 0 });
    expect(days.paging.periods[7]).toMatchObject({ key: '2026-11-30', count: 1, due: 0, shareWithin5: null });
    expect(csvMatchesTable(charts.pagingTable(days.paging, en))(4, 'median')).toBe('4');
    expect(csvMatchesTable(charts.pagingTable(days.paging, en))(4, 'share')).toBe('80');
    expect(days.lostFound.periods.map((p) => [p.received, p.returned, p.handedOver])).toEqual([
      [0, 0, 0],
      [2, 0, 0],
      [1, 0, 2],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);

    // The same figures as the screens of each domain show for one day.
    const stats = await park.test.ok('paging.stats', { date: '2026-11-27' }, park.admin);
    expect([stats.total, stats.contactedWithin5, stats.shareWithin5]).toEqual([6, 4, 0.8]);
    const lostFound = await park.test.ok('lostFound.summary', { date: '2026-11-24' }, park.admin);
    expect(lostFound.receivedToday).toBe(days.lostFound.periods[1]?.received);
    const cash = await park.test.ok('rentals.cash', { date: '2026-11-23' }, park.admin);
    expect(cash.totals.rentals).toBe(days.rentals.periods[0]?.total);

    const weeks = await figures(park, { from: '2026-09-28', to: '2026-11-30', granularity: 'week' });
    checkAgainstRecords(park, weeks);
    await slotBySlotAgrees(park, { from: '2026-09-28', to: '2026-11-30', granularity: 'week' }, weeks);
    expect(weeks.rentals.periods.map((p) => p.key)).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(weeks.rentals.periods[0]).toMatchObject({ counts: { wheelchair: 1, stroller: 1 }, total: 2 });
    expect(weeks.rentals.periods[8]).toMatchObject({ key: '2026-W48', total: 5 }); // Sunday 23:58 included
    expect(weeks.rentals.periods[9]).toMatchObject({ key: '2026-W49', total: 1 }); // Monday 00:00 not
    expect(weeks.complaints.periods[9]?.byCategory).toEqual({ cleanliness: 1 });

    const quarters = await figures(park, { from: '2026-07-01', to: '2026-11-30', granularity: 'quarter' });
    checkAgainstRecords(park, quarters);
    await slotBySlotAgrees(park, { from: '2026-07-01', to: '2026-11-30', granularity: 'quarter' }, quarters);
    expect(quarters.rentals.periods.map((p) => [p.key, p.total])).toEqual([
      ['2026-Q3', 1],
      ['2026-Q4', 7],
    ]);
    expect(quarters.complaints.periods.map((p) => p.byCategory)).toEqual([{ safety: 1 }, { facilities: 1, rides: 1, food: 2, serviceAttitude: 1, cleanliness: 1 }]);
    expect(quarters.rentals.byHour[23]?.counts).toEqual({ wheelchair: 1, umbrella: 1 });

    // A range that stops short of an edge leaves out what lies beyond it, to the minute.
    const inside = await figures(park, { from: '2026-11-24', to: '2026-11-29', granularity: 'week' });
    checkAgainstRecords(park, inside);
    await slotBySlotAgrees(park, { from: '2026-11-24', to: '2026-11-29', granularity: 'week' }, inside);
    expect(inside.rentals.periods.map((p) => [p.key, p.from, p.to, p.total])).toEqual([['2026-W48', '2026-11-24', '2026-11-29', 2]]);
    expect(inside.complaints.periods[0]?.byCategory).toEqual({ food: 1, serviceAttitude: 1 });
  });

  it('is for managers, and refuses a range backwards or over two years with the field named', async () => {
    const park = await Park.open();
    const range: Input<'dashboard.rentals'> = { from: '2026-09-01', to: '2026-09-30', granularity: 'day' };
    expect(await park.test.fails('dashboard.rentals', range, park.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await park.test.fails('dashboard.paging', { ...range, from: '2026-10-01' }, park.admin)).toMatchObject({
      code: 'VALIDATION',
      fields: { to: { key: 'dashboard.errors.toBeforeFrom' } },
    });
    expect(await park.test.fails('dashboard.lostFound', { ...range, from: '2024-09-29' }, park.admin)).toMatchObject({
      code: 'VALIDATION',
      fields: { from: { key: 'dashboard.errors.rangeTooLong' } },
    });
    const empty: Output<'dashboard.rentals'> = await park.test.ok('dashboard.rentals', range, park.admin);
    expect(empty.periods).toHaveLength(30);
    expect(empty.types.map((t) => t.code)).toEqual(['wheelchair', 'stroller', 'umbrella']);
    expect(empty.byHour.every((row) => row.total === 0)).toBe(true);
  });

  it('counts over indexes: no query reads a whole table of rentals, paging requests, complaints or lost property', () => {
    const { core } = makeCore();
    const db = core.db;
    if (!db) throw new Error('database not open');
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(sql === PAGING_TIMES_SQL ? { from: '2026-01-01', to: '2026-12-31' } : { start: 0, end: 1, from: '2026-01-01', to: '2026-12-31', ...(sql === PAGING_SQL ? { now: 0 } : {}) })
        .map((row) => (row as { detail: string }).detail);
    const cases: Array<[string, string[]]> = [
      [RENTALS_SQL, []],
      [RENTALS_BY_DAY_SQL, []],
      [RENTALS_BY_HOUR_SQL, []],
      [LOST_FOUND_BY_DAY_SQL, ['lf_item_by_received', 'lf_claim_by_at', 'lf_handover_by_created', 'lf_item_by_handover']],
      [COMPLAINTS_SQL, ['complaint_chart']],
      [PAGING_SQL, ['paging_response_by_date']],
      [PAGING_TIMES_SQL, ['paging_response_by_date']],
      [LOST_FOUND_SQL, ['lf_item_by_received', 'lf_claim_by_at', 'lf_handover_by_created', 'lf_item_by_handover']],
    ];
    // Check-outs are counted per quarter hour as they are made (migration 016): the chart reads the counts.
    expect(plan(RENTALS_SQL).join(' | ')).toContain('SEARCH q USING COVERING INDEX rental_quarter_counts (slot>? AND slot<?)');
    for (const [sql, indexes] of cases) {
      const details = plan(sql);
      expect(details.filter((detail) => /^SCAN /.test(detail)), details.join(' | ')).toEqual([]);
      for (const index of indexes) expect(details.join(' | ')).toContain(`INDEX ${index}`);
    }
  });
});
