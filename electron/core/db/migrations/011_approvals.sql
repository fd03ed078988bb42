-- What waits on a manager: returns that keep deposit money or have no receipt, and complaints
-- escalated to the duty manager. Each is approved or refused with a reason, once.

CREATE TABLE approval_request (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('keptDeposit', 'lostReceiptRefund', 'escalation')),
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

CREATE UNIQUE INDEX one_pending_return_approval ON approval_request (rental_id) WHERE status = 'pending' AND rental_id IS NOT NULL;
CREATE UNIQUE INDEX one_pending_escalation ON approval_request (complaint_id) WHERE status = 'pending' AND complaint_id IS NOT NULL;
CREATE INDEX approval_by_status ON approval_request (status, requested_at);
