import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clockSync } from '../api/transport';
import type { SystemInfo } from '@shared/contract';
import { formatParkDateTime, formatParkMonthDayTime, formatParkTime, parkDate } from '@shared/rules/time';

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

/**
 * Times as the park reads them, in the park's time zone, 24-hour, the same in both languages and on
 * paper: `HH:mm`, `YYYY-MM-DD`, `YYYY-MM-DD HH:mm`, `MM-DD HH:mm` where the year goes without saying,
 * and `stamp` with the seconds (the audit log).
 */
export function useParkFormat() {
  const { info } = usePark();
  return useMemo(() => {
    const timeZone = info.timeZone;
    return {
      time: (at: number) => formatParkTime(at, timeZone),
      date: (at: number) => parkDate(at, timeZone),
      dateTime: (at: number) => formatParkDateTime(at, timeZone),
      monthDayTime: (at: number) => formatParkMonthDayTime(at, timeZone),
      stamp: (at: number) => formatParkDateTime(at, timeZone, { seconds: true }),
    };
  }, [info.timeZone]);
}
