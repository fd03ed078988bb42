import { pageLabelText, reportDocumentSchema, type ReportDocument, type ReportDocumentInput, type ReportField, type ReportTable } from '@shared/reports/document';
import { AppError } from '../errors';
import { fontCandidates, type FontChoice, type FontLookup } from './fonts';

/**
 * Renders a report document (`shared/reports/document.ts`) as an A4 PDF with pdfkit: a CJK font
 * embedded (see `fonts.ts`), the park's name and the reference on top of every page, "page x of y"
 * at the bottom, tables that continue across pages with their header row repeated, and text that
 * wraps between words and between Chinese characters.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGINS = { top: 66, bottom: 64, left: 50, right: 50 };
const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const COLOR = { text: '#111111', muted: '#4a4a4a', rule: '#8c9896', fill: '#e8efed', accent: '#00594a' };
const SIZE = { title: 18, subtitle: 11, heading: 12.5, body: 10, small: 9.5, band: 8.5 };
const LINE_GAP = 2;
const CELL_PAD = 4;
/** Label columns fit their longest label on one line, within these bounds. */
const FIELD_LABEL_WIDTH = { min: 96, max: CONTENT_WIDTH * 0.4 };
const META_LABEL_WIDTH = { min: 64, max: (CONTENT_WIDTH - 16) / 4 };

/**
 * CJK fonts draw the typographic apostrophe (’ ‘) full-width, which reads as "Visitor’ s" in English:
 * between Latin letters it is printed as a plain apostrophe. Chinese text keeps its own punctuation.
 */
export function printableText(text: string): string {
  return text.replace(/(?<=[A-Za-z])[\u2018\u2019](?=[A-Za-z])/g, "'");
}

export interface RenderOptions extends FontLookup {
  /** The fonts to try, in order (default: `fontCandidates()`). */
  fonts?: FontChoice[];
}

export interface RenderedReport {
  pdf: Buffer;
  pages: number;
  font: FontChoice;
}

type Doc = PDFKit.PDFDocument;

interface LoadedFonts {
  choice: FontChoice;
  body: string;
  bold: string;
}

const sameFace = (a: FontChoice['regular'], b: FontChoice['regular']) => a.path === b.path && a.name === b.name;

/**
 * Registers the first candidate that loads; an unusable setting is an error, never replaced.
 * Each face is registered once under one name: pdfkit re-reads a font file whenever a second name
 * points at a face it already holds, which makes every font switch cost a file parse.
 */
function loadFonts(pdf: Doc, candidates: FontChoice[]): LoadedFonts {
  for (const [index, choice] of candidates.entries()) {
    const body = `body${index}`;
    const bold = sameFace(choice.regular, choice.bold) ? body : `bold${index}`;
    try {
      pdf.registerFont(body, choice.regular.path, choice.regular.name);
      if (bold !== body) pdf.registerFont(bold, choice.bold.path, choice.bold.name);
      // Opening the faces reads and parses the files: a wrong path or PostScript name fails here.
      pdf.font(bold);
      pdf.font(body);
      return { choice, body, bold };
    } catch (error) {
      if (choice.source === 'env') {
        const detail = error instanceof Error ? error.message.slice(0, 160) : 'unreadable';
        throw new AppError('UNAVAILABLE', 'incidents.errors.pdfFontMissing', { path: choice.regular.path, detail });
      }
      // A system font that does not load (damaged, or another face in the collection): try the next.
    }
  }
  throw new AppError('UNAVAILABLE', 'incidents.errors.noPdfFont');
}

/** Every string of the report through `printableText`. */
function printable(report: ReportDocument): ReportDocument {
  const field = (f: ReportField): ReportField => ({ label: printableText(f.label), value: printableText(f.value) });
  return {
    ...report,
    parkName: printableText(report.parkName),
    title: printableText(report.title),
    ...(report.subtitle !== undefined ? { subtitle: printableText(report.subtitle) } : {}),
    ...(report.footer !== undefined ? { footer: printableText(report.footer) } : {}),
    meta: report.meta.map(field),
    sections: report.sections.map((section) => ({
      ...section,
      heading: printableText(section.heading),
      ...(section.paragraphs ? { paragraphs: section.paragraphs.map(printableText) } : {}),
      ...(section.fields ? { fields: section.fields.map(field) } : {}),
      ...(section.table
        ? {
            table: {
              ...section.table,
              columns: section.table.columns.map((column) => ({ ...column, label: printableText(column.label) })),
              rows: section.table.rows.map((row) => row.map(printableText)),
              ...(section.table.empty !== undefined ? { empty: printableText(section.table.empty) } : {}),
            },
          }
        : {}),
    })),
    ...(report.signatures ? { signatures: report.signatures.map((entry) => (typeof entry === 'string' ? printableText(entry) : { ...entry, label: printableText(entry.label) })) } : {}),
  };
}

/** The report as PDF bytes, with its page count and the font used. */
export async function renderReport(input: ReportDocumentInput, options: RenderOptions = {}): Promise<RenderedReport> {
  const report = printable(reportDocumentSchema.parse(input));
  const candidates = options.fonts ?? fontCandidates(options);
  // Loaded on the first report, not at start: pdfkit and its fonts take a tenth of a second to load.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: {
      Title: report.title,
      ...(report.info?.author ? { Author: report.info.author } : {}),
      Producer: 'ParkDesk',
      Creator: 'ParkDesk',
      ...(report.info?.createdAt !== undefined ? { CreationDate: new Date(report.info.createdAt) } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const fonts = loadFonts(pdf, candidates);
  const left = MARGINS.left;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const style = (bold: boolean, size: number, color: string = COLOR.text) => pdf.font(bold ? fonts.bold : fonts.body).fontSize(size).fillColor(color);
  /** The width a label column needs for its longest label on one line. */
  const labelWidth = (labels: string[], size: number, bounds: { min: number; max: number }) => {
    style(false, size);
    const widest = Math.max(0, ...labels.map((label) => pdf.widthOfString(printableText(label))));
    return Math.min(Math.max(Math.ceil(widest) + 2, bounds.min), bounds.max);
  };
  const measure = (text: string, width: number, bold: boolean, size: number) => {
    style(bold, size);
    return pdf.heightOfString(text || ' ', { width, lineGap: LINE_GAP });
  };
  const newPage = () => {
    pdf.addPage();
    pdf.x = left;
    pdf.y = pdf.page.margins.top;
  };
  /** Starts a new page unless `height` still fits on this one. */
  const ensure = (height: number) => {
    if (pdf.y + height > bottom()) newPage();
  };
  const rule = (y: number, color: string = COLOR.rule, width = 0.6) => {
    pdf.moveTo(left, y).lineTo(left + CONTENT_WIDTH, y).lineWidth(width).strokeColor(color).stroke();
  };
  /** Text in a box that never starts a page by itself: what does not fit is cut. */
  const boxed = (text: string, x: number, y: number, width: number, height: number, options: PDFKit.Mixins.TextOptions = {}) => {
    pdf.text(text || ' ', x, y, { width, height: height + LINE_GAP + 1, lineGap: LINE_GAP, ellipsis: true, ...options });
  };

  /** A label and its value side by side; the value wraps under itself. */
  const pair = (field: ReportField, x: number, width: number, labelWidth: number, size: number) => {
    const valueWidth = width - labelWidth - 8;
    const value = field.value || '—';
    const height = Math.max(measure(field.label, labelWidth, false, size), measure(value, valueWidth, false, size));
    const room = bottom() - pdf.page.margins.top;
    if (height > room) {
      // Longer than a page (a long description): let the value flow on to the next pages.
      ensure(measure(field.label, labelWidth, false, size));
      const top = pdf.y;
      style(false, size, COLOR.muted);
      boxed(field.label, x, top, labelWidth, measure(field.label, labelWidth, false, size));
      style(false, size);
      pdf.text(value, x + labelWidth + 8, top, { width: valueWidth, lineGap: LINE_GAP });
      pdf.x = left;
      return;
    }
    ensure(height);
    const top = pdf.y;
    style(false, size, COLOR.muted);
    boxed(field.label, x, top, labelWidth, height);
    style(false, size);
    boxed(value, x + labelWidth + 8, top, valueWidth, height);
    pdf.x = left;
    pdf.y = top + height + 3;
  };

  const table = (spec: ReportTable) => {
    const weights = spec.columns.map((column) => column.width ?? 1);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const widths = weights.map((weight) => (weight / total) * CONTENT_WIDTH);
    const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
    const cellWidth = (index: number) => Math.max((widths[index] ?? 0) - 2 * CELL_PAD, 8);
    const headerHeight = Math.max(...spec.columns.map((column, index) => measure(column.label, cellWidth(index), true, SIZE.small))) + 2 * CELL_PAD;
    const header = () => {
      const top = pdf.y;
      pdf.rect(left, top, CONTENT_WIDTH, headerHeight).fill(COLOR.fill);
      style(true, SIZE.small);
      spec.columns.forEach((column, index) => {
        boxed(column.label, (xs[index] ?? left) + CELL_PAD, top + CELL_PAD, cellWidth(index), headerHeight - 2 * CELL_PAD, { align: column.align ?? 'left' });
      });
      rule(top + headerHeight, COLOR.rule, 0.8);
      pdf.x = left;
      pdf.y = top + headerHeight;
    };
    const rowHeight = (row: string[]) => Math.max(...row.map((cell, index) => measure(cell, cellWidth(index), false, SIZE.small))) + 2 * CELL_PAD;

    if (spec.rows.length === 0) {
      const emptyHeight = measure(spec.empty ?? '—', CONTENT_WIDTH - 2 * CELL_PAD, false, SIZE.small) + 2 * CELL_PAD;
      ensure(headerHeight + emptyHeight);
      header();
      style(false, SIZE.small, COLOR.muted);
      boxed(spec.empty ?? '—', left + CELL_PAD, pdf.y + CELL_PAD, CONTENT_WIDTH - 2 * CELL_PAD, emptyHeight - 2 * CELL_PAD);
      pdf.x = left;
      pdf.y += emptyHeight;
      rule(pdf.y, COLOR.rule, 0.4);
      return;
    }
    const room = bottom() - pdf.page.margins.top - headerHeight;
    const first = spec.rows[0] ?? [];
    ensure(headerHeight + Math.min(rowHeight(first), room));
    header();
    for (const row of spec.rows) {
      // A row taller than a whole page is cut to the page (never split mid-row).
      const height = Math.min(rowHeight(row), room);
      if (pdf.y + height > bottom()) {
        newPage();
        header();
      }
      const top = pdf.y;
      row.forEach((cell, index) => {
        style(false, SIZE.small);
        boxed(cell, (xs[index] ?? left) + CELL_PAD, top + CELL_PAD, cellWidth(index), height - 2 * CELL_PAD, { align: spec.columns[index]?.align ?? 'left' });
      });
      pdf.x = left;
      pdf.y = top + height;
      rule(pdf.y, COLOR.rule, 0.3);
    }
  };

  // Title, subtitle and the short facts under them.
  pdf.x = left;
  pdf.y = MARGINS.top;
  style(true, SIZE.title);
  pdf.text(report.title, left, pdf.y, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
  if (report.subtitle) {
    style(false, SIZE.subtitle, COLOR.muted);
    pdf.text(report.subtitle, left, pdf.y + 2, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
  }
  pdf.y += 8;
  if (report.meta.length > 0) {
    const half = (CONTENT_WIDTH - 16) / 2;
    const metaLabel = labelWidth(report.meta.map((field) => field.label), SIZE.small, META_LABEL_WIDTH);
    for (let index = 0; index < report.meta.length; index += 2) {
      const row = report.meta.slice(index, index + 2);
      const heights = row.map((field) => Math.max(measure(field.label, metaLabel, false, SIZE.small), measure(field.value || '—', half - metaLabel - 8, false, SIZE.small)));
      const height = Math.max(...heights);
      ensure(height);
      const top = pdf.y;
      row.forEach((field, column) => {
        pdf.y = top;
        pair(field, left + column * (half + 16), half, metaLabel, SIZE.small);
      });
      pdf.y = top + height + 3;
    }
  }
  pdf.y += 6;
  rule(pdf.y, COLOR.accent, 1.2);
  pdf.y += 10;

  for (const section of report.sections) {
    // A heading is never the last thing on a page.
    const headingHeight = measure(section.heading, CONTENT_WIDTH, true, SIZE.heading);
    ensure(headingHeight + 44);
    style(true, SIZE.heading, COLOR.accent);
    pdf.text(section.heading, left, pdf.y, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
    rule(pdf.y + 1, COLOR.rule, 0.6);
    pdf.y += 6;
    for (const paragraph of section.paragraphs ?? []) {
      ensure(measure(paragraph.split('\n')[0] ?? '', CONTENT_WIDTH, false, SIZE.body));
      style(false, SIZE.body);
      pdf.text(paragraph || ' ', left, pdf.y, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
      pdf.x = left;
      pdf.y += 4;
    }
    const fields = section.fields ?? [];
    const fieldLabel = labelWidth(fields.map((field) => field.label), SIZE.body, FIELD_LABEL_WIDTH);
    for (const field of fields) pair(field, left, CONTENT_WIDTH, fieldLabel, SIZE.body);
    if (section.table) table(section.table);
    pdf.y += 12;
  }

  if (report.signatures && report.signatures.length > 0) {
    const signatures = report.signatures.map((entry) => (typeof entry === 'string' ? { label: entry } : entry));
    const perRow = Math.min(signatures.length, 3);
    const slot = CONTENT_WIDTH / perRow;
    for (let index = 0; index < signatures.length; index += perRow) {
      const row = signatures.slice(index, index + perRow);
      // Room above the line for a signature drawn on the screen, when the row has one.
      const inkHeight = row.some((entry) => entry.image) ? 44 : 26;
      ensure(inkHeight + 38);
      const top = pdf.y + 12;
      const line = top + 14 + inkHeight;
      row.forEach((entry, column) => {
        const x = left + column * slot;
        style(false, SIZE.small, COLOR.muted);
        boxed(entry.label, x, top, slot - 24, 14);
        if (entry.image) {
          const png = Buffer.from(entry.image.slice(entry.image.indexOf(',') + 1), 'base64');
          pdf.image(png, x, top + 16, { fit: [slot - 24, inkHeight - 4], valign: 'bottom' });
        }
        pdf.moveTo(x, line).lineTo(x + slot - 24, line).lineWidth(0.7).strokeColor(COLOR.text).stroke();
      });
      pdf.x = left;
      pdf.y = line + 12;
    }
  }

  // The running header and footer, once every page exists (so "of y" is known).
  const range = pdf.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    pdf.switchToPage(range.start + index);
    const margins = pdf.page.margins;
    // Writing in the margins must not start new pages.
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    const headerY = 30;
    const footerY = A4.height - 44;
    style(true, SIZE.band, COLOR.muted);
    boxed(report.parkName, left, headerY, CONTENT_WIDTH * 0.62, 11);
    if (report.reference) {
      style(false, SIZE.band, COLOR.muted);
      boxed(report.reference, left + CONTENT_WIDTH * 0.62, headerY, CONTENT_WIDTH * 0.38, 11, { align: 'right' });
    }
    rule(headerY + 16, COLOR.rule, 0.6);
    rule(footerY - 6, COLOR.rule, 0.6);
    if (report.footer) {
      style(false, SIZE.band, COLOR.muted);
      boxed(report.footer, left, footerY, CONTENT_WIDTH * 0.68, 22);
    }
    style(false, SIZE.band, COLOR.muted);
    boxed(pageLabelText(report.pageLabel, index + 1, range.count), left + CONTENT_WIDTH * 0.68, footerY, CONTENT_WIDTH * 0.32, 11, { align: 'right' });
    pdf.page.margins = margins;
  }
  pdf.end();
  return { pdf: await finished, pages: range.count, font: fonts.choice };
}

/** The report as an A4 PDF (see `renderReport` for its page count and font). */
export async function renderReportPdf(input: ReportDocumentInput, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderReport(input, options)).pdf;
}
