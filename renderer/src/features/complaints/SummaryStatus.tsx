import { Button } from '@mantine/core';
import { IconAlarm, IconAlertTriangle } from '@tabler/icons-react';
import { Link, useLocation } from 'wouter';
import { MANAGERS, type SummaryView } from '@shared/contract';
import { readDeadline } from '@shared/rules/deadline';
import { SUMMARY_REMINDER_MS } from '@shared/rules/complaints';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useMethod } from '../../api/hooks';
import { durationText, useParkNow } from '../../ui/deadline';
import { liveState, SummaryBanner } from './SummaryPanel';

/** Where the duty manager closes the day's complaint summary. */
export const SUMMARY_PATH = '/manager/complaints';

/** Today's complaint summary and the park's now, for managers (nothing is read for other roles). */
function useTodaySummary(): { summary: SummaryView | undefined; now: number } {
  const { session } = useSession();
  const role = session?.staff.role;
  const allowed = role !== undefined && MANAGERS.includes(role);
  const now = useParkNow(15_000);
  const today = useMethod('complaints.summary', {}, { enabled: allowed, refetchInterval: 60_000 });
  return { summary: allowed ? today.data : undefined, now };
}

/**
 * The header reminder for managers: amber from 30 minutes before the summary's deadline (20:00 for
 * 20:30), red once the deadline has passed, until the summary is closed. Hidden on the summary's
 * own page, which shows the full banner instead.
 */
export function SummaryReminder() {
  const t = useT();
  const [location, navigate] = useLocation();
  const { summary, now } = useTodaySummary();
  if (!summary || location === SUMMARY_PATH) return null;
  const state = liveState(summary, now);
  if (state !== 'reminder' && state !== 'late') return null;
  const reading = readDeadline(now, summary.deadlineAt, SUMMARY_REMINDER_MS);
  const span = durationText(t, reading.minutes);
  const late = state === 'late';
  return (
    <Button
      size="md"
      h={44}
      color={late ? 'red' : 'yellow'}
      variant={late ? 'filled' : 'light'}
      leftSection={late ? <IconAlertTriangle size={18} /> : <IconAlarm size={18} />}
      onClick={() => navigate(SUMMARY_PATH)}
      data-testid="summary-reminder"
      data-header-reminder
      data-state={state}
      aria-live="polite"
      maw={340}
      // The 20:30 clock is what the manager must read: the header's other badges give way first.
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
    >
      {late
        ? t('complaints.summary.headerLate', { time: summary.deadline, overdue: reading.minutes === 0 ? t('clock.due') : t('clock.overdue', { time: span }) })
        : t('complaints.summary.headerDue', { time: summary.deadline, left: t('clock.left', { time: span }) })}
    </Button>
  );
}

/** For the duty manager's home: today's summary, where it stands, the time left to its deadline, and the way to it. */
export function TodaySummaryBanner() {
  const t = useT();
  const { summary, now } = useTodaySummary();
  if (!summary) return null;
  const state = liveState(summary, now);
  return (
    <SummaryBanner
      summary={summary}
      now={now}
      action={
        <Button component={Link} href={SUMMARY_PATH} variant={state === 'late' ? 'white' : 'default'} color={state === 'late' ? 'red' : undefined}>
          {t('complaints.ui.openSummary')}
        </Button>
      }
    />
  );
}
