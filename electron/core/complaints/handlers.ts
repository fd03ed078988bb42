import { CALL_BACK_CHANNELS, ESCALATION_LEVELS, OFFICIAL_CHANNELS, OPEN_COMPLAINT_STATUSES, type complaintsMethods, type ComplaintView, type PagingView, type SummaryView } from '@shared/contract';
import { groupEscalationNote, stepRefusal, summaryAsClosed, summaryState, weekStart } from '@shared/rules/complaints';
import { atParkTime, DAY, parkDate, parkDayBounds, isStillToCome } from '@shared/rules/time';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { fieldError } from '../errors';
import { registerPaging } from '../paging/store';
import { isSlipOpen, pagingRef } from '@shared/rules/paging';
import { requestEscalationDecision, settleEscalation } from '../approvals/store';
import { readSettings } from '../settings/store';
import { calendarOverrides, complaintListQuery, getComplaint, recordStep, runningComplaintClocks, STATUS_AFTER, stepUpdateSql, toComplaintView, type ComplaintRow, type ComplaintStepKind, type StepExtra } from './store';
import { closedSummaryFiles, prepareSummaryFiles, summaryFile } from './exports';
import { composeSummary, recordSummaryClose } from './summary';
import { complaintRecord } from './record';
import { saveReportFile } from '../pdf/file';


export function complaintsHandlers(services: Services): HandlersFor<keyof typeof complaintsMethods> {
  const { db } = services;

  const view = (row: ComplaintRow, now: number): ComplaintView => {
    const { timeZone } = readSettings(db);
    return toComplaintView(db, row, now, timeZone, calendarOverrides(db));
  };
  const load = (id: number, now: number): ComplaintView => {
    const row = getComplaint(db, id);
    if (!row) throw fieldError('NOT_FOUND', 'id', 'complaints.errors.notFound');
    return view(row, now);
  };
  const rowOrFail = (id: number): ComplaintRow => {
    const row = getComplaint(db, id);
    if (!row) throw fieldError('NOT_FOUND', 'id', 'complaints.errors.notFound');
    return row;
  };
  const record = (ctx: CallContext, complaintId: number, step: ComplaintStepKind, note: string, extra: StepExtra = {}) =>
    recordStep(db, ctx, actorOf(ctx).id, complaintId, step, note, extra);
  const changed = (ctx: CallContext, ids: number[], date?: string) => ctx.emit('complaints.changed', { ids, ...(date ? { date } : {}) });
  const departmentExists = (id: number) => db.prepare<[number], { id: number }>('SELECT id FROM department WHERE id = ? AND active = 1').get(id) !== undefined;

  const summaryOf = (date: string, now: number) => {
    const settings = readSettings(db);
    return composeSummary(db, date, now, settings.timeZone, settings.complaintSummaryDeadline);
  };
  /** A department's own file only for a department with a record in the summary. */
  const inSummary = (summary: SummaryView, departmentId: number | undefined) => {
    if (departmentId !== undefined && !summary.departments.some((d) => d.departmentId === departmentId)) {
      throw fieldError('NOT_FOUND', 'departmentId', 'complaints.errors.departmentNotInSummary');
    }
  };
  /** A draft's files are the summary as its close would keep it (without opinions naming no department). */
  const asKept = (summary: SummaryView): SummaryView => (summary.closedAt === null ? summaryAsClosed(summary) : summary);
  const documentContext = () => {
    const settings = readSettings(db);
    return { parkName: settings.parkName, timeZone: settings.timeZone };
  };

  return {
    'complaints.create': (input, ctx) => {
      const actor = actorOf(ctx);
      const existing = db.prepare<[string], { id: number }>('SELECT id FROM complaint WHERE client_ref = ?').get(input.clientRef);
      if (existing) return load(existing.id, ctx.now);
      const receivedAt = input.receivedAt ?? ctx.now;
      if (isStillToCome(receivedAt, ctx.now)) throw fieldError('VALIDATION', 'receivedAt', 'lostFound.errors.foundInFuture');
      if (isStillToCome(input.happenedAt, ctx.now)) throw fieldError('VALIDATION', 'happenedAt', 'lostFound.errors.foundInFuture');
      if (input.departmentId !== undefined && !departmentExists(input.departmentId)) throw fieldError('VALIDATION', 'departmentId', 'paging.errors.departmentNotFound');
      const { timeZone } = readSettings(db);
      const date = parkDate(receivedAt, timeZone);
      const stem = `C${date.replaceAll('-', '')}-`;
      const seq = (db.prepare<[string], { n: number }>('SELECT coalesce(max(seq), 0) + 1 AS n FROM complaint WHERE park_date = ?').get(date)?.n ?? 1);
      const number = `${stem}${String(seq).padStart(4, '0')}`;
      // A group complaint goes to the duty manager at once.
      const level = input.group ? 'dutyManager' : 'frontline';
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO complaint (complaint_no, client_ref, park_date, seq, channel, external_ref, received_at, received_by, complainant_name, phone,
             group_complaint, group_size, representative, place, happened_at, category, department_id, description, request, severity, level, updated_at)
           VALUES (@number, @clientRef, @date, @seq, @channel, @externalRef, @receivedAt, @actor, @name, @phone,
             @group, @groupSize, @representative, @place, @happenedAt, @category, @departmentId, @description, @request, @severity, @level, @now)`,
        )
        .run({
          number,
          clientRef: input.clientRef,
          date,
          seq,
          channel: input.channel,
          externalRef: input.externalRef,
          receivedAt,
          actor: actor.id,
          name: input.complainantName,
          phone: input.phone || null,
          group: input.group ? 1 : 0,
          groupSize: input.group ? (input.groupSize ?? null) : null,
          representative: input.group ? input.representative : '',
          place: input.place,
          happenedAt: input.happenedAt,
          category: input.category,
          departmentId: input.departmentId ?? null,
          description: input.description,
          request: input.request,
          severity: input.severity,
          level,
          now: ctx.now,
        });
      const id = Number(lastInsertRowid);
      if (input.group) {
        record(ctx, id, 'escalate', groupEscalationNote(input.groupSize), { level: 'dutyManager' });
        requestEscalationDecision(db, ctx, id, actorOf(ctx).id, groupEscalationNote(input.groupSize));
      }
      ctx.audit({ action: 'complaints.create', entity: 'complaint', entityId: number, detail: { channel: input.channel, category: input.category, group: input.group, severity: input.severity } });
      changed(ctx, [id], date);
      return load(id, ctx.now);
    },

    'complaints.update': (input, ctx) => {
      const row = rowOrFail(input.id);
      if (!OPEN_COMPLAINT_STATUSES.includes(row.status)) throw fieldError('CONFLICT', 'id', 'complaints.errors.closed', { status: row.status });
      // A department closed since is kept as it is; only a newly chosen one must be open.
      if (input.departmentId != null && input.departmentId !== row.department_id && !departmentExists(input.departmentId)) {
        throw fieldError('VALIDATION', 'departmentId', 'paging.errors.departmentNotFound');
      }
      const next = {
        complainant_name: input.complainantName ?? row.complainant_name,
        phone: input.phone === undefined ? row.phone : input.phone || null,
        place: input.place ?? row.place,
        category: input.category ?? row.category,
        department_id: input.departmentId === undefined ? row.department_id : input.departmentId,
        description: input.description ?? row.description,
        request: input.request ?? row.request,
        severity: input.severity ?? row.severity,
      };
      // A complaint taken by phone is called back: as when it was recorded, its number cannot be cleared.
      if (CALL_BACK_CHANNELS.includes(row.channel) && next.phone === null) throw fieldError('VALIDATION', 'phone', 'validation.phoneForCallBack');
      const edited = Object.entries(next).filter(([key, value]) => value !== row[key as keyof ComplaintRow]);
      if (edited.length === 0) return view(row, ctx.now);
      // What changed, from and to; a phone number only as "changed": the audit log keeps no personal
      // numbers, since the retention job cannot erase them there.
      const changes = Object.fromEntries(edited.map(([key, value]) => [key, key === 'phone' ? 'changed' : [row[key as keyof ComplaintRow], value]]));
      db.prepare(
        `UPDATE complaint SET complainant_name = @complainant_name, phone = @phone, place = @place, category = @category,
                department_id = @department_id, description = @description, request = @request, severity = @severity, updated_at = @now WHERE id = @id`,
      ).run({ ...next, now: ctx.now, id: row.id });
      ctx.audit({ action: 'complaints.update', entity: 'complaint', entityId: row.complaint_no, detail: { changes } });
      changed(ctx, [row.id]);
      return load(row.id, ctx.now);
    },

    'complaints.get': (input, ctx) => load(input.id, ctx.now),

    'complaints.pdf': async (input, ctx) => {
      const actor = actorOf(ctx);
      const complaint = load(input.id, ctx.now);
      const settings = readSettings(db);
      const language = input.language ?? settings.receiptLanguage;
      const document = complaintRecord(complaint, { copy: input.copy, language, parkName: settings.parkName, timeZone: settings.timeZone, printedBy: actor.name, now: ctx.now });
      const file = await saveReportFile(services.dataDir, 'reports/complaints/records', `complaint-${complaint.complaintNo}-${input.copy}.pdf`, document);
      db.transaction(() =>
        ctx.audit({ action: 'complaints.pdf', entity: 'complaint', entityId: complaint.complaintNo, detail: { copy: input.copy, language, pages: file.pages, file: file.savedAs } }),
      )();
      return file;
    },

    'complaints.list': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const date = input.view === 'day' || input.date ? (input.date ?? parkDate(ctx.now, timeZone)) : undefined;
      const day = date ? parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone) : undefined;
      const { sql, params } = complaintListQuery({ ...input, day }, input.view === 'mine' ? actorOf(ctx).id : undefined);
      const rows = db.prepare<Record<string, string | number>, ComplaintRow>(sql).all(params);
      const page = rows.slice(0, input.limit);
      const overrides = calendarOverrides(db);
      return { rows: page.map((row) => toComplaintView(db, row, ctx.now, timeZone, overrides)), nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },

    'complaints.clocks': () => runningComplaintClocks(db, readSettings(db).timeZone, calendarOverrides(db)),

    'complaints.step': (input, ctx) => {
      const row = rowOrFail(input.id);
      const refusal = stepRefusal(input.step, { status: row.status, forwarded: OFFICIAL_CHANNELS.includes(row.channel), resultReported: row.result_reported_at !== null });
      if (refusal) throw fieldError('CONFLICT', 'step', refusal, { status: row.status, channel: row.channel });
      // Closed before its return visit (回访): only with the reason there is none.
      const withoutFollowUp = input.step === 'close' && row.status === 'responded';
      if (withoutFollowUp && !input.noFollowUp) throw fieldError('VALIDATION', 'noFollowUp', 'complaints.errors.followUpFirst');
      const status = STATUS_AFTER[input.step] ?? row.status;
      db.prepare(stepUpdateSql(input.step)).run(...(input.step === 'respond' ? [status, ctx.now, ctx.now, row.id] : [status, ctx.now, row.id]));
      const extra: StepExtra = {
        ...(input.method ? { method: input.method } : {}),
        ...(withoutFollowUp && input.noFollowUp ? { noFollowUp: input.noFollowUp } : {}),
        ...(input.step === 'reportResult' && input.reportedTo ? { reportedTo: input.reportedTo } : {}),
        ...(input.step === 'followUp' && input.satisfaction ? { satisfaction: input.satisfaction } : {}),
      };
      record(ctx, row.id, input.step, input.note, extra);
      ctx.audit({ action: `complaints.${input.step}`, entity: 'complaint', entityId: row.complaint_no, detail: { from: row.status, to: status, ...(extra.noFollowUp ? { noFollowUp: extra.noFollowUp } : {}), ...(extra.reportedTo ? { reportedTo: extra.reportedTo } : {}), ...(extra.satisfaction ? { satisfaction: extra.satisfaction } : {}) } });
      changed(ctx, [row.id]);
      return load(row.id, ctx.now);
    },

    'complaints.escalate': (input, ctx) => {
      const row = rowOrFail(input.id);
      if (!OPEN_COMPLAINT_STATUSES.includes(row.status)) throw fieldError('CONFLICT', 'id', 'complaints.errors.closed', { status: row.status });
      const climb = ESCALATION_LEVELS.indexOf(input.to) - ESCALATION_LEVELS.indexOf(row.level);
      if (climb <= 0) throw fieldError('CONFLICT', 'to', 'complaints.errors.alreadyAtLevel', { level: row.level });
      // One level at a time; passing over the duty manager is allowed only with the reason for it.
      const skipped = climb > 1;
      if (skipped && input.skipReason.length < 2) throw fieldError('VALIDATION', 'skipReason', 'complaints.errors.skipNeedsReason');
      db.prepare('UPDATE complaint SET level = ? WHERE id = ?').run(input.to, row.id);
      record(ctx, row.id, 'escalate', input.reason, { level: input.to, ...(skipped ? { skipReason: input.skipReason } : {}) });
      // Escalated to the duty manager: it waits on them. Past them: it no longer does.
      if (input.to === 'dutyManager') requestEscalationDecision(db, ctx, row.id, actorOf(ctx).id, input.reason);
      else settleEscalation(db, ctx, row.id, actorOf(ctx).id, input.reason);
      ctx.audit({ action: 'complaints.escalate', entity: 'complaint', entityId: row.complaint_no, detail: { from: row.level, to: input.to, reason: input.reason, ...(skipped ? { skipReason: input.skipReason } : {}) } });
      changed(ctx, [row.id]);
      return load(row.id, ctx.now);
    },

    'complaints.summon': (input, ctx) => {
      const row = rowOrFail(input.id);
      if (!OPEN_COMPLAINT_STATUSES.includes(row.status)) throw fieldError('CONFLICT', 'id', 'complaints.errors.closed', { status: row.status });
      if (row.department_id === null) throw fieldError('VALIDATION', 'departmentId', 'complaints.errors.noDepartment');
      if (row.paging_id !== null) {
        const open = db.prepare<[number], Pick<PagingView, 'status'>>('SELECT status FROM paging_request WHERE id = ?').get(row.paging_id);
        if (open && isSlipOpen(open)) throw fieldError('CONFLICT', 'id', 'complaints.errors.alreadySummoned');
      }
      const { id: pagingId, created } = registerPaging(db, ctx, actorOf(ctx).id, {
        clientRef: input.clientRef,
        source: 'complaint',
        sourceRef: row.complaint_no,
        details: { kind: 'summonHead', departmentId: row.department_id, reason: `${row.complaint_no} ${row.description.slice(0, 120)}` },
      });
      // The reference of a summons that has ended (an open one was refused above): nobody is paged, and the screen is told so.
      if (!created) throw fieldError('CONFLICT', 'id', 'complaints.errors.summonEnded');
      db.prepare('UPDATE complaint SET paging_id = ? WHERE id = ?').run(pagingId, row.id);
      record(ctx, row.id, 'summon', pagingRef(pagingId));
      ctx.audit({ action: 'complaints.summon', entity: 'complaint', entityId: row.complaint_no, detail: { pagingId } });
      changed(ctx, [row.id]);
      return load(row.id, ctx.now);
    },

    'complaints.summary': (input, ctx) => summaryOf(input.date ?? parkDate(ctx.now, readSettings(db).timeZone), ctx.now),

    'complaints.summary.remarks': (input, ctx) => {
      const stored = db.prepare<[string], { closed_at: number | null }>('SELECT closed_at FROM complaint_summary WHERE date = ?').get(input.date);
      if (stored?.closed_at) throw fieldError('CONFLICT', 'date', 'complaints.errors.summaryClosed', { date: input.date });
      db.prepare('INSERT INTO complaint_summary (date, remarks) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET remarks = excluded.remarks').run(input.date, input.remarks);
      ctx.audit({ action: 'complaints.remarks', entity: 'complaint_summary', entityId: input.date });
      changed(ctx, [], input.date);
      return summaryOf(input.date, ctx.now);
    },

    'complaints.summary.close': async (input, ctx) => {
      const actor = actorOf(ctx);
      const closedAt = () => db.prepare<[string], { closed_at: number | null }>('SELECT closed_at FROM complaint_summary WHERE date = ?').get(input.date)?.closed_at ?? null;
      const refuseClosed = () => {
        if (closedAt() !== null) throw fieldError('CONFLICT', 'date', 'complaints.errors.summaryClosed', { date: input.date });
      };
      refuseClosed();
      const today = parkDate(ctx.now, readSettings(db).timeZone);
      if (input.date > today) throw fieldError('VALIDATION', 'date', 'complaints.errors.summaryFuture');
      const stored = db.prepare<[string], { remarks: string }>('SELECT remarks FROM complaint_summary WHERE date = ?').get(input.date);
      const remarks = input.remarks ?? stored?.remarks ?? '';
      // As it is kept: what it feeds back, without the opinions that name no department (they wait).
      const live = summaryAsClosed(summaryOf(input.date, ctx.now));
      const snapshot = { ...live, remarks, closedAt: ctx.now, closedBy: { id: actor.id, name: actor.name } };
      // The files are rendered from the summary as it is closed, written aside, and take their names
      // once the close is recorded: a second close at the same moment is refused and leaves nothing.
      const closed = { ...snapshot, state: summaryState(ctx.now, live.deadlineAt, ctx.now) };
      const files = closedSummaryFiles(db, closed);
      const prepared = await prepareSummaryFiles(services.dataDir, files, closed, documentContext(), `${process.pid}.${ctx.now}`);
      try {
        db.transaction(() => {
          refuseClosed();
          recordSummaryClose(db, ctx, { live, remarks, files: files.map((file) => file.fileName) });
        }).immediate();
        prepared.keep();
      } finally {
        prepared.discard();
      }
      changed(ctx, [], input.date);
      return summaryOf(input.date, ctx.now);
    },

    'complaints.summary.pdf': async (input, ctx) => {
      const summary = summaryOf(input.date, ctx.now);
      inSummary(summary, input.departmentId);
      const file = await summaryFile(services.dataDir, db, asKept(summary), documentContext(), 'pdf', input.departmentId);
      return { fileName: file.fileName, base64: file.content.toString('base64') };
    },

    'complaints.summary.csv': async (input, ctx) => {
      const summary = summaryOf(input.date, ctx.now);
      inSummary(summary, input.departmentId);
      const file = await summaryFile(services.dataDir, db, asKept(summary), documentContext(), 'csv', input.departmentId);
      return { fileName: file.fileName, csv: file.content.toString('utf8') };
    },

    'complaints.trends': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const today = parkDate(ctx.now, timeZone);
      const firstWeek = weekStart(parkDate(atParkTime(today, '12:00', timeZone) - (input.weeks - 1) * 7 * DAY, timeZone));
      const rows = db
        .prepare<[string], { park_date: string; category: string; department: string | null }>(
          `SELECT c.park_date, c.category, d.code AS department FROM complaint c LEFT JOIN department d ON d.id = c.department_id WHERE c.park_date >= ? ORDER BY c.park_date, c.id`,
        )
        .all(firstWeek);
      const weeks = new Map<string, { weekStart: string; total: number; byCategory: Record<string, number>; byDepartment: Record<string, number> }>();
      for (let i = 0; i < input.weeks; i += 1) {
        const start = weekStart(parkDate(atParkTime(firstWeek, '12:00', timeZone) + i * 7 * DAY, timeZone));
        weeks.set(start, { weekStart: start, total: 0, byCategory: {}, byDepartment: {} });
      }
      for (const row of rows) {
        const week = weeks.get(weekStart(row.park_date));
        if (!week) continue;
        week.total += 1;
        week.byCategory[row.category] = (week.byCategory[row.category] ?? 0) + 1;
        const department = row.department ?? 'none';
        week.byDepartment[department] = (week.byDepartment[department] ?? 0) + 1;
      }
      return { weeks: [...weeks.values()] };
    },

    'calendar.overrides': () =>
      db.prepare<[], { date: string; kind: 'work' | 'off'; note: string }>('SELECT date, kind, note FROM calendar_override ORDER BY date').all(),

    'calendar.setOverride': (input, ctx) => {
      if (input.kind === 'official') db.prepare('DELETE FROM calendar_override WHERE date = ?').run(input.date);
      else {
        db.prepare(
          `INSERT INTO calendar_override (date, kind, note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        ).run(input.date, input.kind, input.note, actorOf(ctx).id, ctx.now);
      }
      ctx.audit({ action: 'complaints.calendar', entity: 'calendar', entityId: input.date, detail: { kind: input.kind, note: input.note } });
      changed(ctx, []);
      return { date: input.date, kind: input.kind };
    },
  };
}
