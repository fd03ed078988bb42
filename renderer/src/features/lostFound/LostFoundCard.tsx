import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { EmptyRow } from '../../ui/fields';
import { categoryName, HANDOVER_WARN_MS, useLfFormat } from './parts';

const FIGURES = ['receivedToday', 'held', 'openReports', 'dueThisWeek', 'overdue', 'returnedToday'] as const;

/** The day's lost-and-found figures (lostFound.summary), one tile each; overdue turns red. */
export function LostFoundStats() {
  const t = useT();
  const summary = useMethod('lostFound.summary', {});
  const data = summary.data;
  return (
    <SimpleGrid cols={6} spacing="xs" data-testid="lf-stats" style={{ flex: 1 }}>
      {FIGURES.map((figure) => {
        const value = data?.[figure];
        const alarm = figure === 'overdue' && (value ?? 0) > 0;
        return (
          // The figures line up along the bottom, whatever the lines of their names.
          <Paper
            key={figure}
            withBorder
            radius="md"
            px={6}
            py={4}
            bg={alarm ? 'red.0' : undefined}
            style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', ...(alarm ? { borderColor: 'var(--mantine-color-red-6)' } : {}) }}
          >
            {/*
              Up to three lines: on the 1024 kiosk a tile is 75 px wide and its name must read whole. The
              lines balanced, so a name breaks near its middle ("7 天内" / "待移交"), not before its last
              character ("7 天内待移" / "交").
            */}
            <Text fz="sm" lh={1.25} c={alarm ? 'red.9' : 'dimmed'} lineClamp={3} style={{ textWrap: 'balance' }}>
              {t(`lostFound.summary.${figure}`)}
            </Text>
            <Text fz={24} fw={800} lh={1.15} c={alarm ? 'red.9' : undefined} data-testid={`lf-${figure}`}>
              {value ?? '–'}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * For the duty manager's home: today's figures and what is due to go to finance, and by when
 * (lostFound.summary, lostFound.handover.due), with a link to the handover.
 */
export function LostFoundCard() {
  const t = useT();
  const format = useLfFormat();
  const now = useParkNow();
  const due = useMethod('lostFound.handover.due', {});
  const next = [...(due.data?.due ?? []), ...(due.data?.comingDue ?? [])].slice(0, 6);
  return (
    <Paper withBorder radius="lg" p="md" data-testid="lost-found-card">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <IconSearch size={22} />
          <Title order={2} fz="lg">
            {t('lostFound.summary.title')}
          </Title>
        </Group>
        <Anchor href="#/counter/lost-found">{t('lostFound.summary.open')}</Anchor>
      </Group>
      <Stack gap="sm">
        <LostFoundStats />
        <Text fw={700}>{t('lostFound.summary.nextDue')}</Text>
        <Table verticalSpacing="xs" fz="md">
          <Table.Tbody>
            {next.length === 0 && !due.isLoading ? <EmptyRow read={due} colSpan={4}>{t('lostFound.handover.noneDue')}</EmptyRow> : null}
            {next.map((item) => {
              const isDue = item.holdingUntil <= now;
              return (
                <Table.Tr key={item.id}>
                  <Table.Td ff="monospace" fw={700}>
                    {item.itemNo}
                  </Table.Td>
                  <Table.Td>
                    {categoryName(t, item.category)} · {item.description}
                  </Table.Td>
                  <Table.Td>
                    {isDue ? t('lostFound.fields.handoverDueBy') : t('lostFound.fields.holdingUntil')} {format.until(isDue ? item.handoverDueBy : item.holdingUntil)}
                  </Table.Td>
                  <Table.Td>
                    <DeadlineBadge deadline={isDue ? item.handoverDueBy : item.holdingUntil} warnMs={HANDOVER_WARN_MS} now={now} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
