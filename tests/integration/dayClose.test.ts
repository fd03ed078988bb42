import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Input } from '@shared/contract';
import { DAY, HOUR, MINUTE } from '@shared/rules/time';
import { pdfText } from '../support/pdf';
import { ADMIN, addStaff, auditRows, makeCore, MORNING, setUpPark, tempDir, type TestCore, checkCodeOf } from '../support/core';
import { createCore } from '../../electron/core/app';
import { TICK_EVERY } from '../../electron/core/maintenance/jobs';
import { ManualClock } from '../../electron/core/clock';
import { dayReport } from '../../electron/core/dayClose/report';
import { renderReportPdf } from '../../electron/core/pdf/render';
import { SIGNATURE } from '../support/signature';

const DATE = '2026-11-29';

interface Park {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
  second: { id: number; token: string };
}

async function openPark(start?: number): Promise<Park> {
  const test = makeCore(start === undefined ? {} : { clock: new ManualClock(start) });
  const admin = await setUpPark(test);
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const second = await addStaff(test, admin, { code: 'C02', name: '李复核', role: 'counter', pin: '2468' });
  return { test, admin, adminId, clerk, second };
}

async function unit(park: Park, type: string, tag: string, inspect = true): Promise<void> {
  const board = await park.test.ok('rentals.board', {}, park.admin);
  const added = await park.test.ok('rentals.units.add', { typeId: board.types.find((t) => t.code === type)?.id ?? 0, tag }, park.admin);
  if (inspect) await park.test.ok('rentals.inspect', { unitId: added.id, result: 'ok' }, park.clerk.token);
}

async function rent(park: Park, tag: string, payment: Input<'rentals.checkOut'>['payment']): Promise<string> {
  const { rental } = await park.test.ok(
    'rentals.checkOut',
    { unitTag: tag, visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, payment },
    park.clerk.token,
  );
  return rental.receiptNo;
}

/** A day at the counter: rentals in cash and WeChat, a found wallet, a complaint, an incident not yet notified. */
async function busyDay(park: Park): Promise<{ out: string }> {
  const { test, clerk } = park;
  await unit(park, 'wheelchair', 'WC-001');
  await unit(park, 'wheelchair', 'WC-002');
  await unit(park, 'umbrella', 'UM-001');
  await unit(park, 'stroller', 'ST-001', false);
  const back = await rent(park, 'WC-001', 'cash');
  const out = await rent(park, 'WC-002', 'cash');
  await rent(park, 'UM-001', 'wechat');
  test.clock.advance(HOUR);
  await test.ok('rentals.return', { receiptNo: back, checkCode: checkCodeOf(test, back), condition: 'good' }, clerk.token);
  await test.ok(
    'lostFound.intake',
    {
      clientRef: 'day-close-wallet-1',
      category: 'wallet',
      description: '黑色皮质钱包',
      foundPlace: '旋转木马排队区',
      foundAt: test.clock.now() - 30 * MINUTE,
      finderName: '赵保洁',
      cashFen: 0,
      storageKind: 'safe',
      storagePlace: 'S-01',
      finderSignature: SIGNATURE,
      receiverSignature: SIGNATURE,
    },
    clerk.token,
  );
  await test.ok(
    'complaints.create',
    { clientRef: 'day-close-complaint-1', channel: 'walkIn', complainantName: '赵先生', place: '过山车', happenedAt: test.clock.now() - HOUR, category: 'rides', description: '排队两小时后设备停运' },
    clerk.token,
  );
  await test.ok('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶', description: '游客滑倒，左膝流血。' }, clerk.token);
  return { out };
}

describe('the day close checklist', () => {
  it('shows each duty’s figures from the records and names what needs attention', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const { out } = await busyDay(park);
    test.clock.advance(HOUR); // the incident's 30 minutes have passed without a notification

    const day = await test.ok('dayClose.checklist', {}, admin);
    expect(day).toMatchObject({
      date: DATE,
      closed: null,
      complaints: { state: 'open', total: 1, open: 1 },
      rentals: { out: 2, overdue: 0, heldFen: 55_000, rentedToday: 3, returnedToday: 1 },
      lostFound: { receivedToday: 1, held: 1, returnedToday: 0 },
      incidents: { active: 1, reportedToday: 1, notNotified: 1, notifiedInTime: 0 },
      equipment: { underRepair: 0, notInspected: 1 },
      backups: { lastAt: null },
    });
    expect(day.rentals.outList.map((row) => row.receiptNo)).toContain(out);
    expect(day.cash.filter((row) => row.expectedFen !== 0).map((row) => [row.payment, row.expectedFen, row.countedFen])).toEqual([
      ['cash', 50_000, null],
      ['wechat', 5_000, null],
    ]);
    expect(day.incidents.rows[0]).toMatchObject({ notice: 'overdue', status: 'open', nature: 'injury' });
    expect(Object.fromEntries(day.attention.map((item) => [item.kind, item.count]))).toEqual({
      summaryNotClosed: 1,
      cashNotCounted: 2,
      incidentsNotNotified: 1,
      unitsNotInspected: 1,
      // The default programme's morning slots were never checked.
      programmeChecksMissed: day.programme.checksMissed,
      noBackupToday: 1,
    });
    expect(day.programme.checksMissed).toBeGreaterThan(0);

    // The counter counts the money: a difference needs a reason; the figures follow.
    expect(await test.fails('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 48_000 }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: { key: 'dayClose.errors.differenceReason', params: { difference: '-20.00' } } },
    });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM cash_count').get()).toEqual({ n: 0 });
    const cash = await test.ok('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 48_000, reason: '找零少收 20 元' }, clerk.token);
    expect(cash).toMatchObject({ payment: 'cash', expectedFen: 50_000, countedFen: 48_000, differenceFen: -2_000, countedBy: { id: clerk.id } });
    await test.ok('dayClose.countCash', { date: DATE, payment: 'wechat', countedFen: 5_000 }, clerk.token);
    const counted = await test.ok('dayClose.checklist', { date: DATE }, admin);
    expect(counted.attention.find((item) => item.kind === 'cashNotCounted')).toBeUndefined();
    expect(counted.attention.find((item) => item.kind === 'cashDifference')).toEqual({ kind: 'cashDifference', count: 1 });
    expect(await test.fails('dayClose.checklist', { date: '2026-11-30' }, admin)).toMatchObject({ fields: { date: { key: 'dayClose.errors.future' } } });
    expect(await test.fails('dayClose.checklist', {}, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names found valuables not verified or not announced yet, until they are', async () => {
    const park = await openPark();
    const { test, admin, clerk } = park;
    const { item: watch } = await test.ok(
      'lostFound.intake',
      {
        clientRef: 'day-close-watch-1',
        category: 'jewellery',
        description: '金色手表',
        foundPlace: '摩天轮出口',
        foundAt: test.clock.now() - 10 * MINUTE,
        finderName: '钱保安',
        valuable: true,
        cashFen: 0,
        storageKind: 'safe',
        storagePlace: 'S-02',
        finderSignature: SIGNATURE,
        receiverSignature: SIGNATURE,
      },
      clerk.token,
    );
    const kinds = async () => (await test.ok('dayClose.checklist', {}, admin)).attention.filter((item) => item.kind.startsWith('valuables'));
    expect(await kinds()).toEqual([
      { kind: 'valuablesNotVerified', count: 1 },
      { kind: 'valuablesNotAnnounced', count: 1 },
    ]);
    await test.ok('lostFound.verify', { itemId: watch.id, signature: SIGNATURE }, admin);
    expect(await kinds()).toEqual([{ kind: 'valuablesNotAnnounced', count: 1 }]);
    await test.ok('lostFound.announce', { itemId: watch.id, clientRef: 'day-close-watch-announce' }, clerk.token);
    expect(await kinds()).toEqual([]);
  });

  it('closes once with the manager’s PIN: fixed snapshot, saved A4 report, a backup; later changes do not rewrite it', async () => {
    const park = await openPark();
    const { test, admin, adminId, clerk } = park;
    const { out } = await busyDay(park);
    await test.ok('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 50_000 }, clerk.token);

    expect(await test.fails('dayClose.close', { date: DATE, remarks: '', pin: '000000' }, admin)).toMatchObject({ code: 'UNAUTHENTICATED', fields: { pin: { key: 'errors.wrongPin' } } });
    expect(test.core.db?.prepare('SELECT count(*) AS n FROM day_close').get()).toEqual({ n: 0 });

    test.clock.advance(9 * HOUR); // 20:00
    const manager = (await test.ok('auth.signIn', { staffId: adminId, pin: ADMIN.pin })).token;
    park.clerk.token = (await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    const closed = await test.ok('dayClose.close', { date: DATE, remarks: '雨天，伞租借多', pin: ADMIN.pin }, manager);
    expect(closed.closed).toMatchObject({ by: { id: adminId }, remarks: '雨天，伞租借多', reportFile: `day-${DATE}.pdf`, backupName: expect.stringMatching(/-dayClose\.sqlite$/) });
    expect(closed.attention.map((item) => item.kind)).toEqual(expect.arrayContaining(['summaryNotClosed', 'cashNotCounted', 'incidentsNotNotified', 'unitsNotInspected']));
    expect(existsSync(join(test.dir, 'backups', closed.closed?.backupName ?? ''))).toBe(true);
    expect(JSON.parse(auditRows(test, 'dayClose.close')[0]?.detail ?? '{}')).toMatchObject({ report: `day-${DATE}.pdf` });

    const report = await test.ok('dayClose.report', { date: DATE }, manager);
    const text = (await pdfText(Buffer.from(report.base64, 'base64'))).join('\n');
    expect(text).toContain('日报');
    expect(text).toContain('Day report');
    expect(text).toContain(out);
    expect(text).toContain('雨天，伞租借多');
    expect(text).toContain('未通报的事件');
    expect(text).toContain('¥550.00');
    expect(text).not.toContain('非当日日结');

    // The file gone (it could not take its name at the close, or was removed): made again from the day as it was closed.
    const saved = join(test.dir, 'reports', `day-${DATE}.pdf`);
    expect(existsSync(saved)).toBe(true);
    rmSync(saved);
    const again = await test.ok('dayClose.report', { date: DATE }, manager);
    const remade = (await pdfText(Buffer.from(again.base64, 'base64'))).join('\n');
    for (const expected of ['日报', out, '雨天，伞租借多', '未通报的事件', '¥550.00']) expect(remade).toContain(expected);
    expect(existsSync(saved)).toBe(true);

    // Twice: refused, nothing changed. Later records do not change the closed day.
    expect(await test.fails('dayClose.close', { date: DATE, remarks: 'again', pin: ADMIN.pin }, manager)).toMatchObject({ code: 'CONFLICT', fields: { date: { key: 'dayClose.errors.alreadyClosed' } } });
    expect(await test.fails('dayClose.countCash', { date: DATE, payment: 'wechat', countedFen: 5_000 }, park.clerk.token)).toMatchObject({ code: 'CONFLICT' });
    await test.ok('rentals.return', { receiptNo: out, checkCode: checkCodeOf(test, out), condition: 'good' }, park.clerk.token);
    const after = await test.ok('dayClose.checklist', { date: DATE }, manager);
    expect(after.rentals.out).toBe(2);
    expect(after).toEqual(closed);
    expect(() => test.core.db?.prepare("UPDATE day_close SET remarks = 'x'").run()).toThrow(/fixed/);
    expect(() => test.core.db?.prepare('DELETE FROM day_close').run()).toThrow(/kept/);
  });

  it('names what is past its deadline and counts each duty from seeded records: paging, late heads, handover, overdue rentals, repairs, complaints', async () => {
    // A week and a half earlier, Friday 20 November: a water-world item (due to finance within a
    // week of closing), a tourism-bureau complaint nobody has investigated.
    const park = await openPark(MORNING - 9 * DAY);
    const { test, admin } = park;
    await test.ok('lostFound.categories.save', { code: 'clothing', holdingDays: 7 }, admin);
    const found = (extra: Partial<Input<'lostFound.intake'>>) =>
      test.ok(
        'lostFound.intake',
        {
          clientRef: `day-close-${test.clock.now()}-${extra.description ?? ''}`,
          category: 'clothing',
          description: '儿童泳镜',
          foundPlace: '造浪池',
          foundAt: test.clock.now() - 30 * MINUTE,
          finderName: '赵保洁',
          storageKind: 'bin',
          storagePlace: 'W-1',
          finderSignature: SIGNATURE,
          receiverSignature: SIGNATURE,
          ...extra,
        },
        park.clerk.token,
      );
    const goggles = (await found({ waterWorld: true })).item;
    const bureau = await test.ok(
      'complaints.create',
      { clientRef: 'day-close-bureau', channel: 'tourismBureau', externalRef: '旅投〔2026〕201号', complainantName: '钱女士', place: '检票口', happenedAt: test.clock.now() - DAY, category: 'ticketsPrices', description: '年卡无法入园' },
      park.clerk.token,
    );
    const signIn = async () => {
      park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
      park.clerk.token = (await test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;
    };
    // Tuesday 24 November: a jacket, due to finance from 1 December, so this week.
    test.clock.set(MORNING - 5 * DAY);
    await signIn();
    const jacket = (await found({ description: '灰色外套', waterWorld: false, storageKind: 'shelf', storagePlace: 'B-2' })).item;

    // The day itself, 10:00.
    test.clock.set(MORNING);
    await signIn();
    await test.ok('complaints.create', { clientRef: 'day-close-today', channel: 'walkIn', complainantName: '孙先生', place: '餐厅', happenedAt: MORNING - HOUR, category: 'food', description: '等餐太久' }, park.clerk.token);
    await unit(park, 'wheelchair', 'WC-001');
    await unit(park, 'wheelchair', 'WC-002');
    await unit(park, 'stroller', 'ST-001', false);
    const board = await test.ok('rentals.board', {}, park.admin);
    const umbrella = await test.ok('rentals.units.add', { typeId: board.types.find((t) => t.code === 'umbrella')?.id ?? 0, tag: 'UM-001' }, park.admin);
    await test.ok('rentals.inspect', { unitId: umbrella.id, result: 'damaged', note: '伞骨断了' }, park.clerk.token);
    const visitor = { visitorName: '李游客', phone: '138 1234 5678', identity: { idType: 'resident' as const, idNumber: '11010519491231002X' }, payment: 'cash' as const };
    const { rental: late } = await test.ok('rentals.checkOut', { unitTag: 'WC-001', ...visitor, dueAt: MORNING + 2 * HOUR }, park.clerk.token);
    const { rental: onTime } = await test.ok('rentals.checkOut', { unitTag: 'WC-002', ...visitor, dueAt: MORNING + 12 * HOUR }, park.clerk.token);

    // Paging: a lost child contacted in 2 minutes, a general call in 7; two heads summoned, one 15 minutes to arrive, one never.
    const register = (details: Input<'paging.register'>['details']) => test.ok('paging.register', { clientRef: `day-close-${JSON.stringify(details).length}-${test.clock.now()}`, details }, park.clerk.token);
    const child = await register({ kind: 'missingPerson', child: true, name: '小明', age: 5, sex: 'male', clothing: '红色上衣', lastSeenPlace: '旋转木马', lastSeenAt: MORNING, guardianName: '王女士', guardianPhone: '13812345678', meetingPoint: '游客服务中心' });
    test.clock.advance(2 * MINUTE);
    await test.ok('paging.acknowledge', { id: child.id }, park.admin);
    const general = await register({ kind: 'general', textZh: '停车场 A 区车牌沪A12345 的车主请挪车' });
    test.clock.advance(7 * MINUTE);
    await test.ok('paging.acknowledge', { id: general.id }, park.admin);
    const departments = await test.ok('departments.list', {}, park.admin);
    const rides = departments.find((d) => d.code === 'rides')?.id ?? 0;
    const food = departments.find((d) => d.code === 'food')?.id ?? 0;
    const slow = await register({ kind: 'summonHead', departmentId: rides, reason: '过山车投诉' });
    await test.ok('paging.aired', { id: slow.id }, park.admin);
    const absent = await register({ kind: 'summonHead', departmentId: food, reason: '餐厅投诉' });
    await test.ok('paging.aired', { id: absent.id }, park.admin);
    test.clock.advance(15 * MINUTE);
    await test.ok('paging.arrived', { id: slow.id }, park.clerk.token);

    // 20:00, before closing the day.
    test.clock.set(MORNING + 10 * HOUR);
    await signIn();
    const day = await test.ok('dayClose.checklist', {}, park.admin);
    expect(day.rentals).toMatchObject({ out: 2, overdue: 1, heldFen: 100_000, rentedToday: 2, outMore: 0, overdueMore: 0 });
    expect(day.rentals.overdueList).toEqual([{ receiptNo: late.receiptNo, unitTag: 'WC-001', visitorName: '李游客', dueAt: MORNING + 2 * HOUR, depositFen: 50_000 }]);
    expect(day.rentals.outList.map((row) => row.receiptNo).sort()).toEqual([late.receiptNo, onTime.receiptNo].sort());
    // The units behind the counts are named: the stroller never inspected, the umbrella under repair with its fault.
    expect(day.equipment).toEqual({
      underRepair: 1,
      notInspected: 1,
      notInspectedList: [{ tag: 'ST-001', typeNameZh: '婴儿车', typeNameEn: 'Stroller' }],
      notInspectedMore: 0,
      repairList: [{ tag: 'UM-001', typeNameZh: '雨伞', typeNameEn: 'Umbrella', fault: '伞骨断了', since: MORNING }],
      repairMore: 0,
    });
    expect(day.lostFound).toMatchObject({ receivedToday: 0, held: 2, dueThisWeek: 2, overdue: 1 });
    expect(day.lostFound.overdueItems).toEqual([{ itemNo: goggles.itemNo, category: 'clothing', description: '儿童泳镜', handoverDueBy: goggles.handoverDueBy }]);
    expect(day.lostFound.overdueItems.map((item) => item.itemNo)).not.toContain(jacket.itemNo);
    expect(day.paging).toMatchObject({ total: 4, contactedWithin5: 3, shareWithin5: 0.75, lateHeads: 2 });
    expect(day.paging.lateHeadList).toEqual([
      { ref: `P${slow.id}`, department: '游乐部', departmentEn: 'Rides', calledAt: MORNING + 9 * MINUTE, arrivedAt: MORNING + 24 * MINUTE, lateMinutes: 5 },
      { ref: `P${absent.id}`, department: '餐饮部', departmentEn: 'Food and beverage', calledAt: MORNING + 9 * MINUTE, arrivedAt: null, lateMinutes: 10 * 60 - 9 - 10 },
    ]);
    // The general call, passed to the broadcast room 2 minutes after its 5, is named by slip.
    expect(day.paging.lateContactList).toEqual([{ ref: `P${general.id}`, kind: 'general', registeredAt: MORNING + 2 * MINUTE, contactedAt: MORNING + 9 * MINUTE, lateMinutes: 2 }]);
    expect(day.complaints).toMatchObject({ total: 2, open: 2 });
    expect(day.complaints.overdue).toEqual([{ complaintNo: bureau.complaintNo, clocks: ['sameDay', 'handling', 'followUp'], dueAt: bureau.sameDay.dueAt }]);
    expect(Object.fromEntries(day.attention.map((item) => [item.kind, item.count]))).toMatchObject({
      complaintsOverdue: 1,
      rentalsOverdue: 1,
      handoverOverdue: 1,
      pagingLateHeads: 2,
      pagingContactLate: 1,
      unitsNotInspected: 1,
    });

    // The day report names each of them.
    await test.ok('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 100_000 }, park.clerk.token);
    await test.ok('dayClose.close', { date: DATE, remarks: '', pin: ADMIN.pin }, park.admin);
    const report = await test.ok('dayClose.report', { date: DATE }, park.admin);
    const text = (await pdfText(Buffer.from(report.base64, 'base64'))).join('\n');
    for (const name of [late.receiptNo, `P${slow.id}`, `P${absent.id}`, goggles.itemNo, bureau.complaintNo, '超过时限的投诉', '迟到的部门负责人', '逾期未移交财务的拾获物品', '超时未还的租借', '今日未检查的设备', 'ST-001', 'UM-001', '伞骨断了', '超过 5 分钟才联系广播室的广播请求', `P${general.id} 通知广播 Announcement 10:02 10:09 2`]) {
      expect(text).toContain(name);
    }
  });

  it('closed the next morning, says its figures of what is out and held are of that morning, on screen and in the report', async () => {
    const park = await openPark();
    const { test } = park;
    await busyDay(park);
    await test.ok('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 50_000 }, park.clerk.token);
    test.clock.set(MORNING + DAY - HOUR); // the next day, 09:00
    park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
    await test.ok('dayClose.close', { date: DATE, remarks: '', pin: ADMIN.pin }, park.admin);
    const report = await test.ok('dayClose.report', { date: DATE }, park.admin);
    const text = (await pdfText(Buffer.from(report.base64, 'base64'))).join('\n').replaceAll('\n', '');
    expect(text).toContain('非当日日结');
    expect(text).toContain(`于 2026-11-30 09:00 读取，而非 ${DATE} 当天`);
    expect(text).toContain(`not at the end of ${DATE}`);
  });

  it('counts the information desk’s day: enquiries answered and printed, and the free maps and sewing kits handed out that day only', async () => {
    const park = await openPark();
    const { test, clerk, admin } = park;
    const [hours] = (await test.ok('info.list', { topic: 'park' }, clerk.token)).entries;
    const board = await test.ok('rentals.board', {}, admin);
    const map = board.types.find((type) => type.code === 'park-map')?.id ?? 0;
    await test.ok('info.enquiry', { entryId: hours?.id ?? 0 }, clerk.token);
    await test.ok('info.enquiry', { topic: 'transport' }, clerk.token);
    await test.ok('info.print', { entryId: hours?.id ?? 0, language: 'en' }, clerk.token);
    await test.ok('rentals.handOut', { typeId: map, quantity: 3 }, clerk.token);
    const day = await test.ok('dayClose.checklist', { date: DATE }, admin);
    expect(day.services).toEqual({
      enquiries: 3,
      printed: 1,
      byTopic: { transport: 1, tourist: 0, park: 2, other: 0 },
      handouts: [
        { nameZh: '园区地图', nameEn: 'Park map', count: 3 },
        { nameZh: '针线包', nameEn: 'Sewing kit', count: 0 },
      ],
    });
    const text = (await pdfText(await renderReportPdf(dayReport(day, { parkName: '阳光水世界', timeZone: 'Asia/Shanghai' })))).join('\n').replaceAll('\n', '');
    expect(text).toContain('咨询服务 Information desk');
    expect(text).toContain('3 次（打印 1 份）');
    expect(text).toContain('交通信息 Transport 1');
    expect(text).toContain('园区地图 Park map 3');
    // The next day counts its own.
    test.clock.advance(DAY);
    park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
    const next = await test.ok('dayClose.checklist', { date: '2026-11-30' }, park.admin);
    expect(next.services).toMatchObject({ enquiries: 0, printed: 0, handouts: [{ count: 0 }, { count: 0 }] });
    expect((await test.ok('dayClose.checklist', { date: DATE }, park.admin)).services.enquiries).toBe(3);
  });

  it('names an incident from an earlier day still open and never notified, in the checklist and the day report', async () => {
    // Saturday 28 November, 16:00: a fall reported, nobody notified; still open the next day.
    const park = await openPark(MORNING - DAY + 6 * HOUR);
    const { test } = park;
    const fall = await test.ok('incidents.report', { reporterName: '周女士', reporterPhone: '139 8765 4321', nature: 'injury', location: '漂流河出口', description: '游客在出口滑倒。' }, park.clerk.token);
    test.clock.set(MORNING + 8 * HOUR); // the day itself, 18:00
    park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
    park.clerk.token = (await test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;

    const day = await test.ok('dayClose.checklist', {}, park.admin);
    expect(day.incidents).toMatchObject({ active: 1, reportedToday: 0, notNotified: 0, overdueMore: 0 });
    expect(day.incidents.overdueList).toEqual([
      { id: fall.id, refNo: fall.refNo, nature: 'injury', receivedAt: MORNING - DAY + 6 * HOUR, notice: 'overdue', minutes: 26 * 60 - 30, toNotify: ['dutyManager', 'medical'], status: 'open' },
    ]);
    expect(day.attention).toContainEqual({ kind: 'incidentsNotNotified', count: 1 });

    await test.ok('dayClose.countCash', { date: DATE, payment: 'cash', countedFen: 0 }, park.clerk.token);
    await test.ok('dayClose.close', { date: DATE, remarks: '', pin: ADMIN.pin }, park.admin);
    const report = await test.ok('dayClose.report', { date: DATE }, park.admin);
    const text = (await pdfText(Buffer.from(report.base64, 'base64'))).join('\n');
    for (const name of ['未通报或超过 30 分钟才通报的事件', fall.refNo, '2026-11-28 16:00', '未通报，逾期 1 天 1 小时', '当班经理、医务', '未通报的事件']) expect(text).toContain(name);
  });

  it('warns of incidents notified after the 30 minutes: today’s, and an earlier day’s still open, each named', async () => {
    const park = await openPark(MORNING - DAY + 6 * HOUR);
    const { test } = park;
    const notifyAll = async (incidentId: number) => {
      await test.ok('incidents.notify', { incidentId, party: 'dutyManager', channel: 'phone' }, park.clerk.token);
      await test.ok('incidents.notify', { incidentId, party: 'medical', channel: 'radio' }, park.clerk.token);
    };
    // Yesterday: notified 45 minutes after the report, still being handled.
    const older = await test.ok('incidents.report', { reporterName: '周女士', reporterPhone: '139 8765 4321', nature: 'illness', location: '餐厅', description: '游客中暑。' }, park.clerk.token);
    test.clock.advance(45 * MINUTE);
    await notifyAll(older.id);
    // Today: one notified after 40 minutes, one in time (not named), and an earlier day's notified in time (not named).
    test.clock.set(MORNING);
    park.clerk.token = (await test.ok('auth.signIn', { staffId: park.clerk.id, pin: '1357' })).token;
    const late = await test.ok('incidents.report', { reporterName: '吴先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '海盗船', description: '游客撞伤额头。' }, park.clerk.token);
    const inTime = await test.ok('incidents.report', { reporterName: '郑女士', reporterPhone: '137 1111 2222', nature: 'illness', location: '入口', description: '游客头晕。' }, park.clerk.token);
    test.clock.advance(10 * MINUTE);
    await notifyAll(inTime.id);
    test.clock.advance(30 * MINUTE);
    await notifyAll(late.id);

    test.clock.set(MORNING + 8 * HOUR);
    park.admin = (await test.ok('auth.signIn', { staffId: park.adminId, pin: ADMIN.pin })).token;
    const day = await test.ok('dayClose.checklist', {}, park.admin);
    expect(day.incidents).toMatchObject({ reportedToday: 2, notifiedInTime: 1, notifiedLate: 1, notNotified: 0 });
    expect(day.attention).toContainEqual({ kind: 'incidentsNotifiedLate', count: 2 });
    expect(day.attention.find((item) => item.kind === 'incidentsNotNotified')).toBeUndefined();
    expect(day.incidents.overdueList.map((row) => [row.refNo, row.notice, row.minutes, row.toNotify])).toEqual([
      [older.refNo, 'late', 15, []],
      [late.refNo, 'late', 10, []],
    ]);

    const report = dayReport(day, { parkName: '阳光水世界', timeZone: 'Asia/Shanghai' });
    const named = report.sections.find((section) => section.heading.startsWith('未通报或超过 30 分钟才通报的事件'))?.table?.rows ?? [];
    expect(named.map((row) => [row[0], row[3]])).toEqual([
      [older.refNo, '通报迟了 15 分钟'],
      [late.refNo, '通报迟了 10 分钟'],
    ]);
    const text = (await pdfText(await renderReportPdf(report))).join('\n');
    for (const name of ['超过 30 分钟才通报的事件', older.refNo, late.refNo, '通报迟了 15 分钟', '通报迟了 10 分钟']) expect(text).toContain(name);
  });

  it('says how many more rentals are out than the report lists, never leaving them out silently', async () => {
    const park = await openPark();
    await busyDay(park);
    const day = await park.test.ok('dayClose.checklist', {}, park.admin);
    const report = dayReport({ ...day, rentals: { ...day.rentals, outMore: 3, overdueList: day.rentals.outList, overdueMore: 7 } }, { parkName: '阳光水世界', timeZone: 'Asia/Shanghai' });
    const rows = (heading: string) => report.sections.find((section) => section.heading.startsWith(heading))?.table?.rows ?? [];
    expect(rows('租借与押金').at(-1)).toEqual(['另有 3 条 and 3 more', '', '', '', '']);
    expect(rows('超时未还的租借').at(-1)).toEqual(['另有 7 条 and 7 more', '', '', '', '']);
    expect(rows('租借与押金')).toHaveLength(day.rentals.outList.length + 1);
  });

  it('names the units not inspected and under repair, and says how many more the lists leave out', async () => {
    const park = await openPark();
    await busyDay(park);
    const day = await park.test.ok('dayClose.checklist', {}, park.admin);
    expect(day.equipment.notInspectedList).toEqual([{ tag: 'ST-001', typeNameZh: '婴儿车', typeNameEn: 'Stroller' }]);
    expect(day.equipment.repairList).toEqual([]);
    const equipment = { ...day.equipment, notInspectedMore: 4, repairList: [{ tag: 'WC-009', typeNameZh: '轮椅', typeNameEn: 'Wheelchair', fault: '刹车失灵', since: null }], repairMore: 2 };
    const report = dayReport({ ...day, equipment }, { parkName: '阳光水世界', timeZone: 'Asia/Shanghai' });
    const rows = (heading: string) => report.sections.find((section) => section.heading.startsWith(heading))?.table?.rows ?? [];
    expect(rows('今日未检查的设备')).toEqual([
      ['ST-001', '婴儿车 Stroller'],
      ['另有 4 条 and 4 more', ''],
    ]);
    expect(rows('设备')).toEqual([
      ['WC-009', '轮椅 Wheelchair', '刹车失灵', '—'],
      ['另有 2 条 and 2 more', '', '', ''],
    ]);
  });
});

describe('the jobs the day close counts on', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are scheduled by createCore with its workers on: a backup every hour and the retention run once a park day', async () => {
    // Timers are faked (the minute tick is advanced by hand); the backup's own I/O runs for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const dir = tempDir();
    const clock = new ManualClock(MORNING);
    const core = createCore({ dataDir: dir, clock, startWorkers: true, version: 'test', log: () => undefined });
    const db = core.db;
    if (!db) throw new Error('no database');
    const hourly = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((name) => name.endsWith('-hourly.sqlite')).length : 0);
    const runs = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM retention_run').get()?.n ?? 0;
    const jobs = core.maintenance;
    if (!jobs) throw new Error('no maintenance');
    /** A few turns of the event loop with no timer moved: anything that starts now would be seen. */
    const idle = async () => {
      for (let turn = 0; turn < 300; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      await jobs.settled();
    };
    try {
      // At start: one tick at once, so a backup and the day's retention run.
      await jobs.settled();
      expect([hourly(), runs()]).toEqual([1, 1]);

      // An hour later by the core's clock, nothing happens until the minute tick comes round.
      clock.advance(HOUR);
      await idle();
      expect(hourly()).toBe(1);
      await vi.advanceTimersByTimeAsync(TICK_EVERY);
      await jobs.settled();
      expect([hourly(), runs()]).toEqual([2, 1]);

      // The next park day: the tick writes the hourly backup and runs retention again, once.
      clock.advance(DAY);
      await vi.advanceTimersByTimeAsync(TICK_EVERY);
      await jobs.settled();
      expect([hourly(), runs()]).toEqual([3, 2]);
      await vi.advanceTimersByTimeAsync(5 * TICK_EVERY);
      await idle();
      expect([hourly(), runs()]).toEqual([3, 2]);
    } finally {
      core.close();
    }
    // Closed: the schedule stops with it.
    expect(vi.getTimerCount()).toBe(0);
  });
});

