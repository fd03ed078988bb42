-- The audit log keeps no personal numbers: the retention job erases ID and phone numbers from the
-- records, and cannot reach them in the append-only log. Corrections of a complaint used to log the
-- old and the new phone number; those entries now say only that the phone changed. This one-off
-- redaction lifts the append-only guard for its own statement, and is itself in the log.

INSERT INTO audit_log (at, staff_id, action, entity, detail, origin)
SELECT CAST(unixepoch('subsec') * 1000 AS INTEGER), NULL, 'maintenance.auditRedacted', 'audit_log', json_object('rows', count(*), 'field', 'changes.phone'), 'system'
FROM audit_log
WHERE action = 'complaints.update' AND json_type(detail, '$.changes.phone') = 'array'
HAVING count(*) > 0;

DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET detail = json_set(detail, '$.changes.phone', 'changed')
WHERE action = 'complaints.update' AND json_type(detail, '$.changes.phone') = 'array';

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
