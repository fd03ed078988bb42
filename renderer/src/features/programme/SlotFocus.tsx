import { useState } from 'react';
import { Badge, Button, Divider, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconMicrophone, IconSpeakerphone, IconTool } from '@tabler/icons-react';
import { checkInput, type DaySlot } from '@shared/contract';
import { canMarkAired } from '@shared/rules/programme';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { AiredBadge, CheckClock, useSlotSpan, useSlotTitle } from './SlotStatus';

const REFRESH = ['programme.day'] as const;

/** A problem found at the check: recorded with what is wrong. */
function ProblemModal({ slot, date, onClose }: { slot: DaySlot; date: string; onClose(): void }) {
  const t = useT();
  const title = useSlotTitle();
  const check = useAction('programme.check', [...REFRESH]);
  const form = useContractForm(checkInput, { defaultValues: { slotId: slot.id, date, ok: false, note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note'], check.mutateAsync, () => {
    notifySuccess(t('programme.check.signed', { time: slot.airsAt }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('programme.check.problemTitle', { time: slot.airsAt, title: title(slot) })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('programme.check.problemHint')}</Text>
          <Textarea label={t('programme.fields.note')} withAsterisk autosize minRows={2} data-autofocus {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t('programme.check.problemSubmit')} loading={check.isPending} color="orange" />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The slot the broadcast room works on now: its time, the big "Equipment checked" action while
 * the check is due, and the standard texts large enough to read from across the room.
 */
export function SlotFocus({ slot, date, today, now, label }: { slot: DaySlot; date: string; today: boolean; now: number; label: string }) {
  const t = useT();
  const title = useSlotTitle();
  const span = useSlotSpan();
  const format = useParkFormat();
  const check = useAction('programme.check', [...REFRESH]);
  const aired = useAction('programme.aired', [...REFRESH]);
  const [problem, setProblem] = useState(false);

  const signOk = async () => {
    try {
      await check.mutateAsync({ slotId: slot.id, date, ok: true });
      notifySuccess(t('programme.check.signed', { time: slot.airsAt }));
    } catch (error) {
      notifyError(t, error);
    }
  };
  const markAired = async () => {
    try {
      const done = await aired.mutateAsync({ slotId: slot.id, date });
      notifySuccess(t('programme.aired.marked', { time: format.time(done.aired?.at ?? now) }));
    } catch (error) {
      notifyError(t, error);
    }
  };

  const canCheck = today && !slot.check && (slot.checkState === 'due' || slot.checkState === 'missed');
  // Marking aired comes after the check: not offered while the check is still due.
  const canAir = today && !slot.aired && slot.checkState !== 'due' && canMarkAired(slot, now);
  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs" data-testid="slot-focus" data-slot={slot.id} aria-label={`${slot.airsAt} ${title(slot)}`} component="section">
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm" fw={700} c="dimmed" tt="uppercase">
              {label}
            </Text>
            <Badge size="lg" variant="light" color="park" style={{ textTransform: 'none', flexShrink: 0 }}>
              {t(`programme.kinds.${slot.kind}`)} · {t('programme.day.length', { count: slot.durationMinutes })}
            </Badge>
          </Group>
          <Group gap="md" align="baseline" wrap="wrap">
            <Text fz={44} fw={800} lh={1.05} ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="focus-time">
              {span(slot)}
            </Text>
            <Title order={2} fz={30}>
              {title(slot)}
            </Title>
          </Group>
        </Stack>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <CheckClock slot={slot} now={now} size="xl" />
            <AiredBadge slot={slot} />
          </Group>
          {today ? (
            <Group gap="sm">
              {canCheck && slot.checkState === 'due' ? (
                <Button size="xl" h={64} leftSection={<IconCircleCheck size={28} />} onClick={() => void signOk()} loading={check.isPending}>
                  {t('programme.check.action')}
                </Button>
              ) : null}
              {canCheck && slot.checkState === 'missed' ? (
                <Button size="lg" variant="default" leftSection={<IconCircleCheck size={22} />} onClick={() => void signOk()} loading={check.isPending}>
                  {t('programme.check.lateAction')}
                </Button>
              ) : null}
              {canCheck ? (
                <Button size="lg" variant="light" color="orange" leftSection={<IconTool size={22} />} onClick={() => setProblem(true)}>
                  {t('programme.check.reportProblem')}
                </Button>
              ) : null}
              {canAir ? (
                <Button size="lg" variant="light" leftSection={<IconMicrophone size={22} />} onClick={() => void markAired()} loading={aired.isPending}>
                  {t('programme.aired.action')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
        <Divider />
        <Stack gap="sm">
          <Group gap={6}>
            <IconSpeakerphone size={20} aria-hidden />
            <Text fw={700}>{t('programme.day.script')}</Text>
          </Group>
          <Text fz={24} lh={1.65} lang="zh-CN" data-testid="script-zh">
            {slot.scriptZh}
          </Text>
          <Text fz={20} lh={1.55} lang="en" data-testid="script-en">
            {slot.scriptEn}
          </Text>
          {slot.notesZh || slot.notesEn ? (
            <Text fz="md" c="dimmed">
              <Text span fw={700}>
                {t('programme.day.notes')}:
              </Text>{' '}
              {[slot.notesZh, slot.notesEn].filter(Boolean).join(' / ')}
            </Text>
          ) : null}
        </Stack>
      </Stack>
      {problem ? <ProblemModal slot={slot} date={date} onClose={() => setProblem(false)} /> : null}
    </Paper>
  );
}
