-- Who did what, when, to which record. Written in the same transaction as the change it records.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  origin TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_staff ON audit_log (staff_id, id);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

-- Append-only: no row is ever changed or removed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
