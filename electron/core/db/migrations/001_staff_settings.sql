-- Staff who sign in at the counter, the broadcast room and the manager's office.
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('counter', 'broadcast', 'manager', 'admin')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  language TEXT CHECK (language IN ('zh-CN', 'en')),
  pin_hash TEXT NOT NULL,
  failed_pins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Park settings, one JSON value per key; keys not stored take their defaults.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES staff (id)
) STRICT;
