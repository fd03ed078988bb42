import type { approvalsMethods } from '@shared/contract';
import { formatYuan } from '@shared/rules/money';
import { checkStaffPin } from '../auth/pinCheck';
import { recordStep, getComplaint } from '../complaints/store';
import { actorOf, type HandlersFor, type Services } from '../context';
import { fieldError } from '../errors';
import { applyReturn, requireReceipt } from '../rentals/returns';
import { getRentalByReceipt } from '../rentals/store';
import { APPROVAL_SELECT, getApproval, toApprovalView, type ApprovalRow, type ReturnRequest } from './store';

export function approvalsHandlers(services: Services): HandlersFor<keyof typeof approvalsMethods> {
  const { db } = services;

  const approvalOrFail = (id: number): ApprovalRow => {
    const row = getApproval(db, id);
    if (!row) throw fieldError('NOT_FOUND', 'id', 'approvals.errors.notFound');
    return row;
  };

  return {
    'approvals.list': (input) => {
      // Escalations of complaints already closed or withdrawn no longer wait on anyone.
      const waiting = "a.status = 'pending' AND (a.complaint_id IS NULL OR c.status NOT IN ('closed', 'withdrawn'))";
      const rows =
        input.view === 'pending'
          ? db.prepare<[number], ApprovalRow>(`${APPROVAL_SELECT} WHERE ${waiting} ORDER BY a.requested_at, a.id LIMIT ?`).all(input.limit)
          : db.prepare<[number], ApprovalRow>(`${APPROVAL_SELECT} WHERE a.status <> 'pending' ORDER BY a.decided_at DESC, a.id DESC LIMIT ?`).all(input.limit);
      const pending = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM approval_request a LEFT JOIN complaint c ON c.id = a.complaint_id WHERE ${waiting}`).get()?.n ?? 0;
      return { rows: rows.map(toApprovalView), pending };
    },

    'approvals.requestReturn': (input, ctx) => {
      const actor = actorOf(ctx);
      const rental = getRentalByReceipt(db, input.receiptNo);
      if (!rental) throw fieldError('NOT_FOUND', 'receiptNo', 'rentals.errors.rentalNotFound');
      if (rental.status === 'returned') throw fieldError('CONFLICT', 'receiptNo', 'rentals.errors.alreadyReturned', { receiptNo: rental.receipt_no });
      requireReceipt(db, rental, input);
      if (input.keptFen > rental.deposit_fen) throw fieldError('VALIDATION', 'keptFen', 'rentals.errors.keptOverDeposit', { deposit: formatYuan(rental.deposit_fen) });
      const pending = db.prepare("SELECT 1 FROM approval_request WHERE rental_id = ? AND status = 'pending'").get(rental.id);
      if (pending) throw fieldError('CONFLICT', 'receiptNo', 'approvals.errors.alreadyPending', { receiptNo: rental.receipt_no });
      const request: ReturnRequest = { condition: input.condition, keptFen: input.keptFen, reason: input.reason, lostReceipt: input.lostReceipt };
      // Named by what the manager must weigh first: money kept, then a missing receipt, then the damage.
      const kind = input.keptFen > 0 ? 'keptDeposit' : input.lostReceipt ? 'lostReceiptRefund' : 'damagedReturn';
      const { lastInsertRowid } = db
        .prepare('INSERT INTO approval_request (kind, rental_id, request, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)')
        .run(kind, rental.id, JSON.stringify(request), actor.id, ctx.now);
      const id = Number(lastInsertRowid);
      ctx.audit({ action: 'approvals.requested', entity: 'rental', entityId: rental.receipt_no, detail: { kind, ...request } });
      ctx.emit('approvals.changed', { id, status: 'pending' });
      return toApprovalView(approvalOrFail(id));
    },

    'approvals.decide': (input, ctx) => {
      const actor = actorOf(ctx);
      const before = approvalOrFail(input.id);
      if (before.status !== 'pending') throw fieldError('CONFLICT', 'id', 'approvals.errors.decided', { status: before.status });
      // The PIN first: a wrong one is counted (and audited) on its own, and nothing else changes.
      checkStaffPin(services, ctx, actor.id, input.pin, true);
      const approved = input.decision === 'approve';
      db.transaction(() => {
        const row = approvalOrFail(input.id);
        if (row.status !== 'pending') throw fieldError('CONFLICT', 'id', 'approvals.errors.decided', { status: row.status });
        if (row.rental_id !== null && approved) {
          const request = JSON.parse(row.request) as ReturnRequest;
          // Completed as the counter took it back, approved by this manager; the slip prints at the counter.
          applyReturn(db, ctx, row.rental_id, request, { returnedBy: row.requested_by, approvedBy: actor.id });
        }
        if (row.complaint_id !== null) {
          const complaint = getComplaint(db, row.complaint_id);
          if (!complaint) throw fieldError('NOT_FOUND', 'id', 'approvals.errors.notFound');
          if (approved) {
            recordStep(db, ctx, actor.id, row.complaint_id, 'accepted', input.reason);
          } else {
            db.prepare("UPDATE complaint SET level = 'frontline' WHERE id = ?").run(row.complaint_id);
            recordStep(db, ctx, actor.id, row.complaint_id, 'returned', input.reason, { level: 'frontline' });
          }
          ctx.emit('complaints.changed', { ids: [row.complaint_id] });
        }
        db.prepare("UPDATE approval_request SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'pending'").run(
          approved ? 'approved' : 'refused',
          actor.id,
          ctx.now,
          input.reason,
          row.id,
        );
        ctx.audit({
          action: approved ? 'approvals.approve' : 'approvals.refuse',
          entity: row.rental_id !== null ? 'rental' : 'complaint',
          entityId: row.receipt_no ?? row.complaint_no ?? row.id,
          detail: { kind: row.kind, reason: input.reason },
        });
      }).immediate();
      const after = toApprovalView(approvalOrFail(input.id));
      ctx.emit('approvals.changed', { id: after.id, status: after.status });
      return after;
    },
  };
}
