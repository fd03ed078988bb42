-- A return visit (回访) records how the visitor found the handling: satisfied, partly, or not. Return
-- visits made before this have none (NULL); every new one has it, as the core asks for it.
ALTER TABLE complaint_step ADD COLUMN satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'partly', 'unsatisfied'));
