import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { PAGING_KINDS } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { durationText } from '../../ui/deadline';

/** The duty manager's paging figures for today: per kind, share within 5 minutes, median time to air, late heads. */
export function PagingStats() {
  const t = useT();
  const format = useParkFormat();
  const stats = useMethod('paging.stats', {});
  if (!stats.data) return null;
  const s = stats.data;
  const share = s.shareWithin5 === null ? t('paging.stats.none') : `${Math.round(s.shareWithin5 * 100)}%`;
  const median = s.medianToAirMs === null ? t('paging.stats.none') : durationText(t, Math.max(1, Math.round(s.medianToAirMs / 60_000)));
  return (
    <Paper withBorder radius="lg" p="md" data-testid="paging-stats">
      <Text fw={700} mb="xs">
        {t('paging.stats.title')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stack gap={0}>
          <Text c="dimmed" fz="sm">
            {t('paging.stats.total')}
          </Text>
          <Text fz={26} fw={800}>
            {s.total}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text c="dimmed" fz="sm">
            {t('paging.stats.within5')}
          </Text>
          <Text fz={26} fw={800} c={s.shareWithin5 !== null && s.shareWithin5 < 1 ? 'red.8' : undefined} data-testid="share-within-5">
            {share}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text c="dimmed" fz="sm">
            {t('paging.stats.medianToAir')}
          </Text>
          <Text fz={26} fw={800}>
            {median}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text c="dimmed" fz="sm">
            {t('paging.stats.lateHeads')}
          </Text>
          <Text fz={26} fw={800} c={s.lateHeads.length > 0 ? 'red.8' : undefined}>
            {s.lateHeads.length}
          </Text>
          {s.lateHeads.map((late) => (
            <Text key={late.id} fz="sm">
              {late.department} · {format.time(late.calledAt)} · {t('paging.queue.arrivedLate', { minutes: Math.ceil(late.lateByMs / 60_000) })}
            </Text>
          ))}
        </Stack>
      </SimpleGrid>
      {/* The requests by kind on their own line, under the figures: a long kind reads in full. */}
      <Group gap={4} mt={4} data-testid="paging-by-kind">
        {PAGING_KINDS.filter((kind) => s.byKind[kind] > 0).map((kind) => (
          <Badge key={kind} variant="light">
            {t(`paging.kinds.${kind}`)} {s.byKind[kind]}
          </Badge>
        ))}
      </Group>
    </Paper>
  );
}
