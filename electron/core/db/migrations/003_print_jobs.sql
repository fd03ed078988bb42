-- The print outbox: a business transaction commits its printout here; a worker sends it to the
-- printer, retries with backoff, and never loses it. The document is stored, not the bytes, so it
-- renders for whatever printer and paper the counter has when it prints.
CREATE TABLE print_job (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  ref TEXT,
  document TEXT NOT NULL CHECK (json_valid(document)),
  copy INTEGER NOT NULL DEFAULT 0 CHECK (copy >= 0),
  reprint_of INTEGER REFERENCES print_job (id),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES staff (id),
  printed_at INTEGER
) STRICT;

CREATE INDEX print_job_due ON print_job (status, next_attempt_at);
CREATE INDEX print_job_by_ref ON print_job (ref);
