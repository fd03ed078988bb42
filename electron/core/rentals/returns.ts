import type { RentalView, ReturnChoice } from '@shared/contract';
import { formatYuan } from '@shared/rules/money';
import type { CallContext } from '../context';
import type { Db } from '../db/open';
import { fieldError } from '../errors';
import { enqueueDocument } from '../printing/outbox';
import { readSettings } from '../settings/store';
import { refundSlip } from './receipt';
import { getRental, openRepair, toRentalView } from './store';

/**
 * The receipt handed back is the voucher for the refund: its check code must be the one printed on
 * it, unless the visitor lost it (then a manager approves). Rentals made before the codes have none.
 */
export function requireReceipt(db: Db, rental: { id: number; receipt_no: string }, given: { lostReceipt: boolean; checkCode?: string | undefined }): void {
  if (given.lostReceipt) return;
  const expected = db.prepare<[number], { check_code: string | null }>('SELECT check_code FROM rental WHERE id = ?').get(rental.id)?.check_code ?? null;
  if (expected === null || given.checkCode === expected) return;
  throw given.checkCode === undefined
    ? fieldError('VALIDATION', 'checkCode', 'rentals.errors.checkCodeNeeded')
    : fieldError('VALIDATION', 'checkCode', 'rentals.errors.checkCodeWrong', { receiptNo: rental.receipt_no });
}

/**
 * Takes a unit back and refunds its deposit, less what is kept: the rental closes, the unit goes
 * back on the shelf, to repair or out of service, and the refund slip is queued for the printer.
 * Runs inside the caller's transaction; used by the counter's return and by a manager's approval
 * of a return that waited for one.
 */
export function applyReturn(
  db: Db,
  ctx: CallContext,
  rentalId: number,
  choice: ReturnChoice,
  by: { returnedBy: number; approvedBy: number | null },
): { rental: RentalView; printJobId: number; unitId: number } {
  const fresh = getRental(db, rentalId);
  if (!fresh) throw fieldError('NOT_FOUND', 'receiptNo', 'rentals.errors.rentalNotFound');
  if (fresh.status === 'returned') throw fieldError('CONFLICT', 'receiptNo', 'rentals.errors.alreadyReturned', { receiptNo: fresh.receipt_no });
  if (choice.keptFen > fresh.deposit_fen) {
    throw fieldError('VALIDATION', 'keptFen', 'rentals.errors.keptOverDeposit', { deposit: formatYuan(fresh.deposit_fen) });
  }
  const refund = fresh.deposit_fen - choice.keptFen;
  db.prepare(
    `UPDATE rental SET status = 'returned', returned_at = @now, returned_by = @returnedBy, condition = @condition,
            refund_fen = @refund, kept_fen = @kept, kept_reason = @reason, approved_by = @approvedBy, lost_receipt = @lost
     WHERE id = @id AND status = 'out'`,
  ).run({
    now: ctx.now,
    returnedBy: by.returnedBy,
    condition: choice.condition,
    refund,
    kept: choice.keptFen,
    reason: choice.reason || null,
    approvedBy: by.approvedBy,
    lost: choice.lostReceipt ? 1 : 0,
    id: fresh.id,
  });
  if (choice.condition === 'good') {
    // Back on the shelf; it is rented again only once inspected on its next day (or today, already).
    db.prepare("UPDATE unit SET status = 'available', updated_at = ? WHERE id = ?").run(ctx.now, fresh.unit_id);
  } else if (choice.condition === 'damaged') {
    openRepair(db, fresh.unit_id, choice.reason, 'return', by.returnedBy, ctx.now);
  } else {
    db.prepare("UPDATE unit SET status = 'retired', note = ?, updated_at = ? WHERE id = ?").run(choice.reason, ctx.now, fresh.unit_id);
  }
  const returned = getRental(db, fresh.id);
  if (!returned) throw new Error('the returned rental vanished');
  const view = toRentalView(returned, ctx.now);
  const settings = readSettings(db);
  const printContext = { parkName: settings.parkName, timeZone: settings.timeZone, language: settings.receiptLanguage };
  const jobId = enqueueDocument(db, { kind: 'refund-slip', ref: fresh.receipt_no, document: refundSlip(view, printContext), createdBy: by.returnedBy, now: ctx.now });
  db.prepare('UPDATE rental SET slip_job = ? WHERE id = ?').run(jobId, fresh.id);
  view.slipJobId = jobId;
  ctx.audit({
    action: 'rentals.return',
    entity: 'rental',
    entityId: fresh.receipt_no,
    detail: {
      condition: choice.condition,
      refundFen: refund,
      keptFen: choice.keptFen,
      ...(choice.reason ? { reason: choice.reason } : {}),
      ...(by.approvedBy ? { approvedBy: by.approvedBy } : {}),
      ...(choice.lostReceipt ? { lostReceipt: true } : {}),
    },
  });
  ctx.emit('rentals.changed', { unitIds: [fresh.unit_id] });
  return { rental: view, printJobId: jobId, unitId: fresh.unit_id };
}
