import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printingMethods } from '@shared/contract/printing';
import { layoutDocument, lineWidth } from '@shared/printing/layout';
import { DEFAULT_PRINTER_SETTINGS, columnsFor, type PrinterSettings } from '@shared/printing/settings';
import { SessionStore } from '../../electron/core/auth/sessions';
import { ManualClock } from '../../electron/core/clock';
import { LAN_OFF, type AuditEntry, type CallContext, type Services } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/open';
import { AppError } from '../../electron/core/errors';
import { printingHandlers, testPrintDocument } from '../../electron/core/printing/handlers';
import { enqueuePrint, getJob } from '../../electron/core/printing/outbox';
import { createPrintWorker } from '../../electron/core/printing/worker';
import { MORNING, tempDir } from '../support/core';
import { sampleReceipt } from '../support/virtualPrinter';
import { Presence } from '../../electron/core/auth/presence';

/**
 * The printer.* handlers on a real database, called as the dispatcher calls them (writes inside an
 * immediate transaction), with a call context that records audit rows and events.
 */
function setup() {
  const dir = tempDir();
  const db = openDatabase({ file: join(dir, 'parkdesk.sqlite') });
  const clock = new ManualClock(MORNING);
  const staffId = Number(
    db
      .prepare("INSERT INTO staff (code, name, role, pin_hash, created_at, updated_at) VALUES ('M1', '王经理', 'manager', 'x', 0, 0)")
      .run().lastInsertRowid,
  );
  const setting = db.prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, 0)');
  setting.run('parkName', JSON.stringify('阳光水世界'));
  setting.run('timeZone', JSON.stringify('Asia/Shanghai'));
  const state: { printer: PrinterSettings } = { printer: { ...DEFAULT_PRINTER_SETTINGS } };
  const services: Services = { db, clock, sessions: new SessionStore(db, clock.now(), () => 600_000), dataDir: dir, version: 'test', gate: { restoring: false }, lan: { ...LAN_OFF }, presence: new Presence(() => undefined) };
  const worker = createPrintWorker({ db, clock, dataDir: dir, readPrinterSettings: () => state.printer, timeZone: () => 'Asia/Shanghai' });
  const handlers = printingHandlers(services, worker);
  const audits: AuditEntry[] = [];
  const events: Array<{ name: string; payload: unknown }> = [];
  const ctx: CallContext = {
    now: clock.now(),
    actor: { id: staffId, name: '王经理', role: 'manager' },
    token: null,
    origin: 'test',
    stationId: null,
    audit: (entry) => audits.push(entry),
    emit: (name, payload) => events.push({ name, payload }),
  };
  /** A write as the dispatcher runs it: in one immediate transaction, synchronously. */
  const write = <T>(run: () => T | Promise<T>): T => {
    const value = db.transaction(run).immediate();
    if (value instanceof Promise) throw new Error('a write handler returned a promise');
    return value;
  };
  /** A read, awaited like the dispatcher does. */
  const read = async <T>(run: () => T | Promise<T>): Promise<T> => run();
  return { dir, db, clock, state, worker, handlers, audits, events, ctx, write, read, staffId };
}

describe('printer.* handlers', () => {
  it('print a bilingual test page with the park name, audited, announced and kept by the preview printer', async () => {
    const { dir, db, handlers, ctx, write, audits, events, worker, staffId } = setup();
    const result = write(() => handlers['printer.testPrint']({}, ctx));
    expect(printingMethods['printer.testPrint'].output.parse(result)).toEqual(result);
    expect(getJob(db, result.jobId)).toMatchObject({ kind: 'printer.test', ref: 'TEST', status: 'queued', created_by: staffId });
    expect(audits).toEqual([
      { action: 'printer.testPrint', entity: 'print_job', entityId: result.jobId, detail: { connection: 'preview', type: 'EPSON', paperWidth: 80 } },
    ]);
    expect(events).toEqual([{ name: 'printer.changed', payload: { state: 'preview', waiting: 1, failed: 0 } }]);

    await worker.runOnce();
    const folder = join(dir, 'printouts', '2026-11-29');
    expect(readdirSync(folder)).toContain(`${result.jobId}-TEST.txt`);
    const text = readFileSync(join(folder, `${result.jobId}-TEST.txt`), 'utf8');
    for (const expected of ['阳光水世界', '打印测试 Test print', '打印机 Printer', 'EPSON', '80 mm / 48', '2026-11-29 10:00', '￥500.00', '伍佰元整', '[QR: PARKDESK-TEST]', 'TEST-0001']) {
      expect(text).toContain(expected);
    }
    const flowing = text.replace(/\s*\n\s*/g, ' ');
    expect(flowing).toContain('如果每行都完整、条码都能扫出，打印机即可使用。');
    expect(flowing).toContain('If every line fits and the codes scan, the printer is ready.');
  });

  it('lay the test page out within the paper on 58 and 80 mm, Chinese on and off', () => {
    for (const paperWidth of [58, 80] as const) {
      for (const chinese of [true, false]) {
        const settings: PrinterSettings = { ...DEFAULT_PRINTER_SETTINGS, paperWidth, chinese, connection: { kind: 'tcp', host: '192.168.100.200', port: 9100 } };
        const columns = columnsFor(paperWidth);
        const lines = layoutDocument(testPrintDocument({ parkName: '阳光水世界欢乐谷主题乐园', settings, now: MORNING, timeZone: 'Asia/Shanghai' }), { columns, chinese });
        for (const line of lines) if (line.kind === 'text') expect(lineWidth(line), line.text).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('list printouts, show one as it prints, and tell the printer state', async () => {
    const { db, handlers, ctx, clock, read } = setup();
    const a = enqueuePrint(db, { document: sampleReceipt('R-1'), createdBy: null, now: clock.now() });
    const b = enqueuePrint(db, { document: sampleReceipt('R-2'), createdBy: null, now: clock.now() });
    const jobs = await read(() => handlers['printer.jobs']({ limit: 50 }, ctx));
    expect(printingMethods['printer.jobs'].output.parse(jobs)).toEqual(jobs);
    expect(jobs.map((job) => job.id)).toEqual([b, a]);
    expect(await read(() => handlers['printer.jobs']({ limit: 50, ref: 'R-1' }, ctx))).toEqual([
      { id: a, kind: 'deposit-receipt', ref: 'R-1', copy: 0, status: 'queued', attempts: 0, lastError: null, nextAttemptAt: MORNING, createdAt: MORNING, printedAt: null, dismissedAt: null },
    ]);
    const preview = await read(() => handlers['printer.preview']({ jobId: a }, ctx));
    expect(printingMethods['printer.preview'].output.parse(preview)).toEqual(preview);
    expect(preview).toEqual({ document: sampleReceipt('R-1'), copy: 0, paperWidth: 80, chinese: true });
    expect(await read(() => handlers['printer.status']({}, ctx))).toEqual({ state: 'preview', waiting: 2, failed: 0 });
    await expect(read(() => handlers['printer.preview']({ jobId: 999 }, ctx))).rejects.toThrow(AppError);
  });

  it('sets a failed printout aside, once, and only a failed one; the status stops counting it', async () => {
    const { db, handlers, ctx, write, worker, audits, clock } = setup();
    const good = enqueuePrint(db, { document: sampleReceipt('R-1'), createdBy: null, now: clock.now() });
    db.prepare("INSERT INTO print_job (kind, ref, document, next_attempt_at, created_at) VALUES ('deposit-receipt', 'R-BAD', '{\"kind\":\"x\",\"blocks\":[]}', ?, ?)").run(clock.now(), clock.now());
    await worker.runOnce();
    const bad = db.prepare<[], { id: number }>("SELECT id FROM print_job WHERE ref = 'R-BAD'").get()?.id ?? 0;
    expect(worker.status()).toMatchObject({ waiting: 0, failed: 1 });
    expect(() => write(() => handlers['printer.dismiss']({ jobId: good }, ctx))).toThrow(/printer.errors.notFailed/);
    const dismissed = write(() => handlers['printer.dismiss']({ jobId: bad }, ctx));
    expect(dismissed).toMatchObject({ id: bad, status: 'failed', lastError: 'render: ZodError', dismissedAt: clock.now() });
    expect(worker.status()).toMatchObject({ failed: 0 });
    expect(audits.at(-1)).toMatchObject({ action: 'printer.dismiss', entityId: bad });
    expect(() => write(() => handlers['printer.dismiss']({ jobId: bad }, ctx))).toThrow(/printer.errors.alreadyDismissed/);
  });

  it('reprint once printed, as copy 1, 2 … of the original, and refuse while the printout still waits', async () => {
    const { db, handlers, ctx, write, read, worker, audits, events, clock } = setup();
    const original = enqueuePrint(db, { document: sampleReceipt('R-7'), createdBy: null, now: clock.now() });
    let refusal: unknown;
    try {
      write(() => handlers['printer.reprint']({ jobId: original }, ctx));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).toBody()).toEqual({ code: 'CONFLICT', message: 'printer.errors.stillWaiting' });

    await worker.runOnce();
    const first = write(() => handlers['printer.reprint']({ jobId: original }, ctx));
    expect(audits).toEqual([{ action: 'printer.reprint', entity: 'print_job', entityId: first.jobId, detail: { of: original, copy: 1, kind: 'deposit-receipt', ref: 'R-7' } }]);
    expect(events).toEqual([{ name: 'printer.changed', payload: { state: 'preview', waiting: 1, failed: 0 } }]);
    expect(await read(() => handlers['printer.preview']({ jobId: first.jobId }, ctx))).toMatchObject({ copy: 1 });

    await worker.runOnce();
    const second = write(() => handlers['printer.reprint']({ jobId: first.jobId }, ctx));
    expect(getJob(db, second.jobId)).toMatchObject({ copy: 2, reprint_of: original });
    expect(() => write(() => handlers['printer.reprint']({ jobId: 12345 }, ctx))).toThrow(/NOT_FOUND/);
  });
});
