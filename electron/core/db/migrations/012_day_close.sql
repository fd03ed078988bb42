-- The duty manager's day: the counter's deposit cash count and the closed days (fixed once closed,
-- like the complaint summaries).

-- The deposit money counted at the end of the day, per payment method, against the expected figure.
-- A later count for the same day and method replaces the earlier one on screen; all are kept.
CREATE TABLE cash_count (
  id INTEGER PRIMARY KEY,
  park_date TEXT NOT NULL,
  payment TEXT NOT NULL CHECK (payment IN ('cash', 'wechat', 'alipay', 'card')),
  expected_fen INTEGER NOT NULL,
  counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
  reason TEXT NOT NULL DEFAULT '',
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at INTEGER NOT NULL,
  CHECK (counted_fen = expected_fen OR length(reason) >= 2)
) STRICT;

CREATE INDEX cash_count_by_day ON cash_count (park_date, payment, id);

CREATE TABLE day_close (
  park_date TEXT PRIMARY KEY,
  closed_at INTEGER NOT NULL,
  closed_by INTEGER NOT NULL REFERENCES staff (id),
  remarks TEXT NOT NULL DEFAULT '',
  -- The checklist as it stood when closed (JSON): the day report is built from it, never recomputed.
  snapshot TEXT NOT NULL,
  report_file TEXT NOT NULL,
  backup_name TEXT
) STRICT;

CREATE TRIGGER day_close_is_fixed BEFORE UPDATE ON day_close
WHEN OLD.backup_name IS NOT NULL OR NEW.park_date <> OLD.park_date OR NEW.closed_at <> OLD.closed_at OR NEW.snapshot <> OLD.snapshot OR NEW.remarks <> OLD.remarks
BEGIN
  SELECT RAISE(ABORT, 'a closed day is fixed');
END;

CREATE TRIGGER day_close_is_kept BEFORE DELETE ON day_close
BEGIN
  SELECT RAISE(ABORT, 'a closed day is kept');
END;
