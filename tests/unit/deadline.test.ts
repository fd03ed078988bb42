import { describe, expect, it } from 'vitest';
import { translator } from '@shared/i18n';
import { clockAlert, durationText, readDeadline, splitMinutes } from '@shared/rules/deadline';
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

  it('word a duration as every screen and report does', () => {
    const en = translator('en');
    expect([5, 60, 156, 1500, 1530].map((minutes) => durationText(en, minutes))).toEqual(['5 min', '1 h', '2 h 36 min', '1 d 1 h', '1 d 1 h']);
    expect(durationText(translator('zh-CN'), 156)).toBe('2 小时 36 分钟');
  });

  it('count the clocks near their limit and past it, with what the core counted late itself', () => {
    const clocks = [
      { dueAt: deadline + 60 * MINUTE, warnMs: 10 * MINUTE },
      { dueAt: deadline + 5 * MINUTE, warnMs: 10 * MINUTE },
      { dueAt: deadline - MINUTE, warnMs: 2 * MINUTE },
    ];
    expect(clockAlert(clocks, deadline)).toEqual({ late: 1, warn: 1 });
    expect(clockAlert(clocks, deadline, 2)).toEqual({ late: 3, warn: 1 });
    expect(clockAlert(clocks.slice(0, 1), deadline)).toBeUndefined();
    expect(clockAlert([], deadline)).toBeUndefined();
    expect(clockAlert([], deadline, 1)).toEqual({ late: 1, warn: 0 });
  });
});
