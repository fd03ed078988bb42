import { z } from 'zod';
import { epochMs, fen, id, pin } from './common';
import { COMPLAINT_CATEGORIES, ESCALATION_LEVELS } from './complaints';
import { COUNTER, MANAGERS, event, method } from './define';
import { RETURN_CONDITIONS, needsApproval, returnFormInput } from './rentals';

/**
 * What waits on a manager: keeping deposit money for damage, refunding a deposit without its
 * receipt, and complaints escalated to the duty manager.
 */
/** What waits on a manager: a return keeping deposit money, one without its receipt, one damaged or missing with nothing kept, an escalated complaint. */
export const APPROVAL_KINDS = ['keptDeposit', 'lostReceiptRefund', 'damagedReturn', 'escalation'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'refused'] as const;
export const DECISIONS = ['approve', 'refuse'] as const;

const staffRef = z.object({ id, name: z.string() });

export const approvalView = z.object({
  id,
  kind: z.enum(APPROVAL_KINDS),
  status: z.enum(APPROVAL_STATUSES),
  requestedAt: epochMs,
  requestedBy: staffRef,
  decidedAt: epochMs.nullable(),
  decidedBy: staffRef.nullable(),
  decisionReason: z.string().nullable(),
  /** For a return: the rental and what the counter proposes. */
  rental: z
    .object({
      receiptNo: z.string(),
      unitTag: z.string(),
      visitorName: z.string(),
      depositFen: fen,
      condition: z.enum(RETURN_CONDITIONS),
      keptFen: fen,
      reason: z.string(),
      lostReceipt: z.boolean(),
    })
    .nullable(),
  /** For an escalation: the complaint and why it was escalated. */
  complaint: z
    .object({
      id,
      complaintNo: z.string(),
      category: z.enum(COMPLAINT_CATEGORIES),
      level: z.enum(ESCALATION_LEVELS),
      description: z.string(),
      group: z.boolean(),
      reason: z.string(),
    })
    .nullable(),
});
export type ApprovalView = z.output<typeof approvalView>;

/** A return that needs a manager who is not at the counter: it waits in the approvals list. */
export const returnRequestInput = returnFormInput.superRefine((value, ctx) => {
  if (!needsApproval(value)) ctx.addIssue({ code: 'custom', path: ['keptFen'], input: value.keptFen, message: 'approvals.errors.nothingToApprove' });
});
export type ReturnRequestInput = z.input<typeof returnRequestInput>;

export const decisionInput = z
  .object({
    id,
    decision: z.enum(DECISIONS),
    /** Why, in a few words: kept in the audit log and shown to the counter. */
    reason: z.string().trim().min(2).max(200),
    pin,
  })
  .strict();
export type DecisionInput = z.input<typeof decisionInput>;

export const approvalsMethods = {
  'approvals.list': method({
    summary: 'What waits on a manager (pending, oldest first), or what was decided (newest first).',
    access: COUNTER,
    mode: 'read',
    input: z
      .object({
        view: z.enum(['pending', 'decided']).default('pending'),
        limit: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(approvalView), pending: z.number().int() }),
  }),
  'approvals.requestReturn': method({
    summary: 'Ask a manager to approve a return that keeps deposit money, has no receipt, or came back damaged or missing; the unit stays out until decided.',
    access: COUNTER,
    mode: 'write',
    input: returnRequestInput,
    output: approvalView,
  }),
  'approvals.decide': method({
    summary: 'Approve or refuse with the manager’s PIN and a reason: an approved return is completed and its slip printed; an escalation is taken on or sent back.',
    access: MANAGERS,
    mode: 'custom',
    input: decisionInput,
    output: approvalView,
  }),
};

export const approvalsEvents = {
  'approvals.changed': event({
    summary: 'A request for a manager was made or decided.',
    payload: z.object({ id, status: z.enum(APPROVAL_STATUSES) }),
    affects: ['approvals.list', 'complaints.get', 'complaints.list', 'complaints.clocks', 'rentals.list', 'rentals.get', 'rentals.find'],
  }),
};
