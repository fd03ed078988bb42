import type { Statement } from 'better-sqlite3';
import type { IntakeInput } from '@shared/contract';
import { DAY, MINUTE, parkDate } from '@shared/rules/time';
import { writeAudit } from '../../electron/core/audit/store';
import { bagLabel, intakeReceipt } from '../../electron/core/lostFound/documents';
import { custody, getItem, holdingUntil, indexItem, toItemRecord } from '../../electron/core/lostFound/store';
import { readSettings } from '../../electron/core/settings/store';
import type { Paging } from './paging';
import type { PrintedJobs } from './printouts';
import { chineseName, COLOURS, idNumber, idTypeOf, ITEMS, mobile, PLACES, type ItemCategory } from './words';
import type { SeedDay, StaffMember, World } from './world';

const CATEGORIES: Record<ItemCategory, number> = {
  phone: 14, wallet: 10, bag: 12, idDocument: 8, keys: 8, jewellery: 4, cash: 3, clothing: 16, childItem: 15, other: 10,
};
const VALUABLE: ReadonlySet<ItemCategory> = new Set(['phone', 'wallet', 'jewellery', 'cash']);
const ANNOUNCED: ReadonlySet<ItemCategory> = new Set(['phone', 'wallet', 'bag', 'childItem']);

/**
 * Lost and found: items taken in through the app's intake (which writes the item, its search index
 * rows, custody, printouts and audit), counter-signed, some announced over the PA, most claimed
 * by their owners with ID, the rest handed to finance in the Monday batch once their holding
 * period is over; a few visitors' lost reports, matched to what was found.
 */
export class LostAndFound {
  readonly counts = { items: 0, verified: 0, announced: 0, claimed: 0, handedOver: 0, reports: 0, matched: 0 };
  /** Items still held, with the end of their holding period. */
  private readonly held = new Map<number, number>();
  private refs = 0;
  private readonly seqs = new Map<string, number>();
  private readonly holdingDays: Map<string, number>;
  private readonly sql: Record<'item' | 'jobs' | 'verified', Statement>;

  constructor(
    private readonly world: World,
    private readonly paging: Paging | undefined,
    /** Where printouts go; without it no intake receipt or bag label is printed (the million items of the search benchmark). */
    private readonly printouts: PrintedJobs | undefined,
  ) {
    const { db } = world;
    this.holdingDays = new Map(db.prepare<[], { code: string; days: number }>('SELECT code, holding_days AS days FROM lf_category').all().map((row) => [row.code, row.days]));
    this.sql = {
      item: db.prepare(
        `INSERT INTO lf_item (item_no, client_ref, park_date, seq, category, description, colour, brand, found_place, found_at, water_world, finder_name, finder_department_id,
           finder_phone, contents, cash_fen, cash_counted_by_1, cash_counted_by_2, valuable, storage_kind, storage_place, hidden_details, finder_signature, receiver_signature,
           received_by, received_at, holding_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      jobs: db.prepare('UPDATE lf_item SET intake_job = ?, label_job = ? WHERE id = ?'),
      verified: db.prepare('UPDATE lf_item SET verified_by = ?, verified_at = ?, verifier_signature = ? WHERE id = ?'),
    };
  }

  /**
   * What `lostFound.intake` writes for a found item (its handler's pace is too slow for a year): the
   * item with the day's number, its search index rows (the app's own `indexItem`), custody, the
   * intake receipt and bag label (printed), the audit row.
   */
  takeIn(input: IntakeInput & { category: ItemCategory }, clerk: StaffMember, at: number): { id: number; itemNo: string; holdingUntil: number } {
    const { world } = this;
    const settings = readSettings(world.db);
    const date = parkDate(at, settings.timeZone);
    const seq = (this.seqs.get(date) ?? 0) + 1;
    this.seqs.set(date, seq);
    const itemNo = `L${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
    const cashFen = input.cashFen ?? 0;
    // Found cash is counted by the receiving clerk and a second one, who confirms with their PIN.
    const counted = input.secondCounter ? [clerk.id, input.secondCounter.staffId] : [];
    const waterWorld = input.waterWorld ?? false;
    const colour = input.colour ?? '';
    const brand = input.brand ?? '';
    const until = holdingUntil(input.foundAt, this.holdingDays.get(input.category) ?? 30, waterWorld, settings.timeZone, settings.closingTime);
    const { lastInsertRowid } = this.sql.item.run(
      itemNo, input.clientRef, date, seq, input.category, input.description, colour, brand, input.foundPlace, input.foundAt, waterWorld ? 1 : 0, input.finderName,
      input.finderDepartmentId ?? null, input.finderPhone || null, input.contents ?? '', cashFen, cashFen > 0 ? (counted[0] ?? null) : null, cashFen > 0 ? (counted[1] ?? null) : null,
      input.valuable || cashFen > 0 ? 1 : 0, input.storageKind, input.storagePlace, input.hiddenDetails ?? '', input.finderSignature, input.receiverSignature, clerk.id, at, until,
    );
    const id = Number(lastInsertRowid);
    indexItem(world.db, { id, itemNo, description: input.description, colour, brand, foundPlace: input.foundPlace });
    custody(world.db, id, at, clerk.id, 'intake', `${input.storageKind} ${input.storagePlace}`);
    if (this.printouts) {
      const row = getItem(world.db, id);
      if (!row) throw new Error(`item ${itemNo} vanished`);
      const item = toItemRecord(world.db, row);
      const intakeJob = this.printouts.add(intakeReceipt(item, { parkName: settings.parkName, timeZone: settings.timeZone }), clerk.id, at);
      this.sql.jobs.run(intakeJob, this.printouts.add(bagLabel(item), clerk.id, at), id);
    }
    writeAudit(world.db, {
      at,
      staffId: clerk.id,
      action: 'lostFound.intake',
      entity: 'lf_item',
      entityId: itemNo,
      detail: { category: input.category, valuable: input.valuable ?? false, cashFen, countedBy: counted, photos: 0 },
      origin: 'local',
    });
    return { id, itemNo, holdingUntil: until };
  }

  startDay(day: SeedDay, items: number): void {
    const { world } = this;
    for (let i = 0; i < items; i += 1) world.plan(world.timeOfDay(day, [1, 1.2, 1.3, 1.3, 1.3, 1.2, 1.1, 1, 0.8]), (at) => this.intake(day, at));
    // Every Monday afternoon, what is past its holding period goes to finance.
    if (new Date(`${day.date}T12:00:00Z`).getUTCDay() === 1) world.plan(world.at(day, '16:00'), (at) => this.handOver(at));
  }

  /** A found item as the counter types it in (also used alone to fill a million items for the search benchmark). */
  intakeInput(at: number, clerk: StaffMember): IntakeInput & { category: ItemCategory } {
    const { random } = this.world;
    const category = random.weighted(CATEGORIES);
    const kind = ITEMS[category];
    const colour = random.chance(0.8) ? random.pick(COLOURS) : '';
    const brand = random.pick(kind.brands);
    const foundPlace = random.pick(PLACES);
    const cashFen = category === 'cash' || (category === 'wallet' && random.chance(0.6)) ? random.int(5, 800) * 100 : 0;
    const second = cashFen > 0 ? this.world.onDuty('counter', at, clerk) : undefined;
    const byStaff = random.chance(0.7);
    return {
      clientRef: `seed-lf-${++this.refs}-${at}`,
      category,
      description: `${colour}${brand}${random.pick(kind.names)}，${random.pick(kind.details)}`,
      colour,
      brand,
      foundPlace,
      foundAt: at - this.world.minutes(2, 50),
      waterWorld: foundPlace.startsWith('水世界'),
      finderName: chineseName(random),
      ...(byStaff ? { finderDepartmentId: random.int(1, 10) } : { finderPhone: mobile(random) }),
      contents: category === 'bag' || category === 'wallet' ? random.pick(['身份证一张、银行卡两张', '钥匙一串、纸巾', '化妆品、充电器', '']) : '',
      cashFen,
      ...(second ? { secondCounter: { staffId: second.id, pin: second.pin } } : {}),
      valuable: VALUABLE.has(category),
      storageKind: cashFen > 0 || VALUABLE.has(category) ? 'safe' : category === 'bag' || category === 'clothing' ? 'shelf' : 'bin',
      storagePlace: `${random.pick(['A', 'B', 'C', 'D'])}-${String(random.int(1, 40)).padStart(2, '0')}`,
      hiddenDetails: category === 'phone' ? random.pick(['锁屏是全家福', '手机壳里夹着一张照片', '背面贴着贴纸']) : '',
      finderSignature: this.world.signature(),
      receiverSignature: this.world.signature(),
    };
  }

  private intake(day: SeedDay, at: number): void {
    const { world } = this;
    const clerk = world.onDuty('counter', at);
    const input = this.intakeInput(at, clerk);
    const item = this.takeIn(input, clerk, at);
    this.counts.items += 1;
    this.held.set(item.id, item.holdingUntil);
    // The center verifies and counter-signs every intake (a handover to finance takes only verified items).
    const checkAt = at + world.minutes(5, 90);
    world.plan(checkAt, () => {
      // What `lostFound.verify` writes: a second staff member's counter-signature, custody, audit.
      const second = world.onDuty('counter', checkAt, clerk);
      this.sql.verified.run(second.id, checkAt, world.signature(), item.id);
      custody(world.db, item.id, checkAt, second.id, 'verified');
      writeAudit(world.db, { at: checkAt, staffId: second.id, action: 'lostFound.verify', entity: 'lf_item', entityId: item.itemNo, origin: 'local' });
      this.counts.verified += 1;
    });
    if (this.paging && ANNOUNCED.has(input.category) && world.random.chance(0.4)) {
      const announceAt = at + world.minutes(2, 20);
      world.plan(announceAt, () => {
        if (!this.held.has(item.id)) return;
        const { pagingId } = world.call('lostFound.announce', { itemId: item.id, clientRef: `seed-an-${item.id}` }, announceAt, world.onDuty('counter', announceAt));
        this.counts.announced += 1;
        this.paging?.follow(pagingId, 'lostProperty', announceAt);
      });
    }
    if (world.random.chance(0.58)) this.planClaim(day, item.id, at, item.holdingUntil, input.category);
  }

  private planClaim(day: SeedDay, itemId: number, at: number, holdingUntil: number, category: ItemCategory): void {
    const { world } = this;
    const roll = world.random.next();
    const after = roll < 0.6 ? world.minutes(10, 240) : roll < 0.9 ? world.random.int(1, 5) * DAY + world.minutes(-120, 120) : world.random.int(6, 25) * DAY;
    const claimAt = Math.min(at + after, holdingUntil - 10 * MINUTE);
    if (claimAt <= at) return;
    const reported = world.random.chance(0.05);
    if (reported) {
      const reportAt = Math.max(day.opensAt, at - world.minutes(10, 90));
      world.plan(reportAt, () => {
        const report = world.call(
          'lostFound.reports.create',
          {
            clientRef: `seed-lr-${itemId}`,
            category,
            description: `${world.random.pick(COLOURS)}${world.random.pick(ITEMS[category].names)}`,
            colour: '',
            lostPlace: world.random.pick(PLACES),
            lostAt: reportAt - world.minutes(20, 120),
            visitorName: chineseName(world.random),
            phone: mobile(world.random),
          },
          reportAt,
          world.onDuty('counter', reportAt),
        );
        this.counts.reports += 1;
        const matchAt = Math.max(reportAt, at) + world.minutes(5, 30);
        if (matchAt < claimAt) {
          world.plan(matchAt, () => {
            world.call('lostFound.matches.decide', { reportId: report.id, itemId, decision: 'confirmed' }, matchAt, world.onDuty('counter', matchAt));
            this.counts.matched += 1;
          });
        }
      });
    }
    world.plan(claimAt, () => {
      if (!this.held.has(itemId)) return;
      const idType = idTypeOf(world.random);
      world.call(
        'lostFound.claim',
        {
          itemId,
          claimantName: chineseName(world.random),
          phone: mobile(world.random),
          identity: { idType, idNumber: idNumber(world.random, idType) },
          description: '失主描述与登记一致',
          answers: world.random.chance(0.5) ? '能说出锁屏图片和手机壳颜色' : '',
          verified: true,
          verificationNote: '核对证件与描述无误',
          ownerSignature: world.signature(),
        },
        claimAt,
        world.onDuty('counter', claimAt),
      );
      this.held.delete(itemId);
      this.counts.claimed += 1;
    });
  }

  /** The Monday batch: every held item past its holding period, 500 to a batch, to finance. */
  private handOver(at: number): void {
    const { world } = this;
    const due = [...this.held].filter(([, until]) => until <= at).map(([id]) => id);
    for (let start = 0; start < due.length; start += 500) {
      const itemIds = due.slice(start, start + 500);
      const clerk = world.onDuty('counter', at);
      world.call(
        'lostFound.handover.create',
        { clientRef: `seed-ho-${at}-${start}`, itemIds, centerSignature: world.signature(), financeName: chineseName(world.random), financeSignature: world.signature() },
        at + start * 1000,
        clerk,
      );
      for (const id of itemIds) this.held.delete(id);
      this.counts.handedOver += itemIds.length;
    }
  }

  /** Items still held at the end of the year (found since the last batch, or within their holding period). */
  get stillHeld(): number {
    return this.held.size;
  }
}
