import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { LaidOutLine } from '@shared/printing/layout';
import type { PrinterType } from '@shared/printing/settings';

/**
 * Laid-out lines → ESC/POS bytes, with node-thermal-printer building the commands (a fresh instance
 * per job: `execute()` never clears its buffer). It only builds bytes here; the drivers send them.
 *
 * What a job looks like on an EPSON (or TANCA) printer, and what tests/support/virtualPrinter.ts decodes:
 *   ESC @            initialise
 *   ESC R 15         China character set (CharacterSet.CHINA)        } only with
 *   FS &             Chinese (double-byte GBK) mode: the library omits it } `chinese`
 *   per text line:   ESC a n (align) · ESC E n (bold) · GS ! n (size) · the line's bytes · LF
 *   per QR code:     ESC a 1 · GS ( k: model 2, module size, correction M, store data, print
 *   per barcode:     ESC a 1 · GS H 0 · GS f 0 · GS w n · GS h n · GS k 73 len {B data
 *   per cut:         ESC d 4 · ESC d 4 · GS V 0 · ESC @, then ESC R 15 · FS & again (ESC @ resets them)
 * Text bytes are the already-printable line encoded as GBK by iconv-lite (ASCII when Chinese is off);
 * the library's own folding and code-page hunting are never used.
 */

export const FS_CHINESE_ON = Buffer.from([0x1c, 0x26]);

export interface EscposOptions {
  type: PrinterType;
  chinese: boolean;
}

const TYPES: Record<PrinterType, PrinterTypes> = {
  EPSON: PrinterTypes.EPSON,
  STAR: PrinterTypes.STAR,
  TANCA: PrinterTypes.TANCA,
  DARUMA: PrinterTypes.DARUMA,
  BROTHER: PrinterTypes.BROTHER,
};

/** Command sets that take GS ! (scales Chinese and ASCII alike); the others use the library's own size commands. */
const GS_SIZE: ReadonlySet<PrinterType> = new Set(['EPSON', 'TANCA', 'BROTHER']);
/** Which command sets node-thermal-printer can print these symbols on; elsewhere the data prints as text. */
const HAS_QR: ReadonlySet<PrinterType> = new Set(['EPSON', 'TANCA', 'STAR', 'BROTHER']);
const HAS_CODE128: ReadonlySet<PrinterType> = new Set(['EPSON', 'STAR']);

/**
 * node-thermal-printer's typings say code128's width is 'SMALL' | 'MEDIUM' | 'LARGE' and know no
 * HRI settings, but its EPSON implementation takes the module width in dots (2 to 6) and HRI
 * position/font: the call as it really is.
 */
/** `initHardware` (ESC @, or the command set's reset) exists in the library but not in its typings. */
type WithInit = { initHardware(): void };

type Code128 = (data: string, settings: { width: number | 'SMALL' | 'MEDIUM'; height: number; hriPos: number; hriFont: number; text: number }) => void;

export function encodeText(text: string, chinese: boolean): Buffer {
  return chinese ? iconv.encode(text, 'gbk') : Buffer.from(text, 'latin1');
}

export function renderEscpos(lines: readonly LaidOutLine[], options: EscposOptions): Buffer {
  // The interface is never used: the printer object only builds the buffer.
  const printer = new ThermalPrinter({ type: TYPES[options.type], interface: 'tcp://127.0.0.1:9', width: 48 });
  const chineseMode = () => {
    if (!options.chinese) return;
    printer.setCharacterSet(CharacterSet.CHINA);
    printer.add(FS_CHINESE_ON);
  };
  const setSize = (size: 'normal' | 'double' | 'tall') => {
    if (GS_SIZE.has(options.type)) {
      // The library names its arguments (height, width) but writes them as GS ! n's high and low
      // nibbles, which ESC/POS reads as width and height: (width - 1, height - 1) is what is meant.
      printer.setTextSize(size === 'double' ? 1 : 0, size === 'normal' ? 0 : 1);
    } else if (size === 'double') printer.setTextQuadArea();
    else if (size === 'tall') printer.setTextDoubleHeight();
    else printer.setTextNormal();
  };
  const align = (value: 'left' | 'center' | 'right') => {
    if (value === 'center') printer.alignCenter();
    else if (value === 'right') printer.alignRight();
    else printer.alignLeft();
  };
  const textLine = (text: string, value: 'left' | 'center' | 'right', bold: boolean, size: 'normal' | 'double' | 'tall') => {
    align(value);
    printer.bold(bold);
    setSize(size);
    if (text) printer.add(encodeText(text, options.chinese));
    printer.newLine();
  };

  (printer as unknown as WithInit).initHardware();
  chineseMode();
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        textLine(line.text, line.align, line.bold, line.size);
        break;
      case 'qr':
        if (HAS_QR.has(options.type)) {
          align('center');
          printer.printQR(line.data, { cellSize: line.cellSize, correction: 'M', model: 2 });
        } else textLine(line.data, 'center', false, 'normal');
        break;
      case 'barcode':
        if (HAS_CODE128.has(options.type)) {
          align('center');
          const code128 = printer.code128.bind(printer) as unknown as Code128;
          const width = options.type === 'STAR' ? (line.moduleWidth <= 2 ? 'SMALL' : 'MEDIUM') : line.moduleWidth;
          code128(line.data, { width, height: line.height, hriPos: 0, hriFont: 0, text: 1 });
        }
        break;
      case 'cut':
        printer.cut();
        chineseMode();
        break;
    }
  }
  return Buffer.from(printer.getBuffer());
}
