-- The information desk (the job description's "other" services: free park maps, tourist information,
-- transport information, sewing kits). The answers the counter gives, in both languages, which a
-- manager keeps; every enquiry answered, counted for the day (printed for the visitor or not).
-- Their texts may use {{parkName}}, {{openingTime}} and {{closingTime}}, filled from the settings.
CREATE TABLE info_entry (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL CHECK (topic IN ('transport', 'tourist', 'park', 'other')),
  title_zh TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 30),
  title_en TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 60),
  body_zh TEXT NOT NULL CHECK (length(body_zh) BETWEEN 1 AND 800),
  body_en TEXT NOT NULL CHECK (length(body_en) BETWEEN 1 AND 1600),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES staff (id),
  -- A removed answer leaves the desk; the enquiries counted with it stay.
  removed_at INTEGER
) STRICT;

CREATE INDEX info_entry_by_topic ON info_entry (topic, id) WHERE removed_at IS NULL;

CREATE TABLE info_enquiry (
  id INTEGER PRIMARY KEY,
  entry_id INTEGER REFERENCES info_entry (id),
  topic TEXT NOT NULL CHECK (topic IN ('transport', 'tourist', 'park', 'other')),
  park_date TEXT NOT NULL CHECK (park_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  -- Printed for the visitor: in which language, and the print job.
  slip_language TEXT CHECK (slip_language IS NULL OR slip_language IN ('zh-CN', 'en', 'both')),
  print_job_id INTEGER REFERENCES print_job (id),
  CHECK ((slip_language IS NULL) = (print_job_id IS NULL))
) STRICT;

CREATE INDEX info_enquiry_by_day ON info_enquiry (park_date, entry_id);

-- Two answers every park has, from its own settings; the rest (bus lines, taxis, parking, nearby
-- sights) the duty manager writes for the park.
INSERT INTO info_entry (topic, title_zh, title_en, body_zh, body_en, created_at, updated_at) VALUES
  ('park', '开放时间', 'Opening hours',
    '{{parkName}}每日 {{openingTime}} 开园，{{closingTime}} 闭园。节假日及活动日时间以园区公告为准。',
    '{{parkName}} is open daily from {{openingTime}} to {{closingTime}}. On holidays and event days, please see the park''s notices.',
    0, 0),
  ('park', '游客服务中心', 'Visitor service center',
    '游客服务中心提供：轮椅、婴儿车、雨伞租借（凭有效证件并交押金）；免费园区地图、针线包；失物招领；广播寻人；投诉受理；突发事件求助。',
    'The visitor service center offers: wheelchairs, strollers and umbrellas to borrow (with a valid ID and a deposit); free park maps and sewing kits; lost and found; paging a person over the PA; complaints; help in an emergency.',
    0, 0);

-- Free park maps and sewing kits, handed out and not returned (see 018), unless the park keeps them already.
INSERT INTO item_type (code, name_zh, name_en, deposit_fen, sort, handout, created_at, updated_at)
  SELECT 'park-map', '园区地图', 'Park map', 0, 10, 1, 0, 0
  WHERE NOT EXISTS (SELECT 1 FROM item_type WHERE code = 'park-map' OR name_zh IN ('园区地图', '地图', '导览图'));
INSERT INTO item_type (code, name_zh, name_en, deposit_fen, sort, handout, created_at, updated_at)
  SELECT 'sewing-kit', '针线包', 'Sewing kit', 0, 11, 1, 0, 0
  WHERE NOT EXISTS (SELECT 1 FROM item_type WHERE code = 'sewing-kit' OR name_zh = '针线包');
