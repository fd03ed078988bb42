import { z } from 'zod';
import { printDocumentSchema } from '../printing/document';
import { approval, epochMs, id } from './common';
import { ANY_STAFF, COUNTER, MANAGERS, emptyInput, event, method } from './define';

export const PRINTER_STATES = ['preview', 'unknown', 'ready', 'offline'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** What the counter prints: each has its name in the printouts list (`printer.jobs.kinds.<kind>`). */
export const PRINT_KINDS = ['deposit-receipt', 'refund-slip', 'asset-label', 'lf-intake', 'lf-label', 'lf-claim', 'lf-handover', 'paging-slip', 'info-slip', 'printer.test'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export const PRINT_JOB_STATUSES = ['queued', 'printing', 'printed', 'failed'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/**
 * Why a printout did not print, as a stable code; `lastError` reads `code: detail`
 * (`refused: 192.168.1.50:9100`) and screens show it with `printer.failure.<code>`.
 */
export const PRINTER_FAILURES = ['refused', 'timeout', 'unreachable', 'unknownHost', 'reset', 'denied', 'notFound', 'spooler', 'io', 'render'] as const;
export type PrinterFailure = (typeof PRINTER_FAILURES)[number];

export function formatPrinterFailure(code: PrinterFailure, detail: string): string {
  return `${code}: ${detail.replace(/\s+/g, ' ').trim().slice(0, 160)}`;
}

/** The code and detail of a `lastError`; undefined when it is not in the `code: detail` form. */
export function parsePrinterFailure(text: string): { code: PrinterFailure; detail: string } | undefined {
  const colon = text.indexOf(': ');
  const code = colon < 0 ? text : text.slice(0, colon);
  const found = PRINTER_FAILURES.find((known) => known === code);
  return found ? { code: found, detail: colon < 0 ? '' : text.slice(colon + 2) } : undefined;
}

/**
 * The printer as the counter sees it: `preview` (no printer configured), `unknown` (not reached
 * yet since the app started or the connection changed), `ready` (its last answer, to a probe while
 * idle or to a printout, was good), or `offline` (the last attempt at the oldest waiting printout
 * failed, or the printer did not answer its last probe); `waiting` printouts not printed yet,
 * `failed` ones that cannot print (a damaged printout) and nobody has set aside yet.
 */
export const printerStatus = z.object({
  state: z.enum(PRINTER_STATES),
  waiting: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  lastError: z.string().optional(),
});
export type PrinterStatus = z.output<typeof printerStatus>;

export const printJobView = z.object({
  id,
  kind: z.string(),
  ref: z.string().nullable(),
  /** 0 for the original, 1, 2 … for reprints. */
  copy: z.number().int().nonnegative(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** A waiting printout's next try (it is retried with backoff while the printer is off). */
  nextAttemptAt: epochMs,
  createdAt: epochMs,
  printedAt: epochMs.nullable(),
  /** A failed printout someone set aside: it no longer counts as failed. */
  dismissedAt: epochMs.nullable(),
});
export type PrintJobView = z.output<typeof printJobView>;

export const printPreview = z.object({
  document: printDocumentSchema,
  copy: z.number().int().nonnegative(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  /** Whether the printer prints Chinese; without it the preview shows the `?` the paper gets. */
  chinese: z.boolean(),
});
export type PrintPreview = z.output<typeof printPreview>;

export const printingMethods = {
  'printer.status': method({
    summary: 'The printer: preview, ready or offline, and how many printouts wait.',
    access: ANY_STAFF,
    mode: 'read',
    input: emptyInput,
    output: printerStatus,
  }),
  'printer.jobs': method({
    summary: 'Recent printouts, newest first, with their state (waiting with its retries, printed, failed with its error); optionally those of one reference (a receipt number).',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        ref: z.string().trim().min(1).max(60).optional(),
      })
      .strict(),
    output: z.array(printJobView),
  }),
  'printer.reprint': method({
    summary:
      "Print a printout again; the copy carries the 补打 / REPRINT banner and its copy number. A deposit receipt is the visitor's voucher for the refund: once a copy of it has printed while its rental is out, another needs a duty manager's approval (the PIN is checked first; a wrong one is counted).",
    access: COUNTER,
    mode: 'custom',
    input: z.object({ jobId: id, approval: approval.optional() }).strict(),
    output: z.object({ jobId: id }),
  }),
  'printer.dismiss': method({
    summary: 'Set a failed printout aside (after reprinting what it carried, or writing it by hand): it no longer counts as failed.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ jobId: id }).strict(),
    output: printJobView,
  }),
  'printer.testPrint': method({
    summary: 'Print a bilingual test page with the saved printer settings.',
    access: MANAGERS,
    mode: 'write',
    input: emptyInput,
    output: z.object({ jobId: id }),
  }),
  'printer.preview': method({
    summary: 'A printout as the screen shows it: its document, copy number and the paper it prints on.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ jobId: id }).strict(),
    output: printPreview,
  }),
};

export const printingEvents = {
  'printer.changed': event({
    summary: 'The printer’s state or its waiting printouts changed.',
    payload: printerStatus,
    affects: ['printer.status', 'printer.jobs'],
  }),
};
