import { describe, expect, it } from 'vitest';
import { dashboardRange, fieldErrorsOf, type DashboardPaging, type DashboardRentals } from '@shared/contract';
import {
  csvFileName,
  datesBetween,
  hasFigures,
  listPeriods,
  MAX_RANGE_DAYS,
  minutesOf,
  pagingTable,
  percentile,
  percentOf,
  periodKey,
  presetRange,
  rangeDays,
  rentalsByHourTable,
  shiftDate,
  toCsv,
  type ChartTable,
} from '@shared/rules/dashboard';
import { translator } from '@shared/i18n';
import { MINUTE } from '@shared/rules/time';
import { frameOf } from '../../electron/core/dashboard/frame';

const en = { t: translator('en'), language: 'en' as const };

describe('periods', () => {
  it('start weeks on Monday, across a month and a year (ISO week numbers)', () => {
    expect(periodKey('2026-11-29', 'week')).toBe('2026-W48'); // a Sunday: the week of Monday 23 November
    expect(periodKey('2026-11-30', 'week')).toBe('2026-W49'); // Monday starts the next one
    expect(periodKey('2027-01-03', 'week')).toBe('2026-W53'); // early January can belong to the last ISO week of the year before
    expect(periodKey('2027-01-04', 'week')).toBe('2027-W01');
    expect(periodKey('2025-12-29', 'week')).toBe('2026-W01'); // and late December to the first of the next
  });

  it('cut quarters at 31 March / 1 April and at the new year', () => {
    expect(periodKey('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodKey('2026-12-31', 'quarter')).toBe('2026-Q4');
    expect(periodKey('2027-01-01', 'quarter')).toBe('2027-Q1');
    expect(periodKey('2026-02-28', 'day')).toBe('2026-02-28');
  });

  it('list the periods of a range, each cut to the range', () => {
    expect(listPeriods({ from: '2026-11-25', to: '2026-12-08', granularity: 'week' })).toEqual([
      { key: '2026-W48', from: '2026-11-25', to: '2026-11-29' },
      { key: '2026-W49', from: '2026-11-30', to: '2026-12-06' },
      { key: '2026-W50', from: '2026-12-07', to: '2026-12-08' },
    ]);
    expect(listPeriods({ from: '2026-02-15', to: '2026-07-01', granularity: 'quarter' })).toEqual([
      { key: '2026-Q1', from: '2026-02-15', to: '2026-03-31' },
      { key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' },
      { key: '2026-Q3', from: '2026-07-01', to: '2026-07-01' },
    ]);
    expect(listPeriods({ from: '2028-02-28', to: '2028-03-01', granularity: 'day' }).map((p) => p.key)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('count days and shift dates over month ends and leap days, whatever the machine’s zone', () => {
    expect(rangeDays('2026-11-29', '2026-11-29')).toBe(1);
    expect(rangeDays('2027-01-01', '2028-12-31')).toBe(MAX_RANGE_DAYS);
    expect(shiftDate('2026-03-31', 1)).toBe('2026-04-01');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(datesBetween('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('give the presets: 7 days by day, 12 weeks from a Monday, 4 quarters with the current one', () => {
    expect(presetRange('days7', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29', granularity: 'day' });
    const weeks = presetRange('weeks12', '2026-11-29');
    expect(weeks).toEqual({ from: '2026-09-07', to: '2026-11-29', granularity: 'week' });
    expect(listPeriods(weeks)).toHaveLength(12);
    expect(listPeriods(weeks)[0]).toEqual({ key: '2026-W37', from: '2026-09-07', to: '2026-09-13' });
    const quarters = presetRange('quarters4', '2026-11-29');
    expect(quarters).toEqual({ from: '2026-01-01', to: '2026-11-29', granularity: 'quarter' });
    expect(listPeriods(quarters).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(listPeriods(presetRange('quarters4', '2026-01-05')).map((p) => p.key)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
  });
});

describe('the range a chart may ask for', () => {
  const errors = (input: unknown) => {
    const parsed = dashboardRange.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  };

  it('accepts up to two years, from before to', () => {
    expect(errors({ from: '2027-01-01', to: '2028-12-31', granularity: 'quarter' })).toEqual({});
    expect(errors({ from: '2026-11-29', to: '2026-11-29', granularity: 'day' })).toEqual({});
  });

  it('refuses an end before the start, a range over two years, bad dates and groupings, with catalog keys', () => {
    expect(errors({ from: '2026-11-30', to: '2026-11-29', granularity: 'day' })).toEqual({ to: { key: 'dashboard.errors.toBeforeFrom' } });
    expect(errors({ from: '2026-12-31', to: '2028-12-31', granularity: 'week' })).toEqual({ from: { key: 'dashboard.errors.rangeTooLong' } });
    expect(errors({ from: '2026-02-30', to: '2026-03-01', granularity: 'day' })).toEqual({ from: { key: 'validation.date' } });
    expect(errors({ from: '2026-02-01', to: '2026-03-01', granularity: 'month' })).toEqual({ granularity: { key: 'validation.invalidOption' } });
    expect(errors({ from: '2026-02-01', to: '2026-03-01', granularity: 'day', extra: 1 })).toEqual({ '': { key: 'validation.unknownField' } });
  });
});

describe('the park day in Asia/Shanghai', () => {
  const frame = frameOf({ from: '2026-11-29', to: '2026-11-30', granularity: 'day' }, 'Asia/Shanghai');

  it('starts and ends at Shanghai midnight (16:00 UTC the day before)', () => {
    expect(frame.start).toBe(Date.parse('2026-11-28T16:00:00Z'));
    expect(frame.end).toBe(Date.parse('2026-11-30T16:00:00Z'));
    expect(frame.locate(frame.start - 1)).toBeUndefined();
    expect(frame.locate(frame.end)).toBeUndefined();
  });

  it('puts 23:59 on the 29th in that day’s last hour, and midnight in the next day’s first', () => {
    expect(frame.locate(Date.parse('2026-11-29T15:59:59.999Z'))).toEqual({ period: 0, hour: 23 });
    expect(frame.locate(Date.parse('2026-11-29T16:00:00Z'))).toEqual({ period: 1, hour: 0 });
    expect(frame.locate(Date.parse('2026-11-29T02:14:00Z'))).toEqual({ period: 0, hour: 10 });
    expect(frame.periodOfDate('2026-11-30')).toBe(1);
    expect(frame.periodOfDate('2026-12-01')).toBeUndefined();
  });

  it('puts Sunday night and Monday morning in different weeks', () => {
    const weeks = frameOf({ from: '2026-11-23', to: '2026-12-06', granularity: 'week' }, 'Asia/Shanghai');
    expect(weeks.periods.map((p) => p.key)).toEqual(['2026-W48', '2026-W49']);
    expect(weeks.locate(Date.parse('2026-11-29T15:30:00Z'))).toEqual({ period: 0, hour: 23 });
    expect(weeks.locate(Date.parse('2026-11-29T16:30:00Z'))).toEqual({ period: 1, hour: 0 });
  });

  it('still reads the hour right on a day with a clock change (Europe/Berlin, 29 March 2026 has 23 hours)', () => {
    const berlin = frameOf({ from: '2026-03-29', to: '2026-03-29', granularity: 'day' }, 'Europe/Berlin');
    expect(berlin.end - berlin.start).toBe(23 * 60 * MINUTE);
    expect(berlin.locate(Date.parse('2026-03-29T00:30:00Z'))).toEqual({ period: 0, hour: 1 });
    expect(berlin.locate(Date.parse('2026-03-29T01:30:00Z'))).toEqual({ period: 0, hour: 3 });
  });
});

describe('figures', () => {
  it('take the 90th percentile by nearest rank, and show minutes and shares with one decimal', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(minutesOf(4.5 * MINUTE)).toBe(4.5);
    expect(minutesOf(2 * MINUTE + 5_000)).toBe(2.1);
    expect(minutesOf(null)).toBeNull();
    expect(percentOf(2 / 3)).toBe(66.7);
    expect(percentOf(null)).toBeNull();
  });
});

describe('CSV exports', () => {
  const rentals: DashboardRentals = {
    range: { from: '2026-11-29', to: '2026-11-29', granularity: 'day' },
    types: [
      { code: 'wheelchair', nameZh: '轮椅', nameEn: 'Wheelchair' },
      { code: 'stroller', nameZh: '婴儿车', nameEn: 'Stroller, "big"' },
    ],
    byHour: Array.from({ length: 24 }, (_, hour): DashboardRentals['byHour'][number] => (hour === 10 ? { hour, counts: { wheelchair: 2, stroller: 1 }, total: 3 } : { hour, counts: {}, total: 0 })),
    periods: [{ key: '2026-11-29', from: '2026-11-29', to: '2026-11-29', counts: { wheelchair: 2, stroller: 1 }, total: 3 }],
  };

  it('are UTF-8 with a byte-order mark, CRLF, a header row and one row per plotted point', () => {
    const table = rentalsByHourTable(rentals, en);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFHour,Wheelchair,"Stroller, ""big""",Total\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(1 + 24);
    expect(lines[11]).toBe('10:00,2,1,3');
    expect(lines[1]).toBe('00:00,0,0,0');
  });

  it('hold the same cells as the chart’s table, labels in the chosen language', () => {
    const zh = rentalsByHourTable(rentals, { t: translator('zh-CN'), language: 'zh-CN' });
    expect(zh.columns.map((c) => c.label)).toEqual(['时段', '轮椅', '婴儿车', '合计']);
    expect(zh.rows).toEqual(rentalsByHourTable(rentals, en).rows);
    expect(toCsv(zh).split('\r\n')[0]).toBe('\uFEFF时段,轮椅,婴儿车,合计');
  });

  it('leave a missing figure empty and keep text from running as a spreadsheet formula', () => {
    const quiet: DashboardPaging['periods'][number] = { key: '2026-11-29', from: '2026-11-29', to: '2026-11-29', count: 0, responded: 0, medianMs: null, p90Ms: null, within5: 0, due: 0, shareWithin5: null };
    const paging: DashboardPaging = { range: { from: '2026-11-29', to: '2026-11-29', granularity: 'day' }, periods: [quiet] };
    const csv = toCsv(pagingTable(paging, en));
    expect(csv.split('\r\n')[0]).toBe('\uFEFFPeriod,Requests,Median (min),90th percentile (min),Contacted within 5 min,Share within 5 min (%)');
    const weekly = pagingTable({ range: { ...paging.range, granularity: 'week' }, periods: [{ ...quiet, key: '2026-W48', from: '2026-11-23' }] }, en);
    expect(toCsv(weekly).split('\r\n').slice(0, 2)).toEqual(['\uFEFFPeriod,From,To,Requests,Median (min),90th percentile (min),Contacted within 5 min,Share within 5 min (%)', '2026-W48,2026-11-23,2026-11-29,0,,,0,']);
    expect(csv.split('\r\n')[1]).toBe('2026-11-29,0,,,0,'); // a day is its own dates: no from and to columns
    const table: ChartTable = { chart: 'complaintsByDepartment', columns: [{ key: 'x', label: 'Department', role: 'x' }], rows: [['=HYPERLINK("x")'], ['-1'], ['@SUM']] };
    expect(toCsv(table).split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""x"")"`, "'-1", "'@SUM"]);
  });

  it('are named after the chart and the range, and an all-zero chart shows as empty', () => {
    expect(csvFileName('rentalsByHour', rentals.range)).toBe('dashboard-rentalsByHour-2026-11-29-2026-11-29-day.csv');
    expect(hasFigures(rentalsByHourTable(rentals, en))).toBe(true);
    expect(hasFigures(rentalsByHourTable({ ...rentals, byHour: rentals.byHour.map((row) => ({ ...row, counts: {}, total: 0 })) }, en))).toBe(false);
    // Requests of which none was contacted in 5 minutes: 0%, a figure, not an empty chart.
    const period = { key: '2026-11-29', from: '2026-11-29', to: '2026-11-29' };
    const range = { from: '2026-11-29', to: '2026-11-29', granularity: 'day' as const };
    const slow = { ...period, count: 5, responded: 0, medianMs: null, p90Ms: null, within5: 0, due: 5, shareWithin5: 0 };
    expect(hasFigures(pagingTable({ range, periods: [slow] }, en))).toBe(true);
    expect(hasFigures(pagingTable({ range, periods: [{ ...slow, count: 0, due: 0, shareWithin5: null }] }, en))).toBe(false);
  });
});
