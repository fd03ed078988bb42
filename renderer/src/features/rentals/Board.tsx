import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Output } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { Money } from '../../ui/money';
import { InspectionDeadline } from './InspectionDeadline';

/** Availability by item type, live on every station. */
export function Board({ board }: { board: Output<'rentals.board'> }) {
  const t = useT();
  const { language } = useLanguage();
  const types = board.types.filter((type) => type.active);
  return (
    <SimpleGrid cols={{ base: 2, lg: Math.min(Math.max(types.length, 3), 5) + 1 }} spacing="md">
      {types.map((type) => (
        <Paper key={type.id} withBorder radius="lg" p="md" data-testid={`board-${type.code}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text fw={700} fz="lg">
              {language === 'zh-CN' ? type.nameZh : type.nameEn}
            </Text>
            {type.depositFen > 0 ? <Money fen={type.depositFen} fz="sm" c="dimmed" /> : <Badge variant="light">{t('rentals.board.free')}</Badge>}
          </Group>
          <Group gap="xs" align="baseline" mt={4}>
            <Text fz={34} fw={800} lh={1} c={type.counts.available > 0 ? 'park.8' : 'red.8'} data-testid="available">
              {type.counts.available}
            </Text>
            <Text c="dimmed">{t('rentals.board.available')}</Text>
          </Group>
          <Group gap={6} mt="xs">
            <Badge variant="light" color="blue">
              {type.counts.out} {t('rentals.board.out')}
            </Badge>
            {type.counts.inspectionDue > 0 ? (
              <Badge variant="light" color="yellow">
                {type.counts.inspectionDue} {t('rentals.board.inspectionDue')}
              </Badge>
            ) : null}
            {type.counts.repair > 0 ? (
              <Badge variant="light" color="red">
                {type.counts.repair} {t('rentals.board.repair')}
              </Badge>
            ) : null}
          </Group>
        </Paper>
      ))}
      <Paper withBorder radius="lg" p="md" bg="gray.0">
        <Stack gap={4}>
          <Text c="dimmed">{t('rentals.board.held')}</Text>
          <Money fen={board.heldFen} fz={26} fw={800} />
          <Text fz="sm">{t('rentals.board.heldCount', { count: board.out })}</Text>
          {board.overdue > 0 ? (
            <Badge color="red" variant="filled">
              {t('rentals.board.overdue', { count: board.overdue })}
            </Badge>
          ) : null}
          {board.toInspect > 0 ? (
            <Stack gap={2}>
              <Text fz="sm">{t('rentals.board.toInspect', { count: board.toInspect })}</Text>
              <InspectionDeadline toInspect={board.toInspect} parkDate={board.parkDate} />
            </Stack>
          ) : null}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
