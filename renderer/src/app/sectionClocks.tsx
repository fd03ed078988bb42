import { Badge } from '@mantine/core';
import { COMPLAINT_CLOCK_WARN_MS } from '@shared/rules/complaints';
import { clockAlert, type Clock, type ClockAlert } from '@shared/rules/deadline';
import { NOTIFY_WARN_MS } from '@shared/rules/incidents';
import { ARRIVAL_WARN_MS, slipClocks } from '@shared/rules/paging';
import { useMethod } from '../api/hooks';
import { useParkNow } from '../ui/deadline';
import { useT } from './i18n';

/**
 * The counter's running clocks by section, for the menu: a clerk serving the rentals queue sees an
 * incident's 30 minutes turn amber, or their paging request not yet taken by the broadcast room,
 * without leaving the screen they are on. The sections' own reads (of the complaints, their running
 * clocks alone), kept live by the same events; read against the park's ticking clock.
 */
export function useSectionClocks(enabled: boolean): Record<string, ClockAlert | undefined> {
  const now = useParkNow(15_000);
  const options = { enabled };
  const paging = useMethod('paging.queue', {}, options);
  const incidents = useMethod('incidents.open', {}, options);
  const complaints = useMethod('complaints.clocks', {}, options);
  const rentals = useMethod('rentals.board', {}, options);
  const handover = useMethod('lostFound.handover.due', {}, options);
  if (!enabled) return {};

  const pagingClocks: Clock[] = (paging.data ?? []).flatMap((slip) => Object.values(slipClocks(slip)));
  const incidentClocks: Clock[] = (incidents.data?.incidents ?? []).filter((incident) => incident.noticeDoneAt === null).map((incident) => ({ dueAt: incident.notifyDeadline, warnMs: NOTIFY_WARN_MS }));
  const complaintClocks: Clock[] = (complaints.data ?? []).map(({ clock, dueAt }) => ({ dueAt, warnMs: clock === 'arrival' ? ARRIVAL_WARN_MS : COMPLAINT_CLOCK_WARN_MS[clock] }));

  return {
    '/counter/rentals': clockAlert([], now, rentals.data?.overdue ?? 0),
    '/counter/lost-found': clockAlert([], now, handover.data?.overdue ?? 0),
    '/counter/paging': clockAlert(pagingClocks, now),
    '/counter/complaints': clockAlert(complaintClocks, now),
    '/counter/incidents': clockAlert(incidentClocks, now),
  };
}

/** The menu's count of a section's clocks needing attention: red when one is past its limit, amber when near. */
export function SectionBadge({ alert }: { alert: ClockAlert | undefined }) {
  const t = useT();
  if (!alert) return null;
  const count = alert.late + alert.warn;
  return (
    <Badge
      size="lg"
      circle={count < 10}
      color={alert.late > 0 ? 'red' : 'yellow'}
      variant="filled"
      autoContrast
      aria-label={t('nav.clocks', { late: alert.late, warn: alert.warn })}
      data-testid="section-clocks"
      data-state={alert.late > 0 ? 'late' : 'warn'}
    >
      {count}
    </Badge>
  );
}
