-- Visitors' opinions and requests (意见和需求) that are not complaints. Each is fed back to its
-- department by the first daily summary closed after it was recorded (summary_date), and is fixed
-- from then on; only the retention job may still clear its phone number (of any older than the
-- retention period, fed back or still waiting for a department).
CREATE TABLE visitor_feedback (
  id INTEGER PRIMARY KEY,
  client_ref TEXT NOT NULL UNIQUE,
  park_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opinion', 'demand')),
  channel TEXT NOT NULL CHECK (channel IN ('walkIn', 'phone', 'hotline', 'online', 'commentCard')),
  visitor_name TEXT NOT NULL DEFAULT '',
  phone TEXT,
  category TEXT NOT NULL,
  department_id INTEGER REFERENCES department (id),
  text TEXT NOT NULL CHECK (length(text) > 0),
  received_at INTEGER NOT NULL,
  received_by INTEGER NOT NULL REFERENCES staff (id),
  summary_date TEXT,
  updated_at INTEGER NOT NULL,
  personal_erased_at INTEGER
) STRICT;

-- What the next summary feeds back; a day's; those one summary fed back; phones held (for erasure).
CREATE INDEX visitor_feedback_pending ON visitor_feedback (received_at) WHERE summary_date IS NULL;
CREATE INDEX visitor_feedback_by_date ON visitor_feedback (park_date, id);
CREATE INDEX visitor_feedback_by_summary ON visitor_feedback (summary_date) WHERE summary_date IS NOT NULL;
CREATE INDEX visitor_feedback_personal_due ON visitor_feedback (received_at) WHERE phone IS NOT NULL;

CREATE TRIGGER visitor_feedback_fed_back BEFORE UPDATE ON visitor_feedback
WHEN OLD.summary_date IS NOT NULL AND (
  NEW.id IS NOT OLD.id OR NEW.summary_date IS NOT OLD.summary_date OR NEW.kind IS NOT OLD.kind OR NEW.channel IS NOT OLD.channel OR NEW.category IS NOT OLD.category
  OR NEW.department_id IS NOT OLD.department_id OR NEW.text IS NOT OLD.text OR NEW.visitor_name IS NOT OLD.visitor_name
  OR NEW.client_ref IS NOT OLD.client_ref OR NEW.park_date IS NOT OLD.park_date OR NEW.received_at IS NOT OLD.received_at
  OR NEW.received_by IS NOT OLD.received_by OR (NEW.phone IS NOT OLD.phone AND NEW.phone IS NOT NULL))
BEGIN
  SELECT RAISE(ABORT, 'visitor_feedback is fixed once fed back');
END;

CREATE TRIGGER visitor_feedback_kept BEFORE DELETE ON visitor_feedback
BEGIN
  SELECT RAISE(ABORT, 'visitor_feedback is kept');
END;
