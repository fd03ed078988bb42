import { requiredParties, type IncidentNature, type NotifyParty } from '@shared/rules/incidents';
import { HOUR } from '@shared/rules/time';
import { chineseName, mobile, PLACES } from './words';
import type { SeedDay, World } from './world';

const NATURES: Record<IncidentNature, number> = { injury: 38, illness: 24, fight: 6, fire: 1, lostChild: 14, rideStoppage: 12, other: 5 };
const WHOM: Record<NotifyParty, string> = { dutyManager: '值班经理', security: '安保部', medical: '医务室', department: '所属部门负责人', other: '相关方' };
const WHAT: Record<IncidentNature, string> = {
  injury: '游客在排队区摔倒，膝盖擦伤流血',
  illness: '游客中暑晕倒，意识清醒',
  fight: '两名游客因插队发生争执并推搡',
  fire: '餐厅后厨油锅起火，已扑灭',
  lostChild: '儿童与家长走散，家长情绪激动',
  rideStoppage: '设备运行中紧急停机，游客滞留座舱',
  other: '游客无人机闯入禁飞区域',
};

/**
 * Incidents through the app's own handlers: the report at once, every party it calls for told (a
 * few past the 30 minutes), staff sent, statements, the injured and their hospital escort, what was done,
 * handled and closed (the last ones still open at the end of the year).
 */
export class Incidents {
  readonly counts = { incidents: 0, casualties: 0 };

  constructor(private readonly world: World) {}

  startDay(day: SeedDay, incidents: number): void {
    for (let i = 0; i < incidents; i += 1) this.world.plan(this.world.timeOfDay(day), (at) => this.report(at));
  }

  private report(at: number): void {
    const { world } = this;
    const { random } = world;
    const owner = world.onDuty('counter', at);
    const nature = random.weighted(NATURES);
    const detail = world.call(
      'incidents.report',
      {
        reporterName: chineseName(random),
        reporterPhone: mobile(random),
        reporterAddress: '',
        nature,
        location: random.pick(PLACES),
        occurredAt: at - world.minutes(2, 15),
        description: WHAT[nature],
      },
      at,
      owner,
    );
    this.counts.incidents += 1;
    const incidentId = detail.id;
    const later = (when: number, run: (when: number) => void) => world.plan(when, run);
    const notifyAt = at + (random.chance(0.04) ? world.minutes(31, 55) : world.minutes(2, 25));
    // Every party the nature calls for, the duty manager first, a minute or two apart.
    requiredParties(nature).forEach((party, index) =>
      later(notifyAt + index * world.minutes(1, 2), (when) =>
        world.call('incidents.notify', { incidentId, party, channel: random.pick(['phone', 'radio'] as const), personName: WHOM[party], note: '' }, when, owner),
      ),
    );
    later(at + world.minutes(1, 6), (when) => world.call('incidents.sendStaff', { incidentId, name: chineseName(random), note: random.pick(['安保', '医务室', '游乐部']) }, when, owner));
    later(at + world.minutes(10, 40), (when) =>
      world.call('incidents.statement', { incidentId, personName: chineseName(random), role: 'witness', contact: mobile(random), text: `目击经过：${WHAT[nature]}。` }, when, owner),
    );
    if (nature === 'injury' || nature === 'illness' || random.chance(0.05)) {
      const hospital = random.chance(0.12);
      const leftAt = at + world.minutes(20, 40);
      const arrivedAt = leftAt + world.minutes(15, 35);
      // Written up once the escort phones in from the hospital; otherwise after first aid.
      later(hospital ? arrivedAt + world.minutes(2, 10) : at + world.minutes(8, 20), (when) =>
        world.call(
          'incidents.casualty',
          {
            incidentId,
            name: chineseName(random),
            injury: nature === 'illness' ? '中暑，头晕乏力' : '膝盖擦伤',
            firstAid: '医务室消毒包扎，补充水分',
            toHospital: hospital,
            hospital: hospital ? '市第一人民医院' : '',
            escortStaffId: hospital ? world.onDuty('counter', when, owner).id : null,
            leftAt: hospital ? leftAt : null,
            arrivedAt: hospital ? arrivedAt : null,
            returnedAt: null,
          },
          when,
          owner,
        ),
      );
      this.counts.casualties += 1;
      // A visitor taken to hospital: a superior is told once the escort has arrived (the incident closes only then).
      if (hospital) later(arrivedAt + 15 * 60_000, (when) => world.call('incidents.superior', { incidentId, name: '刘总监', note: '电话报告送医情况' }, when, owner));
    }
    const handledAt = at + world.minutes(60, 200);
    later(handledAt - world.minutes(5, 30), (when) => world.call('incidents.action', { incidentId, text: '已疏散周边游客并做好记录' }, when, owner));
    later(handledAt, (when) => world.call('incidents.setStatus', { incidentId, status: 'handled', note: '现场处置完毕，游客情绪稳定' }, when, owner));
    later(handledAt + random.int(2, 40) * HOUR, (when) => world.call('incidents.setStatus', { incidentId, status: 'closed', note: '' }, when, owner));
  }
}
