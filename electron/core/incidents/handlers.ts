import { COUNTER, type IncidentDetail, type incidentsMethods } from '@shared/contract';
import { ALWAYS_NOTIFIED, canMove, canSkip, closeRefusal, noticeCompletedAt, notifiedLate } from '@shared/rules/incidents';
import { atParkTime, DAY, isStillToCome, MINUTE, parkDate, parkDayBounds } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { saveReportFile } from '../pdf/file';
import { readSettings } from '../settings/store';
import { getStaff, isManagerRole } from '../staff/store';
import { incidentReport } from './report';
import { CLOCK_ORDER, INCIDENT_SELECT, INCIDENTS_CLOSED_SQL, INCIDENTS_OF_DAY_SQL, INCIDENTS_OPEN_SQL, getIncident, loadDetail, partyMarks, toSummary, type IncidentRow } from './store';
import { containsPattern } from '../db/like';

/** A time recorded for an incident may be a minute before it (the minute it was typed for). */
const BEFORE_INCIDENT_SLACK_MS = MINUTE;

export function incidentsHandlers(services: Services): HandlersFor<keyof typeof incidentsMethods> {
  const { db } = services;

  const found = (id: number): IncidentRow => {
    const row = getIncident(db, id);
    if (!row) throw fieldError('NOT_FOUND', 'incidentId', 'incidents.errors.notFound');
    return row;
  };

  /** An incident that still takes entries: closed ones are the record, and stay as they are. */
  const writable = (id: number): IncidentRow => {
    const row = found(id);
    if (row.status === 'closed') throw new AppError('CONFLICT', 'incidents.errors.closed', { refNo: row.ref_no });
    return row;
  };

  /** After a write: the change is announced, and the caller gets the incident as it now stands. */
  const changed = (ctx: CallContext, id: number): IncidentDetail => {
    db.prepare('UPDATE incident SET updated_at = ? WHERE id = ?').run(ctx.now, id);
    ctx.emit('incidents.changed', { incidentId: id });
    return loadDetail(db, found(id), ctx.now);
  };

  const audit = (ctx: CallContext, action: string, row: IncidentRow, detail: Record<string, unknown>) =>
    ctx.audit({ action: `incidents.${action}`, entity: 'incident', entityId: row.ref_no, detail });

  /** A time recorded for the incident: not ahead of now, not before it happened. */
  const checkTime = (field: string, at: number | null, row: IncidentRow, now: number) => {
    if (at === null) return;
    if (isStillToCome(at, now)) throw fieldError('VALIDATION', field, 'incidents.errors.timeFuture');
    if (at < row.occurred_at - BEFORE_INCIDENT_SLACK_MS) throw fieldError('VALIDATION', field, 'incidents.errors.timeBeforeIncident');
  };

  /** A staff member who may take on an incident (or go with a visitor): exists and is active. */
  const activeStaff = (field: string, staffId: number) => {
    const staff = getStaff(db, staffId);
    if (!staff) throw fieldError('NOT_FOUND', field, 'incidents.errors.staffNotFound');
    if (staff.active !== 1) throw fieldError('CONFLICT', field, 'incidents.errors.staffInactive', { name: staff.name });
    return staff;
  };

  /**
   * After a party is notified or skipped: once every party the event calls for is, the clock stops at
   * the last of them (set once). Answers what the audit row says about it.
   */
  const settleNotice = (row: IncidentRow): { done: true; late: boolean } | undefined => {
    if (row.notice_done_at !== null) return undefined;
    const doneAt = noticeCompletedAt(row.nature, partyMarks(db, row.id));
    if (doneAt === null) return undefined;
    db.prepare('UPDATE incident SET notice_done_at = ? WHERE id = ? AND notice_done_at IS NULL').run(doneAt, row.id);
    return { done: true, late: notifiedLate(row.received_at, doneAt) === true };
  };

  return {
    'incidents.report': (input, ctx) => {
      const actor = actorOf(ctx);
      const { timeZone } = readSettings(db);
      const occurredAt = input.occurredAt ?? ctx.now;
      if (isStillToCome(occurredAt, ctx.now)) throw fieldError('VALIDATION', 'occurredAt', 'incidents.errors.occurredFuture');
      if (occurredAt < ctx.now - 7 * DAY) throw fieldError('VALIDATION', 'occurredAt', 'incidents.errors.occurredTooOld');
      const date = parkDate(ctx.now, timeZone);
      const seq = db.prepare<[string], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM incident WHERE park_date = ?').get(date)?.n ?? 1;
      const refNo = `I${date.replaceAll('-', '')}-${String(seq).padStart(2, '0')}`;
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO incident (ref_no, park_date, seq, nature, location, description, occurred_at, received_at, received_by, owner_id,
                                 reporter_name, reporter_phone, reporter_address, updated_at)
           VALUES (@refNo, @date, @seq, @nature, @location, @description, @occurredAt, @now, @actor, @actor,
                   @reporterName, @reporterPhone, @reporterAddress, @now)`,
        )
        .run({
          refNo,
          date,
          seq,
          nature: input.nature,
          location: input.location,
          description: input.description || null,
          occurredAt,
          now: ctx.now,
          actor: actor.id,
          reporterName: input.reporterName,
          reporterPhone: input.reporterPhone || null,
          reporterAddress: input.reporterAddress || null,
        });
      const id = Number(lastInsertRowid);
      ctx.audit({
        action: 'incidents.report',
        entity: 'incident',
        entityId: refNo,
        detail: { nature: input.nature, location: input.location, occurredAt, owner: actor.id },
      });
      return changed(ctx, id);
    },

    'incidents.get': (input, ctx) => {
      const row = getIncident(db, input.id);
      if (!row) throw new AppError('NOT_FOUND', 'incidents.errors.notFound');
      return loadDetail(db, row, ctx.now);
    },

    'incidents.list': (input, ctx) => {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: input.limit + 1 };
      if (input.status === 'active') where.push("i.status <> 'closed'");
      else if (input.status !== 'all') {
        where.push('i.status = @status');
        params.status = input.status;
      }
      if (input.nature) {
        where.push('i.nature = @nature');
        params.nature = input.nature;
      }
      if (input.date) {
        const { timeZone } = readSettings(db);
        const bounds = parkDayBounds(atParkTime(input.date, '12:00', timeZone), timeZone);
        where.push('i.received_at >= @from AND i.received_at < @to');
        params.from = bounds.start;
        params.to = bounds.end;
      }
      if (input.query) {
        where.push("(i.ref_no LIKE @q ESCAPE '\\' OR i.reporter_name LIKE @q ESCAPE '\\' OR i.location LIKE @q ESCAPE '\\')");
        params.q = containsPattern(input.query);
      }
      // Incidents still being handled come by their clock (not yet notified first, oldest first);
      // the record (closed, all) newest first, a page at a time.
      const byClock = input.status === 'active' || input.status === 'open' || input.status === 'handled';
      if (!byClock && input.beforeId !== undefined) {
        where.push('i.id < @beforeId');
        params.beforeId = input.beforeId;
      }
      const rows = db
        .prepare<Record<string, string | number>, IncidentRow>(
          `${INCIDENT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${byClock ? CLOCK_ORDER : 'i.id DESC'} LIMIT @limit`,
        )
        .all(params);
      const page = rows.slice(0, input.limit);
      return {
        rows: page.map((row) => toSummary(row, ctx.now)),
        nextBeforeId: !byClock && rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
        moreThanShown: byClock && rows.length > input.limit,
      };
    },

    'incidents.open': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const day = parkDayBounds(input.date ? atParkTime(input.date, '12:00', timeZone) : ctx.now, timeZone);
      const incidents = db
        .prepare<[], IncidentRow>(INCIDENTS_OPEN_SQL)
        .all()
        .map((row) => toSummary(row, ctx.now));
      const ofDay = db.prepare<[number, number], Pick<IncidentRow, 'received_at' | 'notice_done_at'>>(INCIDENTS_OF_DAY_SQL).all(day.start, day.end);
      const closed = db.prepare<[number, number], { n: number }>(INCIDENTS_CLOSED_SQL).get(day.start, day.end)?.n ?? 0;
      const count = (notice: string) => incidents.filter((incident) => incident.notice === notice).length;
      return {
        parkDate: day.date,
        incidents,
        counts: {
          active: incidents.length,
          open: incidents.filter((incident) => incident.status === 'open').length,
          handled: incidents.filter((incident) => incident.status === 'handled').length,
          pending: count('pending'),
          overdue: count('overdue'),
          notifiedLate: count('late'),
        },
        day: {
          reported: ofDay.length,
          closed,
          notifiedInTime: ofDay.filter((row) => notifiedLate(row.received_at, row.notice_done_at) === false).length,
          notifiedLate: ofDay.filter((row) => notifiedLate(row.received_at, row.notice_done_at) === true).length,
          notNotified: ofDay.filter((row) => row.notice_done_at === null).length,
        },
      };
    },

    'incidents.notify': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      db.prepare(
        `INSERT INTO incident_notification (incident_id, party, channel, person_name, note, at, by_staff)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, input.party, input.channel, input.personName || null, input.note || null, ctx.now, actor.id);
      db.prepare('UPDATE incident SET notifications = notifications + 1, notified_at = coalesce(notified_at, ?) WHERE id = ?').run(ctx.now, row.id);
      audit(ctx, 'notify', row, {
        party: input.party,
        channel: input.channel,
        ...(input.personName ? { personName: input.personName } : {}),
        ...(row.notified_at === null ? { first: true } : {}),
        ...settleNotice(row),
      });
      return changed(ctx, row.id);
    },

    'incidents.skipParty': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      if (input.party === ALWAYS_NOTIFIED) throw fieldError('VALIDATION', 'party', 'incidents.errors.dutyManagerAlways');
      if (!canSkip(row.nature, input.party)) throw fieldError('VALIDATION', 'party', 'incidents.errors.partyNotCalledFor', { party: input.party });
      const marks = partyMarks(db, row.id).filter((mark) => mark.party === input.party);
      const skipped = db.prepare<[number, string], { id: number }>('SELECT id FROM incident_party_skip WHERE incident_id = ? AND party = ?').get(row.id, input.party);
      if (skipped) throw fieldError('CONFLICT', 'party', 'incidents.errors.partyAlreadySkipped', { party: input.party });
      if (marks.length > 0) throw fieldError('CONFLICT', 'party', 'incidents.errors.partyAlreadyNotified', { party: input.party });
      db.prepare('INSERT INTO incident_party_skip (incident_id, party, reason, at, by_staff) VALUES (?, ?, ?, ?, ?)').run(row.id, input.party, input.reason, ctx.now, actor.id);
      audit(ctx, 'skipParty', row, { party: input.party, reason: input.reason, ...settleNotice(row) });
      return changed(ctx, row.id);
    },

    'incidents.sendStaff': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      db.prepare('INSERT INTO incident_staff_sent (incident_id, name, note, at, by_staff) VALUES (?, ?, ?, ?, ?)').run(
        row.id,
        input.name,
        input.note || null,
        ctx.now,
        actor.id,
      );
      audit(ctx, 'sendStaff', row, { name: input.name });
      return changed(ctx, row.id);
    },

    'incidents.statement': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      const { lastInsertRowid } = db
        .prepare('INSERT INTO incident_statement (incident_id, person_name, role, contact, text, at, by_staff) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, input.personName, input.role, input.contact || null, input.text, ctx.now, actor.id);
      // The statement's words stay in its table; the audit row says that one was taken, and from whom.
      audit(ctx, 'statement', row, { statementId: Number(lastInsertRowid), role: input.role });
      return changed(ctx, row.id);
    },

    'incidents.action': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      db.prepare('INSERT INTO incident_action (incident_id, text, at, by_staff) VALUES (?, ?, ?, ?)').run(row.id, input.text, ctx.now, actor.id);
      audit(ctx, 'action', row, { text: input.text });
      return changed(ctx, row.id);
    },

    'incidents.casualty': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      if (input.escortStaffId !== null) activeStaff('escortStaffId', input.escortStaffId);
      checkTime('leftAt', input.leftAt, row, ctx.now);
      checkTime('arrivedAt', input.arrivedAt, row, ctx.now);
      checkTime('returnedAt', input.returnedAt, row, ctx.now);
      const values = {
        name: input.name,
        injury: input.injury,
        firstAid: input.firstAid || null,
        toHospital: input.toHospital ? 1 : 0,
        hospital: input.toHospital ? input.hospital : null,
        escort: input.toHospital ? input.escortStaffId : null,
        leftAt: input.leftAt,
        arrivedAt: input.arrivedAt,
        returnedAt: input.returnedAt,
        now: ctx.now,
        actor: actor.id,
        incidentId: row.id,
      };
      let casualtyId = input.casualtyId;
      if (casualtyId === undefined) {
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO incident_casualty (incident_id, name, injury, first_aid, to_hospital, hospital, escort_id, left_at, arrived_at, returned_at,
                                            created_at, created_by, updated_at, updated_by)
             VALUES (@incidentId, @name, @injury, @firstAid, @toHospital, @hospital, @escort, @leftAt, @arrivedAt, @returnedAt, @now, @actor, @now, @actor)`,
          )
          .run(values);
        casualtyId = Number(lastInsertRowid);
      } else {
        const result = db
          .prepare(
            `UPDATE incident_casualty SET name = @name, injury = @injury, first_aid = @firstAid, to_hospital = @toHospital, hospital = @hospital,
                    escort_id = @escort, left_at = @leftAt, arrived_at = @arrivedAt, returned_at = @returnedAt, updated_at = @now, updated_by = @actor
             WHERE id = @casualtyId AND incident_id = @incidentId`,
          )
          .run({ ...values, casualtyId });
        if (result.changes === 0) throw fieldError('NOT_FOUND', 'casualtyId', 'incidents.errors.casualtyNotFound');
      }
      audit(ctx, 'casualty', row, {
        casualtyId,
        toHospital: input.toHospital,
        ...(input.toHospital ? { hospital: input.hospital, escortStaffId: input.escortStaffId, leftAt: input.leftAt, arrivedAt: input.arrivedAt, returnedAt: input.returnedAt } : {}),
        ...(input.casualtyId !== undefined ? { edit: true } : {}),
      });
      return changed(ctx, row.id);
    },

    'incidents.followUp': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      db.prepare('INSERT INTO incident_follow_up (incident_id, note, at, by_staff) VALUES (?, ?, ?, ?)').run(row.id, input.note, ctx.now, actor.id);
      audit(ctx, 'followUp', row, {});
      return changed(ctx, row.id);
    },

    'incidents.superior': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      db.prepare('INSERT INTO incident_superior (incident_id, name, note, at, by_staff) VALUES (?, ?, ?, ?, ?)').run(row.id, input.name, input.note || null, ctx.now, actor.id);
      audit(ctx, 'superior', row, { name: input.name });
      return changed(ctx, row.id);
    },

    'incidents.handOver': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      // 首问负责制: the owner hands over; a duty manager may reassign.
      if (actor.id !== row.owner_id && !isManagerRole(actor.role)) throw new AppError('FORBIDDEN', 'incidents.errors.notOwner', { name: row.owner_name });
      const target = activeStaff('toStaffId', input.toStaffId);
      if (!COUNTER.includes(target.role)) throw fieldError('CONFLICT', 'toStaffId', 'incidents.errors.staffRole', { name: target.name });
      if (target.id === row.owner_id) throw fieldError('CONFLICT', 'toStaffId', 'incidents.errors.handOverSelf', { name: target.name });
      db.prepare('INSERT INTO incident_hand_over (incident_id, from_staff, to_staff, note, at, by_staff) VALUES (?, ?, ?, ?, ?, ?)').run(
        row.id,
        row.owner_id,
        target.id,
        input.note,
        ctx.now,
        actor.id,
      );
      db.prepare('UPDATE incident SET owner_id = ? WHERE id = ?').run(target.id, row.id);
      audit(ctx, 'handOver', row, { from: row.owner_id, to: target.id, note: input.note });
      return changed(ctx, row.id);
    },

    'incidents.setStatus': (input, ctx) => {
      const actor = actorOf(ctx);
      const row = writable(input.incidentId);
      if (input.status === 'closed') {
        const summary = toSummary(row, ctx.now);
        const superiorsInformed = db.prepare<[number], number>('SELECT count(*) FROM incident_superior WHERE incident_id = ?').pluck().get(row.id) ?? 0;
        const refusal = closeRefusal(row.status, summary.toNotify, { toHospital: summary.toHospital, superiorsInformed });
        if (refusal === 'notNotified') throw new AppError('CONFLICT', 'incidents.errors.closeNotNotified');
        if (refusal === 'noSuperior') throw new AppError('CONFLICT', 'incidents.errors.closeNoSuperior');
        if (refusal === 'notHandled') throw new AppError('CONFLICT', 'incidents.errors.closeNotHandled');
      }
      if (!canMove(row.status, input.status)) throw fieldError('CONFLICT', 'status', 'incidents.errors.moveNotAllowed');
      db.prepare(
        `UPDATE incident SET status = @to,
                handled_at = CASE @to WHEN 'open' THEN NULL WHEN 'handled' THEN @now ELSE handled_at END,
                closed_at = CASE @to WHEN 'closed' THEN @now ELSE NULL END
         WHERE id = @id`,
      ).run({ to: input.status, now: ctx.now, id: row.id });
      db.prepare('INSERT INTO incident_transition (incident_id, from_status, to_status, note, at, by_staff) VALUES (?, ?, ?, ?, ?, ?)').run(
        row.id,
        row.status,
        input.status,
        input.note || null,
        ctx.now,
        actor.id,
      );
      audit(ctx, 'status', row, { from: row.status, to: input.status, ...(input.note ? { note: input.note } : {}) });
      return changed(ctx, row.id);
    },

    'incidents.pdf': async (input, ctx) => {
      const actor = actorOf(ctx);
      const row = found(input.incidentId);
      const settings = readSettings(db);
      const language = input.language ?? settings.receiptLanguage;
      const document = incidentReport(loadDetail(db, row, ctx.now), {
        copy: input.copy,
        language,
        parkName: settings.parkName,
        timeZone: settings.timeZone,
        printedBy: actor.name,
        now: ctx.now,
      });
      const file = await saveReportFile(services.dataDir, 'reports/incidents', `incident-${row.ref_no}-${input.copy}.pdf`, document);
      db.transaction(() => audit(ctx, 'pdf', row, { copy: input.copy, language, pages: file.pages, file: file.savedAs }))();
      return file;
    },
  };
}
