import { useId, useMemo, useState, type ReactNode } from 'react';
import { Box, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconTable, IconTableOff } from '@tabler/icons-react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { csvFileName, hasFigures, toCsv, type Cell, type ChartTable, type DashboardRange } from '@shared/rules/dashboard';
import { useT } from '../../app/i18n';
import { saveCsv } from '../../ui/download';

/** Colours that keep apart on a projector and in print (Mantine's 7-8 shades, AA on white for the text). */
const PALETTE = ['#1c7ed6', '#e8590c', '#0ca678', '#ae3ec9', '#e03131', '#f08c00', '#1098ad', '#5c940d', '#495057', '#4263eb', '#d6336c', '#7048e8'];
const TICK = { fontSize: 13, fill: '#495057' };

export interface Axes {
  x: string;
  left: string;
  right?: string;
  /** A dashed line across the left axis (the 5-minute mark). */
  limit?: { value: number; label: string };
  /** Minutes and percentages have decimals; counts never do. */
  decimals?: boolean;
}

const shown = (cell: Cell) => (cell === null ? '—' : String(cell));

/** The figures of a chart as a table: the same rows the chart plots and the CSV holds. */
function FiguresTable({ table, caption }: { table: ChartTable; caption: string }) {
  // Figures are right-aligned under right-aligned headings; periods and dates keep to one line.
  const numeric = table.columns.map((_, index) => index > 0 && table.rows.every((row) => typeof row[index] === 'number' || row[index] === null));
  const align = (index: number) => (numeric[index] ? 'right' : undefined);
  return (
    <Table striped withTableBorder fz="sm" verticalSpacing={4} horizontalSpacing={8} data-testid={`table-${table.chart}`}>
      <caption>{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((column, index) => (
            <Table.Th key={column.key} scope="col" ta={align(index)}>
              {column.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ whiteSpace: 'nowrap' }}>
        {table.rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, index) =>
              index === 0 ? (
                <Table.Th key={table.columns[index]?.key} scope="row" fw={600}>
                  {shown(cell)}
                </Table.Th>
              ) : (
                <Table.Td key={table.columns[index]?.key} ta={align(index)}>
                  {shown(cell)}
                </Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One chart of the dashboard: drawn from its table, with the table itself (hidden for screen
 * readers, or shown on request) and the CSV export of the very same rows.
 */
export function ChartPanel({ table, title, axes, range, note, height = 300 }: { table: ChartTable; title: string; axes: Axes; range: DashboardRange; note?: ReactNode; height?: number }) {
  const t = useT();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const { data, series } = useMemo(() => {
    const plotted = table.columns.flatMap((column, index) => (column.role === 'series' ? [{ ...column, index, dataKey: `c${index}` }] : []));
    const x = table.columns.findIndex((column) => column.role === 'x');
    return {
      series: plotted,
      data: table.rows.map((row) => Object.fromEntries([['x', row[x] ?? ''], ...plotted.map((column) => [column.dataKey, row[column.index] ?? null])])),
    };
  }, [table]);
  const figures = <FiguresTable table={table} caption={title} />;

  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={titleId} data-testid={`chart-${table.chart}`}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="xs">
        <Title order={3} fz="lg" id={titleId}>
          {title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Button variant="subtle" leftSection={open ? <IconTableOff size={18} /> : <IconTable size={18} />} aria-expanded={open} onClick={() => setOpen((value) => !value)}>
            {open ? t('dashboard.hideTable') : t('dashboard.showTable')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDownload size={18} />}
            aria-label={t('dashboard.csvLabel', { chart: title })}
            onClick={() => saveCsv(csvFileName(table.chart, range), toCsv(table))}
          >
            {t('dashboard.csv')}
          </Button>
        </Group>
      </Group>
      {note ? (
        <Text fz="sm" c="dark.4">
          {note}
        </Text>
      ) : null}
      {hasFigures(table) ? (
        <div aria-hidden="true" style={{ width: '100%', height }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} accessibilityLayer={false} margin={{ top: 8, right: axes.right ? 8 : 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="x" tick={TICK} interval="preserveStart" minTickGap={12} label={{ value: axes.x, position: 'insideBottom', offset: -14, fill: '#343a40', fontSize: 13 }} />
              <YAxis yAxisId="left" allowDecimals={axes.decimals ?? false} tick={TICK} label={{ value: axes.left, angle: -90, position: 'insideLeft', fill: '#343a40', fontSize: 13, style: { textAnchor: 'middle' } }} />
              {axes.right ? (
                <YAxis
                  yAxisId="right"
                  orientation="right"
                  domain={[0, 100]}
                  tick={TICK}
                  label={{ value: axes.right, angle: 90, position: 'insideRight', fill: '#343a40', fontSize: 13, style: { textAnchor: 'middle' } }}
                />
              ) : null}
              <Tooltip />
              <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: 14, paddingBottom: 4 }} formatter={(value) => <span style={{ color: '#343a40' }}>{String(value)}</span>} />
              {axes.limit ? (
                <ReferenceLine yAxisId="left" y={axes.limit.value} stroke="#c92a2a" strokeDasharray="6 4" label={{ value: axes.limit.label, position: 'insideTopLeft', fill: '#c92a2a', fontSize: 13 }} />
              ) : null}
              {series.map((column, index) => {
                const colour = PALETTE[index % PALETTE.length];
                const axis = column.axis ?? 'left';
                return column.shape === 'line' ? (
                  <Line key={column.key} yAxisId={axis} dataKey={column.dataKey} name={column.label} stroke={colour} strokeWidth={3} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
                ) : (
                  <Bar key={column.key} yAxisId={axis} dataKey={column.dataKey} name={column.label} fill={colour} stackId={column.stacked ? 'stack' : undefined} isAnimationActive={false} />
                );
              })}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Text c="dark.4" py="lg" ta="center">
          {t('dashboard.empty')}
        </Text>
      )}
      {open ? (
        // Shown: it may be wider than the card, so it scrolls, and the keyboard can reach it to scroll.
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={title}>
          {figures}
        </Box>
      ) : (
        <VisuallyHidden>{figures}</VisuallyHidden>
      )}
    </Stack>
  );
}
