import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconCheck, IconLock, IconLockOpen, IconUserShare } from '@tabler/icons-react';
import { timelineTitle, type IncidentDetail as Detail, type IncidentStatus } from '@shared/contract';
import { closeRefusal } from '@shared/rules/incidents';
import { formatParkDateTime, parkDate } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark, useParkFormat } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { ReportPdfPanel } from '../../ui/ReportPdfPanel';
import { CasualtyPanel } from './CasualtyPanel';
import { ActionForm, EntryTable, FollowUpForm, HandOverModal, SendStaffForm, StatementModal, StatusModal, SuperiorForm } from './EntryForms';
import { NotifyPanel } from './NotifyPanel';
import { NatureBadge, NoticeClock, StatusBadge } from './parts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function IncidentTimeline({ incident }: { incident: Detail }) {
  const t = useT();
  const format = useParkFormat();
  const { info } = usePark();
  const day = parkDate(incident.receivedAt, info.timeZone);
  return (
    <Timeline bulletSize={16} lineWidth={2} active={incident.timeline.length - 1} data-testid="timeline">
      {incident.timeline.map((entry, index) => (
        <Timeline.Item key={`${entry.kind}-${entry.at}-${index}`} title={timelineTitle(t, entry)}>
          {entry.text ? (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
          ) : null}
          <Text fz="xs" c="dimmed">
            {parkDate(entry.at, info.timeZone) === day ? format.time(entry.at) : formatParkDateTime(entry.at, info.timeZone)}
            {entry.by ? ` · ${entry.by}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One incident: the report, the clock and the parties to notify, everything done, its status, the PDF, the timeline. */
export function IncidentDetail({ id, onBack }: { id: number; onBack(): void }) {
  const t = useT();
  const format = useParkFormat();
  const { info } = usePark();
  const now = useParkNow(5_000);
  const makePdf = useAction('incidents.pdf');
  const { session } = useSession();
  const incident = useMethod('incidents.get', { id });
  const [modal, setModal] = useState<'statement' | 'handOver' | IncidentStatus>();

  if (incident.error) {
    return (
      <Stack>
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack} w="fit-content">
          {t('incidents.actions.back')}
        </Button>
        <Alert color="red">{t(incident.error.body.message, incident.error.body.params)}</Alert>
      </Stack>
    );
  }
  if (!incident.data) {
    return (
      <Center mih={300}>
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  const data = incident.data;
  const closed = data.status === 'closed';
  const me = session?.staff;
  const mayHandOver = !closed && me !== undefined && (me.id === data.owner.id || me.role === 'manager' || me.role === 'admin');

  return (
    <Stack gap="md" data-testid="incident-detail">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack} w="fit-content" px={6}>
            {t('incidents.actions.back')}
          </Button>
          <Group gap="sm">
            <Title order={2} fz={26} ff="monospace" data-testid="incident-ref">
              {data.refNo}
            </Title>
            <NatureBadge nature={data.nature} size="xl" />
            <StatusBadge status={data.status} size="xl" />
          </Group>
          <Text fz="lg" fw={600}>
            {data.location}
          </Text>
        </Stack>
        <NoticeClock incident={data} now={now} />
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="lg" p="md">
              <Title order={2} fz="lg" mb="sm">
                {t('incidents.sections.notify')}
              </Title>
              <NotifyPanel incident={data} readOnly={closed} />
            </Paper>

            <Paper withBorder radius="lg" p="md">
              <Title order={2} fz="lg" mb="sm">
                {t('incidents.sections.report')}
              </Title>
              <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
                <Fact label={t('incidents.fields.reporterName')}>{data.reporterName}</Fact>
                <Fact label={t('incidents.fields.reporterPhone')}>{data.reporterPhone ?? '—'}</Fact>
                <Fact label={t('incidents.fields.reporterAddress')}>{data.reporterAddress ?? '—'}</Fact>
                <Fact label={t('incidents.fields.occurredAt')}>{formatParkDateTime(data.occurredAt, info.timeZone)}</Fact>
                <Fact label={t('incidents.fields.receivedAt')}>{formatParkDateTime(data.receivedAt, info.timeZone)}</Fact>
                <Fact label={t('incidents.fields.receivedBy')}>{data.receivedBy.name}</Fact>
              </SimpleGrid>
              {data.description ? (
                <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {data.description}
                </Text>
              ) : null}
              <Group mt="sm" justify="space-between">
                <Group gap="xs">
                  <Text c="dimmed">{t('incidents.fields.owner')}</Text>
                  <Badge size="lg" variant="light" leftSection={<IconUserShare size={14} />} style={{ textTransform: 'none' }} data-testid="incident-owner">
                    {data.owner.name}
                  </Badge>
                </Group>
                {mayHandOver ? (
                  <Button variant="default" leftSection={<IconArrowsExchange size={18} />} onClick={() => setModal('handOver')}>
                    {t('incidents.actions.handOver')}
                  </Button>
                ) : null}
              </Group>
            </Paper>


            <Paper withBorder radius="lg" p="md">
              <Tabs defaultValue={data.nature === 'injury' || data.casualties.length > 0 ? 'casualties' : 'scene'} keepMounted={false}>
                <Tabs.List mb="md">
                  <Tabs.Tab value="scene">
                    {t('incidents.sections.scene')} {data.staffSent.length > 0 ? `(${data.staffSent.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="statements">
                    {t('incidents.sections.statements')} {data.statements.length > 0 ? `(${data.statements.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="casualties">
                    {t('incidents.sections.casualties')} {data.casualties.length > 0 ? `(${data.casualties.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="actions">
                    {t('incidents.sections.actions')} {data.actions.length > 0 ? `(${data.actions.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="followUps">
                    {t('incidents.sections.followUpsTab')} {data.followUps.length + data.superiors.length > 0 ? `(${data.followUps.length + data.superiors.length})` : ''}
                  </Tabs.Tab>
                  <Tabs.Tab value="handOvers">
                    {t('incidents.sections.handOvers')} {data.handOvers.length > 0 ? `(${data.handOvers.length})` : ''}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="scene">
                  <Stack gap="sm">
                    {closed ? null : <SendStaffForm incidentId={data.id} />}
                    <EntryTable testId="staff-sent" rows={data.staffSent.map((x) => ({ id: x.id, at: x.at, main: x.name, extra: x.note, by: x.by.name }))} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="statements">
                  <Stack gap="sm">
                    {closed ? null : (
                      <Button variant="light" w="fit-content" onClick={() => setModal('statement')}>
                        {t('incidents.actions.addStatement')}
                      </Button>
                    )}
                    <EntryTable
                      testId="statements"
                      rows={data.statements.map((x) => ({
                        id: x.id,
                        at: x.at,
                        main: `${x.personName} · ${t(`incidents.statementRole.${x.role}`)}${x.contact ? ` · ${x.contact}` : ''}`,
                        extra: x.text,
                        by: x.by.name,
                      }))}
                    />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="casualties">
                  <CasualtyPanel incident={data} readOnly={closed} />
                </Tabs.Panel>
                <Tabs.Panel value="actions">
                  <Stack gap="sm">
                    {closed ? null : <ActionForm incidentId={data.id} />}
                    <EntryTable testId="actions" rows={data.actions.map((x) => ({ id: x.id, at: x.at, main: x.text, by: x.by.name }))} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="followUps">
                  <Stack gap="sm">
                    <Title order={3} fz="md">
                      {t('incidents.sections.superiors')}
                    </Title>
                    {closed ? null : <SuperiorForm incidentId={data.id} />}
                    <EntryTable testId="superiors" rows={data.superiors.map((x) => ({ id: x.id, at: x.at, main: x.name, extra: x.note, by: x.by.name }))} />
                    <Title order={3} fz="md" mt="sm">
                      {t('incidents.sections.followUps')}
                    </Title>
                    {closed ? null : <FollowUpForm incidentId={data.id} />}
                    <EntryTable testId="follow-ups" rows={data.followUps.map((x) => ({ id: x.id, at: x.at, main: x.note, by: x.by.name }))} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="handOvers">
                  <EntryTable
                    testId="hand-overs"
                    rows={data.handOvers.map((h) => ({ id: h.id, at: h.at, main: `${h.from.name} → ${h.to.name}`, extra: h.note, by: h.by.name }))}
                  />
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="lg" p="md">
              <Title order={2} fz="lg" mb="sm">
                {t('incidents.sections.status')}
              </Title>
              <Stack gap="xs">
                {closeRefusal(data.status, data.toNotify, { toHospital: data.toHospital, superiorsInformed: data.superiors.length }) === 'noSuperior' ? (
                  <Alert color="orange" data-testid="superior-needed">
                    {t('incidents.statusChange.superiorNeeded')}
                  </Alert>
                ) : null}
                {data.status === 'open' ? (
                  <Button size="lg" leftSection={<IconCheck size={20} />} onClick={() => setModal('handled')}>
                    {t('incidents.actions.markHandled')}
                  </Button>
                ) : null}
                {data.status === 'handled' ? (
                  <>
                    <Button size="lg" color="dark" leftSection={<IconLock size={20} />} onClick={() => setModal('closed')}>
                      {t('incidents.actions.close')}
                    </Button>
                    <Button variant="default" leftSection={<IconLockOpen size={18} />} onClick={() => setModal('open')}>
                      {t('incidents.actions.reopen')}
                    </Button>
                  </>
                ) : null}
                {data.transitions.map((x) => (
                  <Text key={x.id} fz="sm" c="dimmed">
                    {format.time(x.at)} · {t(`incidents.status.${x.to}`)} · {x.by.name}
                    {x.note ? ` · ${x.note}` : ''}
                  </Text>
                ))}
                <ReportPdfPanel make={(copy) => makePdf.mutateAsync({ incidentId: data.id, copy })} labels={{ file: 'incidents.actions.pdfFile', visitor: 'incidents.actions.pdfVisitor' }} />
              </Stack>
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Title order={2} fz="lg" mb="sm">
                {t('incidents.sections.timeline')}
              </Title>
              <IncidentTimeline incident={data} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      {modal === 'statement' ? <StatementModal incidentId={data.id} onClose={() => setModal(undefined)} /> : null}
      {modal === 'handOver' ? <HandOverModal incident={data} onClose={() => setModal(undefined)} /> : null}
      {modal === 'handled' || modal === 'closed' || modal === 'open' ? <StatusModal incidentId={data.id} to={modal} onClose={() => setModal(undefined)} /> : null}
    </Stack>
  );
}
