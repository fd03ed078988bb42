-- When the counter last changed a slip's details: the broadcast room is told, and the slip says so,
-- so a corrected description is never aired from the words read before.
ALTER TABLE paging_request ADD COLUMN edited_at INTEGER;
