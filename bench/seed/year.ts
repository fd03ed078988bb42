import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getDayDetail } from 'chinese-days';
import type { Role } from '@shared/contract';
import { atParkTime, DAY, HOUR, MINUTE, parkDate } from '@shared/rules/time';
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/app';
import { approvalsHandlers } from '../../electron/core/approvals/handlers';
import { SessionStore } from '../../electron/core/auth/sessions';
import { ManualClock } from '../../electron/core/clock';
import { complaintsHandlers } from '../../electron/core/complaints/handlers';
import { LAN_OFF, type Services } from '../../electron/core/context';
import { incidentsHandlers } from '../../electron/core/incidents/handlers';
import { lostFoundHandlers } from '../../electron/core/lostFound/handlers';
import { pagingHandlers } from '../../electron/core/paging/handlers';
import { programmeHandlers } from '../../electron/core/programme/handlers';
import { rentalsHandlers } from '../../electron/core/rentals/handlers';
import { pauseProbe } from '../lib';
import { Complaints } from './complaints';
import { Incidents } from './incidents';
import { LostAndFound } from './lostFound';
import { Paging } from './paging';
import { Programme } from './programme';
import { Random } from './random';
import { PrintedJobs } from './printouts';
import { FLEET, RentalDesk, type FleetUnit, type TypeCode } from './rentals';
import { signaturePool } from './signature';
import { chineseName } from './words';
import { World, type SeedDay, type StaffMember } from './world';
import { Presence } from '../../electron/core/auth/presence';

/** The busy park: a year of records. */
export const BUSY_YEAR = { rentals: 700_000, lostFound: 60_000, paging: 100_000, complaints: 20_000, incidents: 2_000 } as const;
export type Volumes = { [K in keyof typeof BUSY_YEAR]: number };

/** 15:00 today in the park: the counter's busy afternoon, where the seeded year ends. */
export function afternoon(): number {
  return atParkTime(parkDate(Date.now(), TIME_ZONE), '15:00', TIME_ZONE);
}

export interface SeedOptions {
  dir: string;
  /** The end of the seeded year; default 15:00 today in the park, the counter's busy afternoon. */
  now?: number;
  volumes?: Partial<Volumes>;
  days?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  dir: string;
  now: number;
  from: string;
  to: string;
  timeZone: string;
  counts: Record<string, number>;
  staff: StaffMember[];
  /** Rentals still out at `now`: their receipt numbers and ids. */
  openReceipts: Array<[string, number]>;
  seconds: number;
  /** The hourly backup taken at the end: how long it took, and the longest the core could not answer meanwhile. */
  backup: { seconds: number; longestPauseMs: number; megabytes: number };
  megabytes: number;
}

export const TIME_ZONE = 'Asia/Shanghai';
const ADMIN = { code: 'M001', name: '王经理', pin: '246810' };
const TEAM: ReadonlyArray<{ role: Role; prefix: string; size: number }> = [
  { role: 'manager', prefix: 'M', size: 3 },
  { role: 'counter', prefix: 'C', size: 16 },
  { role: 'broadcast', prefix: 'B', size: 4 },
];
/** Visitors by month (a summer and a National Day peak) and on days off. */
const MONTH = [0.6, 0.9, 0.6, 0.8, 1.0, 0.9, 1.5, 1.6, 0.8, 1.2, 0.6, 0.6];

export function daysUpTo(random: Random, now: number, count: number): SeedDay[] {
  const today = parkDate(now, TIME_ZONE);
  const first = atParkTime(today, '12:00', TIME_ZONE) - (count - 1) * DAY;
  return Array.from({ length: count }, (_, index) => {
    const date = parkDate(first + index * DAY, TIME_ZONE);
    const detail = getDayDetail(date);
    const holiday = detail.name.includes(',');
    const rainy = random.chance(0.15);
    const busy = (MONTH[Number(date.slice(5, 7)) - 1] ?? 1) * (detail.work ? 1 : holiday ? 2.6 : 2) * (rainy ? 0.7 : 1);
    return { index, date, opensAt: atParkTime(date, '09:00', TIME_ZONE), closesAt: atParkTime(date, '18:00', TIME_ZONE), busy, rainy };
  });
}

/** Splits a year's total over the days by how busy each is (rounded at random, so the total holds on average). */
export function perDay(random: Random, days: readonly SeedDay[], total: number): number[] {
  const weight = days.reduce((sum, day) => sum + day.busy, 0);
  return days.map((day) => {
    const exact = (total * day.busy) / weight;
    return Math.floor(exact) + (random.chance(exact % 1) ? 1 : 0);
  });
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`seeding call failed: ${JSON.stringify(settled.error)}`);
  return settled.value;
}

/** Set-up, staff and (unless told not to) the fleet through the API, as a park starts. */
export async function openPark(core: Core, withFleet = true): Promise<{ staff: StaffMember[]; units: FleetUnit[] }> {
  const session = await must(core.call('setup.complete', { parkName: '阳光欢乐世界', defaultLanguage: 'zh-CN', timeZone: TIME_ZONE, manager: ADMIN }));
  const staff: StaffMember[] = [{ id: session.staff.id, name: ADMIN.name, role: 'admin', code: ADMIN.code, pin: ADMIN.pin }];
  const names = new Random(7);
  for (const { role, prefix, size } of TEAM) {
    for (let i = 1; i <= size; i += 1) {
      const code = `${prefix}${String(i + (role === 'manager' ? 1 : 0)).padStart(3, '0')}`;
      const pin = String(100_000 + staff.length * 7919).slice(-6);
      const created = await must(core.call('staff.create', { code, name: chineseName(names), role, pin }, session.token));
      staff.push({ id: created.id, name: created.name, role, code, pin });
    }
  }
  const db = core.db;
  if (!db) throw new Error('database not open');
  const types = new Map(db.prepare<[], { id: number; code: string }>('SELECT id, code FROM item_type').all().map((row) => [row.code, row.id]));
  const units: FleetUnit[] = [];
  for (const type of withFleet ? (Object.keys(FLEET) as TypeCode[]) : []) {
    const typeId = types.get(type);
    if (typeId === undefined) throw new Error(`item type ${type} missing`);
    for (let i = 1; i <= FLEET[type].units; i += 1) {
      const tag = `${FLEET[type].prefix}-${String(i).padStart(4, '0')}`;
      const unit = await must(core.call('rentals.units.add', { typeId, tag }, session.token));
      units.push({ id: unit.id, tag, type, typeId });
    }
  }
  return { staff, units };
}

/**
 * Fills a data folder with a year of a busy park, day by day, through the app's own handlers and
 * store functions (so every row, search index entry, printout and audit row is what the app
 * writes), in one transaction a day with fsync off (a benchmark's temp folder, synced at the end).
 * Not seeded: the day-close history (each close writes a PDF and a full backup file) and photos.
 */
export async function seedYear(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const volumes: Volumes = { ...BUSY_YEAR, ...options.volumes };
  const random = new Random(options.seed ?? 2026);
  const now = options.now ?? afternoon();
  const days = daysUpTo(random, now, options.days ?? 365);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) throw new Error('no days to seed');
  // The year ends on a peak day (as busy as its busiest, dry): the benchmarks see the counter's busiest afternoon.
  last.busy = Math.max(...days.map((day) => day.busy));
  last.rainy = false;

  const clock = new ManualClock(first.opensAt - 2 * HOUR);
  const core = createCore({ dataDir: options.dir, clock, startWorkers: false, version: 'seed', log: () => undefined });
  const db = core.db;
  if (!db || !core.maintenance) throw new Error('database did not open');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const opening = performance.now();
  const { staff, units } = await openPark(core);
  log(`park opened: ${staff.length} staff, ${units.length} units (${Math.round(performance.now() - opening)} ms)`);

  const services: Services = { db, clock, sessions: new SessionStore(db, clock.now(), () => 0), dataDir: options.dir, version: 'seed', gate: { restoring: false }, lan: { ...LAN_OFF }, presence: new Presence(() => undefined) };
  const handlers = {
    ...rentalsHandlers(services),
    ...lostFoundHandlers(services),
    ...pagingHandlers(services),
    ...complaintsHandlers(services),
    ...incidentsHandlers(services),
    ...programmeHandlers(services),
    ...approvalsHandlers(services),
  };
  const world = new World(db, handlers, random, TIME_ZONE, now, staff, signaturePool(random));
  const printouts = new PrintedJobs(db);
  const rentals = new RentalDesk(world, units, printouts);
  const paging = new Paging(world);
  const lostFound = new LostAndFound(world, paging, printouts);
  const complaints = new Complaints(world, paging);
  const incidents = new Incidents(world);
  const programme = new Programme(world);
  // The counter's own requests: the rest of the year's paging comes from announcements and summons.
  const counterPaging = Math.round(volumes.paging * 0.866);
  const plans = {
    // A few visitors a year find every unit of their type out (turned away): asked for a few more.
    rentals: perDay(random, days, Math.round(volumes.rentals * 1.035)),
    lostFound: perDay(random, days, volumes.lostFound),
    paging: perDay(random, days, counterPaging),
    complaints: perDay(random, days, volumes.complaints),
    incidents: perDay(random, days, volumes.incidents),
  };

  for (const day of days) {
    rentals.startDay(day, plans.rentals[day.index] ?? 0);
    lostFound.startDay(day, plans.lostFound[day.index] ?? 0);
    paging.startDay(day, plans.paging[day.index] ?? 0);
    complaints.startDay(day, plans.complaints[day.index] ?? 0);
    incidents.startDay(day, plans.incidents[day.index] ?? 0);
    programme.startDay(day);
    const end = Math.min(now, atParkTime(day.date, '23:30', TIME_ZONE));
    db.transaction(() => {
      world.agenda.runUntil(end);
      // The print worker has printed what the day's handlers queued.
      printouts.printQueued(end);
    })();
    // The nightly job: personal data past the retention period is erased, as the station does each day.
    clock.set(end);
    const { maintenance } = core;
    world.timed('nightly retention', () => maintenance.eraseDue(null, 'system'));
    if (day.index % 30 === 0 || day === last) log(`seeded ${day.date}: ${rentals.counts.rentals} rentals, ${lostFound.counts.items} items, ${paging.counts.requests} paging requests (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  for (const [method, { calls, ms }] of [...world.spent].sort((a, b) => b[1].ms - a[1].ms)) log(`  ${method}: ${calls} calls, ${Math.round(ms)} ms`);
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - started) / 1000;
  // The station backs up every hour: the last one was taken five minutes ago, as on a counter PC running all day.
  clock.set(now - 5 * MINUTE);
  const probe = pauseProbe();
  const backupStarted = performance.now();
  const backup = await core.maintenance.backup('hourly', null, 'system');
  const backupSeconds = (performance.now() - backupStarted) / 1000;
  const longestPauseMs = probe.stop();
  log(`hourly backup: ${Math.round(backup.bytes / 1e6)} MB in ${backupSeconds.toFixed(1)} s, the core held up for ${Math.round(longestPauseMs)} ms at most`);
  clock.set(now);
  core.close();

  return {
    dir: options.dir,
    now,
    from: first.date,
    to: last.date,
    timeZone: TIME_ZONE,
    counts: {
      ...prefixed('rentals', rentals.counts),
      ...prefixed('lostFound', { ...lostFound.counts, stillHeld: lostFound.stillHeld }),
      ...prefixed('paging', paging.counts),
      ...prefixed('complaints', complaints.counts),
      ...prefixed('incidents', incidents.counts),
      ...prefixed('programme', programme.counts),
    },
    staff,
    openReceipts: [...rentals.open],
    seconds,
    backup: { seconds: backupSeconds, longestPauseMs, megabytes: backup.bytes / 1e6 },
    megabytes: statSync(join(options.dir, DATABASE_FILE)).size / 1e6,
  };
}

function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([key, value]) => [`${prefix}.${key}`, value]));
}
