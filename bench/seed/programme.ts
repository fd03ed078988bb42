import { MINUTE } from '@shared/rules/time';
import type { SeedDay, World } from './world';

/**
 * The broadcast programme through the app's own handlers: before each slot the equipment check is
 * signed (a few late, once in a while a fault noted), then the slot is marked aired.
 */
export class Programme {
  readonly counts = { checks: 0, airings: 0 };
  private readonly slots: ReadonlyArray<{ id: number; start: string }>;

  constructor(private readonly world: World) {
    this.slots = world.db
      .prepare<[], { id: number; start: string }>('SELECT id, start_time AS start FROM programme_slot WHERE removed_at IS NULL ORDER BY start_time')
      .all();
  }

  startDay(day: SeedDay): void {
    const { world } = this;
    for (const slot of this.slots) {
      const startsAt = world.at(day, slot.start);
      const checkAt = startsAt + (world.random.chance(0.04) ? world.minutes(1, 4) : -world.minutes(2, 9));
      const fault = world.random.chance(0.02);
      world.plan(checkAt, () => {
        world.call('programme.check', { slotId: slot.id, date: day.date, ok: !fault, note: fault ? '话筒有杂音，已更换备用话筒' : '' }, checkAt, world.onDuty('broadcast', checkAt));
        this.counts.checks += 1;
      });
      const airedAt = startsAt + MINUTE + world.minutes(0, 3);
      world.plan(airedAt, () => {
        world.call('programme.aired', { slotId: slot.id, date: day.date }, airedAt, world.onDuty('broadcast', airedAt));
        this.counts.airings += 1;
      });
    }
  }
}
