import type { Approval, RentalView, UnitHistoryEntry, rentalsMethods } from '@shared/contract';
import { maskIdNumber } from '@shared/rules/identity';
import { formatYuan } from '@shared/rules/money';
import { CHECK_CODE_ALPHABET, defaultDueAt, parseLostReceiptQuery } from '@shared/rules/rentals';
import { atParkTime, DAY, parkDate, parkDayBounds } from '@shared/rules/time';
import { randomInt } from 'node:crypto';
import { checkPinOf } from '../auth/pinCheck';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { enqueueDocument, enqueuePrint } from '../printing/outbox';
import { readSettings } from '../settings/store';
import { assetLabel, depositReceipt } from './receipt';
import { applyReturn, requireReceipt } from './returns';
import { cashFigures, shiftHandlers } from './shifts';
import {
  DEPOSITS_HELD_SQL,
  RECEIPT_SEQ_SQL,
  RENTAL_FIND_SQL,
  RENTALS_OUT_SQL,
  UNIT_HISTORY_SQL,
  getRentalByReceipt,
  getRepair,
  getType,
  getUnit,
  getUnitByTag,
  getUnitForRent,
  listRepairs,
  listTypes,
  listUnits,
  openRepair,
  rentalListQuery,
  toRentalView,
  toRepairView,
  toUnitView,
  type RentalRow,
} from './store';


/** A receipt's check code: four characters drawn at random (about 920,000 possible). */
function newCheckCode(): string {
  return Array.from({ length: 4 }, () => CHECK_CODE_ALPHABET[randomInt(CHECK_CODE_ALPHABET.length)]).join('');
}

export function rentalsHandlers(services: Services): HandlersFor<keyof typeof rentalsMethods> {
  const { db } = services;
  const today = (now: number) => parkDate(now, readSettings(db).timeZone);

  const unitOrFail = <R>(row: R | undefined, field = 'unitTag'): R => {
    if (!row) throw fieldError('NOT_FOUND', field, 'rentals.errors.unitNotFound');
    return row;
  };

  const rentalOrFail = (row: RentalRow | undefined): RentalRow => {
    if (!row) throw fieldError('NOT_FOUND', 'receiptNo', 'rentals.errors.rentalNotFound');
    return row;
  };

  /** A manager's PIN, checked before anything is written (a wrong PIN is counted on its own). */
  const approve = (ctx: CallContext, approval: Approval): number => checkPinOf(services, ctx, approval, 'approval', true).id;

  const changed = (ctx: CallContext, unitIds: number[]) => ctx.emit('rentals.changed', { unitIds });
  const unitCount = (typeId: number) => db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM unit WHERE type_id = ?').get(typeId)?.n ?? 0;

  return {
    ...shiftHandlers(services),

    'rentals.board': (_input, ctx) => {
      const date = today(ctx.now);
      const types = listTypes(db, date);
      const open = db
        .prepare<[number], { out: number; overdue: number; held: number }>(
          RENTALS_OUT_SQL,
        )
        .get(ctx.now) ?? { out: 0, overdue: 0, held: 0 };
      return {
        types,
        toInspect: types.filter((type) => type.active).reduce((sum, type) => sum + type.counts.inspectionDue, 0),
        out: open.out,
        overdue: open.overdue,
        heldFen: open.held,
        parkDate: date,
      };
    },

    'rentals.types.save': (input, ctx) => {
      const clash = db.prepare<[string, number], { id: number }>('SELECT id FROM item_type WHERE code = ? AND id <> ?').get(input.code, input.id ?? 0);
      if (clash) throw fieldError('CONFLICT', 'code', 'rentals.errors.typeCodeTaken', { code: input.code });
      let typeId = input.id;
      if (typeId === undefined) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO item_type (code, name_zh, name_en, deposit_fen, active, handout, sort, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM item_type), ?, ?)`,
          )
          .run(input.code, input.nameZh, input.nameEn, input.depositFen, input.active ? 1 : 0, input.handOut ? 1 : 0, ctx.now, ctx.now);
        typeId = Number(lastInsertRowid);
        ctx.audit({ action: 'rentals.typeAdd', entity: 'item_type', entityId: typeId, detail: { code: input.code, depositFen: input.depositFen, ...(input.handOut ? { handOut: true } : {}) } });
      } else {
        const before = getType(db, typeId);
        if (!before) throw new AppError('NOT_FOUND', 'rentals.errors.typeNotFound');
        if (input.handOut && !before.handout && unitCount(typeId) > 0) throw fieldError('CONFLICT', 'handOut', 'rentals.errors.handOutHasUnits');
        db.prepare('UPDATE item_type SET code = ?, name_zh = ?, name_en = ?, deposit_fen = ?, active = ?, handout = ?, updated_at = ? WHERE id = ?').run(
          input.code,
          input.nameZh,
          input.nameEn,
          input.depositFen,
          input.active ? 1 : 0,
          input.handOut ? 1 : 0,
          ctx.now,
          typeId,
        );
        ctx.audit({
          action: 'rentals.typeEdit',
          entity: 'item_type',
          entityId: typeId,
          detail: { depositFen: { from: before.deposit_fen, to: input.depositFen }, active: input.active, code: input.code, handOut: input.handOut },
        });
      }
      changed(ctx, []);
      const view = listTypes(db, today(ctx.now)).find((type) => type.id === typeId);
      if (!view) throw new Error('item type vanished after save');
      return view;
    },

    'rentals.units.list': (input, ctx) => {
      const date = today(ctx.now);
      const views = listUnits(db, input).map((row) => toUnitView(row, date));
      return input.state ? views.filter((unit) => unit.state === input.state) : views;
    },

    'rentals.units.lookup': (input, ctx) => toUnitView(unitOrFail(getUnitByTag(db, input.tag), 'tag'), today(ctx.now)),

    'rentals.handOut': (input, ctx) => {
      const type = getType(db, input.typeId);
      if (!type) throw fieldError('NOT_FOUND', 'typeId', 'rentals.errors.typeNotFound');
      if (type.handout !== 1) throw fieldError('CONFLICT', 'typeId', 'rentals.errors.notHandOut');
      if (type.active !== 1) throw fieldError('CONFLICT', 'typeId', 'rentals.errors.typeInactive');
      const date = today(ctx.now);
      db.prepare('INSERT INTO handout (type_id, park_date, at, staff_id, quantity) VALUES (?, ?, ?, ?, ?)').run(type.id, date, ctx.now, actorOf(ctx).id, input.quantity);
      ctx.audit({ action: 'rentals.handOut', entity: 'item_type', entityId: type.id, detail: { code: type.code, quantity: input.quantity } });
      changed(ctx, []);
      const view = listTypes(db, date).find((entry) => entry.id === type.id);
      if (!view) throw new Error('item type vanished after a hand-out');
      return view;
    },

    'rentals.units.add': (input, ctx) => {
      const type = getType(db, input.typeId);
      if (!type) throw fieldError('NOT_FOUND', 'typeId', 'rentals.errors.typeNotFound');
      if (type.handout === 1) throw fieldError('CONFLICT', 'typeId', 'rentals.errors.handOutNoUnits');
      if (getUnitByTag(db, input.tag)) throw fieldError('CONFLICT', 'tag', 'rentals.errors.tagTaken', { tag: input.tag });
      const { lastInsertRowid } = db
        .prepare('INSERT INTO unit (type_id, tag, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(input.typeId, input.tag, input.note ?? null, ctx.now, ctx.now);
      const unitId = Number(lastInsertRowid);
      ctx.audit({ action: 'rentals.unitAdd', entity: 'unit', entityId: unitId, detail: { tag: input.tag, typeId: input.typeId } });
      changed(ctx, [unitId]);
      return toUnitView(unitOrFail(getUnit(db, unitId)), today(ctx.now));
    },

    'rentals.units.retire': (input, ctx) => {
      const unit = unitOrFail(getUnit(db, input.unitId), 'unitId');
      if (unit.status === 'out') throw fieldError('CONFLICT', 'unitId', 'rentals.errors.unitOut', { tag: unit.tag });
      if (unit.status === 'retired') throw fieldError('CONFLICT', 'unitId', 'rentals.errors.unitRetired', { tag: unit.tag });
      db.prepare("UPDATE unit SET status = 'retired', note = ?, updated_at = ? WHERE id = ?").run(input.reason, ctx.now, unit.id);
      db.prepare('UPDATE repair SET back_at = ?, closed_by = ?, note = coalesce(note, ?) WHERE unit_id = ? AND back_at IS NULL').run(
        ctx.now,
        actorOf(ctx).id,
        input.reason,
        unit.id,
      );
      ctx.audit({ action: 'rentals.unitRetire', entity: 'unit', entityId: unit.id, detail: { tag: unit.tag, reason: input.reason } });
      changed(ctx, [unit.id]);
      return toUnitView(unitOrFail(getUnit(db, unit.id)), today(ctx.now));
    },

    'rentals.units.printLabel': (input, ctx) => {
      const unit = unitOrFail(getUnit(db, input.unitId), 'unitId');
      const settings = readSettings(db);
      const printJobId = enqueuePrint(db, {
        kind: 'asset-label',
        ref: unit.tag,
        document: assetLabel(unit, settings.parkName),
        createdBy: actorOf(ctx).id,
        now: ctx.now,
      });
      ctx.audit({ action: 'rentals.printLabel', entity: 'unit', entityId: unit.id, detail: { tag: unit.tag } });
      return { printJobId };
    },

    'rentals.units.history': (input) => {
      const unit = unitOrFail(getUnit(db, input.unitId), 'unitId');
      return db
        .prepare<{ unitId: number; unitRef: string }, UnitHistoryEntry>(UNIT_HISTORY_SQL)
        // The audit names its entity in text; a bound number is a REAL in SQLite ('1.0'), so the text is bound.
        .all({ unitId: unit.id, unitRef: String(unit.id) });
    },

    'rentals.inspect': (input, ctx) => {
      const actor = actorOf(ctx);
      const unit = unitOrFail(getUnit(db, input.unitId), 'unitId');
      if (unit.status !== 'available') throw fieldError('CONFLICT', 'unitId', 'rentals.errors.notInspectable', { tag: unit.tag });
      const date = today(ctx.now);
      db.prepare('INSERT INTO inspection (unit_id, park_date, result, note, at, staff_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        unit.id,
        date,
        input.result,
        input.note || null,
        ctx.now,
        actor.id,
      );
      if (input.result === 'ok') {
        db.prepare('UPDATE unit SET inspected_on = ?, inspected_at = ?, updated_at = ? WHERE id = ?').run(date, ctx.now, ctx.now, unit.id);
      } else {
        openRepair(db, unit.id, input.note, 'inspection', actor.id, ctx.now);
      }
      ctx.audit({ action: 'rentals.inspect', entity: 'unit', entityId: unit.id, detail: { tag: unit.tag, result: input.result, note: input.note || undefined } });
      changed(ctx, [unit.id]);
      return toUnitView(unitOrFail(getUnit(db, unit.id)), date);
    },

    'rentals.repairs.list': (input) => listRepairs(db, input.open).map(toRepairView),

    'rentals.repairs.update': (input, ctx) => {
      const actor = actorOf(ctx);
      const repair = getRepair(db, input.id);
      if (!repair) throw new AppError('NOT_FOUND', 'rentals.errors.repairNotFound');
      if (repair.back_at !== null) throw new AppError('CONFLICT', 'rentals.errors.repairClosed');
      if (input.markSent && repair.sent_at !== null) throw fieldError('CONFLICT', 'markSent', 'rentals.errors.repairAlreadySent');
      db.prepare(
        `UPDATE repair SET sent_to = coalesce(?, sent_to), sent_at = CASE WHEN ? THEN ? ELSE sent_at END,
                cost_fen = coalesce(?, cost_fen), note = coalesce(?, note),
                back_at = CASE WHEN ? THEN ? ELSE back_at END, closed_by = CASE WHEN ? THEN ? ELSE closed_by END
         WHERE id = ?`,
      ).run(
        input.sentTo ?? null,
        input.markSent ? 1 : 0,
        ctx.now,
        input.costFen ?? null,
        input.note ?? null,
        input.markBack ? 1 : 0,
        ctx.now,
        input.markBack ? 1 : 0,
        actor.id,
        repair.id,
      );
      if (input.markBack) {
        // Back from repair: available again, but it must pass an inspection before it is rented.
        db.prepare("UPDATE unit SET status = 'available', inspected_on = NULL, updated_at = ? WHERE id = ? AND status = 'repair'").run(ctx.now, repair.unit_id);
      }
      ctx.audit({
        action: 'rentals.repair',
        entity: 'repair',
        entityId: repair.id,
        detail: { tag: repair.unit_tag, sentTo: input.sentTo, sent: input.markSent || undefined, back: input.markBack || undefined, costFen: input.costFen },
      });
      changed(ctx, [repair.unit_id]);
      const after = getRepair(db, repair.id);
      if (!after) throw new Error('repair vanished after update');
      return toRepairView(after);
    },

    'rentals.checkOut': (input, ctx) => {
      const actor = actorOf(ctx);
      const dueInRange = (dueAt: number) => dueAt > ctx.now && dueAt <= ctx.now + 7 * DAY;
      if (input.dueAt !== undefined && !dueInRange(input.dueAt)) throw fieldError('VALIDATION', 'dueAt', 'rentals.errors.dueRange');
      // A deposit override asks for the manager's PIN first (a wrong one is counted, so it commits on its own).
      if (input.override) unitOrFail(getUnitByTag(db, input.unitTag));
      const overrideBy = input.override ? approve(ctx, input.override.approval) : null;

      // Everything else is read in the write's own transaction: one read of the database, not three.
      const rental = db
        .transaction(() => {
          const settings = readSettings(db);
          const date = parkDate(ctx.now, settings.timeZone);
          const dueAt = input.dueAt ?? defaultDueAt(ctx.now, settings);
          if (!dueInRange(dueAt)) throw fieldError('VALIDATION', 'dueAt', 'rentals.errors.dueRange');
          // Checked inside the transaction: two counters cannot rent the same unit.
          const fresh = unitOrFail(getUnitForRent(db, input.unitTag));
          if (fresh.status === 'out') throw fieldError('CONFLICT', 'unitTag', 'rentals.errors.unitOut', { tag: fresh.tag });
          if (fresh.status === 'repair') throw fieldError('CONFLICT', 'unitTag', 'rentals.errors.unitInRepair', { tag: fresh.tag });
          if (fresh.status === 'retired') throw fieldError('CONFLICT', 'unitTag', 'rentals.errors.unitRetired', { tag: fresh.tag });
          if (fresh.inspected_on !== date) throw fieldError('CONFLICT', 'unitTag', 'rentals.errors.notInspected', { tag: fresh.tag });
          if (fresh.type_active !== 1) throw fieldError('CONFLICT', 'unitTag', 'rentals.errors.typeInactive');
          const deposit = input.override ? input.override.depositFen : fresh.deposit_fen;
          const seq = db.prepare<[string], { n: number }>(RECEIPT_SEQ_SQL).get(date)?.n ?? 1;
          const receiptNo = `R${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
          // The view is made from what is written here, as rentals.get reads it back (a test holds them equal).
          const view: RentalView = {
            id: 0,
            receiptNo,
            unitId: fresh.id,
            unitTag: fresh.tag,
            typeId: fresh.type_id,
            typeNameZh: fresh.type_name_zh,
            typeNameEn: fresh.type_name_en,
            visitorName: input.visitorName,
            phone: input.phone,
            idType: input.identity.idType,
            idMasked: maskIdNumber(input.identity.idNumber),
            depositFen: deposit,
            standardDepositFen: fresh.deposit_fen,
            overrideReason: input.override?.reason ?? null,
            payment: input.payment,
            outAt: ctx.now,
            outBy: { id: actor.id, name: actor.name },
            dueAt,
            status: 'out',
            overdue: false,
            returnedAt: null,
            returnedBy: null,
            condition: null,
            refundFen: null,
            keptFen: null,
            keptReason: null,
            approvedBy: null,
            lostReceipt: false,
            awaitingApproval: false,
            receiptJobId: null,
            slipJobId: null,
          };
          const context = { parkName: settings.parkName, timeZone: settings.timeZone, language: settings.receiptLanguage };
          const checkCode = newCheckCode();
          const jobId = enqueueDocument(db, { kind: 'deposit-receipt', ref: receiptNo, document: depositReceipt(view, context, checkCode), createdBy: actor.id, now: ctx.now });
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO rental (receipt_no, park_date, seq, unit_id, type_id, visitor_name, phone, id_type, id_number, id_masked,
                                   deposit_fen, standard_deposit_fen, override_reason, override_by, payment, out_at, out_by, due_at, receipt_job, check_code)
               VALUES (@receiptNo, @date, @seq, @unitId, @typeId, @visitorName, @phone, @idType, @idNumber, @idMasked,
                       @deposit, @standard, @overrideReason, @overrideBy, @payment, @now, @actor, @dueAt, @jobId, @checkCode)`,
            )
            .run({
              receiptNo,
              date,
              seq,
              unitId: fresh.id,
              typeId: fresh.type_id,
              visitorName: input.visitorName,
              phone: input.phone,
              idType: input.identity.idType,
              idNumber: input.identity.idNumber,
              idMasked: view.idMasked,
              deposit,
              standard: fresh.deposit_fen,
              overrideReason: view.overrideReason,
              overrideBy,
              payment: input.payment,
              now: ctx.now,
              actor: actor.id,
              dueAt,
              jobId,
              checkCode,
            });
          view.id = Number(lastInsertRowid);
          view.receiptJobId = jobId;
          db.prepare("UPDATE unit SET status = 'out', updated_at = ? WHERE id = ?").run(ctx.now, fresh.id);
          ctx.audit({
            action: 'rentals.checkOut',
            entity: 'rental',
            entityId: receiptNo,
            detail: {
              tag: fresh.tag,
              depositFen: deposit,
              payment: input.payment,
              ...(input.override ? { standardDepositFen: fresh.deposit_fen, overrideReason: input.override.reason, approvedBy: overrideBy } : {}),
            },
          });
          return { rental: view, printJobId: jobId, checkCode };
        })
        .immediate();
      changed(ctx, [rental.rental.unitId]);
      return rental;
    },

    'rentals.get': (input, ctx) => toRentalView(rentalOrFail(getRentalByReceipt(db, input.receiptNo)), ctx.now),

    'rentals.find': (input, ctx) => {
      const query = parseLostReceiptQuery(input.query);
      return db
        .prepare<{ receiptNo: string; idNumber: string; phones: string; name: string | null; last4: string | null }, RentalRow>(
          RENTAL_FIND_SQL,
        )
        .all({ receiptNo: query.receiptNo, idNumber: query.idNumber, phones: JSON.stringify(query.phones), name: query.nameAndLast4?.name ?? null, last4: query.nameAndLast4?.last4 ?? null })
        .map((row) => toRentalView(row, ctx.now));
    },

    'rentals.return': (input, ctx) => {
      const actor = actorOf(ctx);
      const found = rentalOrFail(getRentalByReceipt(db, input.receiptNo));
      if (found.status === 'returned') throw fieldError('CONFLICT', 'receiptNo', 'rentals.errors.alreadyReturned', { receiptNo: found.receipt_no });
      // A return sent to the manager is decided there (approve returns it, refuse lets the counter try again): not a second time here.
      if (db.prepare("SELECT 1 FROM approval_request WHERE rental_id = ? AND status = 'pending'").get(found.id)) {
        throw fieldError('CONFLICT', 'receiptNo', 'rentals.errors.awaitingApproval', { receiptNo: found.receipt_no });
      }
      requireReceipt(db, found, input);
      if (input.keptFen > found.deposit_fen) {
        throw fieldError('VALIDATION', 'keptFen', 'rentals.errors.keptOverDeposit', { deposit: formatYuan(found.deposit_fen) });
      }
      const approvedBy = input.approval ? approve(ctx, input.approval) : null;

      const { rental, printJobId } = db.transaction(() => applyReturn(db, ctx, found.id, input, { returnedBy: actor.id, approvedBy })).immediate();
      return { rental, printJobId };
    },

    'rentals.list': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const day = input.date ? parkDayBounds(atParkTime(input.date, '12:00', timeZone), timeZone) : undefined;
      const { sql, params } = rentalListQuery({ ...input, day }, ctx.now);
      const rows = db.prepare<Record<string, string | number>, RentalRow>(sql).all(params);
      const page = rows.slice(0, input.limit);
      return { rows: page.map((row) => toRentalView(row, ctx.now)), nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },

    'rentals.cash': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const day = parkDayBounds(input.date ? atParkTime(input.date, '12:00', timeZone) : ctx.now, timeZone);
      const { rows, totals } = cashFigures(db, day.start, day.end);
      const held = db.prepare<[], { fen: number; n: number }>(DEPOSITS_HELD_SQL).get();
      return { from: day.start, to: day.end, rows, totals, heldFen: held?.fen ?? 0, heldCount: held?.n ?? 0 };
    },
  };
}
