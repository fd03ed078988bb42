import { TZDate } from '@date-fns/tz';
import { addDays, addQuarters, addWeeks, differenceInCalendarDays, format, startOfISOWeek, startOfQuarter, subDays, subQuarters, subWeeks } from 'date-fns';
import type { DashboardComplaints, DashboardLostFound, DashboardPaging, DashboardRentals, PeriodSpan } from '../contract/dashboard';
import type { Language, Translate } from '../i18n';
import { DAY as DAY_MS, MINUTE } from './time';
import { csvFile, type CsvCell } from './csv';

/**
 * The duty manager's dashboard, the pure half: periods (days, ISO weeks from Monday, quarters) over
 * park dates, the period presets, and each chart's figures as one table. The chart, the table on
 * screen and the CSV export are all drawn from that one table, so they cannot disagree.
 */

export const GRANULARITIES = ['day', 'week', 'quarter'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The longest range a chart covers: two years, a leap day included. */
export const MAX_RANGE_DAYS = 731;

export const PRESETS = ['days7', 'weeks12', 'quarters4'] as const;
export type Preset = (typeof PRESETS)[number];

export interface DashboardRange {
  from: string;
  to: string;
  granularity: Granularity;
}

/** A park date as a calendar day (UTC midnight, so no local daylight saving can shift it). */
function calendarDay(date: string): TZDate {
  const [year, month, day] = date.split('-').map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, day ?? 1, 'UTC');
}

const isoOf = (day: Date) => format(day, 'yyyy-MM-dd');

/** The date `days` after (or before, when negative) a park date. */
export function shiftDate(date: string, days: number): string {
  return isoOf(addDays(calendarDay(date), days));
}

/** How many days a range holds, both ends included. */
export function rangeDays(from: string, to: string): number {
  return differenceInCalendarDays(calendarDay(to), calendarDay(from)) + 1;
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const count = Math.max(0, rangeDays(from, to));
  // Calendar dates counted on UTC midnights, which have no clock change: plain arithmetic, a year in a fraction of a millisecond.
  const [year, month, day] = from.split('-').map(Number);
  const first = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  return Array.from({ length: count }, (_, index) => new Date(first + index * DAY_MS).toISOString().slice(0, 10));
}

function periodStart(day: TZDate, granularity: Granularity): TZDate {
  if (granularity === 'week') return startOfISOWeek(day);
  return granularity === 'quarter' ? startOfQuarter(day) : day;
}

function nextPeriod(start: TZDate, granularity: Granularity): TZDate {
  if (granularity === 'week') return addWeeks(start, 1);
  return granularity === 'quarter' ? addQuarters(start, 1) : addDays(start, 1);
}

/** The period a date falls in, by its key: `2026-11-29`, `2026-W48` (ISO week, from Monday) or `2026-Q4`. */
export function periodKey(date: string, granularity: Granularity): string {
  const start = periodStart(calendarDay(date), granularity);
  if (granularity === 'week') return format(start, "RRRR-'W'II");
  return granularity === 'quarter' ? format(start, "yyyy-'Q'Q") : isoOf(start);
}

/** The periods of a range in order, each cut to the range (a custom range may start mid-week). */
export function listPeriods(range: DashboardRange): PeriodSpan[] {
  const last = calendarDay(range.to);
  const first = calendarDay(range.from);
  const periods: PeriodSpan[] = [];
  for (let start = periodStart(first, range.granularity); start <= last; start = nextPeriod(start, range.granularity)) {
    const end = subDays(nextPeriod(start, range.granularity), 1);
    periods.push({ key: periodKey(isoOf(start), range.granularity), from: isoOf(start < first ? first : start), to: isoOf(end > last ? last : end) });
  }
  return periods;
}

/** The range of a preset, ending today: 7 days by day, 12 weeks by week, 4 quarters by quarter (the current one included). */
export function presetRange(preset: Preset, today: string): DashboardRange {
  const day = calendarDay(today);
  switch (preset) {
    case 'days7':
      return { from: isoOf(subDays(day, 6)), to: today, granularity: 'day' };
    case 'weeks12':
      return { from: isoOf(subWeeks(startOfISOWeek(day), 11)), to: today, granularity: 'week' };
    case 'quarters4':
      return { from: isoOf(subQuarters(startOfQuarter(day), 3)), to: today, granularity: 'quarter' };
  }
}

/** The value at a percentile by nearest rank: the smallest value with at least p% of them at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** Milliseconds as minutes with one decimal, as charts and exports show them. */
export const minutesOf = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / (MINUTE / 10)) / 10);
/** A share (0..1) as a percentage with one decimal. */
export const percentOf = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

// ---------------------------------------------------------------------------------------------
// Each chart as one table: its columns (the x axis, the plotted series, extra figures) and one row
// per plotted point.

export const CHARTS = ['rentalsByHour', 'rentalsByPeriod', 'complaintsByCategory', 'complaintsByDepartment', 'paging', 'lostFound'] as const;
export type DashboardChart = (typeof CHARTS)[number];

export type Cell = CsvCell;

export interface ChartColumn {
  key: string;
  label: string;
  /** `x`: the horizontal axis; `series`: plotted; `info`: shown in the table and the export only. */
  role: 'x' | 'series' | 'info';
  shape?: 'bar' | 'line';
  /** Bars of the same chart stacked into one column per x value. */
  stacked?: boolean;
  /** The right axis holds a second unit (a percentage beside minutes). */
  axis?: 'left' | 'right';
}

export interface ChartTable {
  chart: DashboardChart;
  columns: ChartColumn[];
  rows: Cell[][];
}

export interface Labels {
  t: Translate;
  language: Language;
}

const named = (language: Language, item: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? item.nameZh : item.nameEn);

/** The period columns: the period, and its first and last dates (a day is its own dates: they are not repeated). */
function periodPart(t: Translate, granularity: Granularity): { columns: ChartColumn[]; cells(period: PeriodSpan): Cell[] } {
  const period: ChartColumn = { key: 'period', label: t('dashboard.columns.period'), role: 'x' };
  if (granularity === 'day') return { columns: [period], cells: (row) => [row.key] };
  return {
    columns: [period, { key: 'from', label: t('dashboard.columns.from'), role: 'info' }, { key: 'to', label: t('dashboard.columns.to'), role: 'info' }],
    cells: (row) => [row.key, row.from, row.to],
  };
}

const stackedSeries = (key: string, label: string): ChartColumn => ({ key, label, role: 'series', shape: 'bar', stacked: true });
const totalColumn = (t: Translate): ChartColumn => ({ key: 'total', label: t('dashboard.columns.total'), role: 'info' });

/** Series columns from a list of keys, and the cells of one row for them (0 where nothing was counted). */
function countColumns(keys: ReadonlyArray<{ key: string; label: string }>): { columns: ChartColumn[]; cells(counts: Readonly<Record<string, number>>): number[] } {
  return {
    columns: keys.map((item) => stackedSeries(`s:${item.key}`, item.label)),
    cells: (counts) => keys.map((item) => counts[item.key] ?? 0),
  };
}

const typeKeys = (data: DashboardRentals, language: Language) => data.types.map((type) => ({ key: type.code, label: named(language, type) }));

/** Counts per period, one stacked series per key, and the period's total. */
function countsPerPeriod<P extends PeriodSpan & { total: number }>(
  chart: DashboardChart,
  { range, periods }: { range: { granularity: Granularity }; periods: readonly P[] },
  t: Translate,
  keys: ReadonlyArray<{ key: string; label: string }>,
  counts: (row: P) => Readonly<Record<string, number>>,
): ChartTable {
  const period = periodPart(t, range.granularity);
  const series = countColumns(keys);
  return {
    chart,
    columns: [...period.columns, ...series.columns, totalColumn(t)],
    rows: periods.map((row) => [...period.cells(row), ...series.cells(counts(row)), row.total]),
  };
}

export function rentalsByHourTable(data: DashboardRentals, { t, language }: Labels): ChartTable {
  const types = countColumns(typeKeys(data, language));
  return {
    chart: 'rentalsByHour',
    columns: [{ key: 'hour', label: t('dashboard.columns.hour'), role: 'x' }, ...types.columns, totalColumn(t)],
    rows: data.byHour.map((row) => [`${String(row.hour).padStart(2, '0')}:00`, ...types.cells(row.counts), row.total]),
  };
}

export const rentalsByPeriodTable = (data: DashboardRentals, { t, language }: Labels): ChartTable =>
  countsPerPeriod('rentalsByPeriod', data, t, typeKeys(data, language), (row) => row.counts);

export const complaintsByCategoryTable = (data: DashboardComplaints, { t }: Labels): ChartTable =>
  countsPerPeriod('complaintsByCategory', data, t, data.categories.map((key) => ({ key, label: t(`complaints.categories.${key}`) })), (row) => row.byCategory);

export const complaintsByDepartmentTable = (data: DashboardComplaints, { t, language }: Labels): ChartTable =>
  countsPerPeriod(
    'complaintsByDepartment',
    data,
    t,
    data.departments.map((item) => ({ key: item.key, label: item.key === 'none' ? t('dashboard.noDepartment') : named(language, item) })),
    (row) => row.byDepartment,
  );

export function pagingTable(data: DashboardPaging, { t }: Labels): ChartTable {
  const period = periodPart(t, data.range.granularity);
  return {
    chart: 'paging',
    columns: [
      ...period.columns,
      { key: 'count', label: t('dashboard.columns.requests'), role: 'info' },
      { key: 'median', label: t('dashboard.columns.medianMinutes'), role: 'series', shape: 'bar', axis: 'left' },
      { key: 'p90', label: t('dashboard.columns.p90Minutes'), role: 'series', shape: 'bar', axis: 'left' },
      { key: 'within5', label: t('dashboard.columns.within5'), role: 'info' },
      { key: 'share', label: t('dashboard.columns.shareWithin5'), role: 'series', shape: 'line', axis: 'right' },
    ],
    rows: data.periods.map((row) => [...period.cells(row), row.count, minutesOf(row.medianMs), minutesOf(row.p90Ms), row.within5, percentOf(row.shareWithin5)]),
  };
}

export function lostFoundTable(data: DashboardLostFound, { t }: Labels): ChartTable {
  const period = periodPart(t, data.range.granularity);
  const series = (key: 'received' | 'returned' | 'handedOver'): ChartColumn => ({ key, label: t(`dashboard.columns.${key}`), role: 'series', shape: 'bar' });
  return {
    chart: 'lostFound',
    columns: [...period.columns, series('received'), series('returned'), series('handedOver')],
    rows: data.periods.map((row) => [...period.cells(row), row.received, row.returned, row.handedOver]),
  };
}

/**
 * Whether a table has anything to plot (a period with nothing recorded still has its row): a figure
 * that is not zero, plotted or counted beside (requests none of which was contacted in 5 minutes
 * plot as 0%, and that is a figure).
 */
export function hasFigures(table: ChartTable): boolean {
  const plotted = table.columns.flatMap((column, index) => (column.role === 'x' ? [] : [index]));
  return table.rows.some((row) => plotted.some((index) => typeof row[index] === 'number' && row[index] !== 0));
}

/** The table as CSV (`csvFile`): its column labels, then its rows. */
export function toCsv(table: ChartTable): string {
  return csvFile(table.columns.map((column) => column.label), table.rows);
}

/** `dashboard-rentalsByHour-2026-11-23-2026-11-29-day.csv` */
export function csvFileName(chart: DashboardChart, range: DashboardRange): string {
  return `dashboard-${chart}-${range.from}-${range.to}-${range.granularity}.csv`;
}
