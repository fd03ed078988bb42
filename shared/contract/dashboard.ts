import { z } from 'zod';
import { GRANULARITIES, MAX_RANGE_DAYS, rangeDays } from '../rules/dashboard';
import { isoDate } from './common';
import { COMPLAINT_CATEGORIES } from './complaints';
import { MANAGERS, method } from './define';

/**
 * The duty manager's dashboard: figures over days, ISO weeks (from Monday) or quarters of park
 * dates. Each method answers the series its charts plot; the charts' tables and CSV exports are
 * drawn from that same answer (shared/rules/dashboard.ts).
 */
export const dashboardRange = z
  .object({
    /** First park date, included. */
    from: isoDate,
    /** Last park date, included. */
    to: isoDate,
    granularity: z.enum(GRANULARITIES),
  })
  .strict()
  .superRefine((value, ctx) => {
    // Dates that failed their own check are already reported.
    if (!isoDate.safeParse(value.from).success || !isoDate.safeParse(value.to).success) return;
    if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], input: value.to, message: 'dashboard.errors.toBeforeFrom' });
    else if (rangeDays(value.from, value.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], input: value.from, message: 'dashboard.errors.rangeTooLong' });
  });
export type DashboardRangeInput = z.input<typeof dashboardRange>;

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);

/** One period of a range: its key (`2026-11-29`, `2026-W48`, `2026-Q4`) and its dates, cut to the range. */
export const periodSpan = z.object({ key: z.string(), from: isoDate, to: isoDate });
export type PeriodSpan = z.output<typeof periodSpan>;

const rangeEcho = z.object({ from: isoDate, to: isoDate, granularity: z.enum(GRANULARITIES) });
const names = { nameZh: z.string(), nameEn: z.string() };

export const dashboardRentals = z.object({
  range: rangeEcho,
  /** The item types, in their order: every active type, and any other rented in the range. */
  types: z.array(z.object({ code: z.string(), ...names })),
  /** Check-outs per hour of the park day (0-23) over the whole range, by type code. */
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), counts, total: count })),
  /** Check-outs per period, by type code. */
  periods: z.array(periodSpan.extend({ counts, total: count })),
});
export type DashboardRentals = z.output<typeof dashboardRentals>;

export const dashboardComplaints = z.object({
  range: rangeEcho,
  /** The categories with at least one complaint in the range, in the catalog's order. */
  categories: z.array(z.enum(COMPLAINT_CATEGORIES)),
  /** The departments with at least one complaint in the range (key: department code, or `none`). */
  departments: z.array(z.object({ key: z.string(), ...names })),
  /** Complaints received per period (by the park date of receipt), by category and by department key. */
  periods: z.array(periodSpan.extend({ total: count, byCategory: counts, byDepartment: counts })),
});
export type DashboardComplaints = z.output<typeof dashboardComplaints>;

export const dashboardPaging = z.object({
  range: rangeEcho,
  periods: z.array(
    periodSpan.extend({
      /** Requests registered in the period. */
      count,
      /** Requests with a response time: aired, or at least contacted. */
      responded: count,
      /** Registration to first airing (to contact, for a request never aired): median and 90th percentile (nearest rank). */
      medianMs: z.number().nonnegative().nullable(),
      p90Ms: z.number().nonnegative().nullable(),
      /** Contacted within 5 minutes of registration, of the requests whose 5 minutes have run (as in paging.stats). */
      within5: count,
      due: count,
      shareWithin5: z.number().min(0).max(1).nullable(),
    }),
  ),
});
export type DashboardPaging = z.output<typeof dashboardPaging>;

export const dashboardLostFound = z.object({
  range: rangeEcho,
  /** Items received, returned to their owners (claims) and handed over to finance (items in handover batches), per period. */
  periods: z.array(periodSpan.extend({ received: count, returned: count, handedOver: count })),
});
export type DashboardLostFound = z.output<typeof dashboardLostFound>;

/** Every dashboard read: a manager's, over a range, answering its series. */
const figures = <O extends z.ZodType>(summary: string, output: O) => method({ summary, access: MANAGERS, mode: 'read', input: dashboardRange, output });

export const dashboardMethods = {
  'dashboard.rentals': figures('Rental check-outs per hour of the day and per period, by item type: to staff the counter for the peak.', dashboardRentals),
  'dashboard.complaints': figures('Complaints received per period, by category and by department.', dashboardComplaints),
  'dashboard.paging': figures(
    'Paging response per period: median and 90th percentile minutes to first airing, share contacted within 5 minutes, requests.',
    dashboardPaging,
  ),
  'dashboard.lostFound': figures('Lost and found per period: items received, returned to their owners, handed over to finance.', dashboardLostFound),
};
