/**
 * Reads a PDF back as text with pdf.js (the legacy build runs in Node), for assertions on what a
 * report really prints: one string per page, one line per baseline, pieces of a line joined with a
 * space where the page leaves a gap between them.
 */

import type * as pdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

interface TextPiece {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

function isPiece(item: unknown): item is TextPiece {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

type PdfJs = typeof pdfjsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Opens a PDF with pdf.js, hands it to `read`, and closes it again. */
async function withPdf<T>(pdf: Uint8Array | Buffer, read: (document: PdfDocument, pdfjs: PdfJs) => Promise<T>): Promise<T> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the array it is given: hand it a copy.
  const data = new Uint8Array(pdf.byteLength);
  data.set(pdf);
  const document = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return await read(document, pdfjs);
  } finally {
    await document.destroy();
  }
}

export async function pdfText(pdf: Uint8Array | Buffer): Promise<string[]> {
  return withPdf(pdf, async (document) => {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      let lastY: number | undefined;
      let lastEnd: number | undefined;
      for (const item of content.items) {
        if (!isPiece(item) || item.str === '') continue;
        const x = item.transform[4] ?? 0;
        const y = item.transform[5] ?? 0;
        if (lastY !== undefined && Math.abs(y - lastY) > 1.5) {
          lines.push(line);
          line = '';
        } else if (lastEnd !== undefined && x - lastEnd > 1.5 && line !== '') {
          line += ' ';
        }
        line += item.str;
        lastY = y;
        lastEnd = x + item.width;
      }
      if (line !== '') lines.push(line);
      pages.push(lines.map((text) => text.trimEnd()).join('\n'));
    }
    return pages;
  });
}

/** The whole text of a PDF, pages separated by form feeds. */
export async function pdfAllText(pdf: Uint8Array | Buffer): Promise<string> {
  return (await pdfText(pdf)).join('\f');
}

/** How many pictures each page of a PDF paints (embedded images such as drawn signatures). */
export async function pdfImageCounts(pdf: Uint8Array | Buffer): Promise<number[]> {
  return withPdf(pdf, async (document, pdfjs) => {
    const counts: number[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const operators = await (await document.getPage(number)).getOperatorList();
      counts.push(operators.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject).length);
    }
    return counts;
  });
}
