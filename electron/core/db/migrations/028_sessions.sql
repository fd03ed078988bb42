-- Signed-in sessions outlive a restart of the counter: the stations go on working, with what their
-- open forms hold. Only a hash of the bearer token is kept; name and role are read from the staff
-- row. A session still ends on sign-out, after the idle time, on a disabled staff member, a PIN reset,
-- a withdrawn station and a restore.
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  origin TEXT NOT NULL,
  station_id INTEGER,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;
