-- Incidents and emergencies (突发事件处理): the report taken at once, its owner under first-asked
-- responsibility (首问负责制), the 30-minute notification clock, staff sent to the scene, statements,
-- actions, injured visitors and their hospital escort, follow-up calls, superiors informed,
-- hand-overs and status changes. Every entry is append-only except an injured visitor's record,
-- which is completed as the escort phones in.

CREATE TABLE incident (
  id INTEGER PRIMARY KEY,
  -- I20261129-01: the park date of the report and its number that day.
  ref_no TEXT NOT NULL UNIQUE,
  park_date TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  nature TEXT NOT NULL CHECK (nature IN ('injury', 'illness', 'fight', 'fire', 'lostChild', 'rideStoppage', 'other')),
  location TEXT NOT NULL CHECK (length(trim(location)) > 0),
  description TEXT,
  occurred_at INTEGER NOT NULL,
  -- The 30-minute clock runs from here.
  received_at INTEGER NOT NULL,
  received_by INTEGER NOT NULL REFERENCES staff (id),
  owner_id INTEGER NOT NULL REFERENCES staff (id),
  reporter_name TEXT NOT NULL CHECK (length(trim(reporter_name)) > 0),
  reporter_phone TEXT,
  reporter_address TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'closed')),
  -- The first notification: set once, never changed (a late incident stays flagged).
  notified_at INTEGER,
  notifications INTEGER NOT NULL DEFAULT 0 CHECK (notifications >= 0),
  handled_at INTEGER,
  closed_at INTEGER,
  updated_at INTEGER NOT NULL,
  UNIQUE (park_date, seq),
  -- No reporter contact, no report.
  CHECK (reporter_phone IS NOT NULL OR reporter_address IS NOT NULL),
  CHECK ((status = 'open') = (handled_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  -- Closing needs a recorded notification, at the database too.
  CHECK (status <> 'closed' OR notified_at IS NOT NULL),
  CHECK ((notified_at IS NULL) = (notifications = 0))
) STRICT;

-- The lists: incidents not closed (by their clock), and all of them by the time received.
CREATE INDEX incident_active ON incident (received_at) WHERE status <> 'closed';
CREATE INDEX incident_by_received ON incident (received_at);
CREATE INDEX incident_by_nature ON incident (nature, received_at);
CREATE INDEX incident_by_closed ON incident (closed_at) WHERE closed_at IS NOT NULL;

CREATE TRIGGER incident_first_notice_kept
BEFORE UPDATE OF notified_at ON incident
WHEN OLD.notified_at IS NOT NULL AND NEW.notified_at IS NOT OLD.notified_at
BEGIN
  SELECT RAISE(ABORT, 'the first notification of an incident is never changed');
END;

CREATE TABLE incident_notification (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  party TEXT NOT NULL CHECK (party IN ('dutyManager', 'security', 'medical', 'department', 'other')),
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'radio', 'inPerson', 'message')),
  person_name TEXT,
  note TEXT,
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_notification_by_incident ON incident_notification (incident_id, at);

CREATE TRIGGER incident_notification_no_update
BEFORE UPDATE ON incident_notification
BEGIN
  SELECT RAISE(ABORT, 'notifications are append-only');
END;

CREATE TRIGGER incident_notification_no_delete
BEFORE DELETE ON incident_notification
BEGIN
  SELECT RAISE(ABORT, 'notifications are append-only');
END;

CREATE TABLE incident_staff_sent (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  note TEXT,
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_staff_sent_by_incident ON incident_staff_sent (incident_id, at);

CREATE TABLE incident_statement (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  person_name TEXT NOT NULL CHECK (length(trim(person_name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('involved', 'witness')),
  contact TEXT,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_statement_by_incident ON incident_statement (incident_id, at);

CREATE TABLE incident_action (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_action_by_incident ON incident_action (incident_id, at);

CREATE TABLE incident_casualty (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  injury TEXT NOT NULL CHECK (length(trim(injury)) > 0),
  first_aid TEXT,
  to_hospital INTEGER NOT NULL DEFAULT 0 CHECK (to_hospital IN (0, 1)),
  hospital TEXT,
  escort_id INTEGER REFERENCES staff (id),
  left_at INTEGER,
  arrived_at INTEGER,
  returned_at INTEGER,
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff (id),
  updated_at INTEGER NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES staff (id),
  CHECK (to_hospital = 0 OR (hospital IS NOT NULL AND escort_id IS NOT NULL)),
  CHECK (to_hospital = 1 OR (escort_id IS NULL AND left_at IS NULL AND arrived_at IS NULL AND returned_at IS NULL)),
  CHECK (arrived_at IS NULL OR left_at IS NULL OR arrived_at >= left_at),
  CHECK (returned_at IS NULL OR coalesce(arrived_at, left_at) IS NULL OR returned_at >= coalesce(arrived_at, left_at))
) STRICT;

CREATE INDEX incident_casualty_by_incident ON incident_casualty (incident_id);

CREATE TABLE incident_follow_up (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_follow_up_by_incident ON incident_follow_up (incident_id, at);

CREATE TABLE incident_superior (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  note TEXT,
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX incident_superior_by_incident ON incident_superior (incident_id, at);

CREATE TABLE incident_hand_over (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  from_staff INTEGER NOT NULL REFERENCES staff (id),
  to_staff INTEGER NOT NULL REFERENCES staff (id),
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id),
  CHECK (from_staff <> to_staff)
) STRICT;

CREATE INDEX incident_hand_over_by_incident ON incident_hand_over (incident_id, at);

CREATE TABLE incident_transition (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  from_status TEXT NOT NULL CHECK (from_status IN ('open', 'handled', 'closed')),
  to_status TEXT NOT NULL CHECK (to_status IN ('open', 'handled', 'closed')),
  note TEXT,
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id),
  CHECK ((from_status = 'open' AND to_status = 'handled') OR (from_status = 'handled' AND to_status IN ('closed', 'open')))
) STRICT;

CREATE INDEX incident_transition_by_incident ON incident_transition (incident_id, at);
