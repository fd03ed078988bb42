-- A printout that cannot print (a damaged document) stays counted as failed until someone at the
-- counter sets it aside, after reprinting what it carried or writing it by hand: who and when.
ALTER TABLE print_job ADD COLUMN dismissed_at INTEGER;
ALTER TABLE print_job ADD COLUMN dismissed_by INTEGER REFERENCES staff (id);

CREATE INDEX print_job_failed ON print_job (status) WHERE status = 'failed' AND dismissed_at IS NULL;
