import type { ReceiptLanguage, RentalView } from '@shared/contract';
import { translator, type MessageKey } from '@shared/i18n';
import type { Block, PrintDocument } from '@shared/printing/document';
import { chineseCapital, formatYuan } from '@shared/rules/money';
import { voucherOf } from '@shared/rules/rentals';
import { formatParkDateTime } from '@shared/rules/time';

interface ReceiptContext {
  parkName: string;
  timeZone: string;
  language: ReceiptLanguage;
}

const translators = { 'zh-CN': translator('zh-CN'), en: translator('en') };
const labels = new Map<string, string>();
/** Receipt labels never change at run time: each is looked up once. */
function lookup(language: 'zh-CN' | 'en', key: MessageKey): string {
  const id = `${language}:${key}`;
  let text = labels.get(id);
  if (text === undefined) {
    text = translators[language](key);
    labels.set(id, text);
  }
  return text;
}

/** A label in the receipt's language(s): `押金 Deposit` when bilingual. */
function labeller(language: ReceiptLanguage) {
  return (key: MessageKey): string =>
    language === 'bilingual' ? `${lookup('zh-CN', key)} ${lookup('en', key)}` : lookup(language, key);
}

function typeName(rental: RentalView, language: ReceiptLanguage): string {
  if (language === 'bilingual') return `${rental.typeNameZh} ${rental.typeNameEn}`;
  return language === 'en' ? rental.typeNameEn : rental.typeNameZh;
}

const yuan = (fen: number) => `￥${formatYuan(fen)}`;

/**
 * The deposit receipt: the visitor's voucher for the refund. One document, rendered to ESC/POS for
 * the paper and drawn on screen from the same layout.
 */
export function depositReceipt(rental: RentalView, context: ReceiptContext, checkCode: string | null = null): PrintDocument {
  const label = labeller(context.language);
  // The QR code and barcode carry the check code with the receipt number: scanning the receipt is proof of holding it.
  const voucher = voucherOf(rental.receiptNo, checkCode);
  const when = (at: number) => formatParkDateTime(at, context.timeZone);
  const payment = label(`rentals.payment.${rental.payment}`);
  const blocks: Block[] = [
    { type: 'text', text: context.parkName, align: 'center', bold: true, size: 'double' },
    { type: 'text', text: label('rentals.receipt.title'), align: 'center', bold: true },
    { type: 'rule' },
    // On the paper only: a screen shows the receipt number alone and no code.
    checkCode ? { type: 'qr', data: voucher, onScreen: rental.receiptNo } : { type: 'qr', data: voucher },
    { type: 'text', text: rental.receiptNo, align: 'center', bold: true, size: 'double' },
    ...(checkCode ? [{ type: 'pair' as const, left: label('rentals.receipt.checkCode'), right: checkCode, bold: true, onScreen: '****' }] : []),
    { type: 'rule' },
    { type: 'pair', left: label('rentals.receipt.item'), right: typeName(rental, context.language) },
    { type: 'pair', left: label('rentals.receipt.tag'), right: rental.unitTag },
    { type: 'pair', left: label('rentals.receipt.deposit'), right: yuan(rental.depositFen), bold: true },
    { type: 'pair', left: label('rentals.receipt.inWords'), right: chineseCapital(rental.depositFen) },
    { type: 'pair', left: label('rentals.receipt.payment'), right: payment },
    { type: 'pair', left: label('rentals.receipt.time'), right: when(rental.outAt) },
    { type: 'pair', left: label('rentals.receipt.due'), right: when(rental.dueAt), bold: true },
    { type: 'pair', left: label('rentals.receipt.staff'), right: rental.outBy?.name ?? '' },
    { type: 'pair', left: label('rentals.receipt.visitor'), right: rental.visitorName },
    { type: 'pair', left: label('rentals.receipt.id'), right: rental.idMasked },
    { type: 'rule' },
  ];
  if (context.language !== 'en') blocks.push({ type: 'text', text: lookup('zh-CN', 'rentals.receipt.terms') });
  if (context.language !== 'zh-CN') blocks.push({ type: 'text', text: lookup('en', 'rentals.receipt.terms') });
  blocks.push(checkCode ? { type: 'barcode', data: voucher, onScreen: rental.receiptNo } : { type: 'barcode', data: voucher }, { type: 'feed', lines: 2 }, { type: 'cut' });
  return { kind: 'deposit-receipt', ref: rental.receiptNo, blocks };
}

/** The refund slip: what came back, what was refunded and what was kept, and who approved it. */
export function refundSlip(rental: RentalView, context: ReceiptContext): PrintDocument {
  const label = labeller(context.language);
  const when = (at: number) => formatParkDateTime(at, context.timeZone);
  const blocks: Block[] = [
    { type: 'text', text: context.parkName, align: 'center', bold: true, size: 'double' },
    { type: 'text', text: label('rentals.receipt.refundTitle'), align: 'center', bold: true },
    { type: 'rule' },
    { type: 'text', text: rental.receiptNo, align: 'center', bold: true, size: 'double' },
    { type: 'rule' },
    { type: 'pair', left: label('rentals.receipt.item'), right: `${typeName(rental, context.language)} ${rental.unitTag}` },
    { type: 'pair', left: label('rentals.receipt.condition'), right: label(`rentals.condition.${rental.condition ?? 'good'}`) },
    { type: 'pair', left: label('rentals.receipt.deposit'), right: yuan(rental.depositFen) },
    { type: 'pair', left: label('rentals.receipt.refunded'), right: yuan(rental.refundFen ?? 0), bold: true },
    { type: 'pair', left: label('rentals.receipt.inWords'), right: chineseCapital(rental.refundFen ?? 0) },
  ];
  if ((rental.keptFen ?? 0) > 0) {
    blocks.push(
      { type: 'pair', left: label('rentals.receipt.kept'), right: yuan(rental.keptFen ?? 0), bold: true },
      { type: 'pair', left: label('rentals.receipt.reason'), right: rental.keptReason ?? '' },
    );
  }
  if (rental.approvedBy) blocks.push({ type: 'pair', left: label('rentals.receipt.approvedBy'), right: rental.approvedBy.name });
  if (rental.lostReceipt) blocks.push({ type: 'text', text: label('rentals.receipt.lostReceipt'), bold: true });
  blocks.push(
    { type: 'pair', left: label('rentals.receipt.payment'), right: label(`rentals.payment.${rental.payment}`) },
    { type: 'pair', left: label('rentals.receipt.returnedAt'), right: when(rental.returnedAt ?? rental.outAt) },
    { type: 'pair', left: label('rentals.receipt.staff'), right: rental.returnedBy?.name ?? '' },
    { type: 'pair', left: label('rentals.receipt.visitor'), right: rental.visitorName },
    { type: 'rule' },
    { type: 'text', text: label('rentals.receipt.signature') },
    { type: 'feed', lines: 3 },
    { type: 'cut' },
  );
  return { kind: 'refund-slip', ref: rental.receiptNo, blocks };
}

/** The label stuck on a unit: its tag as a barcode the counter scans at check-out. */
export function assetLabel(unit: { tag: string; type_name_zh: string; type_name_en: string }, parkName: string): PrintDocument {
  return {
    kind: 'asset-label',
    ref: unit.tag,
    blocks: [
      { type: 'text', text: parkName, align: 'center' },
      { type: 'text', text: `${unit.type_name_zh} ${unit.type_name_en}`, align: 'center', bold: true },
      { type: 'barcode', data: unit.tag },
      { type: 'text', text: unit.tag, align: 'center', bold: true, size: 'double' },
      { type: 'cut' },
    ],
  };
}
