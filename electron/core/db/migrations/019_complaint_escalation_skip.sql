-- Escalation normally climbs one level at a time (frontline → duty manager → company leadership).
-- Going straight from the frontline to leadership passes over the duty manager: the step keeps why.
ALTER TABLE complaint_step ADD COLUMN skip_reason TEXT CHECK (skip_reason IS NULL OR length(trim(skip_reason)) >= 2);
