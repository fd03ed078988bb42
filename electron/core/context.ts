import type { EventName, EventPayload, Input, MethodName, Output, ParsedInput, Role } from '@shared/contract';
import type { Clock } from '@shared/rules/time';
import type { SessionStore } from './auth/sessions';
import type { Db } from './db/open';
import type { Presence } from './auth/presence';

/** The signed-in staff member making a call. */
export interface Actor {
  id: number;
  name: string;
  role: Role;
}

export interface AuditEntry {
  action: string;
  /** The staff member the row is for when the call has no signed-in actor (set-up, kiosk exit). */
  actorId?: number;
  entity?: string;
  entityId?: string | number;
  detail?: Record<string, unknown>;
}

/** Everything a handler may know about its call; writes go through `audit` and `emit`. */
export interface CallContext {
  /** The instant of this call, from the injected clock: one value for the whole call. */
  readonly now: number;
  readonly actor: Actor | null;
  readonly token: string | null;
  /** Where the call came from: `local` (the kiosk window) or `http:<address>` (a station). */
  readonly origin: string;
  /** The paired station the call came through; null on the counter PC itself. */
  readonly stationId: number | null;
  /** Records an audit row in the call's transaction. */
  audit(entry: AuditEntry): void;
  /** Queues a live event; delivered only once the call's writes are committed. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** Shared parts of the core the domain modules are built from. */
export interface Services {
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  /** The screens listening now (live streams open), by role: whether the broadcast room is on line. */
  presence: Presence;
  dataDir: string;
  version: string;
  /** Set while a backup is being restored: every call is refused until it is done. */
  gate: { restoring: boolean };
  /** Sharing on the park LAN, as the transport that listens reports it. */
  lan: LanState;
  /** The database driver's addon for this runtime (Electron's), for connections opened off the main thread. */
  nativeBinding?: string | undefined;
}

/** What the LAN listener reports: whether it listens, where, with which certificate, or why not. */
export interface LanState {
  listening: boolean;
  port: number | null;
  addresses: string[];
  /** SHA-256 fingerprint of the certificate it serves (`94:02:E7:…`). */
  fingerprint: string | null;
  problem: string | null;
}

export const LAN_OFF: LanState = { listening: false, port: null, addresses: [], fingerprint: null, problem: null };

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers one domain module provides, e.g. `HandlersFor<keyof typeof staffMethods>`. */
export type HandlersFor<M extends MethodName> = { [K in M]: Handler<K> };

/** The actor of a call whose method is not public: the dispatcher guarantees it. */
export function actorOf(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('a staff-only handler ran without a signed-in actor');
  return ctx.actor;
}

/**
 * Another domain's read, run in this call (same clock, same actor) without a second access check:
 * the day close and the dashboard compose the domains' own figures instead of recomputing them.
 */
export type Reader = <M extends MethodName>(method: M, input: Input<M>, ctx: CallContext) => Promise<Output<M>>;
