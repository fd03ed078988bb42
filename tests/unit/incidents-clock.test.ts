import { describe, expect, it } from 'vitest';
import {
  canMove,
  closeRefusal,
  INCIDENT_NATURES,
  isNotified,
  notifiedLate,
  notifyDeadline,
  NOTIFY_PARTIES,
  readNotifyClock,
  SUGGESTED_PARTIES,
} from '@shared/rules/incidents';
import { MINUTE } from '@shared/rules/time';
import { ManualClock } from '../../electron/core/clock';

/** 2026-11-29 10:00 in Asia/Shanghai: the counter records the report. */
const RECEIVED = Date.parse('2026-11-29T02:00:00Z');

describe('the 30-minute notification clock', () => {
  it('runs from the report: neutral for 20 minutes, amber for the last 10, red after 30', () => {
    const clock = new ManualClock(RECEIVED);
    const read = () => readNotifyClock(RECEIVED, null, clock.now());
    expect(notifyDeadline(RECEIVED)).toBe(RECEIVED + 30 * MINUTE);
    expect(read()).toMatchObject({ state: 'ok', minutes: 30, notifiedAt: null, late: false });
    clock.advance(19 * MINUTE + 59_000);
    expect(read()).toMatchObject({ state: 'ok', minutes: 11 });
    clock.advance(1_000);
    expect(read()).toMatchObject({ state: 'warn', minutes: 10, late: false });
    clock.advance(9 * MINUTE + 59_000);
    expect(read()).toMatchObject({ state: 'warn', minutes: 1 });
    clock.advance(1_000);
    expect(read()).toMatchObject({ state: 'late', minutes: 0, late: true });
    clock.advance(3 * MINUTE + 30_000);
    expect(read()).toMatchObject({ state: 'late', minutes: 3, late: true, deadline: RECEIVED + 30 * MINUTE });
  });

  it('stops at the first notification: in time up to the 30th minute included', () => {
    const clock = new ManualClock(RECEIVED);
    clock.advance(12 * MINUTE);
    const notifiedAt = clock.now();
    clock.advance(2 * 60 * MINUTE);
    expect(readNotifyClock(RECEIVED, notifiedAt, clock.now())).toEqual({
      state: 'done',
      deadline: RECEIVED + 30 * MINUTE,
      notifiedAt,
      late: false,
      minutes: 0,
    });
    expect(notifiedLate(RECEIVED, RECEIVED + 30 * MINUTE)).toBe(false);
    expect(notifiedLate(RECEIVED, RECEIVED + 30 * MINUTE + 1)).toBe(true);
    expect(notifiedLate(RECEIVED, null)).toBeUndefined();
  });

  it('flags a late notification and keeps it flagged however far the clock moves', () => {
    const clock = new ManualClock(RECEIVED);
    clock.advance(47 * MINUTE);
    const notifiedAt = clock.now();
    for (const later of [0, MINUTE, 60 * MINUTE, 48 * 60 * MINUTE]) {
      clock.set(notifiedAt + later);
      expect(readNotifyClock(RECEIVED, notifiedAt, clock.now())).toMatchObject({ state: 'done', late: true, minutes: 17, notifiedAt });
    }
  });

  it('is done with one recorded notification, to any party', () => {
    expect(isNotified(0)).toBe(false);
    expect(isNotified(1)).toBe(true);
    expect(isNotified(4)).toBe(true);
    // Suggestions only: every nature suggests the duty manager, none is a condition of the clock.
    for (const nature of INCIDENT_NATURES) {
      expect(SUGGESTED_PARTIES[nature][0]).toBe('dutyManager');
      for (const party of SUGGESTED_PARTIES[nature]) expect(NOTIFY_PARTIES).toContain(party);
    }
  });
});

describe('incident status', () => {
  it('moves open → handled → closed, and handled back to open; never out of closed', () => {
    expect(canMove('open', 'handled')).toBe(true);
    expect(canMove('handled', 'closed')).toBe(true);
    expect(canMove('handled', 'open')).toBe(true);
    expect(canMove('open', 'closed')).toBe(false);
    expect(canMove('open', 'open')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
    expect(canMove('closed', 'handled')).toBe(false);
  });

  it('refuses to close without a recorded notification first, then without being handled', () => {
    expect(closeRefusal('handled', 0)).toBe('notNotified');
    expect(closeRefusal('open', 0)).toBe('notNotified');
    expect(closeRefusal('open', 1)).toBe('notHandled');
    expect(closeRefusal('handled', 1)).toBeUndefined();
  });
});
