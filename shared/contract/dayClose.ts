import { z } from 'zod';
import { epochMs, fen, id, isoDate, pin } from './common';
import { COUNTER, MANAGERS, event, method } from './define';
import { INFO_TOPICS } from './info';
import { INCIDENT_NATURES, INCIDENT_STATUSES, NOTICE_STATES, NOTIFY_PARTIES } from './incidents';
import { LF_CATEGORIES } from './lostFound';
import { PAGING_KINDS } from './paging';
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
  'complaintsOverdue',
  'rentalsOverdue',
  'cashNotCounted',
  'cashDifference',
  'handoverOverdue',
  'valuablesNotVerified',
  'valuablesNotAnnounced',
  'pagingLateHeads',
  'pagingContactLate',
  'incidentsNotNotified',
  'incidentsNotifiedLate',
  'unitsNotInspected',
  'programmeChecksMissed',
  'noBackupToday',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export const attention = z.object({ kind: z.enum(ATTENTION_KINDS), count });

/** The clocks of a complaint that can run out: investigated the same day; handled, and replied to with a return visit, within 2 working days. */
export const COMPLAINT_CLOCKS = ['sameDay', 'handling', 'followUp'] as const;

const rentalLine = z.object({ receiptNo: z.string(), unitTag: z.string(), visitorName: z.string(), dueAt: epochMs, depositFen: fen });
const unitLine = z.object({ tag: z.string(), typeNameZh: z.string(), typeNameEn: z.string() });
/** Lists are named in full up to this many; beyond it the rest is counted ("and N more"), never dropped silently. */
export const DAY_CLOSE_LIST_CAP = 200;

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
    /** Open complaints past a clock not yet done, each by number with the clocks run out (the earliest due first). */
    overdue: z.array(z.object({ complaintNo: z.string(), clocks: z.array(z.enum(COMPLAINT_CLOCKS)), dueAt: epochMs })).default([]),
  }),
  rentals: z.object({
    out: count,
    overdue: count,
    heldFen: fen,
    outList: z.array(rentalLine),
    /** Rentals out beyond `outList`: said as "and N more". */
    outMore: count.default(0),
    /** Each rental past its due time, by receipt. */
    overdueList: z.array(rentalLine).default([]),
    overdueMore: count.default(0),
    rentedToday: count,
    returnedToday: count,
  }),
  cash: z.array(cashCountRow),
  lostFound: z.object({
    receivedToday: count,
    returnedToday: count,
    held: count,
    dueThisWeek: count,
    overdue: count,
    /** Each item past its week to reach finance, by number. */
    overdueItems: z.array(z.object({ itemNo: z.string(), category: z.enum(LF_CATEGORIES), description: z.string(), handoverDueBy: epochMs })).default([]),
  }),
  paging: z.object({
    total: count,
    contactedWithin5: count,
    shareWithin5: z.number().nullable(),
    lateHeads: count,
    /** Each department head who came after the 10 minutes (or not at all), by paging slip. */
    lateHeadList: z
      .array(z.object({ ref: z.string(), department: z.string(), departmentEn: z.string(), calledAt: epochMs, arrivedAt: epochMs.nullable(), lateMinutes: count }))
      .default([]),
    /** Each request the broadcast room heard of after the 5 minutes (or not yet), by paging slip. */
    lateContactList: z
      .array(z.object({ ref: z.string(), kind: z.enum(PAGING_KINDS), registeredAt: epochMs, contactedAt: epochMs.nullable(), lateMinutes: count }))
      .default([]),
  }),
  incidents: z.object({
    active: count,
    reportedToday: count,
    notifiedInTime: count,
    notifiedLate: count,
    notNotified: count,
    rows: z.array(z.object({ id, refNo: z.string(), nature: z.enum(INCIDENT_NATURES), notice: z.enum(NOTICE_STATES), status: z.enum(INCIDENT_STATUSES) })),
    /**
     * Each incident behind the two notification warnings, by reference: reported that day and not
     * notified yet or notified after the 30 minutes, and any older one still not closed whose 30
     * minutes ran out (not notified, or notified late). `minutes`: left (pending), over (overdue) or
     * late by (late).
     */
    overdueList: z
      .array(
        z.object({
          id,
          refNo: z.string(),
          nature: z.enum(INCIDENT_NATURES),
          receivedAt: epochMs,
          notice: z.enum(NOTICE_STATES),
          minutes: count,
          toNotify: z.array(z.enum(NOTIFY_PARTIES)),
          status: z.enum(INCIDENT_STATUSES),
        }),
      )
      .default([]),
    overdueMore: count.default(0),
  }),
  equipment: z.object({
    underRepair: count,
    notInspected: count,
    /** Each unit (of a type in use) not inspected today, by asset tag. */
    notInspectedList: z.array(unitLine).default([]),
    notInspectedMore: count.default(0),
    /** Each unit under repair, by asset tag, with the fault on its open ticket and since when. */
    repairList: z.array(unitLine.extend({ fault: z.string().nullable(), since: epochMs.nullable() })).default([]),
    repairMore: count.default(0),
  }),
  programme: z.object({ slots: count, checksInTime: count, checksMissed: count, aired: count }),
  /** The information desk's day: enquiries answered (printed for visitors), and the free items handed out. Empty in days closed before it was kept. */
  services: z
    .object({
      enquiries: count,
      printed: count,
      byTopic: z.record(z.enum(INFO_TOPICS), count),
      handouts: z.array(z.object({ nameZh: z.string(), nameEn: z.string(), count })),
    })
    .default({ enquiries: 0, printed: 0, byTopic: { transport: 0, tourist: 0, park: 0, other: 0 }, handouts: [] }),
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
