import { useState } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { IncidentDetail as Detail } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { notifySuccess } from '../../ui/notify';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { ReportModal } from './ReportModal';

/** The incident on screen survives a reload (a station reconnecting) in this tab. */
const OPEN_KEY = 'parkdesk.incident';

function storedOpenId(): number | undefined {
  const value = Number(sessionStorage.getItem(OPEN_KEY));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Incidents and emergencies at the counter: one big action to take a report (F2), the incidents
 * still open with their 30-minute notification clocks, and each incident's own page.
 */
export function IncidentsPage() {
  const t = useT();
  const [reporting, setReporting] = useState(false);
  const [openId, setOpenIdState] = useState<number | undefined>(storedOpenId);
  const setOpenId = (id: number | undefined) => {
    if (id === undefined) sessionStorage.removeItem(OPEN_KEY);
    else sessionStorage.setItem(OPEN_KEY, String(id));
    setOpenIdState(id);
  };
  const board = useMethod('incidents.open', {});
  useHotkeys([['F2', () => setReporting(true)]], []);

  const reported = (incident: Detail) => {
    setReporting(false);
    setOpenId(incident.id);
    notifySuccess(t('incidents.report.done', { refNo: incident.refNo }));
  };

  const counts = board.data?.counts;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Group gap="md" align="center">
          <Title order={1} fz={28}>
            {t('incidents.title')}
          </Title>
          {counts && counts.active > 0 ? (
            <Badge size="xl" variant="light" color="orange" style={{ textTransform: 'none' }} data-testid="incidents-active">
              {t('incidents.lists.openCount', { count: counts.active })}
            </Badge>
          ) : null}
          {counts && counts.overdue > 0 ? (
            <Badge size="xl" variant="filled" color="red" style={{ textTransform: 'none' }} data-testid="incidents-overdue">
              {t('incidents.lists.overdueCount', { count: counts.overdue })}
            </Badge>
          ) : null}
        </Group>
        <Button size="xl" h={60} color="red" leftSection={<IconAlertTriangle size={26} />} onClick={() => setReporting(true)} data-testid="report-incident">
          {t('incidents.actions.report')}
          <Badge ml={10} variant="white" color="dark">
            F2
          </Badge>
        </Button>
      </Group>
      {openId !== undefined ? (
        <IncidentDetail id={openId} onBack={() => setOpenId(undefined)} />
      ) : (
        <Paper withBorder radius="lg" p="md">
          <IncidentList onOpen={setOpenId} />
        </Paper>
      )}
      {reporting ? <ReportModal onClose={() => setReporting(false)} onReported={reported} /> : null}
    </Stack>
  );
}
