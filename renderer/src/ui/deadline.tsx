import { useEffect, useState } from 'react';
import { Badge } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { durationText, readDeadline } from '@shared/rules/deadline';
import { formatParkTime, parkDate } from '@shared/rules/time';
import { useT } from '../app/i18n';
import { usePark } from '../app/park';

export { durationText } from '@shared/rules/deadline';

/** "14:05" today, "11-30 14:05" another day: when something was done, short. */
export function useWhen() {
  const { info } = usePark();
  return (at: number, now: number) => {
    const time = formatParkTime(at, info.timeZone);
    const day = parkDate(at, info.timeZone);
    return day === parkDate(now, info.timeZone) ? time : `${day.slice(5)} ${time}`;
  };
}

/** The park's "now", ticking every `everyMs` (the counter PC's clock, whatever this screen's says). */
export function useParkNow(everyMs = 15_000): number {
  const { offsetMs } = usePark();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), everyMs);
    return () => window.clearInterval(timer);
  }, [offsetMs, everyMs]);
  return now;
}


const COLORS = { ok: 'gray', warn: 'yellow', late: 'red' } as const;

/** A deadline in the one clock language: "2 min left" neutral, amber near the limit, "overdue 3 min" red. */
export function DeadlineBadge({ deadline, warnMs, now }: { deadline: number; warnMs: number; now: number }) {
  const t = useT();
  const reading = readDeadline(now, deadline, warnMs);
  const text =
    reading.state === 'late'
      ? reading.minutes === 0
        ? t('clock.due')
        : t('clock.overdue', { time: durationText(t, reading.minutes) })
      : t('clock.left', { time: durationText(t, reading.minutes) });
  return (
    <Badge
      size="lg"
      variant={reading.state === 'late' ? 'filled' : 'light'}
      color={COLORS[reading.state]}
      leftSection={<IconClock size={14} />}
      data-state={reading.state}
    >
      {text}
    </Badge>
  );
}
