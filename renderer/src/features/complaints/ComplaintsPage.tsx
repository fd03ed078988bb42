import { useState } from 'react';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMessageReport, IconSearch } from '@tabler/icons-react';
import type { Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkNow } from '../../ui/deadline';
import { ComplaintDrawer } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';
import { ComplaintList } from './ComplaintList';

const VIEWS = ['open', 'day', 'mine', 'all'] as const;
type View = (typeof VIEWS)[number];

/** The counter's complaints: log a walk-in complaint while the visitor talks (F2), follow every clock, open one to act on it. */
export function ComplaintsPage() {
  const t = useT();
  const now = useParkNow(10_000);
  const [view, setView] = useState<View>('open');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number>();
  useHotkeys([['F2', () => setCreating(true)]], []);
  const listView: Input<'complaints.list'>['view'] = view;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('complaints.title')}
        </Title>
        <Button size="lg" leftSection={<IconMessageReport size={22} />} onClick={() => setCreating(true)}>
          {t('complaints.actions.new')}{' '}
          <Badge ml={8} variant="white" color="dark">
            F2
          </Badge>
        </Button>
      </Group>
      <Paper withBorder radius="lg" p="md">
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
      </Paper>
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
