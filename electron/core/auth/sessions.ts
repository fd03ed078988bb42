import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shared/contract';

export interface Session {
  staffId: number;
  role: Role;
  name: string;
  origin: string;
  /** The paired station the session was opened on; null on the counter PC itself. */
  stationId: number | null;
  createdAt: number;
  lastSeenAt: number;
}

export type Resolved = { status: 'ok'; session: Session } | { status: 'missing' } | { status: 'expired' };

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');

/**
 * Signed-in sessions, kept in the core's memory and keyed by a hash of the bearer token.
 * A session ends on sign-out, after the idle time, when its staff member is disabled or their
 * PIN is reset, and when the core restarts.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(session: Omit<Session, 'lastSeenAt'>): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(digest(token), { ...session, lastSeenAt: session.createdAt });
    return token;
  }

  /** Finds the session of a token; an idle one is ended here. A live one is marked as seen. */
  resolve(token: string | undefined, now: number, idleMs: number): Resolved {
    if (!token) return { status: 'missing' };
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return { status: 'missing' };
    if (now - session.lastSeenAt > idleMs) {
      this.sessions.delete(key);
      return { status: 'expired' };
    }
    session.lastSeenAt = Math.max(session.lastSeenAt, now);
    return { status: 'ok', session };
  }

  /** Whether a token still has a live session, without counting this as activity (live streams). */
  peek(token: string | undefined, now: number, idleMs: number): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(digest(token));
    return session && now - session.lastSeenAt <= idleMs ? session : undefined;
  }

  end(token: string): void {
    this.sessions.delete(digest(token));
  }

  /** Everyone signs in again (a restored database may not know them). */
  endAll(): void {
    this.sessions.clear();
  }

  /** Everyone signed in on a station whose token was withdrawn. */
  endAllOfStation(stationId: number): void {
    for (const [key, session] of this.sessions) if (session.stationId === stationId) this.sessions.delete(key);
  }

  endAllOf(staffId: number): void {
    for (const [key, session] of this.sessions) if (session.staffId === staffId) this.sessions.delete(key);
  }

  /** Keeps name and role current after a manager edits the staff member. */
  refresh(staffId: number, patch: Pick<Session, 'name' | 'role'>): void {
    for (const session of this.sessions.values()) if (session.staffId === staffId) Object.assign(session, patch);
  }
}
