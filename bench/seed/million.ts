import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, DATABASE_FILE } from '../../electron/core/app';
import { ManualClock } from '../../electron/core/clock';
import { LostAndFound } from './lostFound';
import { Random } from './random';
import { signaturePool } from './signature';
import { afternoon, daysUpTo, openPark, perDay, TIME_ZONE } from './year';
import { World, type StaffMember } from './world';

export interface MillionResult {
  dir: string;
  now: number;
  items: number;
  staff: StaffMember[];
  seconds: number;
  megabytes: number;
}

/**
 * A lost and found holding a million items, for the search benchmark: about sixteen years of a
 * busy park's intakes, each as the app writes it (item, search index rows through the app's own
 * `indexItem`, custody, audit; no printouts, which search never reads). Items are only taken in:
 * search reads every status alike.
 */
export async function seedMillionItems(options: { dir: string; items?: number; log?: (line: string) => void }): Promise<MillionResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const total = options.items ?? 1_000_000;
  const random = new Random(1_000_000);
  const now = afternoon();
  const days = daysUpTo(random, now, Math.ceil((total / 60_000) * 365));
  const first = days[0];
  if (!first) throw new Error('no days');
  const core = createCore({ dataDir: options.dir, clock: new ManualClock(first.opensAt), startWorkers: false, version: 'seed', log: () => undefined });
  const db = core.db;
  if (!db) throw new Error('database did not open');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const { staff } = await openPark(core, false);
  const world = new World(db, {}, random, TIME_ZONE, now, staff, signaturePool(random));
  const lostFound = new LostAndFound(world, undefined, undefined);
  const counts = perDay(random, days, total);
  let items = 0;
  for (const day of days) {
    const n = counts[day.index] ?? 0;
    db.transaction(() => {
      const times = Array.from({ length: n }, () => world.timeOfDay(day)).sort((a, b) => a - b);
      for (const at of times) {
        if (at >= now) continue;
        const clerk = world.onDuty('counter', at);
        lostFound.takeIn(lostFound.intakeInput(at, clerk), clerk, at);
        items += 1;
      }
    })();
    if (day.index % 500 === 0) log(`million: ${day.date}, ${items} items (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { dir: options.dir, now, items, staff, seconds: (performance.now() - started) / 1000, megabytes: statSync(join(options.dir, DATABASE_FILE)).size / 1e6 };
}
