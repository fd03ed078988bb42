import { timelineTitle, type IncidentDetail, type MessageKey } from '@shared/contract';
import type { ReportDocumentInput, ReportField, ReportSection } from '@shared/reports/document';
import { maskPhone } from '@shared/rules/phone';
import { caseReport, reportVoice, type ReportContext } from '../pdf/voice';

/**
 * The incident report as a report document, for the file or for the visitor.
 *
 * The visitor's copy leaves out what is internal to the park or private to other people:
 * - statements (other people's words and contacts);
 * - the notifications (whom the park told, by name, and its 30-minute clock);
 * - superiors informed, hand-overs between staff, follow-up call notes, status-change notes and the
 *   timeline (which repeats all of these);
 * - the reporter's address, and the reporter's phone but for its last four digits (the reporter may
 *   be someone other than the visitor).
 * It keeps what the visitor needs: the event, place and times, the staff member in charge, staff
 * sent to the scene, the injured visitor's injury, first aid and hospital escort, and what was done.
 */
export function incidentReport(incident: IncidentDetail, context: ReportContext): ReportDocumentInput {
  const { say, phrase, time, colon } = reportVoice(context);
  const visitor = context.copy === 'visitor';
  const none = say('reports.none');

  const clockLine = (): string => {
    if (incident.noticeDoneAt === null) {
      const parties = phrase((t) => t('incidents.notify.toNotify', { parties: incident.toNotify.map((party) => t(`incidents.party.${party}`)).join(' · ') }));
      return `${say('incidents.clock.notifyBy', { time: time(incident.notifyDeadline) })} · ${say(incident.notice === 'overdue' ? 'incidents.notice.overdueFlag' : 'incidents.notify.empty')} · ${parties}`;
    }
    if (incident.notice === 'late') {
      const minutes = Math.floor((incident.noticeDoneAt - incident.notifyDeadline) / 60_000);
      return `${say('incidents.notice.late', { minutes })} (${time(incident.noticeDoneAt)})`;
    }
    return say('incidents.notice.inTime', { time: time(incident.noticeDoneAt) });
  };

  const reporterPhone = incident.reporterPhone ? (visitor ? maskPhone(incident.reporterPhone) : incident.reporterPhone) : '—';
  const reportFields: ReportField[] = [
    { label: say('incidents.fields.nature'), value: say(`incidents.nature.${incident.nature}`) },
    { label: say('incidents.fields.location'), value: incident.location },
    { label: say('incidents.fields.occurredAt'), value: time(incident.occurredAt) },
    { label: say('incidents.fields.receivedAt'), value: time(incident.receivedAt) },
    { label: say('incidents.fields.receivedBy'), value: incident.receivedBy.name },
    { label: say('incidents.fields.owner'), value: incident.owner.name },
    { label: say('incidents.fields.reporterName'), value: incident.reporterName },
    { label: say('incidents.fields.reporterPhone'), value: reporterPhone },
    ...(visitor ? [] : [{ label: say('incidents.fields.reporterAddress'), value: incident.reporterAddress ?? '—' }]),
    { label: say('incidents.fields.description'), value: incident.description ?? '—' },
  ];

  const sections: ReportSection[] = [{ heading: say('incidents.sections.report'), fields: reportFields }];

  if (!visitor) {
    sections.push({
      heading: say('incidents.sections.notify'),
      paragraphs: [`${say('incidents.clock.title')}${colon}${clockLine()}`],
      table: {
        columns: [
          { label: say('incidents.fields.at'), width: 1.3 },
          { label: say('incidents.fields.party'), width: 1.4 },
          { label: say('incidents.fields.personName'), width: 1.4 },
          { label: say('incidents.fields.channel'), width: 1 },
          { label: say('incidents.fields.by'), width: 1 },
        ],
        rows: [
          ...incident.notificationList.map((n) => ({
            at: n.at,
            row: [time(n.at), say(`incidents.party.${n.party}`), [n.personName, n.note].filter(Boolean).join(' · ') || '—', say(`incidents.channel.${n.channel}`), n.by.name],
          })),
          ...incident.skippedParties.map((k) => ({
            at: k.at,
            row: [time(k.at), say(`incidents.party.${k.party}`), k.reason, say('incidents.notify.notNotified'), k.by.name],
          })),
        ]
          .sort((a, b) => a.at - b.at)
          .map(({ row }) => row),
        empty: none,
      },
    });
  }

  sections.push({
    heading: say('incidents.sections.scene'),
    table: {
      columns: [
        { label: say('incidents.fields.at'), width: 1.3 },
        { label: say('incidents.fields.staffName'), width: 1.5 },
        { label: say('incidents.fields.note'), width: 2.6 },
      ],
      rows: incident.staffSent.map((x) => [time(x.at), x.name, x.note ?? '']),
      empty: none,
    },
  });

  if (!visitor) {
    sections.push({
      heading: say('incidents.sections.statements'),
      table: {
        columns: [
          { label: say('incidents.fields.at'), width: 1.2 },
          { label: say('incidents.fields.personStatement'), width: 1.3 },
          { label: say('incidents.fields.contact'), width: 1.4 },
          { label: say('incidents.fields.statementText'), width: 3.2 },
        ],
        rows: incident.statements.map((x) => [time(x.at), `${x.personName}\n${say(`incidents.statementRole.${x.role}`)}`, x.contact ?? '—', x.text]),
        empty: none,
      },
    });
  }

  for (const casualty of incident.casualties) {
    sections.push({
      heading: `${say('incidents.sections.casualties')}${colon}${casualty.name}`,
      fields: [
        { label: say('incidents.fields.injury'), value: casualty.injury },
        { label: say('incidents.fields.firstAid'), value: casualty.firstAid ?? '—' },
        { label: say('incidents.fields.toHospital'), value: say(casualty.toHospital ? 'reports.yes' : 'reports.no') },
        ...(casualty.toHospital
          ? [
              { label: say('incidents.fields.hospital'), value: casualty.hospital ?? '—' },
              { label: say('incidents.fields.escort'), value: casualty.escort?.name ?? '—' },
              { label: say('incidents.fields.leftAt'), value: time(casualty.leftAt) },
              { label: say('incidents.fields.arrivedAt'), value: time(casualty.arrivedAt) },
              { label: say('incidents.fields.returnedAt'), value: time(casualty.returnedAt) },
            ]
          : []),
      ],
    });
  }

  sections.push({
    heading: say('incidents.sections.actions'),
    table: {
      columns: [
        { label: say('incidents.fields.at'), width: 1.3 },
        { label: say('incidents.fields.actionText'), width: 4 },
        { label: say('incidents.fields.by'), width: 1 },
      ],
      rows: incident.actions.map((x) => [time(x.at), x.text, x.by.name]),
      empty: none,
    },
  });

  if (!visitor) {
    const simple = (heading: MessageKey, label: MessageKey, rows: string[][]): ReportSection => ({
      heading: say(heading),
      table: {
        columns: [
          { label: say('incidents.fields.at'), width: 1.3 },
          { label: say(label), width: 4 },
          { label: say('incidents.fields.by'), width: 1 },
        ],
        rows,
        empty: none,
      },
    });
    sections.push(
      simple('incidents.sections.superiors', 'incidents.fields.superiorName', incident.superiors.map((x) => [time(x.at), [x.name, x.note].filter(Boolean).join(' · '), x.by.name])),
      simple('incidents.sections.followUps', 'incidents.fields.followUpNote', incident.followUps.map((x) => [time(x.at), x.note, x.by.name])),
      simple(
        'incidents.sections.handOvers',
        'incidents.fields.handOverNote',
        incident.handOvers.map((h) => [time(h.at), `${h.from.name} → ${h.to.name}\n${h.note}`, h.by.name]),
      ),
      {
        heading: say('incidents.sections.timeline'),
        table: {
          columns: [
            { label: say('incidents.fields.at'), width: 1.3 },
            { label: say('incidents.sections.timeline'), width: 4 },
            { label: say('incidents.fields.by'), width: 1 },
          ],
          rows: incident.timeline.map((entry) => [time(entry.at), [phrase((t) => timelineTitle(t, entry)), entry.text].filter(Boolean).join('\n'), entry.by ?? '']),
        },
      },
    );
  } else {
    sections.push({ heading: say('reports.visitorCopy'), paragraphs: [phrase((t) => t('incidents.pdf.visitorNote'))] });
  }

  return caseReport(context, {
    reference: incident.refNo,
    title: say('incidents.pdf.title'),
    about: [say(`incidents.nature.${incident.nature}`), incident.location],
    meta: [
      { label: say('incidents.fields.refNo'), value: incident.refNo },
      { label: say('incidents.fields.status'), value: say(`incidents.status.${incident.status}`) },
      { label: say('incidents.fields.receivedAt'), value: time(incident.receivedAt) },
      { label: say('incidents.fields.owner'), value: incident.owner.name },
      ...(visitor ? [] : [{ label: say('incidents.fields.clock'), value: clockLine() }]),
    ],
    sections,
  });
}
