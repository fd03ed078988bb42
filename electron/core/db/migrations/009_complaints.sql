-- Complaints: the complete complaint record (顾客投诉记录), its steps from receipt to closing, the
-- daily summary the duty manager closes by 20:30 (fixed once closed), and the park's own working days.

CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  complaint_no TEXT NOT NULL UNIQUE,
  client_ref TEXT NOT NULL UNIQUE,
  park_date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('walkIn', 'phone', 'hotline', 'online', 'consumerAssociation', 'tourismBureau')),
  external_ref TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL,
  received_by INTEGER NOT NULL REFERENCES staff (id),
  complainant_name TEXT NOT NULL,
  phone TEXT,
  group_complaint INTEGER NOT NULL DEFAULT 0 CHECK (group_complaint IN (0, 1)),
  group_size INTEGER CHECK (group_size IS NULL OR group_size >= 2),
  representative TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL,
  happened_at INTEGER NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('serviceAttitude', 'facilities', 'safety', 'ticketsPrices', 'rides', 'food', 'cleanliness', 'lostProperty', 'other')),
  department_id INTEGER REFERENCES department (id),
  description TEXT NOT NULL,
  request TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'investigating', 'responded', 'followedUp', 'closed', 'withdrawn')),
  level TEXT NOT NULL DEFAULT 'frontline' CHECK (level IN ('frontline', 'dutyManager', 'leadership')),
  investigated_at INTEGER,
  responded_at INTEGER,
  followed_up_at INTEGER,
  closed_at INTEGER,
  paging_id INTEGER REFERENCES paging_request (id),
  updated_at INTEGER NOT NULL,
  UNIQUE (park_date, seq),
  CHECK (status <> 'closed' OR responded_at IS NOT NULL)
) STRICT;

CREATE INDEX complaint_open ON complaint (status, received_at) WHERE status NOT IN ('closed', 'withdrawn');
CREATE INDEX complaint_by_date ON complaint (park_date);
CREATE INDEX complaint_by_received ON complaint (received_at);
CREATE INDEX complaint_by_level ON complaint (level, status);
CREATE INDEX complaint_by_department ON complaint (department_id, received_at);

CREATE TABLE complaint_step (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint (id),
  step TEXT NOT NULL CHECK (step IN ('investigate', 'respond', 'followUp', 'close', 'withdraw', 'escalate', 'summon', 'accepted', 'returned')),
  at INTEGER NOT NULL,
  park_date TEXT NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  note TEXT NOT NULL,
  method TEXT CHECK (method IS NULL OR method IN ('phone', 'visit', 'message', 'inPerson')),
  level TEXT CHECK (level IS NULL OR level IN ('frontline', 'dutyManager', 'leadership'))
) STRICT;

CREATE INDEX complaint_step_by_complaint ON complaint_step (complaint_id, at);
CREATE INDEX complaint_step_by_date ON complaint_step (park_date);

-- One summary per park day; once closed its snapshot is what was reported, never rewritten.
CREATE TABLE complaint_summary (
  date TEXT PRIMARY KEY,
  remarks TEXT NOT NULL DEFAULT '',
  closed_at INTEGER,
  closed_by INTEGER REFERENCES staff (id),
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
  CHECK ((closed_at IS NULL) = (snapshot IS NULL))
) STRICT;

-- Which complaints a closed summary reported.
CREATE TABLE complaint_summary_item (
  date TEXT NOT NULL REFERENCES complaint_summary (date),
  complaint_id INTEGER NOT NULL REFERENCES complaint (id),
  PRIMARY KEY (date, complaint_id)
) STRICT;

CREATE INDEX complaint_summary_item_by_complaint ON complaint_summary_item (complaint_id, date);

CREATE TRIGGER complaint_summary_fixed BEFORE UPDATE ON complaint_summary
WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed complaint summary is fixed');
END;

CREATE TABLE calendar_override (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('work', 'off')),
  note TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES staff (id),
  updated_at INTEGER NOT NULL
) STRICT;
