import { PAIRING_BLOCK_MS, PAIRING_MAX_WRONG, PAIRING_WINDOW_MS } from '@shared/rules/pairing';

/**
 * Wrong pairing codes per address: five within ten minutes lock that address out for ten minutes.
 * Kept in memory (a restart forgets it; the open code also counts its wrong tries in the database
 * and closes after too many from anywhere). Time comes from the caller's clock.
 */
export class PairingThrottle {
  private readonly wrong = new Map<string, number[]>();
  private readonly blocked = new Map<string, number>();

  /** Until when an address is locked out, if it is. */
  blockedUntil(address: string, now: number): number | undefined {
    const until = this.blocked.get(address);
    if (until === undefined) return undefined;
    if (until > now) return until;
    this.blocked.delete(address);
    return undefined;
  }

  /** Counts a wrong code; answers how many tries are left before the lock-out (0: locked now). */
  fail(address: string, now: number): number {
    const recent = (this.wrong.get(address) ?? []).filter((at) => now - at < PAIRING_WINDOW_MS);
    recent.push(now);
    if (recent.length >= PAIRING_MAX_WRONG) {
      this.wrong.delete(address);
      this.blocked.set(address, now + PAIRING_BLOCK_MS);
      return 0;
    }
    this.wrong.set(address, recent);
    return PAIRING_MAX_WRONG - recent.length;
  }

  succeed(address: string): void {
    this.wrong.delete(address);
  }
}
