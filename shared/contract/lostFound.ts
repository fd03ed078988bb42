import { z } from 'zod';
import { epochMs, fen, id, isoDate, personName, phone, pin, reportFile, phoneOrEmpty } from './common';
import { ANY_STAFF, COUNTER, MANAGERS, event, method } from './define';
import { identity } from './rentals';
import { rule } from './validation';
import type { MessageKey } from '../i18n';

export const LF_CATEGORIES = ['phone', 'wallet', 'bag', 'idDocument', 'keys', 'jewellery', 'cash', 'clothing', 'childItem', 'other'] as const;
export type LfCategory = (typeof LF_CATEGORIES)[number];
/** Categories whose contents are listed (and cash counted by two staff). */
export const CONTAINER_CATEGORIES: readonly LfCategory[] = ['wallet', 'bag'];
export const STORAGE_KINDS = ['shelf', 'bin', 'safe'] as const;

/**
 * A custody step's detail in words: where an item was put or moved to names its storage kind in
 * the language (a `safe A-3` reads 保险柜 A-3); the other steps' details (a P-number, a report's
 * number, a claimant with a masked ID) read as kept. On screen and in the printed record alike.
 */
export function custodyDetail(say: (key: MessageKey) => string, step: { kind: string; detail: string }): string {
  if (step.kind !== 'intake' && step.kind !== 'moved') return step.detail;
  return step.detail.replace(/\b(shelf|bin|safe)\b/g, (kind) => say(`lostFound.storage.${kind as (typeof STORAGE_KINDS)[number]}`));
}
export const LF_STATUSES = ['held', 'returned', 'handedOver'] as const;
export type LfStatus = (typeof LF_STATUSES)[number];
export const CUSTODY_KINDS = ['intake', 'verified', 'moved', 'announced', 'matched', 'claimed', 'handedOver'] as const;

/** A signature drawn on the screen: a PNG data URL, not empty, not huge. */
export const signature = z
  .string()
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/, rule('validation.signature'))
  .max(400_000, rule('validation.signature'));

/** A photo taken with the camera or chosen from a file, made small on the screen before upload. */
/** How many photos an item keeps. */
export const MAX_PHOTOS = 4;

export const photo = z
  .string()
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, rule('validation.photo'))
  .max(1_500_000, rule('validation.photoTooBig'));

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

export const itemNo = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^L\d{8}-\d{4,}$/, rule('validation.itemNo')));

/** Who recounted found cash, and their PIN. */
export const secondCounter = z.object({ staffId: id, pin }).strict();

export const categoryView = z.object({ code: z.enum(LF_CATEGORIES), nameZh: z.string(), nameEn: z.string(), holdingDays: z.number().int() });

export const intakeInput = z
  .object({
    /** Chosen once per form: a retried submission answers the item it made. */
    clientRef: z.string().trim().min(8).max(64),
    category: z.enum(LF_CATEGORIES),
    description: text(300),
    colour: optional(40),
    brand: optional(40),
    foundPlace: text(80),
    foundAt: epochMs,
    /** Found in the water world: unclaimed items there go to finance after closing. */
    waterWorld: z.boolean().default(false),
    finderName: personName,
    finderDepartmentId: id.optional(),
    finderPhone: phoneOrEmpty.default(''),
    /** What is inside a wallet or bag. */
    contents: optional(500),
    /** Cash found, counted by two staff members, both recorded: the receiving staff member and a second one. */
    cashFen: fen.default(0),
    /** The second counter confirms the count with their own PIN (checked; wrong PINs count towards the lock). */
    secondCounter: secondCounter.optional(),
    valuable: z.boolean().default(false),
    storageKind: z.enum(STORAGE_KINDS),
    storagePlace: text(40),
    /** Details only the owner would know (the lock-screen picture, what is inside): kept for the claim, never listed or announced. */
    hiddenDetails: optional(500),
    photos: z.array(photo).max(MAX_PHOTOS).default([]),
    finderSignature: signature,
    receiverSignature: signature,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.category === 'cash' && value.cashFen === 0) {
      ctx.addIssue({ code: 'custom', path: ['cashFen'], input: value.cashFen, message: 'validation.cashAmountRequired' });
    }
    if (value.cashFen > 0 && !value.secondCounter) {
      ctx.addIssue({ code: 'custom', path: ['secondCounter', 'staffId'], input: value.secondCounter, message: 'validation.secondCounterRequired' });
    }
  });
export type IntakeInput = z.input<typeof intakeInput>;

const staffRef = z.object({ id, name: z.string() }).nullable();

/** An item as lists show it: nothing private (no hidden details, no cash amount, no signatures). */
export const itemSummary = z.object({
  id,
  itemNo: z.string(),
  category: z.enum(LF_CATEGORIES),
  description: z.string(),
  colour: z.string(),
  brand: z.string(),
  foundPlace: z.string(),
  foundAt: epochMs,
  waterWorld: z.boolean(),
  valuable: z.boolean(),
  storageKind: z.enum(STORAGE_KINDS),
  storagePlace: z.string(),
  status: z.enum(LF_STATUSES),
  verified: z.boolean(),
  announced: z.boolean(),
  holdingUntil: epochMs,
  /** Past its holding period it must reach finance within a week of it: by this time. */
  handoverDueBy: epochMs,
  photoIds: z.array(id),
  receivedAt: epochMs,
});
export type ItemSummary = z.output<typeof itemSummary>;

/**
 * One item in full for the counter, still without what only the owner would know: the hidden check
 * details, the contents and the cash amount come only through the audited `lostFound.hiddenDetails`.
 */
export const itemDetail = itemSummary.extend({
  finderName: z.string(),
  finderDepartment: z.string().nullable(),
  finderPhone: z.string().nullable(),
  /** Who counted the cash (the amount itself is a check detail). */
  cashCountedBy: z.array(staffRef),
  receivedBy: staffRef,
  verifiedBy: staffRef,
  verifiedAt: epochMs.nullable(),
  pagingId: id.nullable(),
  /** Its announcement is still open in the broadcast room (waiting, or aired and repeated): no second one meanwhile. */
  announcing: z.boolean(),
  claim: z
    .object({ at: epochMs, claimantName: z.string(), idMasked: z.string(), staff: staffRef, verificationNote: z.string(), printJobId: id.nullable() })
    .nullable(),
  handoverBatchNo: z.string().nullable(),
  intakeJobId: id.nullable(),
  labelJobId: id.nullable(),
});
export type ItemDetail = z.output<typeof itemDetail>;

export const reportView = z.object({
  id,
  reportNo: z.string(),
  category: z.enum(LF_CATEGORIES),
  description: z.string(),
  colour: z.string(),
  lostPlace: z.string(),
  lostAt: epochMs,
  visitorName: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['open', 'found', 'closed']),
  createdAt: epochMs,
  createdBy: staffRef,
  itemId: id.nullable(),
  closeNote: z.string().nullable(),
});
export type ReportView = z.output<typeof reportView>;

export const matchView = z.object({
  reportId: id,
  itemId: id,
  score: z.number(),
  /** Why: same category, place words, time, description words. */
  reasons: z.array(z.enum(['category', 'place', 'time', 'words'])),
  decision: z.enum(['suggested', 'confirmed', 'dismissed']),
  item: itemSummary,
  report: reportView,
});
export type MatchView = z.output<typeof matchView>;

export const handoverView = z.object({
  id,
  batchNo: z.string(),
  createdAt: epochMs,
  createdBy: staffRef,
  financeName: z.string(),
  itemCount: z.number().int(),
  cashFen: z.number().int(),
  items: z.array(itemSummary),
});
export type HandoverView = z.output<typeof handoverView>;

export const claimInput = z
  .object({
    itemId: id,
    claimantName: personName,
    phone,
    identity,
    /** What the owner says the item is and holds. */
    description: text(500),
    /** The owner's answers to the hidden check details, as staff heard them. */
    answers: optional(500),
    /** Staff compared the description and answers with the record and they agree. */
    verified: z.literal(true, rule('validation.claimNotVerified')),
    verificationNote: optional(300),
    ownerSignature: signature,
  })
  .strict();

export const lostFoundMethods = {
  'lostFound.categories': method({
    summary: 'Found-property categories and their holding periods.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(categoryView),
  }),
  'lostFound.categories.save': method({
    summary: 'A manager sets a category’s holding period (days; 0 = until closing time on the day found).',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ code: z.enum(LF_CATEGORIES), holdingDays: z.number().int().min(0).max(365) }).strict(),
    output: categoryView,
  }),
  'lostFound.intake': method({
    summary:
      'Take in found property, signed by the finder and the receiving staff member; found cash is counted by the receiver and a second staff member who confirms with their PIN. Prints the intake receipt and the bag label.',
    access: COUNTER,
    // A wrong PIN of the second counter is counted in its own transaction before anything is written.
    mode: 'custom',
    input: intakeInput,
    output: z.object({ item: itemDetail, intakeJobId: id, labelJobId: id }),
  }),
  'lostFound.verify': method({
    summary: 'A second staff member checks the intake against the item and counter-signs.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ itemId: id, signature }).strict(),
    output: itemDetail,
  }),
  'lostFound.announce': method({
    summary: 'Announce the item over the PA: a lost-property request in the paging queue, with no private details.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ itemId: id, clientRef: z.string().trim().min(8).max(64) }).strict(),
    output: z.object({ item: itemDetail, pagingId: id }),
  }),
  'lostFound.move': method({
    summary: 'Move an item to another storage place (recorded in its custody history).',
    access: COUNTER,
    mode: 'write',
    input: z.object({ itemId: id, storageKind: z.enum(STORAGE_KINDS), storagePlace: text(40), note: optional(200) }).strict(),
    output: itemDetail,
  }),
  'lostFound.get': method({
    summary: 'One item in full (without its hidden check details, contents or cash amount), by id or item number.',
    access: COUNTER,
    mode: 'read',
    input: z.union([z.object({ itemId: id }).strict(), z.object({ itemNo }).strict()]),
    output: itemDetail,
  }),
  'lostFound.hiddenDetails': method({
    summary: 'The hidden check details, to compare with a claimant’s answers; every look is audited.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ itemId: id }).strict(),
    output: z.object({ hiddenDetails: z.string(), contents: z.string(), cashFen: fen }),
  }),
  'lostFound.photo': method({
    summary: 'A photo of an item, as a data URL.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ photoId: id }).strict(),
    output: z.object({ dataUrl: z.string() }),
  }),
  'lostFound.search': method({
    summary: 'Find items by number, words (Chinese too), category, dates, place and status (also: due for handover, awaiting claim after a confirmed match); newest first.',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        query: z.string().trim().max(60).optional(),
        category: z.enum(LF_CATEGORIES).optional(),
        status: z.enum([...LF_STATUSES, 'dueForHandover', 'awaitingClaim']).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        beforeId: id.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(itemSummary), nextBeforeId: id.nullable() }),
  }),
  'lostFound.recordPdf': method({
    summary:
      'The item’s record on file (拾获物品登记及认领记录) as an A4 PDF: how it was found and taken in, verified, announced, returned to its owner with valid ID or handed to finance, step by step, with the finder’s, the receiving and verifying staff’s and the owner’s signatures as drawn. What only the owner would know stays out. Base64, also saved under reports/lost-found/.',
    access: COUNTER,
    mode: 'custom',
    repeatable: true,
    input: z.object({ itemId: id }).strict(),
    output: reportFile,
  }),
  'lostFound.history': method({
    summary: 'The custody of an item, step by step, with who and when.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ itemId: id }).strict(),
    output: z.array(z.object({ at: epochMs, kind: z.enum(CUSTODY_KINDS), detail: z.string(), staffName: z.string().nullable() })),
  }),
  'lostFound.reports.create': method({
    summary: 'A visitor reports something lost: what, where, when, how to reach them.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        clientRef: z.string().trim().min(8).max(64),
        category: z.enum(LF_CATEGORIES),
        description: text(300),
        colour: optional(40),
        lostPlace: text(80),
        lostAt: epochMs,
        visitorName: personName,
        phone,
      })
      .strict(),
    output: reportView,
  }),
  'lostFound.reports.list': method({
    summary: 'Lost reports, open ones first, searchable.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ status: z.enum(['open', 'found', 'closed', 'all']).default('open'), query: z.string().trim().max(60).optional() }).strict(),
    output: z.array(reportView),
  }),
  'lostFound.reports.close': method({
    summary: 'Close a lost report without a find (the visitor found it, or gave up), with a note.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ reportId: id, note: text(200) }).strict(),
    output: reportView,
  }),
  'lostFound.matches': method({
    summary: 'Suggested matches between lost reports and found items (category, place, time, description words), for one report or one item.',
    access: COUNTER,
    mode: 'read',
    input: z.union([z.object({ reportId: id }).strict(), z.object({ itemId: id }).strict()]),
    output: z.array(matchView),
  }),
  'lostFound.matches.decide': method({
    summary: 'Staff confirm a suggested match (the visitor is told) or dismiss it (it is not suggested again).',
    access: COUNTER,
    mode: 'write',
    input: z.object({ reportId: id, itemId: id, decision: z.enum(['confirmed', 'dismissed']) }).strict(),
    output: matchView,
  }),
  'lostFound.claim': method({
    summary: 'The owner claims an item with valid ID, describes it and answers the check details; signs; a claim slip prints; the item is returned.',
    access: COUNTER,
    mode: 'write',
    input: claimInput,
    output: z.object({ item: itemDetail, printJobId: id }),
  }),
  'lostFound.handover.due': method({
    summary: 'Items past their holding period, to go to finance (by their due date), and those coming due.',
    access: COUNTER,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.object({ due: z.array(itemSummary), comingDue: z.array(itemSummary), overdue: z.number().int() }),
  }),
  'lostFound.handover.create': method({
    summary: 'Hand a batch of items past their holding period to finance: a ledger and a transfer list, signed by the center and by finance.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        clientRef: z.string().trim().min(8).max(64),
        itemIds: z.array(id).min(1).max(500),
        centerSignature: signature,
        financeName: personName,
        financeSignature: signature,
      })
      .strict(),
    output: z.object({ handover: handoverView, printJobId: id }),
  }),
  'lostFound.handover.list': method({
    summary: 'Handover batches to finance, newest first.',
    access: COUNTER,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(handoverView.omit({ items: true })),
  }),
  'lostFound.handover.get': method({
    summary: 'One handover batch with its items.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ batchId: id }).strict(),
    output: handoverView,
  }),
  'lostFound.handover.pdf': method({
    summary: 'The batch’s ledger and transfer list as an A4 PDF (base64), also kept in the data folder.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ batchId: id }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'lostFound.handover.csv': method({
    summary: 'The batch’s ledger as CSV (UTF-8 with BOM, for spreadsheets).',
    access: COUNTER,
    mode: 'read',
    input: z.object({ batchId: id }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'lostFound.summary': method({
    summary: 'For the duty manager: items received today, on the shelf, due for handover this week and overdue, and valuables not verified or not announced yet.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: z.object({
      date: isoDate,
      receivedToday: z.number().int(),
      held: z.number().int(),
      openReports: z.number().int(),
      dueThisWeek: z.number().int(),
      overdue: z.number().int(),
      returnedToday: z.number().int(),
      /** Valuables on the shelf not verified yet, and not announced over the PA yet (each is done at once). */
      valuablesNotVerified: z.number().int(),
      valuablesNotAnnounced: z.number().int(),
    }),
  }),
};

export const lostFoundEvents = {
  'lostFound.changed': event({
    summary: 'Found items, lost reports, matches or handovers changed.',
    payload: z.object({ itemIds: z.array(id), reportIds: z.array(id) }),
    affects: [
      'lostFound.search',
      'lostFound.get',
      'lostFound.history',
      'lostFound.reports.list',
      'lostFound.matches',
      'lostFound.handover.due',
      'lostFound.handover.list',
      'lostFound.summary',
    ],
  }),
};
