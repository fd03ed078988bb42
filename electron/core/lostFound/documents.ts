import { custodyDetail, type CUSTODY_KINDS, type HandoverView, type ItemDetail, type ItemSummary } from '@shared/contract';
import { translator, type MessageKey } from '@shared/i18n';
import type { Block, PrintDocument } from '@shared/printing/document';
import type { ReportDocumentInput, ReportSection } from '@shared/reports/document';
import { formatYuan } from '@shared/rules/money';
import { pagingRef } from '@shared/rules/paging';
import { formatParkDateTime } from '@shared/rules/time';
import { BILINGUAL_PAGE_LABEL, caseReport, reportVoice, type ReportContext } from '../pdf/voice';
import type { ItemRecord } from './store';

const zh = translator('zh-CN');
const en = translator('en');
/** Thermal slips are read by staff and visitors of either language: labels in both. */
const both = (key: MessageKey) => `${zh(key)} ${en(key)}`;
const category = (code: ItemSummary['category']) => both(`lostFound.categories.${code}`);

interface Context {
  parkName: string;
  timeZone: string;
}

/** The finder's receipt: what was handed in, where it is kept, under which number. */
export function intakeReceipt(item: ItemRecord, context: Context): PrintDocument {
  const when = (at: number) => formatParkDateTime(at, context.timeZone);
  const blocks: Block[] = [
    { type: 'text', text: context.parkName, align: 'center', bold: true, size: 'double' },
    { type: 'text', text: both('lostFound.slips.intakeTitle'), align: 'center', bold: true },
    { type: 'rule' },
    { type: 'text', text: item.itemNo, align: 'center', bold: true, size: 'double' },
    { type: 'rule' },
    { type: 'pair', left: both('lostFound.fields.category'), right: category(item.category) },
    { type: 'text', text: `${both('lostFound.fields.description')}: ${[item.colour, item.brand, item.description].filter(Boolean).join(' ')}` },
    { type: 'pair', left: both('lostFound.fields.foundPlace'), right: item.foundPlace },
    { type: 'pair', left: both('lostFound.fields.foundAt'), right: when(item.foundAt) },
    { type: 'pair', left: both('lostFound.fields.finderName'), right: item.finderName },
    { type: 'pair', left: both('lostFound.fields.receivedBy'), right: item.receivedBy?.name ?? '' },
    { type: 'pair', left: both('lostFound.fields.receivedAt'), right: when(item.receivedAt) },
  ];
  if (item.cashFen > 0) blocks.push({ type: 'pair', left: both('lostFound.fields.cash'), right: `￥${formatYuan(item.cashFen)}` });
  blocks.push(
    { type: 'rule' },
    { type: 'text', text: zh('lostFound.slips.intakeThanks') },
    { type: 'text', text: en('lostFound.slips.intakeThanks') },
    { type: 'barcode', data: item.itemNo },
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  );
  return { kind: 'lf-intake', ref: item.itemNo, blocks };
}

/** The label on the bag the item is kept in: its number as a barcode, category and storage place. */
export function bagLabel(item: ItemDetail): PrintDocument {
  return {
    kind: 'lf-label',
    ref: item.itemNo,
    blocks: [
      { type: 'text', text: item.itemNo, align: 'center', bold: true, size: 'double' },
      { type: 'barcode', data: item.itemNo },
      { type: 'pair', left: category(item.category), right: `${both(`lostFound.storage.${item.storageKind}`)} ${item.storagePlace}` },
      { type: 'text', text: [item.colour, item.brand, item.description].filter(Boolean).join(' ') },
      { type: 'cut' },
    ],
  };
}

/** The claim slip: who claimed what, with which (masked) ID, verified by whom. */
export function claimSlip(item: ItemDetail, context: Context): PrintDocument {
  const claim = item.claim;
  const when = (at: number) => formatParkDateTime(at, context.timeZone);
  return {
    kind: 'lf-claim',
    ref: item.itemNo,
    blocks: [
      { type: 'text', text: context.parkName, align: 'center', bold: true, size: 'double' },
      { type: 'text', text: both('lostFound.slips.claimTitle'), align: 'center', bold: true },
      { type: 'rule' },
      { type: 'pair', left: both('lostFound.fields.itemNo'), right: item.itemNo, bold: true },
      { type: 'pair', left: both('lostFound.fields.category'), right: category(item.category) },
      { type: 'text', text: [item.colour, item.brand, item.description].filter(Boolean).join(' ') },
      { type: 'pair', left: both('lostFound.fields.claimantName'), right: claim?.claimantName ?? '' },
      { type: 'pair', left: both('lostFound.fields.idNumber'), right: claim?.idMasked ?? '' },
      { type: 'pair', left: both('lostFound.fields.claimedAt'), right: claim ? when(claim.at) : '' },
      { type: 'pair', left: both('lostFound.fields.staff'), right: claim?.staff?.name ?? '' },
      { type: 'rule' },
      { type: 'text', text: both('lostFound.slips.claimSigned') },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}

/** The thermal copy of a handover batch: the count, the cash, the item numbers, for the finance courier. */
export function handoverSlip(batch: HandoverView, context: Context): PrintDocument {
  return {
    kind: 'lf-handover',
    ref: batch.batchNo,
    blocks: [
      { type: 'text', text: context.parkName, align: 'center', bold: true },
      { type: 'text', text: both('lostFound.slips.handoverTitle'), align: 'center', bold: true, size: 'double' },
      { type: 'text', text: batch.batchNo, align: 'center', bold: true },
      { type: 'rule' },
      { type: 'pair', left: both('lostFound.fields.handedOverAt'), right: formatParkDateTime(batch.createdAt, context.timeZone) },
      { type: 'pair', left: both('lostFound.fields.itemCount'), right: String(batch.itemCount) },
      { type: 'pair', left: both('lostFound.fields.cash'), right: `￥${formatYuan(batch.cashFen)}` },
      { type: 'pair', left: both('lostFound.fields.financeName'), right: batch.financeName },
      { type: 'rule' },
      ...batch.items.map((item): Block => ({ type: 'pair', left: item.itemNo, right: category(item.category) })),
      { type: 'rule' },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };
}

/**
 * The A4 ledger and transfer list of a handover batch (附台帐及移交清单), in Chinese with English
 * beside the headings: every item with its number, category, description, where and when found,
 * storage, cash; the signatures of the center and of finance as they were drawn at the handover.
 */
export function handoverLedger(batch: HandoverView, items: ItemRecord[], context: Context, signed: { center?: string | undefined; finance?: string | undefined } = {}): ReportDocumentInput {
  const when = (at: number) => formatParkDateTime(at, context.timeZone);
  return {
    parkName: context.parkName,
    reference: batch.batchNo,
    title: both('lostFound.ledger.title'),
    subtitle: both('lostFound.ledger.subtitle'),
    meta: [
      { label: both('lostFound.ledger.batch'), value: batch.batchNo },
      { label: both('lostFound.fields.handedOverAt'), value: when(batch.createdAt) },
      { label: both('lostFound.fields.handedOverBy'), value: batch.createdBy?.name ?? '' },
      { label: both('lostFound.fields.financeName'), value: batch.financeName },
      { label: both('lostFound.fields.itemCount'), value: String(batch.itemCount) },
      { label: both('lostFound.fields.cash'), value: `￥${formatYuan(batch.cashFen)}` },
    ],
    sections: [
      {
        heading: both('lostFound.ledger.ledger'),
        table: {
          columns: [
            { label: zh('lostFound.fields.itemNo'), width: 2.2 },
            { label: zh('lostFound.fields.category'), width: 1.2 },
            { label: zh('lostFound.fields.description'), width: 3.5 },
            { label: zh('lostFound.fields.foundPlace'), width: 1.8 },
            { label: zh('lostFound.fields.foundAt'), width: 2.2 },
            { label: zh('lostFound.fields.finderName'), width: 1.3 },
            { label: zh('lostFound.fields.cash'), width: 1.2, align: 'right' },
          ],
          rows: items.map((item) => [
            item.itemNo,
            zh(`lostFound.categories.${item.category}`),
            [item.colour, item.brand, item.description, item.contents].filter(Boolean).join(' '),
            item.foundPlace,
            when(item.foundAt),
            item.finderName,
            item.cashFen > 0 ? formatYuan(item.cashFen) : '',
          ]),
        },
      },
      {
        heading: both('lostFound.ledger.transfer'),
        table: {
          columns: [
            { label: zh('lostFound.ledger.line'), width: 0.7, align: 'right' },
            { label: zh('lostFound.fields.itemNo'), width: 2.2 },
            { label: zh('lostFound.fields.category'), width: 1.4 },
            { label: zh('lostFound.fields.storage'), width: 1.6 },
            { label: zh('lostFound.fields.receivedAt'), width: 2.2 },
            { label: zh('lostFound.ledger.received'), width: 1.4 },
          ],
          rows: items.map((item, index) => [
            String(index + 1),
            item.itemNo,
            zh(`lostFound.categories.${item.category}`),
            `${zh(`lostFound.storage.${item.storageKind}`)} ${item.storagePlace}`,
            when(item.receivedAt),
            '',
          ]),
        },
      },
    ],
    // The signatures drawn on the screen at the handover, printed above their lines.
    signatures: [
      { label: both('lostFound.ledger.centerSignature'), ...(signed.center ? { image: signed.center } : {}) },
      { label: `${both('lostFound.ledger.financeSignature')} · ${batch.financeName}`, ...(signed.finance ? { image: signed.finance } : {}) },
    ],
    footer: both('lostFound.ledger.footer'),
    pageLabel: BILINGUAL_PAGE_LABEL,
    info: { createdAt: batch.createdAt },
  };
}

/** The signatures drawn on the screen for an item: at intake, at verification, at the claim. */
export interface ItemSignatures {
  finder: string | null;
  receiver: string | null;
  verifier: string | null;
  owner: string | null;
}

export interface CustodyLine {
  at: number;
  kind: (typeof CUSTODY_KINDS)[number];
  detail: string;
  staffName: string | null;
}

/**
 * The item's record on file (拾获物品登记及认领记录), on A4: how it was found and taken in, where it
 * is kept, its verification, its announcement, its return to the owner with valid ID or its handover
 * to finance, its custody step by step; each signature as it was drawn, above its line. What only the
 * owner would know (contents, cash, the check details) stays out of it, as it does out of the screens.
 */
export function itemRecord(item: ItemDetail, custody: readonly CustodyLine[], signed: ItemSignatures, context: ReportContext): ReportDocumentInput {
  const { say, time, list } = reportVoice(context);
  const staff = (ref: ItemDetail['receivedBy']) => ref?.name ?? '—';
  const image = (png: string | null) => (png ? { image: png } : {});
  const sections: ReportSection[] = [
    {
      heading: say('lostFound.record.found'),
      fields: [
        { label: say('lostFound.fields.category'), value: say(`lostFound.categories.${item.category}`) },
        { label: say('lostFound.fields.description'), value: [item.colour, item.brand, item.description].filter(Boolean).join(' ') },
        { label: say('lostFound.fields.foundPlace'), value: item.foundPlace },
        { label: say('lostFound.fields.foundAt'), value: time(item.foundAt) },
        { label: say('lostFound.fields.finderName'), value: [item.finderName, item.finderDepartment].filter(Boolean).join(' · ') },
        { label: say('lostFound.fields.finderPhone'), value: item.finderPhone ?? '—' },
        { label: say('lostFound.fields.receivedAt'), value: time(item.receivedAt) },
        { label: say('lostFound.fields.receivedBy'), value: staff(item.receivedBy) },
        ...(item.cashCountedBy.length > 0 ? [{ label: say('lostFound.fields.cashCountedBy'), value: list(item.cashCountedBy.map((who) => who?.name ?? '—')) }] : []),
        { label: say('lostFound.fields.storage'), value: `${say(`lostFound.storage.${item.storageKind}`)} ${item.storagePlace}` },
        { label: say('lostFound.fields.holdingUntil'), value: time(item.holdingUntil) },
        { label: say('lostFound.fields.verifiedBy'), value: item.verifiedAt === null ? say('lostFound.record.notVerified') : `${staff(item.verifiedBy)} · ${time(item.verifiedAt)}` },
        ...(item.pagingId !== null ? [{ label: say('lostFound.record.announcedAs'), value: pagingRef(item.pagingId) }] : []),
        ...(item.handoverBatchNo ? [{ label: say('lostFound.record.batch'), value: item.handoverBatchNo }] : []),
      ],
      paragraphs: [say('lostFound.record.kept')],
    },
    {
      heading: say('lostFound.record.claim'),
      fields: item.claim
        ? [
            { label: say('lostFound.fields.claimedAt'), value: time(item.claim.at) },
            { label: say('lostFound.fields.claimantName'), value: item.claim.claimantName },
            { label: say('lostFound.fields.idNumber'), value: item.claim.idMasked },
            { label: say('lostFound.fields.staff'), value: staff(item.claim.staff) },
            { label: say('lostFound.fields.verificationNote'), value: item.claim.verificationNote || '—' },
          ]
        : [{ label: say('lostFound.fields.status'), value: say('lostFound.record.notClaimed') }],
    },
    {
      heading: say('lostFound.record.custody'),
      table: {
        columns: [
          { label: say('reports.at'), width: 1.3 },
          { label: say('reports.step'), width: 1.5 },
          { label: say('reports.detail'), width: 3 },
          { label: say('reports.by'), width: 1 },
        ],
        rows: custody.map((line) => [time(line.at), say(`lostFound.custody.${line.kind}`), custodyDetail(say, line), line.staffName ?? '—']),
        empty: say('reports.none'),
      },
    },
  ];
  return caseReport(context, {
    reference: item.itemNo,
    title: say('lostFound.record.title'),
    about: [say(`lostFound.categories.${item.category}`), item.foundPlace],
    meta: [
      { label: say('lostFound.fields.itemNo'), value: item.itemNo },
      { label: say('lostFound.fields.status'), value: say(`lostFound.statuses.${item.status}`) },
    ],
    sections,
    signatures: [
      { label: say('lostFound.record.signFinder'), ...image(signed.finder) },
      { label: say('lostFound.record.signReceiver'), ...image(signed.receiver) },
      { label: say('lostFound.record.signVerifier'), ...image(signed.verifier) },
      { label: say('lostFound.record.signOwner'), ...image(signed.owner) },
    ],
  });
}
