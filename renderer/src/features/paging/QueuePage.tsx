import { useState } from 'react';
import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCheck, IconHandStop, IconPlayerPlay, IconPrinter, IconRepeat, IconVolume, IconX } from '@tabler/icons-react';
import type { PagingView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { notifyError, notifySuccess } from '../../ui/notify';
import { speak } from './alert';
import { CloseModal } from './CloseModal';
import { SlipCard } from './SlipCard';
import { usePagingAlerts } from './PagingAlerts';
import { ReadFailed } from '../../ui/readFailed';

const REFRESH = ['paging.queue', 'paging.list', 'paging.stats'] as const;

/** The broadcast room's home: the live queue, highest priority first, with standard scripts and clocks. */
export function QueuePage() {
  const t = useT();
  const queue = useMethod('paging.queue', {}, { refetchInterval: 60_000 });
  const now = useParkNow(5_000);
  // The chime, the notice and the highlight of new slips live in the shell (every broadcast screen has them).
  const { sound, setSound, fresh } = usePagingAlerts();
  const [closing, setClosing] = useState<{ slip: PagingView; outcome: 'resolved' | 'cancelled' }>();
  const acknowledge = useAction('paging.acknowledge', [...REFRESH]);
  const aired = useAction('paging.aired', [...REFRESH]);
  const repeat = useAction('paging.repeat', [...REFRESH]);
  const printSlip = useAction('paging.printSlip');

  const run = (action: { mutateAsync(input: { id: number }): Promise<unknown> }, slip: PagingView) =>
    action.mutateAsync({ id: slip.id }).catch((error: unknown) => notifyError(t, error));

  const slips = queue.data ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('paging.queueTitle')}
        </Title>
        <Switch size="lg" label={t('paging.actions.soundOn')} checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} thumbIcon={<IconVolume size={12} />} />
      </Group>
      <ReadFailed read={queue} />
      {slips.length === 0 && !queue.isLoading && !queue.error ? (
        <Text c="dimmed" fz="xl" ta="center" py={80}>
          {t('paging.queue.empty')}
        </Text>
      ) : null}
      {slips.map((slip) => (
        <SlipCard key={slip.id} slip={slip} now={now} large fresh={fresh.has(slip.id)}>
          <Button variant="subtle" leftSection={<IconPlayerPlay size={18} />} onClick={() => speak(slip.scriptZh, 'zh-CN')} aria-label={`${t('paging.actions.readAloud')} ${t('lang.zh-CN')} ${slip.id}`}>
            {/* Each script's language by its own name, as the language switch names them. */}
            {t('paging.actions.readAloud')} {t('lang.zh-CN')}
          </Button>
          {slip.scriptEn ? (
            <Button variant="subtle" leftSection={<IconPlayerPlay size={18} />} onClick={() => speak(slip.scriptEn, 'en')} aria-label={`${t('paging.actions.readAloud')} ${t('lang.en')} ${slip.id}`}>
              {t('paging.actions.readAloud')} {t('lang.en')}
            </Button>
          ) : null}
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => void run(printSlip, slip).then(() => notifySuccess(t('paging.actions.printSlip')))}>
            {t('paging.actions.printSlip')}
          </Button>
          {slip.acknowledgedAt === null ? (
            <Button size="lg" color="blue" leftSection={<IconHandStop size={20} />} onClick={() => void run(acknowledge, slip)}>
              {t('paging.actions.acknowledge')}
            </Button>
          ) : null}
          {slip.firstAiredAt === null ? (
            <Button size="lg" leftSection={<IconCheck size={20} />} onClick={() => void run(aired, slip)}>
              {t('paging.actions.aired')}
            </Button>
          ) : (
            <Button size="lg" variant="light" leftSection={<IconRepeat size={20} />} onClick={() => void run(repeat, slip)}>
              {t('paging.actions.repeat')}
            </Button>
          )}
          {slip.firstAiredAt !== null && slip.kind !== 'summonHead' ? (
            <Button size="lg" color="teal" variant="light" onClick={() => setClosing({ slip, outcome: 'resolved' })}>
              {t('paging.actions.resolve')}
            </Button>
          ) : null}
          <Button size="lg" variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => setClosing({ slip, outcome: 'cancelled' })}>
            {t('paging.actions.cancel')}
          </Button>
        </SlipCard>
      ))}
      {closing ? <CloseModal slip={closing.slip} outcome={closing.outcome} onClose={() => setClosing(undefined)} /> : null}
    </Stack>
  );
}
