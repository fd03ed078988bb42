import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { INCIDENT_LIST_MAX, INCIDENT_LISTS, INCIDENT_NATURES, isoDate, type IncidentNature, type Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat, usePark } from '../../app/park';
import { parkDate } from '@shared/rules/time';
import { useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { clearable, EmptyRow, RecordNumberButton, ShowOlder } from '../../ui/fields';
import { useOlderPages } from '../../ui/pages';
import { NatureBadge, NoticeBadge, StatusBadge } from './parts';
import { DateField } from '../../ui/dates';

type ListStatus = (typeof INCIDENT_LISTS)[number];

/** Incidents by status, kind, date and text, each with its notification clock; a row opens the incident. */
export function IncidentList({ onOpen }: { onOpen(id: number): void }) {
  const t = useT();
  const now = useParkNow(5_000);
  const [status, setStatus] = useState<ListStatus>('active');
  const [nature, setNature] = useState<IncidentNature | null>(null);
  const [date, setDate] = useState('');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const validDate = isoDate.safeParse(date).success;
  // The lists by clock are read whole (up to the most one read answers); the record pages back 100 at a time.
  const byClock = status !== 'closed' && status !== 'all';
  const input: Input<'incidents.list'> = {
    status,
    limit: byClock ? INCIDENT_LIST_MAX : 100,
    ...(nature ? { nature } : {}),
    ...(validDate ? { date } : {}),
    ...(debounced ? { query: debounced } : {}),
  };
  // The first page's read (shared with its rows): once it changes, older pages are let go rather than left to skip or repeat rows.
  const first = useMethod('incidents.list', input).data;
  const { starts, moreAt } = useOlderPages(`${JSON.stringify(input)}|${first?.rows[0]?.id ?? ''}|${first?.nextBeforeId ?? ''}`);
  const filtered = nature !== null || validDate || debounced !== '';
  const statusLabel = (value: ListStatus) =>
    value === 'active' ? t('incidents.lists.active') : value === 'all' ? t('incidents.lists.all') : t(`incidents.status.${value}`);

  return (
    <>
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('incidents.fields.status')}
          value={status}
          onChange={(value) => setStatus(value as ListStatus)}
          data={INCIDENT_LISTS.map((value) => ({ value, label: statusLabel(value) }))}
        />
        <Select
          aria-label={t('incidents.fields.nature')}
          placeholder={t('incidents.lists.anyNature')}
          data={INCIDENT_NATURES.map((value) => ({ value, label: t(`incidents.nature.${value}`) }))}
          value={nature}
          onChange={(value) => setNature(value as IncidentNature | null)}
          {...clearable(t('common.clearField', { field: t('incidents.fields.nature') }))}
          w={200}
        />
        <DateField aria-label={t('incidents.fields.date')} value={date} onChange={setDate} clearable w={180} />
        <TextInput
          leftSection={<IconSearch size={18} />}
          placeholder={t('incidents.lists.searchPlaceholder')}
          aria-label={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
      </Group>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="incident-list" styles={{ th: { whiteSpace: 'nowrap' } }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.fields.refNo')}</Table.Th>
            <Table.Th>{t('incidents.fields.nature')}</Table.Th>
            <Table.Th>{t('incidents.fields.location')}</Table.Th>
            <Table.Th>{t('incidents.fields.receivedAt')}</Table.Th>
            <Table.Th>{t('incidents.fields.owner')}</Table.Th>
            <Table.Th>{t('incidents.fields.status')}</Table.Th>
            <Table.Th>{t('incidents.fields.clock')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {starts.map((beforeId, index) => (
            <IncidentRows key={beforeId ?? 'first'} input={beforeId === undefined ? input : { ...input, beforeId }} now={now} onOpen={onOpen} onMore={moreAt(index)} empty={index === 0 ? (status === 'active' && !filtered ? t('incidents.lists.emptyActive') : t('incidents.lists.empty')) : undefined} />
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** One page of the incidents list: its rows, and "show older" on the last page. */
function IncidentRows({ input, now, onOpen, onMore, empty }: { input: Input<'incidents.list'>; now: number; onOpen(id: number): void; onMore: ((beforeId: number) => void) | undefined; empty?: string }) {
  const t = useT();
  const format = useParkFormat();
  const { info } = usePark();
  const list = useMethod('incidents.list', input);
  const rows = list.data?.rows ?? [];
  const next = list.data?.nextBeforeId ?? null;
  const moreThanShown = list.data?.moreThanShown ?? false;
  return (
    <>
      {empty !== undefined && rows.length === 0 && !list.isLoading ? (
        <EmptyRow read={list} colSpan={7}>
          {empty}
        </EmptyRow>
      ) : null}
      {rows.map((incident) => (
        <Table.Tr key={incident.id} data-testid={`incident-${incident.refNo}`} onClick={() => onOpen(incident.id)} style={{ cursor: 'pointer' }}>
          <Table.Td>
            {/* The reference opens the incident (as a found item's number does): the row needs no other button. */}
            <RecordNumberButton number={incident.refNo} label={`${t('incidents.actions.open')} ${incident.refNo}`} onOpen={() => onOpen(incident.id)} />
          </Table.Td>
          <Table.Td>
            <NatureBadge nature={incident.nature} size="md" />
          </Table.Td>
          <Table.Td>
            <Text lineClamp={2}>{incident.location}</Text>
            <Text fz="sm" c="dimmed" lineClamp={1}>
              {incident.reporterName}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text>{format.time(incident.receivedAt)}</Text>
            <Text fz="sm" c="dimmed">
              {parkDate(incident.receivedAt, info.timeZone)}
            </Text>
          </Table.Td>
          <Table.Td>{incident.owner.name}</Table.Td>
          <Table.Td>
            <StatusBadge status={incident.status} size="md" />
          </Table.Td>
          <Table.Td>
            <NoticeBadge incident={incident} now={now} />
          </Table.Td>
        </Table.Tr>
      ))}
      {moreThanShown ? (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Text c="dimmed" ta="center" py="md" data-testid="incidents-more">
              {t('incidents.lists.moreThanShown', { count: rows.length })}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
      {onMore && next !== null ? (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <ShowOlder next={next} onMore={onMore} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
