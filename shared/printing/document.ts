import { z } from 'zod';

/**
 * A receipt as data: what to print, never how. The outbox stores this document (not printer bytes),
 * the layout (`layout.ts`) turns it into lines for a paper width, and those same lines become ESC/POS
 * bytes in the core and the on-screen preview in the renderer.
 *
 * Blocks, top to bottom:
 * - `text`: a paragraph, wrapped to the paper; `\n` starts a new line. `size`: `double` is twice as
 *   wide and tall (half as many characters per line), `tall` only twice as tall.
 * - `pair`: a label on the left and a value right-aligned on the same line (`押金 Deposit     ￥500.00`);
 *   a long label wraps under itself, the value stays on the first line.
 * - `rule`: a line of `-` (default) or `=` across the paper.
 * - `qr`: a QR code (model 2, correction M) of ASCII data; `size` is the module size in dots (2 to 8,
 *   default 6), made smaller when the code would not fit the paper.
 * - `barcode`: a CODE128 barcode (code set B) with its text under it; printed as text only when it
 *   cannot fit the paper even with the narrowest bars.
 * - `feed`: blank lines.
 * - `cut`: cut the paper here. A document always ends with a cut (the layout adds it when missing).
 *
 * Text may be any Unicode: the layout replaces what the printer cannot print (see `toPrintable`).
 */

export const ALIGNS = ['left', 'center', 'right'] as const;
export type Align = (typeof ALIGNS)[number];

export const TEXT_SIZES = ['normal', 'double', 'tall'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** QR and barcode data travel as single bytes: printable ASCII only. */
const asciiData = z.string().regex(/^[\x20-\x7e]+$/);

export const textBlock = z
  .object({
    type: z.literal('text'),
    text: z.string().max(2000),
    align: z.enum(ALIGNS).optional(),
    bold: z.boolean().optional(),
    size: z.enum(TEXT_SIZES).optional(),
  })
  .strict();

export const pairBlock = z
  .object({
    type: z.literal('pair'),
    left: z.string().max(200),
    right: z.string().max(200),
    bold: z.boolean().optional(),
    /** What a screen shows instead of `right` (a receipt's check code is for the paper only). */
    onScreen: z.string().max(200).optional(),
  })
  .strict();

export const ruleBlock = z.object({ type: z.literal('rule'), char: z.enum(['-', '=']).optional() }).strict();

export const qrBlock = z
  .object({
    type: z.literal('qr'),
    data: asciiData.max(200),
    size: z.number().int().min(2).max(8).optional(),
    /** What a screen's QR code carries instead of `data`. */
    onScreen: asciiData.max(200).optional(),
  })
  .strict();

/** `{` is excluded: in ESC/POS CODE128 data it starts a code-set switch. */
export const barcodeBlock = z
  .object({
    type: z.literal('barcode'),
    data: z.string().regex(/^[\x20-\x7a\x7c-\x7e]{1,32}$/),
    /** What a screen's barcode carries instead of `data`. */
    onScreen: z.string().regex(/^[\x20-\x7a\x7c-\x7e]{1,32}$/).optional(),
  })
  .strict();

export const feedBlock = z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10) }).strict();

export const cutBlock = z.object({ type: z.literal('cut') }).strict();

export const blockSchema = z.discriminatedUnion('type', [textBlock, pairBlock, ruleBlock, qrBlock, barcodeBlock, feedBlock, cutBlock]);
export type Block = z.output<typeof blockSchema>;

export const printDocumentSchema = z
  .object({
    /** What the document is, e.g. `rental.receipt`, `printer.test`. */
    kind: z.string().min(1).max(40),
    /** The business reference it prints, e.g. a receipt number; shown in the job list and file names. */
    ref: z.string().min(1).max(60).optional(),
    /** The longest printout is a handover slip of a full batch: 500 item lines, with its heading and totals. */
    blocks: z.array(blockSchema).min(1).max(600),
  })
  .strict();
export type PrintDocument = z.output<typeof printDocumentSchema>;

/**
 * The document as a screen shows it: what is for the paper only (a receipt's check code, in its text
 * and in its QR code and barcode) replaced by what the block says a screen shows instead.
 */
export function onScreen(document: PrintDocument): PrintDocument {
  return {
    ...document,
    blocks: document.blocks.map((block) => {
      if (block.type === 'pair' && block.onScreen !== undefined) return { type: 'pair', left: block.left, right: block.onScreen, ...(block.bold ? { bold: true } : {}) };
      if ((block.type === 'qr' || block.type === 'barcode') && block.onScreen !== undefined) {
        const { onScreen: shown, ...rest } = block;
        return { ...rest, data: shown };
      }
      return block;
    }),
  };
}
