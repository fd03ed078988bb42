import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayChecklist, type DayChecklist, type dayCloseMethods } from '@shared/contract';
import { formatYuan } from '@shared/rules/money';
import { parkDate } from '@shared/rules/time';
import { checkStaffPin } from '../auth/pinCheck';
import { actorOf, type CallContext, type HandlersFor, type Reader, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { backupFolder, listBackups } from '../maintenance/backups';
import type { Maintenance } from '../maintenance/jobs';
import { renderReportPdf } from '../pdf/render';
import { readSettings } from '../settings/store';
import { cashRows, composeChecklist } from './checklist';
import { dayReport } from './report';
import { writeFileWhole } from '../files';

interface ClosedRow {
  park_date: string;
  closed_at: number;
  closed_by: number;
  closed_by_name: string;
  remarks: string;
  snapshot: string;
  report_file: string;
  backup_name: string | null;
}

export const REPORTS_DIR = 'reports';

export function dayCloseHandlers(services: Services, read: Reader, jobs: Maintenance): HandlersFor<keyof typeof dayCloseMethods> {
  const { db } = services;
  const reportsDir = join(services.dataDir, REPORTS_DIR);

  const today = (now: number) => parkDate(now, readSettings(db).timeZone);
  const closedRow = (date: string) =>
    db
      .prepare<[string], ClosedRow>(
        `SELECT d.park_date, d.closed_at, d.closed_by, s.name AS closed_by_name, d.remarks, d.snapshot, d.report_file, d.backup_name
         FROM day_close d JOIN staff s ON s.id = d.closed_by WHERE d.park_date = ?`,
      )
      .get(date);

  /** A closed day answers its snapshot: fixed as it was closed (lists added since read empty on days closed before). */
  const fromSnapshot = (row: ClosedRow): DayChecklist =>
    dayChecklist.parse({
      ...(JSON.parse(row.snapshot) as object),
      closed: { at: row.closed_at, by: { id: row.closed_by, name: row.closed_by_name }, remarks: row.remarks, reportFile: row.report_file, backupName: row.backup_name },
    });

  const lastBackupAt = () => listBackups(backupFolder(db, services.dataDir)).find((row) => row.reason !== 'beforeRestore')?.at ?? null;

  const notFuture = (date: string, now: number) => {
    if (date > today(now)) throw fieldError('VALIDATION', 'date', 'dayClose.errors.future', { date });
  };

  const checklist = async (date: string, ctx: CallContext) => {
    const closed = closedRow(date);
    return closed ? fromSnapshot(closed) : composeChecklist(db, read, ctx, date, lastBackupAt());
  };

  return {
    'dayClose.checklist': (input, ctx) => {
      const date = input.date ?? today(ctx.now);
      notFuture(date, ctx.now);
      return checklist(date, ctx);
    },

    'dayClose.cash': async (input, ctx) => {
      const date = input.date ?? today(ctx.now);
      notFuture(date, ctx.now);
      const cash = await read('rentals.cash', { date }, ctx);
      return { date, closed: closedRow(date) !== undefined, rows: cashRows(db, date, new Map(cash.rows.map((row) => [row.payment, row.expectedFen]))) };
    },

    'dayClose.countCash': async (input, ctx) => {
      notFuture(input.date, ctx.now);
      if (closedRow(input.date)) throw fieldError('CONFLICT', 'date', 'dayClose.errors.alreadyClosed', { date: input.date });
      // The expected figure is the rentals' own (taken − refunded − kept), as the cash screen shows it.
      const cash = await read('rentals.cash', { date: input.date }, ctx);
      const expectedFen = cash.rows.find((row) => row.payment === input.payment)?.expectedFen ?? 0;
      if (input.countedFen !== expectedFen && input.reason.length < 2) {
        throw fieldError('VALIDATION', 'reason', 'dayClose.errors.differenceReason', { difference: formatYuan(input.countedFen - expectedFen) });
      }
      db.transaction(() => {
        if (closedRow(input.date)) throw fieldError('CONFLICT', 'date', 'dayClose.errors.alreadyClosed', { date: input.date });
        db.prepare('INSERT INTO cash_count (park_date, payment, expected_fen, counted_fen, reason, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          input.date,
          input.payment,
          expectedFen,
          input.countedFen,
          input.reason,
          actorOf(ctx).id,
          ctx.now,
        );
        ctx.audit({
          action: 'dayClose.cashCount',
          entity: 'day',
          entityId: input.date,
          detail: { payment: input.payment, expectedFen, countedFen: input.countedFen, ...(input.reason ? { reason: input.reason } : {}) },
        });
      }).immediate();
      ctx.emit('dayClose.changed', { date: input.date });
      const row = cashRows(db, input.date, new Map([[input.payment, expectedFen]])).find((entry) => entry.payment === input.payment);
      if (!row) throw new Error('the cash count just written is missing');
      return row;
    },

    'dayClose.close': async (input, ctx) => {
      const actor = actorOf(ctx);
      notFuture(input.date, ctx.now);
      if (closedRow(input.date)) throw fieldError('CONFLICT', 'date', 'dayClose.errors.alreadyClosed', { date: input.date });
      checkStaffPin(services, ctx, actor.id, input.pin, true);

      const settings = readSettings(db);
      const day = await composeChecklist(db, read, ctx, input.date, lastBackupAt());
      const fileName = `day-${input.date}.pdf`;
      const closedDay: DayChecklist = { ...day, closed: { at: ctx.now, by: { id: actor.id, name: actor.name }, remarks: input.remarks, reportFile: fileName, backupName: null } };
      const pdf = await renderReportPdf(dayReport(closedDay, { parkName: settings.parkName, timeZone: settings.timeZone }));

      // The file is written aside first and takes its name only once the close is recorded: a
      // second manager closing at the same moment is refused and leaves nothing behind.
      mkdirSync(reportsDir, { recursive: true });
      const partial = join(reportsDir, `${fileName}.${process.pid}.${ctx.now}.partial`);
      writeFileSync(partial, pdf);
      try {
        db.transaction(() => {
          if (closedRow(input.date)) throw fieldError('CONFLICT', 'date', 'dayClose.errors.alreadyClosed', { date: input.date });
          db.prepare('INSERT INTO day_close (park_date, closed_at, closed_by, remarks, snapshot, report_file) VALUES (?, ?, ?, ?, ?, ?)').run(
            input.date,
            ctx.now,
            actor.id,
            input.remarks,
            JSON.stringify({ ...day, closed: null }),
            fileName,
          );
          ctx.audit({ action: 'dayClose.close', entity: 'day', entityId: input.date, detail: { attention: day.attention, report: fileName } });
        }).immediate();
        renameSync(partial, join(reportsDir, fileName));
      } finally {
        rmSync(partial, { force: true });
      }

      // A backup at the day close, and the retention job: neither undoes the close if it fails.
      try {
        const backup = await jobs.backup('dayClose', actor.id, ctx.origin);
        db.prepare('UPDATE day_close SET backup_name = ? WHERE park_date = ?').run(backup.name, input.date);
      } catch {
        // The failure is audited and shown on the backups screen by the maintenance jobs.
      }
      try {
        jobs.eraseDue(actor.id, ctx.origin);
      } catch {
        // Retried by the daily job.
      }
      ctx.emit('dayClose.changed', { date: input.date });
      const closed = closedRow(input.date);
      if (!closed) throw new AppError('INTERNAL', 'errors.INTERNAL');
      return fromSnapshot(closed);
    },

    'dayClose.report': async (input) => {
      const closed = closedRow(input.date);
      if (!closed) throw fieldError('NOT_FOUND', 'date', 'dayClose.errors.notClosed', { date: input.date });
      const file = join(reportsDir, closed.report_file);
      if (!existsSync(file)) {
        // The close is recorded but its file is not there (it could not take its name, or was removed):
        // it is made again from the day as it was closed, and kept.
        const settings = readSettings(db);
        const pdf = await renderReportPdf(dayReport(fromSnapshot(closed), { parkName: settings.parkName, timeZone: settings.timeZone }));
        mkdirSync(reportsDir, { recursive: true });
        writeFileWhole(file, pdf);
      }
      return { fileName: closed.report_file, base64: readFileSync(file).toString('base64') };
    },
  };
}
