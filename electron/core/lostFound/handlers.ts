import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type HandoverView, type ItemDetail, type LfCategory, type lostFoundMethods, type MatchView } from '@shared/contract';
import { maskIdNumber } from '@shared/rules/identity';
import { csvFile } from '@shared/rules/csv';
import { formatYuan } from '@shared/rules/money';
import { indexText, matchExpression } from '@shared/rules/search';
import { atParkTime, DAY, HOUR, parkDate, parkDayBounds, isStillToCome } from '@shared/rules/time';
import { checkPinOf } from '../auth/pinCheck';
import { actorOf, type CallContext, type HandlersFor, type Services } from '../context';
import { AppError, fieldError } from '../errors';
import { openSlipsOf, registerPaging, resolveSlipsOf } from '../paging/store';
import { renderReportPdf } from '../pdf/render';
import { enqueuePrint } from '../printing/outbox';
import { readSettings } from '../settings/store';
import { bagLabel, claimSlip, handoverLedger, handoverSlip, intakeReceipt, itemRecord, type CustodyLine, type ItemSignatures } from './documents';
import { saveReportFile } from '../pdf/file';
import { requireInk } from './signature';
import { writeFileWhole } from '../files';
import { pagingRef } from '@shared/rules/paging';
import { translator } from '@shared/i18n';

/** The announcement's standard words, in each language it is read in. */
const zh = translator('zh-CN');
const en = translator('en');
import {
  custody,
  getItem,
  getItemByNo,
  getReport,
  holdingUntil,
  indexItem,
  HANDOVER_DUE_SQL,
  HANDOVER_WITHIN_MS,
  indexReport,
  ITEM_SELECT,
  itemSearchQuery,
  nextNumber,
  reportListQuery,
  SUMMARY_SQL,
  toItemDetail,
  toItemRecord,
  toItemSummary,
  toReportView,
  type ItemRow,
  type ReportRow,
} from './store';

/** Matching looks at items found from a day before the loss to a week after it. */
const MATCH_BEFORE_MS = DAY;
const MATCH_AFTER_MS = 7 * DAY;

/** The word index of each side of a match, its table, what "still open" means there, and its time. */
const ITEM_WORDS = { fts: 'lf_item_fts', table: 'lf_item', open: 'held', at: 'found_at' } as const;
const REPORT_WORDS = { fts: 'lf_report_fts', table: 'lf_report', open: 'open', at: 'lost_at' } as const;

function tokens(text: string): Set<string> {
  return new Set(indexText(text).words.split(' ').filter(Boolean));
}

function overlaps(a: string, b: string): boolean {
  const left = tokens(a);
  for (const token of tokens(b)) if (left.has(token)) return true;
  return false;
}

export function lostFoundHandlers(services: Services): HandlersFor<keyof typeof lostFoundMethods> {
  const { db } = services;
  const context = () => {
    const settings = readSettings(db);
    return { parkName: settings.parkName, timeZone: settings.timeZone };
  };

  const itemOrFail = (row: ItemRow | undefined, field = 'itemId'): ItemRow => {
    if (!row) throw fieldError('NOT_FOUND', field, 'lostFound.errors.itemNotFound');
    return row;
  };
  const detail = (id: number): ItemDetail => toItemDetail(db, itemOrFail(getItem(db, id)));
  /** An item's custody, step by step, with who and when. */
  const custodyOf = (itemId: number): CustodyLine[] =>
    db
      .prepare<[number], CustodyLine>('SELECT c.at, c.kind, c.detail, s.name AS staffName FROM lf_custody c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.item_id = ? ORDER BY c.at, c.id')
      .all(itemId);
  const reportOrFail = (row: ReportRow | undefined): ReportRow => {
    if (!row) throw fieldError('NOT_FOUND', 'reportId', 'lostFound.errors.reportNotFound');
    return row;
  };
  const changed = (ctx: CallContext, itemIds: number[], reportIds: number[] = []) => ctx.emit('lostFound.changed', { itemIds, reportIds });

  /**
   * The rows whose words match, best first, among those still open (an item on the shelf, a report
   * not yet found) and within the time window: with years of records the window and the rank pick
   * the candidates, never the oldest hits of the whole index.
   */
  const wordHits = (side: typeof ITEM_WORDS | typeof REPORT_WORDS, expression: string, from: number, to: number): number[] =>
    db
      .prepare<[string, number, number], { id: number }>(
        `SELECT t.id FROM ${side.fts} f JOIN ${side.table} t ON t.id = f.rowid
         WHERE ${side.fts} MATCH ? AND t.status = '${side.open}' AND t.${side.at} BETWEEN ? AND ?
         ORDER BY f.rank, t.${side.at} DESC LIMIT 200`,
      )
      .all(expression, from, to)
      .map((row) => row.id);

  /** Suggested and decided matches: category, place words, time and description words, scored. */
  const matchesFor = (filter: { reportId?: number; itemId?: number }): MatchView[] => {
    const decisions = new Map(
      db
        .prepare<[number, number], { report_id: number; item_id: number; decision: 'confirmed' | 'dismissed' }>(
          'SELECT report_id, item_id, decision FROM lf_match WHERE report_id = ? OR item_id = ?',
        )
        .all(filter.reportId ?? -1, filter.itemId ?? -1)
        .map((row) => [`${row.report_id}:${row.item_id}`, row.decision]),
    );
    const pairs: Array<{ report: ReportRow; item: ItemRow }> = [];
    if (filter.reportId !== undefined) {
      const report = reportOrFail(getReport(db, filter.reportId));
      const ids = new Set<number>(
        db
          .prepare<[string, number, number], { id: number }>(
            "SELECT id FROM lf_item WHERE category = ? AND found_at BETWEEN ? AND ? AND status = 'held' ORDER BY found_at LIMIT 200",
          )
          .all(report.category, report.lost_at - MATCH_BEFORE_MS, report.lost_at + MATCH_AFTER_MS)
          .map((row) => row.id),
      );
      const expression = matchExpression(`${report.description} ${report.colour}`, 'any');
      if (expression) {
        for (const id of wordHits(ITEM_WORDS, expression, report.lost_at - MATCH_BEFORE_MS, report.lost_at + MATCH_AFTER_MS)) ids.add(id);
      }
      // A match staff confirmed stays in view whatever became of the item since.
      for (const [key, decision] of decisions) if (decision === 'confirmed' && key.startsWith(`${report.id}:`)) ids.add(Number(key.split(':')[1]));
      for (const id of ids) {
        const item = getItem(db, id);
        if (item && (item.status === 'held' || decisions.get(`${report.id}:${item.id}`) === 'confirmed')) pairs.push({ report, item });
      }
    } else if (filter.itemId !== undefined) {
      const item = itemOrFail(getItem(db, filter.itemId));
      const ids = new Set<number>(
        db
          .prepare<[string, number, number], { id: number }>(
            "SELECT id FROM lf_report WHERE category = ? AND lost_at BETWEEN ? AND ? AND status = 'open' ORDER BY lost_at LIMIT 200",
          )
          .all(item.category, item.found_at - MATCH_AFTER_MS, item.found_at + MATCH_BEFORE_MS)
          .map((row) => row.id),
      );
      const expression = matchExpression(`${item.description} ${item.colour} ${item.brand}`, 'any');
      if (expression) {
        for (const id of wordHits(REPORT_WORDS, expression, item.found_at - MATCH_AFTER_MS, item.found_at + MATCH_BEFORE_MS)) ids.add(id);
      }
      for (const [key, decision] of decisions) if (decision === 'confirmed' && key.endsWith(`:${item.id}`)) ids.add(Number(key.split(':')[0]));
      for (const id of ids) {
        const report = getReport(db, id);
        if (report && (report.status === 'open' || decisions.get(`${report.id}:${item.id}`) === 'confirmed')) pairs.push({ report, item });
      }
    }
    return pairs
      .map(({ report, item }) => {
        const reasons: MatchView['reasons'] = [];
        if (report.category === item.category) reasons.push('category');
        if (overlaps(report.lost_place, item.found_place)) reasons.push('place');
        if (item.found_at >= report.lost_at - 2 * HOUR && item.found_at <= report.lost_at + 12 * HOUR) reasons.push('time');
        if (overlaps(`${report.description} ${report.colour}`, `${item.description} ${item.colour} ${item.brand}`)) reasons.push('words');
        const score = (reasons.includes('category') ? 2 : 0) + (reasons.includes('words') ? 2 : 0) + (reasons.includes('place') ? 1 : 0) + (reasons.includes('time') ? 1 : 0);
        return { report, item, reasons, score, decision: decisions.get(`${report.id}:${item.id}`) ?? ('suggested' as const) };
      })
      .filter((match) => match.decision !== 'dismissed' && (match.decision === 'confirmed' || match.score >= 3))
      .sort((a, b) => (a.decision === 'confirmed' ? -1 : 0) - (b.decision === 'confirmed' ? -1 : 0) || b.score - a.score || b.item.found_at - a.item.found_at)
      .slice(0, 20)
      .map((match) => ({
        reportId: match.report.id,
        itemId: match.item.id,
        score: match.score,
        reasons: match.reasons,
        decision: match.decision,
        item: toItemSummary(match.item),
        report: toReportView(match.report),
      }));
  };

  const handoverView = (id: number): HandoverView => {
    const batch = db
      .prepare<[number], { id: number; batch_no: string; created_at: number; created_by: number; created_by_name: string | null; finance_name: string; item_count: number; cash_fen: number }>(
        `SELECT h.id, h.batch_no, h.created_at, h.created_by, s.name AS created_by_name, h.finance_name, h.item_count, h.cash_fen
         FROM lf_handover h LEFT JOIN staff s ON s.id = h.created_by WHERE h.id = ?`,
      )
      .get(id);
    if (!batch) throw fieldError('NOT_FOUND', 'batchId', 'lostFound.errors.batchNotFound');
    const items = db.prepare<[number], ItemRow>(`${ITEM_SELECT} WHERE i.handover_id = ? ORDER BY i.item_no`).all(batch.id);
    return {
      id: batch.id,
      batchNo: batch.batch_no,
      createdAt: batch.created_at,
      createdBy: { id: batch.created_by, name: batch.created_by_name ?? '' },
      financeName: batch.finance_name,
      itemCount: batch.item_count,
      cashFen: batch.cash_fen,
      items: items.map(toItemSummary),
    };
  };

  return {
    'lostFound.categories': () =>
      db
        .prepare<[], { code: LfCategory; name_zh: string; name_en: string; holding_days: number }>('SELECT code, name_zh, name_en, holding_days FROM lf_category ORDER BY sort')
        .all()
        .map((row) => ({ code: row.code, nameZh: row.name_zh, nameEn: row.name_en, holdingDays: row.holding_days })),

    'lostFound.categories.save': (input, ctx) => {
      const before = db.prepare<[string], { holding_days: number; name_zh: string; name_en: string }>('SELECT holding_days, name_zh, name_en FROM lf_category WHERE code = ?').get(input.code);
      if (!before) throw new AppError('NOT_FOUND', 'lostFound.errors.itemNotFound');
      db.prepare('UPDATE lf_category SET holding_days = ? WHERE code = ?').run(input.holdingDays, input.code);
      ctx.audit({ action: 'lostFound.holding', entity: 'lf_category', entityId: input.code, detail: { from: before.holding_days, to: input.holdingDays } });
      changed(ctx, []);
      return { code: input.code, nameZh: before.name_zh, nameEn: before.name_en, holdingDays: input.holdingDays };
    },

    'lostFound.intake': (input, ctx) => {
      const actor = actorOf(ctx);
      const existing = db.prepare<[string], { id: number; intake_job: number; label_job: number }>('SELECT id, intake_job, label_job FROM lf_item WHERE client_ref = ?').get(input.clientRef);
      if (existing) return { item: detail(existing.id), intakeJobId: existing.intake_job, labelJobId: existing.label_job };
      requireInk({ finderSignature: input.finderSignature, receiverSignature: input.receiverSignature });
      if (isStillToCome(input.foundAt, ctx.now)) throw fieldError('VALIDATION', 'foundAt', 'lostFound.errors.foundInFuture');
      if (input.finderDepartmentId !== undefined && !db.prepare<[number], { id: number }>('SELECT id FROM department WHERE id = ?').get(input.finderDepartmentId)) {
        throw fieldError('VALIDATION', 'finderDepartmentId', 'paging.errors.departmentNotFound');
      }
      // Found cash: the receiving staff member counts, a second one recounts and confirms with their PIN.
      let secondCounterId: number | null = null;
      if (input.cashFen > 0 && input.secondCounter) {
        if (input.secondCounter.staffId === actor.id) throw fieldError('VALIDATION', 'secondCounter.staffId', 'validation.twoCounters');
        // The PIN first: a wrong one is counted (and audited) on its own, and nothing else is written.
        secondCounterId = checkPinOf(services, ctx, input.secondCounter, 'secondCounter').id;
      }
      return db.transaction(() => {
        const settings = readSettings(db);
        const holdingDays = db.prepare<[string], { holding_days: number }>('SELECT holding_days FROM lf_category WHERE code = ?').get(input.category)?.holding_days ?? 30;
        const date = parkDate(ctx.now, settings.timeZone);
        const { seq, number } = nextNumber(db, 'lf_item', 'item_no', 'L', date);
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO lf_item (item_no, client_ref, park_date, seq, category, description, colour, brand, found_place, found_at, water_world,
               finder_name, finder_department_id, finder_phone, contents, cash_fen, cash_counted_by_1, cash_counted_by_2, valuable,
               storage_kind, storage_place, hidden_details, finder_signature, receiver_signature, received_by, received_at, holding_until)
             VALUES (@itemNo, @clientRef, @date, @seq, @category, @description, @colour, @brand, @foundPlace, @foundAt, @waterWorld,
               @finderName, @finderDepartmentId, @finderPhone, @contents, @cashFen, @counter1, @counter2, @valuable,
               @storageKind, @storagePlace, @hiddenDetails, @finderSignature, @receiverSignature, @actor, @now, @holdingUntil)`,
          )
          .run({
            itemNo: number,
            clientRef: input.clientRef,
            date,
            seq,
            category: input.category,
            description: input.description,
            colour: input.colour,
            brand: input.brand,
            foundPlace: input.foundPlace,
            foundAt: input.foundAt,
            waterWorld: input.waterWorld ? 1 : 0,
            finderName: input.finderName,
            finderDepartmentId: input.finderDepartmentId ?? null,
            finderPhone: input.finderPhone || null,
            contents: input.contents,
            cashFen: input.cashFen,
            counter1: secondCounterId === null ? null : actor.id,
            counter2: secondCounterId,
            valuable: input.valuable || input.cashFen > 0 ? 1 : 0,
            storageKind: input.storageKind,
            storagePlace: input.storagePlace,
            hiddenDetails: input.hiddenDetails,
            finderSignature: input.finderSignature,
            receiverSignature: input.receiverSignature,
            actor: actor.id,
            now: ctx.now,
            holdingUntil: holdingUntil(input.foundAt, holdingDays, input.waterWorld, settings.timeZone, settings.closingTime),
          });
        const itemId = Number(lastInsertRowid);
        for (const dataUrl of input.photos) db.prepare('INSERT INTO lf_photo (item_id, data_url, created_at) VALUES (?, ?, ?)').run(itemId, dataUrl, ctx.now);
        indexItem(db, { id: itemId, itemNo: number, description: input.description, colour: input.colour, brand: input.brand, foundPlace: input.foundPlace });
        custody(db, itemId, ctx.now, actor.id, 'intake', `${input.storageKind} ${input.storagePlace}`);
        const item = toItemRecord(db, itemOrFail(getItem(db, itemId)));
        const intakeJobId = enqueuePrint(db, { kind: 'lf-intake', ref: number, document: intakeReceipt(item, context()), createdBy: actor.id, now: ctx.now });
        const labelJobId = enqueuePrint(db, { kind: 'lf-label', ref: number, document: bagLabel(item), createdBy: actor.id, now: ctx.now });
        db.prepare('UPDATE lf_item SET intake_job = ?, label_job = ? WHERE id = ?').run(intakeJobId, labelJobId, itemId);
        ctx.audit({
          action: 'lostFound.intake',
          entity: 'lf_item',
          entityId: number,
          detail: { category: input.category, valuable: input.valuable, cashFen: input.cashFen, countedBy: secondCounterId === null ? [] : [actor.id, secondCounterId], photos: input.photos.length },
        });
        changed(ctx, [itemId]);
        return { item: detail(itemId), intakeJobId, labelJobId };
      }).immediate();
    },

    'lostFound.verify': (input, ctx) => {
      const actor = actorOf(ctx);
      const item = itemOrFail(getItem(db, input.itemId));
      if (item.verified_at !== null) throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.alreadyVerified');
      if (item.received_by === actor.id) throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.verifyBySomeoneElse');
      requireInk({ signature: input.signature });
      db.prepare('UPDATE lf_item SET verified_by = ?, verified_at = ?, verifier_signature = ? WHERE id = ?').run(actor.id, ctx.now, input.signature, item.id);
      custody(db, item.id, ctx.now, actor.id, 'verified');
      ctx.audit({ action: 'lostFound.verify', entity: 'lf_item', entityId: item.item_no });
      changed(ctx, [item.id]);
      return detail(item.id);
    },

    'lostFound.announce': (input, ctx) => {
      const actor = actorOf(ctx);
      const item = itemOrFail(getItem(db, input.itemId));
      if (item.status !== 'held') throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.notHeld', { itemNo: item.item_no });
      // One announcement at a time: while its slip is open the room airs (and repeats) that one. A
      // retried press (the same clientRef) is answered below with the slip it made.
      const retried = db.prepare<[string], { id: number }>('SELECT id FROM paging_request WHERE client_ref = ?').get(input.clientRef);
      if (retried === undefined && openSlipsOf(db, 'lostFound', item.item_no).length > 0) {
        throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.alreadyAnnounced', { itemNo: item.item_no });
      }
      // What is announced: category, colour and brand, and where it was found. Never contents, cash or numbers.
      // The category is said in each script's language; colour, brand and place as the counter wrote them.
      const words = [item.colour, item.brand].filter(Boolean).join(' ');
      const categoryName = db.prepare<[string], { zh: string; en: string }>('SELECT name_zh AS zh, name_en AS en FROM lf_category WHERE code = ?').get(item.category);
      const { id: pagingId, created } = registerPaging(db, ctx, actor.id, {
        clientRef: input.clientRef,
        source: 'lostFound',
        sourceRef: item.item_no,
        details: {
          kind: 'lostProperty',
          item: `${words}${categoryName?.zh ?? ''}`.trim(),
          itemEn: `${words ? `${words} ` : ''}${categoryName?.en.toLowerCase() ?? ''}`.trim(),
          foundPlace: item.found_place,
          // The place as the counter wrote it; the broadcast room gives its English on the slip when it is Chinese.
          foundPlaceEn: '',
          claimPoint: zh('paging.defaults.claimPoint'),
          claimPointEn: en('paging.defaults.claimPoint'),
        },
      });
      // Every new slip is a step in the item's custody, and the item points at its latest announcement;
      // a retried press (the same clientRef) answers the slip it made and records nothing twice.
      if (created) {
        db.prepare('UPDATE lf_item SET paging_id = ? WHERE id = ?').run(pagingId, item.id);
        custody(db, item.id, ctx.now, actor.id, 'announced', pagingRef(pagingId));
        ctx.audit({ action: 'lostFound.announce', entity: 'lf_item', entityId: item.item_no, detail: { pagingId } });
        changed(ctx, [item.id]);
      }
      return { item: detail(item.id), pagingId };
    },

    'lostFound.move': (input, ctx) => {
      const actor = actorOf(ctx);
      const item = itemOrFail(getItem(db, input.itemId));
      if (item.status !== 'held') throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.notHeld', { itemNo: item.item_no });
      db.prepare('UPDATE lf_item SET storage_kind = ?, storage_place = ? WHERE id = ?').run(input.storageKind, input.storagePlace, item.id);
      const move = `${item.storage_kind} ${item.storage_place} → ${input.storageKind} ${input.storagePlace}${input.note ? ` (${input.note})` : ''}`;
      custody(db, item.id, ctx.now, actor.id, 'moved', move);
      ctx.audit({ action: 'lostFound.move', entity: 'lf_item', entityId: item.item_no, detail: { move } });
      changed(ctx, [item.id]);
      return detail(item.id);
    },

    'lostFound.get': (input) => {
      const row = 'itemId' in input ? getItem(db, input.itemId) : getItemByNo(db, input.itemNo);
      return toItemDetail(db, itemOrFail(row, 'itemId' in input ? 'itemId' : 'itemNo'));
    },

    'lostFound.hiddenDetails': (input, ctx) => {
      const item = itemOrFail(getItem(db, input.itemId));
      const row = db.prepare<[number], { hidden_details: string }>('SELECT hidden_details FROM lf_item WHERE id = ?').get(item.id);
      ctx.audit({ action: 'lostFound.reveal', entity: 'lf_item', entityId: item.item_no });
      return { hiddenDetails: row?.hidden_details ?? '', contents: item.contents, cashFen: item.cash_fen };
    },

    'lostFound.photo': (input) => {
      const row = db.prepare<[number], { data_url: string }>('SELECT data_url FROM lf_photo WHERE id = ?').get(input.photoId);
      if (!row) throw new AppError('NOT_FOUND', 'lostFound.errors.photoNotFound');
      return { dataUrl: row.data_url };
    },

    'lostFound.search': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const query = itemSearchQuery(
        {
          ...input,
          from: input.from ? atParkTime(input.from, '00:00', timeZone) : undefined,
          to: input.to ? parkDayBounds(atParkTime(input.to, '12:00', timeZone), timeZone).end : undefined,
        },
        ctx.now,
      );
      if (!query) return { rows: [], nextBeforeId: null };
      const rows = db.prepare<Record<string, string | number>, ItemRow>(query.sql).all(query.params);
      const page = rows.slice(0, input.limit);
      return { rows: page.map(toItemSummary), nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    },

    'lostFound.history': (input) => custodyOf(itemOrFail(getItem(db, input.itemId)).id),

    'lostFound.recordPdf': async (input, ctx) => {
      const actor = actorOf(ctx);
      const item = detail(input.itemId);
      const signed = db
        .prepare<[number], ItemSignatures>(
          `SELECT i.finder_signature AS finder, i.receiver_signature AS receiver, i.verifier_signature AS verifier,
                  (SELECT c.owner_signature FROM lf_claim c WHERE c.item_id = i.id ORDER BY c.id DESC LIMIT 1) AS owner
           FROM lf_item i WHERE i.id = ?`,
        )
        .get(item.id) ?? { finder: null, receiver: null, verifier: null, owner: null };
      const settings = readSettings(db);
      const document = itemRecord(item, custodyOf(item.id), signed, {
        copy: 'file',
        language: settings.receiptLanguage,
        parkName: settings.parkName,
        timeZone: settings.timeZone,
        printedBy: actor.name,
        now: ctx.now,
      });
      const file = await saveReportFile(services.dataDir, 'reports/lost-found', `item-${item.itemNo}.pdf`, document);
      db.transaction(() => ctx.audit({ action: 'lostFound.recordPdf', entity: 'lf_item', entityId: item.itemNo, detail: { pages: file.pages, file: file.savedAs } }))();
      return file;
    },

    'lostFound.reports.create': (input, ctx) => {
      const existing = db.prepare<[string], { id: number }>('SELECT id FROM lf_report WHERE client_ref = ?').get(input.clientRef);
      if (existing) return toReportView(reportOrFail(getReport(db, existing.id)));
      if (isStillToCome(input.lostAt, ctx.now)) throw fieldError('VALIDATION', 'lostAt', 'lostFound.errors.foundInFuture');
      const date = parkDate(ctx.now, readSettings(db).timeZone);
      const { number } = nextNumber(db, 'lf_report', 'report_no', 'LR', date);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO lf_report (report_no, client_ref, category, description, colour, lost_place, lost_at, visitor_name, phone, created_at, created_by)
           VALUES (@number, @clientRef, @category, @description, @colour, @lostPlace, @lostAt, @visitorName, @phone, @now, @actor)`,
        )
        .run({ ...input, number, now: ctx.now, actor: actorOf(ctx).id });
      const id = Number(lastInsertRowid);
      indexReport(db, { id, reportNo: number, description: input.description, colour: input.colour, lostPlace: input.lostPlace, visitorName: input.visitorName });
      ctx.audit({ action: 'lostFound.report', entity: 'lf_report', entityId: number, detail: { category: input.category } });
      changed(ctx, [], [id]);
      return toReportView(reportOrFail(getReport(db, id)));
    },

    'lostFound.reports.list': (input) => {
      const query = reportListQuery(input);
      return query ? db.prepare<Record<string, string>, ReportRow>(query.sql).all(query.params).map(toReportView) : [];
    },

    'lostFound.reports.close': (input, ctx) => {
      const report = reportOrFail(getReport(db, input.reportId));
      if (report.status !== 'open') throw fieldError('CONFLICT', 'reportId', 'lostFound.errors.reportClosed');
      db.prepare("UPDATE lf_report SET status = 'closed', closed_at = ?, close_note = ? WHERE id = ?").run(ctx.now, input.note, report.id);
      ctx.audit({ action: 'lostFound.reportClose', entity: 'lf_report', entityId: report.report_no, detail: { note: input.note } });
      changed(ctx, [], [report.id]);
      return toReportView(reportOrFail(getReport(db, report.id)));
    },

    'lostFound.matches': (input) => matchesFor(input),

    'lostFound.matches.decide': (input, ctx) => {
      const actor = actorOf(ctx);
      const report = reportOrFail(getReport(db, input.reportId));
      const item = itemOrFail(getItem(db, input.itemId));
      if (input.decision === 'confirmed' && (report.status !== 'open' || item.status !== 'held')) {
        throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.matchClosed');
      }
      db.prepare(
        `INSERT INTO lf_match (report_id, item_id, decision, staff_id, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (report_id, item_id) DO UPDATE SET decision = excluded.decision, staff_id = excluded.staff_id, at = excluded.at`,
      ).run(report.id, item.id, input.decision, actor.id, ctx.now);
      if (input.decision === 'confirmed') {
        db.prepare('UPDATE lf_report SET item_id = ? WHERE id = ?').run(item.id, report.id);
        custody(db, item.id, ctx.now, actor.id, 'matched', report.report_no);
      }
      ctx.audit({ action: `lostFound.match`, entity: 'lf_report', entityId: report.report_no, detail: { itemNo: item.item_no, decision: input.decision } });
      changed(ctx, [item.id], [report.id]);
      const match = matchesFor({ reportId: report.id }).find((m) => m.itemId === item.id);
      return (
        match ?? {
          reportId: report.id,
          itemId: item.id,
          score: 0,
          reasons: [],
          decision: input.decision,
          item: toItemSummary(itemOrFail(getItem(db, item.id))),
          report: toReportView(reportOrFail(getReport(db, report.id))),
        }
      );
    },

    'lostFound.claim': (input, ctx) => {
      const actor = actorOf(ctx);
      const item = itemOrFail(getItem(db, input.itemId));
      if (item.status === 'returned') throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.alreadyReturned', { itemNo: item.item_no });
      if (item.status === 'handedOver') throw fieldError('CONFLICT', 'itemId', 'lostFound.errors.alreadyHandedOver', { itemNo: item.item_no });
      requireInk({ ownerSignature: input.ownerSignature });
      db.prepare(
        `INSERT INTO lf_claim (item_id, claimant_name, phone, id_type, id_number, id_masked, description, answers, verification_note, owner_signature, staff_id, at)
         VALUES (@itemId, @name, @phone, @idType, @idNumber, @idMasked, @description, @answers, @note, @signature, @actor, @now)`,
      ).run({
        itemId: item.id,
        name: input.claimantName,
        phone: input.phone,
        idType: input.identity.idType,
        idNumber: input.identity.idNumber,
        idMasked: maskIdNumber(input.identity.idNumber),
        description: input.description,
        answers: input.answers,
        note: input.verificationNote,
        signature: input.ownerSignature,
        actor: actor.id,
        now: ctx.now,
      });
      db.prepare("UPDATE lf_item SET status = 'returned' WHERE id = ?").run(item.id);
      // Its announcement is no longer aired: the owner has it.
      resolveSlipsOf(db, ctx, actor.id, 'lostFound', item.item_no, `${zh('lostFound.paging.claimed')} · ${en('lostFound.paging.claimed')}`);
      custody(db, item.id, ctx.now, actor.id, 'claimed', `${input.claimantName} ${maskIdNumber(input.identity.idNumber)}`);
      // A lost report confirmed against this item is found.
      const reports = db.prepare<[number], { id: number }>("SELECT report_id AS id FROM lf_match WHERE item_id = ? AND decision = 'confirmed'").all(item.id);
      for (const report of reports) db.prepare("UPDATE lf_report SET status = 'found', closed_at = ? WHERE id = ? AND status = 'open'").run(ctx.now, report.id);
      const printJobId = enqueuePrint(db, { kind: 'lf-claim', ref: item.item_no, document: claimSlip(detail(item.id), context()), createdBy: actor.id, now: ctx.now });
      db.prepare('UPDATE lf_claim SET print_job = ? WHERE item_id = ?').run(printJobId, item.id);
      ctx.audit({ action: 'lostFound.claim', entity: 'lf_item', entityId: item.item_no, detail: { idType: input.identity.idType, reports: reports.map((r) => r.id) } });
      changed(ctx, [item.id], reports.map((r) => r.id));
      return { item: detail(item.id), printJobId };
    },

    'lostFound.handover.due': (_input, ctx) => {
      const held = db.prepare<[number], ItemRow>(HANDOVER_DUE_SQL).all(ctx.now + 7 * DAY);
      const due = held.filter((row) => row.holding_until <= ctx.now).map(toItemSummary);
      return {
        due,
        comingDue: held.filter((row) => row.holding_until > ctx.now).map(toItemSummary),
        overdue: due.filter((item) => item.handoverDueBy < ctx.now).length,
      };
    },

    'lostFound.handover.create': (input, ctx) => {
      const actor = actorOf(ctx);
      const existing = db.prepare<[string], { id: number; print_job: number }>('SELECT id, print_job FROM lf_handover WHERE client_ref = ?').get(input.clientRef);
      if (existing) return { handover: handoverView(existing.id), printJobId: existing.print_job };
      requireInk({ centerSignature: input.centerSignature, financeSignature: input.financeSignature });
      const items = [...new Set(input.itemIds)].map((id) => itemOrFail(getItem(db, id), 'itemIds'));
      for (const item of items) {
        if (item.status !== 'held') throw fieldError('CONFLICT', 'itemIds', 'lostFound.errors.notHeld', { itemNo: item.item_no });
        if (item.holding_until > ctx.now) throw fieldError('CONFLICT', 'itemIds', 'lostFound.errors.stillHolding', { itemNo: item.item_no });
      }
      // The center verifies and counter-signs every intake before it answers for the item to finance.
      const unverified = items.find((item) => item.verified_at === null);
      if (unverified) throw fieldError('CONFLICT', 'itemIds', 'lostFound.errors.notVerified', { itemNo: unverified.item_no });
      const date = parkDate(ctx.now, readSettings(db).timeZone);
      const { number } = nextNumber(db, 'lf_handover', 'batch_no', 'H', date);
      const cash = items.reduce((sum, item) => sum + item.cash_fen, 0);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO lf_handover (batch_no, client_ref, created_at, created_by, center_signature, finance_name, finance_signature, item_count, cash_fen)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(number, input.clientRef, ctx.now, actor.id, input.centerSignature, input.financeName, input.financeSignature, items.length, cash);
      const batchId = Number(lastInsertRowid);
      for (const item of items) {
        db.prepare("UPDATE lf_item SET status = 'handedOver', handover_id = ? WHERE id = ?").run(batchId, item.id);
        resolveSlipsOf(db, ctx, actor.id, 'lostFound', item.item_no, `${zh('lostFound.paging.handedOver', { batchNo: number })} · ${en('lostFound.paging.handedOver', { batchNo: number })}`);
        custody(db, item.id, ctx.now, actor.id, 'handedOver', `${number} → ${input.financeName}`);
      }
      const batch = handoverView(batchId);
      const printJobId = enqueuePrint(db, { kind: 'lf-handover', ref: number, document: handoverSlip(batch, context()), createdBy: actor.id, now: ctx.now });
      db.prepare('UPDATE lf_handover SET print_job = ? WHERE id = ?').run(printJobId, batchId);
      ctx.audit({ action: 'lostFound.handover', entity: 'lf_handover', entityId: number, detail: { items: items.length, cashFen: cash, financeName: input.financeName } });
      changed(ctx, items.map((item) => item.id));
      return { handover: batch, printJobId };
    },

    'lostFound.handover.list': () =>
      db
        .prepare<[], { id: number }>('SELECT id FROM lf_handover ORDER BY id DESC LIMIT 200')
        .all()
        .map((row) => {
          const { items: _items, ...rest } = handoverView(row.id);
          return rest;
        }),

    'lostFound.handover.get': (input) => handoverView(input.batchId),

    'lostFound.handover.pdf': async (input) => {
      const batch = handoverView(input.batchId);
      const items = db.prepare<[number], ItemRow>(`${ITEM_SELECT} WHERE i.handover_id = ? ORDER BY i.item_no`).all(batch.id).map((row) => toItemRecord(db, row));
      const signed = db
        .prepare<[number], { center: string; finance: string }>('SELECT center_signature AS center, finance_signature AS finance FROM lf_handover WHERE id = ?')
        .get(batch.id);
      const pdf = await renderReportPdf(handoverLedger(batch, items, context(), { center: signed?.center, finance: signed?.finance }));
      const fileName = `${batch.batchNo}.pdf`;
      const dir = join(services.dataDir, 'reports', 'handover');
      mkdirSync(dir, { recursive: true });
      writeFileWhole(join(dir, fileName), pdf);
      return { fileName, base64: pdf.toString('base64') };
    },

    'lostFound.handover.csv': (input) => {
      const batch = handoverView(input.batchId);
      const items = db.prepare<[number], ItemRow>(`${ITEM_SELECT} WHERE i.handover_id = ? ORDER BY i.item_no`).all(batch.id).map((row) => toItemRecord(db, row));
      const { timeZone } = readSettings(db);
      const header = ['batch', 'item_no', 'category', 'description', 'colour', 'brand', 'contents', 'found_place', 'found_at', 'finder', 'storage', 'cash_yuan'];
      const lines = items.map((item) =>
        [
          batch.batchNo,
          item.itemNo,
          item.category,
          item.description,
          item.colour,
          item.brand,
          item.contents,
          item.foundPlace,
          new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(item.foundAt),
          item.finderName,
          `${item.storageKind} ${item.storagePlace}`,
          item.cashFen > 0 ? formatYuan(item.cashFen, { grouped: false }) : '',
        ],
      );
      return { fileName: `${batch.batchNo}.csv`, csv: csvFile(header, lines) };
    },

    'lostFound.summary': (input, ctx) => {
      const { timeZone } = readSettings(db);
      const date = input.date ?? parkDate(ctx.now, timeZone);
      const day = parkDayBounds(atParkTime(date, '12:00', timeZone), timeZone);
      const count = (sql: string, ...params: number[]) => db.prepare<number[], { n: number }>(sql).get(...params)?.n ?? 0;
      return {
        date,
        receivedToday: count(SUMMARY_SQL.receivedToday, day.start, day.end),
        held: count(SUMMARY_SQL.held),
        openReports: count(SUMMARY_SQL.openReports),
        dueThisWeek: count(SUMMARY_SQL.dueThisWeek, ctx.now + 7 * DAY),
        overdue: count(SUMMARY_SQL.overdue, ctx.now - HANDOVER_WITHIN_MS),
        returnedToday: count(SUMMARY_SQL.returnedToday, day.start, day.end),
        valuablesNotVerified: count(SUMMARY_SQL.valuablesNotVerified),
        valuablesNotAnnounced: count(SUMMARY_SQL.valuablesNotAnnounced),
      };
    },
  };
}
