import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/core/app';
import { ManualClock } from '../electron/core/clock';
import { likeScan, SEARCHES } from './counter';
import { millionItems } from './data';
import { ratio, report, summarize, time, within, type Figure } from './lib';
import type { MillionResult } from './seed/million';

/**
 * Lost and found's search over a million items (the target: under 20 ms p95), through the
 * dispatcher as the counter calls it, against a LIKE scan of the same table.
 */
const figures: Figure[] = [];
let seeded: MillionResult;
let core: Core;
let token = '';

beforeAll(async () => {
  seeded = await millionItems();
  core = createCore({ dataDir: seeded.dir, clock: new ManualClock(seeded.now), startWorkers: false, version: 'bench', log: () => undefined });
  const clerk = seeded.staff.find((member) => member.role === 'counter');
  if (!clerk) throw new Error('no counter staff');
  const session = await core.call('auth.signIn', { staffId: clerk.id, pin: clerk.pin });
  if (!session.ok) throw new Error('sign-in failed');
  token = session.value.token;
});

afterAll(() => {
  core?.close();
  report('search', figures, { million: { items: seeded.items, seconds: seeded.seconds, megabytes: seeded.megabytes } });
});

async function search(query: string, extra: { beforeId?: number; category?: 'phone' } = {}) {
  const result = await core.call('lostFound.search', { query, limit: 30, ...extra }, token);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

it('searches a million items', async () => {
  const db = core.db;
  if (!db) throw new Error('database not open');
  const items = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM lf_item').get()?.n ?? 0;
  expect(items).toBeGreaterThanOrEqual(990_000);
  const fts = within(`lost-and-found search, ${Math.round(items / 1000)}k items (API)`, await time((i) => search(SEARCHES[Math.abs(i) % SEARCHES.length] ?? ''), 400), 20);
  const next = within('  the next page of a search', await time(async (i) => {
    const first = await search(SEARCHES[Math.abs(i) % SEARCHES.length] ?? '');
    if (first.nextBeforeId !== null) await search(SEARCHES[Math.abs(i) % SEARCHES.length] ?? '', { beforeId: first.nextBeforeId });
  }, 100), 40);
  const like = likeScan(db);
  const scan = summarize('LIKE scan of the same table (SQL)', await time((i) => like(SEARCHES[Math.abs(i) % SEARCHES.length] ?? ''), SEARCHES.length, 1));
  fts.against = scan.name;
  figures.push(fts, next, scan, ratio('search ÷ LIKE scan', fts, scan));
  // The index finds what the scan finds, in the same order.
  for (const query of ['钱包', '身份证', '包', '望远镜']) expect((await search(query)).rows.map((row) => row.id), query).toEqual(like(query).slice(0, 30));
});
