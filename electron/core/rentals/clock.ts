import { atParkTime, parkDate } from '@shared/rules/time';
import type { Services } from '../context';
import type { PendingEvent } from '../dispatcher';
import { readSettings } from '../settings/store';

/** How often the clock looks whether a moment that changes the rentals screens has passed. */
export const RENTALS_TICK_MS = 5000;

export interface RentalsClock {
  /**
   * Announces `rentals.changed` when, since the last look, the park clock crossed a moment that
   * changes what the screens show without any write: a rental's due time (it is overdue now),
   * opening or closing time, or midnight (a new park day: every unit is to inspect again).
   * Tests call it after moving the clock; the running app looks every RENTALS_TICK_MS.
   */
  tick(): void;
  start(): void;
  stop(): void;
}

export function createRentalsClock(options: { services: Services; publish(events: PendingEvent[]): void; log(message: string, error?: unknown): void }): RentalsClock {
  const { services, publish, log } = options;
  const { db, clock } = services;
  let last = clock.now();
  let timer: NodeJS.Timeout | undefined;

  const dueBetween = db.prepare<[number, number], { n: number }>("SELECT count(*) AS n FROM rental WHERE status = 'out' AND due_at > ? AND due_at <= ?");

  function crossed(from: number, to: number): boolean {
    const { timeZone, openingTime, closingTime } = readSettings(db);
    const days = new Set([parkDate(from, timeZone), parkDate(to, timeZone)]);
    if (days.size > 1) return true;
    for (const day of days) {
      for (const time of [openingTime, closingTime]) {
        const at = atParkTime(day, time, timeZone);
        if (at > from && at <= to) return true;
      }
    }
    return (dueBetween.get(from, to)?.n ?? 0) > 0;
  }

  function tick(): void {
    const now = clock.now();
    const from = last;
    last = now;
    if (now <= from) return;
    try {
      if (crossed(from, now)) publish([{ name: 'rentals.changed', payload: { unitIds: [] } }]);
    } catch (error) {
      log('rentals clock failed', error);
    }
  }

  return {
    tick,
    start() {
      if (timer) return;
      last = clock.now();
      timer = setInterval(tick, RENTALS_TICK_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
