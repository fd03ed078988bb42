import iconv from 'iconv-lite';
import { createServer, type Server, type Socket } from 'node:net';
import type { Align, PrintDocument, TextSize } from '@shared/printing/document';

/**
 * A virtual ESC/POS printer for tests: a TCP server on 127.0.0.1 that takes one job per connection
 * and decodes exactly the commands electron/core/printing/escpos.ts emits for EPSON printers. Any
 * other byte below 0x20, or a byte above 0x7f outside Chinese mode, throws: a test cannot pass on
 * bytes a real printer would misprint. Columns are counted from the bytes, as the printer does
 * (ASCII 1, each GBK double-byte character 2, times the width magnification), not with the app's
 * own width function.
 */

export interface PrintedLine {
  text: string;
  align: Align;
  bold: boolean;
  size: TextSize;
  /** Columns the line takes on paper, from its bytes. */
  columns: number;
}

export type PrintedItem =
  | ({ kind: 'text' } & PrintedLine)
  | { kind: 'qr'; data: string; cellSize: number; correction: number }
  | { kind: 'barcode'; data: string; width: number; height: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface PrintedJob {
  raw: Buffer;
  items: PrintedItem[];
  lines: PrintedLine[];
  qr: string[];
  barcodes: string[];
  cuts: number;
  /** For each ESC @ (initialise), whether FS & (Chinese mode) followed before any text. */
  chineseAfterInit: boolean[];
}

const ALIGN: Record<number, Align> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };

export function decodeEscpos(raw: Buffer): PrintedJob {
  const items: PrintedItem[] = [];
  const chineseAfterInit: boolean[] = [];
  let state = { align: 'left' as Align, bold: false, width: 1, height: 1, chinese: false };
  let text: number[] = [];
  const qr = { data: '', cellSize: 3, correction: 48 };
  const bar = { width: 3, height: 162 };
  let i = 0;
  const byte = (at: number): number => {
    const value = raw[at];
    if (value === undefined) throw new Error(`ESC/POS: command cut short at byte ${at}`);
    return value;
  };
  const endLine = () => {
    const size: TextSize = state.width === 2 && state.height === 2 ? 'double' : state.width === 1 && state.height === 2 ? 'tall' : 'normal';
    if (state.width !== state.height && size !== 'tall') throw new Error(`ESC/POS: unexpected size ${state.width}x${state.height}`);
    const bytes = Buffer.from(text);
    items.push({ kind: 'text', text: iconv.decode(bytes, 'gb18030'), align: state.align, bold: state.bold, size, columns: bytes.length * state.width });
    text = [];
  };
  while (i < raw.length) {
    const b = byte(i);
    const next = raw[i + 1];
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x1b && next === 0x40) {
      state = { align: 'left', bold: false, width: 1, height: 1, chinese: false };
      chineseAfterInit.push(false);
      i += 2;
    } else if (b === 0x1b && next === 0x52) i += 3; // ESC R n: international character set
    else if (b === 0x1b && next === 0x61) {
      state.align = ALIGN[byte(i + 2)] ?? 'left';
      i += 3;
    } else if (b === 0x1b && next === 0x45) {
      state.bold = (byte(i + 2) & 1) === 1;
      i += 3;
    } else if (b === 0x1b && next === 0x64) {
      items.push({ kind: 'feed', lines: byte(i + 2) });
      i += 3;
    } else if (b === 0x1c && next === 0x26) {
      state.chinese = true;
      if (chineseAfterInit.length > 0) chineseAfterInit[chineseAfterInit.length - 1] = true;
      i += 2;
    } else if (b === 0x1d && next === 0x21) {
      const n = byte(i + 2);
      state.width = (n >> 4) + 1;
      state.height = (n & 0x0f) + 1;
      i += 3;
    } else if (b === 0x1d && next === 0x28 && byte(i + 2) === 0x6b) {
      // GS ( k pL pH cn fn [params]: symbol commands; cn 0x31 = QR code.
      const length = byte(i + 3) + byte(i + 4) * 256;
      const body = raw.subarray(i + 5, i + 5 + length);
      if (body.length !== length || body[0] !== 0x31) throw new Error('ESC/POS: unexpected GS ( k');
      const fn = body[1];
      if (fn === 0x43) qr.cellSize = body[2] ?? 0;
      else if (fn === 0x45) qr.correction = body[2] ?? 0;
      else if (fn === 0x50) qr.data = body.subarray(3).toString('latin1');
      else if (fn === 0x51) items.push({ kind: 'qr', data: qr.data, cellSize: qr.cellSize, correction: qr.correction });
      else if (fn !== 0x41) throw new Error(`ESC/POS: unexpected QR function 0x${(fn ?? 0).toString(16)}`);
      i += 5 + length;
    } else if (b === 0x1d && (next === 0x48 || next === 0x66)) i += 3; // HRI position / font
    else if (b === 0x1d && next === 0x77) {
      bar.width = byte(i + 2);
      i += 3;
    } else if (b === 0x1d && next === 0x68) {
      bar.height = byte(i + 2);
      i += 3;
    } else if (b === 0x1d && next === 0x6b) {
      const m = byte(i + 2);
      const n = byte(i + 3);
      if (m !== 73) throw new Error(`ESC/POS: unexpected barcode system ${m}`);
      const data = raw.subarray(i + 4, i + 4 + n).toString('latin1');
      if (!data.startsWith('{B') || data.length !== n) throw new Error('ESC/POS: CODE128 without code set B');
      items.push({ kind: 'barcode', data: data.slice(2), width: bar.width, height: bar.height });
      i += 4 + n;
    } else if (b === 0x1d && next === 0x56) {
      const m = byte(i + 2);
      items.push({ kind: 'cut' });
      i += m === 65 || m === 66 ? 4 : 3;
    } else if (b < 0x20 || b === 0x7f) {
      throw new Error(`ESC/POS: unknown command 0x${b.toString(16)} 0x${(next ?? 0).toString(16)} at byte ${i}`);
    } else {
      if (b > 0x7f && !state.chinese) throw new Error(`ESC/POS: byte 0x${b.toString(16)} outside Chinese mode at ${i}`);
      if (b === 0x80 || b === 0xff) throw new Error(`ESC/POS: 0x${b.toString(16)} is no GBK lead byte (at ${i})`);
      // A GBK character is two bytes; the trail byte may look like ASCII, so take both at once.
      if (b > 0x80 && state.chinese) text.push(b, byte(i + 1));
      else text.push(b);
      i += b > 0x80 && state.chinese ? 2 : 1;
    }
  }
  if (text.length > 0) endLine();
  const lines = items.flatMap((item) => (item.kind === 'text' ? [{ text: item.text, align: item.align, bold: item.bold, size: item.size, columns: item.columns }] : []));
  return {
    raw,
    items,
    lines,
    qr: items.flatMap((item) => (item.kind === 'qr' ? [item.data] : [])),
    barcodes: items.flatMap((item) => (item.kind === 'barcode' ? [item.data] : [])),
    cuts: items.filter((item) => item.kind === 'cut').length,
    chineseAfterInit,
  };
}

/** The virtual printer: one decoded job per connection, in arrival order. Stop and start it again on the same port. */
export class VirtualPrinter {
  readonly jobs: PrintedJob[] = [];
  /** Jobs that did not decode (a test asserts this stays empty). */
  readonly errors: Error[] = [];
  /** Connections that sent nothing: the app asking whether the printer is there (no job, no paper). */
  probes = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(public port: number) {}

  static async start(): Promise<VirtualPrinter> {
    const printer = new VirtualPrinter(0);
    await printer.start();
    return printer;
  }

  /** Listens again (on the same port once it has one): the printer is back. */
  start(): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (raw.length === 0) {
          this.probes += 1;
          socket.end();
          return;
        }
        try {
          this.jobs.push(decodeEscpos(raw));
        } catch (error) {
          this.errors.push(error instanceof Error ? error : new Error(String(error)));
        }
        socket.end();
      });
      socket.on('error', () => undefined); // a dropped connection is the app's business, not a test failure here
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }

  /** Stops listening and drops open connections: the printer is off. */
  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

/** A deposit receipt as the rentals feature prints it: title, QR, pairs, Chinese terms, barcode, cut. */
export function sampleReceipt(receiptNo = 'R20261129-0001'): PrintDocument {
  return {
    kind: 'deposit-receipt',
    ref: receiptNo,
    blocks: [
      { type: 'text', text: '阳光水世界', align: 'center', bold: true, size: 'double' },
      { type: 'text', text: '押金收据 Deposit receipt', align: 'center', bold: true },
      { type: 'rule', char: '=' },
      { type: 'qr', data: receiptNo },
      { type: 'pair', left: '押金 Deposit', right: '¥500.00', bold: true },
      { type: 'pair', left: '大写 In words', right: '伍佰元整' },
      { type: 'pair', left: '物品 Item', right: '轮椅 Wheelchair W-07' },
      { type: 'text', text: '请于闭园前归还，凭本单退还押金。\nReturn by closing time for your refund.' },
      { type: 'barcode', data: receiptNo },
      { type: 'cut' },
    ],
  };
}
