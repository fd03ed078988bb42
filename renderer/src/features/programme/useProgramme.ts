import { useEffect, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DaySlot, LiveEvent } from '@shared/contract';
import { airedState, checkState } from '@shared/rules/programme';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';

/** Where the programme lives; the header reminder links here. */
export const PROGRAMME_PATH = '/broadcast/programme';

/**
 * The programme of a date (today when undefined) with every slot's check and airing state read
 * again as the park clock ticks, so the clocks turn amber and red without waiting for a fetch.
 * Event days live in Settings: a settings change makes the shifted times stale too.
 */
export function useProgrammeDay(date: string | undefined, enabled = true) {
  const queryClient = useQueryClient();
  const query = useMethod('programme.day', date ? { date } : {}, { enabled, refetchInterval: 60_000 });
  const now = useParkNow(5_000);

  useEffect(() => {
    const onEvent = (event: Event) => {
      const live = (event as CustomEvent<LiveEvent>).detail;
      if (live.name === 'settings.changed') void queryClient.invalidateQueries({ queryKey: ['programme.day'] });
    };
    window.addEventListener('parkdesk:event', onEvent);
    return () => window.removeEventListener('parkdesk:event', onEvent);
  }, [queryClient]);

  const slots = useMemo<DaySlot[]>(
    () =>
      (query.data?.slots ?? []).map((slot) => ({
        ...slot,
        checkState: checkState(now, slot, slot.check),
        airedState: airedState(now, slot, slot.aired?.at ?? null),
      })),
    [query.data, now],
  );
  return { query, day: query.data, slots, now };
}
