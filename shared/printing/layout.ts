import type { Align, Block, PrintDocument, TextSize } from './document';
import { charWidth, displayWidth, toPrintable } from './width';

/**
 * The layout: a document and a paper width in, printed lines out. Every text line is already
 * printable (see `toPrintable`), wrapped, and no wider than the paper (a `double` line counts twice);
 * pair lines are padded to the full width. The ESC/POS renderer and the on-screen preview both draw
 * exactly these lines, so screen and paper cannot diverge.
 */
export type LaidOutLine =
  | { kind: 'text'; text: string; align: Align; bold: boolean; size: TextSize }
  /** `cellSize`: module size in dots, already reduced to fit the paper. */
  | { kind: 'qr'; data: string; cellSize: number }
  /** CODE128 code set B; `moduleWidth` in dots (2 or 3), `height` in dots. Its text follows as a text line. */
  | { kind: 'barcode'; data: string; moduleWidth: number; height: number }
  | { kind: 'cut' };

export interface LayoutOptions {
  /** Characters per line at normal size: 32 (58 mm) or 48 (80 mm). */
  columns: number;
  /** 0 for the original; 1, 2 … for reprints, which carry the banner. */
  copy?: number;
  /** The printer prints Chinese (GBK); false reduces text to ASCII. Default true. */
  chinese?: boolean;
}

/** Dots per column on 203 dpi thermal printers: 384 dots / 32 columns = 576 / 48 = 12. */
export const DOTS_PER_COLUMN = 12;

export const REPRINT_BANNER = '补打 / REPRINT';
export const BARCODE_HEIGHT = 80;
export const DEFAULT_QR_CELL = 6;

/** Characters that must not start a line (Chinese line-breaking rules, 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉…—～％,.;:?!)]}%']);

/** Zoom of a text size across the paper. */
export function widthFactor(size: TextSize): 1 | 2 {
  return size === 'double' ? 2 : 1;
}

type Token = { text: string; width: number; space: boolean };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let wordWidth = 0;
  const flush = () => {
    if (word) tokens.push({ text: word, width: wordWidth, space: false });
    word = '';
    wordWidth = 0;
  };
  for (const char of text) {
    const width = charWidth(char);
    if (char === ' ') {
      flush();
      tokens.push({ text: ' ', width: 1, space: true });
    } else if (width === 2) {
      // Chinese breaks between any two characters; Latin words stay whole when they can.
      flush();
      tokens.push({ text: char, width, space: false });
    } else {
      word += char;
      wordWidth += width;
    }
  }
  flush();
  return tokens;
}

/**
 * Wraps one printable paragraph to `width` columns: Latin words stay whole unless longer than a
 * line, Chinese breaks anywhere but never puts closing punctuation first on a line, spaces at a
 * break are dropped. Always returns at least one line (an empty paragraph is a blank line).
 */
export function wrapText(text: string, width: number): string[] {
  // A text that fits is one line as it is: no break can happen in it (most receipt lines).
  if (displayWidth(text) <= width) return [text.trimEnd()];
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  const push = () => {
    lines.push(current.trimEnd());
    current = '';
    currentWidth = 0;
  };
  for (const token of tokenize(text)) {
    if (token.space) {
      if (current === '' && lines.length > 0) continue;
      if (currentWidth + 1 > width) push();
      else {
        current += ' ';
        currentWidth += 1;
      }
      continue;
    }
    if (currentWidth + token.width <= width) {
      current += token.text;
      currentWidth += token.width;
      continue;
    }
    if (token.width > width) {
      // A word longer than a line: split it by characters, starting on the current line.
      for (const char of token.text) {
        const w = charWidth(char);
        if (currentWidth + w > width) push();
        current += char;
        currentWidth += w;
      }
      continue;
    }
    const chars = [...current];
    const last = chars[chars.length - 1];
    if (NO_LINE_START.has(token.text) && chars.length > 1 && last !== undefined && last !== ' ') {
      // Carry the previous character down so the punctuation does not open the line.
      current = chars.slice(0, -1).join('');
      push();
      current = last + token.text;
      currentWidth = charWidth(last) + token.width;
      continue;
    }
    push();
    current = token.text;
    currentWidth = token.width;
  }
  if (current !== '' || lines.length === 0) push();
  return lines;
}

/** Paragraphs of a raw text, each made printable and wrapped. */
function paragraphs(text: string, width: number, chinese: boolean): string[] {
  return text.split(/\r?\n/).flatMap((paragraph) => wrapText(toPrintable(paragraph, chinese), width));
}

/** Byte-mode QR capacity at correction M for versions 1 to 13 (ISO 18004 table 7). */
const QR_CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331];

/** Modules per side of the QR code a printer makes for this much data (byte mode, correction M). */
export function qrModules(length: number): number {
  const index = QR_CAPACITY_M.findIndex((capacity) => length <= capacity);
  const version = index < 0 ? QR_CAPACITY_M.length : index + 1;
  return 17 + 4 * version;
}

/** Modules of a CODE128 code-set-B symbol: start, data, check (11 each) and stop (13). */
export function code128Modules(length: number): number {
  return (length + 3) * 11 + 2;
}

function text(value: string, align: Align = 'left', bold = false, size: TextSize = 'normal'): LaidOutLine {
  return { kind: 'text', text: value, align, bold, size };
}

function layoutPair(left: string, right: string, bold: boolean, columns: number): LaidOutLine[] {
  const rightWidth = displayWidth(right);
  const leftWidth = displayWidth(left);
  if (right === '') return wrapText(left, columns).map((line) => text(line, 'left', bold));
  if (left === '') return wrapText(right, columns).map((line) => text(line, 'right', bold));
  if (rightWidth > columns - 6 || (leftWidth + 1 + rightWidth > columns && leftWidth <= columns)) {
    // A value too long to share a line, or one that would break a label that fits a line by itself
    // ("游客 Visitor" beside a long name): the label above, the value right-aligned under it.
    return [...wrapText(left, columns).map((line) => text(line, 'left', bold)), ...wrapText(right, columns).map((line) => text(line, 'right', bold))];
  }
  const labels = wrapText(left, columns - rightWidth - 1);
  return labels.map((label, index) => {
    if (index > 0) return text(label, 'left', bold);
    const gap = columns - displayWidth(label) - rightWidth;
    return text(label + ' '.repeat(gap) + right, 'left', bold);
  });
}

/** A pair's label or value on one line: line breaks (and the spaces around them) become one space. */
const oneLine = (value: string) => (value.includes('\n') ? value.replace(/\s*\r?\n\s*/g, ' ') : value);

function layoutBlock(block: Block, columns: number, chinese: boolean): LaidOutLine[] {
  const dots = columns * DOTS_PER_COLUMN;
  switch (block.type) {
    case 'text': {
      const size = block.size ?? 'normal';
      const width = Math.floor(columns / widthFactor(size));
      return paragraphs(block.text, width, chinese).map((line) => text(line, block.align ?? 'left', block.bold ?? false, size));
    }
    case 'pair':
      return layoutPair(toPrintable(oneLine(block.left), chinese), toPrintable(oneLine(block.right), chinese), block.bold ?? false, columns);
    case 'rule':
      return [text((block.char ?? '-').repeat(columns))];
    case 'feed':
      return Array.from({ length: block.lines }, () => text(''));
    case 'qr': {
      const modules = qrModules(block.data.length);
      let cellSize = block.size ?? DEFAULT_QR_CELL;
      while (cellSize > 1 && modules * cellSize > dots) cellSize -= 1;
      return [{ kind: 'qr', data: block.data, cellSize }];
    }
    case 'barcode': {
      const modules = code128Modules(block.data.length);
      const moduleWidth = [3, 2].find((width) => modules * width <= dots);
      const caption = text(block.data, 'center');
      return moduleWidth ? [{ kind: 'barcode', data: block.data, moduleWidth, height: BARCODE_HEIGHT }, caption] : [caption];
    }
    case 'cut':
      return [{ kind: 'cut' }];
  }
}

/** The bold centered line that marks a reprint, with its copy number. */
export function reprintBanner(copy: number, chinese = true): LaidOutLine {
  return text(`${chinese ? REPRINT_BANNER : 'REPRINT'} #${copy}`, 'center', true);
}

/**
 * Lays a document out for a paper width. A reprint (`copy > 0`) starts with the reprint banner, and
 * so does every further slip after a cut. The result always ends with a cut.
 */
export function layoutDocument(doc: PrintDocument, options: LayoutOptions): LaidOutLine[] {
  const { columns } = options;
  const copy = options.copy ?? 0;
  const chinese = options.chinese ?? true;
  if (!Number.isInteger(columns) || columns < 16) throw new RangeError(`columns must be a whole number of at least 16, got ${columns}`);
  const body = doc.blocks.flatMap((block) => layoutBlock(block, columns, chinese));
  if (body[body.length - 1]?.kind !== 'cut') body.push({ kind: 'cut' });
  if (copy <= 0) return body;
  const lines: LaidOutLine[] = [reprintBanner(copy, chinese)];
  body.forEach((line, index) => {
    lines.push(line);
    if (line.kind === 'cut' && index < body.length - 1) lines.push(reprintBanner(copy, chinese));
  });
  return lines;
}

/** Columns a laid-out text line takes on paper. */
export function lineWidth(line: Extract<LaidOutLine, { kind: 'text' }>): number {
  return displayWidth(line.text) * widthFactor(line.size);
}

/**
 * The laid-out lines as plain UTF-8 text, aligned within the paper's columns: what the preview
 * printer saves next to its bytes so staff can read a printout without a printer.
 */
export function layoutToText(lines: readonly LaidOutLine[], columns: number): string {
  const center = (value: string) => ' '.repeat(Math.max(0, Math.floor((columns - displayWidth(value)) / 2))) + value;
  const out = lines.map((line) => {
    switch (line.kind) {
      case 'text': {
        const free = Math.max(0, columns - lineWidth(line));
        const pad = line.align === 'center' ? Math.floor(free / 2) : line.align === 'right' ? free : 0;
        return (' '.repeat(pad) + line.text).trimEnd();
      }
      case 'qr':
        return center(`[QR: ${line.data}]`);
      case 'barcode':
        return center('[CODE128]');
      case 'cut':
        return `${'-'.repeat(columns - 2)}8<`;
    }
  });
  return `${out.join('\n')}\n`;
}
