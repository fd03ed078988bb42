import { useState } from 'react';
import { Badge, Button, Paper, Stack, Tabs, Title } from '@mantine/core';
import { IconCalendarCog, IconChartBar, IconClipboardList, IconInbox } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { CalendarPanel } from './CalendarPanel';
import { ComplaintDrawer } from './ComplaintDetail';
import { liveState, SummaryBanner, SummaryPanel } from './SummaryPanel';
import { TrendsPanel } from './TrendsPanel';
import { useWaitingCount, WaitingList } from './WaitingCard';

/**
 * The duty manager's complaints: what waits on them (escalated and group complaints), the day's
 * summary to close by 20:30, the trends, and the park's own working days.
 */
export function ComplaintsManagerPage() {
  const t = useT();
  const now = useParkNow(10_000);
  const [tab, setTab] = useState<string | null>('waiting');
  const [openId, setOpenId] = useState<number>();
  const today = useMethod('complaints.summary', {});
  const waitingCount = useWaitingCount();

  return (
    <Stack gap="lg">
      <Title order={1} fz={28}>
        {t('nav.complaintSummary')}
      </Title>
      {today.data && tab !== 'summary' ? (
        <SummaryBanner
          summary={today.data}
          now={now}
          action={
            <Button variant={liveState(today.data, now) === 'late' ? 'white' : 'default'} color={liveState(today.data, now) === 'late' ? 'red' : undefined} onClick={() => setTab('summary')}>
              {t('complaints.ui.openSummary')}
            </Button>
          }
        />
      ) : null}
      <Paper withBorder radius="lg" p="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="waiting" leftSection={<IconInbox size={18} />}>
              {t('complaints.manager.waiting')}
              {waitingCount && waitingCount !== '0' ? (
                <Badge ml={6} color="violet" size="sm" data-testid="waiting-count">
                  {waitingCount}
                </Badge>
              ) : null}
            </Tabs.Tab>
            <Tabs.Tab value="summary" leftSection={<IconClipboardList size={18} />}>
              {t('complaints.summary.title')}
            </Tabs.Tab>
            <Tabs.Tab value="trends" leftSection={<IconChartBar size={18} />}>
              {t('complaints.manager.trends')}
            </Tabs.Tab>
            <Tabs.Tab value="calendar" leftSection={<IconCalendarCog size={18} />}>
              {t('complaints.manager.calendar')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="waiting">
            <WaitingList now={now} onOpen={setOpenId} />
          </Tabs.Panel>
          <Tabs.Panel value="summary">
            <SummaryPanel />
          </Tabs.Panel>
          <Tabs.Panel value="trends">
            <TrendsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="calendar">
            <CalendarPanel />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <ComplaintDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </Stack>
  );
}
