import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ReceiptLanguage, RentalView } from '@shared/contract';
import { printDocumentSchema, type PrintDocument } from '@shared/printing/document';
import { layoutDocument } from '@shared/printing/layout';
import { renderEscpos } from '../../electron/core/printing/escpos';
import { depositReceipt, refundSlip } from '../../electron/core/rentals/receipt';
import { decodeEscpos, type PrintedJob } from '../support/virtualPrinter';

/**
 * The app's own deposit receipt and refund slip, built by the builders the check-out and the return
 * use, laid out for 58 mm (32 columns) and 80 mm (48 columns), rendered to ESC/POS and decoded back
 * by the virtual printer's decoder: the exact lines, the QR payload, the GBK bytes, the widths.
 */

const OUT_AT = Date.parse('2026-11-29T02:05:00Z'); // 10:05 in Shanghai
const DUE_AT = Date.parse('2026-11-29T10:00:00Z'); // 18:00

const rental: RentalView = {
  id: 1,
  receiptNo: 'R20261129-0042',
  unitId: 3,
  unitTag: 'WC-003',
  typeId: 1,
  typeNameZh: '轮椅',
  typeNameEn: 'Wheelchair',
  visitorName: '李游客',
  phone: '13812345678',
  idType: 'resident',
  idMasked: '1101**********002X',
  depositFen: 50_000,
  standardDepositFen: 50_000,
  overrideReason: null,
  payment: 'wechat',
  outAt: OUT_AT,
  outBy: { id: 2, name: '张柜台' },
  dueAt: DUE_AT,
  status: 'out',
  overdue: false,
  returnedAt: null,
  returnedBy: null,
  condition: null,
  refundFen: null,
  keptFen: null,
  keptReason: null,
  approvedBy: null,
  lostReceipt: false,
  awaitingApproval: false,
  receiptJobId: 7,
  slipJobId: null,
};

const returned: RentalView = {
  ...rental,
  status: 'returned',
  returnedAt: Date.parse('2026-11-29T07:30:00Z'), // 15:30
  returnedBy: { id: 2, name: '张柜台' },
  condition: 'damaged',
  refundFen: 30_000,
  keptFen: 20_000,
  keptReason: '扶手断裂',
  approvedBy: { id: 1, name: '王经理' },
};

const context = (language: ReceiptLanguage) => ({ parkName: '阳光水世界', timeZone: 'Asia/Shanghai', language });

function print(document: PrintDocument, columns: number): PrintedJob {
  return decodeEscpos(renderEscpos(layoutDocument(printDocumentSchema.parse(document), { columns }), { type: 'EPSON', chinese: true }));
}

/** The printed text lines, trailing spaces kept (a pair is padded to the full width). */
const textOf = (job: PrintedJob) => job.lines.map((line) => line.text);

const LANGUAGES: ReceiptLanguage[] = ['zh-CN', 'en', 'bilingual'];
const WIDTHS = [32, 48] as const;

describe('the deposit receipt and refund slip on paper', () => {
  for (const language of LANGUAGES) {
    for (const columns of WIDTHS) {
      it(`fit ${columns} columns in ${language}: no line wider, the receipt number in QR and barcode, GBK text`, () => {
        for (const document of [depositReceipt(rental, context(language)), refundSlip(returned, context(language))]) {
          const job = print(document, columns);
          for (const line of job.lines) expect(line.columns, `${document.kind} "${line.text}"`).toBeLessThanOrEqual(columns);
          expect(job.cuts).toBe(1);
          expect(job.chineseAfterInit.every(Boolean)).toBe(true);
          // The park name, double size, as GBK bytes right after its size command.
          const title = Buffer.concat([Buffer.from([0x1d, 0x21, 0x11]), iconv.encode('阳光水世界', 'gbk'), Buffer.from([0x0a])]);
          expect(job.raw.indexOf(title), document.kind).toBeGreaterThan(0);
        }
        const receipt = print(depositReceipt(rental, context(language)), columns);
        expect(receipt.qr).toEqual(['R20261129-0042']);
        expect(receipt.barcodes).toEqual(['R20261129-0042']);
        // With its check code: on the paper beside the receipt number, and in the QR code and barcode with it.
        const voucher = print(depositReceipt(rental, context(language), 'K7Q2'), columns);
        expect(voucher.qr).toEqual(['R20261129-0042-K7Q2']);
        // A barcode of the longer voucher is too wide for 58 mm paper: there it is printed as its text (the QR code carries it).
        if (columns === 48) expect(voucher.barcodes).toEqual(['R20261129-0042-K7Q2']);
        else expect(voucher.lines.map((line) => line.text.trim())).toContain('R20261129-0042-K7Q2');
        const codeLine = voucher.lines.find((line) => line.text.trim().endsWith('K7Q2'));
        expect(codeLine?.text, 'the check code line').toMatch(language === 'en' ? /^Check code\s+K7Q2$/ : /^核验码/);
        for (const line of voucher.lines) expect(line.columns, line.text).toBeLessThanOrEqual(columns);
        // The amount in Chinese capitals, as its GBK bytes.
        expect(receipt.raw.indexOf(iconv.encode('伍佰元整', 'gbk'))).toBeGreaterThan(0);
        const slip = print(refundSlip(returned, context(language)), columns);
        expect(slip.qr).toEqual([]);
        expect(slip.raw.indexOf(iconv.encode('叁佰元整', 'gbk'))).toBeGreaterThan(0);
      });
    }
  }

  it('prints the bilingual receipt on 80 mm paper line for line', () => {
    expect(textOf(print(depositReceipt(rental, context('bilingual')), 48)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      押金收据 Deposit receipt
      ------------------------------------------------
      R20261129-0042
      ------------------------------------------------
      物品 Item                        轮椅 Wheelchair
      编号 Tag                                  WC-003
      押金 Deposit                            ￥500.00
      大写 In words                           伍佰元整
      支付 Paid by                 微信支付 WeChat Pay
      时间 Time                       2026-11-29 10:05
      归还 Return by                  2026-11-29 18:00
      经办 Staff                                张柜台
      游客 Visitor                              李游客
      证件 ID                       1101**********002X
      ------------------------------------------------
      请妥善保管本收据，凭此收据归还物品并退还押金。物
      品损坏或遗失将按规定扣除押金。
      Keep this receipt: it is your voucher for the
      deposit refund. Damage or loss is charged
      against the deposit.
      R20261129-0042

      "
    `);
  });

  it('prints the Chinese receipt on 58 mm paper line for line', () => {
    expect(textOf(print(depositReceipt(rental, context('zh-CN')), 32)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      押金收据
      --------------------------------
      R20261129-0042
      --------------------------------
      物品                        轮椅
      编号                      WC-003
      押金                    ￥500.00
      大写                    伍佰元整
      支付                    微信支付
      时间            2026-11-29 10:05
      归还            2026-11-29 18:00
      经办                      张柜台
      游客                      李游客
      证件          1101**********002X
      --------------------------------
      请妥善保管本收据，凭此收据归还物
      品并退还押金。物品损坏或遗失将按
      规定扣除押金。
      R20261129-0042

      "
    `);
  });

  it('prints the English receipt on 58 mm paper line for line', () => {
    expect(textOf(print(depositReceipt(rental, context('en')), 32)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      Deposit receipt
      --------------------------------
      R20261129-0042
      --------------------------------
      Item                  Wheelchair
      Tag                       WC-003
      Deposit                 ￥500.00
      In words                伍佰元整
      Paid by               WeChat Pay
      Time            2026-11-29 10:05
      Return by       2026-11-29 18:00
      Staff                     张柜台
      Visitor                   李游客
      ID            1101**********002X
      --------------------------------
      Keep this receipt: it is your
      voucher for the deposit refund.
      Damage or loss is charged
      against the deposit.
      R20261129-0042

      "
    `);
  });

  it('prints the bilingual refund slip on 58 mm paper line for line', () => {
    expect(textOf(print(refundSlip(returned, context('bilingual')), 32)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      押金退还凭条 Deposit refund slip
      --------------------------------
      R20261129-0042
      --------------------------------
      物品 Item 轮椅 Wheelchair WC-003
      状况 Condition      损坏 Damaged
      押金 Deposit            ￥500.00
      退还 Refunded           ￥300.00
      大写 In words           叁佰元整
      扣除 Kept               ￥200.00
      原因 Reason             扶手断裂
      审批 Approved by          王经理
      支付 Paid by 微信支付 WeChat Pay
      归还时间 Returned
      2026-11-29 15:30
      经办 Staff                张柜台
      游客 Visitor              李游客
      --------------------------------
      游客签名： Visitor signature:


      "
    `);
  });

  it('prints the Chinese refund slip on 80 mm paper line for line', () => {
    expect(textOf(print(refundSlip(returned, context('zh-CN')), 48)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      押金退还凭条
      ------------------------------------------------
      R20261129-0042
      ------------------------------------------------
      物品                                 轮椅 WC-003
      状况                                        损坏
      押金                                    ￥500.00
      退还                                    ￥300.00
      大写                                    叁佰元整
      扣除                                    ￥200.00
      原因                                    扶手断裂
      审批                                      王经理
      支付                                    微信支付
      归还时间                        2026-11-29 15:30
      经办                                      张柜台
      游客                                      李游客
      ------------------------------------------------
      游客签名：


      "
    `);
  });

  it('prints the English refund slip on 80 mm paper line for line', () => {
    expect(textOf(print(refundSlip(returned, context('en')), 48)).join('\n')).toMatchInlineSnapshot(`
      "阳光水世界
      Deposit refund slip
      ------------------------------------------------
      R20261129-0042
      ------------------------------------------------
      Item                           Wheelchair WC-003
      Condition                                Damaged
      Deposit                                 ￥500.00
      Refunded                                ￥300.00
      In words                                叁佰元整
      Kept                                    ￥200.00
      Reason                                  扶手断裂
      Approved by                               王经理
      Paid by                               WeChat Pay
      Returned                        2026-11-29 15:30
      Staff                                     张柜台
      Visitor                                   李游客
      ------------------------------------------------
      Visitor signature:


      "
    `);
  });

  it('builds documents that pass the print schema at the longest inputs the contract allows', () => {
    // The check-out and the return queue these without parsing them again (enqueueDocument).
    const long: RentalView = {
      ...returned,
      unitTag: 'A'.repeat(20),
      typeNameZh: '轮'.repeat(20),
      typeNameEn: 'W'.repeat(40),
      visitorName: '名'.repeat(40),
      idMasked: `${'1'.repeat(4)}${'*'.repeat(32)}${'2'.repeat(4)}`,
      outBy: { id: 2, name: '张'.repeat(40) },
      returnedBy: { id: 2, name: '张'.repeat(40) },
      approvedBy: { id: 1, name: '王'.repeat(40) },
      keptReason: '因'.repeat(200),
      depositFen: 10_000_000,
      refundFen: 0,
      keptFen: 10_000_000,
      lostReceipt: true,
      receiptNo: 'R20261129-99999',
    };
    for (const language of LANGUAGES) {
      const park = { ...context(language), parkName: '园'.repeat(60) };
      expect(printDocumentSchema.safeParse(depositReceipt(long, park)).success, `receipt ${language}`).toBe(true);
      expect(printDocumentSchema.safeParse(refundSlip(long, park)).success, `slip ${language}`).toBe(true);
    }
  });
});
