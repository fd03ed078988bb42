import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconSpeakerphone, IconUserCheck } from '@tabler/icons-react';
import type { ComplaintView } from '@shared/contract';
import { clockState, COMPLAINT_CLOCK_WARN_MS, complaintClocks } from '@shared/rules/complaints';
import { ARRIVAL_WARN_MS } from '@shared/rules/paging';
import { MINUTE } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { DeadlineBadge, useWhen } from '../../ui/deadline';
import { isOpen } from './parts';



function Line({ name, label, state, compact, children }: { name: string; label: string; state: string; compact?: boolean; children: ReactNode }) {
  return (
    <Group gap={8} wrap="nowrap" justify={compact ? 'flex-end' : 'space-between'} data-testid={`clock-${name}`} data-state={state}>
      <Text fz="sm" c="dark.4" ta={compact ? 'right' : undefined}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/**
 * A complaint's clocks in the one clock language: same-day investigation, the 2 working days for a
 * forwarded complaint, the reply and return visit, and the department head's 10 minutes.
 * `compact` (the lists) shows only what still runs or went wrong.
 */
export function ComplaintClocks({ complaint, now, compact }: { complaint: ComplaintView; now: number; compact?: boolean }) {
  const t = useT();
  const when = useWhen();
  const open = isOpen(complaint);
  if (complaint.status === 'withdrawn' && compact) return null;
  const lines = complaintClocks(complaint).flatMap(({ name, clock }) => {
    const state = clockState(clock, open);
    if (compact && (state === 'done' || state === 'stopped')) return [];
    if (complaint.status === 'withdrawn' && clock.doneAt === null) return [];
    let badge: ReactNode;
    if (state === 'running') badge = <DeadlineBadge deadline={clock.dueAt} warnMs={COMPLAINT_CLOCK_WARN_MS[name]} now={now} />;
    else if (state === 'missed')
      badge = (
        <Badge size="lg" color="red" variant="filled">
          {t('complaints.ui.clockMissed')}
        </Badge>
      );
    else if (state === 'stopped')
      badge = (
        <Badge size="lg" color="gray" variant="light">
          {t('complaints.ui.clockNotDone')}
        </Badge>
      );
    else
      badge = (
        <Badge size="lg" color={clock.late ? 'red' : 'teal'} variant="light" leftSection={<IconCheck size={14} />}>
          {t(clock.late ? 'complaints.ui.doneLate' : 'complaints.ui.doneAt', { time: when(clock.doneAt ?? now, now) })}
        </Badge>
      );
    return [
      <Line key={name} name={name} label={t(`complaints.clocks.${name}`)} state={state} compact={compact}>
        {badge}
      </Line>,
    ];
  });
  const summon = complaint.summon;
  if (summon && !(compact && summon.arrivedAt !== null && !summon.late)) {
    let badge: ReactNode;
    let state: string;
    if (summon.arrivedAt !== null) {
      state = summon.late ? 'arrivedLate' : 'arrived';
      const lateBy = summon.arrivalDueAt === null ? 0 : Math.max(1, Math.ceil((summon.arrivedAt - summon.arrivalDueAt) / MINUTE));
      badge = (
        <Badge size="lg" color={summon.late ? 'red' : 'teal'} variant="light" leftSection={<IconUserCheck size={14} />}>
          {summon.late ? t('complaints.summon.arrivedLate', { time: when(summon.arrivedAt, now), minutes: lateBy }) : t('complaints.summon.arrived', { time: when(summon.arrivedAt, now) })}
        </Badge>
      );
    } else if (summon.endedAt !== null) {
      state = 'ended';
      badge = (
        <Badge size="lg" color="gray" variant="light" leftSection={<IconSpeakerphone size={14} />}>
          {t('complaints.summon.ended', { time: when(summon.endedAt, now) })}
        </Badge>
      );
    } else if (summon.calledAt === null || summon.arrivalDueAt === null) {
      state = 'waiting';
      badge = (
        <Badge size="lg" color="yellow" variant="light" leftSection={<IconSpeakerphone size={14} />}>
          {t('complaints.summon.waitingAir')}
        </Badge>
      );
    } else {
      state = 'running';
      badge = <DeadlineBadge deadline={summon.arrivalDueAt} warnMs={ARRIVAL_WARN_MS} now={now} />;
    }
    lines.push(
      <Line key="arrival" name="arrival" label={t('complaints.clocks.arrival')} state={state} compact={compact}>
        {badge}
      </Line>,
    );
  }
  if (lines.length === 0) return null;
  return (
    <Stack gap={6} align={compact ? 'flex-end' : 'stretch'}>
      {lines}
    </Stack>
  );
}
