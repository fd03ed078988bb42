-- Lists that read a whole table once a year of records is in (found by the query-plan checks):
-- a unit's history (its rentals and repairs), and the complaints a staff member took.

CREATE INDEX rental_by_unit ON rental (unit_id, out_at);
CREATE INDEX repair_by_unit ON repair (unit_id, opened_at);
CREATE INDEX complaint_by_receiver ON complaint (received_by, id);
-- The daily complaint summary also reports what changed since the previous summary closed.
CREATE INDEX complaint_by_updated ON complaint (updated_at);
-- A rental found without its receipt by the visitor's name and the phone's last four digits.
CREATE INDEX rental_by_name ON rental (visitor_name COLLATE NOCASE);
