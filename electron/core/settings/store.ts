import { DEFAULT_SETTINGS, settingsFields, settingsSchema, type SettingKey, type Settings } from '@shared/contract';
import type { Db } from '../db/open';

const parsed = new WeakMap<Db, { raw: string; settings: Settings }>();

/**
 * Reads the settings: stored keys over the defaults. Every call reads the table (tiny), so a change
 * or a rolled-back change is never missed; only the parsing is skipped while the rows are unchanged.
 */
export function readSettings(db: Db): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM setting ORDER BY key').all();
  const raw = rows.map((row) => `${row.key}\u0000${row.value}`).join('\u0001');
  const cached = parsed.get(db);
  if (cached && cached.raw === raw) return cached.settings;
  // Frozen: every caller shares this object, and none may change it behind the table's back.
  const settings = deepFreeze(parseSettings(rows));
  parsed.set(db, { raw, settings });
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function parseSettings(rows: Array<{ key: string; value: string }>): Settings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in settingsFields.shape)) continue;
    // A stored value that no longer passes its rule (written by an older version) keeps its default.
    const field = settingsFields.shape[row.key as SettingKey].safeParse(JSON.parse(row.value));
    if (field.success) merged[row.key] = field.data;
  }
  const result = settingsSchema.safeParse(merged);
  return result.success ? result.data : DEFAULT_SETTINGS;
}

/** Writes the keys whose values differ; returns them. Runs inside the caller's transaction. */
export function writeSettings(db: Db, next: Settings, current: Settings, at: number, staffId: number | null): SettingKey[] {
  const changed = (Object.keys(next) as SettingKey[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
  const upsert = db.prepare(
    `INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  for (const key of changed) upsert.run(key, JSON.stringify(next[key]), at, staffId);
  return changed;
}
