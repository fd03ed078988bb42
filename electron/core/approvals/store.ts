import type { ApprovalKind, ApprovalView } from '@shared/contract';
import type { CallContext } from '../context';
import type { Db } from '../db/open';

export interface ApprovalRow {
  id: number;
  kind: ApprovalKind;
  rental_id: number | null;
  complaint_id: number | null;
  request: string;
  requested_by: number;
  requested_by_name: string;
  requested_at: number;
  status: ApprovalView['status'];
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  receipt_no: string | null;
  unit_tag: string | null;
  visitor_name: string | null;
  deposit_fen: number | null;
  complaint_no: string | null;
  category: string | null;
  level: string | null;
  description: string | null;
  group_complaint: number | null;
}

export const APPROVAL_SELECT = `
  SELECT a.id, a.kind, a.rental_id, a.complaint_id, a.request, a.requested_by, rq.name AS requested_by_name, a.requested_at,
         a.status, a.decided_by, dc.name AS decided_by_name, a.decided_at, a.decision_reason,
         r.receipt_no, u.tag AS unit_tag, r.visitor_name, r.deposit_fen,
         c.complaint_no, c.category, c.level, c.description, c.group_complaint
  FROM approval_request a
  JOIN staff rq ON rq.id = a.requested_by
  LEFT JOIN staff dc ON dc.id = a.decided_by
  LEFT JOIN rental r ON r.id = a.rental_id
  LEFT JOIN unit u ON u.id = r.unit_id
  LEFT JOIN complaint c ON c.id = a.complaint_id`;

/** What the counter proposed for a return, as stored with the request. */
export interface ReturnRequest {
  condition: 'good' | 'damaged' | 'missing';
  keptFen: number;
  reason: string;
  lostReceipt: boolean;
}

export function getApproval(db: Db, id: number): ApprovalRow | undefined {
  return db.prepare<[number], ApprovalRow>(`${APPROVAL_SELECT} WHERE a.id = ?`).get(id);
}

export function toApprovalView(row: ApprovalRow): ApprovalView {
  const request = JSON.parse(row.request) as Partial<ReturnRequest> & { reason?: string };
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    requestedAt: row.requested_at,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    decidedAt: row.decided_at,
    decidedBy: row.decided_by === null ? null : { id: row.decided_by, name: row.decided_by_name ?? '' },
    decisionReason: row.decision_reason,
    rental:
      row.receipt_no === null
        ? null
        : {
            receiptNo: row.receipt_no,
            unitTag: row.unit_tag ?? '',
            visitorName: row.visitor_name ?? '',
            depositFen: row.deposit_fen ?? 0,
            condition: request.condition ?? 'good',
            keptFen: request.keptFen ?? 0,
            reason: request.reason ?? '',
            lostReceipt: request.lostReceipt ?? false,
          },
    complaint:
      row.complaint_id === null
        ? null
        : {
            id: row.complaint_id,
            complaintNo: row.complaint_no ?? '',
            category: (row.category ?? 'other') as NonNullable<ApprovalView['complaint']>['category'],
            level: (row.level ?? 'dutyManager') as NonNullable<ApprovalView['complaint']>['level'],
            description: row.description ?? '',
            group: row.group_complaint === 1,
            reason: request.reason ?? '',
          },
  };
}

/**
 * A complaint escalated to the duty manager (or a group complaint, at once) waits in the approvals
 * list until they take it on or send it back. One pending request per complaint.
 */
export function requestEscalationDecision(db: Db, ctx: CallContext, complaintId: number, staffId: number, reason: string): void {
  db.prepare(
    `INSERT INTO approval_request (kind, complaint_id, request, requested_by, requested_at)
     VALUES ('escalation', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(complaintId, JSON.stringify({ reason }), staffId, ctx.now);
}

/** A complaint that moves past the duty manager, or closes, no longer waits on them. */
export function settleEscalation(db: Db, ctx: CallContext, complaintId: number, staffId: number, reason: string): void {
  db.prepare(
    `UPDATE approval_request SET status = 'approved', decided_by = ?, decided_at = ?, decision_reason = ?
     WHERE complaint_id = ? AND status = 'pending'`,
  ).run(staffId, ctx.now, reason, complaintId);
}
