import { z } from 'zod';

/**
 * An A4 report as data: what to print, never how. Incident reports, the lost-and-found ledger and
 * handover list, the daily complaint summary and the day report are all built as one of these and
 * rendered to PDF by the core (`electron/core/pdf/render.ts`). Text may be any language, Chinese and
 * English mixed; it wraps at word boundaries and between CJK characters.
 *
 * Top to bottom on the first page:
 * - the running header on every page: `parkName` on the left, `reference` (e.g. `I20261129-01`) on the right;
 * - `title` (large) and `subtitle`;
 * - `meta`: short label/value pairs in two columns (reference, date, who printed it ...);
 * - `sections`, each with a `heading` and, in this order, any of: `paragraphs`; `fields` (label/value
 *   rows, the value wrapping under itself); a `table` (column widths are relative weights; a table
 *   longer than the page continues on the next with its header row repeated);
 * - `signatures`: a line to sign for each label (a signature drawn on the screen printed above it), kept
 *   together at the end;
 * - the running footer on every page: `footer` on the left, `pageLabel` on the right.
 *
 * CJK fonts draw the typographic apostrophe full-width, so the renderer prints ’ between Latin
 * letters as a plain ' ("Visitor's copy"); nothing else in the text is changed.
 */

export const REPORT_ALIGNS = ['left', 'center', 'right'] as const;

const text = (max: number) => z.string().max(max);

export const reportField = z.object({ label: text(80), value: text(4000) }).strict();
export type ReportField = z.output<typeof reportField>;

export const reportColumn = z
  .object({
    label: text(80),
    /** A relative weight: `2` is twice as wide as `1`. Default 1. */
    width: z.number().positive().max(100).optional(),
    align: z.enum(REPORT_ALIGNS).optional(),
  })
  .strict();

export const reportTable = z
  .object({
    columns: z.array(reportColumn).min(1).max(12),
    rows: z.array(z.array(text(4000))).max(10_000),
    /** Shown in place of the rows when there are none. */
    empty: text(200).optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    table.rows.forEach((row, index) => {
      if (row.length !== table.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', index], input: row, message: `row ${index} has ${row.length} cells for ${table.columns.length} columns` });
      }
    });
  });
export type ReportTable = z.output<typeof reportTable>;

export const reportSection = z
  .object({
    heading: text(200),
    paragraphs: z.array(text(20_000)).max(200).optional(),
    fields: z.array(reportField).max(500).optional(),
    table: reportTable.optional(),
  })
  .strict();
export type ReportSection = z.output<typeof reportSection>;

/** A line to sign, with the signature drawn on a screen (a PNG data URL) printed above it when there is one. */
export const reportSignature = z
  .object({
    label: text(120),
    image: z
      .string()
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
      .max(400_000)
      .optional(),
  })
  .strict();
export type ReportSignature = z.output<typeof reportSignature>;

export const reportDocumentSchema = z
  .object({
    parkName: text(120).min(1),
    reference: text(80).optional(),
    title: text(200).min(1),
    subtitle: text(400).optional(),
    meta: z.array(reportField).max(40).default([]),
    sections: z.array(reportSection).max(200),
    signatures: z.array(z.union([text(80), reportSignature])).max(6).optional(),
    footer: text(300).optional(),
    /** The page number as words, with `{{page}}` and `{{pages}}`: `第 {{page}} 页，共 {{pages}} 页`. */
    pageLabel: text(120).default('Page {{page}} of {{pages}}'),
    /** The PDF's own metadata (title, author, creation time in UTC epoch ms). */
    info: z.object({ author: text(120).optional(), createdAt: z.number().int().nonnegative().optional() }).strict().optional(),
  })
  .strict();
export type ReportDocument = z.output<typeof reportDocumentSchema>;
export type ReportDocumentInput = z.input<typeof reportDocumentSchema>;

/** `Page {{page}} of {{pages}}` for one page. */
export function pageLabelText(template: string, page: number, pages: number): string {
  return template.replaceAll('{{page}}', String(page)).replaceAll('{{pages}}', String(pages));
}
