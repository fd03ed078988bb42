import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedYear } from '../../bench/seed/year';
import { tempDir } from '../support/core';

/**
 * The benchmark's year is seeded through the app's own handlers, so a rule the app tightens (what
 * closing an incident needs, say) must be followed by the seeder too. A small year, seeded here,
 * fails the build where the benchmark's would stop.
 */
describe('the benchmark seeder', () => {
  it('seeds a small year through the handlers, every record of each kind written', async () => {
    const dir = tempDir();
    const volumes = { rentals: 1_500, lostFound: 150, paging: 200, complaints: 60, incidents: 25 };
    const year = await seedYear({ dir, days: 20, volumes, seed: 7, log: () => undefined });
    const db = new Database(`${dir}/parkdesk.sqlite`, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    try {
      expect(count('rental')).toBeGreaterThan(volumes.rentals * 0.9);
      expect(count('lf_item')).toBeGreaterThan(volumes.lostFound * 0.9);
      expect(count('paging_request')).toBeGreaterThan(volumes.paging * 0.9);
      expect(count('complaint')).toBe(year.counts['complaints.complaints']);
      expect(count('complaint')).toBeGreaterThan(volumes.complaints * 0.8);
      expect(count('incident')).toBe(year.counts['incidents.incidents']);
      expect(count('incident')).toBeGreaterThan(volumes.incidents * 0.8);
      expect(count('lf_handover')).toBeGreaterThan(0);
      expect(count('complaint_summary')).toBeGreaterThan(0);
      // Closed incidents were closed by the rules: every party their nature calls for was told.
      expect((db.prepare("SELECT count(*) AS n FROM incident WHERE status = 'closed'").get() as { n: number }).n).toBeGreaterThan(0);
      // Forwarded complaints closed only once their result was reported back.
      const forwarded = db
        .prepare<[], { n: number; reported: number }>("SELECT count(*) AS n, count(result_reported_at) AS reported FROM complaint WHERE channel IN ('consumerAssociation', 'tourismBureau') AND status = 'closed'")
        .get();
      expect(forwarded?.n).toBeGreaterThan(0);
      expect(forwarded?.reported).toBe(forwarded?.n);
    } finally {
      db.close();
    }
  }, 120_000);
});
