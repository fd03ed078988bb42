-- Retention: personal data (ID and phone numbers) of closed records is erased after the retention
-- period; the records and their figures stay. Each erasure is stamped on the row and logged here.

ALTER TABLE rental ADD COLUMN personal_erased_at INTEGER;
ALTER TABLE lf_claim ADD COLUMN personal_erased_at INTEGER;
ALTER TABLE lf_report ADD COLUMN personal_erased_at INTEGER;
ALTER TABLE lf_item ADD COLUMN personal_erased_at INTEGER;
ALTER TABLE complaint ADD COLUMN personal_erased_at INTEGER;

CREATE TABLE retention_run (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  cutoff INTEGER NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  counts TEXT NOT NULL
) STRICT;
