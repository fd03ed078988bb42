-- The daily broadcast programme: slots with their standard texts, and per date the equipment check
-- signed before each slot and the record that it aired. Slot times are wall-clock `HH:mm` on a
-- normal day; on event days (settings.eventDays) every slot airs 15 minutes earlier.

CREATE TABLE programme_slot (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('opening', 'activity', 'music', 'lunch', 'closing', 'other')),
  -- 06:00 at the earliest, ending by 23:00: a slot, its check and its event-day shift never cross midnight.
  start_time TEXT NOT NULL CHECK (length(start_time) = 5 AND start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time >= '06:00'),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 30),
  title_zh TEXT NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 30),
  title_en TEXT NOT NULL CHECK (length(title_en) BETWEEN 1 AND 60),
  text_zh TEXT NOT NULL CHECK (length(text_zh) BETWEEN 1 AND 1000),
  text_en TEXT NOT NULL CHECK (length(text_en) BETWEEN 1 AND 2000),
  notes_zh TEXT NOT NULL DEFAULT '' CHECK (length(notes_zh) <= 200),
  notes_en TEXT NOT NULL DEFAULT '' CHECK (length(notes_en) <= 400),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- A removed slot leaves the programme but keeps the checks and airings recorded against it.
  removed_at INTEGER,
  CHECK ((CAST(substr(start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(start_time, 4, 2) AS INTEGER) + duration_minutes) <= 23 * 60)
) STRICT;

CREATE INDEX programme_slot_by_start ON programme_slot (start_time) WHERE removed_at IS NULL;

-- One equipment check per slot and date: who, when, OK or the problem found.
CREATE TABLE programme_check (
  id INTEGER PRIMARY KEY,
  slot_id INTEGER NOT NULL REFERENCES programme_slot (id),
  park_date TEXT NOT NULL CHECK (park_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- The slot's start on that date when the check was signed (after the event-day shift).
  slot_starts_at INTEGER NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  note TEXT,
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  -- Signed before the slot started; 0 keeps the slot's check missed for that date.
  in_time INTEGER NOT NULL CHECK (in_time IN (0, 1)),
  UNIQUE (slot_id, park_date),
  CHECK (ok = 1 OR length(note) >= 2),
  CHECK (in_time = (at < slot_starts_at))
) STRICT;

CREATE INDEX programme_check_by_date ON programme_check (park_date);

-- One airing record per slot and date.
CREATE TABLE programme_airing (
  id INTEGER PRIMARY KEY,
  slot_id INTEGER NOT NULL REFERENCES programme_slot (id),
  park_date TEXT NOT NULL CHECK (park_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  slot_starts_at INTEGER NOT NULL,
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  UNIQUE (slot_id, park_date)
) STRICT;

CREATE INDEX programme_airing_by_date ON programme_airing (park_date);

-- The default programme for a park open 09:00 to 18:00: opening → activities → lunch break → music
-- → activities → closing, 5 minutes each. {{parkName}}, {{openingTime}} and {{closingTime}} are filled
-- in from Settings when the text is shown.
INSERT INTO programme_slot (kind, start_time, duration_minutes, title_zh, title_en, text_zh, text_en, notes_zh, notes_en, created_at, updated_at) VALUES
  ('opening', '09:00', 5, '开园广播', 'Opening announcement',
   '亲爱的游客朋友们，早上好！欢迎光临{{parkName}}。本园今日开放时间为{{openingTime}}至{{closingTime}}。游玩时请照看好随行的老人和儿童，贵重物品请随身携带，并遵守各游乐项目的安全须知。轮椅、婴儿车和雨伞可凭有效证件和押金在游客服务中心借用。如需帮助，请联系身边的工作人员或前往游客服务中心。祝您玩得开心！',
   'Good morning, ladies and gentlemen, and welcome to {{parkName}}. The park is open today from {{openingTime}} to {{closingTime}}. Please keep an eye on the children and elderly people in your group, keep your valuables with you, and follow the safety notice at each ride. Wheelchairs, strollers and umbrellas can be borrowed at the Visitor Service Center against a valid ID and a deposit. If you need help, please ask any member of staff or come to the Visitor Service Center. Have a wonderful day!',
   '语速适中，语气热情；先中文后英文。', 'Moderate pace, warm tone; Chinese first, then English.', 0, 0),
  ('activity', '10:30', 5, '上午活动预告', 'Morning activities',
   '各位游客请注意，园区今日的精彩活动即将开始：上午十一点，欢乐巡游将从中心广场出发；下午两点，水上表演将在海浪剧场上演。请提前到场，听从工作人员引导，注意安全。活动详情请查看园区导览图或咨询游客服务中心。',
   'Attention please. Today''s park activities are about to begin: at 11:00 the parade sets off from Central Plaza, and at 14:00 the water show starts at the Wave Theatre. Please arrive early, follow the directions of our staff and take care. For details, see the park map or ask at the Visitor Service Center.',
   '语速稍快，节奏轻快；活动时间和地点重复一遍。', 'Slightly brisk and upbeat; repeat the times and places once.', 0, 0),
  ('lunch', '12:00', 5, '午间休息', 'Lunch break',
   '各位游客，中午好！现在是午间休息时间，园内餐厅和美食广场已全部开放，请合理安排用餐和休息。天气炎热时请注意防晒，及时补充水分，游客服务中心提供免费饮用水。饭后请不要立即参加刺激性游乐项目。祝您用餐愉快！',
   'Good afternoon, everyone. It is now lunchtime: all restaurants and the food court are open, so please take time to eat and rest. In hot weather, protect yourself from the sun and drink plenty of water; free drinking water is available at the Visitor Service Center. Please avoid thrill rides straight after your meal. Enjoy your lunch!',
   '语速放缓，语气轻松。', 'Slow, relaxed tone.', 0, 0),
  ('music', '13:00', 5, '午后音乐', 'Afternoon music',
   '各位游客，下午好！接下来为您播放一段轻松的音乐，祝您在{{parkName}}度过愉快的午后时光。',
   'Good afternoon, everyone. Here is some relaxing music for your afternoon at {{parkName}}. Enjoy!',
   '简短报幕后播放轻音乐约 5 分钟，音量适中。', 'A short introduction, then about 5 minutes of light music at moderate volume.', 0, 0),
  ('activity', '15:00', 5, '下午活动预告', 'Afternoon activities',
   '各位游客请注意，下午三点半，亲子互动游戏将在欢乐草坪举行，欢迎小朋友和家长一同参加。请照看好您的孩子，注意安全。如与孩子走散，请立即联系身边的工作人员或前往游客服务中心。',
   'Attention please. At 15:30 a family games session will be held on the Fun Lawn; children and parents are welcome to join. Please keep an eye on your children. If you are separated from a child, contact any member of staff or the Visitor Service Center at once.',
   '语速适中；活动时间和地点重复一遍。', 'Moderate pace; repeat the time and place once.', 0, 0),
  ('closing', '17:45', 5, '闭园广播', 'Closing announcement',
   '亲爱的游客朋友们，本园将于{{closingTime}}闭园。请合理安排时间，带好随身物品，有序离园。借用轮椅、婴儿车或雨伞的游客，请凭收据到游客服务中心归还并办理押金退还。感谢您光临{{parkName}}，祝您一路平安，欢迎再次光临！',
   'Ladies and gentlemen, the park will close at {{closingTime}}. Please collect your belongings and make your way to the exit. If you borrowed a wheelchair, stroller or umbrella, please return it to the Visitor Service Center with your receipt to get your deposit back. Thank you for visiting {{parkName}}. Have a safe journey home, and we hope to see you again soon!',
   '语速放缓，语气亲切；播放两遍。', 'Slow and friendly; read it twice.', 0, 0);
