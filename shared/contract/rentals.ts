import { z } from 'zod';
import { ID_TYPES, isValidIdNumber, normalizeIdNumber } from '../rules/identity';
import { CHECK_CODE } from '../rules/rentals';
import { approval, epochMs, fen, id, isoDate, personName, phone } from './common';
import { ANY_STAFF, COUNTER, MANAGERS, method } from './define';
import { rule } from './validation';

export { ID_TYPES, type IdType } from '../rules/identity';

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const UNIT_STATES = ['available', 'inspectionDue', 'out', 'repair', 'retired'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
export const RETURN_CONDITIONS = ['good', 'damaged', 'missing'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** Asset tags as printed on the unit's label, e.g. `WC-003`; stored upper case. */
export const assetTag = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  // An empty tag is missing (said as for every required field), not a tag of the wrong shape.
  .pipe(z.string().min(1, rule('validation.required')).regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, rule('validation.assetTag')));

/** Receipt numbers as printed: `R20261129-0042`. */
export const receiptNo = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^R\d{8}-\d{4,}$/, rule('validation.receiptNo')));

/** The check code printed on the deposit receipt (`K7Q2`), typed from the paper or scanned with it. */
export const checkCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(CHECK_CODE, rule('validation.checkCode')));

export const idType = z.enum(ID_TYPES);

const reason = z.string().trim().min(2).max(200);

/** An ID document and its number, the number checked for its type (resident ID: check digit and birth date). */
export const identity = z
  .object({ idType, idNumber: z.string().trim().min(1).max(40) })
  .superRefine((value, ctx) => {
    if (!isValidIdNumber(value.idType, value.idNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['idNumber'],
        input: value.idNumber,
        message: value.idType === 'resident' ? 'validation.residentId' : 'validation.idNumber',
      });
    }
  })
  .transform((value) => ({ ...value, idNumber: normalizeIdNumber(value.idNumber) }));

export const itemTypeView = z.object({
  id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  depositFen: fen,
  active: z.boolean(),
  /** Handed out and not returned (a sewing kit): no units, no ID, no due time, no return. */
  handOut: z.boolean(),
  /** How many were handed out this park day (handed-out types only; 0 for the others). */
  handedOutToday: z.number().int(),
  counts: z.object({ available: z.number().int(), inspectionDue: z.number().int(), out: z.number().int(), repair: z.number().int(), retired: z.number().int() }),
});
export type ItemTypeView = z.output<typeof itemTypeView>;

export const unitView = z.object({
  id,
  tag: z.string(),
  typeId: id,
  typeCode: z.string(),
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  depositFen: fen,
  state: z.enum(UNIT_STATES),
  /** Only an available unit inspected OK today may be rented. */
  rentable: z.boolean(),
  inspectedAt: epochMs.nullable(),
  note: z.string().nullable(),
  openReceiptNo: z.string().nullable(),
});
export type UnitView = z.output<typeof unitView>;

const staffRef = z.object({ id, name: z.string() }).nullable();

export const rentalView = z.object({
  id,
  receiptNo: z.string(),
  unitId: id,
  unitTag: z.string(),
  typeId: id,
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  visitorName: z.string(),
  phone: z.string().nullable(),
  idType,
  idMasked: z.string(),
  depositFen: fen,
  standardDepositFen: fen,
  overrideReason: z.string().nullable(),
  payment: z.enum(PAYMENT_METHODS),
  outAt: epochMs,
  outBy: staffRef,
  dueAt: epochMs,
  status: z.enum(['out', 'returned']),
  overdue: z.boolean(),
  returnedAt: epochMs.nullable(),
  returnedBy: staffRef,
  condition: z.enum(RETURN_CONDITIONS).nullable(),
  refundFen: fen.nullable(),
  keptFen: fen.nullable(),
  keptReason: z.string().nullable(),
  approvedBy: staffRef,
  lostReceipt: z.boolean(),
  /** Its return waits for a manager's approval (asked from the counter, not yet decided). */
  awaitingApproval: z.boolean(),
  receiptJobId: id.nullable(),
  slipJobId: id.nullable(),
});
export type RentalView = z.output<typeof rentalView>;

export const UNIT_EVENTS = ['added', 'inspected', 'damaged', 'rented', 'returned', 'repairOpened', 'repairSent', 'repairBack', 'retired'] as const;
export const unitHistoryEntry = z.object({
  at: epochMs,
  kind: z.enum(UNIT_EVENTS),
  /** What was written with it (a note, a fault, where it was sent): shown as written. */
  detail: z.string().nullable(),
  /** A return's condition, shown in the screen's language. */
  condition: z.enum(RETURN_CONDITIONS).nullable(),
  ref: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type UnitHistoryEntry = z.output<typeof unitHistoryEntry>;

export const repairView = z.object({
  id,
  unitId: id,
  unitTag: z.string(),
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  fault: z.string(),
  source: z.enum(['inspection', 'return', 'manual']),
  openedAt: epochMs,
  openedBy: staffRef,
  sentAt: epochMs.nullable(),
  sentTo: z.string().nullable(),
  backAt: epochMs.nullable(),
  costFen: fen.nullable(),
  note: z.string().nullable(),
});
export type RepairView = z.output<typeof repairView>;

/** A deposit other than the type's: the amount, why, and the duty manager who approves it. */
export const overrideInput = z.object({ depositFen: fen, reason, approval }).strict();

export const checkOutInput = z
  .object({
    unitTag: assetTag,
    visitorName: personName,
    phone,
    identity,
    payment: z.enum(PAYMENT_METHODS),
    /** Default: closing time today. */
    dueAt: epochMs.optional(),
    /** Only to override the type's deposit: needs a reason and a manager's approval. */
    override: overrideInput.optional(),
  })
  .strict();
export type CheckOutInput = z.input<typeof checkOutInput>;

const returnFields = z
  .object({
    receiptNo,
    condition: z.enum(RETURN_CONDITIONS),
    /** Part or all of the deposit kept for a damaged or missing item. */
    keptFen: fen.default(0),
    /** What is wrong with the item; why the deposit is kept. */
    reason: z.string().trim().max(200).default(''),
    /** The visitor has no receipt: found by phone or ID number, refunded with a manager's approval. */
    lostReceipt: z.boolean().default(false),
    /** From the receipt handed back (scanned with it, or typed from it): needed unless the receipt is lost. Empty: not given. */
    checkCode: z
      .string()
      .transform((value) => value.trim())
      .pipe(z.union([z.literal('').transform(() => undefined), checkCode]))
      .optional(),
    approval: approval.optional(),
  })
  .strict();

/** What the counter chose at a return: the condition, deposit money kept and why, and whether the receipt was lost. */
export interface ReturnChoice {
  condition: ReturnCondition;
  keptFen: number;
  reason: string;
  lostReceipt: boolean;
}

/** A damaged or missing item needs a reason; nothing is kept from a good one. */
function checkCondition(value: ReturnChoice, ctx: z.RefinementCtx): void {
  if (value.condition !== 'good' && value.reason.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['reason'], input: value.reason, message: 'validation.reasonRequired' });
  }
  if (value.keptFen > 0 && value.condition === 'good') {
    ctx.addIssue({ code: 'custom', path: ['keptFen'], input: value.keptFen, message: 'validation.keepOnlyIfDamaged' });
  }
}

/**
 * A duty manager approves every return that is not a plain one: an item back damaged or reported
 * missing (whether or not deposit money is kept: a unit leaves service), keeping deposit money, or
 * refunding without the receipt.
 */
export function needsApproval(value: Pick<ReturnChoice, 'condition' | 'keptFen' | 'lostReceipt'>): boolean {
  return value.condition !== 'good' || value.keptFen > 0 || value.lostReceipt;
}

export const returnInput = returnFields.superRefine((value, ctx) => {
  checkCondition(value, ctx);
  if (needsApproval(value) && !value.approval) {
    ctx.addIssue({ code: 'custom', path: ['approval'], input: value.approval, message: 'validation.approvalRequired' });
  }
});

/** The return form's own fields; the approval, when needed, is asked for beside them. */
export const returnFormInput = returnFields.omit({ approval: true }).superRefine(checkCondition);
export type ReturnInput = z.input<typeof returnInput>;

export const RENTAL_LISTS = ['out', 'overdue', 'returned', 'all'] as const;
/** The lists read newest first, which page on by id; the others are read by due time, whole. */
const ID_ORDERED_LISTS: ReadonlyArray<(typeof RENTAL_LISTS)[number]> = ['returned', 'all'];
/** The most rows one read of a rentals list answers: more than a park's units out at once, more than a day's returns. */
export const RENTAL_LIST_MAX = 1000;

const cashRow = z.object({
  payment: z.enum(PAYMENT_METHODS),
  takenFen: z.number().int(),
  refundedFen: z.number().int(),
  keptFen: z.number().int(),
  expectedFen: z.number().int(),
  rentals: z.number().int(),
  returns: z.number().int(),
});

export const printedDocument = z.object({ rental: rentalView, printJobId: id });
/** A check-out's answer: also the check code printed on its receipt (for the screen's receipt only). */
export const checkedOut = printedDocument.extend({ checkCode: z.string() });

/** A shift's figure for one payment method, and once closed what was counted. */
const shiftRow = cashRow.extend({
  countedFen: z.number().int().nullable(),
  differenceFen: z.number().int().nullable(),
  reason: z.string().nullable(),
});

/**
 * A shift of the counter's deposit drawer: opened by a clerk, shared by everyone who works the
 * drawer until it is closed with a count; its figures are the rentals' own between open and close.
 */
export const shiftView = z.object({
  id,
  openedAt: epochMs,
  openedBy: z.object({ id, name: z.string() }),
  closedAt: epochMs.nullable(),
  closedBy: staffRef,
  note: z.string(),
  rows: z.array(shiftRow),
  totals: shiftRow.omit({ payment: true, reason: true }),
  /** Who rented out or took back during the shift. */
  staff: z.array(z.object({ id, name: z.string() })),
});
export type ShiftView = z.output<typeof shiftView>;

const shiftCount = z
  .object({
    payment: z.enum(PAYMENT_METHODS),
    countedFen: fen,
    /** Required when the count differs from the expected figure. */
    reason: z.string().trim().max(200).default(''),
  })
  .strict();

/** The close of a shift: the drawer counted once for every payment method. */
export const shiftCloseInput = z
  .object({ shiftId: id, counts: z.array(shiftCount).length(PAYMENT_METHODS.length) })
  .strict()
  .superRefine((value, ctx) => {
    PAYMENT_METHODS.forEach((payment, index) => {
      if (value.counts[index]?.payment !== payment) {
        ctx.addIssue({ code: 'custom', path: ['counts', index, 'payment'], input: value.counts[index]?.payment, message: 'validation.invalidOption' });
      }
    });
  });
export type ShiftCloseInput = z.input<typeof shiftCloseInput>;

export const rentalsMethods = {
  'rentals.board': method({
    summary: 'Availability by item type (available, to inspect, out, under repair), deposits held, what is overdue.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.object({
      types: z.array(itemTypeView),
      toInspect: z.number().int(),
      out: z.number().int(),
      overdue: z.number().int(),
      heldFen: z.number().int(),
      parkDate: isoDate,
    }),
  }),
  'rentals.types.save': method({
    summary: 'Add or edit an item type and its deposit (0 for a free loan), or a free item handed out and not returned.',
    access: MANAGERS,
    mode: 'write',
    input: z
      .object({
        id: id.optional(),
        code: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9-]{1,23}$/, rule('validation.typeCode')),
        nameZh: z.string().trim().min(1).max(20),
        nameEn: z.string().trim().min(1).max(40),
        depositFen: fen,
        active: z.boolean().default(true),
        handOut: z.boolean().default(false),
      })
      .strict()
      .superRefine((value, ctx) => {
        if (value.handOut && value.depositFen > 0) ctx.addIssue({ code: 'custom', path: ['depositFen'], input: value.depositFen, message: 'rentals.errors.handOutFree' });
      }),
    output: itemTypeView,
  }),
  'rentals.handOut': method({
    summary: 'Hand out free items of a handed-out type (a sewing kit): counted for the day, nothing to return.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ typeId: id, quantity: z.number().int().min(1).max(50).default(1) }).strict(),
    output: itemTypeView,
  }),
  'rentals.units.list': method({
    summary: 'Units with their state, filtered by type, state or tag.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ typeId: id.optional(), state: z.enum(UNIT_STATES).optional(), query: z.string().trim().max(20).optional() }).strict(),
    output: z.array(unitView),
  }),
  'rentals.units.lookup': method({
    summary: 'One unit by its asset tag (a scan at check-out).',
    access: COUNTER,
    mode: 'read',
    input: z.object({ tag: assetTag }).strict(),
    output: unitView,
  }),
  'rentals.units.add': method({
    summary: 'Add a unit of a type with its asset tag.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ typeId: id, tag: assetTag, note: z.string().trim().max(200).optional() }).strict(),
    output: unitView,
  }),
  'rentals.units.retire': method({
    summary: 'Take a unit out of service for good, with the reason.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ unitId: id, reason }).strict(),
    output: unitView,
  }),
  'rentals.units.printLabel': method({
    summary: 'Print a unit’s asset-tag label (barcode and tag) on the receipt printer.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ unitId: id }).strict(),
    output: z.object({ printJobId: id }),
  }),
  'rentals.units.history': method({
    summary: 'Everything that happened to a unit: added, inspections, rentals, returns, repairs, retirement.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ unitId: id }).strict(),
    output: z.array(unitHistoryEntry),
  }),
  'rentals.inspect': method({
    summary: 'The daily inspection of one unit: OK, or damaged with a note (it goes under repair with a ticket).',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({ unitId: id, result: z.enum(['ok', 'damaged']), note: z.string().trim().max(200).default('') })
      .strict()
      .superRefine((value, ctx) => {
        if (value.result === 'damaged' && value.note.length < 2) {
          ctx.addIssue({ code: 'custom', path: ['note'], input: value.note, message: 'validation.reasonRequired' });
        }
      }),
    output: unitView,
  }),
  'rentals.repairs.list': method({
    summary: 'Repair tickets, open ones first.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ open: z.boolean().default(true) }).strict(),
    output: z.array(repairView),
  }),
  'rentals.repairs.update': method({
    summary: 'Record a repair ticket’s progress: sent (to whom), back (with its cost), notes.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        id,
        sentTo: z.string().trim().min(1).max(80).optional(),
        markSent: z.boolean().default(false),
        markBack: z.boolean().default(false),
        costFen: fen.optional(),
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: repairView,
  }),
  'rentals.checkOut': method({
    summary: 'Rent a unit against its deposit: commits the rental and its receipt print job together; answers the receipt number.',
    access: COUNTER,
    mode: 'custom',
    input: checkOutInput,
    output: checkedOut,
  }),
  'rentals.get': method({
    summary: 'A rental by its receipt number (a scan at return).',
    access: COUNTER,
    mode: 'read',
    input: z.object({ receiptNo }).strict(),
    output: rentalView,
  }),
  'rentals.find': method({
    summary: 'Rentals by receipt number, phone (with or without +86), ID number, or the phone’s last 4 digits with the visitor’s name (for a visitor who lost the receipt); open ones first.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ query: z.string().trim().min(3).max(40) }).strict(),
    output: z.array(rentalView),
  }),
  'rentals.return': method({
    summary: 'Take a unit back and refund the deposit (less what is kept, with a reason and a manager’s approval); prints the refund slip.',
    access: COUNTER,
    mode: 'custom',
    input: returnInput,
    output: printedDocument,
  }),
  'rentals.list': method({
    summary:
      'Rentals out, overdue, returned or all, for a park day or across days, searchable. Out and overdue are read by due time, whole (no more than the units out); returned and all newest first, a page at a time before an id.',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        view: z.enum(RENTAL_LISTS).default('out'),
        date: isoDate.optional(),
        query: z.string().trim().max(40).optional(),
        limit: z.number().int().min(1).max(RENTAL_LIST_MAX).default(100),
        beforeId: id.optional(),
      })
      .strict()
      .superRefine((input, ctx) => {
        if (input.beforeId !== undefined && !ID_ORDERED_LISTS.includes(input.view)) ctx.addIssue({ code: 'custom', path: ['beforeId'], input: input.beforeId, message: 'rentals.errors.listNotPaged' });
      }),
    output: z.object({ rows: z.array(rentalView), nextBeforeId: id.nullable() }),
  }),
  'rentals.cash': method({
    summary: 'Deposit money by payment method for a park day: taken − refunded − kept = expected in the drawer; deposits held now.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: z.object({
      from: epochMs,
      to: epochMs,
      rows: z.array(cashRow),
      totals: cashRow.omit({ payment: true }),
      heldFen: z.number().int(),
      heldCount: z.number().int(),
    }),
  }),
  'rentals.shifts.current': method({
    summary: 'The drawer’s open shift with its figures so far (shared by every clerk working the drawer), or none.',
    access: COUNTER,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.object({ shift: shiftView.nullable() }),
  }),
  'rentals.shifts.open': method({
    summary: 'Open a shift of the deposit drawer at the counter; refused while one is open.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ note: z.string().trim().max(200).default('') }).strict(),
    output: shiftView,
  }),
  'rentals.shifts.close': method({
    summary: 'Close the open shift with the drawer counted for each payment method against taken − refunded − kept; a difference needs a reason.',
    access: COUNTER,
    mode: 'write',
    input: shiftCloseInput,
    output: shiftView,
  }),
  'rentals.shifts.list': method({
    summary: 'Shifts of the deposit drawer, newest first, with their figures and counts.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ limit: z.number().int().min(1).max(100).default(20), beforeId: id.optional() }).strict(),
    output: z.object({ rows: z.array(shiftView), nextBeforeId: id.nullable() }),
  }),
};
