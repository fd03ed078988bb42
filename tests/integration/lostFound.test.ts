import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { DAY, HOUR, MINUTE } from '@shared/rules/time';
import { SEARCH_TOKENS_VERSION } from '@shared/rules/search';
import { pdfImageCounts, pdfText } from '../support/pdf';
import { BLANK_SIGNATURE, SIGNATURE } from '../support/signature';
import { addStaff, auditRows, makeCore, setUpPark, type TestCore } from '../support/core';


interface Desk {
  test: TestCore;
  admin: string;
  adminId: number;
  clerk: { id: number; token: string };
  second: { id: number; token: string };
}

async function openDesk(): Promise<Desk> {
  const test = makeCore();
  const admin = await setUpPark(test);
  // The tests move the clock by hours and days; keep sessions alive meanwhile.
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const adminId = (await test.ok('auth.me', {}, admin)).staff.id;
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  const second = await addStaff(test, admin, { code: 'C02', name: '李复核', role: 'counter', pin: '2468' });
  return { test, admin, adminId, clerk, second };
}

let refs = 0;
const ref = () => `lf-${++refs}-${Math.random().toString(36).slice(2)}`;

function wallet(desk: Desk, extra: Partial<Input<'lostFound.intake'>> = {}): Input<'lostFound.intake'> {
  return {
    clientRef: ref(),
    category: 'wallet',
    description: '黑色皮质钱包，内有身份证和现金',
    colour: '黑色',
    brand: 'Coach',
    foundPlace: '旋转木马排队区',
    foundAt: desk.test.clock.now() - 30 * MINUTE,
    finderName: '赵保洁',
    finderPhone: '13900001111',
    contents: '身份证一张（李某某），银行卡两张',
    cashFen: 32_000,
    secondCounter: { staffId: desk.second.id, pin: '2468' },
    storageKind: 'safe',
    storagePlace: 'S-01',
    hiddenDetails: '钱包内有一张全家福照片',
    finderSignature: SIGNATURE,
    receiverSignature: SIGNATURE,
    ...extra,
  };
}

async function backAfter(desk: Desk, ms: number): Promise<void> {
  desk.test.clock.advance(ms);
  desk.clerk.token = (await desk.test.ok('auth.signIn', { staffId: desk.clerk.id, pin: '1357' })).token;
  desk.second.token = (await desk.test.ok('auth.signIn', { staffId: desk.second.id, pin: '2468' })).token;
}

describe('intake of found property', () => {
  it('records a signed intake with two cash counters, prints the receipt and the bag label, and keeps the custody history', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item, intakeJobId, labelJobId } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    expect(item).toMatchObject({
      itemNo: 'L20261129-0001',
      category: 'wallet',
      status: 'held',
      valuable: true,
      verified: false,
      announced: false,
      cashCountedBy: [{ id: clerk.id, name: '张柜台' }, { id: desk.second.id, name: '李复核' }],
      storageKind: 'safe',
      receivedBy: { id: clerk.id },
    });
    // A wallet is held 30 days after the day it was found: to the end of 29 December (Shanghai), then a week to reach finance.
    expect(item.holdingUntil).toBe(Date.parse('2026-12-29T16:00:00Z'));
    expect(item.handoverDueBy).toBe(item.holdingUntil + 7 * DAY);
    const jobs = test.core.db?.prepare<[number, number], { kind: string; document: string }>('SELECT kind, document FROM print_job WHERE id IN (?, ?) ORDER BY id').all(intakeJobId, labelJobId);
    expect(jobs?.map((job) => job.kind)).toEqual(['lf-intake', 'lf-label']);
    expect(jobs?.[0]?.document).toContain('L20261129-0001');
    // The hidden check details are in no list, no printout.
    expect(JSON.stringify(item)).not.toContain('全家福');
    expect(jobs?.map((job) => job.document).join()).not.toContain('全家福');
    const search = await test.ok('lostFound.search', { query: '钱包' }, clerk.token);
    expect(JSON.stringify(search)).not.toContain('全家福');
    expect(JSON.stringify(search)).not.toContain('32000');
    expect((await test.ok('lostFound.history', { itemId: item.id }, clerk.token)).map((h) => h.kind)).toEqual(['intake']);
    expect(auditRows(test, 'lostFound.intake')).toHaveLength(1);
  });

  it('refuses an unsigned intake, cash counted by one person, and missing fields, writing nothing', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const unsigned = await test.fails('lostFound.intake', { ...wallet(desk), finderSignature: '', receiverSignature: 'data:image/png;base64,AAAA' }, clerk.token);
    expect(unsigned.fields).toEqual({ finderSignature: { key: 'validation.signature' }, receiverSignature: { key: 'validation.signature' } });
    const noSecond = await test.fails('lostFound.intake', wallet(desk, { secondCounter: undefined }), clerk.token);
    expect(noSecond.fields).toEqual({ 'secondCounter.staffId': { key: 'validation.secondCounterRequired' } });
    const oneCounter = await test.fails('lostFound.intake', wallet(desk, { secondCounter: { staffId: clerk.id, pin: '1357' } }), clerk.token);
    expect(oneCounter.fields).toEqual({ 'secondCounter.staffId': { key: 'validation.twoCounters' } });
    const empty = await test.fails('lostFound.intake', wallet(desk, { description: '', foundPlace: '' }), clerk.token);
    expect(Object.keys(empty.fields ?? {}).sort()).toEqual(['description', 'foundPlace']);
    expect((await test.ok('lostFound.search', {}, clerk.token)).rows).toEqual([]);
  });

  it('takes found cash only with the second counter’s own PIN: a wrong PIN is refused and counted towards their lock, nothing taken in', async () => {
    const desk = await openDesk();
    const { test, clerk, second } = desk;
    const wrong = await test.fails('lostFound.intake', wallet(desk, { secondCounter: { staffId: second.id, pin: '0000' } }), clerk.token);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', fields: { 'secondCounter.pin': { key: 'errors.wrongPin', params: { remaining: 4 } } } });
    expect((await test.ok('lostFound.search', {}, clerk.token)).rows).toEqual([]);
    expect(auditRows(test, 'auth.failed').map((row) => row.staff_id)).toEqual([second.id]);
    expect(auditRows(test, 'lostFound.intake')).toHaveLength(0);
    // Four more wrong PINs lock the second counter: the next intake is refused even with the right PIN.
    for (let attempt = 0; attempt < 4; attempt += 1) await test.fails('lostFound.intake', wallet(desk, { secondCounter: { staffId: second.id, pin: '0000' } }), clerk.token);
    expect(await test.fails('lostFound.intake', wallet(desk), clerk.token)).toMatchObject({ code: 'LOCKED', fields: { 'secondCounter.pin': { key: 'errors.lockedOut' } } });
    expect((await test.ok('lostFound.search', {}, clerk.token)).rows).toEqual([]);
    // Once the lock is over, the right PIN takes it in, with both counters recorded.
    desk.test.clock.advance(10 * MINUTE);
    desk.clerk.token = (await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    const { item } = await test.ok('lostFound.intake', wallet(desk), desk.clerk.token);
    expect(item.cashCountedBy.map((staff) => staff?.id)).toEqual([clerk.id, second.id]);
    expect(JSON.parse(auditRows(test, 'lostFound.intake')[0]?.detail ?? '{}')).toMatchObject({ cashFen: 32_000, countedBy: [clerk.id, second.id] });
  });

  it('asks for the amount when the item is cash, and needs no second counter when nothing was counted', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const noAmount = await test.fails('lostFound.intake', wallet(desk, { category: 'cash', description: '现金一沓', cashFen: 0, secondCounter: undefined }), clerk.token);
    expect(noAmount.fields).toEqual({ cashFen: { key: 'validation.cashAmountRequired' } });
    expect((await test.ok('lostFound.search', {}, clerk.token)).rows).toEqual([]);
    const cash = await test.ok('lostFound.intake', wallet(desk, { category: 'cash', description: '现金一沓', contents: '', cashFen: 5_000 }), clerk.token);
    expect(cash.item.cashCountedBy).toHaveLength(2);
    const keys = await test.ok('lostFound.intake', wallet(desk, { category: 'keys', description: '一串钥匙', contents: '', cashFen: 0, secondCounter: undefined }), clerk.token);
    expect(keys.item.cashCountedBy).toEqual([]);
  });

  it('refuses a signature pad left blank at every step that is signed, writing nothing', async () => {
    const desk = await openDesk();
    const { test, clerk, second } = desk;
    const blank = await test.fails('lostFound.intake', wallet(desk, { finderSignature: BLANK_SIGNATURE }), clerk.token);
    expect(blank).toMatchObject({ code: 'VALIDATION', fields: { finderSignature: { key: 'validation.signatureBlank' } } });
    expect(Object.keys(blank.fields ?? {})).toEqual(['finderSignature']);
    // Refused before the second counter's PIN is looked at: a blank pad costs nobody a try.
    expect(auditRows(test, 'auth.failed')).toHaveLength(0);
    expect((await test.ok('lostFound.search', {}, clerk.token)).rows).toEqual([]);
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    expect(await test.fails('lostFound.verify', { itemId: item.id, signature: BLANK_SIGNATURE }, second.token)).toMatchObject({ fields: { signature: { key: 'validation.signatureBlank' } } });
    expect((await test.ok('lostFound.get', { itemId: item.id }, clerk.token)).verified).toBe(false);
    const claim = await test.fails(
      'lostFound.claim',
      { itemId: item.id, claimantName: '李某某', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, description: '黑色钱包', verified: true, ownerSignature: BLANK_SIGNATURE },
      clerk.token,
    );
    expect(claim.fields).toEqual({ ownerSignature: { key: 'validation.signatureBlank' } });
    expect((await test.ok('lostFound.get', { itemId: item.id }, clerk.token)).status).toBe('held');
  });

  it('never makes a second item when the same intake is submitted twice', async () => {
    const desk = await openDesk();
    const input = wallet(desk);
    const first = await desk.test.ok('lostFound.intake', input, desk.clerk.token);
    const again = await desk.test.ok('lostFound.intake', input, desk.clerk.token);
    expect(again.item.id).toBe(first.item.id);
    expect((await desk.test.ok('lostFound.search', {}, desk.clerk.token)).rows).toHaveLength(1);
  });

  it('is verified and counter-signed by another staff member, and can be moved, all in its history', async () => {
    const desk = await openDesk();
    const { test, clerk, second } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    expect(await test.fails('lostFound.verify', { itemId: item.id, signature: SIGNATURE }, clerk.token)).toMatchObject({
      fields: { itemId: { key: 'lostFound.errors.verifyBySomeoneElse' } },
    });
    test.clock.advance(MINUTE);
    const verified = await test.ok('lostFound.verify', { itemId: item.id, signature: SIGNATURE }, second.token);
    expect(verified).toMatchObject({ verified: true, verifiedBy: { id: second.id } });
    test.clock.advance(MINUTE);
    await test.ok('lostFound.move', { itemId: item.id, storageKind: 'shelf', storagePlace: 'A-3', note: '保险柜已满' }, clerk.token);
    const history = await test.ok('lostFound.history', { itemId: item.id }, clerk.token);
    expect(history.map((h) => [h.kind, h.staffName])).toEqual([
      ['intake', '张柜台'],
      ['verified', '李复核'],
      ['moved', '张柜台'],
    ]);
    expect(history[2]?.detail).toBe('safe S-01 → shelf A-3 (保险柜已满)');
  });

  it('announces an item over the PA with no private details, once', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    const clientRef = ref();
    const { pagingId } = await test.ok('lostFound.announce', { itemId: item.id, clientRef }, clerk.token);
    const [slip] = await test.ok('paging.queue', {}, clerk.token);
    expect(slip).toMatchObject({ id: pagingId, kind: 'lostProperty', source: 'lostFound', sourceRef: 'L20261129-0001' });
    expect(slip?.scriptZh).toBe('各位游客请注意，现在广播招领：工作人员在旋转木马排队区拾到黑色 Coach钱包。请失主凭有效证件到游客服务中心认领。谢谢！');
    // The English script names the category in English and the claim point in English.
    expect(slip?.scriptEn).toContain('黑色 Coach wallet');
    expect(slip?.scriptEn).toContain('the Visitor Service Center');
    for (const secret of ['身份证', '320', '全家福', '李某某', '银行卡']) expect(`${slip?.scriptZh} ${slip?.scriptEn}`).not.toContain(secret);
    const again = await test.ok('lostFound.announce', { itemId: item.id, clientRef }, clerk.token);
    expect(again.pagingId).toBe(pagingId);
    expect(await test.ok('paging.queue', {}, clerk.token)).toHaveLength(1);
    expect((await test.ok('lostFound.history', { itemId: item.id }, clerk.token)).map((h) => h.kind)).toEqual(['intake', 'announced']);
  });

  it('records each new announcement in the custody history, one open at a time, and a retried press only once', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    const first = await test.ok('lostFound.announce', { itemId: item.id, clientRef: ref() }, clerk.token);
    test.clock.advance(20 * MINUTE);
    // While its slip is open the room airs and repeats that one: a second press is refused and makes nothing.
    expect(await test.fails('lostFound.announce', { itemId: item.id, clientRef: ref() }, clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { itemId: { key: 'lostFound.errors.alreadyAnnounced', params: { itemNo: item.itemNo } } },
    });
    expect(await test.ok('paging.queue', {}, clerk.token)).toHaveLength(1);
    expect(first.item.announcing).toBe(true);
    await test.ok('paging.close', { id: first.pagingId, outcome: 'resolved', note: '已播报两次' }, clerk.token);
    expect((await test.ok('lostFound.get', { itemId: item.id }, clerk.token)).announcing).toBe(false);
    // The counter's screen picks a new clientRef after each announcement: once the first is closed, a second press is a second slip.
    const secondRef = ref();
    const second = await test.ok('lostFound.announce', { itemId: item.id, clientRef: secondRef }, clerk.token);
    expect(second.pagingId).not.toBe(first.pagingId);
    expect(second.item.pagingId).toBe(second.pagingId);
    const retried = await test.ok('lostFound.announce', { itemId: item.id, clientRef: secondRef }, clerk.token);
    expect(retried.pagingId).toBe(second.pagingId);
    const history = await test.ok('lostFound.history', { itemId: item.id }, clerk.token);
    expect(history.map((h) => [h.kind, h.detail])).toEqual([
      ['intake', 'safe S-01'],
      ['announced', `P${first.pagingId}`],
      ['announced', `P${second.pagingId}`],
    ]);
    expect(auditRows(test, 'lostFound.announce').map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ pagingId: first.pagingId }, { pagingId: second.pagingId }]);
    expect((await test.ok('paging.queue', {}, clerk.token)).map((slip) => slip.id)).toEqual([second.pagingId]);
    expect((await test.ok('lostFound.get', { itemId: item.id }, clerk.token)).pagingId).toBe(second.pagingId);
  });

  it('shows the hidden check details only on request, and audits each look', async () => {
    const desk = await openDesk();
    const { item } = await desk.test.ok('lostFound.intake', wallet(desk), desk.clerk.token);
    const hidden = await desk.test.ok('lostFound.hiddenDetails', { itemId: item.id }, desk.clerk.token);
    expect(hidden).toEqual({ hiddenDetails: '钱包内有一张全家福照片', contents: '身份证一张（李某某），银行卡两张', cashFen: 32_000 });
    expect(auditRows(desk.test, 'lostFound.reveal')).toHaveLength(1);
  });

  it('keeps the contents and the cash amount out of lostFound.get (by id and by number) and the intake answer: only the audited reveal has them', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const taken = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    const byId = await test.ok('lostFound.get', { itemId: taken.item.id }, clerk.token);
    const byNo = await test.ok('lostFound.get', { itemNo: taken.item.itemNo }, clerk.token);
    for (const answer of [taken.item, byId, byNo]) {
      expect(answer).not.toHaveProperty('contents');
      expect(answer).not.toHaveProperty('cashFen');
      const text = JSON.stringify(answer);
      for (const secret of ['银行卡', '李某某', '32000', '全家福']) expect(text).not.toContain(secret);
    }
    // Who counted is on the record; how much is not.
    expect(byId.cashCountedBy.map((staff) => staff?.name)).toEqual(['张柜台', '李复核']);
    // Reading the item is not a look at its secrets: nothing audited until the reveal.
    expect(auditRows(test, 'lostFound.reveal')).toHaveLength(0);
    // The finder's receipt still records the cash handed in.
    const receipt = test.core.db?.prepare<[number], { document: string }>('SELECT document FROM print_job WHERE id = ?').get(taken.intakeJobId);
    expect(receipt?.document).toContain('320.00');
  });
});

describe('lost reports and matching', () => {
  it('suggests the wallet for a visitor who lost a wallet there, with Chinese words, and links it once confirmed', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    await test.ok('lostFound.intake', wallet(desk, { category: 'phone', description: '白色苹果手机', colour: '白色', brand: 'Apple', foundPlace: '美食广场', cashFen: 0, secondCounter: undefined }), clerk.token);
    const report = await test.ok(
      'lostFound.reports.create',
      { clientRef: ref(), category: 'wallet', description: '黑色钱包，有身份证', colour: '黑色', lostPlace: '旋转木马', lostAt: test.clock.now() - HOUR, visitorName: '李某某', phone: '13812345678' },
      clerk.token,
    );
    expect(report).toMatchObject({ reportNo: 'LR20261129-0001', status: 'open' });
    const matches = await test.ok('lostFound.matches', { reportId: report.id }, clerk.token);
    expect(matches.map((m) => m.itemId)).toEqual([item.id]);
    expect(matches[0]).toMatchObject({ decision: 'suggested', reasons: ['category', 'place', 'time', 'words'], score: 6 });
    // Shown on the item's side too.
    expect((await test.ok('lostFound.matches', { itemId: item.id }, clerk.token)).map((m) => m.reportId)).toEqual([report.id]);

    const awaiting = async () => (await test.ok('lostFound.search', { status: 'awaitingClaim' }, clerk.token)).rows.map((row) => row.id);
    expect(await awaiting()).toEqual([]);
    const confirmed = await test.ok('lostFound.matches.decide', { reportId: report.id, itemId: item.id, decision: 'confirmed' }, clerk.token);
    // Confirmed: the item now waits for its owner to come with ID.
    expect(await awaiting()).toEqual([item.id]);
    expect(confirmed.decision).toBe('confirmed');
    expect((await test.ok('lostFound.reports.list', { status: 'open' }, clerk.token))[0]?.itemId).toBe(item.id);
    expect((await test.ok('lostFound.history', { itemId: item.id }, clerk.token)).map((h) => h.kind)).toContain('matched');
  });

  it('does not suggest a dismissed match again, nor an unrelated item', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk, { category: 'bag', description: '蓝色双肩背包', colour: '蓝色', brand: '', cashFen: 0, secondCounter: undefined, foundPlace: '过山车出口' }), clerk.token);
    const report = await test.ok(
      'lostFound.reports.create',
      { clientRef: ref(), category: 'bag', description: '蓝色背包', colour: '蓝色', lostPlace: '过山车', lostAt: test.clock.now() - HOUR, visitorName: 'Ann', phone: '+85291234567' },
      clerk.token,
    );
    const umbrella = await test.ok(
      'lostFound.reports.create',
      { clientRef: ref(), category: 'other', description: '红色雨伞', colour: '红色', lostPlace: '北门', lostAt: test.clock.now(), visitorName: 'Bo', phone: '13812345678' },
      clerk.token,
    );
    expect(await test.ok('lostFound.matches', { reportId: umbrella.id }, clerk.token)).toEqual([]);
    expect((await test.ok('lostFound.matches', { reportId: report.id }, clerk.token)).map((m) => m.itemId)).toEqual([item.id]);
    await test.ok('lostFound.matches.decide', { reportId: report.id, itemId: item.id, decision: 'dismissed' }, clerk.token);
    expect(await test.ok('lostFound.matches', { reportId: report.id }, clerk.token)).toEqual([]);
    expect((await test.ok('lostFound.search', { status: 'awaitingClaim' }, clerk.token)).rows).toEqual([]);
  });

  it('matches by words within the time window among years of records: the recent find, not the 200 oldest hits', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const now = test.clock.now();
    // Over two years, 210 backpacks with the same words were taken in (still held) and 210 visitors reported one lost.
    for (let n = 0; n < 210; n += 1) {
      await test.ok('lostFound.intake', wallet(desk, { category: 'other', description: '黑色双肩包 Nike', colour: '黑色', brand: 'Nike', foundPlace: '北门', foundAt: now - (60 + 3 * n) * DAY, cashFen: 0, secondCounter: undefined }), clerk.token);
      await test.ok(
        'lostFound.reports.create',
        { clientRef: ref(), category: 'other', description: '黑色双肩包 Nike', colour: '黑色', lostPlace: '北门', lostAt: now - (60 + 3 * n) * DAY, visitorName: '旧报告', phone: '13812345678' },
        clerk.token,
      );
    }
    // Today: a backpack found, and a visitor who lost one, each filed under another category than the other side.
    const { item } = await test.ok('lostFound.intake', wallet(desk, { category: 'bag', description: '黑色双肩包 Nike', colour: '黑色', brand: 'Nike', foundPlace: '过山车', cashFen: 0, secondCounter: undefined }), clerk.token);
    const report = await test.ok(
      'lostFound.reports.create',
      { clientRef: ref(), category: 'other', description: '黑色双肩包，Nike 的', colour: '黑色', lostPlace: '旋转木马', lostAt: now - HOUR, visitorName: 'Ann', phone: '+85291234567' },
      clerk.token,
    );
    const forReport = await test.ok('lostFound.matches', { reportId: report.id }, clerk.token);
    expect(forReport.map((m) => m.itemId)).toEqual([item.id]);
    expect(forReport[0]?.reasons).toEqual(['time', 'words']);
    const forItem = await test.ok('lostFound.matches', { itemId: item.id }, clerk.token);
    expect(forItem.map((m) => m.reportId)).toEqual([report.id]);
    // A confirmed match stays on both sides once the item has gone back to its owner.
    await test.ok('lostFound.matches.decide', { reportId: report.id, itemId: item.id, decision: 'confirmed' }, clerk.token);
    await test.ok(
      'lostFound.claim',
      { itemId: item.id, claimantName: 'Ann', phone: '+85291234567', identity: { idType: 'passport', idNumber: 'E1234567' }, description: 'black Nike backpack', verified: true, ownerSignature: SIGNATURE },
      clerk.token,
    );
    expect((await test.ok('lostFound.matches', { reportId: report.id }, clerk.token)).map((m) => [m.itemId, m.decision])).toEqual([[item.id, 'confirmed']]);
    expect((await test.ok('lostFound.matches', { itemId: item.id }, clerk.token)).map((m) => [m.reportId, m.decision])).toEqual([[report.id, 'confirmed']]);
  }, 60_000);

  it('finds items by number, two-character Chinese words, English, category and dates', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const a = (await test.ok('lostFound.intake', wallet(desk), clerk.token)).item;
    const b = (await test.ok('lostFound.intake', wallet(desk, { category: 'other', description: '红色儿童雨伞', colour: '红色', brand: '', cashFen: 0, secondCounter: undefined }), clerk.token)).item;
    const c = (await test.ok('lostFound.intake', wallet(desk, { category: 'phone', description: 'iPhone 15, black case', colour: 'black', brand: 'Apple', cashFen: 0, secondCounter: undefined }), clerk.token)).item;
    const ids = async (input: Input<'lostFound.search'>) => (await test.ok('lostFound.search', input, clerk.token)).rows.map((row) => row.id);
    expect(await ids({ query: '雨伞' })).toEqual([b.id]);
    expect(await ids({ query: '伞' })).toEqual([b.id]);
    expect(await ids({ query: '钱包' })).toEqual([a.id]);
    expect(await ids({ query: 'iphone' })).toEqual([c.id]);
    expect(await ids({ query: 'l20261129-0002' })).toEqual([b.id]);
    expect(await ids({ category: 'phone' })).toEqual([c.id]);
    expect(await ids({ from: '2026-11-30' })).toEqual([]);
    expect(await ids({ from: '2026-11-29', to: '2026-11-29' })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ query: '，。' })).toEqual([]);
  });

  it('indexes every item and report again at start when its search tokens are older than the app’s', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const shoe = (await test.ok('lostFound.intake', wallet(desk, { category: 'other', description: 'Nike运动鞋', colour: '白色', brand: '', cashFen: 0, secondCounter: undefined }), clerk.token)).item;
    const search = async (t: TestCore, token: string, query: string) => (await t.ok('lostFound.search', { query }, token)).rows.map((row) => row.id);
    expect(await search(test, clerk.token, 'nike')).toEqual([shoe.id]);
    // As an older version stored it: "nike运动鞋" as one run of two-character tokens, and no version.
    const db = test.core.db;
    db?.prepare('DELETE FROM lf_item_fts WHERE rowid = ?').run(shoe.id);
    db?.prepare("INSERT INTO lf_item_fts (rowid, words, chars) VALUES (?, 'ni ik ke e运 运动 动鞋 白色', '运 动 鞋 白 色')").run(shoe.id);
    db?.prepare('DELETE FROM search_index_version').run();
    expect(await search(test, clerk.token, 'nike')).toEqual([]);
    const restarted = test.reopen();
    const token = (await restarted.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    expect(await search(restarted, token, 'nike')).toEqual([shoe.id]);
    expect(await search(restarted, token, '运动鞋')).toEqual([shoe.id]);
    expect(restarted.core.db?.prepare('SELECT name, version FROM search_index_version').all()).toEqual([{ name: 'lostFound', version: SEARCH_TOKENS_VERSION }]);
  });
});

describe('claims', () => {
  it('returns an item to its owner with valid ID and a signature, prints the claim slip, and closes the matched report', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    const report = await test.ok(
      'lostFound.reports.create',
      { clientRef: ref(), category: 'wallet', description: '黑色钱包', colour: '黑色', lostPlace: '旋转木马', lostAt: test.clock.now() - HOUR, visitorName: '李某某', phone: '13812345678' },
      clerk.token,
    );
    await test.ok('lostFound.matches.decide', { reportId: report.id, itemId: item.id, decision: 'confirmed' }, clerk.token);
    const { pagingId } = await test.ok('lostFound.announce', { itemId: item.id, clientRef: ref() }, clerk.token);
    const claim: Input<'lostFound.claim'> = {
      itemId: item.id,
      claimantName: '李某某',
      phone: '13812345678',
      identity: { idType: 'resident', idNumber: '11010519491231002X' },
      description: '黑色Coach钱包，里面有我的身份证、两张银行卡和三百多元',
      answers: '有一张全家福',
      verified: true,
      verificationNote: '身份证与钱包内证件一致',
      ownerSignature: SIGNATURE,
    };
    expect(await test.fails('lostFound.claim', { ...claim, identity: { idType: 'resident', idNumber: '110105194912310021' } }, clerk.token)).toMatchObject({
      fields: { 'identity.idNumber': { key: 'validation.residentId' } },
    });
    expect(await test.fails('lostFound.claim', { ...claim, verified: false }, clerk.token)).toMatchObject({ fields: { verified: { key: 'validation.claimNotVerified' } } });
    // No ID shown: refused, naming the ID, with nothing recorded and nothing printed.
    const { identity: _identity, ...withoutId } = claim;
    const jobsBefore = test.core.db?.prepare<[], { n: number }>('SELECT count(*) AS n FROM print_job').get()?.n;
    const noId = await test.fails('lostFound.claim', withoutId, clerk.token);
    expect(noId).toMatchObject({ code: 'VALIDATION', fields: { identity: { key: 'validation.required' } } });
    expect(await test.fails('lostFound.claim', { ...claim, identity: { idType: 'passport', idNumber: '' } }, clerk.token)).toMatchObject({ code: 'VALIDATION', fields: { 'identity.idNumber': {} } });
    expect((await test.ok('lostFound.get', { itemId: item.id }, clerk.token))).toMatchObject({ status: 'held', claim: null });
    expect(test.core.db?.prepare<[], { n: number }>('SELECT count(*) AS n FROM lf_claim').get()?.n).toBe(0);
    expect(test.core.db?.prepare<[], { n: number }>('SELECT count(*) AS n FROM print_job').get()?.n).toBe(jobsBefore);
    expect(auditRows(test, 'lostFound.claim')).toHaveLength(0);
    expect((await test.ok('paging.queue', {}, clerk.token)).map((slip) => slip.id)).toEqual([pagingId]);
    const { item: returned, printJobId } = await test.ok('lostFound.claim', claim, clerk.token);
    // Its announcement leaves the broadcast room's queue: the owner has it.
    expect(await test.ok('paging.queue', {}, clerk.token)).toEqual([]);
    expect((await test.ok('paging.list', {}, clerk.token)).find((slip) => slip.id === pagingId)).toMatchObject({
      status: 'resolved',
      closedBy: { id: clerk.id },
      closeNote: '已由失主认领 · Returned to its owner',
    });
    expect(auditRows(test, 'paging.resolve').map((row) => row.entity_id)).toEqual([String(pagingId)]);
    expect((await test.ok('lostFound.search', { status: 'awaitingClaim' }, clerk.token)).rows).toEqual([]);
    expect(returned).toMatchObject({ status: 'returned', claim: { claimantName: '李某某', idMasked: '1101**********002X', staff: { id: clerk.id }, printJobId } });
    const slip = test.core.db?.prepare<[number], { document: string }>('SELECT document FROM print_job WHERE id = ?').get(printJobId);
    expect(slip?.document).toContain('1101**********002X');
    expect(slip?.document).not.toContain('11010519491231002X');
    expect((await test.ok('lostFound.reports.list', { status: 'found' }, clerk.token)).map((r) => r.id)).toEqual([report.id]);
    expect(await test.fails('lostFound.claim', claim, clerk.token)).toMatchObject({ code: 'CONFLICT', fields: { itemId: { key: 'lostFound.errors.alreadyReturned', params: { itemNo: item.itemNo } } } });
    expect((await test.ok('lostFound.history', { itemId: item.id }, clerk.token)).map((h) => h.kind)).toEqual(['intake', 'matched', 'announced', 'claimed']);
  });
});

describe('the record on file', () => {
  it('prints the item’s record complete and signed: intake, verification, the claim with valid ID, each signature as drawn, and no check details', async () => {
    const desk = await openDesk();
    const { test, clerk } = desk;
    const { item } = await test.ok('lostFound.intake', wallet(desk), clerk.token);
    // Before the claim: the finder's and the receiver's signatures, nothing verified or claimed yet.
    const early = await test.ok('lostFound.recordPdf', { itemId: item.id }, clerk.token);
    expect(early).toMatchObject({ fileName: `item-${item.itemNo}.pdf`, savedAs: `reports/lost-found/item-${item.itemNo}.pdf` });
    expect((await pdfImageCounts(Buffer.from(early.base64, 'base64'))).reduce((a, b) => a + b, 0)).toBe(2);
    expect((await pdfText(Buffer.from(early.base64, 'base64'))).join('\n')).toContain('尚未认领 Not claimed');

    await test.ok('lostFound.verify', { itemId: item.id, signature: SIGNATURE }, desk.second.token);
    await test.ok(
      'lostFound.claim',
      { itemId: item.id, claimantName: '李某某', phone: '13812345678', identity: { idType: 'resident', idNumber: '11010519491231002X' }, description: '黑色Coach钱包', answers: '有一张全家福', verified: true, verificationNote: '身份证与钱包内证件一致', ownerSignature: SIGNATURE },
      clerk.token,
    );
    const report = await test.ok('lostFound.recordPdf', { itemId: item.id }, clerk.token);
    const bytes = Buffer.from(report.base64, 'base64');
    expect(readFileSync(join(test.dir, 'reports', 'lost-found', `item-${item.itemNo}.pdf`)).equals(bytes)).toBe(true);
    // Four signatures as drawn, above their lines: the finder, the receiving and the verifying staff, the owner.
    expect((await pdfImageCounts(bytes)).reduce((a, b) => a + b, 0)).toBe(4);
    const text = (await pdfText(bytes)).join('\n');
    const lines = text.split('\n');
    expect(lines[0]).toBe('拾获物品登记及认领记录 Found property record');
    expect(text).toContain(`物品编号 Item no. ${item.itemNo} 状态 Status 已归还 Returned`);
    expect(lines).toContain('拾得人 Finder 接收人 Received by 复核人 Verified by');
    expect(lines).toContain('失主 Owner');
    for (const line of ['拾得人 Finder 赵保洁', '失主 Owner 李某某', '证件号码 ID number 1101**********002X', '核对说明 Verification note 身份证与钱包内证件一致']) {
      expect(lines, line).toContain(line);
    }
    for (const step of ['登记入库 Taken in', '复核 Verified', '李某某 1101**********002X 张柜台']) expect(text, step).toContain(step);
    // Where it was kept, in words as on screen, never as a stored code.
    expect(text).toMatch(/保险柜 Safe S-01/);
    expect(text).not.toMatch(/\bsafe S-01/);
    // What only the owner would know stays in ParkDesk.
    for (const secret of ['全家福', '银行卡', '320.00', '11010519491231002X']) expect(text, secret).not.toContain(secret);
    expect(auditRows(test, 'lostFound.recordPdf')).toHaveLength(2);
    // No such item: refused by name, nothing printed or kept.
    expect(await test.fails('lostFound.recordPdf', { itemId: 9999 }, clerk.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(auditRows(test, 'lostFound.recordPdf')).toHaveLength(2);
  });
});

describe('weekly handover to finance', () => {
  it('refuses an item still in its holding period, and hands over what is past it in one signed batch with a ledger', async () => {
    const desk = await openDesk();
    const { test, clerk, admin } = desk;
    await test.ok('lostFound.categories.save', { code: 'clothing', holdingDays: 7 }, admin);
    const coat = (await test.ok('lostFound.intake', wallet(desk, { category: 'clothing', description: '灰色外套', colour: '灰色', brand: '', cashFen: 0, secondCounter: undefined, storageKind: 'shelf', storagePlace: 'B-2' }), clerk.token)).item;
    const cash = (await test.ok('lostFound.intake', wallet(desk), clerk.token)).item;
    const swim = (
      await test.ok(
        'lostFound.intake',
        wallet(desk, { category: 'clothing', description: '儿童泳镜', colour: '粉色', brand: '', cashFen: 0, secondCounter: undefined, waterWorld: true, storageKind: 'bin', storagePlace: 'W-1' }),
        clerk.token,
      )
    ).item;
    // Water-world items are due after closing the same day.
    expect(swim.holdingUntil).toBe(Date.parse('2026-11-29T10:00:00Z'));
    const handover = (itemIds: number[]): Input<'lostFound.handover.create'> => ({ clientRef: ref(), itemIds, centerSignature: SIGNATURE, financeName: '计财部 周会计', financeSignature: SIGNATURE });
    expect(await test.fails('lostFound.handover.create', handover([coat.id]), clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { itemIds: { key: 'lostFound.errors.stillHolding', params: { itemNo: coat.itemNo } } },
    });

    await backAfter(desk, 9 * DAY);
    const due = await test.ok('lostFound.handover.due', {}, desk.clerk.token);
    expect(due.due.map((i) => i.id)).toEqual([swim.id, coat.id]);
    expect(due.overdue).toBe(1); // the water-world item was due by 6 December
    expect(await test.fails('lostFound.handover.create', handover([coat.id, cash.id]), desk.clerk.token)).toMatchObject({ fields: { itemIds: { key: 'lostFound.errors.stillHolding' } } });
    expect((await test.ok('lostFound.search', { status: 'held' }, desk.clerk.token)).rows).toHaveLength(3);

    // Not verified and counter-signed yet: refused, by number, nothing handed over.
    expect(await test.fails('lostFound.handover.create', handover([swim.id, coat.id]), desk.clerk.token)).toMatchObject({
      code: 'CONFLICT',
      fields: { itemIds: { key: 'lostFound.errors.notVerified', params: { itemNo: swim.itemNo } } },
    });
    expect((await test.ok('lostFound.search', { status: 'held' }, desk.clerk.token)).rows).toHaveLength(3);
    expect(due.due.map((i) => i.verified)).toEqual([false, false]);
    await test.ok('lostFound.verify', { itemId: swim.id, signature: SIGNATURE }, desk.second.token);
    expect(await test.fails('lostFound.handover.create', handover([swim.id, coat.id]), desk.clerk.token)).toMatchObject({
      fields: { itemIds: { key: 'lostFound.errors.notVerified', params: { itemNo: coat.itemNo } } },
    });
    await test.ok('lostFound.verify', { itemId: coat.id, signature: SIGNATURE }, desk.second.token);
    const { pagingId: coatSlip } = await test.ok('lostFound.announce', { itemId: coat.id, clientRef: ref() }, desk.clerk.token);
    const { pagingId: cashSlip } = await test.ok('lostFound.announce', { itemId: cash.id, clientRef: ref() }, desk.clerk.token);

    const { handover: batch, printJobId } = await test.ok('lostFound.handover.create', handover([coat.id, swim.id]), desk.clerk.token);
    // The handed-over coat is no longer announced; the wallet still on the shelf still is.
    expect((await test.ok('paging.queue', {}, desk.clerk.token)).map((slip) => slip.id)).toEqual([cashSlip]);
    expect((await test.ok('paging.list', {}, desk.clerk.token)).find((slip) => slip.id === coatSlip)).toMatchObject({ status: 'resolved', closeNote: '已移交财务（H20261208-0001） · Handed over to finance (H20261208-0001)' });
    expect(batch).toMatchObject({ batchNo: 'H20261208-0001', itemCount: 2, cashFen: 0, financeName: '计财部 周会计' });
    expect(printJobId).toBeGreaterThan(0);
    expect((await test.ok('lostFound.search', { status: 'held' }, desk.clerk.token)).rows.map((r) => r.id)).toEqual([cash.id]);
    expect(await test.fails('lostFound.claim', { itemId: coat.id, claimantName: 'x', phone: '13812345678', identity: { idType: 'passport', idNumber: 'E1234567' }, description: 'coat', verified: true, ownerSignature: SIGNATURE }, desk.clerk.token)).toMatchObject({
      fields: { itemId: { key: 'lostFound.errors.alreadyHandedOver' } },
    });

    const csv = await test.ok('lostFound.handover.csv', { batchId: batch.id }, desk.clerk.token);
    expect(csv.fileName).toBe('H20261208-0001.csv');
    expect(csv.csv.startsWith('\uFEFFbatch,item_no,category')).toBe(true);
    expect(csv.csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv.csv).toContain('灰色外套');

    const blankFinance = await test.fails('lostFound.handover.create', { ...handover([cash.id]), financeSignature: BLANK_SIGNATURE }, desk.clerk.token);
    expect(blankFinance.fields).toEqual({ financeSignature: { key: 'validation.signatureBlank' } });

    const pdf = await test.ok('lostFound.handover.pdf', { batchId: batch.id }, desk.clerk.token);
    // The center's and finance's signatures, as drawn at the handover, are printed above their lines.
    const images = await pdfImageCounts(Buffer.from(pdf.base64, 'base64'));
    expect(images.at(-1)).toBe(2);
    expect(images.slice(0, -1).every((count) => count === 0)).toBe(true);
    const text = (await pdfText(Buffer.from(pdf.base64, 'base64'))).join('\n');
    expect(text).toContain('失物招领移交计财部');
    expect(text).toContain('台帐及移交清单');
    expect(text).toContain('H20261208-0001');
    expect(text).toContain(coat.itemNo);
    expect(text).toContain(swim.itemNo);
    expect(text).toContain('计财部 周会计');
    expect(text).not.toContain(cash.itemNo);
    expect((await test.ok('lostFound.history', { itemId: coat.id }, desk.clerk.token)).map((h) => h.kind)).toEqual(['intake', 'verified', 'announced', 'handedOver']);
    const summary = await test.ok('lostFound.summary', {}, desk.clerk.token);
    expect(summary).toMatchObject({ held: 1, receivedToday: 0, overdue: 0 });
  });

  it('writes cash as people read it on the ledger (1,250.00) and as a program reads it in the CSV (1250.00)', async () => {
    const desk = await openDesk();
    const { test, admin } = desk;
    await test.ok('lostFound.categories.save', { code: 'wallet', holdingDays: 1 }, admin);
    // What the finder or the clerk typed is never run as a formula in finance's spreadsheet.
    const cash = (await test.ok('lostFound.intake', wallet(desk, { cashFen: 125_000, description: '=HYPERLINK("http://x.example","钱包")', finderName: '@赵保洁' }), desk.clerk.token)).item;
    await backAfter(desk, 3 * DAY);
    await test.ok('lostFound.verify', { itemId: cash.id, signature: SIGNATURE }, desk.second.token);
    const { handover: batch } = await test.ok(
      'lostFound.handover.create',
      { clientRef: ref(), itemIds: [cash.id], centerSignature: SIGNATURE, financeName: '计财部 周会计', financeSignature: SIGNATURE },
      desk.clerk.token,
    );
    expect(batch.cashFen).toBe(125_000);
    const csv = (await test.ok('lostFound.handover.csv', { batchId: batch.id }, desk.clerk.token)).csv;
    expect(csv.split('\r\n')[1]?.endsWith(',1250.00')).toBe(true);
    expect(csv.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""http://x.example"",""钱包"")",`);
    expect(csv.split('\r\n')[1]).toContain(",'@赵保洁,");
    const text = (await pdfText(Buffer.from((await test.ok('lostFound.handover.pdf', { batchId: batch.id }, desk.clerk.token)).base64, 'base64'))).join('\n');
    expect(text).toContain('1,250.00');
  });
});
