import { randomInt, timingSafeEqual } from 'node:crypto';
import type { stationsMethods } from '@shared/contract';
import {
  formatPairingCode,
  PAIRING_ALPHABET,
  PAIRING_BLOCK_MS,
  PAIRING_MAX_WRONG_TOTAL,
  PAIRING_OPEN_MS,
  pairingCodeFor,
  SECRET_LENGTH,
} from '@shared/rules/pairing';
import { MINUTE } from '@shared/rules/time';
import { writeAudit } from '../audit/store';
import { actorOf, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { readSettings } from '../settings/store';
import { newStationToken, tokenHash, type StationStore } from './store';
import { PairingThrottle } from './throttle';

const drawSecret = (): string => Array.from({ length: SECRET_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');

/** The refusal of an address that is locked out, with the minutes still to wait, shown at the code. */
const lockedOut = (until: number, now: number) => fieldError('LOCKED', 'code', 'stations.errors.tooManyTries', { minutes: Math.max(1, Math.ceil((until - now) / MINUTE)) });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function stationsHandlers(services: Services, stations: StationStore): HandlersFor<keyof typeof stationsMethods> {
  const { db, lan } = services;
  const throttle = new PairingThrottle();

  /** The open code, if it is still valid for the certificate the LAN listener serves now. */
  const currentCode = (now: number) => {
    const row = stations.openCode();
    return row && row.expires_at > now && row.fingerprint === lan.fingerprint ? row : undefined;
  };

  return {
    'stations.status': (_input, ctx) => {
      const code = currentCode(ctx.now);
      return {
        enabled: readSettings(db).sharingEnabled,
        listening: lan.listening,
        port: lan.port,
        addresses: lan.addresses,
        fingerprint: lan.fingerprint,
        problem: lan.problem,
        pairing: code ? { code: formatPairingCode(pairingCodeFor(code.secret, code.fingerprint)), expiresAt: code.expires_at, openedBy: code.opened_by_name } : null,
      };
    },

    'stations.openPairing': (_input, ctx) => {
      const actor = actorOf(ctx);
      if (!readSettings(db).sharingEnabled) throw new AppError('CONFLICT', 'stations.errors.sharingOff');
      if (!lan.listening || !lan.fingerprint) throw new AppError('CONFLICT', 'stations.errors.notListening');
      const secret = drawSecret();
      const expiresAt = ctx.now + PAIRING_OPEN_MS;
      db.prepare(
        `INSERT INTO pairing_code (id, secret, fingerprint, opened_by, opened_at, expires_at, wrong) VALUES (1, ?, ?, ?, ?, ?, 0)
         ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, fingerprint = excluded.fingerprint, opened_by = excluded.opened_by,
           opened_at = excluded.opened_at, expires_at = excluded.expires_at, wrong = 0`,
      ).run(secret, lan.fingerprint, actor.id, ctx.now, expiresAt);
      ctx.audit({ action: 'stations.openPairing', entity: 'pairing', detail: { expiresAt } });
      ctx.emit('stations.changed', { stationId: null });
      return { code: formatPairingCode(pairingCodeFor(secret, lan.fingerprint)), expiresAt };
    },

    'stations.closePairing': (_input, ctx) => {
      const closed = db.prepare('DELETE FROM pairing_code').run().changes;
      if (closed > 0) {
        ctx.audit({ action: 'stations.closePairing', entity: 'pairing' });
        ctx.emit('stations.changed', { stationId: null });
      }
      return { ok: true as const };
    },

    // Custom mode: a wrong code is counted (and audited) in its own transaction, then refused.
    'stations.pair': (input, ctx) => {
      const address = ctx.origin;
      const until = throttle.blockedUntil(address, ctx.now);
      if (until !== undefined) throw lockedOut(until, ctx.now);
      const code = currentCode(ctx.now);
      if (!code || !sameText(input.code, pairingCodeFor(code.secret, code.fingerprint))) {
        const left = throttle.fail(address, ctx.now);
        db.transaction(() => {
          if (code) {
            const wrong = code.wrong + 1;
            if (wrong >= PAIRING_MAX_WRONG_TOTAL) db.prepare('DELETE FROM pairing_code').run();
            else db.prepare('UPDATE pairing_code SET wrong = ? WHERE id = 1').run(wrong);
          }
          writeAudit(db, { at: ctx.now, staffId: null, action: 'stations.pairFailed', entity: 'pairing', detail: { address, left }, origin: ctx.origin });
        }).immediate();
        if (left === 0) throw lockedOut(ctx.now + PAIRING_BLOCK_MS, ctx.now);
        throw fieldError('VALIDATION', 'code', 'stations.errors.wrongCode', { left });
      }
      throttle.succeed(address);
      const token = newStationToken();
      const stationId = db
        .transaction(() => {
          const id = Number(
            db
              .prepare('INSERT INTO station (name, token_hash, paired_at, paired_by, paired_from, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?, ?, ?)')
              .run(input.name, tokenHash(token), ctx.now, code.opened_by, address, ctx.now, address).lastInsertRowid,
          );
          db.prepare('DELETE FROM pairing_code').run();
          // On the authority of the manager who opened the code.
          writeAudit(db, { at: ctx.now, staffId: code.opened_by, action: 'stations.pair', entity: 'station', entityId: id, detail: { name: input.name, address }, origin: ctx.origin });
          return id;
        })
        .immediate();
      ctx.emit('stations.paired', { stationId, name: input.name });
      return { stationId, name: input.name, token };
    },

    'stations.list': () => stations.list(),

    'stations.revoke': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = db.prepare<[number], { name: string; revoked_at: number | null }>('SELECT name, revoked_at FROM station WHERE id = ?').get(input.stationId);
      if (!row) throw new AppError('NOT_FOUND', 'stations.errors.notFound');
      if (row.revoked_at !== null) throw new AppError('CONFLICT', 'stations.errors.alreadyRevoked', { name: row.name });
      db.prepare('UPDATE station SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(ctx.now, actor.id, input.stationId);
      services.sessions.endAllOfStation(input.stationId);
      ctx.audit({ action: 'stations.revoke', entity: 'station', entityId: input.stationId, detail: { name: row.name } });
      ctx.emit('stations.revoked', { stationId: input.stationId });
      ctx.emit('stations.changed', { stationId: input.stationId });
      return { ok: true as const };
    },
  };
}
