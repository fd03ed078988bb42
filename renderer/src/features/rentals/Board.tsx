import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import type { ItemTypeView, Output } from '@shared/contract';
import { useAction } from '../../api/hooks';
import { notifyOutcome } from '../../ui/notify';
import { useLanguage, useT } from '../../app/i18n';
import { Money } from '../../ui/money';
import { InspectionDeadline } from './InspectionDeadline';

/** One tap hands out one free item of the type (a map, a sewing kit), said in a notice. */
export function HandOutButton({ type, size }: { type: ItemTypeView; size?: 'sm' | 'md' }) {
  const t = useT();
  const { language } = useLanguage();
  const handOut = useAction('rentals.handOut', ['rentals.board']);
  const name = language === 'zh-CN' ? type.nameZh : type.nameEn;
  return (
    <Button
      size={size}
      variant="light"
      color="grape"
      style={{ flexShrink: 0 }}
      leftSection={<IconGift size={18} />}
      loading={handOut.isPending}
      aria-label={`${t('rentals.board.handOutOne')} ${name}`}
      onClick={() => void notifyOutcome(t, handOut.mutateAsync({ typeId: type.id }), t('rentals.board.handedOut', { name }))}
    >
      {t('rentals.board.handOutOne')}
    </Button>
  );
}

/** A free item handed out and not returned (a sewing kit): today's count and one tap to hand one out. */
function HandOutCard({ type }: { type: ItemTypeView }) {
  const t = useT();
  const { language } = useLanguage();
  const name = language === 'zh-CN' ? type.nameZh : type.nameEn;
  return (
    <Paper withBorder radius="lg" p="md" data-testid={`board-${type.code}`}>
      <Text fw={700} fz="lg">
        {name}
      </Text>
      <Group gap="xs" align="baseline" mt={4}>
        <Text fz={34} fw={800} lh={1} data-testid="handed-out">
          {type.handedOutToday}
        </Text>
        <Text c="dimmed">{t('rentals.board.handedOutToday', { count: type.handedOutToday })}</Text>
      </Group>
      <Box mt="xs">
        <HandOutButton type={type} />
      </Box>
    </Paper>
  );
}

/** A type lent against a deposit: how many are available, out, to inspect and under repair. */
function TypeCard({ type }: { type: ItemTypeView }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <Paper withBorder radius="lg" p="md" data-testid={`board-${type.code}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={700} fz="lg" miw={0}>
          {language === 'zh-CN' ? type.nameZh : type.nameEn}
        </Text>
        {type.depositFen > 0 ? (
          <Box style={{ flexShrink: 0 }}>
            <Money fen={type.depositFen} fz="sm" c="dimmed" />
          </Box>
        ) : (
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {t('rentals.board.free')}
          </Badge>
        )}
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
  );
}

/** Availability by item type, live on every station. */
export function Board({ board }: { board: Output<'rentals.board'> }) {
  const t = useT();
  const types = board.types.filter((type) => type.active);
  return (
    // At most four cards a row below 1408 px (a card keeps room for its name and deposit), six above.
    <SimpleGrid cols={{ base: 2, lg: Math.min(Math.max(types.length, 3) + 1, 4), xl: Math.min(Math.max(types.length, 3), 5) + 1 }} spacing="md">
      {types.map((type) => (type.handOut ? <HandOutCard key={type.id} type={type} /> : <TypeCard key={type.id} type={type} />))}
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
