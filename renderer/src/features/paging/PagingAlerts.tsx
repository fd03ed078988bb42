import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { IconBellRinging, IconPencil } from '@tabler/icons-react';
import type { PagingKind } from '@shared/contract';
import { currentT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { notify } from '../../ui/notify';
import { SlipWatch, type SlipRef } from './alert';
import { useLiveEvent } from './useLiveEvent';

/** How long a new slip stays highlighted in the queue. */
const FRESH_MS = 60_000;

interface AlertState {
  /** The chime sounds for new slips (the operator can turn it off in the queue). */
  sound: boolean;
  /** Slips that arrived in the last minute: the queue highlights them. */
  fresh: ReadonlySet<number>;
}

/** One app runs per page, so one alert state per page, shared by the shell's watcher and the queue. */
let state: AlertState = { sound: true, fresh: new Set() };
const listeners = new Set<() => void>();

function update(change: (current: AlertState) => AlertState): void {
  state = change(state);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue's view of the alerts: whether the chime is on (and a switch for it), and which slips are new. */
export function usePagingAlerts(): AlertState & { setSound(on: boolean): void } {
  const current = useSyncExternalStore(subscribe, () => state);
  return { ...current, setSound: (on) => update((s) => ({ ...s, sound: on })) };
}

/** A slip's alert: highlighted in the queue for a minute, and a notice naming its kind. */
function alertOf(slip: SlipRef<PagingKind>, notice: { color: string; icon: ReactNode; title: 'paging.queue.newSlip' | 'paging.queue.editedSlip'; message: 'paging.queue.newSlipHint' | 'paging.queue.editedSlipHint' }): void {
  update((s) => ({ ...s, fresh: new Set([...s.fresh, slip.id]) }));
  window.setTimeout(() => update((s) => ({ ...s, fresh: new Set([...s.fresh].filter((id) => id !== slip.id)) })), FRESH_MS);
  notify({ color: notice.color, icon: notice.icon, title: currentT(notice.title, { kind: currentT(`paging.kinds.${slip.kind}`) }), message: currentT(notice.message), autoClose: 8000 });
}

/**
 * The broadcast room's alert for new paging slips, mounted by the shell for broadcast roles so it
 * works on every screen (the programme too, not only the queue): a chime and a notice for each new
 * slip, also for those registered while this station was offline (found in the queue fetched again
 * after the reconnect), and their highlight in the queue. Renders nothing itself.
 */
export function PagingAlerts() {
  // Fetched again after a reconnect (the session refreshes every read): what arrived meanwhile is news.
  const queue = useMethod('paging.queue', {}, { refetchInterval: 60_000 });
  const [watch] = useState(
    () =>
      new SlipWatch<PagingKind>({
        sound: () => state.sound,
        show: (slips) => slips.forEach((slip) => alertOf(slip, { color: 'yellow', icon: <IconBellRinging size={20} />, title: 'paging.queue.newSlip', message: 'paging.queue.newSlipHint' })),
        showEdited: (slip) => alertOf(slip, { color: 'orange', icon: <IconPencil size={20} />, title: 'paging.queue.editedSlip', message: 'paging.queue.editedSlipHint' }),
      }),
  );

  useLiveEvent('paging.created', (event) => watch.arrived([{ id: event.payload.id, kind: event.payload.kind }]));
  useLiveEvent('paging.changed', (event) => {
    const slip = event.payload.edited ? queue.data?.find((queued) => queued.id === event.payload.id) : undefined;
    if (slip) watch.edited({ id: slip.id, kind: slip.kind });
  });
  useEffect(() => {
    if (queue.data) watch.queue(queue.data.map((slip) => ({ id: slip.id, kind: slip.kind })));
  }, [queue.data, watch]);
  // Signed out: the next person starts without the last one's highlights.
  useEffect(() => () => update((s) => ({ ...s, fresh: new Set() })), []);
  return null;
}
