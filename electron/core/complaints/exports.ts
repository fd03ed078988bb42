import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummaryView } from '@shared/contract';
import type { Db } from '../db/open';
import { renderReportPdf } from '../pdf/render';
import { summaryReport } from './summary';
import { csvFile } from '@shared/rules/csv';

/**
 * The daily summary's files, kept in `<data folder>/reports/complaints/`: the whole day and one per
 * department concerned, each as an A4 PDF and a CSV. The state is in the name: a download before
 * the close is a `draft`, the files written at the close are `closed` (or `closed-late`) and are
 * never overwritten by a later download.
 */
export const SUMMARY_DIR = join('reports', 'complaints');

export type SummaryFormat = 'pdf' | 'csv';

export interface SummaryFile {
  fileName: string;
  format: SummaryFormat;
  departmentId?: number;
}

interface DocumentContext {
  parkName: string;
  timeZone: string;
}

function stateTag(summary: SummaryView): string {
  if (summary.closedAt === null) return 'draft';
  return summary.state === 'closedLate' ? 'closed-late' : 'closed';
}

/** Department codes by id, for readable file names (`complaints-2026-11-30-closed-rides.pdf`). */
function departmentCodes(db: Db): Map<number, string> {
  return new Map(db.prepare<[], { id: number; code: string }>('SELECT id, code FROM department').all().map((row) => [row.id, row.code]));
}

export function summaryFileName(db: Db, summary: SummaryView, format: SummaryFormat, departmentId?: number): string {
  const department = departmentId === undefined ? '' : `-${departmentCodes(db).get(departmentId) ?? `d${departmentId}`}`;
  return `complaints-${summary.date}-${stateTag(summary)}${department}.${format}`;
}

/**
 * The summary as CSV (UTF-8 with BOM): one row per record fed back to a department. A complaint
 * with its category, status, what the visitor complained of and asks for, and what was done; then
 * an opinion or request, its F-number in the number column and the visitor's words as the
 * description. The last column (`record`: complaint, opinion or demand) was added after the others,
 * so sheets that read the first ten read them as before.
 */
export function summaryCsv(summary: SummaryView, departmentId?: number): string {
  const departments = departmentId === undefined ? summary.departments : summary.departments.filter((d) => d.departmentId === departmentId);
  const lines = departments.flatMap((department) => [
    ...department.done.map((done) => [done.complaintNo, done.category ?? '', done.status, done.place ?? '', done.description ?? '', done.request ?? '', done.summary, 'complaint']),
    ...department.feedback.map((line) => [line.ref, line.category, '', '', line.text, '', '', line.kind]),
  ].map((row) => [summary.date, department.nameZh, department.nameEn, ...row]));
  return csvFile(['date', 'department_zh', 'department_en', 'complaint_no', 'category', 'status', 'place', 'description', 'request', 'what_was_done', 'record'], lines);
}

async function render(summary: SummaryView, context: DocumentContext, file: SummaryFile): Promise<Buffer> {
  if (file.format === 'csv') return Buffer.from(summaryCsv(summary, file.departmentId), 'utf8');
  return renderReportPdf(summaryReport(summary, context, file.departmentId));
}

/** Every file a closed summary is kept as: the whole day, then each department with a record in it. */
export function closedSummaryFiles(db: Db, summary: SummaryView): SummaryFile[] {
  const scopes: Array<number | undefined> = [undefined, ...summary.departments.flatMap((d) => (d.departmentId === null ? [] : [d.departmentId]))];
  return scopes.flatMap((departmentId) =>
    (['pdf', 'csv'] as const).map((format) => ({ fileName: summaryFileName(db, summary, format, departmentId), format, ...(departmentId === undefined ? {} : { departmentId }) })),
  );
}

/**
 * Renders the files of a summary about to be closed, each written aside under a temporary name;
 * `keep()` gives them their names once the close is recorded, `discard()` removes them otherwise.
 */
export async function prepareSummaryFiles(dataDir: string, files: SummaryFile[], summary: SummaryView, context: DocumentContext, tag: string) {
  const dir = join(dataDir, SUMMARY_DIR);
  mkdirSync(dir, { recursive: true });
  const written: Array<{ partial: string; final: string }> = [];
  try {
    for (const file of files) {
      const partial = join(dir, `.${file.fileName}.${tag}.partial`);
      writeFileSync(partial, await render(summary, context, file));
      written.push({ partial, final: join(dir, file.fileName) });
    }
  } catch (error) {
    for (const { partial } of written) rmSync(partial, { force: true });
    throw error;
  }
  return {
    keep: () => written.forEach(({ partial, final }) => renameSync(partial, final)),
    discard: () => written.forEach(({ partial }) => rmSync(partial, { force: true })),
  };
}

/**
 * One file of a summary for a download: a closed summary's file as it was kept at the close (written
 * again from its fixed snapshot only if it went missing); a draft rendered now and kept as the draft.
 */
export async function summaryFile(dataDir: string, db: Db, summary: SummaryView, context: DocumentContext, format: SummaryFormat, departmentId?: number): Promise<{ fileName: string; content: Buffer }> {
  const file: SummaryFile = { fileName: summaryFileName(db, summary, format, departmentId), format, ...(departmentId === undefined ? {} : { departmentId }) };
  const path = join(dataDir, SUMMARY_DIR, file.fileName);
  if (summary.closedAt !== null && existsSync(path)) return { fileName: file.fileName, content: readFileSync(path) };
  const content = await render(summary, context, file);
  mkdirSync(join(dataDir, SUMMARY_DIR), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
  return { fileName: file.fileName, content };
}
