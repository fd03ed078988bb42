import { useState } from 'react';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Badge, Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconBell, IconPencil, IconPrinter, IconSearch, IconUserCheck, IconX } from '@tabler/icons-react';
import type { PagingView } from '@shared/contract';
import { isSlipOpen } from '@shared/rules/paging';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { notifyError, notifySuccess } from '../../ui/notify';
import { CloseModal } from './CloseModal';
import { PagingStats } from './PagingStats';
import { RequestForm } from './RequestForm';
import { RoomPresence } from './RoomPresence';
import { ScriptsPanel } from './ScriptsPanel';
import { SlipCard } from './SlipCard';
import { ReadFailed } from '../../ui/readFailed';

/** The counter's paging: register at once (F2), follow today's requests, record a department head's arrival. */
export function PagingPage() {
  const t = useT();
  const { session } = useSession();
  const manager = session?.staff.role === 'manager' || session?.staff.role === 'admin';
  const [form, setForm] = useState<{ initial?: PagingView } | undefined>();
  const [closing, setClosing] = useState<{ slip: PagingView; outcome: 'resolved' | 'cancelled' }>();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const list = useMethod('paging.list', debounced ? { query: debounced } : {});
  const arrived = useAction('paging.arrived', ['paging.list', 'paging.queue', 'paging.stats']);
  const printSlip = useAction('paging.printSlip');
  const now = useParkNow(5_000);
  useHotkeys([['F2', () => setForm((current) => current ?? {})]], []);
  const slips = list.data ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('paging.title')}
        </Title>
        <Button size="lg" leftSection={<IconBell size={22} />} onClick={() => setForm({})}>
          {t('paging.actions.newRequest')} <Badge ml={8} variant="white" color="dark">F2</Badge>
        </Button>
      </Group>
      <RoomPresence />
      <PagingStats />
      <Paper withBorder radius="lg" p="md">
        <Tabs defaultValue="today" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="today">{t('paging.counter.today')}</Tabs.Tab>
            {manager ? <Tabs.Tab value="scripts">{t('paging.actions.scripts')}</Tabs.Tab> : null}
          </Tabs.List>
          <Tabs.Panel value="today">
            <TextInput
              leftSection={<IconSearch size={18} />}
              placeholder={t('paging.counter.searchPlaceholder')}
              aria-label={t('common.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={360}
              mb="md"
            />
            <Stack gap="md">
              <ReadFailed read={list} />
              {slips.length === 0 && !list.isLoading && !list.error ? <Text c="dimmed">{t('paging.queue.empty')}</Text> : null}
              {slips.map((slip) => {
                const open = isSlipOpen(slip);
                return (
                  <SlipCard key={slip.id} slip={slip} now={now}>
                    <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => printSlip.mutateAsync({ id: slip.id }).then(() => notifySuccess(t('paging.actions.printSlip')), (e: unknown) => notifyError(t, e))}>
                      {t('paging.actions.printSlip')}
                    </Button>
                    {open ? (
                      <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setForm({ initial: slip })}>
                        {t('paging.actions.edit')}
                      </Button>
                    ) : null}
                    {open && slip.kind === 'summonHead' && slip.firstAiredAt !== null ? (
                      <Button color="teal" leftSection={<IconUserCheck size={18} />} onClick={() => arrived.mutateAsync({ id: slip.id }).catch((e: unknown) => notifyError(t, e))}>
                        {t('paging.actions.arrived')}
                      </Button>
                    ) : null}
                    {open && slip.kind === 'missingPerson' ? (
                      <Button color="teal" variant="light" onClick={() => setClosing({ slip, outcome: 'resolved' })}>
                        {t('paging.actions.resolve')}
                      </Button>
                    ) : null}
                    {open ? (
                      <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => setClosing({ slip, outcome: 'cancelled' })}>
                        {t('paging.actions.cancel')}
                      </Button>
                    ) : null}
                  </SlipCard>
                );
              })}
            </Stack>
          </Tabs.Panel>
          {manager ? (
            <Tabs.Panel value="scripts">
              <ScriptsPanel />
            </Tabs.Panel>
          ) : null}
        </Tabs>
      </Paper>
      {form ? <RequestForm initial={form.initial} onClose={() => setForm(undefined)} /> : null}
      {closing ? <CloseModal slip={closing.slip} outcome={closing.outcome} onClose={() => setClosing(undefined)} /> : null}
    </Stack>
  );
}
