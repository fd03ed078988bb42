import { createHash, randomBytes } from 'node:crypto';
import type { StationView } from '@shared/contract';
import type { Db } from '../db/open';

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
export const newStationToken = (): string => randomBytes(32).toString('base64url');

export interface PairingRow {
  secret: string;
  fingerprint: string;
  opened_by: number;
  opened_by_name: string;
  opened_at: number;
  expires_at: number;
  wrong: number;
}

interface StationRow {
  id: number;
  name: string;
  paired_at: number;
  paired_by_name: string;
  last_seen_at: number | null;
  last_address: string | null;
  revoked_at: number | null;
  revoked_by_name: string | null;
}

/** A station token as the LAN transport sees it: a paired station, a revoked one, or nothing known. */
export type StationCheck = { status: 'paired'; id: number; name: string } | { status: 'revoked'; id: number } | { status: 'unknown' };

/** How often a station's "last seen" is written at most: every call would otherwise be a write. */
const SEEN_EVERY_MS = 30_000;

export function stationStore(db: Db) {
  const byToken = db.prepare<[string], { id: number; name: string; revoked_at: number | null; last_seen_at: number | null; last_address: string | null }>(
    'SELECT id, name, revoked_at, last_seen_at, last_address FROM station WHERE token_hash = ?',
  );
  const seen = db.prepare('UPDATE station SET last_seen_at = ?, last_address = ? WHERE id = ?');
  const revokedById = db.prepare<[number], { revoked_at: number | null }>('SELECT revoked_at FROM station WHERE id = ?');

  return {
    /** Checks a station token and notes when and from where the station was last heard from. */
    check(token: string | undefined, now: number, address: string): StationCheck {
      if (!token) return { status: 'unknown' };
      const row = byToken.get(tokenHash(token));
      if (!row) return { status: 'unknown' };
      if (row.revoked_at !== null) return { status: 'revoked', id: row.id };
      if (row.last_seen_at === null || now - row.last_seen_at >= SEEN_EVERY_MS || row.last_address !== address) seen.run(now, address, row.id);
      return { status: 'paired', id: row.id, name: row.name };
    },

    /** Whether a station may still be served (its live streams ask this at every heartbeat). */
    active(stationId: number): boolean {
      const row = revokedById.get(stationId);
      return row !== undefined && row.revoked_at === null;
    },

    openCode(): PairingRow | undefined {
      return db
        .prepare<[], PairingRow>(
          `SELECT p.secret, p.fingerprint, p.opened_by, s.name AS opened_by_name, p.opened_at, p.expires_at, p.wrong
           FROM pairing_code p JOIN staff s ON s.id = p.opened_by WHERE p.id = 1`,
        )
        .get();
    },

    list(): StationView[] {
      return db
        .prepare<[], StationRow>(
          `SELECT st.id, st.name, st.paired_at, p.name AS paired_by_name, st.last_seen_at, st.last_address, st.revoked_at, r.name AS revoked_by_name
           FROM station st JOIN staff p ON p.id = st.paired_by LEFT JOIN staff r ON r.id = st.revoked_by
           ORDER BY st.paired_at DESC, st.id DESC`,
        )
        .all()
        .map((row) => ({
          id: row.id,
          name: row.name,
          pairedAt: row.paired_at,
          pairedBy: row.paired_by_name,
          lastSeenAt: row.last_seen_at,
          lastAddress: row.last_address,
          revokedAt: row.revoked_at,
          revokedBy: row.revoked_by_name,
        }));
    },
  };
}

export type StationStore = ReturnType<typeof stationStore>;
