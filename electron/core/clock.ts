import type { Clock } from '@shared/rules/time';

/** A clock that only moves when told: tests move it to cross deadlines instead of sleeping. */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  set(at: number): void {
    this.current = at;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * A clock that runs with real time from a chosen start, and can be moved forward: the station's
 * test mode (`PARKDESK_TEST_CLOCK`) uses it so end-to-end tests cross deadlines without waiting.
 */
export class OffsetClock implements Clock {
  private offset: number;

  constructor(start: number, private readonly real: () => number = Date.now) {
    this.offset = start - real();
  }

  now(): number {
    return this.real() + this.offset;
  }

  set(at: number): void {
    this.offset = at - this.real();
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
