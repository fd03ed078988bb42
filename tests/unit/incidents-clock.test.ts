import { describe, expect, it } from 'vitest';
import {
  canMove,
  canSkip,
  closeRefusal,
  INCIDENT_NATURES,
  noticeCompletedAt,
  notifiedLate,
  notifyDeadline,
  NOTIFY_PARTIES,
  partiesToNotify,
  readNotifyClock,
  requiredParties,
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
    expect(read()).toMatchObject({ state: 'ok', minutes: 30, completedAt: null, late: false });
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

  it('stops once the parties are all notified: in time before the 30th minute, late at the mark, where the clock turns red', () => {
    const clock = new ManualClock(RECEIVED);
    clock.advance(12 * MINUTE);
    const completedAt = clock.now();
    clock.advance(2 * 60 * MINUTE);
    expect(readNotifyClock(RECEIVED, completedAt, clock.now())).toEqual({
      state: 'done',
      deadline: RECEIVED + 30 * MINUTE,
      completedAt,
      late: false,
      minutes: 0,
    });
    expect(notifiedLate(RECEIVED, RECEIVED + 30 * MINUTE - 1)).toBe(false);
    expect(notifiedLate(RECEIVED, RECEIVED + 30 * MINUTE)).toBe(true);
    expect(readNotifyClock(RECEIVED, null, RECEIVED + 30 * MINUTE)).toMatchObject({ state: 'late', late: true });
    expect(readNotifyClock(RECEIVED, RECEIVED + 30 * MINUTE, RECEIVED + 31 * MINUTE)).toMatchObject({ state: 'done', late: true, minutes: 0 });
    expect(readNotifyClock(RECEIVED, RECEIVED + 30 * MINUTE - 1, RECEIVED + 31 * MINUTE)).toMatchObject({ state: 'done', late: false });
    expect(notifiedLate(RECEIVED, null)).toBeUndefined();
  });

  it('flags a late notification and keeps it flagged however far the clock moves', () => {
    const clock = new ManualClock(RECEIVED);
    clock.advance(47 * MINUTE);
    const completedAt = clock.now();
    for (const later of [0, MINUTE, 60 * MINUTE, 48 * 60 * MINUTE]) {
      clock.set(completedAt + later);
      expect(readNotifyClock(RECEIVED, completedAt, clock.now())).toMatchObject({ state: 'done', late: true, minutes: 17, completedAt });
    }
  });

  it('calls for the duty manager on every incident and the parties its kind needs', () => {
    expect(requiredParties('injury')).toEqual(['dutyManager', 'medical']);
    expect(requiredParties('fight')).toEqual(['dutyManager', 'security']);
    expect(requiredParties('rideStoppage')).toEqual(['dutyManager', 'department']);
    expect(requiredParties('other')).toEqual(['dutyManager']);
    for (const nature of INCIDENT_NATURES) {
      expect(requiredParties(nature)[0]).toBe('dutyManager');
      expect(requiredParties(nature)).toEqual(SUGGESTED_PARTIES[nature]);
      for (const party of requiredParties(nature)) expect(NOTIFY_PARTIES).toContain(party);
      expect(canSkip(nature, 'dutyManager')).toBe(false);
      expect(canSkip(nature, 'other')).toBe(false);
    }
    expect(canSkip('injury', 'medical')).toBe(true);
    expect(canSkip('injury', 'security')).toBe(false);
  });

  it('runs on after a notification to "other" or the duty manager alone, and stops when the last party is told or skipped', () => {
    const clock = new ManualClock(RECEIVED);
    const marks: Array<{ party: (typeof NOTIFY_PARTIES)[number]; at: number }> = [];
    const read = () => readNotifyClock(RECEIVED, noticeCompletedAt('injury', marks), clock.now());
    clock.advance(5 * MINUTE);
    marks.push({ party: 'other', at: clock.now() });
    expect(read()).toMatchObject({ state: 'ok', completedAt: null });
    expect(partiesToNotify('injury', marks)).toEqual(['dutyManager', 'medical']);
    clock.advance(10 * MINUTE);
    marks.push({ party: 'dutyManager', at: clock.now() });
    expect(partiesToNotify('injury', marks)).toEqual(['medical']);
    clock.advance(10 * MINUTE); // 25 min: amber, the medic still to tell
    expect(read()).toMatchObject({ state: 'warn', minutes: 5, completedAt: null });
    clock.advance(7 * MINUTE); // 32 min: red
    expect(read()).toMatchObject({ state: 'late', minutes: 2, late: true });
    marks.push({ party: 'medical', at: clock.now() });
    expect(partiesToNotify('injury', marks)).toEqual([]);
    clock.advance(60 * MINUTE);
    expect(read()).toMatchObject({ state: 'done', completedAt: RECEIVED + 32 * MINUTE, late: true, minutes: 2 });
    // A skip with a reason counts at the moment it was recorded; a later repeat changes nothing.
    const skipped = [
      { party: 'dutyManager' as const, at: RECEIVED + 3 * MINUTE },
      { party: 'security' as const, at: RECEIVED + 9 * MINUTE },
      { party: 'security' as const, at: RECEIVED + 50 * MINUTE },
    ];
    expect(noticeCompletedAt('fight', skipped)).toBe(RECEIVED + 9 * MINUTE);
    expect(noticeCompletedAt('fight', skipped.slice(1))).toBeNull();
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

  it('refuses to close while a party is still to notify, then without a superior informed of a visitor taken to hospital, then without being handled', () => {
    const noHospital = { toHospital: false, superiorsInformed: 0 };
    expect(closeRefusal('handled', ['dutyManager', 'medical'], noHospital)).toBe('notNotified');
    expect(closeRefusal('handled', ['medical'], noHospital)).toBe('notNotified');
    expect(closeRefusal('open', ['medical'], noHospital)).toBe('notNotified');
    expect(closeRefusal('open', [], noHospital)).toBe('notHandled');
    expect(closeRefusal('handled', [], noHospital)).toBeUndefined();
    // An injured visitor went to hospital: a superior must be recorded as informed.
    expect(closeRefusal('handled', [], { toHospital: true, superiorsInformed: 0 })).toBe('noSuperior');
    expect(closeRefusal('handled', ['medical'], { toHospital: true, superiorsInformed: 0 })).toBe('notNotified');
    expect(closeRefusal('handled', [], { toHospital: true, superiorsInformed: 1 })).toBeUndefined();
  });
});
