-- The 30-minute clock of an incident stops once every party its kind calls for is told: the duty
-- manager always, and medical, security or the department concerned as the event calls for them
-- (shared/rules/incidents.ts). A party other than the duty manager may be skipped with a recorded
-- reason. `notified_at` stays the first notification; `notice_done_at` is when the last required
-- party was notified or skipped, set once and never changed.

ALTER TABLE incident ADD COLUMN notice_done_at INTEGER;

CREATE TRIGGER incident_notice_done_kept
BEFORE UPDATE OF notice_done_at ON incident
WHEN OLD.notice_done_at IS NOT NULL AND NEW.notice_done_at IS NOT OLD.notice_done_at
BEGIN
  SELECT RAISE(ABORT, 'the moment the parties were all notified is never changed');
END;

CREATE TABLE incident_party_skip (
  id INTEGER PRIMARY KEY,
  incident_id INTEGER NOT NULL REFERENCES incident (id),
  -- The duty manager is never skipped.
  party TEXT NOT NULL CHECK (party IN ('security', 'medical', 'department', 'other')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) >= 2),
  at INTEGER NOT NULL,
  by_staff INTEGER NOT NULL REFERENCES staff (id),
  UNIQUE (incident_id, party)
) STRICT;

CREATE TRIGGER incident_party_skip_no_update
BEFORE UPDATE ON incident_party_skip
BEGIN
  SELECT RAISE(ABORT, 'skipped parties are append-only');
END;

CREATE TRIGGER incident_party_skip_no_delete
BEFORE DELETE ON incident_party_skip
BEGIN
  SELECT RAISE(ABORT, 'skipped parties are append-only');
END;

-- Incidents recorded so far: done when the last required party was first notified.
WITH required (nature, party) AS (
  VALUES ('injury', 'dutyManager'), ('injury', 'medical'), ('illness', 'dutyManager'), ('illness', 'medical'),
         ('fight', 'dutyManager'), ('fight', 'security'), ('fire', 'dutyManager'), ('fire', 'security'),
         ('lostChild', 'dutyManager'), ('lostChild', 'security'), ('rideStoppage', 'dutyManager'), ('rideStoppage', 'department'),
         ('other', 'dutyManager')
)
UPDATE incident SET notice_done_at = (
  SELECT CASE
           WHEN min((SELECT count(*) FROM incident_notification n WHERE n.incident_id = incident.id AND n.party = r.party)) > 0
           THEN max((SELECT min(n.at) FROM incident_notification n WHERE n.incident_id = incident.id AND n.party = r.party))
         END
  FROM required r WHERE r.nature = incident.nature
);

-- Those already closed were closed under the earlier rule (one notification to anyone): their
-- record stays as it was, done at that first notification.
UPDATE incident SET notice_done_at = notified_at WHERE status = 'closed' AND notice_done_at IS NULL;
