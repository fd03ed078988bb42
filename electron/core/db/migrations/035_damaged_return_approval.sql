-- A return that came back damaged or missing waits on a manager even when no money is kept (a free
-- loan, or a charge waived): a kind of its own (`damagedReturn`), not "refund without the receipt".
-- The kinds are a CHECK, so the table is rebuilt (nothing refers to it); requests already asked
-- that way, with the receipt there, are named as what they are.
CREATE TABLE approval_request_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('keptDeposit', 'lostReceiptRefund', 'damagedReturn', 'escalation')),
  rental_id INTEGER REFERENCES rental (id),
  complaint_id INTEGER REFERENCES complaint (id),
  -- What the counter asked for (a return's condition, kept money and reason; an escalation's reason), as JSON.
  request TEXT NOT NULL,
  requested_by INTEGER NOT NULL REFERENCES staff (id),
  requested_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by INTEGER REFERENCES staff (id),
  decided_at INTEGER,
  decision_reason TEXT,
  CHECK ((rental_id IS NULL) <> (complaint_id IS NULL)),
  CHECK ((kind = 'escalation') = (complaint_id IS NOT NULL)),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status = 'pending' OR (decided_by IS NOT NULL AND length(decision_reason) >= 2))
) STRICT;

INSERT INTO approval_request_new (id, kind, rental_id, complaint_id, request, requested_by, requested_at, status, decided_by, decided_at, decision_reason)
  SELECT id,
         CASE WHEN kind = 'lostReceiptRefund' AND json_extract(request, '$.lostReceipt') = 0 THEN 'damagedReturn' ELSE kind END,
         rental_id, complaint_id, request, requested_by, requested_at, status, decided_by, decided_at, decision_reason
  FROM approval_request;
DROP TABLE approval_request;
ALTER TABLE approval_request_new RENAME TO approval_request;
CREATE UNIQUE INDEX one_pending_return_approval ON approval_request (rental_id) WHERE status = 'pending' AND rental_id IS NOT NULL;
CREATE UNIQUE INDEX one_pending_escalation ON approval_request (complaint_id) WHERE status = 'pending' AND complaint_id IS NOT NULL;
CREATE INDEX approval_by_status ON approval_request (status, requested_at);
