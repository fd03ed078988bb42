import iconv from 'iconv-lite';
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { LaidOutLine } from '@shared/printing/layout';
import { isGbkPrintable } from '@shared/printing/width';
import { NO_CHINA_PAGE, type PrinterType } from '@shared/printing/settings';

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

const ASCII = /^[\x20-\x7e]*$/;

/** Each character's GBK bytes, as iconv-lite encodes it, kept after its first use (a receipt repeats the same few hundred). */
const gbkBytes = new Map<string, Buffer>();

function gbkOf(char: string): Buffer {
  let bytes = gbkBytes.get(char);
  if (!bytes) {
    bytes = iconv.encode(char, 'gbk');
    gbkBytes.set(char, bytes);
  }
  return bytes;
}

/**
 * A printable line's bytes: GBK, which is stateless and keeps ASCII as single bytes, so a line's
 * bytes are its characters' bytes one after another (tests hold this equal to iconv-lite's whole-line
 * encoding); a line without Chinese needs no encoder.
 */
export function encodeText(text: string, chinese: boolean): Buffer {
  if (!chinese || ASCII.test(text)) return Buffer.from(text, 'latin1');
  const out = Buffer.allocUnsafe(text.length * 2);
  let length = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) out[length++] = code;
    // Only what the layout lets through is taken one by one; anything else (private use, emoji)
    // goes to iconv-lite as a whole line, whose encoder may read it together with its neighbours.
    else if (isGbkPrintable(code)) length += gbkOf(char).copy(out, length);
    else return iconv.encode(text, 'gbk');
  }
  return out.subarray(0, length);
}

/** The bytes one library call appends, taken from a builder printer that is emptied again after it. */
function take(printer: ThermalPrinter, call: (printer: ThermalPrinter) => void): Buffer {
  printer.clear();
  call(printer);
  const buffer: Buffer | null = printer.getBuffer();
  const bytes = buffer ? Buffer.from(buffer) : Buffer.alloc(0);
  printer.clear();
  return bytes;
}

type Size = 'normal' | 'double' | 'tall';
type Alignment = 'left' | 'center' | 'right';

/** A command set's fixed commands, each built once by node-thermal-printer, and its builder for the variable ones (QR, barcode). */
interface CommandSet {
  builder: ThermalPrinter;
  init: Buffer;
  /** ESC R (China) and FS &; undefined for command sets without a China code page. */
  chineseMode: Buffer | undefined;
  align: Record<Alignment, Buffer>;
  bold: { on: Buffer; off: Buffer };
  size: Record<Size, Buffer>;
  newLine: Buffer;
  cut: Buffer;
}

const commandSets = new Map<PrinterType, CommandSet>();

function commandsFor(type: PrinterType): CommandSet {
  let set = commandSets.get(type);
  if (set) return set;
  // The interface is never used: the printer object only builds bytes. It is never executed, so its
  // buffer (which `execute()` would not clear) is emptied after every command taken from it.
  const builder = new ThermalPrinter({ type: TYPES[type], interface: 'tcp://127.0.0.1:9', width: 48 });
  const size = (value: Size) =>
    take(builder, (printer) => {
      if (GS_SIZE.has(type)) {
        // The library names its arguments (height, width) but writes them as GS ! n's high and low
        // nibbles, which ESC/POS reads as width and height: (width - 1, height - 1) is what is meant.
        printer.setTextSize(value === 'double' ? 1 : 0, value === 'normal' ? 0 : 1);
      } else if (value === 'double') printer.setTextQuadArea();
      else if (value === 'tall') printer.setTextDoubleHeight();
      else printer.setTextNormal();
    });
  set = {
    builder,
    init: take(builder, (printer) => (printer as unknown as WithInit).initHardware()),
    chineseMode: NO_CHINA_PAGE.has(type) ? undefined : Buffer.concat([take(builder, (printer) => printer.setCharacterSet(CharacterSet.CHINA)), FS_CHINESE_ON]),
    align: {
      left: take(builder, (printer) => printer.alignLeft()),
      center: take(builder, (printer) => printer.alignCenter()),
      right: take(builder, (printer) => printer.alignRight()),
    },
    bold: { on: take(builder, (printer) => printer.bold(true)), off: take(builder, (printer) => printer.bold(false)) },
    size: { normal: size('normal'), double: size('double'), tall: size('tall') },
    newLine: take(builder, (printer) => printer.newLine()),
    cut: take(builder, (printer) => printer.cut()),
  };
  commandSets.set(type, set);
  return set;
}

/**
 * Renders laid-out lines to one job's bytes. The commands are node-thermal-printer's; they are
 * gathered in a list and joined once (the library's own buffer copies itself on every command).
 */
export function renderEscpos(lines: readonly LaidOutLine[], options: EscposOptions): Buffer {
  const commands = commandsFor(options.type);
  const out: Buffer[] = [commands.init];
  const { chineseMode: chineseBytes } = commands;
  if (options.chinese && !chineseBytes) throw new Error(`the ${options.type} command set has no China code page`);
  const chineseMode = () => {
    if (options.chinese && chineseBytes) out.push(chineseBytes);
  };
  const textLine = (text: string, value: Alignment, bold: boolean, size: Size) => {
    out.push(commands.align[value], bold ? commands.bold.on : commands.bold.off, commands.size[size]);
    if (text) out.push(encodeText(text, options.chinese));
    out.push(commands.newLine);
  };

  chineseMode();
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        textLine(line.text, line.align, line.bold, line.size);
        break;
      case 'qr':
        if (HAS_QR.has(options.type)) {
          out.push(commands.align.center, take(commands.builder, (printer) => printer.printQR(line.data, { cellSize: line.cellSize, correction: 'M', model: 2 })));
        } else textLine(line.data, 'center', false, 'normal');
        break;
      case 'barcode':
        if (HAS_CODE128.has(options.type)) {
          const width = options.type === 'STAR' ? (line.moduleWidth <= 2 ? 'SMALL' : 'MEDIUM') : line.moduleWidth;
          out.push(
            commands.align.center,
            take(commands.builder, (printer) => (printer.code128.bind(printer) as unknown as Code128)(line.data, { width, height: line.height, hriPos: 0, hriFont: 0, text: 1 })),
          );
        }
        break;
      case 'cut':
        out.push(commands.cut);
        chineseMode();
        break;
    }
  }
  return Buffer.concat(out);
}
