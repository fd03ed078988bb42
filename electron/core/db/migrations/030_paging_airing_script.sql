-- What went out over the PA, as it was read at each airing: a slip corrected after it was aired
-- keeps the words of the earlier airings. Airings recorded before have none.
ALTER TABLE paging_airing ADD COLUMN script_zh TEXT;
ALTER TABLE paging_airing ADD COLUMN script_en TEXT;
