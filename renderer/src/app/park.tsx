import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clockSync } from '../api/transport';
import type { SystemInfo } from '@shared/contract';
import { useLanguage } from './i18n';

interface ParkInfo {
  info: SystemInfo;
  /** The counter PC's clock minus this screen's: add it to Date.now() for the park's "now". */
  offsetMs: number;
}

interface Park extends ParkInfo {
  /** The park's "now" (the counter PC's clock), read when called: for event handlers. */
  now(): number;
}

const ParkContext = createContext<Park | undefined>(undefined);

export function ParkProvider({ info, offsetMs: initialOffset, children }: ParkInfo & { children: ReactNode }) {
  const [offsetMs, setOffset] = useState(initialOffset);
  useEffect(() => {
    // Follow the counter PC's clock as the station reports it; ignore jitter under a second.
    const listener = (event: Event) => {
      const next = (event as CustomEvent<number>).detail;
      setOffset((current) => (Math.abs(next - current) > 1000 ? next : current));
    };
    clockSync.addEventListener('offset', listener);
    return () => clockSync.removeEventListener('offset', listener);
  }, []);
  const value = useMemo(() => ({ info, offsetMs, now: () => Date.now() + offsetMs }), [info, offsetMs]);
  return <ParkContext.Provider value={value}>{children}</ParkContext.Provider>;
}

export function usePark(): Park {
  const park = useContext(ParkContext);
  if (!park) throw new Error('usePark outside ParkProvider');
  return park;
}

/** Times as the park reads them: in the park's time zone, 24-hour, in the screen's language. */
export function useParkFormat() {
  const { info } = usePark();
  const { language } = useLanguage();
  return useMemo(() => {
    const timeZone = info.timeZone;
    const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dateTime = new Intl.DateTimeFormat(language, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    return {
      time: (at: number) => time.format(at),
      dateTime: (at: number) => dateTime.format(at),
    };
  }, [info.timeZone, language]);
}
