import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHourglass, IconMoodKid, IconPencil } from '@tabler/icons-react';
import type { PagingView } from '@shared/contract';
import { isSlipOpen, pagingRef, slipClocks } from '@shared/rules/paging';
import { MINUTE } from '@shared/rules/time';
import { useLanguage, useT } from '../../app/i18n';
import { DeadlineBadge, durationText, useWhen } from '../../ui/deadline';

const STATUS_COLORS = { registered: 'red', acknowledged: 'blue', aired: 'teal', resolved: 'gray', cancelled: 'gray' } as const;

/** One paging slip: what to announce (both languages), its clocks, and the actions given. */
export function SlipCard({ slip, now, large, fresh, children }: { slip: PagingView; now: number; large?: boolean; fresh?: boolean; children?: ReactNode }) {
  const t = useT();
  const { language } = useLanguage();
  // A slip from an earlier day says its date with its time.
  const when = useWhen();
  const child = slip.details.kind === 'missingPerson' && slip.details.child;
  const open = isSlipOpen(slip);
  const running = slipClocks(slip);
  return (
    <Paper
      withBorder
      radius="lg"
      p={large ? 'lg' : 'md'}
      data-testid={`slip-${slip.id}`}
      data-status={slip.status}
      data-fresh={fresh ? 'true' : undefined}
      style={{
        borderWidth: child || fresh ? 3 : 1,
        borderColor: fresh ? 'var(--mantine-color-yellow-6)' : child ? 'var(--mantine-color-red-6)' : undefined,
        boxShadow: fresh ? '0 0 0 4px var(--mantine-color-yellow-2)' : undefined,
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            {child ? <IconMoodKid size={26} color="var(--mantine-color-red-7)" aria-hidden /> : null}
            <Text fw={800} fz={large ? 24 : 19}>
              {child ? t('paging.scriptKinds.missingChild') : t(`paging.kinds.${slip.kind}`)}
            </Text>
            {/* The reference on its printed slip and in the day close. */}
            <Text ff="monospace" fw={700} fz={large ? 20 : 16} c="dark.4" data-testid="paging-ref">
              {pagingRef(slip.id)}
            </Text>
            <Badge color={STATUS_COLORS[slip.status]} variant={slip.status === 'registered' ? 'filled' : 'light'} size="lg">
              {t(`paging.statuses.${slip.status}`)}
            </Badge>
            {slip.editedAt !== null ? (
              // Changed by the counter: read the new words, not the ones read before.
              <Badge color="orange" variant="light" size="lg" leftSection={<IconPencil size={14} />} style={{ textTransform: 'none' }} data-testid="edited">
                {t('paging.queue.edited', { time: when(slip.editedAt, now) })}
              </Badge>
            ) : null}
            {slip.source !== 'counter' ? (
              <Badge variant="outline" color="gray">
                {t(slip.source === 'lostFound' ? 'paging.queue.fromLostFound' : 'paging.queue.fromComplaint')}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs" justify="flex-end">
            <Badge size="lg" variant="light" color="gray" leftSection={<IconHourglass size={14} />} style={{ textTransform: 'none' }} data-testid="elapsed">
              {t('paging.queue.elapsed', { time: durationText(t, Math.max(0, Math.floor(((slip.closedAt ?? now) - slip.createdAt) / MINUTE))) })}
            </Badge>
            {running.contact ? <DeadlineBadge deadline={running.contact.dueAt} warnMs={running.contact.warnMs} now={now} /> : null}
            {slip.acknowledgedAt !== null && slip.contactLate ? (
              <Badge color="red" variant="light">
                {t('paging.queue.contactClock')} · {t('paging.queue.late')}
              </Badge>
            ) : null}
            {running.arrival ? (
              <Group gap={4}>
                <Text fz="sm" c="dimmed">
                  {t('paging.queue.arrivalClock')}
                </Text>
                <DeadlineBadge deadline={running.arrival.dueAt} warnMs={running.arrival.warnMs} now={now} />
              </Group>
            ) : null}
            {slip.arrivedAt !== null ? (
              <Badge color={slip.arrivalLate ? 'red' : 'teal'} variant="light">
                {slip.arrivalLate
                  ? t('paging.queue.arrivedLate', { minutes: Math.max(1, Math.ceil(((slip.arrivedAt ?? 0) - (slip.arrivalDueAt ?? 0)) / 60_000)) })
                  : t('paging.queue.arrivedOnTime')}
              </Badge>
            ) : null}
            {open && slip.nextAiringAt !== null ? <DeadlineBadge deadline={slip.nextAiringAt} warnMs={2 * 60_000} now={now} /> : null}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: slip.scriptEn ? 2 : 1 }} spacing="md">
          <Text fz={large ? 22 : 17} lh={1.6} lang="zh-CN" data-testid="script-zh">
            {slip.scriptZh}
          </Text>
          {slip.scriptEn ? (
            <Text fz={large ? 20 : 16} lh={1.5} lang="en" c="dark.6" data-testid="script-en">
              {slip.scriptEn}
            </Text>
          ) : null}
        </SimpleGrid>
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Text fz="sm" c="dimmed">
              {t('paging.queue.registeredAt', { time: when(slip.createdAt, now), name: slip.createdBy?.name ?? '' })}
              {slip.department ? ` · ${language === 'zh-CN' ? slip.department.nameZh : slip.department.nameEn}` : ''}
              {slip.details.kind === 'summonHead' && slip.details.reason ? ` · ${slip.details.reason}` : ''}
              {slip.details.kind === 'missingPerson' ? ` · ${slip.details.guardianName} ${slip.details.guardianPhone}` : ''}
            </Text>
            {slip.airCount > 0 && slip.lastAiredAt !== null ? (
              <Text fz="sm" c="dimmed">
                {t('paging.queue.aired', { count: slip.airCount, time: when(slip.lastAiredAt, now) })}
                {slip.nextAiringAt !== null && open ? ` · ${t('paging.queue.nextAiring', { time: when(slip.nextAiringAt, now) })}` : ''}
              </Text>
            ) : null}
            {slip.closeNote ? <Text fz="sm">{slip.closeNote}</Text> : null}
          </Stack>
          {children ? <Group gap="xs">{children}</Group> : null}
        </Group>
      </Stack>
    </Paper>
  );
}
