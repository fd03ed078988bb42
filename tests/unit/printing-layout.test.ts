import { describe, expect, it } from 'vitest';
import { printDocumentSchema, type PrintDocument } from '@shared/printing/document';
import { code128Modules, layoutDocument, layoutToText, lineWidth, qrModules, wrapText, type LaidOutLine } from '@shared/printing/layout';
import { displayWidth, toPrintable } from '@shared/printing/width';
import { handoverSlip } from '../../electron/core/lostFound/documents';
import { sampleReceipt } from '../support/virtualPrinter';

type TextLine = Extract<LaidOutLine, { kind: 'text' }>;
const texts = (lines: LaidOutLine[]): TextLine[] => lines.filter((line): line is TextLine => line.kind === 'text');
const doc = (blocks: PrintDocument['blocks']): PrintDocument => ({ kind: 'test', blocks });

/** A small deterministic generator, so the property tests below are the same on every run. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}
const PIECES = ['押金', '轮椅', '婴儿车', '雨伞', '，', '。', '：', '（押）', 'Deposit', 'wheelchair', ' ', ' ', '  ', '￥500.00', '¥30.00', '😀', 'R20261129-0001', 'Supercalifragilisticexpialidocious', '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', '—', '·', 'é', '\n'];

describe('wrapText', () => {
  it('keeps Latin words whole, breaks Chinese anywhere and drops spaces at breaks', () => {
    expect(wrapText('Please return the wheelchair by closing time', 16)).toEqual(['Please return', 'the wheelchair', 'by closing time']);
    expect(wrapText('请于闭园前归还轮椅并凭本单退还押金', 16)).toEqual(['请于闭园前归还轮', '椅并凭本单退还押', '金']);
    expect(wrapText('押金 Deposit refunded', 12)).toEqual(['押金 Deposit', 'refunded']);
    expect(wrapText('', 16)).toEqual(['']);
  });

  it('splits a word longer than the line', () => {
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ']);
  });

  it('never starts a line with closing punctuation: the character before it comes along', () => {
    // 请…椅 fill the 18 columns exactly; '，' may not open the next line, so 椅 moves down with it.
    const lines = wrapText('请于闭园前归还轮椅，谢谢', 18);
    expect(lines).toEqual(['请于闭园前归还轮', '椅，谢谢']);
    expect(lines.every((line) => displayWidth(line) <= 18)).toBe(true);
  });
});

describe('layoutDocument', () => {
  it('lays a pair out as label, padding and right-aligned value across the full width', () => {
    const [line] = texts(layoutDocument(doc([{ type: 'pair', left: '押金 Deposit', right: '¥500.00', bold: true }]), { columns: 32 }));
    // 12 columns of label, 8 of value (￥ is full-width), 12 of padding.
    expect(line).toEqual({ kind: 'text', text: `押金 Deposit${' '.repeat(12)}￥500.00`, align: 'left', bold: true, size: 'normal' });
    expect(displayWidth(line?.text ?? '')).toBe(32);
  });

  it('wraps a long label under itself and keeps the value on the first line', () => {
    const lines = texts(layoutDocument(doc([{ type: 'pair', left: '轮椅 Wheelchair, folding, with cushion', right: '￥500.00' }]), { columns: 32 }));
    // The label wraps within 32 - 8 - 1 = 23 columns.
    expect(lines.map((line) => line.text)).toEqual([`轮椅 Wheelchair,${' '.repeat(8)}￥500.00`, 'folding, with cushion']);
  });

  it('puts a value too long to share the line under its label, right-aligned', () => {
    const right = '叁佰贰拾伍元零肆分 (three hundred twenty-five yuan)';
    const lines = texts(layoutDocument(doc([{ type: 'pair', left: '大写 In words', right }]), { columns: 32 }));
    expect(lines[0]).toMatchObject({ text: '大写 In words', align: 'left' });
    expect(lines.slice(1).every((line) => line.align === 'right')).toBe(true);
    expect(lines.slice(1).map((line) => line.text).join(' ')).toBe(right);
  });

  it('keeps a label that fits a line whole: a long value goes under it rather than breaking the label', () => {
    // 12 columns of label and 20 of name do not fit 32 with their space; the label is not split in two.
    const right = 'Maximilian Alexander';
    const lines = texts(layoutDocument(doc([{ type: 'pair', left: '游客 Visitor', right }]), { columns: 32 }));
    expect(lines.map((line) => [line.text, line.align])).toEqual([
      ['游客 Visitor', 'left'],
      [right, 'right'],
    ]);
    // With room for both, they share the line.
    const [one, ...rest] = texts(layoutDocument(doc([{ type: 'pair', left: '游客 Visitor', right }]), { columns: 48 }));
    expect(rest).toEqual([]);
    expect(one?.text).toBe(`游客 Visitor${' '.repeat(16)}${right}`);
  });

  it('halves the characters per line for double size and counts them twice', () => {
    const lines = texts(layoutDocument(doc([{ type: 'text', text: '阳光水世界游客服务中心欢迎您', size: 'double', align: 'center' }]), { columns: 32 }));
    expect(lines.map((line) => line.text)).toEqual(['阳光水世界游客服', '务中心欢迎您']);
    expect(lines.map(lineWidth)).toEqual([32, 24]);
    const tall = texts(layoutDocument(doc([{ type: 'text', text: '阳光水世界游客服务中心欢迎您', size: 'tall' }]), { columns: 32 }));
    expect(tall.map((line) => line.text)).toEqual(['阳光水世界游客服务中心欢迎您']);
  });

  it('never lays out a line wider than the paper: Chinese, mixed, long values, every size, 58 and 80 mm', () => {
    const next = random(20261129);
    for (let round = 0; round < 300; round += 1) {
      const piece = () => Array.from({ length: 1 + next(12) }, () => PIECES[next(PIECES.length)]).join('');
      const size = (['normal', 'double', 'tall'] as const)[next(3)];
      const document = doc([
        { type: 'text', text: piece(), size, align: (['left', 'center', 'right'] as const)[next(3)] },
        { type: 'pair', left: piece(), right: piece().replace(/\n/g, '') },
        { type: 'rule', char: '=' },
      ]);
      for (const columns of [32, 48]) {
        for (const line of texts(layoutDocument(document, { columns, copy: next(3) }))) {
          expect(lineWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(columns);
          expect(line.text).toBe(toPrintable(line.text, true));
        }
      }
    }
  });

  it('loses no printable character when it wraps', () => {
    const next = random(7);
    for (let round = 0; round < 200; round += 1) {
      const text = Array.from({ length: 1 + next(20) }, () => PIECES[next(PIECES.length)]).join('');
      const lines = texts(layoutDocument(doc([{ type: 'text', text }]), { columns: 32 }));
      const squash = (value: string) => value.replace(/\s+/g, '');
      expect(squash(lines.map((line) => line.text).join(''))).toBe(squash(text.split('\n').map((p) => toPrintable(p, true)).join('')));
    }
  });

  it('starts a reprint with the bold centered 补打 / REPRINT banner and its copy number, on every slip', () => {
    const document = doc([{ type: 'text', text: 'Customer copy' }, { type: 'cut' }, { type: 'text', text: 'Counter copy' }]);
    const original = layoutDocument(document, { columns: 48 });
    expect(texts(original).some((line) => line.text.includes('REPRINT'))).toBe(false);
    const copy = layoutDocument(document, { columns: 48, copy: 2 });
    const banner = { kind: 'text', text: '补打 / REPRINT #2', align: 'center', bold: true, size: 'normal' };
    expect(copy).toEqual([banner, original[0], { kind: 'cut' }, banner, original[2], { kind: 'cut' }]);
    expect(layoutDocument(document, { columns: 48, copy: 1, chinese: false })[0]).toMatchObject({ text: 'REPRINT #1' });
  });

  it('always ends with exactly one cut', () => {
    expect(layoutDocument(doc([{ type: 'text', text: 'a' }]), { columns: 32 }).at(-1)).toEqual({ kind: 'cut' });
    expect(layoutDocument(doc([{ type: 'text', text: 'a' }, { type: 'cut' }]), { columns: 32 }).filter((l) => l.kind === 'cut')).toHaveLength(1);
  });

  it('makes QR codes and barcodes fit the paper', () => {
    const data = 'https://park.example/r/'.padEnd(180, 'x');
    const [qr58] = layoutDocument(doc([{ type: 'qr', data, size: 8 }]), { columns: 32 });
    expect(qr58).toEqual({ kind: 'qr', data, cellSize: Math.floor(384 / qrModules(data.length)) });
    expect(layoutDocument(doc([{ type: 'qr', data: 'R1' }]), { columns: 48 })[0]).toEqual({ kind: 'qr', data: 'R1', cellSize: 6 });

    const receiptNo = 'R20261129-0001';
    expect(code128Modules(receiptNo.length) * 3).toBe(567);
    expect(layoutDocument(doc([{ type: 'barcode', data: receiptNo }]), { columns: 48 })[0]).toMatchObject({ kind: 'barcode', moduleWidth: 3 });
    expect(layoutDocument(doc([{ type: 'barcode', data: receiptNo }]), { columns: 32 }).slice(0, 2)).toEqual([
      { kind: 'barcode', data: receiptNo, moduleWidth: 2, height: 80 },
      { kind: 'text', text: receiptNo, align: 'center', bold: false, size: 'normal' },
    ]);
    const tooLong = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    expect(layoutDocument(doc([{ type: 'barcode', data: tooLong }]), { columns: 32 }).map((line) => line.kind)).toEqual(['text', 'cut']);
  });

  it('lays the sample receipt out exactly, and as readable text for the preview printer', () => {
    const lines = layoutDocument(sampleReceipt(), { columns: 32 });
    expect(layoutToText(lines, 32)).toBe(
      [
        '      阳光水世界',
        '    押金收据 Deposit receipt',
        '================================',
        '      [QR: R20261129-0001]',
        '押金 Deposit            ￥500.00',
        '大写 In words           伍佰元整',
        '物品 Item   轮椅 Wheelchair W-07',
        '请于闭园前归还，凭本单退还押金。',
        'Return by closing time for your',
        'refund.',
        '           [CODE128]',
        '         R20261129-0001',
        '------------------------------8<',
        '',
      ].join('\n'),
    );
  });
});

describe('printDocumentSchema', () => {
  it('accepts the sample receipt and refuses what a printer cannot take', () => {
    expect(printDocumentSchema.safeParse(sampleReceipt()).success).toBe(true);
    expect(printDocumentSchema.safeParse(doc([])).success).toBe(false);
    expect(printDocumentSchema.safeParse(doc([{ type: 'qr', data: '押金' }])).success).toBe(false);
    expect(printDocumentSchema.safeParse(doc([{ type: 'barcode', data: 'A{B' }])).success).toBe(false);
    expect(printDocumentSchema.safeParse({ kind: 'x', blocks: [{ type: 'text', text: 'a', colour: 'red' }] }).success).toBe(false);
  });
});

describe('the longest printout', () => {
  it('a handover slip of a full batch (500 items, the most a batch takes) is a valid document and lays out', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({
      id: i + 1,
      itemNo: `L20261129-${String(i + 1).padStart(4, '0')}`,
      category: 'phone' as const,
      description: '黑色手机',
      colour: '黑色',
      brand: '',
      foundPlace: '旋转木马',
      foundAt: 0,
      waterWorld: false,
      valuable: true,
      storageKind: 'safe' as const,
      storagePlace: 'S-01',
      status: 'handedOver' as const,
      verified: true,
      announced: false,
      holdingUntil: 0,
      handoverDueBy: 0,
      photoIds: [],
      receivedAt: 0,
    }));
    const batch = { id: 1, batchNo: 'H20261130-0001', createdAt: 0, createdBy: { id: 1, name: '王经理' }, financeName: '周会计', itemCount: items.length, cashFen: 0, items };
    const slip = printDocumentSchema.parse(handoverSlip(batch, { parkName: '阳光水世界', timeZone: 'Asia/Shanghai' }));
    expect(layoutToText(layoutDocument(slip, { columns: 48 }), 48)).toContain('L20261129-0500');
  });
});
