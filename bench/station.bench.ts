import { afterAll, expect, it } from 'vitest';
import type { Output } from '@shared/contract';
import { parkDate } from '@shared/rules/time';
import { yearOfRecords } from './data';
import { report, within, type Figure } from './lib';
import { startBenchStation, type BenchStation } from './station';

/**
 * The station (`node out/main/station.js`) on the year's data folder: from spawning the process to
 * the first screen served (GET /) and the first answer of the API, and the memory the process holds
 * while the counter works on the year.
 */
const STARTS = 5;
const figures: Figure[] = [];
afterAll(() => report('station', figures));

it('cold start to the first screen and the first API answer', async () => {
  const year = await yearOfRecords();
  const listening: number[] = [];
  const firstScreen: number[] = [];
  const firstAnswer: number[] = [];
  for (let i = 0; i < STARTS; i += 1) {
    const spawned = performance.now();
    const station = await startBenchStation(year.dir, year.now);
    try {
      listening.push(station.listeningMs);
      const page = await fetch(`${station.url}/`);
      expect(await page.text()).toContain('<div id="root">');
      firstScreen.push(performance.now() - spawned);
      const info = await station.call('system.info', {});
      expect(info.setupRequired).toBe(false);
      firstAnswer.push(performance.now() - spawned);
    } finally {
      await station.stop();
    }
  }
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  figures.push(
    within('station cold start: first screen served (GET /)', sorted(firstScreen), 1000),
    within('station cold start: first API answer', sorted(firstAnswer), 1000),
    { ...within('  of which: spawn to listening', sorted(listening), 1000), target: undefined, ok: undefined },
  );
});

/** A round of the counter's and the manager's screens against the station. */
async function workRound(station: BenchStation, tokens: { counter: string; manager: string }, year: { from: string; to: string; now: number; timeZone: string }): Promise<void> {
  const today = parkDate(year.now, year.timeZone);
  const calls: Array<Promise<unknown>> = [
    station.call('rentals.board', {}, tokens.counter),
    station.call('rentals.list', { view: 'out', limit: 100 }, tokens.counter),
    station.call('rentals.list', { view: 'returned', limit: 100, date: today }, tokens.counter),
    station.call('paging.queue', {}, tokens.counter),
    station.call('complaints.list', { view: 'open', limit: 25 }, tokens.counter),
    station.call('lostFound.search', { query: '钱包', limit: 30 }, tokens.counter),
    station.call('lostFound.search', { status: 'held', limit: 30 }, tokens.counter),
    station.call('incidents.open', {}, tokens.counter),
    station.call('complaints.summary', { date: today }, tokens.manager),
    station.call('dayClose.checklist', {}, tokens.manager),
  ];
  for (const method of ['dashboard.rentals', 'dashboard.complaints', 'dashboard.paging', 'dashboard.lostFound'] as const) {
    calls.push(station.call(method, { from: year.from, to: year.to, granularity: 'quarter' }, tokens.manager));
  }
  await Promise.all(calls);
}

it('memory of the station with the year loaded', async () => {
  const year = await yearOfRecords();
  const station = await startBenchStation(year.dir, year.now);
  try {
    const signIn = async (role: 'counter' | 'manager'): Promise<string> => {
      const member = year.staff.find((s) => s.role === role);
      if (!member) throw new Error(`no ${role}`);
      const session: Output<'auth.signIn'> = await station.call('auth.signIn', { staffId: member.id, pin: member.pin });
      return session.token;
    };
    const tokens = { counter: await signIn('counter'), manager: await signIn('manager') };
    const samples: number[] = [];
    for (let round = 0; round < 12; round += 1) {
      await workRound(station, tokens, year);
      samples.push(station.memory().rssMb);
    }
    const { peakMb } = station.memory();
    figures.push(
      within('station memory (RSS) while working on the year', samples.sort((a, b) => a - b), 200, { unit: 'MB' }),
      { name: '  peak RSS of the station', unit: 'MB', median: peakMb, p95: peakMb, runs: 1, target: '< 200 MB', ok: peakMb < 200 },
    );
  } finally {
    await station.stop();
  }
});
