import type { EventDef, MethodDef } from './define';

/** Incidents: methods and live events (being built). */
export const incidentsMethods = {} satisfies Record<string, MethodDef>;
export const incidentsEvents = {} satisfies Record<string, EventDef>;
