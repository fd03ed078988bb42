import type { EventDef, MethodDef } from './define';

/** Programme: methods and live events (being built). */
export const programmeMethods = {} satisfies Record<string, MethodDef>;
export const programmeEvents = {} satisfies Record<string, EventDef>;
