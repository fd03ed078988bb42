import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'ratio';
  median: number;
  p95: number;
  runs: number;
  /** What the figure is compared against, and the target it must meet. */
  against?: string;
  target?: string;
  ok?: boolean;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Times `fn` `runs` times (after `warmup` untimed runs) and answers the sorted durations in ms. */
export async function time(fn: (i: number) => unknown, runs: number, warmup = Math.min(20, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}

export function summarize(name: string, sorted: readonly number[], extra: Partial<Figure> = {}): Figure {
  return { name, unit: 'ms', median: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length, ...extra };
}

const format = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 3 : 1) : '—');

/** Prints the figures as a table and writes them to bench-results/<file>.json. */
export function report(file: string, figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'p95', 'unit', 'runs', 'compared against', 'target', 'met'];
  const rows = figures.map((f) => [f.name, format(f.median), format(f.p95), f.unit, String(f.runs), f.against ?? '', f.target ?? '', f.ok === undefined ? '' : f.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  console.log(`\n${table}\n`);
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.json`), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2));
  return table;
}
