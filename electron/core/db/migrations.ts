/** The numbered migrations, bundled at build time: `NNN_name.sql`, applied in order. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export const migrations: readonly Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{3})_([a-z0-9_]+)\.sql$/.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must be NNN_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2], sql };
  })
  .sort((a, b) => a.version - b.version);

migrations.forEach((migration, index) => {
  if (migration.version !== index + 1) {
    throw new Error(`Migrations must be numbered 1, 2, 3… without gaps; found ${migration.version} at position ${index + 1}`);
  }
});

export const LATEST_SCHEMA = migrations.length;
