import type { Statement } from 'better-sqlite3';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus, ComplaintStep, FOLLOW_UP_METHODS, NoFollowUpReason, Satisfaction } from '@shared/contract';
import { HOUR } from '@shared/rules/time';
import { writeAudit } from '../../electron/core/audit/store';
import { recordStep, STATUS_AFTER, stepUpdateSql } from '../../electron/core/complaints/store';
import { composeSummary, recordSummaryClose } from '../../electron/core/complaints/summary';
import { readSettings } from '../../electron/core/settings/store';
import type { Paging } from './paging';
import { chineseName, COMPLAINT_TEXTS, fill, mobile, PLACES } from './words';
import type { SeedDay, StaffMember, World } from './world';

const CHANNELS: Record<ComplaintChannel, number> = { walkIn: 52, phone: 18, hotline: 15, online: 10, consumerAssociation: 3, tourismBureau: 2 };
const CATEGORIES: Record<ComplaintCategory, number> = {
  serviceAttitude: 18, facilities: 12, safety: 6, ticketsPrices: 12, rides: 20, food: 14, cleanliness: 9, lostProperty: 4, other: 5,
};
/** The department a category usually goes to (the departments of migration 005, by id). */
const DEPARTMENT: Record<ComplaintCategory, readonly number[]> = {
  serviceAttitude: [3, 4, 10], facilities: [7], safety: [5], ticketsPrices: [4], rides: [1], food: [2], cleanliness: [6], lostProperty: [10], other: [10, 9],
};

/**
 * Complaints through the app's own handlers: received, investigated, answered, followed up and
 * closed over a day or two, some withdrawn, some with the department head summoned over the PA,
 * a few escalated to the duty manager (who decides with their PIN); the daily summary closed by
 * the duty manager in the evening, a few of them late (recorded as the close records it, without its files).
 */
interface StepInput {
  step: ComplaintStep;
  note: string;
  method?: (typeof FOLLOW_UP_METHODS)[number];
  noFollowUp?: NoFollowUpReason;
  reportedTo?: string;
  satisfaction?: Satisfaction;
}

export class Complaints {
  readonly counts = { complaints: 0, summons: 0, escalations: 0, summaries: 0 };
  private refs = 0;
  private readonly stepSql = new Map<ComplaintStep, Statement>();

  constructor(
    private readonly world: World,
    private readonly paging: Paging,
  ) {}

  startDay(day: SeedDay, complaints: number): void {
    const { world } = this;
    for (let i = 0; i < complaints; i += 1) world.plan(world.timeOfDay(day, [0.6, 1, 1.2, 1.2, 1.3, 1.3, 1.2, 1.1, 0.9]), (at) => this.receive(at));
    const closeAt = world.at(day, '20:00') + (world.random.chance(0.05) ? world.minutes(35, 80) : world.minutes(5, 28));
    world.plan(closeAt, () => {
      // As complaints.summary.close records it, without its PDF and CSV files (not seeded, as the day closes are not).
      const ctx = world.context(closeAt, world.onDuty('manager', closeAt));
      const live = composeSummary(world.db, day.date, closeAt, world.timeZone, readSettings(world.db).complaintSummaryDeadline);
      world.timed('complaints.summary.close', () =>
        world.db.transaction(() => recordSummaryClose(world.db, ctx, { live, remarks: world.random.chance(0.2) ? '今日投诉已逐一跟进。' : '', files: [] }))(),
      );
      this.counts.summaries += 1;
    });
  }

  private receive(at: number): void {
    const { world } = this;
    const { random } = world;
    const clerk = world.onDuty('counter', at);
    const channel = random.weighted(CHANNELS);
    const category = random.weighted(CATEGORIES);
    const group = random.chance(0.002);
    const official = channel === 'consumerAssociation' || channel === 'tourismBureau';
    const complaint = world.call(
      'complaints.create',
      {
        clientRef: `seed-cp-${++this.refs}-${at}`,
        channel,
        complainantName: chineseName(random),
        phone: random.chance(0.9) || channel === 'phone' || channel === 'hotline' ? mobile(random) : '',
        group,
        ...(group ? { groupSize: random.int(3, 20), representative: chineseName(random) } : {}),
        place: random.pick(PLACES),
        happenedAt: at - world.minutes(10, 180),
        category,
        ...(random.chance(0.9) ? { departmentId: random.pick(DEPARTMENT[category]) } : {}),
        description: fill(random.pick(COMPLAINT_TEXTS[category]), random),
        request: random.pick(['希望给个说法', '要求退还部分费用', '希望改进', '要求道歉', '']),
        severity: random.weighted({ low: 30, medium: 50, high: 17, critical: 3 }),
        ...(official ? { externalRef: `${channel === 'tourismBureau' ? 'LY' : 'XX'}${random.digits(8)}` } : {}),
      },
      at,
      clerk,
    );
    this.counts.complaints += 1;
    const id = complaint.id;
    const state = { status: complaint.status };
    const step = (when: number, input: StepInput) =>
      world.plan(when, () => this.step(when, { id, complaintNo: complaint.complaintNo, state }, input));
    if (random.chance(0.03)) {
      step(at + world.minutes(30, 240), { step: 'withdraw', note: '游客表示问题已解决，撤回投诉' });
      return;
    }
    if (complaint.department && random.chance(0.08)) {
      const summonAt = at + world.minutes(3, 20);
      world.plan(summonAt, () => {
        const view = world.call('complaints.summon', { id, clientRef: `seed-sm-${id}` }, summonAt, world.onDuty('counter', summonAt));
        this.counts.summons += 1;
        if (view.summon) this.paging.follow(view.summon.pagingId, 'summonHead', summonAt);
      });
    }
    const investigateAt = at + world.minutes(10, 90);
    step(investigateAt, { step: 'investigate', note: '已联系相关部门了解情况' });
    if (group) this.decide(id, investigateAt + world.minutes(10, 120));
    else if (random.chance(0.004)) {
      const escalateAt = investigateAt + world.minutes(10, 60);
      world.plan(escalateAt, () => {
        world.call('complaints.escalate', { id, to: 'dutyManager', reason: '游客情绪激动，要求经理出面' }, escalateAt, world.onDuty('counter', escalateAt));
        this.counts.escalations += 1;
      });
      this.decide(id, escalateAt + world.minutes(20, 180));
    }
    const respondAt = investigateAt + (random.chance(0.7) ? world.minutes(30, 300) : world.random.int(14, 30) * HOUR);
    step(respondAt, { step: 'respond', note: '已向游客说明情况并致歉，' + random.pick(['赠送快速通道券一张', '退还部分费用', '承诺整改', '已安排维修']) });
    // A forwarded complaint's result goes back to the body that forwarded it, before it closes.
    if (official) step(respondAt + world.minutes(10, 25), { step: 'reportResult', note: '已将处理结果书面反馈', reportedTo: `${channel === 'tourismBureau' ? '旅游局' : '消协'}、${complaint.department?.nameZh ?? '游客服务中心'}` });
    let last = respondAt;
    if (random.chance(0.7)) {
      last = respondAt + world.random.int(4, 30) * HOUR;
      step(last, { step: 'followUp', note: '回访游客，表示满意', method: random.pick(['phone', 'message'] as const), satisfaction: random.pick(['satisfied', 'satisfied', 'partly'] as const) });
    }
    // Without a return visit the close says why (the visitor did not want one).
    step(last + world.minutes(30, 600), { step: 'close', note: '处理完毕，结案', ...(last === respondAt ? { noFollowUp: 'declined' } : {}) });
  }

  /**
   * What `complaints.step` writes (its handler re-reads the whole complaint with its clocks after
   * every step, too slow for a year): the status and its time, the step (the app's own
   * `recordStep`), the audit row.
   */
  private step(at: number, complaint: { id: number; complaintNo: string; state: { status: ComplaintStatus } }, input: StepInput): void {
    const { world } = this;
    const clerk = world.onDuty('counter', at);
    const from = complaint.state.status;
    const to = STATUS_AFTER[input.step] ?? from;
    const statement = this.stepSql.get(input.step) ?? world.db.prepare(stepUpdateSql(input.step));
    this.stepSql.set(input.step, statement);
    statement.run(input.step === 'respond' ? [to, at, at, complaint.id] : [to, at, complaint.id]);
    recordStep(world.db, world.context(at, clerk), clerk.id, complaint.id, input.step, input.note, {
      ...(input.method ? { method: input.method } : {}),
      ...(input.noFollowUp ? { noFollowUp: input.noFollowUp } : {}),
      ...(input.reportedTo ? { reportedTo: input.reportedTo } : {}),
      ...(input.satisfaction ? { satisfaction: input.satisfaction } : {}),
    });
    writeAudit(world.db, { at, staffId: clerk.id, action: `complaints.${input.step}`, entity: 'complaint', entityId: complaint.complaintNo, detail: { from, to }, origin: 'local' });
    complaint.state.status = to;
  }

  /** The duty manager takes on the escalation with their PIN. */
  private decide(complaintId: number, at: number): void {
    const { world } = this;
    world.plan(at, () => {
      const approval = world.db
        .prepare<[number], { id: number }>("SELECT id FROM approval_request WHERE complaint_id = ? AND status = 'pending'")
        .get(complaintId);
      if (!approval) return;
      const manager: StaffMember = world.onDuty('manager', at);
      world.call('approvals.decide', { id: approval.id, decision: 'approve', reason: '由值班经理接手处理', pin: manager.pin }, at, manager);
    });
  }
}
