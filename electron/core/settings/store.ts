import { DEFAULT_SETTINGS, settingsSchema, type SettingKey, type Settings } from '@shared/contract';
import type { Db } from '../db/open';

/** Reads the settings: stored keys over the defaults. The table is tiny; no cache to go stale. */
export function readSettings(db: Db): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM setting').all();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) merged[row.key] = JSON.parse(row.value);
  const parsed = settingsSchema.safeParse(merged);
  // A stored value that no longer passes (e.g. written by an older rule) falls back to the defaults.
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
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
