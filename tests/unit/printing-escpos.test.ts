import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '@shared/printing/layout';
import { PRINTER_TYPES } from '@shared/printing/settings';
import { encodeText, FS_CHINESE_ON, renderEscpos } from '../../electron/core/printing/escpos';
import { decodeEscpos, sampleReceipt } from '../support/virtualPrinter';

const ESC_INIT = Buffer.from([0x1b, 0x40]);
const CUT = Buffer.from([0x1d, 0x56, 0x00]);

/** Every index where `needle` starts in `haystack`. */
function indexesOf(haystack: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const twoSlips = { kind: 'test', blocks: [{ type: 'text', text: '顾客联' }, { type: 'cut' }, { type: 'text', text: '存根联' }, { type: 'cut' }] } as const;

describe('encodeText', () => {
  it("gives iconv-lite's GBK bytes of the whole line, for every BMP character and mixed lines", () => {
    const every = Array.from({ length: 0xffff - 0x80 }, (_, i) => String.fromCharCode(0x80 + i)).filter((char) => !/[\ud800-\udfff]/.test(char));
    for (let at = 0; at < every.length; at += 512) {
      const line = every.slice(at, at + 512).join('');
      expect(encodeText(line, true).equals(iconv.encode(line, 'gbk'))).toBe(true);
    }
    for (const line of ['押金 Deposit ￥500.00', '核验码 Check code          4KGC', 'é·°× 😀 €', '请妥善保管本收据，凭此收据归还物品。']) {
      expect(encodeText(line, true).equals(iconv.encode(line, 'gbk'))).toBe(true);
    }
    expect([...encodeText('轮椅 A', true)]).toEqual([0xc2, 0xd6, 0xd2, 0xce, 0x20, 0x41]);
    expect(encodeText('Wheelchair', false).toString('latin1')).toBe('Wheelchair');
  });
});

describe('ESC/POS bytes', () => {
  const lines = layoutDocument(sampleReceipt(), { columns: 48 });
  const bytes = renderEscpos(lines, { type: 'EPSON', chinese: true });

  it('start with ESC @, the China character set and FS &, and enter Chinese mode again after every cut', () => {
    expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1b, 0x52, 0x0f, 0x1c, 0x26]);
    const doc = renderEscpos(layoutDocument({ ...twoSlips, blocks: [...twoSlips.blocks] }, { columns: 48 }), { type: 'EPSON', chinese: true });
    const inits = indexesOf(doc, ESC_INIT);
    const cuts = indexesOf(doc, CUT);
    expect(cuts).toHaveLength(2);
    expect(inits).toHaveLength(3); // the job's own, and the one cut() appends
    for (const at of inits) expect([...doc.subarray(at + 2, at + 7)], `after ESC @ at ${at}`).toEqual([0x1b, 0x52, 0x0f, 0x1c, 0x26]);
    for (const at of cuts) expect(doc.indexOf(FS_CHINESE_ON, at), `after the cut at ${at}`).toBeGreaterThan(at);
    expect(indexesOf(doc, FS_CHINESE_ON)).toHaveLength(3);
  });

  it('print Chinese lines as exact GBK bytes, with their alignment, weight and size set before them', () => {
    const title = Buffer.concat([Buffer.from([0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11]), iconv.encode('阳光水世界', 'gbk'), Buffer.from([0x0a])]);
    expect(bytes.indexOf(title)).toBeGreaterThan(0);
    const terms = Buffer.concat([Buffer.from([0x1b, 0x61, 0x00, 0x1b, 0x45, 0x00, 0x1d, 0x21, 0x00]), iconv.encode('请于闭园前归还，凭本单退还押金。', 'gbk'), Buffer.from([0x0a])]);
    expect(bytes.indexOf(terms)).toBeGreaterThan(0);
    // ¥ is not GBK: the layout printed the full-width ￥ (A3 A4), never a GB18030 four-byte sequence.
    expect(bytes.indexOf(iconv.encode('￥500.00', 'gbk'))).toBeGreaterThan(0);
    expect(bytes.indexOf(iconv.encode('¥', 'gb18030'))).toBe(-1);
  });

  it('decode back to exactly the laid-out lines, QR code, barcode and cut', () => {
    const printed = decodeEscpos(bytes);
    const expected = lines.flatMap((line) => (line.kind === 'text' ? [{ text: line.text, align: line.align, bold: line.bold, size: line.size }] : []));
    expect(printed.lines.map(({ columns: _columns, ...line }) => line)).toEqual(expected);
    expect(printed.items.filter((item) => item.kind !== 'text' && item.kind !== 'feed')).toEqual([
      { kind: 'qr', data: 'R20261129-0001', cellSize: 6, correction: 0x31 },
      { kind: 'barcode', data: 'R20261129-0001', width: 3, height: 80 },
      { kind: 'cut' },
    ]);
    expect(Math.max(...printed.lines.map((line) => line.columns))).toBeLessThanOrEqual(48);
    expect(printed.chineseAfterInit).toEqual([true, true]);
  });

  it('use a fresh printer per job: the same job renders the same bytes twice', () => {
    expect(renderEscpos(lines, { type: 'EPSON', chinese: true }).equals(bytes)).toBe(true);
  });

  it('stay single-byte without Chinese: no FS &, no byte above 0x7f in the text', () => {
    const ascii = renderEscpos(layoutDocument(sampleReceipt(), { columns: 32, chinese: false }), { type: 'EPSON', chinese: false });
    expect(ascii.indexOf(FS_CHINESE_ON)).toBe(-1);
    const printed = decodeEscpos(ascii);
    expect(printed.lines[3]?.text).toBe(`?? Deposit${' '.repeat(13)}RMB500.00`);
    expect(printed.lines.every((line) => line.columns <= 32)).toBe(true);
    expect(printed.chineseAfterInit).toEqual([false, false]);
  });

  it('render every command set the settings allow without throwing', () => {
    for (const type of PRINTER_TYPES) {
      const chinese = type !== 'STAR' && type !== 'BROTHER';
      const out = renderEscpos(layoutDocument(sampleReceipt(), { columns: 48, chinese }), { type, chinese });
      expect(out.length, type).toBeGreaterThan(100);
    }
  });
});
