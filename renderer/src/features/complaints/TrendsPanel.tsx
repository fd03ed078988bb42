import { useId, useMemo, useState } from 'react';
import { Center, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COMPLAINT_CATEGORIES } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';

/** Distinct colours that keep apart on a projector and in print (Mantine's 6-7 shades). */
const PALETTE = ['#1c7ed6', '#e8590c', '#0ca678', '#ae3ec9', '#e03131', '#f08c00', '#1098ad', '#5c940d', '#495057', '#4263eb', '#d6336c', '#7048e8'];
const WEEK_CHOICES = ['4', '8', '12', '26'] as const;

interface Series {
  key: string;
  label: string;
}

interface Row {
  week: string;
  total: number;
  [series: string]: string | number;
}

/** One stacked bar chart of complaints per week, with its data as a table for screen readers. */
function WeeklyChart({ title, rows, series, weekLabel }: { title: string; rows: Row[]; series: Series[]; weekLabel: string }) {
  const t = useT();
  const titleId = useId();
  return (
    <Paper withBorder radius="lg" p="md" component="figure" m={0} aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} fz="lg" id={titleId}>
          {title}
        </Title>
        {series.length === 0 ? (
          <Text c="dark.4">{t('complaints.trends.empty')}</Text>
        ) : (
          <div aria-hidden="true" style={{ width: '100%', height: 340 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="week" tick={{ fontSize: 13, fill: '#495057' }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 13, fill: '#495057' }} />
                <Tooltip labelFormatter={(label) => t('complaints.trends.weekOf', { date: String(label) })} />
                <Legend itemSorter={null} wrapperStyle={{ fontSize: 15 }} formatter={(value) => <span style={{ color: '#343a40' }}>{String(value)}</span>} />
                {series.map((item, index) => (
                  <Bar key={item.key} dataKey={item.key} name={item.label} stackId="week" fill={PALETTE[index % PALETTE.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <VisuallyHidden>
          <Table>
            <caption>{title}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{weekLabel}</Table.Th>
                {series.map((item) => (
                  <Table.Th key={item.key} scope="col">
                    {item.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('complaints.trends.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.week}>
                  <Table.Th scope="row">{row.week}</Table.Th>
                  {series.map((item) => (
                    <Table.Td key={item.key}>{row[item.key] ?? 0}</Table.Td>
                  ))}
                  <Table.Td>{row.total}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}

/** Complaints per category and per department over the last weeks, as charts (and tables for screen readers). */
export function TrendsPanel() {
  const t = useT();
  const { language } = useLanguage();
  const [weeks, setWeeks] = useState<(typeof WEEK_CHOICES)[number]>('12');
  const trends = useMethod('complaints.trends', { weeks: Number(weeks) });
  const departments = useMethod('departments.list', { includeInactive: true });

  const charts = useMemo(() => {
    const data = trends.data?.weeks ?? [];
    const day = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const label = (weekStart: string) => day.format(Date.parse(`${weekStart}T00:00:00Z`));
    const used = (pick: (week: (typeof data)[number]) => Record<string, number>) => new Set(data.flatMap((week) => Object.keys(pick(week))));
    const categoryKeys = used((week) => week.byCategory);
    const departmentKeys = used((week) => week.byDepartment);
    const byCode = new Map((departments.data ?? []).map((d) => [d.code, language === 'zh-CN' ? d.nameZh : d.nameEn]));
    const categories: Series[] = COMPLAINT_CATEGORIES.filter((key) => categoryKeys.has(key)).map((key) => ({ key, label: t(`complaints.categories.${key}`) }));
    const departmentSeries: Series[] = [...departmentKeys]
      .sort((a, b) => (a === 'none' ? 1 : b === 'none' ? -1 : 0))
      .map((key) => ({ key, label: key === 'none' ? t('complaints.ui.noDepartment') : (byCode.get(key) ?? key) }));
    const rows = (pick: (week: (typeof data)[number]) => Record<string, number>): Row[] =>
      data.map((week) => ({ week: label(week.weekStart), total: week.total, ...pick(week) }));
    return {
      categories,
      departments: departmentSeries,
      categoryRows: rows((week) => week.byCategory),
      departmentRows: rows((week) => week.byDepartment),
      total: data.reduce((n, week) => n + week.total, 0),
    };
  }, [trends.data, departments.data, language, t]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text fz="lg" fw={600} data-testid="trends-total">
          {t('complaints.trends.totalOver', { count: charts.total, weeks })}
        </Text>
        <SegmentedControl
          aria-label={t('complaints.trends.weeksLabel')}
          value={weeks}
          onChange={(value) => setWeeks(value as (typeof WEEK_CHOICES)[number])}
          data={WEEK_CHOICES.map((value) => ({ value, label: t('complaints.trends.weeks', { count: value }) }))}
        />
      </Group>
      {trends.isLoading ? (
        <Center py="xl">
          <Loader role="status" aria-label={t('app.loading')} />
        </Center>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          <WeeklyChart title={t('complaints.trends.byCategory')} rows={charts.categoryRows} series={charts.categories} weekLabel={t('complaints.trends.week')} />
          <WeeklyChart title={t('complaints.trends.byDepartment')} rows={charts.departmentRows} series={charts.departments} weekLabel={t('complaints.trends.week')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
