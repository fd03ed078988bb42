import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type FatalProblem, type MessageKey, type Settings, type Input, type LiveEvent, type MethodName, type Output, type Result } from '@shared/contract';
import { sessionIdleLimit } from '@shared/rules/sessions';
import { systemClock, type Clock } from '@shared/rules/time';
import { readSettings } from './settings/store';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { SessionStore } from './auth/sessions';
import { LAN_OFF, type Handler, type Handlers, type LanState, type Reader, type Services } from './context';
import { lockDataFolder } from './db/lock';
import { DatabaseProblem, openDatabase, type Db } from './db/open';
import { createDispatcher, type Call, type PendingEvent } from './dispatcher';
import { createPrintWorker, type PrintWorker } from './printing/worker';
import { printingHandlers } from './printing/handlers';
import { pagingHandlers } from './paging/handlers';
import { lostFoundHandlers } from './lostFound/handlers';
import { refreshSearchIndex } from './lostFound/store';
import { complaintsHandlers } from './complaints/handlers';
import { feedbackHandlers } from './complaints/feedback';
import { programmeHandlers } from './programme/handlers';
import { incidentsHandlers } from './incidents/handlers';
import { maintenanceHandlers } from './maintenance/handlers';
import { approvalsHandlers } from './approvals/handlers';
import { dayCloseHandlers } from './dayClose/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { stationsHandlers } from './stations/handlers';
import { infoHandlers } from './info/handlers';
import { stationStore, type StationCheck } from './stations/store';
import { createMaintenance, type Maintenance } from './maintenance/jobs';
import { inspectFile } from './maintenance/backups';
import { settingsHandlers } from './settings/handlers';
import { staffHandlers } from './staff/handlers';
import { rentalsHandlers } from './rentals/handlers';
import { createRentalsClock, type RentalsClock } from './rentals/clock';
import { systemHandlers } from './system/handlers';
import { Presence } from './auth/presence';

export const DATABASE_FILE = 'parkdesk.sqlite';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
  version?: string;
  validateOutputs?: boolean;
  /** Run the background workers (the print queue). Tests leave them off and drive them by hand. */
  startWorkers?: boolean;
  /** Databases larger than this are checked after opening, off the main thread (default `INTEGRITY_AT_OPEN_MAX_BYTES`). */
  integrityAtOpenMaxBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

export type EventListener = (event: LiveEvent) => void;

export interface Core {
  /** `ready`, or the problem that keeps the database closed (every call then answers UNAVAILABLE). */
  readonly status: { ok: true } | { ok: false; problem: FatalProblem };
  /** Settles when the database has passed (or failed) its integrity check; at once when it was checked on open. */
  readonly integrity: Promise<void>;
  readonly dataDir: string;
  dispatch(call: Call): Promise<Result<unknown>>;
  /** Typed call for in-process callers (the shells' own code and the tests). */
  call<M extends MethodName>(method: M, input: Input<M>, token?: string, origin?: string): Promise<Result<Output<M>>>;
  subscribe(listener: EventListener): () => void;
  /** Whether a token has a live session (opened on that station, if any), without counting as activity (for live streams). */
  hasSession(token: string | undefined, stationId?: number): boolean;
  /**
   * A live stream opened with a token counts its screen as present (see Presence) until the answer is
   * called; undefined when the token has no live session there (nothing is counted).
   */
  attachScreen(token: string | undefined, stationId?: number): (() => void) | undefined;
  /** A station token as the LAN transport receives it, from an address. */
  checkStation(token: string | undefined, address: string): StationCheck;
  /** Whether a paired station may still be served (not revoked). */
  stationActive(stationId: number): boolean;
  /** The LAN transport reports whether it listens, where and with which certificate. */
  setLan(state: LanState): void;
  /** The settings as stored now (the shells' own wiring: sharing, kiosk); absent when the database is closed. */
  settings(): Settings | undefined;
  /** The sequence number of the last event emitted (a station's catch-up point). */
  lastEventSeq(): number;
  /** The core's clock: screens on other PCs show this time, not their own. */
  now(): number;
  close(): void;
  /** The open database, for the shells' maintenance jobs and for tests; absent when it could not open. */
  readonly db: Db | undefined;
  /** The print queue's worker; absent when the database could not open. */
  readonly printer: PrintWorker | undefined;
  /** Backups and retention; absent when the database could not open. */
  readonly maintenance: Maintenance | undefined;
  /** Announces the moments that change the rentals screens by time alone; absent when the database could not open. */
  readonly rentalsClock: RentalsClock | undefined;
}

/** The catalog key that explains each problem that keeps the core from opening. */
export const PROBLEM_KEYS = { DB_TOO_NEW: 'fatal.dbTooNew', DB_CORRUPT: 'fatal.dbCorrupt', DB_UNREADABLE: 'fatal.dbUnreadable', DATA_IN_USE: 'fatal.dataInUse' } as const satisfies Record<FatalProblem['code'], MessageKey>;

/**
 * `PRAGMA integrity_check` reads every page: a few milliseconds for a new park, twenty seconds for a
 * year of records. A database up to this size is checked before anything is served; a larger one
 * is served at once and checked in a worker thread meanwhile, and a damaged one then stops the core.
 */
export const INTEGRITY_AT_OPEN_MAX_BYTES = 64 * 1024 * 1024;

const refusalOf = (problem: FatalProblem): Result<never> => ({ ok: false, error: { code: 'UNAVAILABLE', message: PROBLEM_KEYS[problem.code], params: problem.params } });

function defaultLog(message: string, error?: unknown): void {
  console.error(`[parkdesk] ${message}`, error ?? '');
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? defaultLog;
  const file = join(options.dataDir, DATABASE_FILE);
  const listeners = new Set<EventListener>();
  let seq = 0;

  let db: Db;
  // Another ParkDesk on this folder: nothing is opened, nothing is started.
  const folderLock = lockDataFolder(options.dataDir, options.nativeBinding);
  const checkLater = existsSync(file) && statSync(file).size > (options.integrityAtOpenMaxBytes ?? INTEGRITY_AT_OPEN_MAX_BYTES);
  try {
    if (!folderLock) throw new DatabaseProblem({ code: 'DATA_IN_USE', params: { path: options.dataDir } });
    db = openDatabase({ file, skipIntegrityCheck: checkLater, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    folderLock?.release();
    if (!(error instanceof DatabaseProblem)) throw error;
    const { problem } = error;
    log(`database unavailable: ${error.message}`);
    const refusal = refusalOf(problem);
    return {
      status: { ok: false, problem },
      integrity: Promise.resolve(),
      dataDir: options.dataDir,
      db: undefined,
      printer: undefined,
      maintenance: undefined,
      rentalsClock: undefined,
      dispatch: () => Promise.resolve(refusal),
      call: () => Promise.resolve(refusal),
      subscribe: () => () => undefined,
      hasSession: () => false,
      attachScreen: () => undefined,
      checkStation: () => ({ status: 'unknown' }),
      stationActive: () => false,
      setLan: () => undefined,
      settings: () => undefined,
      lastEventSeq: () => 0,
      now: () => clock.now(),
      close: () => undefined,
    };
  }
  // Lost-and-found search tokens made by an older version are made again, before any search.
  const reindexed = refreshSearchIndex(db);
  if (reindexed > 0) log(`lost-and-found search index rebuilt: ${reindexed} texts`);

  const services: Services = {
    db,
    clock,
    sessions: new SessionStore(db, clock.now(), sessionIdleLimit(readSettings(db))),
    // Called only once a stream opens, after `publish` below is defined: the broadcast room came or went.
    presence: new Presence((role) => {
      if (role === 'broadcast') publish([{ name: 'paging.room', payload: { screens: services.presence.of('broadcast').screens } }]);
    }),
    dataDir: options.dataDir,
    version: options.version ?? '0.0.0',
    gate: { restoring: false },
    lan: { ...LAN_OFF },
    nativeBinding: options.nativeBinding,
  };
  const stations = stationStore(db);
  const publish = (events: PendingEvent[]) => {
    for (const pending of events) {
      const live = { seq: ++seq, name: pending.name, payload: pending.payload } as LiveEvent;
      // The worker's next report is measured against what the screens were last told, whoever told them.
      if (live.name === 'printer.changed') printer.announced(live.payload);
      for (const listener of listeners) {
        try {
          listener(live);
        } catch (error) {
          log('an event listener failed', error);
        }
      }
    }
  };
  const printer = createPrintWorker({
    db,
    clock,
    dataDir: options.dataDir,
    readPrinterSettings: () => readSettings(db).printer,
    timeZone: () => readSettings(db).timeZone,
    onChange: (status) => publish([{ name: 'printer.changed', payload: status }]),
    log,
  });
  const maintenance = createMaintenance({ services, liveFile: file, publish, log });
  const rentalsClock = createRentalsClock({ services, publish, log });
  // Reads of other domains for the day close, bound once the handler map exists.
  const read: Reader = async (method, input, ctx) => {
    const handler = handlers[method] as Handler<typeof method>;
    return handler(contract[method].input.parse(input) as never, ctx) as Output<typeof method>;
  };
  const handlers: Handlers = {
    ...systemHandlers(services),
    ...authHandlers(services),
    ...staffHandlers(services),
    ...settingsHandlers(services),
    ...auditHandlers(services),
    ...rentalsHandlers(services),
    ...printingHandlers(services, printer),
    ...pagingHandlers(services),
    ...lostFoundHandlers(services),
    ...complaintsHandlers(services),
    ...feedbackHandlers(services),
    ...programmeHandlers(services),
    ...incidentsHandlers(services),
    ...maintenanceHandlers(services, maintenance, printer),
    ...approvalsHandlers(services),
    ...dayCloseHandlers(services, read, maintenance),
    ...dashboardHandlers(services),
    ...stationsHandlers(services, stations),
    ...infoHandlers(services),
  };
  const dispatcher = createDispatcher(services, handlers, {
    validateOutputs: options.validateOutputs ?? false,
    log,
    onEvents(events) {
      publish(events);
      // A write may have queued a printout (receipts commit with their rental): send it now.
      printer.kick();
    },
  });
  if (options.startWorkers ?? true) {
    printer.start();
    maintenance.start();
    rentalsClock.start();
  }

  // A large database was opened unchecked; it is checked now in a worker thread while the counter
  // serves. Damage found stops everything that writes, and every screen shows the database's problem.
  let damaged: FatalProblem | undefined;
  let closed = false;
  const integrity = checkLater
    ? inspectFile(db, file, options.nativeBinding).then((inspection) => {
        if (inspection.ok || closed) return;
        damaged = { code: 'DB_CORRUPT', params: { path: file, detail: inspection.problem } };
        log(`database damaged: ${inspection.problem}`);
        printer.stop();
        maintenance.stop();
        rentalsClock.stop();
        publish([{ name: 'system.damaged', payload: damaged }]);
      })
    : Promise.resolve();

  const dispatch = (call: Call): Promise<Result<unknown>> => (damaged ? Promise.resolve(refusalOf(damaged)) : dispatcher.dispatch(call));

  /** The live session of a token on the station it was opened on (a live stream's check: not counted as activity). */
  const liveSession = (token: string | undefined, stationId: number | null | undefined) => {
    const session = services.sessions.peek(token, clock.now(), sessionIdleLimit(readSettings(db)));
    return session && session.stationId === (stationId ?? null) ? session : undefined;
  };

  return {
    get status() {
      return damaged ? { ok: false as const, problem: damaged } : { ok: true as const };
    },
    integrity,
    dataDir: options.dataDir,
    db,
    printer,
    maintenance,
    rentalsClock,
    dispatch,
    call: (method, input, token, origin = 'local') => dispatch({ method, input, token, origin }) as Promise<Result<Output<typeof method>>>,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasSession: (token, stationId) => liveSession(token, stationId) !== undefined,
    attachScreen(token, stationId) {
      const session = liveSession(token, stationId);
      return session && services.presence.attach({ role: session.role, stationId: session.stationId, since: clock.now() });
    },
    checkStation: (token, address) => stations.check(token, clock.now(), address),
    stationActive: (stationId) => stations.active(stationId),
    settings: () => readSettings(db),
    setLan(state) {
      Object.assign(services.lan, state);
      publish([{ name: 'stations.changed', payload: { stationId: null } }]);
    },
    lastEventSeq: () => seq,
    now: () => clock.now(),
    close() {
      closed = true;
      printer.stop();
      maintenance.stop();
      rentalsClock.stop();
      listeners.clear();
      if (db.open) {
        try {
          services.sessions.saveAll();
        } finally {
          db.close();
        }
      }
      folderLock.release();
    },
  };
}
