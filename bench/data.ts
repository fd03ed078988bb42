import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedMillionItems, type MillionResult } from './seed/million';
import { seedYear, type SeedResult } from './seed/year';

/**
 * The benchmarks' data folders, seeded once per `npm run bench` by the first benchmark file that
 * needs them and removed by the bench set-up's teardown. `PARKDESK_BENCH_KEEP=1` keeps them for the
 * next run (to work on one benchmark without seeding again).
 */
export const BENCH_DATA = join(tmpdir(), 'parkdesk-bench');

/** Which `npm run bench` seeded a folder (set by the bench set-up for the run's workers). */
const RUN = process.env.PARKDESK_BENCH_RUN ?? 'unknown';

async function seeded<T>(name: string, seed: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(BENCH_DATA, name);
  const marker = join(dir, 'seed.json');
  if (existsSync(marker)) return (JSON.parse(readFileSync(marker, 'utf8')) as { result: T }).result;
  // A folder without its marker is a seeding cut short: start again.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = await seed(dir);
  writeFileSync(marker, JSON.stringify({ run: RUN, result }));
  return result;
}

const log = (line: string) => console.log(`[seed] ${line}`);

/** A year of a busy park (the volumes). */
export function yearOfRecords(): Promise<SeedResult> {
  return seeded('year', (dir) => seedYear({ dir, log }));
}

/** A park whose lost and found holds a million items, for the search benchmark. */
export function millionItems(): Promise<MillionResult> {
  return seeded('million', (dir) => seedMillionItems({ dir, log }));
}

/** Removes the folders this run seeded (never another run's, finished or still seeding). */
export function removeBenchData(run: string): void {
  if (process.env.PARKDESK_BENCH_KEEP === '1' || !existsSync(BENCH_DATA)) return;
  for (const name of readdirSync(BENCH_DATA)) {
    const marker = join(BENCH_DATA, name, 'seed.json');
    if (existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { run?: string }).run === run) rmSync(join(BENCH_DATA, name), { recursive: true, force: true });
  }
}
