import { z } from 'zod';
import { LANGUAGES } from '../i18n';
import { epochMs, id, isoDate, personName, phone, phoneOrEmpty } from './common';
import { ANY_STAFF, BROADCAST, COUNTER, MANAGERS, event, method } from './define';
import { encodeMessage, rule } from './validation';

/** What the counter asks the broadcast room to announce. A missing child always comes first. */
export const PAGING_KINDS = ['missingPerson', 'summonHead', 'lostProperty', 'general'] as const;
export type PagingKind = (typeof PAGING_KINDS)[number];
/** The standard scripts, one per kind of announcement (a missing child has its own). */
export const SCRIPT_KINDS = ['missingChild', 'missingPerson', 'summonHead', 'lostProperty'] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];
export const PAGING_STATUSES = ['registered', 'acknowledged', 'aired', 'resolved', 'cancelled'] as const;
/** Still to be taken, aired or finished: what the broadcast room's queue holds. */
export const OPEN_PAGING_STATUSES: ReadonlyArray<(typeof PAGING_STATUSES)[number]> = ['registered', 'acknowledged', 'aired'];
export type PagingStatus = (typeof PAGING_STATUSES)[number];
export const SEXES = ['female', 'male', 'unknown'] as const;
export const PAGING_SOURCES = ['counter', 'lostFound', 'complaint'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** The oldest a missing person registered as a child can be (a minor): older, the adult's script and priority. */
export const CHILD_MAX_AGE = 17;

/** The missing-person fields, unrefined, for forms that reshape them (a refined object cannot be omitted from). */
export const missingPersonFields = z
  .object({
    kind: z.literal('missingPerson'),
    /** A child: the highest priority, and the child's script. */
    child: z.boolean(),
    name: personName,
    age: z.number().int().min(0).max(120),
    sex: z.enum(SEXES),
    heightCm: z.number().int().min(40).max(230).optional(),
    clothing: text(120),
    lastSeenPlace: text(80),
    /** The English script's words for the clothing and the place, when the counter gives them. */
    clothingEn: optionalText(120),
    lastSeenPlaceEn: optionalText(80),
    lastSeenAt: epochMs,
    guardianName: personName,
    guardianPhone: phone,
    meetingPoint: text(80),
    /** Re-aired at this interval until found. */
    repeatMinutes: z.number().int().min(5).max(60).default(10),
  })
  .strict();

/** "A child" means a minor: an adult's age is refused rather than announced as a child's. */
export function checkChildAge(value: { child: boolean; age: number }, ctx: z.RefinementCtx): void {
  if (value.child && value.age > CHILD_MAX_AGE) {
    ctx.addIssue({ code: 'custom', path: ['age'], input: value.age, message: encodeMessage({ key: 'paging.errors.childAge', params: { maximum: CHILD_MAX_AGE } }) });
  }
}

export const missingPersonDetails = missingPersonFields.superRefine(checkChildAge);

export const summonHeadDetails = z
  .object({
    kind: z.literal('summonHead'),
    departmentId: id,
    /** Why: e.g. the complaint in a few words. Not read out; for the operator and the records. */
    reason: optionalText(200),
  })
  .strict();

export const lostPropertyDetails = z
  .object({
    kind: z.literal('lostProperty'),
    /** What was found, as it may be announced (no private details: no cash amounts, no ID numbers). */
    item: text(120),
    foundPlace: text(80),
    claimPoint: text(80),
    /** The English script's words for the item, the place and the claim point, when they differ (lost and found fills some). */
    itemEn: optionalText(120),
    foundPlaceEn: optionalText(80),
    claimPointEn: optionalText(80),
  })
  .strict();

export const generalDetails = z
  .object({
    kind: z.literal('general'),
    textZh: text(600),
    textEn: optionalText(600),
    /** The standard text the wording starts from (managers keep the library); absent for free text. */
    standardTextId: id.optional(),
  })
  .strict();

/** A standard general announcement, in Chinese and English, as managers keep it. */
export const generalTextView = z.object({
  id,
  titleZh: z.string(),
  titleEn: z.string(),
  textZh: z.string(),
  textEn: z.string(),
  active: z.boolean(),
  updatedAt: epochMs,
});
export type GeneralTextView = z.output<typeof generalTextView>;

export const pagingDetails = z.discriminatedUnion('kind', [missingPersonDetails, summonHeadDetails, lostPropertyDetails, generalDetails]);
export type PagingDetails = z.output<typeof pagingDetails>;
export type PagingDetailsInput = z.input<typeof pagingDetails>;

export const departmentView = z.object({
  id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  headName: z.string(),
  headPhone: z.string(),
  active: z.boolean(),
});
export type DepartmentView = z.output<typeof departmentView>;

const staffRef = z.object({ id, name: z.string() }).nullable();

export const pagingView = z.object({
  id,
  kind: z.enum(PAGING_KINDS),
  priority: z.number().int(),
  details: pagingDetails,
  /** The announcement as the operator reads it, from the standard scripts. */
  scriptZh: z.string(),
  scriptEn: z.string(),
  status: z.enum(PAGING_STATUSES),
  source: z.enum(PAGING_SOURCES),
  sourceRef: z.string().nullable(),
  createdAt: epochMs,
  createdBy: staffRef,
  acknowledgedAt: epochMs.nullable(),
  acknowledgedBy: staffRef,
  firstAiredAt: epochMs.nullable(),
  lastAiredAt: epochMs.nullable(),
  airCount: z.number().int(),
  /** A missing person is aired again at this time until found. */
  nextAiringAt: epochMs.nullable(),
  department: departmentView.nullable(),
  arrivedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  closedBy: staffRef,
  closeNote: z.string().nullable(),
  /** When the counter last changed its details (the room reads the new words). */
  editedAt: epochMs.nullable(),
  /** The 5-minute mark to reach the broadcast room, and whether it was met. */
  contactDueAt: epochMs,
  contactLate: z.boolean(),
  /** The 10-minute mark for a summoned department head, from the first call over the PA. */
  arrivalDueAt: epochMs.nullable(),
  arrivalLate: z.boolean(),
});
export type PagingView = z.output<typeof pagingView>;

export const scriptTemplateView = z.object({
  kind: z.enum(SCRIPT_KINDS),
  language: z.enum(LANGUAGES),
  text: z.string(),
  updatedAt: epochMs.nullable(),
});

const note = z.string().trim().max(200).default('');

export const pagingMethods = {
  'paging.register': method({
    summary: 'Register a paging request at once; the announcement is written from the standard scripts. Idempotent by clientRef.',
    access: COUNTER,
    mode: 'write',
    input: z
      .object({
        /** Chosen by the screen once per request, so a retry after a lost answer never makes a second slip. */
        clientRef: z.string().trim().min(8).max(64),
        details: pagingDetails,
      })
      .strict(),
    output: pagingView,
  }),
  'paging.update': method({
    summary: 'Correct the details of an open request; its script is written again and every station sees the change.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ id, details: pagingDetails }).strict(),
    output: pagingView,
  }),
  'paging.queue': method({
    summary: 'The open requests, by priority then age (a missing child first), with their scripts and clocks.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(pagingView),
  }),
  'paging.list': method({
    summary: 'Requests of a park day, any status, newest first, searchable.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate.optional(), query: z.string().trim().max(40).optional() }).strict(),
    output: z.array(pagingView),
  }),
  'paging.acknowledge': method({
    summary: 'The broadcast room has the request (this stops the 5-minute clock).',
    access: BROADCAST,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: pagingView,
  }),
  'paging.aired': method({
    summary: 'The announcement went out over the PA (the time is kept). Once; a missing person is repeated with paging.repeat.',
    access: BROADCAST,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: pagingView,
  }),
  'paging.repeat': method({
    summary: 'The announcement was aired again (a missing person, until found).',
    access: BROADCAST,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: pagingView,
  }),
  'paging.arrived': method({
    summary: 'The summoned department head reached the visitor center (late at 10 minutes from the call, or after).',
    access: COUNTER,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: pagingView,
  }),
  'paging.close': method({
    summary: 'Resolve (found, done) or cancel a request, with a note.',
    access: ANY_STAFF,
    mode: 'write',
    input: z
      .object({ id, outcome: z.enum(['resolved', 'cancelled']), note })
      .strict()
      .superRefine((value, ctx) => {
        if (value.outcome === 'cancelled' && value.note.length < 2) {
          ctx.addIssue({ code: 'custom', path: ['note'], input: value.note, message: 'validation.reasonRequired' });
        }
      }),
    output: pagingView,
  }),
  'paging.printSlip': method({
    summary: 'Print the paging slip (the request and its script) on the thermal printer.',
    access: ANY_STAFF,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: z.object({ printJobId: id }),
  }),
  'paging.room': method({
    summary:
      'Whether the broadcast room is on line now: how many broadcast-room screens are signed in with their live queue open, and since when. With none, the counter reaches the room by phone or radio within the 5 minutes.',
    access: COUNTER,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.object({ screens: z.number().int(), since: epochMs.nullable() }),
  }),
  'paging.stats': method({
    summary: 'The duty manager’s figures for a day: requests per kind, share contacted within 5 minutes, median time to air, late department heads.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: z.object({
      date: isoDate,
      total: z.number().int(),
      byKind: z.record(z.enum(PAGING_KINDS), z.number().int()),
      contacted: z.number().int(),
      contactedWithin5: z.number().int(),
      /** contactedWithin5 / requests that were due by now; null when none was due. */
      shareWithin5: z.number().nullable(),
      medianToAirMs: z.number().nullable(),
      lateHeads: z.array(z.object({ id, department: z.string(), departmentEn: z.string(), calledAt: epochMs, arrivedAt: epochMs.nullable(), lateByMs: z.number().int() })),
      /** The requests counted against the share: the broadcast room contacted after the 5 minutes, or not yet, oldest first. */
      lateContacts: z.array(z.object({ id, kind: z.enum(PAGING_KINDS), createdAt: epochMs, contactedAt: epochMs.nullable(), lateByMs: z.number().int() })),
    }),
  }),
  'paging.scripts.list': method({
    summary: 'The standard scripts, per kind and language, with their placeholders.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({}).strict(),
    output: z.array(scriptTemplateView),
  }),
  'paging.scripts.save': method({
    summary: 'A manager edits a standard script; placeholders must be the kind’s own.',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ kind: z.enum(SCRIPT_KINDS), language: z.enum(LANGUAGES), text: text(800) }).strict(),
    output: scriptTemplateView,
  }),
  'paging.generalTexts.list': method({
    summary: 'The standard texts of general announcements (active ones, or all for managers editing them), in their order.',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(generalTextView),
  }),
  'paging.generalTexts.save': method({
    summary: 'A manager adds or edits a standard general announcement (both languages), or retires it.',
    access: MANAGERS,
    mode: 'write',
    input: z
      .object({
        id: id.optional(),
        titleZh: text(30),
        titleEn: text(60),
        textZh: text(600),
        textEn: optionalText(600),
        active: z.boolean().default(true),
      })
      .strict(),
    output: generalTextView,
  }),
  'departments.list': method({
    summary: 'The park’s departments and their heads (summoned over the PA; complaints are filed against them).',
    access: ANY_STAFF,
    mode: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(departmentView),
  }),
  'departments.save': method({
    summary: 'Add or edit a department and its head.',
    access: MANAGERS,
    mode: 'write',
    input: z
      .object({
        id: id.optional(),
        code: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9-]{1,23}$/, rule('validation.typeCode')),
        nameZh: text(20),
        nameEn: text(40),
        headName: optionalText(40),
        headPhone: phoneOrEmpty.default(''),
        active: z.boolean().default(true),
      })
      .strict(),
    output: departmentView,
  }),
};

export const pagingEvents = {
  'paging.created': event({
    summary: 'A new paging slip: the broadcast room sounds and shows it.',
    payload: z.object({ id, kind: z.enum(PAGING_KINDS), priority: z.number().int() }),
    affects: ['paging.queue', 'paging.list', 'paging.stats'],
  }),
  'paging.changed': event({
    summary: 'A paging slip was edited, acknowledged, aired, repeated, closed, or its department head arrived.',
    /** `edited`: the counter changed its details, which the room must read again. */
    payload: z.object({ id, status: z.enum(PAGING_STATUSES), edited: z.boolean().optional() }),
    // A summoned head's arrival shows on the complaint that summoned them; a closed announcement on its found item.
    affects: ['paging.queue', 'paging.list', 'paging.stats', 'complaints.get', 'complaints.list', 'complaints.clocks', 'lostFound.get'],
  }),
  'paging.room': event({
    summary: 'A broadcast-room screen opened or closed its live queue (the room came on line or went off).',
    payload: z.object({ screens: z.number().int() }),
    affects: ['paging.room'],
  }),
  'departments.changed': event({
    summary: 'Departments, scripts or the standard general announcements were edited.',
    payload: z.object({}),
    affects: ['departments.list', 'paging.scripts.list', 'paging.generalTexts.list'],
  }),
};
