import { useEffect, useRef } from 'react';
import type { EventName, LiveEvent } from '@shared/contract';

/** Runs `handler` for each live event of a name (the session re-dispatches every event on window). */
export function useLiveEvent<E extends EventName>(name: E, handler: (event: Extract<LiveEvent, { name: E }>) => void): void {
  const current = useRef(handler);
  useEffect(() => {
    current.current = handler;
  }, [handler]);
  useEffect(() => {
    const listener = (event: Event) => {
      const live = (event as CustomEvent<LiveEvent>).detail;
      if (live.name === name) current.current(live as Extract<LiveEvent, { name: E }>);
    };
    window.addEventListener('parkdesk:event', listener);
    return () => window.removeEventListener('parkdesk:event', listener);
  }, [name]);
}
