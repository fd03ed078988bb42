import type { Input } from '@shared/contract';
import { printDocumentSchema } from '@shared/printing/document';
import { layoutDocument } from '@shared/printing/layout';
import type { Core } from '../electron/core/app';
import type { Db } from '../electron/core/db/open';
import { ITEM_SELECT } from '../electron/core/lostFound/store';
import { renderEscpos } from '../electron/core/printing/escpos';

/** A check-out as the counter makes it, with its receipt rendered to the printer's ESC/POS bytes. */
export async function checkOutWithReceipt(core: Core, token: string, input: Input<'rentals.checkOut'>): Promise<{ receiptNo: string; checkCode: string; bytes: number }> {
  const db = core.db;
  if (!db) throw new Error('database not open');
  const result = await core.call('rentals.checkOut', input, token);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const job = db.prepare<[number], { document: string }>('SELECT document FROM print_job WHERE id = ?').get(result.value.printJobId);
  const document = printDocumentSchema.parse(JSON.parse(job?.document ?? '{}'));
  const bytes = renderEscpos(layoutDocument(document, { columns: 48 }), { type: 'EPSON', chinese: true });
  if (bytes.length < 100) throw new Error('receipt bytes missing');
  return { receiptNo: result.value.rental.receiptNo, checkCode: result.value.checkCode, bytes: bytes.length };
}

/**
 * What the counter types into lost and found's search: two-character words mostly, a few longer,
 * one character, brand names, and things nobody handed in (a visitor asking after their own).
 */
export const SEARCHES = ['钱包', '手机', '黑色', '雨伞', '身份证', '双肩包', '望远镜', '苹果手机', '儿童水壶', '红色', '钥匙', '旋转木马', '华为', '滑板车', '充电宝', '项链', '外套', '眼镜', '保温杯', '包', '小米', '相机', '水世界'];

/**
 * The search the index replaces: the same item list, newest first, found with LIKE over the same
 * fields (number, description, colour, brand, place) by reading the whole table. Answers the ids.
 */
export function likeScan(db: Db): (query: string) => number[] {
  const statement = db.prepare<{ q: string }, { id: number }>(
    `${ITEM_SELECT} WHERE i.item_no LIKE @q OR i.description LIKE @q OR i.colour LIKE @q OR i.brand LIKE @q OR i.found_place LIKE @q ORDER BY i.id DESC LIMIT 31`,
  );
  return (query) => statement.all({ q: `%${query}%` }).map((row) => row.id);
}

type Row = Record<string, unknown>;

/** An INSERT of a copy of `row` into `table` (every column but the id), with some columns changed. */
function copier(db: Db, table: string, row: Row): (changes: Row) => number {
  const columns = Object.keys(row).filter((column) => column !== 'id');
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
  const values = Object.fromEntries(columns.map((column) => [column, row[column]]));
  return (changes) => Number(insert.run({ ...values, ...changes }).lastInsertRowid);
}

/**
 * What a check-out's writes cost without the app: the rows the last check-out wrote (its rental, the
 * print job with the receipt document, the audit row; the unit marked out; the triggers add the
 * quarter's count) copied by one immediate transaction of prepared statements per run, into the
 * same database with the same durability. Each run takes the next unit from `unitIds`.
 */
export function sameRowsRaw(db: Db, unitIds: readonly number[]): () => void {
  const rental = db.prepare<[], Row>('SELECT * FROM rental ORDER BY id DESC LIMIT 1').get();
  const job = db.prepare<[unknown], Row>('SELECT * FROM print_job WHERE id = ?').get(rental?.receipt_job);
  const audit = db.prepare<[unknown], Row>("SELECT * FROM audit_log WHERE action = 'rentals.checkOut' AND entity_id = ?").get(rental?.receipt_no);
  if (!rental || !job || !audit) throw new Error('no check-out to copy');
  const [insertRental, insertJob, insertAudit] = [copier(db, 'rental', rental), copier(db, 'print_job', job), copier(db, 'audit_log', audit)];
  const markOut = db.prepare("UPDATE unit SET status = 'out', updated_at = ? WHERE id = ?");
  let run = 0;
  const write = db.transaction((unitId: number) => {
    run += 1;
    const receiptNo = `R20261129-X${run}`;
    const jobId = insertJob({ ref: receiptNo });
    insertRental({ receipt_no: receiptNo, seq: 100_000 + run, unit_id: unitId, receipt_job: jobId });
    markOut.run(Date.now(), unitId);
    insertAudit({ entity_id: receiptNo });
  });
  return () => {
    const unitId = unitIds[run];
    if (unitId === undefined) throw new Error('out of units');
    write.immediate(unitId);
  };
}
