import type { printingMethods } from '@shared/contract/printing';
import { translator } from '@shared/i18n';
import { onScreen, type PrintDocument } from '@shared/printing/document';
import { columnsFor, type PrinterSettings } from '@shared/printing/settings';
import { chineseCapital, formatYuan } from '@shared/rules/money';
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import { actorOf, type HandlersFor, type Services } from '../context';
import { checkPinOf } from '../auth/pinCheck';
import { AppError, fieldError } from '../errors';
import { isVoucherOnPaper } from '../rentals/store';
import { readSettings } from '../settings/store';
import { enqueuePrint, getJob, listJobs, reprint, storedDocument, toJobView } from './outbox';
import type { PrintWorker } from './worker';

function connectionText(settings: PrinterSettings): string {
  const { connection } = settings;
  switch (connection.kind) {
    case 'preview':
      return 'preview';
    case 'tcp':
      return `tcp ${connection.host}:${connection.port}`;
    case 'os':
      return `os ${connection.name}`;
    case 'device':
      return `device ${connection.path}`;
  }
}

/**
 * The test page: every line in Chinese and English, with what a receipt needs to come out right
 * (a double-size title, label/value pairs, Chinese and money, the 大写 amount, a QR code and a
 * barcode), so one sheet shows whether the printer, paper width and Chinese mode are set up well.
 */
export function testPrintDocument(options: { parkName: string; settings: PrinterSettings; now: number; timeZone: string }): PrintDocument {
  const { settings } = options;
  const zh = translator('zh-CN');
  const en = translator('en');
  const both = (key: Parameters<typeof zh>[0], params?: Record<string, string | number>) => `${zh(key, params)} ${en(key, params)}`;
  const onOff = settings.chinese ? 'printer.testPage.on' : 'printer.testPage.off';
  const columns = columnsFor(settings.paperWidth);
  const time = format(options.now, 'yyyy-MM-dd HH:mm', { in: tz(options.timeZone) });
  const deposit = 50_000;
  return {
    kind: 'printer.test',
    ref: 'TEST',
    blocks: [
      { type: 'text', text: options.parkName, align: 'center', bold: true, size: 'double' },
      { type: 'text', text: both('printer.testPage.title'), align: 'center', bold: true },
      { type: 'rule', char: '=' },
      { type: 'pair', left: both('printer.testPage.printer'), right: settings.type },
      { type: 'pair', left: both('printer.testPage.paper'), right: `${settings.paperWidth} mm / ${columns}` },
      { type: 'pair', left: both('printer.testPage.connection'), right: connectionText(settings) },
      { type: 'pair', left: both('printer.testPage.chinese'), right: `${zh(onOff)} / ${en(onOff)}` },
      { type: 'pair', left: both('printer.testPage.time'), right: time },
      { type: 'rule' },
      { type: 'text', text: `${both('printer.testPage.sample')}: 中文测试，ABC abc 0123456789 —— ￥·°×` },
      { type: 'pair', left: both('printer.testPage.deposit'), right: `￥${formatYuan(deposit)}`, bold: true },
      { type: 'text', text: chineseCapital(deposit), align: 'right' },
      { type: 'text', text: '1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns) },
      { type: 'text', text: '中'.repeat(columns / 2) },
      { type: 'rule' },
      { type: 'text', text: both('printer.testPage.scan'), align: 'center' },
      { type: 'qr', data: 'PARKDESK-TEST' },
      { type: 'barcode', data: 'TEST-0001' },
      { type: 'feed', lines: 1 },
      { type: 'text', text: zh('printer.testPage.end'), align: 'center' },
      { type: 'text', text: en('printer.testPage.end'), align: 'center' },
      { type: 'cut' },
    ],
  };
}

/** The `printer.*` methods over the outbox and the worker. */
export function printingHandlers(services: Services, worker: PrintWorker): HandlersFor<keyof typeof printingMethods> {
  const { db } = services;
  return {
    'printer.status': () => worker.status(),

    'printer.jobs': (input) => listJobs(db, input),

    'printer.reprint': (input, ctx) => {
      const actor = actorOf(ctx);
      // The manager's PIN first, on its own: a wrong one is counted even though nothing is printed.
      const approvedBy = input.approval && isVoucherOnPaper(db, input.jobId) ? checkPinOf(services, ctx, input.approval, 'approval', true).id : null;
      const jobId = db
        .transaction(() => {
          // Asked again inside the write: the first copy may have printed since.
          if (approvedBy === null && isVoucherOnPaper(db, input.jobId)) throw fieldError('FORBIDDEN', 'approval', 'printer.errors.voucherReprint');
          const id = reprint(db, input.jobId, actor.id, ctx.now);
          const job = getJob(db, id);
          ctx.audit({
            action: 'printer.reprint',
            entity: 'print_job',
            entityId: id,
            detail: { of: input.jobId, copy: job?.copy, kind: job?.kind, ref: job?.ref, ...(approvedBy === null ? {} : { approvedBy }) },
          });
          return id;
        })
        .immediate();
      ctx.emit('printer.changed', worker.status());
      worker.kick();
      return { jobId };
    },

    'printer.dismiss': (input, ctx) => {
      const job = getJob(db, input.jobId);
      if (!job) throw new AppError('NOT_FOUND', 'printer.errors.jobNotFound');
      if (job.status !== 'failed') throw new AppError('CONFLICT', 'printer.errors.notFailed');
      if (job.dismissed_at !== null) throw new AppError('CONFLICT', 'printer.errors.alreadyDismissed');
      db.prepare('UPDATE print_job SET dismissed_at = ?, dismissed_by = ? WHERE id = ?').run(ctx.now, actorOf(ctx).id, job.id);
      ctx.audit({ action: 'printer.dismiss', entity: 'print_job', entityId: job.id, detail: { kind: job.kind, ref: job.ref, error: job.last_error } });
      ctx.emit('printer.changed', worker.status());
      const after = getJob(db, job.id);
      if (!after) throw new Error('the printout vanished');
      return toJobView(after);
    },

    'printer.testPrint': (_input, ctx) => {
      const park = readSettings(db);
      const settings = worker.settings();
      const document = testPrintDocument({ parkName: park.parkName, settings, now: ctx.now, timeZone: park.timeZone });
      const jobId = enqueuePrint(db, { document, createdBy: actorOf(ctx).id, now: ctx.now });
      ctx.audit({ action: 'printer.testPrint', entity: 'print_job', entityId: jobId, detail: { connection: settings.connection.kind, type: settings.type, paperWidth: settings.paperWidth } });
      ctx.emit('printer.changed', worker.status());
      worker.kick();
      return { jobId };
    },

    'printer.preview': (input) => {
      const job = getJob(db, input.jobId);
      if (!job) throw new AppError('NOT_FOUND', 'printer.errors.jobNotFound');
      const settings = worker.settings();
      // What is for the paper only (a deposit receipt's check code) stays off the screen.
      const document = onScreen(storedDocument(job));
      return { document, copy: job.copy, paperWidth: settings.paperWidth, chinese: settings.chinese };
    },
  };
}
