-- A complaint forwarded by the consumer association or the tourism bureau is handled within 2
-- working days and its result reported back to the departments concerned: a step of its own
-- (`reportResult`, with to whom), and the moment it was reported, which stops that clock.
-- The step's kinds are a CHECK, so the step table is rebuilt with the new kind (nothing refers to it).
ALTER TABLE complaint ADD COLUMN result_reported_at INTEGER;

CREATE TABLE complaint_step_new (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint (id),
  step TEXT NOT NULL CHECK (step IN ('investigate', 'respond', 'reportResult', 'followUp', 'close', 'withdraw', 'escalate', 'summon', 'accepted', 'returned')),
  at INTEGER NOT NULL,
  park_date TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  note TEXT NOT NULL,
  method TEXT CHECK (method IS NULL OR method IN ('phone', 'visit', 'message', 'inPerson')),
  level TEXT CHECK (level IS NULL OR level IN ('frontline', 'dutyManager', 'leadership')),
  skip_reason TEXT CHECK (skip_reason IS NULL OR length(trim(skip_reason)) >= 2),
  no_follow_up TEXT CHECK (no_follow_up IS NULL OR no_follow_up IN ('declined', 'unreachable', 'noContact')),
  reported_to TEXT CHECK (reported_to IS NULL OR length(trim(reported_to)) >= 1),
  CHECK ((step = 'reportResult') = (reported_to IS NOT NULL))
) STRICT;

INSERT INTO complaint_step_new (id, complaint_id, step, at, park_date, staff_id, note, method, level, skip_reason, no_follow_up)
  SELECT id, complaint_id, step, at, park_date, staff_id, note, method, level, skip_reason, no_follow_up FROM complaint_step;
DROP TABLE complaint_step;
ALTER TABLE complaint_step_new RENAME TO complaint_step;
CREATE INDEX complaint_step_by_complaint ON complaint_step (complaint_id, at);
CREATE INDEX complaint_step_by_date ON complaint_step (park_date);
