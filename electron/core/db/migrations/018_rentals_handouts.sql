-- Free convenience items handed out and not returned (sewing kits, rain ponchos): an item type
-- marked `handout` has no units, no ID, no due time and no return; the counter only records how
-- many it handed out, when and by whom.
ALTER TABLE item_type ADD COLUMN handout INTEGER NOT NULL DEFAULT 0 CHECK (handout IN (0, 1));

CREATE TABLE handout (
  id INTEGER PRIMARY KEY,
  type_id INTEGER NOT NULL REFERENCES item_type (id),
  park_date TEXT NOT NULL,
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 50)
) STRICT;

CREATE INDEX handout_by_day ON handout (park_date, type_id);
