-- The standard wording of general announcements: texts managers keep in Chinese and English, which
-- the counter picks (and may adjust) for a general paging request.

CREATE TABLE general_text (
  id INTEGER PRIMARY KEY,
  title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL,
  text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES staff (id)
) STRICT;

INSERT INTO general_text (title_zh, title_en, text_zh, text_en, sort, created_at, updated_at) VALUES
  ('闭园提示', 'Park closing soon',
   '各位游客请注意，本园即将闭园，请您合理安排游览时间，带好随身物品，有序离园。感谢您的光临，欢迎再来！',
   'Attention please. The park will close soon. Please plan the rest of your visit, keep your belongings with you and make your way to the exits in good time. Thank you for visiting, and see you again soon.',
   1, 0, 0),
  ('雷雨天气', 'Thunderstorm',
   '各位游客请注意，园区即将出现雷雨天气，部分户外游乐项目将暂停运行。请您远离水域和高处，到就近的室内场所避雨，听从工作人员指引。谢谢合作！',
   'Attention please. A thunderstorm is coming and some outdoor rides will pause. Please keep away from the water and high places, take shelter in the nearest building and follow the directions of our staff. Thank you.',
   2, 0, 0),
  ('演出即将开始', 'Show about to begin',
   '各位游客请注意，精彩演出即将在海浪剧场开始，请有序入场，照看好随行儿童，注意安全。',
   'Attention please. The show at the Wave Theatre is about to begin. Please take your seats in good order and keep your children with you.',
   3, 0, 0),
  ('禁止吸烟', 'No smoking',
   '各位游客请注意，园区内除指定吸烟区外禁止吸烟，请您配合，共同营造清洁、安全的游园环境。谢谢！',
   'Attention please. Smoking is allowed only in the marked smoking areas. Thank you for helping us keep the park clean and safe.',
   4, 0, 0),
  ('文明排队', 'Queue courteously',
   '各位游客请注意，请在各游乐项目入口文明排队，不要拥挤，照看好随行儿童。谢谢合作！',
   'Attention please. Please queue courteously at the rides, do not push, and keep your children with you. Thank you.',
   5, 0, 0);
