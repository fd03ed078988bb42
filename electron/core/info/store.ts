import { INFO_TOPICS, type EnquiryTally, type InfoEntryView, type InfoTopic, type Settings } from '@shared/contract';
import { fillScript } from '@shared/rules/programme';
import type { Db } from '../db/open';
import { containsPattern } from '../db/like';
import { scriptValues } from '../programme/store';

/** Reads of the information desk's tables, shaped as the contract's views. */

export interface EntryRow {
  id: number;
  topic: InfoTopic;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  updated_at: number;
  updated_by: number | null;
  updated_by_name: string | null;
}

const ENTRY_SELECT = `SELECT e.id, e.topic, e.title_zh, e.title_en, e.body_zh, e.body_en, e.updated_at, e.updated_by, s.name AS updated_by_name
  FROM info_entry e LEFT JOIN staff s ON s.id = e.updated_by`;

/** One answer still on the desk. */
export function getEntry(db: Db, id: number): EntryRow | undefined {
  return db.prepare<[number], EntryRow>(`${ENTRY_SELECT} WHERE e.id = ? AND e.removed_at IS NULL`).get(id);
}

/** The answers on the desk, by topic then as added; a query matches either language's title or text. */
export function listEntries(db: Db, filter: { topic?: InfoTopic | undefined; query?: string | undefined }): EntryRow[] {
  const where = ['e.removed_at IS NULL'];
  const params: Record<string, string> = {};
  if (filter.topic) {
    where.push('e.topic = @topic');
    params.topic = filter.topic;
  }
  if (filter.query) {
    where.push("(e.title_zh LIKE @q ESCAPE '\\' OR e.title_en LIKE @q ESCAPE '\\' OR e.body_zh LIKE @q ESCAPE '\\' OR e.body_en LIKE @q ESCAPE '\\')");
    params.q = containsPattern(filter.query);
  }
  const order = INFO_TOPICS.map((topic, index) => `WHEN '${topic}' THEN ${index}`).join(' ');
  return db.prepare<Record<string, string>, EntryRow>(`${ENTRY_SELECT} WHERE ${where.join(' AND ')} ORDER BY CASE e.topic ${order} END, e.id`).all(params);
}

/** Enquiries answered with each answer on a park day. */
export function enquiriesByEntry(db: Db, date: string): Map<number, number> {
  const rows = db
    .prepare<[string], { entry_id: number; n: number }>('SELECT entry_id, count(*) AS n FROM info_enquiry WHERE park_date = ? AND entry_id IS NOT NULL GROUP BY entry_id')
    .all(date);
  return new Map(rows.map((row) => [row.entry_id, row.n]));
}

/** A park day's enquiries: all, printed for the visitor, and by topic. */
export function enquiryTally(db: Db, date: string): EnquiryTally {
  const rows = db
    .prepare<[string], { topic: InfoTopic; n: number; printed: number }>(
      'SELECT topic, count(*) AS n, count(print_job_id) AS printed FROM info_enquiry WHERE park_date = ? GROUP BY topic',
    )
    .all(date);
  const byTopic = Object.fromEntries(INFO_TOPICS.map((topic) => [topic, 0])) as Record<InfoTopic, number>;
  for (const row of rows) byTopic[row.topic] = row.n;
  return { date, total: rows.reduce((sum, row) => sum + row.n, 0), printed: rows.reduce((sum, row) => sum + row.printed, 0), byTopic };
}

export function toEntryView(row: EntryRow, settings: Settings, today: number): InfoEntryView {
  const values = scriptValues(settings);
  return {
    id: row.id,
    topic: row.topic,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    bodyZh: row.body_zh,
    bodyEn: row.body_en,
    shownZh: fillScript(row.body_zh, values),
    shownEn: fillScript(row.body_en, values),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by === null ? null : { id: row.updated_by, name: row.updated_by_name ?? '' },
    today,
  };
}
