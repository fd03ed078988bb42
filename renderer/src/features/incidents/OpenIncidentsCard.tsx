import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { EmptyRow } from '../../ui/fields';
import { NatureBadge, NoticeBadge, StatusBadge } from './parts';

/**
 * For the duty manager's home (and the day close): the incidents not closed, each with whether the
 * parties were notified within 30 minutes, from `incidents.open`. Ready to be placed on that page.
 */
export function OpenIncidentsCard() {
  const t = useT();
  const format = useParkFormat();
  const now = useParkNow(5_000);
  const board = useMethod('incidents.open', {});
  const incidents = board.data?.incidents ?? [];
  const counts = board.data?.counts;
  return (
    <Paper withBorder radius="lg" p="md" data-testid="open-incidents">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <IconAlertTriangle size={22} />
          <Title order={2} fz="lg">
            {t('incidents.title')}
          </Title>
          {counts ? (
            <Badge variant="light" color="orange" style={{ textTransform: 'none' }}>
              {t('incidents.lists.openCount', { count: counts.active })}
            </Badge>
          ) : null}
          {counts && counts.overdue + counts.notifiedLate > 0 ? (
            <Badge variant="filled" color="red" style={{ textTransform: 'none' }}>
              {t('incidents.lists.overdueCount', { count: counts.overdue })} · {t('incidents.notice.lateFlag')} {counts.notifiedLate}
            </Badge>
          ) : null}
        </Group>
        <Anchor href="#/counter/incidents">{t('incidents.actions.open')}</Anchor>
      </Group>
      <Table verticalSpacing="xs" fz="md">
        <Table.Tbody>
          {incidents.length === 0 && !board.isLoading ? <EmptyRow read={board} colSpan={5}>{t('incidents.lists.emptyActive')}</EmptyRow> : null}
          {incidents.map((incident) => (
            <Table.Tr key={incident.id}>
              <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {incident.refNo}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <NatureBadge nature={incident.nature} size="md" />
                  <Text fz="sm">{incident.location}</Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                {format.time(incident.receivedAt)} · {incident.owner.name}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={incident.status} size="md" />
              </Table.Td>
              <Table.Td>
                <NoticeBadge incident={incident} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
