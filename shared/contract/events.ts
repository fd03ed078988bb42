import { z } from 'zod';
import { id } from './common';
import { event } from './define';
import { printingEvents } from './printing';
import { pagingEvents } from './paging';
import { lostFoundEvents } from './lostFound';
import { complaintsEvents } from './complaints';
import { programmeEvents } from './programme';
import { incidentsEvents } from './incidents';
import { maintenanceEvents } from './maintenance';
import { approvalsEvents } from './approvals';
import { dayCloseEvents } from './dayClose';
import { stationsEvents } from './stations';
import { infoEvents } from './info';

/** Live events: the core emits them after the transaction commits; IPC and SSE deliver them. */
export const events = {
  ...printingEvents,
  ...pagingEvents,
  ...lostFoundEvents,
  ...complaintsEvents,
  ...programmeEvents,
  ...incidentsEvents,
  ...maintenanceEvents,
  ...approvalsEvents,
  ...dayCloseEvents,
  ...stationsEvents,
  ...infoEvents,
  'staff.changed': event({
    summary: 'A staff member was added or edited.',
    payload: z.object({ staffId: id }),
    affects: ['staff.list', 'auth.roster', 'auth.me'],
  }),
  'settings.changed': event({
    summary: 'Settings changed.',
    payload: z.object({ keys: z.array(z.string()) }),
    // auth.me: each screen's idle limit, which a signed-in screen follows at once.
    affects: ['settings.get', 'system.info', 'printer.status', 'programme.day', 'backups.list', 'retention.status', 'stations.status', 'auth.me'],
  }),
  'rentals.changed': event({
    summary: 'Units or rentals changed: availability, lists and deposit figures are stale.',
    payload: z.object({ unitIds: z.array(id) }),
    affects: [
      'rentals.board',
      'rentals.units.list',
      'rentals.units.lookup',
      'rentals.list',
      'rentals.cash',
      'rentals.repairs.list',
      'rentals.get',
      'rentals.shifts.current',
      'rentals.shifts.list',
      'dayClose.cash',
      'dayClose.checklist',
    ],
  }),
  'kiosk.leave': event({
    summary: 'A manager ended kiosk mode from a window; only the shell that owns that window acts on it.',
    payload: z.object({ origin: z.string(), staffId: id }),
    affects: [],
  }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

/** One delivered event, numbered so a station can tell it missed some. */
export type LiveEvent = { [E in EventName]: { seq: number; name: E; payload: EventPayload<E> } }[EventName];
