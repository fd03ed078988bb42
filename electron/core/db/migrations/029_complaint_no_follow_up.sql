-- A complaint closes after its return visit (回访), or, when there was none, with the reason why:
-- the visitor declined it, could not be reached, or left no way to reach them. The return-visit
-- clock stops at such a close.
ALTER TABLE complaint_step ADD COLUMN no_follow_up TEXT CHECK (no_follow_up IS NULL OR no_follow_up IN ('declined', 'unreachable', 'noContact'));
