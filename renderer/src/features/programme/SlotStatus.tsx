import { Badge, Group, Text, type MantineSize } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconMicrophone, IconTool } from '@tabler/icons-react';
import type { DaySlot } from '@shared/contract';
import { readDeadline } from '@shared/rules/deadline';
import { CHECK_LEAD } from '@shared/rules/programme';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { durationText } from '../../ui/deadline';

/** `10:30–10:35` as the slot airs on its date. */
export function useSlotSpan() {
  const format = useParkFormat();
  return (slot: DaySlot) => `${slot.airsAt}–${format.time(slot.endsAt)}`;
}

/** The slot's title in the screen's language. */
export function useSlotTitle() {
  const { language } = useLanguage();
  return (slot: { titleZh: string; titleEn: string }) => (language === 'zh-CN' ? slot.titleZh : slot.titleEn);
}

const badgeStyle = { textTransform: 'none' } as const;

/**
 * The equipment check's clock in the one clock language: neutral until the window opens, amber
 * while the check is due (time left to the slot's start), red once missed; teal when signed.
 * `compact` (the timeline) leaves out who signed and their note.
 */
export function CheckClock({ slot, now, size = 'lg', compact = false }: { slot: DaySlot; now: number; size?: MantineSize; compact?: boolean }) {
  const t = useT();
  const format = useParkFormat();
  const { check } = slot;
  let body;
  let detail: string | undefined;
  if (slot.checkState === 'due') {
    // Inside the window the clock reads amber: the time left before the slot starts.
    const reading = readDeadline(now, slot.startsAt, CHECK_LEAD);
    body = (
      <Badge size={size} variant="light" color="yellow" leftSection={<IconClock size={14} />} style={badgeStyle} data-deadline={reading.state}>
        {t('clock.left', { time: durationText(t, reading.minutes) })}
      </Badge>
    );
  } else if (slot.checkState === 'notYet') {
    body = (
      <Badge size={size} variant="light" color="gray" leftSection={<IconClock size={14} />} style={badgeStyle}>
        {t('programme.check.opensAt', { time: format.time(slot.checkOpensAt) })}
      </Badge>
    );
  } else if (slot.checkState === 'missed') {
    body = (
      <Badge size={size} variant="filled" color="red" leftSection={<IconAlertTriangle size={14} />} style={badgeStyle}>
        {t('programme.check.missed')}
      </Badge>
    );
    if (check) detail = `${t('programme.check.missedLate', { time: format.time(check.at) })} · ${check.by.name}`;
  } else if (check && !check.ok) {
    body = (
      <Badge size={size} variant="light" color="orange" leftSection={<IconTool size={14} />} style={badgeStyle}>
        {t('programme.check.problem', { time: format.time(check.at) })}
      </Badge>
    );
    detail = t('programme.check.problemNote', { name: check.by.name, note: check.note ?? '' });
  } else {
    body = (
      <Badge size={size} variant="light" color="teal" leftSection={<IconCircleCheck size={14} />} style={badgeStyle}>
        {check ? t('programme.check.done', { time: format.time(check.at) }) : t('programme.check.states.done')}
      </Badge>
    );
    detail = check?.by.name;
  }
  return (
    <Group gap={6} wrap="wrap" data-testid="check-clock" data-state={slot.checkState}>
      <Text fz="sm" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('programme.check.label')}
      </Text>
      {body}
      {detail && !compact ? (
        <Text fz={size === 'xl' ? 'lg' : 'sm'} fw={600} data-testid="check-detail">
          {detail}
        </Text>
      ) : null}
    </Group>
  );
}

/** Whether the slot aired (who, when), airs now, is to come, or passed without a mark. */
export function AiredBadge({ slot }: { slot: DaySlot }) {
  const t = useT();
  const format = useParkFormat();
  if (slot.aired) {
    return (
      <Badge size="lg" variant="light" color="blue" leftSection={<IconMicrophone size={14} />} style={badgeStyle} data-testid="aired" data-state="aired">
        {t('programme.aired.done', { time: format.time(slot.aired.at), name: slot.aired.by.name })}
      </Badge>
    );
  }
  const color = slot.airedState === 'airing' ? 'blue' : 'gray';
  return (
    <Badge size="lg" variant={slot.airedState === 'airing' ? 'filled' : 'light'} color={color} style={badgeStyle} data-testid="aired" data-state={slot.airedState}>
      {t(`programme.aired.states.${slot.airedState}`)}
    </Badge>
  );
}
