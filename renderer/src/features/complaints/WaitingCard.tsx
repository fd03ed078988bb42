import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'wouter';
import type { Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { ComplaintDrawer } from './ComplaintDetail';
import { ComplaintList, PAGE } from './ComplaintList';
import { SUMMARY_PATH } from './SummaryStatus';

/** Open complaints at duty-manager level or above: escalated (taken on or still to decide) and group complaints. */
const WAITING: Input<'complaints.list'> = { view: 'dutyManager', limit: PAGE };

/** How many complaints wait at duty-manager level: "3", or "25+" when there are more than a page. */
export function useWaitingCount(): string | undefined {
  const waiting = useMethod('complaints.list', WAITING);
  return waiting.data ? `${waiting.data.rows.length}${waiting.data.nextBeforeId === null ? '' : '+'}` : undefined;
}

/** The complaints waiting at duty-manager level, with what the list holds said first. */
export function WaitingList({ now, onOpen }: { now: number; onOpen(id: number): void }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Text c="dark.4">{t('complaints.manager.waitingIntro')}</Text>
      <ComplaintList
        view="dutyManager"
        query=""
        now={now}
        onOpen={onOpen}
        empty={
          <Text c="dark.4" fz="lg" ta="center" py="xl">
            {t('complaints.empty.dutyManager')}
          </Text>
        }
      />
    </Stack>
  );
}

/** For the duty manager's home: the complaints waiting at their level, each opened in place. */
export function WaitingComplaintsCard() {
  const t = useT();
  const now = useParkNow(10_000);
  const count = useWaitingCount();
  const [openId, setOpenId] = useState<number>();
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label={t('approvals.home.waitingComplaints')} data-testid="waiting-complaints">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <IconInbox size={22} />
          <Title order={2} fz="lg">
            {t('approvals.home.waitingComplaints')}
          </Title>
          {count ? (
            <Badge variant="light" color={count === '0' ? 'gray' : 'violet'} data-testid="waiting-count">
              {count}
            </Badge>
          ) : null}
        </Group>
        <Anchor component={Link} href={SUMMARY_PATH}>
          {t('approvals.home.allComplaints')} →
        </Anchor>
      </Group>
      <WaitingList now={now} onOpen={setOpenId} />
      <ComplaintDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </Paper>
  );
}
