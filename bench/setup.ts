import { randomUUID } from 'node:crypto';
import { removeBenchData } from './data';
import { collect, writeSummary } from './lib';

/**
 * `npm run bench`'s frame: when every benchmark file has run, one table of all the run's figures
 * (bench-results/summary.md and summary.json), and the seeded data folders removed.
 */
export default function setup(): () => void {
  const started = Date.now();
  const run = randomUUID();
  process.env.PARKDESK_BENCH_RUN = run;
  return () => {
    const { figures, notes } = collect(started);
    if (figures.length > 0) console.log(`\nParkDesk benchmarks, ${new Date().toISOString()}\n\n${writeSummary(figures, notes)}\n`);
    removeBenchData(run);
  };
}
