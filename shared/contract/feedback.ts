import { z } from 'zod';
import { epochMs, id, isoDate, phoneOrEmpty } from './common';
import { COMPLAINT_CATEGORIES, FEEDBACK_KINDS, staffRef } from './complaints';
import { COUNTER, method } from './define';

/**
 * Visitors' opinions and requests (意见和需求) that are not complaints: recorded at the counter, with
 * no investigation or return-visit clock of their own, and fed back to the departments concerned
 * in the day's complaint summary, due by 20:30. Each is fed back once: the summary that closes
 * first after it was recorded takes it, and from then on it is fixed.
 */

/** How it reached the center: the complaint channels a visitor uses, and the comment card (意见卡). */
export const FEEDBACK_CHANNELS = ['walkIn', 'phone', 'hotline', 'online', 'commentCard'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

const department = z.object({ id, nameZh: z.string(), nameEn: z.string() }).nullable();
/** A visitor's name, or none: as long as a name may be (`personName`). */
const visitorName = z.string().trim().max(40);
/** What the visitor said, in their words. */
const feedbackText = z.string().trim().min(1).max(1000);

export const feedbackInput = z
  .object({
    clientRef: z.string().trim().min(8).max(64),
    kind: z.enum(FEEDBACK_KINDS),
    channel: z.enum(FEEDBACK_CHANNELS),
    /** A visitor may leave no name (a comment card); a phone only when they want an answer. */
    visitorName: visitorName.default(''),
    phone: phoneOrEmpty.default(''),
    category: z.enum(COMPLAINT_CATEGORIES),
    departmentId: id.optional(),
    text: feedbackText,
  })
  .strict();
export type FeedbackInput = z.input<typeof feedbackInput>;

export const feedbackView = z.object({
  id,
  /** `F12`: see `feedbackRef`. */
  ref: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  channel: z.enum(FEEDBACK_CHANNELS),
  visitorName: z.string(),
  phone: z.string().nullable(),
  category: z.enum(COMPLAINT_CATEGORIES),
  department,
  text: z.string(),
  receivedAt: epochMs,
  receivedBy: staffRef,
  /** The day whose closed summary fed it back to its department; null while it waits for the next close. */
  summaryDate: isoDate.nullable(),
});
export type FeedbackView = z.output<typeof feedbackView>;

export const feedbackUpdateInput = z
  .object({
    id,
    kind: z.enum(FEEDBACK_KINDS).optional(),
    visitorName: visitorName.optional(),
    phone: phoneOrEmpty.optional(),
    category: z.enum(COMPLAINT_CATEGORIES).optional(),
    departmentId: id.nullable().optional(),
    text: feedbackText.optional(),
  })
  .strict();

export const feedbackMethods = {
  'complaints.feedback.create': method({
    summary: 'Record a visitor’s opinion or request (意见和需求) for the department concerned; the day’s summary feeds it back by 20:30.',
    access: COUNTER,
    mode: 'write',
    input: feedbackInput,
    output: feedbackView,
  }),
  'complaints.feedback.update': method({
    summary: 'Correct an opinion or request, or name its department, until a closed summary has fed it back.',
    access: COUNTER,
    mode: 'write',
    input: feedbackUpdateInput,
    output: feedbackView,
  }),
  'complaints.feedback.list': method({
    summary: 'Opinions and requests: those still to be fed back, a day’s, or all, newest first; searchable by its words, the visitor or its reference.',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        view: z.enum(['pending', 'day', 'all']).default('pending'),
        date: isoDate.optional(),
        query: z.string().trim().max(60).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        beforeId: id.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(feedbackView), nextBeforeId: id.nullable() }),
  }),
};
