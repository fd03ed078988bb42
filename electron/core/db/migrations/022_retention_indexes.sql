-- Retention (migration 010) erases ID and phone numbers of closed records each night. Its queries
-- read only the rows that still hold them: an index each of exactly those rows, so the nightly job
-- reads the day's few hundred records instead of every rental, item and complaint of past years.
-- A row leaves its index once erased.

CREATE INDEX rental_personal_due ON rental (status, returned_at) WHERE status = 'returned' AND (phone IS NOT NULL OR id_number IS NOT NULL);
CREATE INDEX lf_claim_personal_due ON lf_claim (at) WHERE (phone IS NOT NULL OR id_number IS NOT NULL);
CREATE INDEX lf_report_personal_due ON lf_report (closed_at) WHERE status <> 'open' AND phone IS NOT NULL;
CREATE INDEX lf_item_finder_phone ON lf_item (status) WHERE finder_phone IS NOT NULL;
CREATE INDEX complaint_personal_due ON complaint (closed_at) WHERE status IN ('closed', 'withdrawn') AND phone IS NOT NULL;
