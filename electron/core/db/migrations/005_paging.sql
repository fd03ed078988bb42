-- Paging requests for the broadcast room, the standard scripts they are read from, and the park's
-- departments (their heads are summoned over the PA; complaints are filed against them).

CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  head_name TEXT NOT NULL DEFAULT '',
  head_phone TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

INSERT INTO department (code, name_zh, name_en, sort, created_at, updated_at) VALUES
  ('rides', '游乐部', 'Rides', 1, 0, 0),
  ('food', '餐饮部', 'Food and beverage', 2, 0, 0),
  ('retail', '商品部', 'Retail', 3, 0, 0),
  ('ticketing', '票务部', 'Ticketing', 4, 0, 0),
  ('security', '安保部', 'Security', 5, 0, 0),
  ('cleaning', '保洁部', 'Cleaning', 6, 0, 0),
  ('engineering', '工程部', 'Engineering', 7, 0, 0),
  ('medical', '医务室', 'First aid', 8, 0, 0),
  ('water-world', '水世界', 'Water world', 9, 0, 0),
  ('visitor-center', '游客服务中心', 'Visitor service center', 10, 0, 0);

CREATE TABLE script_template (
  kind TEXT NOT NULL CHECK (kind IN ('missingChild', 'missingPerson', 'summonHead', 'lostProperty')),
  language TEXT NOT NULL CHECK (language IN ('zh-CN', 'en')),
  text TEXT NOT NULL,
  updated_at INTEGER,
  updated_by INTEGER REFERENCES staff (id),
  PRIMARY KEY (kind, language)
) STRICT;

INSERT INTO script_template (kind, language, text) VALUES
  ('missingChild', 'zh-CN', '各位游客请注意，现在广播寻人：一名{age}岁的{sex}，名叫{name}，{height}身穿{clothing}，{lastSeenTime}左右在{lastSeenPlace}与家人走散。请见到这位小朋友的游客或工作人员将其带到{meetingPoint}，{guardianName}正在那里等候。谢谢您的帮助！'),
  ('missingChild', 'en', 'Attention please. We are looking for a {age}-year-old {sex} named {name}, {height}wearing {clothing}, last seen at {lastSeenPlace} around {lastSeenTime}. If you see this child, please bring them to {meetingPoint}, where {guardianName} is waiting. Thank you for your help.'),
  ('missingPerson', 'zh-CN', '各位游客请注意，现在广播寻人：{name}（{sex}，{age}岁），{height}身穿{clothing}，{lastSeenTime}左右在{lastSeenPlace}与同伴走散。请您听到广播后到{meetingPoint}，{guardianName}正在那里等您。'),
  ('missingPerson', 'en', 'Attention please. Would {name}, a {sex} aged {age}, {height}wearing {clothing}, last seen at {lastSeenPlace} around {lastSeenTime}, please come to {meetingPoint}, where {guardianName} is waiting for you.'),
  ('summonHead', 'zh-CN', '{department}负责人{head}请注意：请听到广播后10分钟内到游客服务中心。谢谢！'),
  ('summonHead', 'en', 'Would the head of {department}, {head}, please come to the Visitor Service Center within 10 minutes. Thank you.'),
  ('lostProperty', 'zh-CN', '各位游客请注意，现在广播招领：工作人员在{foundPlace}拾到{item}。请失主凭有效证件到{claimPoint}认领。谢谢！'),
  ('lostProperty', 'en', 'Attention please. Staff have found {item} at {foundPlace}. The owner may claim it with valid ID at {claimPoint}. Thank you.');

CREATE TABLE paging_request (
  id INTEGER PRIMARY KEY,
  -- Chosen by the screen once per request: a retried submission finds its slip instead of making another.
  client_ref TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('missingPerson', 'summonHead', 'lostProperty', 'general')),
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 9),
  details TEXT NOT NULL CHECK (json_valid(details)),
  script_zh TEXT NOT NULL,
  script_en TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'acknowledged', 'aired', 'resolved', 'cancelled')),
  source TEXT NOT NULL DEFAULT 'counter' CHECK (source IN ('counter', 'lostFound', 'complaint')),
  source_ref TEXT,
  department_id INTEGER REFERENCES department (id),
  park_date TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff (id),
  updated_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by INTEGER REFERENCES staff (id),
  first_aired_at INTEGER,
  last_aired_at INTEGER,
  air_count INTEGER NOT NULL DEFAULT 0,
  arrived_at INTEGER,
  arrival_by INTEGER REFERENCES staff (id),
  closed_at INTEGER,
  closed_by INTEGER REFERENCES staff (id),
  close_note TEXT
) STRICT;

CREATE INDEX paging_open ON paging_request (status, priority, created_at) WHERE status NOT IN ('resolved', 'cancelled');
CREATE INDEX paging_by_date ON paging_request (park_date, created_at);
CREATE INDEX paging_by_source ON paging_request (source, source_ref);

-- Every time a request went out over the PA.
CREATE TABLE paging_airing (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES paging_request (id),
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX paging_airing_by_request ON paging_airing (request_id, at);
