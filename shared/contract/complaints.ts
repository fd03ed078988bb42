import { z } from 'zod';
import { epochMs, id, isoDate, personName, REPORT_COPIES, REPORT_LANGUAGES, reportFile, phoneOrEmpty } from './common';
import { ANY_STAFF, COUNTER, MANAGERS, event, method } from './define';
import { rule } from './validation';
import type { MessageKey, MessageParams } from '../i18n';
import { groupSizeOfNote } from '../rules/complaints';

export const COMPLAINT_CHANNELS = ['walkIn', 'phone', 'hotline', 'online', 'consumerAssociation', 'tourismBureau'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
/** Complaints forwarded by these bodies must be handled within 2 working days. */
export const OFFICIAL_CHANNELS: readonly ComplaintChannel[] = ['consumerAssociation', 'tourismBureau'];
/** Complaints taken by phone: they are called back, so their phone number is required (and cannot be cleared later). */
export const CALL_BACK_CHANNELS: readonly ComplaintChannel[] = ['phone', 'hotline'];
export const COMPLAINT_CATEGORIES = ['serviceAttitude', 'facilities', 'safety', 'ticketsPrices', 'rides', 'food', 'cleanliness', 'lostProperty', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const COMPLAINT_STATUSES = ['received', 'investigating', 'responded', 'followedUp', 'closed', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** Not yet closed nor withdrawn: its clocks still run. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'investigating', 'responded', 'followedUp'];
/** A complaint's own clocks: investigated the same day, a forwarded one handled in 2 working days, replied to and visited again in 2 working days. */
export const COMPLAINT_CLOCK_NAMES = ['sameDay', 'handling', 'followUp'] as const;
export type ComplaintClockName = (typeof COMPLAINT_CLOCK_NAMES)[number];
/** Who handles it now: the frontline, the duty manager, or company leadership. */
export const ESCALATION_LEVELS = ['frontline', 'dutyManager', 'leadership'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
/**
 * The steps of the process, each recorded with who, when and what was said or decided. A forwarded
 * complaint also has its result reported back to the body that forwarded it and the departments
 * concerned (`reportResult`), which leaves its status as it is.
 */
export const COMPLAINT_STEPS = ['investigate', 'respond', 'reportResult', 'followUp', 'close', 'withdraw'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const FOLLOW_UP_METHODS = ['phone', 'visit', 'message', 'inPerson'] as const;
/** How the visitor found the handling, as said at the return visit (回访). */
export const SATISFACTION_LEVELS = ['satisfied', 'partly', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
/** Why a complaint closes without a return visit (回访): the visitor declined it, could not be reached, or left no contact. */
export const NO_FOLLOW_UP_REASONS = ['declined', 'unreachable', 'noContact'] as const;
export type NoFollowUpReason = (typeof NO_FOLLOW_UP_REASONS)[number];
/**
 * What a visitor says that is not a complaint: an opinion or suggestion (意见建议), or something
 * they need (需求). Each is fed back to the department concerned in the day's summary by 20:30.
 */
export const FEEDBACK_KINDS = ['opinion', 'demand'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

export const complaintInput = z
  .object({
    clientRef: z.string().trim().min(8).max(64),
    channel: z.enum(COMPLAINT_CHANNELS),
    /** When the complaint reached the center (default now; a forwarded complaint may be older). */
    receivedAt: epochMs.optional(),
    complainantName: personName,
    phone: phoneOrEmpty.default(''),
    group: z.boolean().default(false),
    groupSize: z.number().int().min(2).max(1000).optional(),
    representative: optional(40),
    place: text(80),
    happenedAt: epochMs,
    category: z.enum(COMPLAINT_CATEGORIES),
    departmentId: id.optional(),
    description: text(2000),
    request: optional(1000),
    severity: z.enum(SEVERITIES).default('medium'),
    /** The reference of a forwarded complaint (the consumer association's or tourism bureau's number). */
    externalRef: optional(60),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.group && value.groupSize === undefined) {
      ctx.addIssue({ code: 'custom', path: ['groupSize'], input: value.groupSize, message: 'validation.required' });
    }
    if (value.group && value.representative.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['representative'], input: value.representative, message: 'validation.required' });
    }
    if (CALL_BACK_CHANNELS.includes(value.channel)) {
      if (value.phone === '') ctx.addIssue({ code: 'custom', path: ['phone'], input: value.phone, message: 'validation.phoneForCallBack' });
    }
  });
export type ComplaintInput = z.input<typeof complaintInput>;

export const staffRef = z.object({ id, name: z.string() }).nullable();

export const complaintStepView = z.object({
  id,
  // accepted / returned: the duty manager took an escalation on, or sent it back to the frontline (approvals).
  step: z.enum([...COMPLAINT_STEPS, 'escalate', 'summon', 'headArrived', 'accepted', 'returned']),
  at: epochMs,
  staff: staffRef,
  note: z.string(),
  /** For a follow-up (回访): how the visitor was reached. */
  method: z.enum(FOLLOW_UP_METHODS).nullable(),
  level: z.enum(ESCALATION_LEVELS).nullable(),
  /** An escalation straight to leadership: why the duty manager was passed over. */
  skipReason: z.string().nullable(),
  /** A close without a return visit: why there was none. */
  noFollowUp: z.enum(NO_FOLLOW_UP_REASONS).nullable(),
  /** A forwarded complaint's result reported back: to whom. */
  reportedTo: z.string().nullable(),
  /** A return visit: how the visitor found the handling (null for those recorded before it was asked). */
  satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
});

export const clockView = z.object({ dueAt: epochMs, doneAt: epochMs.nullable(), late: z.boolean() });
export type ClockView = z.output<typeof clockView>;

export const complaintView = z.object({
  id,
  complaintNo: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  externalRef: z.string(),
  receivedAt: epochMs,
  receivedBy: staffRef,
  complainantName: z.string(),
  phone: z.string().nullable(),
  group: z.boolean(),
  groupSize: z.number().int().nullable(),
  representative: z.string(),
  place: z.string(),
  happenedAt: epochMs,
  category: z.enum(COMPLAINT_CATEGORIES),
  department: z.object({ id, nameZh: z.string(), nameEn: z.string() }).nullable(),
  description: z.string(),
  request: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(COMPLAINT_STATUSES),
  level: z.enum(ESCALATION_LEVELS),
  steps: z.array(complaintStepView),
  /** Investigated the same (park) day it was received. */
  sameDay: clockView,
  /**
   * A forwarded complaint handled and its result reported back within 2 working days (done when the
   * result is reported); null for the others.
   */
  handling: clockView.nullable(),
  /** Reply and return visit (回访) within 2 working days. */
  followUp: clockView,
  /** The department head summoned over the PA for it, and the 10-minute arrival clock. */
  summon: z
    .object({
      pagingId: id,
      calledAt: epochMs.nullable(),
      arrivalDueAt: epochMs.nullable(),
      arrivedAt: epochMs.nullable(),
      late: z.boolean(),
      /** The paging slip was closed or cancelled without the head arriving: the clock stopped then. */
      endedAt: epochMs.nullable(),
    })
    .nullable(),
  /** The daily summary this complaint was last reported in. */
  lastSummaryDate: isoDate.nullable(),
});
export type ComplaintView = z.output<typeof complaintView>;

/** A visitor's opinion or request as its department reads it in the day's summary. */
export const feedbackLine = z.object({
  id,
  /** `F12`: see `feedbackRef`. */
  ref: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  category: z.enum(COMPLAINT_CATEGORIES),
  text: z.string(),
  receivedAt: epochMs,
});
export type FeedbackLine = z.output<typeof feedbackLine>;

const departmentRow = z.object({
  departmentId: id.nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  count: z.number().int(),
  categories: z.record(z.string(), z.number().int()),
  statuses: z.record(z.string(), z.number().int()),
  /** What was done, one line per complaint: number, category, status, the last step's note. */
  done: z.array(
    z.object({
      complaintNo: z.string(),
      /** Null in summaries closed before the category was kept in them. */
      category: z.enum(COMPLAINT_CATEGORIES).nullable(),
      status: z.enum(COMPLAINT_STATUSES),
      /**
       * What the department is told of: where, what happened and what the visitor asks for (the
       * request empty when none was given). Null in summaries closed before they were kept in them.
       */
      place: z.string().nullable(),
      description: z.string().nullable(),
      request: z.string().nullable(),
      summary: z.string(),
    }),
  ),
  open: z.number().int(),
  /** The visitors' opinions and requests fed back to the department (empty in summaries closed before they were). */
  feedback: z.array(feedbackLine),
});

export const summaryView = z.object({
  date: isoDate,
  /** `HH:mm`: the summary is due by this time (20:30 by default). */
  deadline: z.string(),
  deadlineAt: epochMs,
  state: z.enum(['open', 'reminder', 'late', 'closed', 'closedLate']),
  total: z.number().int(),
  received: z.number().int(),
  carriedOver: z.number().int(),
  open: z.number().int(),
  /** Opinions and requests in the summary: each recorded since the last closed summary, fed back once. */
  feedbackTotal: z.number().int(),
  departments: z.array(departmentRow),
  remarks: z.string(),
  closedAt: epochMs.nullable(),
  closedBy: staffRef,
});
export type SummaryView = z.output<typeof summaryView>;

/** One line of a complaint's history, worded: on screen and in the printed record alike. */
export interface ComplaintTimelineEntry {
  key: string;
  /** The step it records, or what else happened: received, the summons aired, the head arrived. */
  kind: z.output<typeof complaintStepView>['step'] | 'received' | 'aired' | 'arrived';
  at: number;
  title: string;
  who?: string | undefined;
  note?: string | undefined;
}

/** Everything that happened to the complaint, in order and in words: received, the steps, the PA call and the head's arrival. */
export function complaintTimeline(t: (key: MessageKey, params?: MessageParams) => string, complaint: ComplaintView): ComplaintTimelineEntry[] {
  const list: ComplaintTimelineEntry[] = [
    {
      key: 'received',
      kind: 'received',
      at: complaint.receivedAt,
      title: t('complaints.ui.receivedVia', { channel: t(`complaints.channels.${complaint.channel}`) }),
      who: complaint.receivedBy?.name,
    },
  ];
  for (const step of complaint.steps) {
    let title: string = t(`complaints.steps.${step.step}`);
    let note = step.note;
    if (step.step === 'escalate' && step.level) title = t('complaints.ui.escalatedTo', { level: t(`complaints.levels.${step.level}`) });
    if (step.step === 'followUp' && step.method) title = `${title} · ${t(`complaints.followUpMethods.${step.method}`)}`;
    if (step.satisfaction) title = `${title} · ${t(`complaints.satisfaction.${step.satisfaction}`)}`;
    if (step.step === 'summon') note = t('complaints.ui.pagingSlip', { ref: step.note });
    const groupSize = groupSizeOfNote(step.note);
    if (step.step === 'escalate' && groupSize !== undefined) note = t('complaints.ui.groupEscalated', { count: groupSize });
    if (step.skipReason) note = `${note}\n${t('complaints.ui.skippedLevel', { reason: step.skipReason })}`;
    if (step.noFollowUp) note = `${note}\n${t('complaints.ui.noFollowUpLine', { reason: t(`complaints.noFollowUpReasons.${step.noFollowUp}`) })}`;
    if (step.reportedTo) note = `${t('complaints.ui.reportedToLine', { to: step.reportedTo })}\n${note}`;
    list.push({ key: `step-${step.id}`, kind: step.step, at: step.at, title, who: step.staff?.name, note });
  }
  if (complaint.summon?.calledAt != null) list.push({ key: 'aired', kind: 'aired', at: complaint.summon.calledAt, title: t('complaints.summon.aired') });
  if (complaint.summon?.arrivedAt != null) list.push({ key: 'arrived', kind: 'arrived', at: complaint.summon.arrivedAt, title: t('complaints.steps.headArrived') });
  return list.sort((a, b) => a.at - b.at);
}

export const complaintsMethods = {
  'complaints.create': method({
    summary: 'Record a complaint in full (顾客投诉记录); a group complaint goes to the duty manager at once.',
    access: COUNTER,
    mode: 'write',
    input: complaintInput,
    output: complaintView,
  }),
  'complaints.update': method({
    summary: 'Complete or correct the record of an open complaint (not its channel or time of receipt).',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        id,
        complainantName: personName.optional(),
        phone: phoneOrEmpty.optional(),
        place: text(80).optional(),
        category: z.enum(COMPLAINT_CATEGORIES).optional(),
        departmentId: id.nullable().optional(),
        description: text(2000).optional(),
        request: z.string().trim().max(1000).optional(),
        severity: z.enum(SEVERITIES).optional(),
      })
      .strict(),
    output: complaintView,
  }),
  'complaints.get': method({
    summary: 'One complaint with its steps and clocks.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ id }).strict(),
    output: complaintView,
  }),
  'complaints.pdf': method({
    summary:
      'The customer complaint record (顾客投诉记录) of one complaint, complete, as an A4 PDF: the file copy (everything: every step with who and when, escalations, the summons, the clocks) or the visitor’s copy (the complaint as recorded, what the park answered, the return visit; the phone masked, the internal steps left out). Base64, also saved under reports/complaints/records/.',
    access: COUNTER,
    mode: 'custom',
    repeatable: true,
    input: z.object({ id, copy: z.enum(REPORT_COPIES).default('file'), language: z.enum(REPORT_LANGUAGES).optional() }).strict(),
    output: reportFile,
  }),
  'complaints.list': method({
    summary: 'Complaints: open ones, a day’s, waiting on the duty manager, or all; searchable.',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        view: z.enum(['open', 'day', 'mine', 'dutyManager', 'all']).default('open'),
        date: isoDate.optional(),
        query: z.string().trim().max(60).optional(),
        limit: z.number().int().min(1).max(200).default(100),
        beforeId: id.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(complaintView), nextBeforeId: id.nullable() }),
  }),
  'complaints.clocks': method({
    summary:
      'Every clock of the open complaints still running, without the records: the investigation the same day, a forwarded one’s handling and the return visit within 2 working days, a summoned head’s 10 minutes to arrive. For the menu’s alerts.',
    access: COUNTER,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(z.object({ complaintId: id, complaintNo: z.string(), clock: z.enum([...COMPLAINT_CLOCK_NAMES, 'arrival']), dueAt: epochMs })),
  }),
  'complaints.step': method({
    summary:
      'Record the next step: investigation, response to the visitor, return visit (回访), closing, or withdrawal; each with what was said or decided. A forwarded complaint (consumer association, tourism bureau) has its result reported back once, after the response and before it closes; its 2-working-day clock stops then.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        id,
        step: z.enum(COMPLAINT_STEPS),
        note: text(2000),
        method: z.enum(FOLLOW_UP_METHODS).optional(),
        /** For a return visit: how the visitor found the handling. */
        satisfaction: z.enum(SATISFACTION_LEVELS).optional(),
        /** Closing before the return visit: why there is none (the core asks for it then). */
        noFollowUp: z.enum(NO_FOLLOW_UP_REASONS).optional(),
        /** Reporting a forwarded complaint's result: to whom (the body that forwarded it, the departments concerned). */
        reportedTo: z.string().trim().max(120).optional(),
      })
      .strict()
      .superRefine((value, ctx) => {
        if (value.step === 'followUp' && !value.method) ctx.addIssue({ code: 'custom', path: ['method'], input: value.method, message: 'validation.required' });
        if (value.step === 'followUp' && !value.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], input: value.satisfaction, message: 'validation.required' });
        if (value.step === 'reportResult' && !value.reportedTo) ctx.addIssue({ code: 'custom', path: ['reportedTo'], input: value.reportedTo, message: 'validation.required' });
      }),
    output: complaintView,
  }),
  'complaints.escalate': method({
    summary:
      'Escalate: frontline → duty manager → company leadership, with the reason. One level at a time; going from the frontline straight to leadership passes over the duty manager and is refused without `skipReason` (why they were passed over), which the step keeps.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        id,
        to: z.enum(['dutyManager', 'leadership']),
        reason: z.string().trim().min(2).max(500),
        /** Only when a level is skipped: why (the duty manager cannot be reached, the matter cannot wait). */
        skipReason: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: complaintView,
  }),
  'complaints.summon': method({
    summary: 'Summon the responsible department head over the PA (a paging request); the 10-minute arrival clock shows on the complaint.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ id, clientRef: z.string().trim().min(8).max(64) }).strict(),
    output: complaintView,
  }),
  'complaints.summary': method({
    summary: 'The daily complaint summary by department (live until closed, fixed once closed), with its 20:30 state.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: summaryView,
  }),
  'complaints.summary.remarks': method({
    summary: 'The duty manager’s remarks on a day’s summary, before it is closed.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ date: isoDate, remarks: z.string().trim().max(4000) }).strict(),
    output: summaryView,
  }),
  'complaints.summary.close': method({
    summary:
      'Close the day’s summary: it is fixed from then on (late after the deadline is recorded as late), and kept as files in reports/complaints: the whole day and each department concerned, as PDF and CSV, named `-closed` (or `-closed-late`).',
    access: MANAGERS,
    mode: 'custom',
    input: z.object({ date: isoDate, remarks: z.string().trim().max(4000).optional() }).strict(),
    output: summaryView,
  }),
  'complaints.summary.pdf': method({
    summary: 'The day’s summary as an A4 PDF (base64), for all departments or one: once closed, the file kept at the close; before, a `-draft` (kept too, never over a closed one).',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate, departmentId: id.optional() }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'complaints.summary.csv': method({
    summary: 'The day’s summary as CSV (UTF-8 with BOM: date, department, complaint, category, status, what was done), for all departments or one; once closed, the file kept at the close.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate, departmentId: id.optional() }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'complaints.trends': method({
    summary: 'Complaints per week by category and by department, for the charts.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ weeks: z.number().int().min(1).max(104).default(12) }).strict(),
    output: z.object({
      weeks: z.array(z.object({ weekStart: isoDate, total: z.number().int(), byCategory: z.record(z.string(), z.number().int()), byDepartment: z.record(z.string(), z.number().int()) })),
    }),
  }),
  'calendar.overrides': method({
    summary: 'The park’s own working days and days off, on top of the official calendar.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(z.object({ date: isoDate, kind: z.enum(['work', 'off']), note: z.string() })),
  }),
  'calendar.setOverride': method({
    summary: 'A manager marks a date as worked or off for the park (or clears it).',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ date: isoDate, kind: z.enum(['work', 'off', 'official']), note: optional(100) }).strict(),
    output: z.object({ date: isoDate, kind: z.enum(['work', 'off', 'official']) }),
  }),
};

export const complaintsEvents = {
  'complaints.changed': event({
    summary: 'A complaint was recorded, stepped, escalated or summoned for, or a summary changed (its close feeds back the opinions and requests).',
    payload: z.object({ ids: z.array(id), date: isoDate.optional() }),
    affects: ['complaints.get', 'complaints.list', 'complaints.clocks', 'complaints.summary', 'complaints.trends', 'calendar.overrides', 'complaints.feedback.list'],
  }),
  'complaints.feedback.changed': event({
    summary: 'A visitor’s opinion or request was recorded or corrected: the lists and the summary it waits in are stale (the complaints are not).',
    payload: z.object({ ids: z.array(id), date: isoDate }),
    affects: ['complaints.feedback.list', 'complaints.summary'],
  }),
};

export const complaintNo = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^C\d{8}-\d{4,}$/, rule('validation.invalidFormat')));
