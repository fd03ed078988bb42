import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shared/contract';
import type { IdleLimit } from '@shared/rules/sessions';
import type { Db } from '../db/open';

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
 * How far a session's last activity may run ahead of its saved copy. A session is saved when it
 * opens and then at most this often while it is used, so a busy screen costs no write per call; after
 * a crash a session may end this much sooner than it would have (a clean close saves them all).
 */
export const SESSION_SAVE_MS = 10_000;

interface SessionRow {
  token_hash: string;
  staff_id: number;
  role: Role;
  name: string;
  origin: string;
  station_id: number | null;
  created_at: number;
  last_seen_at: number;
}

interface Held extends Session {
  /** The last activity the database has. */
  savedSeenAt: number;
}

/**
 * Signed-in sessions, keyed by a hash of the bearer token: held in the core's memory and saved in
 * the database, so a restart of the counter signs nobody out. A session ends on sign-out, after the
 * idle time, when its staff member is disabled or their PIN is reset, when its station is withdrawn,
 * and on a restore.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Held>();

  /** Takes up the saved sessions of active staff that were not idle longer than their role's `idle` limit at `now`. */
  constructor(
    private readonly db: Db,
    now: number,
    idle: IdleLimit,
  ) {
    db.prepare('DELETE FROM session WHERE staff_id IN (SELECT id FROM staff WHERE active = 0)').run();
    const rows = db.prepare<[], SessionRow>('SELECT s.*, st.role, st.name FROM session s JOIN staff st ON st.id = s.staff_id').all();
    for (const row of rows) {
      this.sessions.set(row.token_hash, { staffId: row.staff_id, role: row.role, name: row.name, origin: row.origin, stationId: row.station_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, savedSeenAt: row.last_seen_at });
    }
    this.forgetIdle(now, idle);
  }

  /** Opens a session; those idle longer than their role's limit (screens closed without signing out) end here. */
  create(session: Omit<Session, 'lastSeenAt'>, idle: IdleLimit): string {
    this.forgetIdle(session.createdAt, idle);
    const token = randomBytes(32).toString('base64url');
    const key = digest(token);
    this.db
      .prepare('INSERT INTO session (token_hash, staff_id, origin, station_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(key, session.staffId, session.origin, session.stationId, session.createdAt, session.createdAt);
    this.sessions.set(key, { ...session, lastSeenAt: session.createdAt, savedSeenAt: session.createdAt });
    return token;
  }

  /** Finds the session of a token; an idle one is ended here. A live one is marked as seen. */
  resolve(token: string | undefined, now: number, idle: IdleLimit): Resolved {
    if (!token) return { status: 'missing' };
    const key = digest(token);
    const session = this.sessions.get(key);
    if (!session) return { status: 'missing' };
    if (now - session.lastSeenAt > idle(session.role)) {
      this.forget([key]);
      return { status: 'expired' };
    }
    session.lastSeenAt = Math.max(session.lastSeenAt, now);
    if (session.lastSeenAt - session.savedSeenAt >= SESSION_SAVE_MS) {
      try {
        this.save(key, session);
      } catch {
        // The held copy is what counts while the core runs: a save that fails (a full disk) is
        // tried again on the next call and does not refuse this one.
      }
    }
    return { status: 'ok', session };
  }

  /** Whether a token still has a live session, without counting this as activity (live streams). */
  peek(token: string | undefined, now: number, idle: IdleLimit): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(digest(token));
    return session && now - session.lastSeenAt <= idle(session.role) ? session : undefined;
  }

  end(token: string): void {
    this.forget([digest(token)]);
  }

  /** Everyone signs in again (a restored database may not know them). */
  endAll(): void {
    this.sessions.clear();
    this.db.prepare('DELETE FROM session').run();
  }

  /** Everyone signed in on a station whose token was withdrawn. */
  endAllOfStation(stationId: number): void {
    this.forget([...this.sessions].filter(([, session]) => session.stationId === stationId).map(([key]) => key));
  }

  endAllOf(staffId: number): void {
    this.forget([...this.sessions].filter(([, session]) => session.staffId === staffId).map(([key]) => key));
  }

  /** Keeps name and role current after a manager edits the staff member. */
  refresh(staffId: number, patch: Pick<Session, 'name' | 'role'>): void {
    for (const session of this.sessions.values()) if (session.staffId === staffId) Object.assign(session, patch);
  }

  /** Saves every session's last activity (the core is closing). */
  saveAll(): void {
    this.db.transaction(() => {
      for (const [key, session] of this.sessions) if (session.lastSeenAt > session.savedSeenAt) this.save(key, session);
    })();
  }

  private save(key: string, session: Held): void {
    this.db.prepare('UPDATE session SET last_seen_at = ? WHERE token_hash = ?').run(session.lastSeenAt, key);
    session.savedSeenAt = session.lastSeenAt;
  }

  private forgetIdle(now: number, idle: IdleLimit): void {
    this.forget([...this.sessions].filter(([, held]) => now - held.lastSeenAt > idle(held.role)).map(([key]) => key));
  }

  private forget(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const remove = this.db.prepare('DELETE FROM session WHERE token_hash = ?');
    this.db.transaction(() => {
      for (const key of keys) {
        this.sessions.delete(key);
        remove.run(key);
      }
    })();
  }
}
