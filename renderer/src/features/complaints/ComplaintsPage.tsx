import { useState } from 'react';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconBulb, IconMessageReport, IconSearch } from '@tabler/icons-react';
import type { Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { ComplaintDrawer } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';
import { ComplaintList } from './ComplaintList';
import { FeedbackForm, FeedbackPanel } from './FeedbackPanel';

const VIEWS = ['open', 'day', 'mine', 'all'] as const;
type View = (typeof VIEWS)[number];

/**
 * The counter's complaints: log a walk-in complaint while the visitor talks (F2), follow every
 * clock, open one to act on it; and the visitors' opinions and requests (F3), fed back to their
 * departments by the day's summary.
 */
export function ComplaintsPage() {
  const t = useT();
  const now = useParkNow(10_000);
  const [view, setView] = useState<View>('open');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [noting, setNoting] = useState(false);
  const [tab, setTab] = useState<string | null>('complaints');
  const [openId, setOpenId] = useState<number>();
  const waiting = useMethod('complaints.feedback.list', { view: 'pending', limit: 200 }).data;
  const pending = waiting ? `${waiting.rows.length}${waiting.nextBeforeId === null ? '' : '+'}` : '0';
  const noteOne = () => {
    setTab('feedback');
    setNoting(true);
  };
  useHotkeys(
    [
      ['F2', () => setCreating(true)],
      ['F3', noteOne],
    ],
    [],
  );
  const listView: Input<'complaints.list'>['view'] = view;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('complaints.title')}
        </Title>
        <Group gap="sm">
          <Button size="lg" variant="default" leftSection={<IconBulb size={22} />} onClick={noteOne}>
            {t('complaints.feedback.actions.new')}{' '}
            <Badge ml={8} variant="light" color="dark">
              F3
            </Badge>
          </Button>
          <Button size="lg" leftSection={<IconMessageReport size={22} />} onClick={() => setCreating(true)}>
            {t('complaints.actions.new')}{' '}
            <Badge ml={8} variant="white" color="dark">
              F2
            </Badge>
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg" p="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="complaints" leftSection={<IconMessageReport size={18} />}>
              {t('complaints.feedback.complaintsTab')}
            </Tabs.Tab>
            <Tabs.Tab value="feedback" leftSection={<IconBulb size={18} />}>
              {t('complaints.feedback.title')}
              {pending !== '0' ? (
                <Badge ml={6} color="orange" size="sm" data-testid="feedback-pending">
                  {pending}
                </Badge>
              ) : null}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="complaints">
            <Group justify="space-between" mb="md" gap="sm">
              <SegmentedControl
                aria-label={t('complaints.ui.viewLabel')}
                value={view}
                onChange={(value) => setView(value as View)}
                data={VIEWS.map((value) => ({ value, label: t(`complaints.views.${value}`) }))}
              />
              <TextInput
                leftSection={<IconSearch size={18} />}
                placeholder={t('complaints.ui.searchPlaceholder')}
                aria-label={t('common.search')}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                w={380}
              />
            </Group>
            <ComplaintList
              view={listView}
              query={debounced}
              now={now}
              onOpen={setOpenId}
              empty={
                <Stack align="center" gap="xs" py="xl">
                  <Text c="dark.4" fz="lg">
                    {debounced ? t('complaints.ui.noMatch', { query: debounced }) : t(`complaints.empty.${view}`)}
                  </Text>
                  {debounced ? null : (
                    <Button variant="light" onClick={() => setCreating(true)}>
                      {t('complaints.ui.logOne')}
                    </Button>
                  )}
                </Stack>
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="feedback">
            <FeedbackPanel now={now} onNew={noteOne} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      {noting ? <FeedbackForm onClose={() => setNoting(false)} /> : null}
      {creating ? (
        <ComplaintForm
          onClose={() => setCreating(false)}
          onCreated={(complaint) => {
            setCreating(false);
            setOpenId(complaint.id);
          }}
        />
      ) : null}
      <ComplaintDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </Stack>
  );
}
