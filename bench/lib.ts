import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  name: string;
  unit: 'ms' | 'MB' | 'ratio' | 'pages';
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

/** A figure against a p95 limit: `target` says it, `ok` says whether the run met it. */
export function within(name: string, sorted: readonly number[], p95Limit: number, extra: Partial<Figure> = {}): Figure {
  const unit = extra.unit ?? 'ms';
  const figure = summarize(name, sorted, extra);
  return { ...figure, target: `p95 < ${p95Limit} ${unit}`, ok: figure.p95 < p95Limit };
}

/** The ratio of two figures, median to median and p95 to p95. */
export function ratio(name: string, of: Figure, to: Figure, extra: Partial<Figure> = {}): Figure {
  return { name, unit: 'ratio', median: of.median / to.median, p95: of.p95 / to.p95, runs: of.runs, against: to.name, ...extra };
}

/**
 * How many database pages one commit of `write` adds to the WAL, on average over `runs` commits:
 * what a durable commit writes (and checksums) before its fsync. Checkpoints are held off while it
 * counts, so it runs apart from the timed runs.
 */
export async function pagesPerCommit(db: Database.Database, write: () => unknown, runs: number): Promise<number> {
  const autocheckpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  try {
    for (let i = 0; i < runs; i += 1) await write();
    const [frames] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    return (frames?.log ?? Number.NaN) / runs;
  } finally {
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  }
}

/** A figure counted once, not timed (its median and p95 are the same number). */
export function count(name: string, value: number, unit: Figure['unit'], runs: number): Figure {
  return { name, unit, median: value, p95: value, runs };
}

/**
 * A bare better-sqlite3 INSERT of one row per autocommit transaction, with the app's durability
 * (WAL, synchronous=FULL): what a write costs before the app does anything. `pages` counts what
 * each commit writes to the WAL, over `pages` more inserts.
 */
export async function bareInserts(dir: string, runs: number, options: { pages?: number } = {}): Promise<{ durations: number[]; pages: number }> {
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE IF NOT EXISTS rental (id INTEGER PRIMARY KEY, receipt_no TEXT NOT NULL UNIQUE, unit_id INTEGER NOT NULL, deposit_fen INTEGER NOT NULL, out_at INTEGER NOT NULL) STRICT');
  const insert = bare.prepare('INSERT INTO rental (receipt_no, unit_id, deposit_fen, out_at) VALUES (?, ?, ?, ?)');
  let row = 0;
  const one = () => {
    row += 1;
    insert.run(`R20261129-${process.pid}-${row}`, row, 50_000, Date.now());
  };
  try {
    const durations = await time(one, runs);
    const pages = options.pages ? await pagesPerCommit(bare, one, options.pages) : Number.NaN;
    return { durations, pages };
  } finally {
    bare.close();
  }
}

const format = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 3 : 1) : '—');
const RESULTS = join(process.cwd(), 'bench-results');

export function table(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'p95', 'unit', 'runs', 'compared against', 'target', 'met'];
  const rows = figures.map((f) => [f.name, format(f.median), format(f.p95), f.unit, String(f.runs), f.against ?? '', f.target ?? '', f.ok === undefined ? '' : f.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Prints the figures as a table and writes them to bench-results/<file>.json. */
export function report(file: string, figures: readonly Figure[], notes: Record<string, unknown> = {}): string {
  const text = table(figures);
  console.log(`\n${text}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${file}.json`), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures, notes }, null, 2));
  return text;
}

/** Every figure written since `since` (epoch ms), in the order the files were written: the run's one table. */
export function collect(since: number): { figures: Figure[]; notes: Record<string, unknown> } {
  if (!existsSync(RESULTS)) return { figures: [], notes: {} };
  const files = readdirSync(RESULTS, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && entry.name !== 'summary.json')
    .map((entry) => JSON.parse(readFileSync(join(RESULTS, entry.name), 'utf8')) as { at: string; figures: Figure[]; notes?: Record<string, unknown> })
    .filter((result) => Date.parse(result.at) >= since)
    .sort((a, b) => a.at.localeCompare(b.at));
  return { figures: files.flatMap((result) => result.figures), notes: Object.assign({}, ...files.map((result) => result.notes ?? {})) };
}

export function writeSummary(figures: readonly Figure[], notes: Record<string, unknown>): string {
  const text = table(figures);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures, notes }, null, 2));
  writeFileSync(join(RESULTS, 'summary.md'), `${text}\n`);
  return text;
}

/** Watches this process's event loop; `stop` answers the longest time it could not run a timer (ms). */
export function pauseProbe(everyMs = 5): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - everyMs);
    last = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - everyMs);
    },
  };
}
