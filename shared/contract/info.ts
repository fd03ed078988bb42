import { z } from 'zod';
import { epochMs, id, isoDate } from './common';
import { COUNTER, MANAGERS, event, method, okOutput, type EventDef } from './define';

/**
 * The information desk: the answers the counter gives (transport to and from the park, tourist
 * information, the park itself), kept in both languages, searched while the visitor waits, printed
 * for them on the receipt printer, and each enquiry answered counted for the day. Free maps and
 * sewing kits are handed-out item types (rentals.handOut), shown on the same screen.
 */
export const INFO_TOPICS = ['transport', 'tourist', 'park', 'other'] as const;
export type InfoTopic = (typeof INFO_TOPICS)[number];
/** What a slip for a visitor is printed in. */
export const SLIP_LANGUAGES = ['zh-CN', 'en', 'both'] as const;
export type SlipLanguage = (typeof SLIP_LANGUAGES)[number];

/** Limits shared by the form, the core and the table's CHECKs. */
export const INFO_LIMITS = { titleZh: 30, titleEn: 60, bodyZh: 800, bodyEn: 1600 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The fields a manager edits; the texts may use `{{parkName}}`, `{{openingTime}}`, `{{closingTime}}`. */
const entryFields = z.object({
  topic: z.enum(INFO_TOPICS),
  titleZh: text(INFO_LIMITS.titleZh),
  titleEn: text(INFO_LIMITS.titleEn),
  bodyZh: text(INFO_LIMITS.bodyZh),
  bodyEn: text(INFO_LIMITS.bodyEn),
});

/** Add (no id) or edit (id) one answer. */
export const infoEntryInput = entryFields.extend({ id: id.optional() }).strict();
export type InfoEntryInput = z.input<typeof infoEntryInput>;

export const infoEntryView = entryFields.extend({
  id,
  /** The texts with the park's name and hours filled in, as the counter reads and prints them. */
  shownZh: z.string(),
  shownEn: z.string(),
  updatedAt: epochMs,
  updatedBy: z.object({ id, name: z.string() }).nullable(),
  /** Enquiries answered with it on the day asked for (today by default). */
  today: z.number().int(),
});
export type InfoEntryView = z.output<typeof infoEntryView>;

export const enquiryTally = z.object({
  date: isoDate,
  total: z.number().int(),
  printed: z.number().int(),
  byTopic: z.record(z.enum(INFO_TOPICS), z.number().int()),
});
export type EnquiryTally = z.output<typeof enquiryTally>;

export const infoMethods = {
  'info.list': method({
    summary: 'The answers, by topic, searched in both languages; with a day’s enquiries counted (today’s by default).',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        topic: z.enum(INFO_TOPICS).optional(),
        query: z.string().trim().max(40).optional(),
        /** The park day whose enquiries are counted (default today). */
        date: isoDate.optional(),
      })
      .strict(),
    output: z.object({ entries: z.array(infoEntryView), today: enquiryTally }),
  }),
  'info.save': method({
    summary: 'A manager adds or edits an answer, in Chinese and in English.',
    access: MANAGERS,
    mode: 'write',
    input: infoEntryInput,
    output: infoEntryView,
  }),
  'info.remove': method({
    summary: 'A manager takes an answer off the desk (the enquiries counted with it stay counted).',
    access: MANAGERS,
    mode: 'write',
    input: z.object({ id }).strict(),
    output: okOutput,
  }),
  'info.enquiry': method({
    summary: 'Count an enquiry answered: with one of the answers, or only by its topic (a question the desk has no answer for yet).',
    access: COUNTER,
    mode: 'write',
    input: z.object({ entryId: id.optional(), topic: z.enum(INFO_TOPICS).optional() }).strict(),
    output: enquiryTally,
  }),
  'info.print': method({
    summary: 'Print an answer for the visitor on the receipt printer, in Chinese, English or both; counted as an enquiry answered.',
    access: COUNTER,
    mode: 'write',
    input: z.object({ entryId: id, language: z.enum(SLIP_LANGUAGES) }).strict(),
    output: z.object({ printJobId: id, today: enquiryTally }),
  }),
};

export const infoEvents = {
  'info.changed': event({
    summary: 'An answer was added, edited or removed, or an enquiry was counted.',
    payload: z.object({ entryIds: z.array(id) }),
    affects: ['info.list', 'dayClose.checklist'],
  }),
} satisfies Record<string, EventDef>;
