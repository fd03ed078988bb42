import type { Statement } from 'better-sqlite3';
import type { PaymentMethod, ReturnChoice } from '@shared/contract';
import { maskIdNumber } from '@shared/rules/identity';
import { HOUR, MINUTE, parkDate } from '@shared/rules/time';
import { writeAudit } from '../../electron/core/audit/store';
import { CHECK_CODE_ALPHABET } from '@shared/rules/rentals';
import { depositReceipt, refundSlip } from '../../electron/core/rentals/receipt';
import { applyReturn } from '../../electron/core/rentals/returns';
import { toRentalView, type RentalRow } from '../../electron/core/rentals/store';
import { readSettings } from '../../electron/core/settings/store';
import type { PrintedJobs } from './printouts';
import { idNumber, idTypeOf, mobile, visitorName } from './words';
import type { SeedDay, StaffMember, World } from './world';

/**
 * Rentals: the fleet inspected each morning (and a unit more when the counter runs short),
 * check-outs and returns through the day. A year is 700,000 of them, too many for the handlers'
 * pace, so the everyday path writes what `rentals.checkOut`, `rentals.inspect` and the return
 * write, with the app's own receipt documents, views and audit writer: the rental, the unit, the
 * printouts (printed), the audit rows. The rare paths (a damaged unit, kept deposit money) go
 * through the app's own code: `rentals.inspect`, `applyReturn` and the repair handler.
 */
export const FLEET = { wheelchair: { prefix: 'WC', units: 400 }, stroller: { prefix: 'ST', units: 1100 }, umbrella: { prefix: 'UM', units: 900 } } as const;
export type TypeCode = keyof typeof FLEET;

export interface FleetUnit {
  id: number;
  tag: string;
  type: TypeCode;
  typeId: number;
}

interface Unit extends FleetUnit {
  state: 'available' | 'out' | 'repair' | 'retired';
  inspectedOn: string | null;
}

interface TypeRow {
  name_zh: string;
  name_en: string;
  deposit_fen: number;
}

/** How long a visitor keeps each type, in minutes (most bring it back well before closing). */
const KEEP: Record<TypeCode, [number, number]> = { wheelchair: [90, 420], stroller: [60, 360], umbrella: [30, 240] };
const PAYMENT: Record<PaymentMethod, number> = { cash: 30, wechat: 45, alipay: 20, card: 5 };

export class RentalDesk {
  private readonly free: Record<TypeCode, Unit[]> = { wheelchair: [], stroller: [], umbrella: [] };
  readonly counts = { rentals: 0, returns: 0, turnedAway: 0, inspections: 0, repairs: 0 };
  /** Receipt numbers still out at the end of the year (for the return benchmark). */
  readonly open = new Map<string, number>();
  private readonly types: Map<number, TypeRow>;
  private readonly seqs = new Map<string, number>();
  private readonly sql: Record<'rental' | 'returned' | 'unit' | 'inspection' | 'inspected', Statement>;

  constructor(
    private readonly world: World,
    units: readonly FleetUnit[],
    private readonly printouts: PrintedJobs,
  ) {
    const { db } = world;
    for (const unit of units) this.free[unit.type].push({ ...unit, state: 'available', inspectedOn: null });
    this.types = new Map(db.prepare<[], TypeRow & { id: number }>('SELECT id, name_zh, name_en, deposit_fen FROM item_type').all().map((row) => [row.id, row]));
    this.sql = {
      rental: db.prepare(
        `INSERT INTO rental (receipt_no, park_date, seq, unit_id, type_id, visitor_name, phone, id_type, id_number, id_masked, deposit_fen, standard_deposit_fen, payment, out_at, out_by, due_at, receipt_job, check_code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      returned: db.prepare(
        "UPDATE rental SET status = 'returned', returned_at = ?, returned_by = ?, condition = 'good', refund_fen = deposit_fen, kept_fen = 0, lost_receipt = 0, slip_job = ? WHERE id = ?",
      ),
      unit: db.prepare('UPDATE unit SET status = ?, updated_at = ? WHERE id = ?'),
      inspection: db.prepare("INSERT INTO inspection (unit_id, park_date, result, note, at, staff_id) VALUES (?, ?, 'ok', NULL, ?, ?)"),
      inspected: db.prepare('UPDATE unit SET inspected_on = ?, inspected_at = ?, updated_at = ? WHERE id = ?'),
    };
  }

  /** The day's rentals: inspections at 08:30 for the units the day will want, then check-outs through the day. */
  startDay(day: SeedDay, rentals: number): void {
    const { world } = this;
    const shares = day.rainy ? { wheelchair: 15, stroller: 30, umbrella: 55 } : { wheelchair: 24, stroller: 56, umbrella: 20 };
    world.plan(world.at(day, '08:30'), (start) => {
      let at = start;
      for (const type of Object.keys(FLEET) as TypeCode[]) {
        // About a third of the day's rentals are out at the busiest hour.
        const wanted = Math.ceil((rentals * shares[type]) / 100 / 3);
        for (const unit of this.free[type].slice(0, wanted)) this.inspect(unit, day, (at += 2000));
      }
    });
    for (let i = 0; i < rentals; i += 1) {
      const type = world.random.weighted(shares);
      world.plan(world.timeOfDay(day), (at) => this.checkOut(day, type, at));
    }
  }

  /** The morning inspection, as `rentals.inspect` records it; a damaged unit goes through the handler itself. */
  private inspect(unit: Unit, day: SeedDay, at: number): void {
    const { world } = this;
    const clerk = world.onDuty('counter', at);
    this.counts.inspections += 1;
    if (world.random.chance(0.002)) {
      world.call('rentals.inspect', { unitId: unit.id, result: 'damaged', note: '刹车失灵，需要维修' }, at, clerk);
      this.toRepair(unit, at);
      return;
    }
    this.sql.inspection.run(unit.id, day.date, at, clerk.id);
    this.sql.inspected.run(day.date, at, at, unit.id);
    writeAudit(world.db, { at, staffId: clerk.id, action: 'rentals.inspect', entity: 'unit', entityId: unit.id, detail: { tag: unit.tag, result: 'ok' }, origin: 'local' });
    unit.inspectedOn = day.date;
  }

  private checkOut(day: SeedDay, type: TypeCode, at: number): void {
    const { world } = this;
    const pool = this.free[type];
    let index = pool.findIndex((unit) => unit.inspectedOn === day.date);
    if (index < 0) {
      // Every inspected unit is out: the counter inspects one more, if there is one.
      index = pool.findIndex((unit) => unit.state === 'available');
      const spare = pool[index];
      if (!spare) {
        this.counts.turnedAway += 1;
        return;
      }
      this.inspect(spare, day, at - MINUTE);
      if (spare.state !== 'available') return;
    }
    const [unit] = pool.splice(index, 1);
    if (!unit) return;
    const clerk = world.onDuty('counter', at);
    const earlyDue = world.random.chance(0.03) ? at + world.minutes(60, 180) : undefined;
    const rental = this.writeCheckOut(unit, clerk, at, earlyDue ?? day.closesAt);
    unit.state = 'out';
    this.counts.rentals += 1;
    this.open.set(rental.receipt_no, rental.id);
    const [min, max] = KEEP[type];
    const back = Math.min(at + world.minutes(min, max), (earlyDue ?? day.closesAt) + world.minutes(-20, world.random.chance(0.05) ? 50 : 5));
    world.plan(Math.max(back, at + 10 * MINUTE), (when) => this.takeBack(when, unit, rental));
  }

  /** What `rentals.checkOut` writes: the rental with its receipt number of the day, the unit out, the receipt printout, the audit row. */
  private writeCheckOut(unit: Unit, clerk: StaffMember, at: number, dueAt: number): RentalRow {
    const { world } = this;
    const { random } = world;
    const type = this.types.get(unit.typeId);
    if (!type) throw new Error(`no item type ${unit.typeId}`);
    const date = parkDate(at, world.timeZone);
    const seq = (this.seqs.get(date) ?? 0) + 1;
    this.seqs.set(date, seq);
    const idType = idTypeOf(random);
    const number = idNumber(random, idType);
    const payment = random.weighted(PAYMENT);
    const row: RentalRow = {
      id: 0,
      receipt_no: `R${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
      unit_id: unit.id,
      unit_tag: unit.tag,
      type_id: unit.typeId,
      type_name_zh: type.name_zh,
      type_name_en: type.name_en,
      visitor_name: visitorName(random, idType),
      phone: mobile(random),
      id_type: idType,
      id_masked: maskIdNumber(number),
      deposit_fen: type.deposit_fen,
      standard_deposit_fen: type.deposit_fen,
      override_reason: null,
      payment,
      out_at: at,
      out_by: clerk.id,
      out_by_name: clerk.name,
      due_at: dueAt,
      status: 'out',
      returned_at: null,
      returned_by: null,
      returned_by_name: null,
      condition: null,
      refund_fen: null,
      kept_fen: null,
      kept_reason: null,
      approved_by: null,
      approved_by_name: null,
      lost_receipt: 0,
      awaiting_approval: 0,
      receipt_job: null,
      slip_job: null,
    };
    // The receipt's check code, as the check-out draws it (here from the seeded random numbers).
    const checkCode = Array.from({ length: 4 }, () => CHECK_CODE_ALPHABET[this.world.random.int(0, CHECK_CODE_ALPHABET.length - 1)]).join('');
    const receiptJob = this.printouts.add(depositReceipt(toRentalView(row, at), this.receiptContext(), checkCode), clerk.id, at);
    const { lastInsertRowid } = this.sql.rental.run(
      row.receipt_no, date, seq, unit.id, unit.typeId, row.visitor_name, row.phone, idType, number, row.id_masked, type.deposit_fen, type.deposit_fen, payment, at, clerk.id, dueAt, receiptJob, checkCode,
    );
    this.sql.unit.run('out', at, unit.id);
    writeAudit(world.db, { at, staffId: clerk.id, action: 'rentals.checkOut', entity: 'rental', entityId: row.receipt_no, detail: { tag: unit.tag, depositFen: type.deposit_fen, payment }, origin: 'local' });
    return { ...row, id: Number(lastInsertRowid), receipt_job: receiptJob };
  }

  private receiptContext() {
    const settings = readSettings(this.world.db);
    return { parkName: settings.parkName, timeZone: settings.timeZone, language: settings.receiptLanguage };
  }

  private takeBack(at: number, unit: Unit, rental: RentalRow): void {
    const { world } = this;
    const clerk = world.onDuty('counter', at);
    const roll = world.random.next();
    this.counts.returns += 1;
    this.open.delete(rental.receipt_no);
    if (roll >= 0.014) {
      // The everyday return: in good order, the whole deposit back (what `applyReturn` writes for it).
      const returned: RentalRow = { ...rental, status: 'returned', returned_at: at, returned_by: clerk.id, returned_by_name: clerk.name, condition: 'good', refund_fen: rental.deposit_fen, kept_fen: 0 };
      const slipJob = this.printouts.add(refundSlip(toRentalView(returned, at), this.receiptContext()), clerk.id, at);
      this.sql.returned.run(at, clerk.id, slipJob, rental.id);
      this.sql.unit.run('available', at, unit.id);
      writeAudit(world.db, { at, staffId: clerk.id, action: 'rentals.return', entity: 'rental', entityId: rental.receipt_no, detail: { condition: 'good', refundFen: rental.deposit_fen, keptFen: 0 }, origin: 'local' });
      unit.state = 'available';
      this.free[unit.type].push(unit);
      return;
    }
    const choice: ReturnChoice =
      roll < 0.0002
        ? { condition: 'missing', keptFen: rental.deposit_fen, reason: '游客未归还，押金抵扣', lostReceipt: false }
        : roll < 0.011
          ? { condition: 'damaged', keptFen: world.random.chance(0.4) ? Math.min(rental.deposit_fen, 2000) : 0, reason: world.random.pick(['轮子损坏', '扶手松动', '伞骨折断', '座椅布撕裂']), lostReceipt: false }
          : { condition: 'good', keptFen: 0, reason: '', lostReceipt: true };
    const approval = choice.keptFen > 0 || choice.lostReceipt;
    const manager = approval ? world.onDuty('manager', at) : undefined;
    applyReturn(world.db, world.context(at, clerk), rental.id, choice, { returnedBy: clerk.id, approvedBy: manager?.id ?? null });
    if (choice.condition === 'missing') unit.state = 'retired';
    else if (choice.condition === 'damaged') this.toRepair(unit, at, false);
    else {
      unit.state = 'available';
      this.free[unit.type].push(unit);
    }
  }

  /** Under repair (the app opened the ticket); sent out the same day, back in one to four days. */
  private toRepair(unit: Unit, at: number, inPool = true): void {
    const { world } = this;
    unit.state = 'repair';
    unit.inspectedOn = null;
    if (inPool) this.free[unit.type] = this.free[unit.type].filter((other) => other !== unit);
    this.counts.repairs += 1;
    const repairId = world.db.prepare<[number], { id: number }>('SELECT id FROM repair WHERE unit_id = ? AND back_at IS NULL').get(unit.id)?.id;
    if (repairId === undefined) throw new Error(`no open repair for ${unit.tag}`);
    const sentAt = at + world.minutes(30, 180);
    world.plan(sentAt, () => world.call('rentals.repairs.update', { id: repairId, sentTo: '园区工程部维修车间', markSent: true }, sentAt, world.onDuty('counter', sentAt)));
    const backAt = sentAt + world.random.int(1, 4) * 24 * HOUR;
    world.plan(backAt, () => {
      world.call('rentals.repairs.update', { id: repairId, markBack: true, costFen: world.random.int(0, 30) * 1000 }, backAt, world.onDuty('counter', backAt));
      unit.state = 'available';
      this.free[unit.type].push(unit);
    });
  }
}
