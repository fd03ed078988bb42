import { useId, useMemo, type ReactNode } from 'react';
import { Alert, Center, Loader, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { keepPreviousData, type UseQueryResult } from '@tanstack/react-query';
import type { Output } from '@shared/contract';
import {
  complaintsByCategoryTable,
  complaintsByDepartmentTable,
  lostFoundTable,
  pagingTable,
  rentalsByHourTable,
  rentalsByPeriodTable,
  type ChartTable,
  type DashboardRange,
  type Labels,
} from '@shared/rules/dashboard';
import { errorText, useLanguage, useT, type T } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { ChartPanel, type Axes } from './ChartPanel';

interface Panel {
  table: ChartTable;
  axes: Axes;
  note?: string;
}

/** The figures refresh every minute while the page is open; a new range keeps the last charts (dimmed) until its own arrive. */
const REFRESH = { refetchInterval: 60_000, placeholderData: keepPreviousData };

/**
 * A card of the dashboard: one read of the core, its charts drawn from the tables the shared
 * rules build from that read (the same tables the CSV exports write).
 */
function FigureCard<D extends { range: DashboardRange }>({ query, title, panels }: { query: UseQueryResult<D, ApiError>; title: string; panels: (data: D, labels: Labels, t: T) => Panel[] }) {
  const t = useT();
  const { language } = useLanguage();
  const titleId = useId();
  const built = useMemo(() => (query.data ? panels(query.data, { t, language }, t) : []), [query.data, panels, t, language]);
  let body: ReactNode;
  if (query.error instanceof ApiError) {
    body = (
      <Alert color="red" role="alert">
        {errorText(t, query.error.body)}
      </Alert>
    );
  } else if (!query.data) {
    body = (
      <Center py="xl">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  } else {
    // The file is named after the range of the figures it holds (while a new range loads, the last one's).
    const { range } = query.data;
    body = built.map((panel) => <ChartPanel key={panel.table.chart} title={t(`dashboard.charts.${panel.table.chart}`)} range={range} {...panel} />);
  }
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby={titleId} aria-busy={query.isPlaceholderData} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Stack gap="lg">
        <Title order={2} fz="xl" id={titleId}>
          {title}
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}

const countAxes = (t: T, x: 'hour' | 'period'): Axes => ({ x: t(`dashboard.axes.${x}`), left: t('dashboard.axes.count') });

const rentalsPanels = (data: Output<'dashboard.rentals'>, labels: Labels, t: T): Panel[] => [
  { table: rentalsByHourTable(data, labels), axes: countAxes(t, 'hour'), note: t('dashboard.notes.rentalsByHour') },
  { table: rentalsByPeriodTable(data, labels), axes: countAxes(t, 'period') },
];
const complaintsPanels = (data: Output<'dashboard.complaints'>, labels: Labels, t: T): Panel[] => [
  { table: complaintsByCategoryTable(data, labels), axes: countAxes(t, 'period') },
  { table: complaintsByDepartmentTable(data, labels), axes: countAxes(t, 'period') },
];
const pagingPanels = (data: Output<'dashboard.paging'>, labels: Labels, t: T): Panel[] => [
  {
    table: pagingTable(data, labels),
    axes: { x: t('dashboard.axes.period'), left: t('dashboard.axes.minutes'), right: t('dashboard.axes.percent'), decimals: true, limit: { value: 5, label: t('dashboard.limitLine') } },
    note: t('dashboard.notes.paging'),
  },
];
const lostFoundPanels = (data: Output<'dashboard.lostFound'>, labels: Labels, t: T): Panel[] => [{ table: lostFoundTable(data, labels), axes: countAxes(t, 'period') }];

/** The four cards: rentals, complaints, paging response, lost and found. */
export function DashboardCards({ range }: { range: DashboardRange }) {
  const t = useT();
  const rentals = useMethod('dashboard.rentals', range, REFRESH);
  const complaints = useMethod('dashboard.complaints', range, REFRESH);
  const paging = useMethod('dashboard.paging', range, REFRESH);
  const lostFound = useMethod('dashboard.lostFound', range, REFRESH);
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
      <FigureCard query={rentals} title={t('dashboard.cards.rentals')} panels={rentalsPanels} />
      <FigureCard query={complaints} title={t('dashboard.cards.complaints')} panels={complaintsPanels} />
      <FigureCard query={paging} title={t('dashboard.cards.paging')} panels={pagingPanels} />
      <FigureCard query={lostFound} title={t('dashboard.cards.lostFound')} panels={lostFoundPanels} />
    </SimpleGrid>
  );
}
