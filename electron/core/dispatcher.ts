import {
  contract,
  fieldErrorsOf,
  isMethodName,
  keepsAnswer,
  type EventName,
  type EventPayload,
  type MethodName,
  type Result,
} from '@shared/contract';
import { sessionIdleLimit } from '@shared/rules/sessions';
import { writeAudit } from './audit/store';
import type { Actor, AuditEntry, CallContext, Handler, Handlers, Services } from './context';
import { AppError } from './errors';
import { readSettings } from './settings/store';
import { createIdempotency, IDEMPOTENCY_KEY, sameSubmission, type Kept, type Submission } from './idempotency';

export interface Call {
  method: string;
  input: unknown;
  token?: string | undefined;
  origin: string;
  /** The paired station the call came through (checked by the LAN transport); absent on the counter PC. */
  stationId?: number | undefined;
  /** A write submitted with a key is done once, however often it is sent (see idempotency.ts). */
  idempotencyKey?: string | undefined;
}

export interface PendingEvent {
  name: EventName;
  payload: EventPayload<EventName>;
}

export interface DispatcherOptions {
  /** Check every output against its contract schema (tests turn this on). */
  validateOutputs?: boolean;
  onEvents(events: PendingEvent[]): void;
  log(message: string, error?: unknown): void;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

/**
 * The context of one call at `now`: its audit rows go to the database in the call's transaction,
 * its events wait in `events` until the writes are committed.
 */
export function createCallContext(
  db: Services['db'],
  call: { now: number; actor: Actor | null; token: string | null; origin: string; stationId?: number | null },
  events: PendingEvent[],
): CallContext {
  const { now, actor, origin } = call;
  return {
    now,
    actor,
    token: call.token,
    origin,
    stationId: call.stationId ?? null,
    audit(entry: AuditEntry) {
      writeAudit(db, {
        at: now,
        staffId: actor?.id ?? entry.actorId ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        detail: entry.detail,
        origin,
      });
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      events.push({ name: event, payload });
    },
  };
}

/**
 * The one entry point of the core: validates the input against the contract, checks the caller's
 * session and role, runs the handler (in a transaction when it writes) and answers the envelope.
 */
export function createDispatcher(services: Services, handlers: Handlers, options: DispatcherOptions) {
  const { db, clock, sessions } = services;
  const idempotency = createIdempotency(db);

  function refuse(call: Call, actor: Actor | null, now: number, reason: string): void {
    try {
      writeAudit(db, {
        at: now,
        staffId: actor?.id ?? null,
        action: 'access.denied',
        entity: 'method',
        entityId: call.method,
        detail: { reason, ...(actor ? { role: actor.role } : {}) },
        origin: call.origin,
      });
    } catch (error) {
      options.log('could not audit a refused call', error);
    }
  }

  /** Custom-mode submissions with a key still running (an async handler): a copy sent meanwhile waits for the first. */
  const running = new Map<string, { submission: Submission; answer: Promise<unknown> }>();

  /** The value of a kept answer, or its refusal thrown again. */
  function answerOf(kept: Kept): unknown {
    if ('refusal' in kept) throw AppError.fromBody(kept.refusal);
    return kept.value;
  }

  /**
   * A custom-mode handler keeps its own transactions (a wrong PIN is counted even when it refuses),
   * so its answer cannot be kept inside them: it is kept in its own transaction right after the
   * handler answers, with no await in between for a synchronous handler. A copy sent while an
   * async handler runs waits for its answer; one sent later gets the kept answer. A refusal is kept
   * as well: what the handler committed before refusing (the wrong PIN counted) is not done again.
   */
  async function customOnce(submission: Submission, run: () => unknown, now: number): Promise<unknown> {
    const kept = db.transaction(() => idempotency.replay(submission))();
    if (kept) return answerOf(kept);
    const inFlight = running.get(submission.key);
    if (inFlight) {
      if (!sameSubmission(inFlight.submission, submission)) throw new AppError('CONFLICT', 'errors.idempotencyReused');
      return inFlight.answer;
    }
    const keep = (answer: Kept) => db.transaction(() => idempotency.remember(submission, answer, now))();
    const refused = (error: unknown): never => {
      if (error instanceof AppError) keep({ refusal: error.toBody() });
      throw error;
    };
    let answer: unknown;
    try {
      answer = run();
    } catch (error) {
      return refused(error);
    }
    if (!isPromise(answer)) {
      keep({ value: answer });
      return answer;
    }
    running.set(submission.key, { submission, answer });
    try {
      const value = await answer.catch(refused);
      keep({ value });
      return value;
    } finally {
      running.delete(submission.key);
    }
  }

  async function dispatch(call: Call): Promise<Result<unknown>> {
    const now = clock.now();
    if (!isMethodName(call.method)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'errors.unknownMethod', params: { method: call.method.slice(0, 80) } } };
    }
    const name: MethodName = call.method;
    const def = contract[name];
    if (services.gate.restoring) return { ok: false, error: { code: 'UNAVAILABLE', message: 'maintenance.errors.restoring' } };

    if (call.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(call.idempotencyKey)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'errors.idempotencyKey' } };
    }
    const stationId = call.stationId ?? null;

    let actor: Actor | null = null;
    if (def.access !== 'public') {
      const found = sessions.resolve(call.token, now, sessionIdleLimit(readSettings(db)));
      // A session opened on one station (or on the counter) is not valid from another.
      const resolved = found.status === 'ok' && found.session.stationId !== stationId ? { status: 'missing' as const } : found;
      if (resolved.status !== 'ok') {
        refuse(call, null, now, resolved.status === 'expired' ? 'session-expired' : 'no-session');
        const message = resolved.status === 'expired' ? 'errors.sessionExpired' : 'errors.signInRequired';
        return { ok: false, error: { code: 'UNAUTHENTICATED', message } };
      }
      actor = { id: resolved.session.staffId, name: resolved.session.name, role: resolved.session.role };
      if (!def.access.includes(actor.role)) {
        refuse(call, actor, now, 'role');
        return { ok: false, error: { code: 'FORBIDDEN', message: 'errors.roleForbidden', params: { role: actor.role } } };
      }
    }

    const parsed = def.input.safeParse(call.input ?? {}, { reportInput: true });
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'errors.VALIDATION', fields: fieldErrorsOf(parsed.error) } };
    }

    const events: PendingEvent[] = [];
    const ctx = createCallContext(db, { now, actor, token: call.token ?? null, origin: call.origin, stationId }, events);

    // The contract and the handler map are keyed alike; TypeScript cannot correlate them by a runtime key.
    const handler = handlers[name] as Handler<MethodName>;
    const submission = call.idempotencyKey === undefined || !keepsAnswer(def) ? undefined : { key: call.idempotencyKey, method: name, input: call.input, staffId: actor?.id ?? null };
    try {
      let value: unknown;
      if (def.mode === 'custom' && submission) {
        value = await customOnce(submission, () => handler(parsed.data as never, ctx), now);
      } else if (def.mode === 'write') {
        value = db
          .transaction(() => {
            const kept = submission && idempotency.replay(submission);
            if (kept) return answerOf(kept);
            const result = handler(parsed.data as never, ctx);
            if (isPromise(result)) throw new AppError('INTERNAL', 'errors.writeMustBeSync');
            if (submission) idempotency.remember(submission, { value: result }, now);
            return result;
          })
          .immediate();
      } else {
        value = await handler(parsed.data as never, ctx);
      }
      if (options.validateOutputs) {
        const checked = def.output.safeParse(value);
        if (!checked.success) throw new Error(`output of ${name} breaks the contract: ${checked.error.message}`);
      }
      if (events.length > 0) options.onEvents(events);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        // A custom-mode handler may have committed (e.g. a counted wrong PIN) before refusing.
        if (def.mode === 'custom' && events.length > 0) options.onEvents(events);
        return { ok: false, error: error.toBody() };
      }
      options.log(`${name} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'errors.INTERNAL' } };
    }
  }

  return { dispatch };
}
