import { z } from 'zod';
import { INCIDENT_NATURES, INCIDENT_STATUSES, NOTIFY_CHANNELS, NOTIFY_PARTIES, type IncidentNature } from '../rules/incidents';
import type { MessageKey, MessageParams } from '../i18n';
import { epochMs, id, isoDate, personName, REPORT_COPIES, REPORT_LANGUAGES, reportFile, timeOfDay, phoneOrEmpty } from './common';
import { COUNTER, event, method, type EventDef, type MethodDef } from './define';
import { rule } from './validation';

export { INCIDENT_NATURES, INCIDENT_STATUSES, NOTIFY_CHANNELS, NOTIFY_PARTIES } from '../rules/incidents';
export type { IncidentNature, IncidentStatus, NotifyChannel, NotifyParty } from '../rules/incidents';

/** People recorded in a statement: someone involved, or a witness. */
export const STATEMENT_ROLES = ['involved', 'witness'] as const;
export type StatementRole = (typeof STATEMENT_ROLES)[number];

/** What the clock says about notifying: not yet (time left), not yet and past 30 minutes, done in time, done late. */
export const NOTICE_STATES = ['pending', 'overdue', 'inTime', 'late'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const INCIDENT_LISTS = ['active', 'open', 'handled', 'closed', 'all'] as const;

export const TIMELINE_KINDS = [
  'reported',
  'notified',
  'staffSent',
  'statement',
  'action',
  'casualty',
  'hospitalLeft',
  'hospitalArrived',
  'hospitalReturned',
  'followUp',
  'superior',
  'handOver',
  'status',
  'partySkipped',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Incident reference as printed: `I20261129-01`. */
export const incidentRef = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^I\d{8}-\d{2,}$/, rule('incidents.validation.refNo')));

/** Free text that may be left empty (stored as null). */
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** A phone number we can call back, or nothing. */
const optionalPhone = phoneOrEmpty.default('');

const reporterName = z
  .string(rule('incidents.validation.reporterName'))
  .trim()
  .min(1, rule('incidents.validation.reporterName'))
  .max(40);

const location = z.string(rule('incidents.validation.location')).trim().min(1, rule('incidents.validation.location')).max(120);

const reportFields = z
  .object({
    reporterName,
    reporterPhone: optionalPhone,
    reporterAddress: optionalText(200),
    nature: z.enum(INCIDENT_NATURES, rule('incidents.validation.nature')),
    location,
    /** When it happened; default: now. */
    occurredAt: epochMs.optional(),
    description: optionalText(1000),
  })
  .strict();

interface ReportChoice {
  reporterPhone: string;
  reporterAddress: string;
  nature: IncidentNature;
  description: string;
}

/** No reporter contact, no report: a phone or an address (or both). "Other" says what happened. */
function checkReport(value: ReportChoice, ctx: z.RefinementCtx): void {
  if (value.reporterPhone === '' && value.reporterAddress === '') {
    ctx.addIssue({ code: 'custom', path: ['reporterPhone'], input: value.reporterPhone, message: 'incidents.validation.contact' });
  }
  if (value.nature === 'other' && value.description.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['description'], input: value.description, message: 'incidents.validation.describeOther' });
  }
}

/**
 * The report, taken at once: the reporter's name and a way to reach them (a phone, an address, or
 * both: never neither), the nature, where (required) and when (default now), what happened.
 */
export const reportInput = reportFields.superRefine(checkReport);
export type ReportInput = z.input<typeof reportInput>;

/** The report form: the same fields and rules, with the time as the park's wall-clock time. */
export const reportFormInput = reportFields.omit({ occurredAt: true }).extend({ occurredTime: timeOfDay }).superRefine(checkReport);

const incidentId = id;

export const notifyInput = z
  .object({
    incidentId,
    party: z.enum(NOTIFY_PARTIES),
    channel: z.enum(NOTIFY_CHANNELS),
    /** Who was reached, when it matters (the medic on duty, the ride's supervisor). */
    personName: optionalText(40),
    note: optionalText(200),
  })
  .strict();

/** A party the event calls for, other than the duty manager, not notified: why (security was already at the scene). */
export const skipPartyInput = z
  .object({ incidentId, party: z.enum(NOTIFY_PARTIES), reason: z.string(rule('validation.reasonRequired')).trim().min(2, rule('validation.reasonRequired')).max(200) })
  .strict();

export const sendStaffInput = z.object({ incidentId, name: personName, note: optionalText(200) }).strict();

export const statementInput = z
  .object({
    incidentId,
    personName,
    role: z.enum(STATEMENT_ROLES),
    contact: optionalText(80),
    text: z.string().trim().min(2).max(4000),
  })
  .strict();

export const actionInput = z.object({ incidentId, text: z.string().trim().min(2).max(1000) }).strict();

export const casualtyFields = z
  .object({
    incidentId,
    /** Absent: a new injured visitor; present: edit that record. */
    casualtyId: id.optional(),
    name: personName,
    injury: z.string().trim().min(2).max(500),
    firstAid: optionalText(500),
    toHospital: z.boolean().default(false),
    hospital: optionalText(80),
    /** The staff member who went with them. */
    escortStaffId: id.nullable().default(null),
    leftAt: epochMs.nullable().default(null),
    arrivedAt: epochMs.nullable().default(null),
    returnedAt: epochMs.nullable().default(null),
  })
  .strict();

interface CasualtyChoice {
  toHospital: boolean;
  hospital: string;
  escortStaffId: number | null;
  leftAt: number | null;
  arrivedAt: number | null;
  returnedAt: number | null;
}

/** Taken to hospital: which one, and who went with them. */
export function checkHospitalEscort(value: Pick<CasualtyChoice, 'toHospital' | 'hospital' | 'escortStaffId'>, ctx: z.RefinementCtx): void {
  if (value.toHospital && value.hospital.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['hospital'], input: value.hospital, message: 'incidents.validation.hospital' });
  }
  if (value.toHospital && value.escortStaffId === null) {
    ctx.addIssue({ code: 'custom', path: ['escortStaffId'], input: value.escortStaffId, message: 'incidents.validation.escort' });
  }
}

/** Taken to hospital: which one, and who went; the times in order (left ≤ arrived ≤ back). */
function checkCasualty(value: CasualtyChoice, ctx: z.RefinementCtx): void {
  checkHospitalEscort(value, ctx);
  if (!value.toHospital && (value.leftAt !== null || value.arrivedAt !== null || value.returnedAt !== null)) {
    ctx.addIssue({ code: 'custom', path: ['toHospital'], input: value.toHospital, message: 'incidents.validation.hospitalTimes' });
  }
  if (value.leftAt !== null && value.arrivedAt !== null && value.arrivedAt < value.leftAt) {
    ctx.addIssue({ code: 'custom', path: ['arrivedAt'], input: value.arrivedAt, message: 'incidents.validation.timeOrder' });
  }
  const before = value.arrivedAt ?? value.leftAt;
  if (before !== null && value.returnedAt !== null && value.returnedAt < before) {
    ctx.addIssue({ code: 'custom', path: ['returnedAt'], input: value.returnedAt, message: 'incidents.validation.timeOrder' });
  }
}

/** An injured visitor: the injury, first aid, and the hospital escort with its times. */
export const casualtyInput = casualtyFields.superRefine(checkCasualty);
export type CasualtyInput = z.input<typeof casualtyInput>;

export const followUpInput = z.object({ incidentId, note: z.string().trim().min(2).max(500) }).strict();

export const superiorInput = z.object({ incidentId, name: personName, note: optionalText(200) }).strict();

/** 首问负责制: the owner hands the incident over to another staff member, with a note. */
export const handOverInput = z.object({ incidentId, toStaffId: id, note: z.string().trim().min(2).max(200) }).strict();

export const statusFields = z.object({ incidentId, status: z.enum(INCIDENT_STATUSES), note: optionalText(500) }).strict();

/** Handled: say how it was settled. Reopened: say why. Closing needs no more words. */
export function checkStatusNote(value: { status: (typeof INCIDENT_STATUSES)[number]; note: string }, ctx: z.RefinementCtx): void {
  if (value.status !== 'closed' && value.note.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['note'], input: value.note, message: value.status === 'handled' ? 'incidents.validation.outcome' : 'validation.reasonRequired' });
  }
}

export const statusInput = statusFields.superRefine(checkStatusNote);

const staffRef = z.object({ id, name: z.string() });

export const incidentSummary = z.object({
  id,
  refNo: z.string(),
  nature: z.enum(INCIDENT_NATURES),
  location: z.string(),
  occurredAt: epochMs,
  receivedAt: epochMs,
  /** Who first received it. */
  receivedBy: staffRef,
  /** Who owns it now (首问负责制): the receiver until a recorded hand-over. */
  owner: staffRef,
  reporterName: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  notifyDeadline: epochMs,
  /** The first notification, to anyone. */
  notifiedAt: epochMs.nullable(),
  /** When the last party the event calls for was notified or skipped: the moment the 30-minute clock stopped. */
  noticeDoneAt: epochMs.nullable(),
  /** The parties the event calls for that are still to notify (or skip with a reason), the duty manager first. */
  toNotify: z.array(z.enum(NOTIFY_PARTIES)),
  notice: z.enum(NOTICE_STATES),
  notifications: z.number().int(),
  injured: z.boolean(),
  toHospital: z.boolean(),
  handledAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
});
export type IncidentSummary = z.output<typeof incidentSummary>;

const by = staffRef;

export const notificationView = z.object({
  id,
  party: z.enum(NOTIFY_PARTIES),
  channel: z.enum(NOTIFY_CHANNELS),
  personName: z.string().nullable(),
  note: z.string().nullable(),
  at: epochMs,
  by,
});
export const skipView = z.object({ id, party: z.enum(NOTIFY_PARTIES), reason: z.string(), at: epochMs, by });
export const staffSentView = z.object({ id, name: z.string(), note: z.string().nullable(), at: epochMs, by });
export const statementView = z.object({
  id,
  personName: z.string(),
  role: z.enum(STATEMENT_ROLES),
  contact: z.string().nullable(),
  text: z.string(),
  at: epochMs,
  by,
});
export const actionView = z.object({ id, text: z.string(), at: epochMs, by });
export const casualtyView = z.object({
  id,
  name: z.string(),
  injury: z.string(),
  firstAid: z.string().nullable(),
  toHospital: z.boolean(),
  hospital: z.string().nullable(),
  escort: staffRef.nullable(),
  leftAt: epochMs.nullable(),
  arrivedAt: epochMs.nullable(),
  returnedAt: epochMs.nullable(),
  at: epochMs,
  by,
});
export type CasualtyView = z.output<typeof casualtyView>;
export const followUpView = z.object({ id, note: z.string(), at: epochMs, by });
export const superiorView = z.object({ id, name: z.string(), note: z.string().nullable(), at: epochMs, by });
export const handOverView = z.object({ id, from: staffRef, to: staffRef, note: z.string(), at: epochMs, by });
export const transitionView = z.object({
  id,
  from: z.enum(INCIDENT_STATUSES),
  to: z.enum(INCIDENT_STATUSES),
  note: z.string().nullable(),
  at: epochMs,
  by,
});

/**
 * One line of the timeline: everything recorded on the incident, in the order it happened.
 * `subject` names who or what the entry is about (the party's person, the staff sent, the witness,
 * the hospital, the new owner); `text` carries the words recorded.
 */
export const timelineEntry = z.object({
  at: epochMs,
  kind: z.enum(TIMELINE_KINDS),
  by: z.string().nullable(),
  subject: z.string().nullable(),
  party: z.enum(NOTIFY_PARTIES).nullable(),
  channel: z.enum(NOTIFY_CHANNELS).nullable(),
  status: z.enum(INCIDENT_STATUSES).nullable(),
  text: z.string().nullable(),
});
export type TimelineEntry = z.output<typeof timelineEntry>;

/** What a timeline entry says, in one language (`t` of the screen, or the core's translator for the PDF). */
export function timelineTitle(t: (key: MessageKey, params?: MessageParams) => string, entry: TimelineEntry): string {
  const subject = entry.subject ?? '';
  switch (entry.kind) {
    case 'notified': {
      const base = t('incidents.timeline.notified', {
        party: entry.party ? t(`incidents.party.${entry.party}`) : '',
        channel: entry.channel ? t(`incidents.channel.${entry.channel}`) : '',
      });
      return subject ? `${base} · ${subject}` : base;
    }
    case 'status':
      return t('incidents.timeline.status', { status: entry.status ? t(`incidents.status.${entry.status}`) : '' });
    case 'partySkipped':
      return t('incidents.timeline.partySkipped', { party: entry.party ? t(`incidents.party.${entry.party}`) : '' });
    case 'action':
      return t('incidents.timeline.action');
    case 'followUp':
      return t('incidents.timeline.followUp');
    default:
      return t(`incidents.timeline.${entry.kind}`, { subject });
  }
}

export const incidentDetail = incidentSummary.extend({
  reporterPhone: z.string().nullable(),
  reporterAddress: z.string().nullable(),
  description: z.string().nullable(),
  notificationList: z.array(notificationView),
  /** Parties the event calls for that were not notified, each with the reason recorded. */
  skippedParties: z.array(skipView),
  staffSent: z.array(staffSentView),
  statements: z.array(statementView),
  actions: z.array(actionView),
  casualties: z.array(casualtyView),
  followUps: z.array(followUpView),
  superiors: z.array(superiorView),
  handOvers: z.array(handOverView),
  transitions: z.array(transitionView),
  timeline: z.array(timelineEntry),
});
export type IncidentDetail = z.output<typeof incidentDetail>;

const openCounts = z.object({
  /** Not closed yet (open or handled). */
  active: z.number().int(),
  open: z.number().int(),
  handled: z.number().int(),
  /** Active and parties still to notify, within the 30 minutes / past them. */
  pending: z.number().int(),
  overdue: z.number().int(),
  /** Active and notified after the 30 minutes. */
  notifiedLate: z.number().int(),
});

const dayCounts = z.object({
  reported: z.number().int(),
  closed: z.number().int(),
  /** Reported that day and all its parties notified in time / late / not yet. */
  notifiedInTime: z.number().int(),
  notifiedLate: z.number().int(),
  notNotified: z.number().int(),
});

/** The most incidents one read answers: the lists by clock are read whole up to this, the record pages back. */
export const INCIDENT_LIST_MAX = 200;

export const incidentsMethods = {
  'incidents.report': method({
    summary: 'Record a report or call for help at once: reporter and contact, nature, where and when; the receiver owns it; the 30-minute clock starts.',
    access: COUNTER,
    mode: 'write',
    input: reportInput,
    output: incidentDetail,
  }),
  'incidents.get': method({
    summary: 'One incident with everything recorded on it and its timeline.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ id }).strict(),
    output: incidentDetail,
  }),
  'incidents.list': method({
    summary: 'Incidents by status (active = not closed), nature, park date of the report, or text (reference, reporter, place); newest first, active ones by their clock.',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        status: z.enum(INCIDENT_LISTS).default('active'),
        nature: z.enum(INCIDENT_NATURES).optional(),
        date: isoDate.optional(),
        query: z.string().trim().max(40).optional(),
        limit: z.number().int().min(1).max(INCIDENT_LIST_MAX).default(100),
        beforeId: id.optional(),
      })
      .strict(),
    output: z.object({
      rows: z.array(incidentSummary),
      /** The record (closed, all) pages back from here; null on its last page and on the lists by clock. */
      nextBeforeId: id.nullable(),
      /** A list by clock (active, open, handled) had more incidents than the limit: the screen says so. */
      moreThanShown: z.boolean(),
    }),
  }),
  'incidents.open': method({
    summary: 'For the duty manager’s home and the day close: incidents not closed, each with whether it was notified within 30 minutes, and the day’s figures.',
    access: COUNTER,
    mode: 'read',
    input: z.object({ date: isoDate.optional() }).strict(),
    output: z.object({ parkDate: isoDate, incidents: z.array(incidentSummary), counts: openCounts, day: dayCounts }),
  }),
  'incidents.notify': method({
    summary:
      'Record that a party concerned was notified: whom, how; by the signed-in staff member, now. The 30-minute clock stops once the duty manager and every party the event calls for are notified (or skipped with a reason).',
    access: COUNTER,
    mode: 'write',
    input: notifyInput,
    output: incidentDetail,
  }),
  'incidents.skipParty': method({
    summary: 'Record why a party the event calls for is not notified (never the duty manager); it then no longer holds the 30-minute clock or the closing.',
    access: COUNTER,
    mode: 'write',
    input: skipPartyInput,
    output: incidentDetail,
  }),
  'incidents.sendStaff': method({
    summary: 'Record a staff member sent to the scene, now.',
    access: COUNTER,
    mode: 'write',
    input: sendStaffInput,
    output: incidentDetail,
  }),
  'incidents.statement': method({
    summary: 'Record a statement: the person (involved or witness), their contact and what they said.',
    access: COUNTER,
    mode: 'write',
    input: statementInput,
    output: incidentDetail,
  }),
  'incidents.action': method({
    summary: 'Record an action taken, on the timeline.',
    access: COUNTER,
    mode: 'write',
    input: actionInput,
    output: incidentDetail,
  }),
  'incidents.casualty': method({
    summary: 'Record or update an injured visitor: injury, first aid, hospital, the escorting staff member and the times.',
    access: COUNTER,
    mode: 'write',
    input: casualtyInput,
    output: incidentDetail,
  }),
  'incidents.followUp': method({
    summary: 'Record a follow-up call to the visitor, now.',
    access: COUNTER,
    mode: 'write',
    input: followUpInput,
    output: incidentDetail,
  }),
  'incidents.superior': method({
    summary: 'Record a superior informed, now.',
    access: COUNTER,
    mode: 'write',
    input: superiorInput,
    output: incidentDetail,
  }),
  'incidents.handOver': method({
    summary: 'Hand the incident over to another active staff member (首问负责制), with a note; by its owner or a manager.',
    access: COUNTER,
    mode: 'write',
    input: handOverInput,
    output: incidentDetail,
  }),
  'incidents.setStatus': method({
    summary: 'Move the incident open → handled → closed (or handled back to open), with a note; closing needs every party the event calls for notified or skipped.',
    access: COUNTER,
    mode: 'write',
    input: statusInput,
    output: incidentDetail,
  }),
  'incidents.pdf': method({
    summary: 'The printable A4 incident report (file copy, or the visitor’s copy without internal notes): base64 PDF, also saved under reports/incidents/.',
    access: COUNTER,
    mode: 'custom',
    repeatable: true,
    input: z
      .object({ incidentId, copy: z.enum(REPORT_COPIES).default('file'), language: z.enum(REPORT_LANGUAGES).optional() })
      .strict(),
    output: reportFile,
  }),
} satisfies Record<string, MethodDef>;

export const incidentsEvents = {
  'incidents.changed': event({
    summary: 'An incident was reported or something was recorded on it: lists, clocks and its detail are stale.',
    payload: z.object({ incidentId: id }),
    affects: ['incidents.list', 'incidents.get', 'incidents.open'],
  }),
} satisfies Record<string, EventDef>;
