import { describe, expect, it } from 'vitest';
import { readDeadline, splitMinutes } from '@shared/rules/deadline';
import { MINUTE } from '@shared/rules/time';

describe('deadline clocks', () => {
  const deadline = Date.parse('2026-11-29T10:00:00Z');

  it('stay neutral while there is time, turn amber near the limit and red when passed', () => {
    expect(readDeadline(deadline - 60 * MINUTE, deadline, 30 * MINUTE)).toEqual({ state: 'ok', minutes: 60 });
    expect(readDeadline(deadline - 30 * MINUTE, deadline, 30 * MINUTE)).toEqual({ state: 'warn', minutes: 30 });
    expect(readDeadline(deadline - 1000, deadline, 30 * MINUTE)).toEqual({ state: 'warn', minutes: 1 });
    expect(readDeadline(deadline, deadline, 30 * MINUTE)).toEqual({ state: 'late', minutes: 0 });
    expect(readDeadline(deadline + 3 * MINUTE + 59_000, deadline, 30 * MINUTE)).toEqual({ state: 'late', minutes: 3 });
  });

  it('split minutes for people', () => {
    expect(splitMinutes(125)).toEqual({ d: 0, h: 2, m: 5 });
    expect(splitMinutes(1500)).toEqual({ d: 1, h: 1, m: 0 });
  });
});
