import type { ReactNode } from 'react';
import { Badge, Button, Center, Group, Loader, Paper, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBuildingCommunity, IconUsersGroup } from '@tabler/icons-react';
import type { ComplaintView, Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { ComplaintClocks } from './Clocks';
import { useWhen } from '../../ui/deadline';
import { ShowOlder } from '../../ui/fields';
import { useOlderPages } from '../../ui/pages';
import { LevelBadge, SeverityBadge, StatusBadge, useDepartmentName } from './parts';

/** Complaints per page of a list ("show older" fetches the next). */
export const PAGE = 25;

type ListView = Input<'complaints.list'>['view'];

/** One complaint in a list: number, status and who handles it; channel, category, department; the clocks. A big touch target. */
export function ComplaintRow({ complaint, now, onOpen }: { complaint: ComplaintView; now: number; onOpen(id: number): void }) {
  const t = useT();
  const when = useWhen();
  const departmentName = useDepartmentName();
  return (
    <Paper withBorder radius="lg" p={0} data-testid={`complaint-${complaint.complaintNo}`} data-status={complaint.status}>
      <UnstyledButton onClick={() => onOpen(complaint.id)} w="100%" p="md" style={{ borderRadius: 'var(--mantine-radius-lg)' }}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text ff="monospace" fw={800} fz={18}>
                {complaint.complaintNo}
              </Text>
              <StatusBadge status={complaint.status} />
              {complaint.level !== 'frontline' ? <LevelBadge level={complaint.level} /> : null}
              {complaint.severity === 'high' || complaint.severity === 'critical' ? <SeverityBadge severity={complaint.severity} /> : null}
              {complaint.group ? (
                <Badge size="lg" variant="light" color="violet" leftSection={<IconUsersGroup size={14} />}>
                  {t('complaints.ui.groupOf', { count: complaint.groupSize ?? 0 })}
                </Badge>
              ) : null}
            </Group>
            <Group gap="md">
              <Text fz="md" fw={600}>
                {t(`complaints.channels.${complaint.channel}`)} · {t(`complaints.categories.${complaint.category}`)}
              </Text>
              <Group gap={4} wrap="nowrap" c={complaint.department ? 'dark.6' : 'orange.9'}>
                <IconBuildingCommunity size={18} aria-hidden />
                <Text fz="md" fw={600} span>
                  <VisuallyHidden>{t('complaints.fields.department')}: </VisuallyHidden>
                  {departmentName(complaint.department, t('complaints.ui.noDepartment'))}
                </Text>
              </Group>
            </Group>
            {/* Two lines: beside the clocks a line holds only a few words of what happened. */}
            <Text fz="md" lineClamp={2} c="dark.5">
              {complaint.complainantName} — {complaint.description}
            </Text>
            <Text fz="sm" c="dark.4">
              {t('complaints.ui.receivedLine', { time: when(complaint.receivedAt, now), name: complaint.receivedBy?.name ?? '' })}
            </Text>
          </Stack>
          <ComplaintClocks complaint={complaint} now={now} compact />
        </Group>
      </UnstyledButton>
    </Paper>
  );
}

function ListPage({ input, now, onOpen, onMore, isFirst, empty }: { input: Input<'complaints.list'>; now: number; onOpen(id: number): void; onMore?: (beforeId: number) => void; isFirst: boolean; empty: ReactNode }) {
  const t = useT();
  const list = useMethod('complaints.list', input);
  if (list.isLoading) {
    return (
      <Center py="lg">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (list.error) {
    return (
      <Group>
        <Text c="red.8">{t(list.error.body.message, list.error.body.params)}</Text>
        <Button variant="default" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </Group>
    );
  }
  const rows = list.data?.rows ?? [];
  const next = list.data?.nextBeforeId ?? null;
  return (
    <>
      {isFirst && rows.length === 0 ? empty : null}
      {rows.map((complaint) => (
        <ComplaintRow key={complaint.id} complaint={complaint} now={now} onOpen={onOpen} />
      ))}
      <ShowOlder next={next} onMore={onMore} />
    </>
  );
}

/** A list of complaints of one view and search, newest first, with "show older" pages. */
export function ComplaintList({ view, query, now, onOpen, empty }: { view: ListView; query: string; now: number; onOpen(id: number): void; empty: ReactNode }) {
  const base: Input<'complaints.list'> = { view, limit: PAGE, ...(query ? { query } : {}) };
  // The first page's read (shared with its page): once it changes (one recorded, one closed off the
  // open view), older pages are let go rather than left to skip or repeat rows.
  const first = useMethod('complaints.list', base).data;
  const { starts, moreAt } = useOlderPages(`${view ?? ''}|${query}|${first?.rows[0]?.id ?? ''}|${first?.nextBeforeId ?? ''}`);
  return (
    <Stack gap="sm" data-testid="complaint-list">
      {starts.map((beforeId, index) => (
        <ListPage
          key={beforeId ?? 'first'}
          input={beforeId === undefined ? base : { ...base, beforeId }}
          now={now}
          onOpen={onOpen}
          isFirst={index === 0}
          empty={empty}
          onMore={moreAt(index)}
        />
      ))}
    </Stack>
  );
}
