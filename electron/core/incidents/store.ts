import type { CasualtyView, IncidentDetail, IncidentNature, IncidentStatus, IncidentSummary, NoticeState, NotifyChannel, NotifyParty, StatementRole, TimelineEntry } from '@shared/contract';
import { NOTIFY_PARTIES, partiesToNotify, readNotifyClock, type PartyMark } from '@shared/rules/incidents';
import type { Db } from '../db/open';

/** Reads of the incidents tables, shaped as the contract's views. */

export interface IncidentRow {
  id: number;
  ref_no: string;
  park_date: string;
  nature: IncidentNature;
  location: string;
  description: string | null;
  occurred_at: number;
  received_at: number;
  received_by: number;
  received_by_name: string;
  owner_id: number;
  owner_name: string;
  reporter_name: string;
  reporter_phone: string | null;
  reporter_address: string | null;
  status: IncidentStatus;
  notified_at: number | null;
  notice_done_at: number | null;
  notifications: number;
  /** The parties notified or skipped, comma-separated (for what is still to notify). */
  marked_parties: string | null;
  handled_at: number | null;
  closed_at: number | null;
  casualties: number;
  to_hospital: number;
}

export const INCIDENT_SELECT = `
  SELECT i.id, i.ref_no, i.park_date, i.nature, i.location, i.description, i.occurred_at, i.received_at,
         i.received_by, sr.name AS received_by_name, i.owner_id, so.name AS owner_name,
         i.reporter_name, i.reporter_phone, i.reporter_address, i.status, i.notified_at, i.notice_done_at, i.notifications,
         (SELECT group_concat(party) FROM (SELECT party FROM incident_notification n WHERE n.incident_id = i.id
                                           UNION SELECT party FROM incident_party_skip k WHERE k.incident_id = i.id)) AS marked_parties,
         i.handled_at, i.closed_at,
         (SELECT count(*) FROM incident_casualty c WHERE c.incident_id = i.id) AS casualties,
         (SELECT count(*) FROM incident_casualty c WHERE c.incident_id = i.id AND c.to_hospital = 1) AS to_hospital
  FROM incident i
  JOIN staff sr ON sr.id = i.received_by
  JOIN staff so ON so.id = i.owner_id`;

/** Incidents still being handled come by their clock: not yet notified first, then oldest first. */
export const CLOCK_ORDER = '(i.notice_done_at IS NOT NULL), i.received_at, i.id';
/** Every incident not closed, by its clock (the counter's list and the day close). */
export const INCIDENTS_OPEN_SQL = `${INCIDENT_SELECT} WHERE i.status <> 'closed' ORDER BY ${CLOCK_ORDER}`;
/** The day's reports and their notification times; the day's closings. */
export const INCIDENTS_OF_DAY_SQL = 'SELECT received_at, notice_done_at FROM incident WHERE received_at >= ? AND received_at < ?';
export const INCIDENTS_CLOSED_SQL = 'SELECT count(*) AS n FROM incident WHERE closed_at >= ? AND closed_at < ?';

export function getIncident(db: Db, id: number): IncidentRow | undefined {
  return db.prepare<[number], IncidentRow>(`${INCIDENT_SELECT} WHERE i.id = ?`).get(id);
}

/** Every party notified or skipped on an incident, with when: the moment its clock stops follows from them. */
export function partyMarks(db: Db, incidentId: number): PartyMark[] {
  return db
    .prepare<[number, number], PartyMark>('SELECT party, at FROM incident_notification WHERE incident_id = ? UNION ALL SELECT party, at FROM incident_party_skip WHERE incident_id = ?')
    .all(incidentId, incidentId);
}

/** The notification clock as one word: still to do (in time or past it), or done (in time or late). */
export function noticeState(receivedAt: number, noticeDoneAt: number | null, now: number): NoticeState {
  const clock = readNotifyClock(receivedAt, noticeDoneAt, now);
  if (clock.state === 'done') return clock.late ? 'late' : 'inTime';
  return clock.state === 'late' ? 'overdue' : 'pending';
}

export function toSummary(row: IncidentRow, now: number): IncidentSummary {
  const clock = readNotifyClock(row.received_at, row.notice_done_at, now);
  const marked = (row.marked_parties ?? '').split(',').filter((party): party is NotifyParty => (NOTIFY_PARTIES as readonly string[]).includes(party));
  return {
    id: row.id,
    refNo: row.ref_no,
    nature: row.nature,
    location: row.location,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    receivedBy: { id: row.received_by, name: row.received_by_name },
    owner: { id: row.owner_id, name: row.owner_name },
    reporterName: row.reporter_name,
    status: row.status,
    notifyDeadline: clock.deadline,
    notifiedAt: row.notified_at,
    noticeDoneAt: row.notice_done_at,
    toNotify: partiesToNotify(row.nature, marked.map((party) => ({ party }))),
    notice: noticeState(row.received_at, row.notice_done_at, now),
    notifications: row.notifications,
    injured: row.casualties > 0,
    toHospital: row.to_hospital > 0,
    handledAt: row.handled_at,
    closedAt: row.closed_at,
  };
}

interface ByRow {
  by_id: number;
  by_name: string;
}

const by = (row: ByRow) => ({ id: row.by_id, name: row.by_name });

/** Everything recorded on an incident, with its timeline in the order things happened. */
export function loadDetail(db: Db, row: IncidentRow, now: number): IncidentDetail {
  const id = row.id;
  const notifications = db
    .prepare<[number], ByRow & { id: number; party: NotifyParty; channel: NotifyChannel; person_name: string | null; note: string | null; at: number }>(
      `SELECT n.id, n.party, n.channel, n.person_name, n.note, n.at, n.by_staff AS by_id, s.name AS by_name
       FROM incident_notification n JOIN staff s ON s.id = n.by_staff WHERE n.incident_id = ? ORDER BY n.at, n.id`,
    )
    .all(id)
    .map((n) => ({ id: n.id, party: n.party, channel: n.channel, personName: n.person_name, note: n.note, at: n.at, by: by(n) }));
  const skippedParties = db
    .prepare<[number], ByRow & { id: number; party: NotifyParty; reason: string; at: number }>(
      `SELECT k.id, k.party, k.reason, k.at, k.by_staff AS by_id, s.name AS by_name
       FROM incident_party_skip k JOIN staff s ON s.id = k.by_staff WHERE k.incident_id = ? ORDER BY k.at, k.id`,
    )
    .all(id)
    .map((k) => ({ id: k.id, party: k.party, reason: k.reason, at: k.at, by: by(k) }));
  const staffSent = db
    .prepare<[number], ByRow & { id: number; name: string; note: string | null; at: number }>(
      `SELECT x.id, x.name, x.note, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_staff_sent x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, name: x.name, note: x.note, at: x.at, by: by(x) }));
  const statements = db
    .prepare<[number], ByRow & { id: number; person_name: string; role: StatementRole; contact: string | null; text: string; at: number }>(
      `SELECT x.id, x.person_name, x.role, x.contact, x.text, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_statement x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, personName: x.person_name, role: x.role, contact: x.contact, text: x.text, at: x.at, by: by(x) }));
  const actions = db
    .prepare<[number], ByRow & { id: number; text: string; at: number }>(
      `SELECT x.id, x.text, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_action x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, text: x.text, at: x.at, by: by(x) }));
  const casualties: CasualtyView[] = db
    .prepare<
      [number],
      ByRow & {
        id: number;
        name: string;
        injury: string;
        first_aid: string | null;
        to_hospital: number;
        hospital: string | null;
        escort_id: number | null;
        escort_name: string | null;
        left_at: number | null;
        arrived_at: number | null;
        returned_at: number | null;
        created_at: number;
      }
    >(
      `SELECT c.id, c.name, c.injury, c.first_aid, c.to_hospital, c.hospital, c.escort_id, e.name AS escort_name,
              c.left_at, c.arrived_at, c.returned_at, c.created_at, c.created_by AS by_id, s.name AS by_name
       FROM incident_casualty c JOIN staff s ON s.id = c.created_by LEFT JOIN staff e ON e.id = c.escort_id
       WHERE c.incident_id = ? ORDER BY c.created_at, c.id`,
    )
    .all(id)
    .map((c) => ({
      id: c.id,
      name: c.name,
      injury: c.injury,
      firstAid: c.first_aid,
      toHospital: c.to_hospital === 1,
      hospital: c.hospital,
      escort: c.escort_id === null ? null : { id: c.escort_id, name: c.escort_name ?? '' },
      leftAt: c.left_at,
      arrivedAt: c.arrived_at,
      returnedAt: c.returned_at,
      at: c.created_at,
      by: by(c),
    }));
  const followUps = db
    .prepare<[number], ByRow & { id: number; note: string; at: number }>(
      `SELECT x.id, x.note, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_follow_up x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, note: x.note, at: x.at, by: by(x) }));
  const superiors = db
    .prepare<[number], ByRow & { id: number; name: string; note: string | null; at: number }>(
      `SELECT x.id, x.name, x.note, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_superior x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, name: x.name, note: x.note, at: x.at, by: by(x) }));
  const handOvers = db
    .prepare<[number], ByRow & { id: number; from_id: number; from_name: string; to_id: number; to_name: string; note: string; at: number }>(
      `SELECT h.id, h.from_staff AS from_id, f.name AS from_name, h.to_staff AS to_id, t.name AS to_name, h.note, h.at,
              h.by_staff AS by_id, s.name AS by_name
       FROM incident_hand_over h JOIN staff s ON s.id = h.by_staff JOIN staff f ON f.id = h.from_staff JOIN staff t ON t.id = h.to_staff
       WHERE h.incident_id = ? ORDER BY h.at, h.id`,
    )
    .all(id)
    .map((h) => ({ id: h.id, from: { id: h.from_id, name: h.from_name }, to: { id: h.to_id, name: h.to_name }, note: h.note, at: h.at, by: by(h) }));
  const transitions = db
    .prepare<[number], ByRow & { id: number; from_status: IncidentStatus; to_status: IncidentStatus; note: string | null; at: number }>(
      `SELECT x.id, x.from_status, x.to_status, x.note, x.at, x.by_staff AS by_id, s.name AS by_name
       FROM incident_transition x JOIN staff s ON s.id = x.by_staff WHERE x.incident_id = ? ORDER BY x.at, x.id`,
    )
    .all(id)
    .map((x) => ({ id: x.id, from: x.from_status, to: x.to_status, note: x.note, at: x.at, by: by(x) }));

  const entry = (at: number, kind: TimelineEntry['kind'], fields: Partial<Omit<TimelineEntry, 'at' | 'kind'>>): TimelineEntry => ({
    at,
    kind,
    by: null,
    subject: null,
    party: null,
    channel: null,
    status: null,
    text: null,
    ...fields,
  });
  // Each kind keeps its place among entries at the same instant: the report first, the status last.
  const timeline: TimelineEntry[] = [
    entry(row.received_at, 'reported', { by: row.received_by_name, subject: row.reporter_name, text: row.description }),
    ...notifications.map((n) => entry(n.at, 'notified', { by: n.by.name, subject: n.personName, party: n.party, channel: n.channel, text: n.note })),
    ...skippedParties.map((k) => entry(k.at, 'partySkipped', { by: k.by.name, party: k.party, text: k.reason })),
    ...staffSent.map((x) => entry(x.at, 'staffSent', { by: x.by.name, subject: x.name, text: x.note })),
    ...statements.map((x) => entry(x.at, 'statement', { by: x.by.name, subject: x.personName, text: x.text })),
    ...actions.map((x) => entry(x.at, 'action', { by: x.by.name, text: x.text })),
    ...casualties.flatMap((c) => [
      entry(c.at, 'casualty', { by: c.by.name, subject: c.name, text: c.injury }),
      ...(c.leftAt !== null ? [entry(c.leftAt, 'hospitalLeft', { by: c.escort?.name ?? null, subject: c.hospital })] : []),
      ...(c.arrivedAt !== null ? [entry(c.arrivedAt, 'hospitalArrived', { by: c.escort?.name ?? null, subject: c.hospital })] : []),
      ...(c.returnedAt !== null ? [entry(c.returnedAt, 'hospitalReturned', { by: c.escort?.name ?? null, subject: c.name })] : []),
    ]),
    ...followUps.map((x) => entry(x.at, 'followUp', { by: x.by.name, text: x.note })),
    ...superiors.map((x) => entry(x.at, 'superior', { by: x.by.name, subject: x.name, text: x.note })),
    ...handOvers.map((h) => entry(h.at, 'handOver', { by: h.by.name, subject: h.to.name, text: h.note })),
    ...transitions.map((x) => entry(x.at, 'status', { by: x.by.name, status: x.to, text: x.note })),
  ]
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.at - b.item.at || a.index - b.index)
    .map(({ item }) => item);

  return {
    ...toSummary(row, now),
    reporterPhone: row.reporter_phone,
    reporterAddress: row.reporter_address,
    description: row.description,
    notificationList: notifications,
    skippedParties,
    staffSent,
    statements,
    actions,
    casualties,
    followUps,
    superiors,
    handOvers,
    transitions,
    timeline,
  };
}
