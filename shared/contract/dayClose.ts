import { z } from 'zod';
import { epochMs, fen, id, isoDate, pin } from './common';
import { COUNTER, MANAGERS, event, method } from './define';
import { INCIDENT_NATURES, INCIDENT_STATUSES, NOTICE_STATES } from './incidents';
import { PAYMENT_METHODS } from './rentals';

const staffRef = z.object({ id, name: z.string() });
const count = z.number().int().nonnegative();

/** One payment method's deposit money at the day close: expected from the records, counted at the counter. */
export const cashCountRow = z.object({
  payment: z.enum(PAYMENT_METHODS),
  /** Taken − refunded − kept today, by the records. */
  expectedFen: z.number().int(),
  countedFen: fen.nullable(),
  /** countedFen − expectedFen; null until counted. */
  differenceFen: z.number().int().nullable(),
  reason: z.string(),
  countedBy: staffRef.nullable(),
  countedAt: epochMs.nullable(),
});
export type CashCountRow = z.output<typeof cashCountRow>;

/** Something past its deadline or not done, named on the checklist and in the day report. */
export const ATTENTION_KINDS = [
  'summaryNotClosed',
  'summaryLate',
  'rentalsOverdue',
  'cashNotCounted',
  'cashDifference',
  'handoverOverdue',
  'pagingLateHeads',
  'incidentsNotNotified',
  'incidentsNotifiedLate',
  'unitsNotInspected',
  'programmeChecksMissed',
  'noBackupToday',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export const attention = z.object({ kind: z.enum(ATTENTION_KINDS), count });

export const dayChecklist = z.object({
  date: isoDate,
  now: epochMs,
  closed: z.object({ at: epochMs, by: staffRef, remarks: z.string(), reportFile: z.string(), backupName: z.string().nullable() }).nullable(),
  complaints: z.object({
    state: z.enum(['open', 'reminder', 'late', 'closed', 'closedLate']),
    deadlineAt: epochMs,
    closedAt: epochMs.nullable(),
    total: count,
    open: count,
  }),
  rentals: z.object({
    out: count,
    overdue: count,
    heldFen: fen,
    outList: z.array(z.object({ receiptNo: z.string(), unitTag: z.string(), visitorName: z.string(), dueAt: epochMs, depositFen: fen })),
    rentedToday: count,
    returnedToday: count,
  }),
  cash: z.array(cashCountRow),
  lostFound: z.object({ receivedToday: count, returnedToday: count, held: count, dueThisWeek: count, overdue: count }),
  paging: z.object({ total: count, contactedWithin5: count, shareWithin5: z.number().nullable(), lateHeads: count }),
  incidents: z.object({
    active: count,
    reportedToday: count,
    notifiedInTime: count,
    notifiedLate: count,
    notNotified: count,
    rows: z.array(z.object({ id, refNo: z.string(), nature: z.enum(INCIDENT_NATURES), notice: z.enum(NOTICE_STATES), status: z.enum(INCIDENT_STATUSES) })),
  }),
  equipment: z.object({ underRepair: count, notInspected: count }),
  programme: z.object({ slots: count, checksInTime: count, checksMissed: count, aired: count }),
  backups: z.object({ lastAt: epochMs.nullable() }),
  /** What needs attention, by kind; empty when the day is in order. */
  attention: z.array(attention),
});
export type DayChecklist = z.output<typeof dayChecklist>;

export const cashCountInput = z
  .object({
    date: isoDate,
    payment: z.enum(PAYMENT_METHODS),
    countedFen: fen,
    /** Required when the count differs from the expected figure. */
    reason: z.string().trim().max(200).default(''),
  })
  .strict();
export type CashCountInput = z.input<typeof cashCountInput>;

export const closeDayInput = z
  .object({
    date: isoDate,
    remarks: z.string().trim().max(2000).default(''),
    pin,
  })
  .strict();
export type CloseDayInput = z.input<typeof closeDayInput>;

export const dayCloseMethods = {
  'dayClose.checklist': method({
    summary: 'The day close checklist for a park date (default today): each duty’s state, what is past its deadline, and whether the day is closed.',
    access: MANAGERS,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: dayChecklist,
  }),
  'dayClose.cash': method({
    summary: 'The deposit money count of a park date (default today): expected per payment method and the latest count.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: z.object({ date: isoDate, closed: z.boolean(), rows: z.array(cashCountRow) }),
  }),
  'dayClose.countCash': method({
    summary: 'Record the deposit money counted for one payment method against the expected figure; a difference needs a reason.',
    access: COUNTER,
    mode: 'custom',
    input: cashCountInput,
    output: cashCountRow,
  }),
  'dayClose.close': method({
    summary: 'Close the day with the manager’s PIN: the checklist is fixed as it stands, the A4 day report is saved, a backup is written. Once only.',
    access: MANAGERS,
    mode: 'custom',
    input: closeDayInput,
    output: dayChecklist,
  }),
  'dayClose.report': method({
    summary: 'The saved A4 day report of a closed day (base64 PDF).',
    access: MANAGERS,
    mode: 'read',
    input: z.object({ date: isoDate }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
};

export const dayCloseEvents = {
  'dayClose.changed': event({
    summary: 'A cash count was entered or a day was closed.',
    payload: z.object({ date: isoDate }),
    affects: ['dayClose.checklist', 'dayClose.report', 'dayClose.cash'],
  }),
};
