import type { Statement } from 'better-sqlite3';
import type { PagingDetails, PagingKind } from '@shared/contract';
import { ARRIVAL_LIMIT_MS, CONTACT_LIMIT_MS } from '@shared/rules/paging';
import { MINUTE } from '@shared/rules/time';
import { writeAudit } from '../../electron/core/audit/store';
import { AIRING_SQL, registerPaging } from '../../electron/core/paging/store';
import { chineseName, CLOTHING, COLOURS, ITEMS, mobile, PLACES } from './words';
import type { SeedDay, StaffMember, World } from './world';

const GENERAL = [
  ['各位游客请注意：因天气原因，激流勇进暂停开放，恢复时间另行通知。', 'Attention please: the Rapids ride is closed for the weather; we will announce when it reopens.'],
  ['各位游客请注意：花车巡游将于十五分钟后在中央广场开始，请在安全线外观看。', 'The parade starts at the Central Plaza in 15 minutes; please watch from behind the safety line.'],
  ['各位游客请注意：一辆车牌尾号为386的白色轿车挡住了消防通道，请车主尽快挪车。', 'Would the owner of the white car ending 386 please move it from the fire lane.'],
] as const;

/**
 * Paging: the counter's requests (missing children first), lost-property announcements and
 * department heads summoned for complaints. A request is registered with the app's own
 * `registerPaging` (scripts from the standard templates, audit); the broadcast room's steps after
 * it (acknowledged, aired, repeated until found, the head's arrival, resolved or cancelled) write
 * what the paging handlers write, without their re-reads. What is under way at "now" stays open.
 */
export class Paging {
  readonly counts = { requests: 0, airings: 0, cancelled: 0 };
  private refs = 0;
  private readonly sql: Record<'acknowledged' | 'aired' | 'repeated' | 'closed' | 'arrived' | 'airing', Statement>;

  constructor(private readonly world: World) {
    const { db } = world;
    this.sql = {
      acknowledged: db.prepare("UPDATE paging_request SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ?"),
      aired: db.prepare(
        "UPDATE paging_request SET status = 'aired', first_aired_at = @at, last_aired_at = @at, air_count = 1, updated_at = @at, acknowledged_at = coalesce(acknowledged_at, @at), acknowledged_by = coalesce(acknowledged_by, @by) WHERE id = @id",
      ),
      repeated: db.prepare('UPDATE paging_request SET last_aired_at = @at, air_count = air_count + 1, updated_at = @at WHERE id = @id'),
      closed: db.prepare('UPDATE paging_request SET status = @status, closed_at = @at, closed_by = @by, close_note = @note, updated_at = @at WHERE id = @id'),
      arrived: db.prepare("UPDATE paging_request SET arrived_at = @at, arrival_by = @by, status = 'resolved', closed_at = @at, closed_by = @by, updated_at = @at WHERE id = @id"),
      airing: db.prepare(AIRING_SQL),
    };
  }

  startDay(day: SeedDay, requests: number): void {
    for (let i = 0; i < requests; i += 1) this.world.plan(this.world.timeOfDay(day), (at) => this.register(at));
  }

  private details(at: number): PagingDetails {
    const { random } = this.world;
    const kind = random.weighted({ child: 42, adult: 12, lostProperty: 20, general: 10, summonHead: 16 });
    if (kind === 'child' || kind === 'adult') {
      const child = kind === 'child';
      return {
        kind: 'missingPerson',
        child,
        name: chineseName(random),
        age: child ? random.int(3, 12) : random.int(60, 86),
        sex: random.pick(['female', 'male'] as const),
        ...(child ? { heightCm: random.int(90, 150) } : {}),
        clothing: random.pick(CLOTHING),
        lastSeenPlace: random.pick(PLACES),
        clothingEn: '',
        lastSeenPlaceEn: '',
        lastSeenAt: at - this.world.minutes(5, 30),
        guardianName: chineseName(random),
        guardianPhone: mobile(random),
        meetingPoint: '游客服务中心',
        repeatMinutes: 10,
      };
    }
    if (kind === 'lostProperty') {
      return { kind, item: `${random.pick(COLOURS)}${random.pick(ITEMS.bag.names)}`, foundPlace: random.pick(PLACES), claimPoint: '游客服务中心', itemEn: '', foundPlaceEn: '', claimPointEn: '' };
    }
    if (kind === 'general') {
      const [textZh, textEn] = random.pick(GENERAL);
      return { kind, textZh, textEn };
    }
    return { kind, departmentId: random.int(1, 10), reason: random.pick(['设备故障需要处理', '游客投诉需到场说明', '排队区秩序混乱']) };
  }

  private register(at: number): void {
    const { world } = this;
    const clerk = world.onDuty('counter', at);
    const details = this.details(at);
    const { id } = registerPaging(world.db, world.context(at, clerk), clerk.id, { clientRef: `seed-pg-${++this.refs}-${at}`, details, source: 'counter' });
    this.follow(id, details.kind, at);
  }

  private audit(at: number, staff: StaffMember, id: number, action: string, detail: Record<string, unknown>): void {
    writeAudit(this.world.db, { at, staffId: staff.id, action, entity: 'paging', entityId: id, detail, origin: 'local' });
  }

  /** The broadcast room's steps for a request registered at `at` (by the counter, lost and found or a complaint). */
  follow(id: number, kind: PagingKind, at: number): void {
    const { world, sql } = this;
    this.counts.requests += 1;
    const operator = world.onDuty('broadcast', at);
    if (world.random.chance(0.04)) {
      const cancelAt = at + world.minutes(1, 4);
      world.plan(cancelAt, () => {
        const note = '家属已自行找到，取消广播';
        sql.closed.run({ status: 'cancelled', at: cancelAt, by: operator.id, note, id });
        this.audit(cancelAt, operator, id, 'paging.cancel', { note });
        this.counts.cancelled += 1;
      });
      return;
    }
    const ackAt = at + (world.random.chance(0.06) ? world.minutes(5, 9) : world.random.int(20_000, 4 * MINUTE));
    world.plan(ackAt, () => {
      sql.acknowledged.run(ackAt, operator.id, ackAt, id);
      this.audit(ackAt, operator, id, 'paging.acknowledge', { afterMs: ackAt - at, late: ackAt - at > CONTACT_LIMIT_MS });
    });
    const airAt = ackAt + world.random.int(30_000, 3 * MINUTE);
    world.plan(airAt, () => {
      sql.aired.run({ at: airAt, by: operator.id, id });
      sql.airing.run(airAt, operator.id, id);
      this.audit(airAt, operator, id, 'paging.aired', { afterMs: airAt - at });
      this.counts.airings += 1;
    });
    if (kind === 'missingPerson') {
      const foundAt = airAt + world.minutes(4, 50);
      let airing = 1;
      for (let repeat = airAt + 10 * MINUTE; repeat < foundAt; repeat += 10 * MINUTE) {
        const when = repeat;
        const count = ++airing;
        world.plan(when, () => {
          sql.repeated.run({ at: when, id });
          sql.airing.run(when, operator.id, id);
          this.audit(when, operator, id, 'paging.repeat', { airing: count });
          this.counts.airings += 1;
        });
      }
      this.resolve(id, foundAt, operator, '已在游客服务中心与家属会合');
    } else if (kind === 'summonHead') {
      const arrivedAt = airAt + (world.random.chance(0.15) ? world.minutes(11, 25) : world.minutes(3, 10));
      world.plan(arrivedAt, () => {
        const clerk = world.onDuty('counter', arrivedAt);
        sql.arrived.run({ at: arrivedAt, by: clerk.id, id });
        this.audit(arrivedAt, clerk, id, 'paging.arrived', { afterMs: arrivedAt - airAt, lateByMs: Math.max(0, arrivedAt - airAt - ARRIVAL_LIMIT_MS) });
      });
    } else {
      this.resolve(id, airAt + world.minutes(1, kind === 'general' ? 3 : 40), operator, kind === 'general' ? '' : '失主已认领');
    }
  }

  private resolve(id: number, at: number, operator: StaffMember, note: string): void {
    this.world.plan(at, () => {
      this.sql.closed.run({ status: 'resolved', at, by: operator.id, note: note || null, id });
      this.audit(at, operator, id, 'paging.resolve', note ? { note } : {});
    });
  }
}
