-- The dashboard's season charts count a year of rentals (700,000 for a busy park) per quarter hour
-- and item type. Counted as they happen instead: one row per quarter hour (of UTC epoch time; every
-- time zone's offset is whole quarter hours, so they line up with the park's) and item type, kept by
-- triggers in the rental's own transaction. The chart reads a few thousand counts, not the rentals.

CREATE TABLE rental_quarter (
  slot INTEGER NOT NULL,
  type_id INTEGER NOT NULL REFERENCES item_type (id),
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (slot, type_id)
) STRICT;

INSERT INTO rental_quarter (slot, type_id, n) SELECT out_at / 900000, type_id, count(*) FROM rental GROUP BY out_at / 900000, type_id;

CREATE TRIGGER rental_quarter_counted AFTER INSERT ON rental
BEGIN
  INSERT INTO rental_quarter (slot, type_id, n) VALUES (NEW.out_at / 900000, NEW.type_id, 1)
  ON CONFLICT (slot, type_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER rental_quarter_moved AFTER UPDATE OF out_at, type_id ON rental
WHEN NEW.out_at <> OLD.out_at OR NEW.type_id <> OLD.type_id
BEGIN
  UPDATE rental_quarter SET n = n - 1 WHERE slot = OLD.out_at / 900000 AND type_id = OLD.type_id;
  INSERT INTO rental_quarter (slot, type_id, n) VALUES (NEW.out_at / 900000, NEW.type_id, 1)
  ON CONFLICT (slot, type_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER rental_quarter_uncounted AFTER DELETE ON rental
BEGIN
  UPDATE rental_quarter SET n = n - 1 WHERE slot = OLD.out_at / 900000 AND type_id = OLD.type_id;
END;

-- The paging chart's response times: every request of the range, read from the index alone.
CREATE INDEX paging_response_by_date ON paging_request (park_date, created_at, acknowledged_at, first_aired_at, status);
