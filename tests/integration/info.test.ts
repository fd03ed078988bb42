import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '@shared/contract';
import { DEFAULT_PRINTER_SETTINGS } from '@shared/printing/settings';
import { DAY } from '@shared/rules/time';
import { createPrintWorker } from '../../electron/core/printing/worker';
import { addStaff, auditRows, makeCore, setUpPark, type TestCore } from '../support/core';
import { VirtualPrinter } from '../support/virtualPrinter';

const printers: VirtualPrinter[] = [];
afterEach(async () => {
  while (printers.length) await printers.pop()?.stop();
});

interface Desk {
  test: TestCore;
  admin: string;
  clerk: { id: number; token: string };
}

async function openDesk(): Promise<Desk> {
  const test = makeCore();
  const admin = await setUpPark(test);
  await test.ok('settings.update', { idleSignOutMinutes: 240 }, admin);
  const clerk = await addStaff(test, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1357' });
  return { test, admin, clerk };
}

const BUS: Input<'info.save'> = {
  topic: 'transport',
  titleZh: '公交线路',
  titleEn: 'Buses',
  bodyZh: '园区北门有 12 路、35 路公交，开往市中心和火车站，末班车 21:00。{{parkName}}南门有出租车候车点。',
  bodyEn: 'Buses 12 and 35 stop at the north gate for the city centre and the railway station; the last bus leaves at 21:00. Taxis wait at the south gate of {{parkName}}.',
};

const count = (test: TestCore, sql: string) => test.core.db?.prepare<[], { n: number }>(sql).get()?.n ?? -1;

describe('the information desk', () => {
  it('starts with the park’s hours and services filled from the settings, and maps and sewing kits to hand out', async () => {
    const { test, clerk } = await openDesk();
    const { entries, today } = await test.ok('info.list', {}, clerk.token);
    expect(entries.map((entry) => [entry.topic, entry.titleEn])).toEqual([
      ['park', 'Opening hours'],
      ['park', 'Visitor service center'],
    ]);
    expect(entries[0]?.shownZh).toBe('阳光水世界每日 09:00 开园，18:00 闭园。节假日及活动日时间以园区公告为准。');
    expect(entries[0]?.shownEn).toContain('is open daily from 09:00 to 18:00');
    expect(entries[0]?.bodyZh).toContain('{{openingTime}}');
    expect(today).toMatchObject({ total: 0, printed: 0, byTopic: { transport: 0, tourist: 0, park: 0, other: 0 } });
    const board = await test.ok('rentals.board', {}, clerk.token);
    expect(board.types.filter((type) => type.handOut).map((type) => [type.code, type.nameZh, type.depositFen])).toEqual([
      ['park-map', '园区地图', 0],
      ['sewing-kit', '针线包', 0],
    ]);
  });

  it('lets a manager add, edit and remove answers, audited; a counter clerk may not; bad input changes nothing', async () => {
    const { test, admin, clerk } = await openDesk();
    expect(await test.fails('info.save', BUS, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await test.fails('info.save', { ...BUS, titleZh: ' ', bodyEn: 'x'.repeat(1601) }, admin)).toMatchObject({ code: 'VALIDATION', fields: { titleZh: {}, bodyEn: {} } });
    expect(count(test, 'SELECT count(*) AS n FROM info_entry')).toBe(2);

    const bus = await test.ok('info.save', BUS, admin);
    expect(bus).toMatchObject({ topic: 'transport', titleZh: '公交线路', shownEn: expect.stringContaining('south gate of 阳光水世界') as string, updatedBy: { name: '王经理' } });
    expect(JSON.parse(auditRows(test, 'info.add')[0]?.detail ?? '{}')).toEqual({ topic: 'transport', titleZh: '公交线路', titleEn: 'Buses' });

    const edited = await test.ok('info.save', { ...BUS, id: bus.id, titleEn: 'Buses and taxis' }, admin);
    expect(edited.titleEn).toBe('Buses and taxis');
    expect(JSON.parse(auditRows(test, 'info.edit')[0]?.detail ?? '{}')).toEqual({ titleZh: '公交线路', changed: ['titleEn'] });
    // The same text again is no edit.
    await test.ok('info.save', { ...BUS, id: bus.id, titleEn: 'Buses and taxis' }, admin);
    expect(auditRows(test, 'info.edit')).toHaveLength(1);

    await test.ok('info.remove', { id: bus.id }, admin);
    expect((await test.ok('info.list', {}, clerk.token)).entries.map((entry) => entry.id)).not.toContain(bus.id);
    expect(await test.fails('info.save', { ...BUS, id: bus.id }, admin)).toMatchObject({ code: 'NOT_FOUND', fields: { id: { key: 'info.errors.notFound' } } });
    expect(await test.fails('info.remove', { id: 9999 }, admin)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds an answer by a word of either language, and narrows by topic', async () => {
    const { test, admin, clerk } = await openDesk();
    await test.ok('info.save', BUS, admin);
    await test.ok('info.save', { topic: 'tourist', titleZh: '周边景点', titleEn: 'Nearby sights', bodyZh: '古镇距园区 5 公里，可乘 35 路公交。', bodyEn: 'The old town is 5 km away, by bus 35.' }, admin);
    const titles = async (input: Input<'info.list'>) => (await test.ok('info.list', input, clerk.token)).entries.map((entry) => entry.titleZh);
    expect(await titles({ query: '出租车' })).toEqual(['公交线路']);
    expect(await titles({ query: 'taxi' })).toEqual(['公交线路']);
    expect(await titles({ query: '35' })).toEqual(['公交线路', '周边景点']);
    expect(await titles({ query: '35', topic: 'tourist' })).toEqual(['周边景点']);
    expect(await titles({ query: '100%' })).toEqual([]);
    expect(await titles({ topic: 'park' })).toEqual(['开放时间', '游客服务中心']);
  });

  it('counts each enquiry answered for the day, with an answer or by its topic alone, and starts afresh the next day', async () => {
    const { test, admin, clerk } = await openDesk();
    const bus = await test.ok('info.save', BUS, admin);
    await test.ok('info.enquiry', { entryId: bus.id }, clerk.token);
    await test.ok('info.enquiry', { entryId: bus.id }, clerk.token);
    const tally = await test.ok('info.enquiry', { topic: 'tourist' }, clerk.token);
    expect(tally).toMatchObject({ date: '2026-11-29', total: 3, printed: 0, byTopic: { transport: 2, tourist: 1, park: 0, other: 0 } });
    expect((await test.ok('info.list', {}, clerk.token)).entries.find((entry) => entry.id === bus.id)?.today).toBe(2);
    // Neither an answer nor a topic, an answer and another topic, an answer that is not there: refused, nothing counted.
    expect(await test.fails('info.enquiry', {}, clerk.token)).toMatchObject({ code: 'VALIDATION', fields: { topic: { key: 'validation.required' } } });
    expect(await test.fails('info.enquiry', { entryId: bus.id, topic: 'park' }, clerk.token)).toMatchObject({ fields: { topic: { key: 'info.errors.otherTopic' } } });
    expect(await test.fails('info.enquiry', { entryId: 9999 }, clerk.token)).toMatchObject({ code: 'NOT_FOUND', fields: { entryId: { key: 'info.errors.notFound' } } });
    expect(count(test, 'SELECT count(*) AS n FROM info_enquiry')).toBe(3);

    // A removed answer keeps its day's enquiries counted.
    await test.ok('info.remove', { id: bus.id }, admin);
    expect((await test.ok('info.list', {}, clerk.token)).today.total).toBe(3);
    test.clock.advance(DAY);
    const token = (await test.ok('auth.signIn', { staffId: clerk.id, pin: '1357' })).token;
    expect((await test.ok('info.list', {}, token)).today).toMatchObject({ date: '2026-11-30', total: 0 });
  });

  it('prints an answer for the visitor in their language on the receipt printer, and counts it', async () => {
    const { test, admin, clerk } = await openDesk();
    const bus = await test.ok('info.save', BUS, admin);
    const english = await test.ok('info.print', { entryId: bus.id, language: 'en' }, clerk.token);
    expect(english.today).toMatchObject({ total: 1, printed: 1, byTopic: { transport: 1 } });
    const both = await test.ok('info.print', { entryId: bus.id, language: 'both' }, clerk.token);
    expect(JSON.parse(auditRows(test, 'info.print')[0]?.detail ?? '{}')).toEqual({ language: 'en', printJobId: english.printJobId });
    expect(await test.fails('info.print', { entryId: bus.id, language: 'fr' } as unknown as Input<'info.print'>, clerk.token)).toMatchObject({ code: 'VALIDATION' });

    const printer = await VirtualPrinter.start();
    printers.push(printer);
    const db = test.core.db;
    if (!db) throw new Error('no database');
    const worker = createPrintWorker({
      db,
      clock: test.clock,
      dataDir: test.dir,
      readPrinterSettings: () => ({ ...DEFAULT_PRINTER_SETTINGS, paperWidth: 58, connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port } }),
      timeZone: () => 'Asia/Shanghai',
      onChange: () => undefined,
    });
    await worker.runOnce();
    await worker.runOnce();
    expect(printer.errors).toEqual([]);
    const [first, second] = printer.jobs;
    const text = (job: typeof first) => (job?.lines ?? []).map((line) => line.text).join('\n');
    expect(text(first)).toContain('Buses');
    expect(text(first)).toContain('railway station');
    expect(text(first)).not.toContain('公交线路');
    expect(text(first)).toContain('Visitor service center');
    expect(text(second)).toContain('公交线路');
    expect(text(second)).toContain('末班车 21:00');
    expect(text(second)).toContain('Buses');
    for (const line of [...(first?.lines ?? []), ...(second?.lines ?? [])]) expect(line.columns, line.text).toBeLessThanOrEqual(32);
    expect(first?.lines.find((line) => line.text === 'Buses')).toMatchObject({ bold: true, size: 'tall' });
    expect(both.printJobId).toBeGreaterThan(english.printJobId);
  });
});
