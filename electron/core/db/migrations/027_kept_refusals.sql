-- A method that keeps its own transactions may commit before it refuses (a wrong PIN is counted).
-- Its refusal is kept under the submission's key too, so the same submission sent again after a lost
-- answer gets the same refusal and is not counted again.
ALTER TABLE idempotent_call ADD COLUMN refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));
