import { contract, type Input, type MethodName, type Output, type Role } from '@shared/contract';
import { atParkTime, DAY, HOUR, MINUTE } from '@shared/rules/time';
import type { Actor, CallContext, Handler, Handlers } from '../../electron/core/context';
import type { Db } from '../../electron/core/db/open';
import { createCallContext } from '../../electron/core/dispatcher';
import { Agenda } from './agenda';
import type { Random } from './random';

export interface StaffMember extends Actor {
  code: string;
  pin: string;
}

/** One park day of the year: its opening hours, how busy it is, whether it rains. */
export interface SeedDay {
  index: number;
  date: string;
  opensAt: number;
  closesAt: number;
  /** 1 = an ordinary weekday in spring; a summer Saturday is about 3. */
  busy: number;
  rainy: boolean;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value;
}

/**
 * The seeding run: the database, the app's own handlers, the staff on duty, the agenda and the
 * random source. `call` runs a handler as the dispatcher would inside its transaction (input parsed
 * by the contract, audit rows written by the call's context); the caller holds the transaction.
 */
export class World {
  readonly agenda = new Agenda();
  private readonly byRole = new Map<Role, StaffMember[]>();

  constructor(
    readonly db: Db,
    private readonly handlers: Partial<Handlers>,
    readonly random: Random,
    readonly timeZone: string,
    /** The end of the seeded year: nothing happens after it. */
    readonly now: number,
    readonly staff: readonly StaffMember[],
    readonly signatures: readonly string[],
  ) {
    for (const member of staff) this.byRole.set(member.role, [...(this.byRole.get(member.role) ?? []), member]);
  }

  call<M extends MethodName>(method: M, input: Input<M>, at: number, actor: StaffMember): Output<M> {
    const handler = this.handlers[method] as Handler<M> | undefined;
    if (!handler) throw new Error(`no handler for ${method} in the seeder`);
    return this.timed(method, () => {
      const result = handler(contract[method].input.parse(input) as never, this.context(at, actor));
      if (isPromise(result)) throw new Error(`${method} does not answer at once`);
      return result;
    });
  }

  /** Time spent in each handler (and the nightly job), for the seeder's log. */
  readonly spent = new Map<string, { calls: number; ms: number }>();

  timed<T>(name: string, run: () => T): T {
    const started = performance.now();
    try {
      return run();
    } finally {
      const spent = this.spent.get(name) ?? { calls: 0, ms: 0 };
      spent.calls += 1;
      spent.ms += performance.now() - started;
      this.spent.set(name, spent);
    }
  }

  /** A call's context for the core's own store functions that take one (returns, paging requests). */
  context(at: number, actor: StaffMember): CallContext {
    return createCallContext(this.db, { now: at, actor: { id: actor.id, name: actor.name, role: actor.role }, token: null, origin: 'local' }, []);
  }

  /** A staff member of a role on duty on that day (each day a different few of them). */
  onDuty(role: Role, at: number, apart?: StaffMember): StaffMember {
    const members = this.byRole.get(role) ?? [];
    if (members.length === 0) throw new Error(`no ${role} staff`);
    const shift = Math.floor(at / DAY) * 3 + (at % DAY > 5 * HOUR ? 1 : 0);
    for (let attempt = 0; ; attempt += 1) {
      const member = members[(shift + this.random.int(0, Math.min(3, members.length - 1)) + attempt) % members.length];
      if (member && member.id !== apart?.id) return member;
    }
  }

  signature(): string {
    return this.random.pick(this.signatures);
  }

  /** A time of the park day, weighted to the busy hours (late morning and early afternoon). */
  timeOfDay(day: SeedDay, weights: readonly number[] = [1, 1.6, 1.6, 1.3, 1.4, 1.2, 0.9, 0.5, 0.2]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let roll = this.random.next() * total;
    let hour = 0;
    while (hour < weights.length - 1 && roll >= (weights[hour] ?? 0)) roll -= weights[hour++] ?? 0;
    return day.opensAt + hour * HOUR + Math.floor(this.random.next() * HOUR);
  }

  /** Plans a step, unless it falls after the end of the seeded year. */
  plan(at: number, run: (at: number) => void): void {
    if (at < this.now) this.agenda.plan(at, run);
  }

  at(day: SeedDay, time: string): number {
    return atParkTime(day.date, time, this.timeZone);
  }

  minutes(min: number, max: number): number {
    return this.random.int(min * MINUTE, max * MINUTE);
  }
}
