-- Stations: the other PCs on the park LAN (the broadcast room, the duty manager's office) paired
-- with the counter. A station keeps its token; the counter keeps only the token's hash. A revoked
-- station stays listed, with who revoked it and when, and is locked out.
CREATE TABLE station (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  token_hash TEXT NOT NULL UNIQUE,
  paired_at INTEGER NOT NULL,
  paired_by INTEGER NOT NULL REFERENCES staff (id),
  paired_from TEXT NOT NULL,
  last_seen_at INTEGER,
  last_address TEXT,
  revoked_at INTEGER,
  revoked_by INTEGER REFERENCES staff (id),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
) STRICT;

-- The one pairing code open at a time: a manager opens it; pairing a station, the expiry, the
-- manager or too many wrong codes close it.
CREATE TABLE pairing_code (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret TEXT NOT NULL CHECK (length(secret) = 4),
  fingerprint TEXT NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff (id),
  opened_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  wrong INTEGER NOT NULL DEFAULT 0 CHECK (wrong >= 0)
) STRICT;

-- Writes sent with an idempotency key. The answer is kept with the write, in its transaction, so
-- a station that lost the answer and sends the same submission again gets the first answer back
-- and nothing is done twice. Kept for two days.
CREATE TABLE idempotent_call (
  key TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  staff_id INTEGER,
  result TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX idempotent_call_by_at ON idempotent_call (at);
