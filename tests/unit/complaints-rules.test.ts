import { describe, expect, it } from 'vitest';
import { COMPLAINT_CLOCK_WARN_MS, complaintClocks, sameDayDeadline, stepRefusal, summaryDeadlineAt, summaryState, weekStart } from '@shared/rules/complaints';
import { HOUR, MINUTE } from '@shared/rules/time';

const TZ = 'Asia/Shanghai';

describe('the daily summary clock', () => {
  const due = summaryDeadlineAt('2026-11-29', '20:30', TZ);

  it('is due at 20:30 park time', () => {
    expect(due).toBe(Date.parse('2026-11-29T12:30:00Z'));
  });

  it('reminds from 20:00, is late after 20:30, and remembers a late close', () => {
    expect(summaryState(due - 31 * MINUTE, due, null)).toBe('open');
    expect(summaryState(due - 30 * MINUTE, due, null)).toBe('reminder'); // 20:00
    expect(summaryState(due - 1, due, null)).toBe('reminder');
    expect(summaryState(due, due, null)).toBe('late');
    expect(summaryState(due + 60 * MINUTE, due, due - 5 * MINUTE)).toBe('closed');
    expect(summaryState(due + 60 * MINUTE, due, due + 1)).toBe('closedLate');
  });

  it('follows a deadline changed in the settings', () => {
    expect(summaryDeadlineAt('2026-11-29', '19:00', TZ)).toBe(Date.parse('2026-11-29T11:00:00Z'));
  });
});

describe('same-day investigation and weeks', () => {
  it('runs to the end of the park day the complaint was received', () => {
    expect(sameDayDeadline(Date.parse('2026-11-29T15:00:00Z'), TZ)).toBe(Date.parse('2026-11-29T16:00:00Z'));
    expect(sameDayDeadline(Date.parse('2026-11-29T17:00:00Z'), TZ)).toBe(Date.parse('2026-11-30T16:00:00Z'));
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });
});

describe("a complaint's own clocks", () => {
  it('are the same-day one, a forwarded complaint’s 2 working days, and the return visit, each with its warning time', () => {
    const clock = (dueAt: number) => ({ dueAt, doneAt: null, late: false });
    const walkIn = { sameDay: clock(1), handling: null, followUp: clock(3) };
    expect(complaintClocks(walkIn).map(({ name, clock: c }) => [name, c.dueAt, COMPLAINT_CLOCK_WARN_MS[name]])).toEqual([
      ['sameDay', 1, 3 * HOUR],
      ['followUp', 3, 8 * HOUR],
    ]);
    expect(complaintClocks({ ...walkIn, handling: clock(2) }).map(({ name }) => name)).toEqual(['sameDay', 'handling', 'followUp']);
  });
});


describe('which step may come next, as the counter is offered it and the core checks it', () => {
  const walkIn = { forwarded: false, resultReported: false };
  const forwarded = { forwarded: true, resultReported: false };
  it('goes investigate → respond → return visit → close, withdrawn while open', () => {
    expect(stepRefusal('investigate', { status: 'received', ...walkIn })).toBeUndefined();
    expect(stepRefusal('investigate', { status: 'investigating', ...walkIn })).toBe('complaints.errors.wrongStep');
    expect(stepRefusal('close', { status: 'investigating', ...walkIn })).toBe('complaints.errors.noResponse');
    expect(stepRefusal('followUp', { status: 'responded', ...walkIn })).toBeUndefined();
    expect(stepRefusal('close', { status: 'followedUp', ...walkIn })).toBeUndefined();
    expect(stepRefusal('withdraw', { status: 'closed', ...walkIn })).toBe('complaints.errors.wrongStep');
  });

  it('reports a forwarded complaint’s result once, after the response and before it closes', () => {
    expect(stepRefusal('reportResult', { status: 'responded', ...walkIn })).toBe('complaints.errors.notForwarded');
    expect(stepRefusal('reportResult', { status: 'investigating', ...forwarded })).toBe('complaints.errors.resultBeforeResponse');
    expect(stepRefusal('reportResult', { status: 'responded', ...forwarded })).toBeUndefined();
    expect(stepRefusal('close', { status: 'responded', ...forwarded })).toBe('complaints.errors.reportResultFirst');
    expect(stepRefusal('reportResult', { status: 'followedUp', forwarded: true, resultReported: true })).toBe('complaints.errors.resultReported');
    expect(stepRefusal('close', { status: 'followedUp', forwarded: true, resultReported: true })).toBeUndefined();
  });
});
