import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock } from '@tabler/icons-react';
import type { IncidentNature, IncidentStatus, IncidentSummary, MethodName } from '@shared/contract';
import { readDeadline } from '@shared/rules/deadline';
import { NOTIFY_WARN_MS } from '@shared/rules/incidents';
import { MINUTE } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { DeadlineBadge, durationText } from '../../ui/deadline';

/** The reads an incident write makes stale (the live event refreshes other screens alike). */
export const REFRESH: MethodName[] = ['incidents.get', 'incidents.list', 'incidents.open'];

const STATUS_COLORS: Record<IncidentStatus, string> = { open: 'orange', handled: 'blue', closed: 'dark' };
const NATURE_COLORS: Record<IncidentNature, string> = {
  injury: 'red',
  illness: 'pink',
  fight: 'grape',
  fire: 'red',
  lostChild: 'violet',
  rideStoppage: 'indigo',
  other: 'gray',
};

export function StatusBadge({ status, size = 'lg' }: { status: IncidentStatus; size?: 'md' | 'lg' | 'xl' }) {
  const t = useT();
  return (
    <Badge size={size} variant={status === 'closed' ? 'filled' : 'light'} color={STATUS_COLORS[status]} style={{ textTransform: 'none' }} data-testid="incident-status">
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}

export function NatureBadge({ nature, size = 'lg' }: { nature: IncidentNature; size?: 'md' | 'lg' | 'xl' }) {
  const t = useT();
  return (
    <Badge size={size} variant="light" color={NATURE_COLORS[nature]} style={{ textTransform: 'none' }}>
      {t(`incidents.nature.${nature}`)}
    </Badge>
  );
}

/**
 * The 30-minute notification clock in the one clock language: running (neutral, amber in the last
 * 10 minutes, red after) until every party the event calls for is notified; then done, green in
 * time, red flag when late.
 */
export function NoticeBadge({ incident, now, withDeadline = false }: { incident: Pick<IncidentSummary, 'notice' | 'noticeDoneAt' | 'notifyDeadline'>; now: number; withDeadline?: boolean }) {
  const t = useT();
  const format = useParkFormat();
  if (incident.noticeDoneAt === null) {
    return (
      <Stack gap={2} align="flex-start" data-testid="notice-clock" data-notice={incident.notice}>
        <DeadlineBadge deadline={incident.notifyDeadline} warnMs={NOTIFY_WARN_MS} now={now} />
        {withDeadline ? (
          <Text fz="sm" c="dimmed">
            {t('incidents.clock.notifyBy', { time: format.time(incident.notifyDeadline) })}
          </Text>
        ) : null}
      </Stack>
    );
  }
  const late = incident.notice === 'late';
  const minutes = Math.floor((incident.noticeDoneAt - incident.notifyDeadline) / MINUTE);
  return (
    <Group gap={6} data-testid="notice-clock" data-notice={incident.notice}>
      <Badge
        size="lg"
        variant={late ? 'filled' : 'light'}
        color={late ? 'red' : 'teal'}
        leftSection={late ? <IconAlertTriangle size={14} /> : <IconCircleCheck size={14} />}
        style={{ textTransform: 'none' }}
      >
        {late ? t('incidents.notice.late', { minutes }) : t('incidents.notice.inTime', { time: format.time(incident.noticeDoneAt) })}
      </Badge>
    </Group>
  );
}

const BIG_CLOCK = {
  ok: { bg: 'gray.1', c: 'dark.8' },
  warn: { bg: 'yellow.2', c: 'dark.9' },
  late: { bg: 'red.9', c: 'white' },
  inTime: { bg: 'teal.0', c: 'teal.9' },
  notifiedLate: { bg: 'red.9', c: 'white' },
} as const;

/** The notification clock, large, for the incident's own page: time left or overdue, or when they were all notified. */
export function NoticeClock({ incident, now }: { incident: Pick<IncidentSummary, 'notice' | 'noticeDoneAt' | 'notifyDeadline'>; now: number }) {
  const t = useT();
  const format = useParkFormat();
  let tone: keyof typeof BIG_CLOCK;
  let main: string;
  let sub: string;
  let state: string;
  if (incident.noticeDoneAt === null) {
    const reading = readDeadline(now, incident.notifyDeadline, NOTIFY_WARN_MS);
    tone = reading.state;
    state = reading.state;
    main =
      reading.state === 'late'
        ? reading.minutes === 0
          ? t('clock.due')
          : t('clock.overdue', { time: durationText(t, reading.minutes) })
        : t('clock.left', { time: durationText(t, reading.minutes) });
    sub = t('incidents.clock.notifyBy', { time: format.time(incident.notifyDeadline) });
  } else {
    const late = incident.notice === 'late';
    tone = late ? 'notifiedLate' : 'inTime';
    state = 'done';
    main = late ? t('incidents.notice.late', { minutes: Math.floor((incident.noticeDoneAt - incident.notifyDeadline) / MINUTE) }) : t('incidents.notice.inTime', { time: format.time(incident.noticeDoneAt) });
    sub = t('incidents.clock.limit', { time: format.time(incident.notifyDeadline) });
  }
  const colors = BIG_CLOCK[tone];
  return (
    <Paper radius="lg" p="md" bg={colors.bg} c={colors.c} miw={280} data-testid="notice-clock" data-notice={incident.notice} role="timer" aria-label={t('incidents.clock.title')}>
      <Text fz="sm" fw={600}>
        {t('incidents.clock.title')}
      </Text>
      <Group gap={8} wrap="nowrap" data-state={state}>
        {tone === 'inTime' ? <IconCircleCheck size={26} /> : tone === 'ok' ? <IconClock size={26} /> : <IconAlertTriangle size={26} />}
        <Text fz={26} fw={800} lh={1.2}>
          {main}
        </Text>
      </Group>
      <Text fz="sm">
        {sub}
      </Text>
    </Paper>
  );
}
