import { z } from 'zod';
import { SLOT_MINUTES, withinBroadcastDay, type AiredState, type CheckState, type ShiftReason } from '../rules/programme';
import { epochMs, id, isoDate, timeOfDay } from './common';
import { ANY_STAFF, BROADCAST, MANAGERS, event, method, okOutput, type EventDef, type MethodDef } from './define';

/** What a slot is for: the programme runs opening → music or activities → lunch break → music → closing. */
export const SLOT_KINDS = ['opening', 'activity', 'music', 'lunch', 'closing', 'other'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];
export const CHECK_STATES = ['notYet', 'due', 'done', 'missed'] as const satisfies readonly CheckState[];
export const SHIFT_REASONS = ['eventDay', 'publicHoliday'] as const satisfies readonly ShiftReason[];
export const AIRED_STATES = ['upcoming', 'airing', 'aired', 'unmarked'] as const satisfies readonly AiredState[];

/** The fields a manager edits; the standard texts may use `{{parkName}}`, `{{openingTime}}`, `{{closingTime}}`. */
const slotFields = z.object({
  kind: z.enum(SLOT_KINDS),
  /** Wall-clock start on a normal day, `HH:mm`; on event days it airs 15 minutes earlier. */
  start: timeOfDay,
  durationMinutes: z.number().int().min(SLOT_MINUTES.min).max(SLOT_MINUTES.max),
  titleZh: z.string().trim().min(1).max(30),
  titleEn: z.string().trim().min(1).max(60),
  /** The standard wording the operator reads, in Chinese and in English. */
  textZh: z.string().trim().min(1).max(1000),
  textEn: z.string().trim().min(1).max(2000),
  /** Delivery notes: speed, rhythm, repeats. */
  notesZh: z.string().trim().max(200).default(''),
  notesEn: z.string().trim().max(400).default(''),
});

/** Add (no id) or edit (id) one slot; it must fit the broadcast day (06:00 to 23:00). */
export const slotInput = slotFields
  .extend({ id: id.optional() })
  .strict()
  .superRefine((value, ctx) => {
    if (!withinBroadcastDay(value)) {
      ctx.addIssue({ code: 'custom', path: ['start'], input: value.start, message: 'programme.errors.outsideDay' });
    }
  });
export type SlotInput = z.input<typeof slotInput>;

export const slotView = slotFields.extend({
  id,
  notesZh: z.string(),
  notesEn: z.string(),
  updatedAt: epochMs,
});
export type SlotView = z.output<typeof slotView>;

const staffRef = z.object({ id, name: z.string() });

export const checkRecord = z.object({
  at: epochMs,
  ok: z.boolean(),
  note: z.string().nullable(),
  by: staffRef,
  /** Signed before the slot started; a late check keeps the slot's check missed. */
  inTime: z.boolean(),
});
export type CheckRecord = z.output<typeof checkRecord>;

export const airedRecord = z.object({ at: epochMs, by: staffRef });

/** A slot on one date: its shifted times, the texts filled in, its check and airing. */
export const daySlot = slotView.extend({
  /** `HH:mm` it airs at on this date (15 minutes earlier than `start` on an event day). */
  airsAt: timeOfDay,
  startsAt: epochMs,
  endsAt: epochMs,
  checkOpensAt: epochMs,
  scriptZh: z.string(),
  scriptEn: z.string(),
  check: checkRecord.nullable(),
  checkState: z.enum(CHECK_STATES),
  aired: airedRecord.nullable(),
  airedState: z.enum(AIRED_STATES),
});
export type DaySlot = z.output<typeof daySlot>;

export const programmeDay = z.object({
  date: isoDate,
  /** The park's date now: checks and airings are recorded on the day only. */
  today: isoDate,
  /** The date is an event day or holiday: every slot airs `shiftMinutes` earlier. */
  eventDay: z.boolean(),
  /** Why: an event day listed in Settings, or an official public holiday on the Chinese calendar. */
  shiftReason: z.enum(SHIFT_REASONS).nullable(),
  /** An official public holiday that managers keep on its normal times (Settings). */
  holidayNotShifted: z.boolean(),
  shiftMinutes: z.number().int().nonnegative(),
  /** The core's clock when it answered. */
  now: epochMs,
  slots: z.array(daySlot),
  /** The day in figures, for the broadcast room and the duty manager's day close. */
  summary: z.object({
    slots: z.number().int(),
    checksInTime: z.number().int(),
    checksMissed: z.number().int(),
    checkProblems: z.number().int(),
    aired: z.number().int(),
  }),
});
export type ProgrammeDay = z.output<typeof programmeDay>;

const slotOnDate = z.object({ slotId: id, date: isoDate });

export const checkInput = slotOnDate
  .extend({
    /** OK, or a problem found (then the note says what). */
    ok: z.boolean(),
    note: z.string().trim().max(200).default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.ok && value.note.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], input: value.note, message: 'validation.reasonRequired' });
    }
  });
export type CheckInput = z.input<typeof checkInput>;

export const programmeMethods = {
  'programme.day': method({
    summary: 'The programme of a park date (default today): each slot’s time after the event-day shift, its texts, equipment check and airing.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: programmeDay,
  }),
  'programme.slots.list': method({
    summary: 'The programme’s slots as managers edit them, by start time.',
    access: BROADCAST,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(slotView),
  }),
  'programme.slots.save': method({
    summary: 'Add or edit a slot: kind, start, duration and standard texts; overlapping slots are refused.',
    access: MANAGERS,
    mode: 'write',
    input: slotInput,
    output: slotView,
  }),
  'programme.slots.remove': method({
    summary: 'Remove a slot from the programme (its past checks and airings are kept).',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: okOutput,
  }),
  'programme.slots.reorder': method({
    summary: 'Put the slots in a new order on the same times: the i-th slot takes the i-th earliest start.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ ids: z.array(id).min(1).max(100) }).strict(),
    output: z.array(slotView),
  }),
  'programme.check': method({
    summary: 'Sign off a slot’s equipment check for today (from 10 minutes before it airs): OK, or a problem with a note.',
    access: BROADCAST,
    mode: 'write',
    input: checkInput,
    output: daySlot,
  }),
  'programme.aired': method({
    summary: 'Record a slot as aired today: who and when.',
    access: BROADCAST,
    mode: 'write',
    input: slotOnDate.strict(),
    output: daySlot,
  }),
} satisfies Record<string, MethodDef>;

export const programmeEvents = {
  'programme.changed': event({
    summary: 'The programme was edited, or a check or airing was recorded: the day and the slot list are stale.',
    payload: z.object({ date: isoDate.nullable(), slotIds: z.array(id) }),
    affects: ['programme.day', 'programme.slots.list'],
  }),
} satisfies Record<string, EventDef>;
