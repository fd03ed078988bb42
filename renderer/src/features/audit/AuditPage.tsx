import { useState } from 'react';
import { Button, Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditRow } from '@shared/contract';
import { AUDIT_ACTIONS, auditActionKey, isMessageKey } from '@shared/i18n';
import { useLanguage, useT } from '../../app/i18n';
import { yuanText } from '../../ui/money';
import { useParkFormat } from '../../app/park';
import { EmptyRow } from '../../ui/fields';
import { useMethod } from '../../api/hooks';
import { parseOrigin } from '@shared/rules/stations';
import { useApi } from '../../app/session';
import { auditDetailLines } from './detail';

const WARNINGS = ['access.denied', 'auth.failed', 'auth.locked'];

/**
 * One line per detail, in the screen's language (see `auditDetailLines`): `状态：已回复 → 已结案` for a
 * change, `性质：受伤` otherwise; an amount in fen as money, `退还：¥300.00`; an instant as the park's time.
 */
function DetailLines({ action, detail }: { action: string; detail: Record<string, unknown> }) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const lines = auditDetailLines(action, detail, { t, stamp: format.stamp, money: (fen) => yuanText(fen, language) });
  return (
    <Stack gap={2}>
      {lines.map((line, index) => (
        <Code key={index} fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {line}
        </Code>
      ))}
    </Stack>
  );
}

/** Where a call came from, in words: the station's name rather than its number. */
function useOriginLabel() {
  const t = useT();
  const stations = useMethod('stations.list', {});
  const names = new Map((stations.data ?? []).map((station) => [station.id, station.name]));
  return (text: string) => {
    const origin = parseOrigin(text);
    switch (origin.kind) {
      case 'local':
      case 'system':
        return t(`audit.origins.${origin.kind}`);
      case 'http':
      case 'lan':
        return t(`audit.origins.${origin.kind}`, { address: origin.address });
      case 'station': {
        const name = names.get(origin.stationId);
        return name ? t('audit.origins.station', { name, address: origin.address }) : t('audit.origins.unknownStation', { id: origin.stationId, address: origin.address });
      }
      case 'other':
        return origin.text;
    }
  };
}

/** What a record is, in words (the table's name where the catalog has none). */
function useEntityLabel() {
  const t = useT();
  return (entity: string) => {
    const key = `audit.entities.${entity}`;
    return isMessageKey(key) ? t(key) : entity;
  };
}

function useActionLabel() {
  const t = useT();
  return (action: string) => {
    const key = auditActionKey(action);
    return key ? t(key) : action;
  };
}

/** Who did what and when: the append-only log, newest first, filterable by action. */
export function AuditPage() {
  const t = useT();
  const api = useApi();
  const format = useParkFormat();
  const label = useActionLabel();
  const entityLabel = useEntityLabel();
  const originLabel = useOriginLabel();
  const [action, setAction] = useState<string | null>(null);
  const pages = useInfiniteQuery({
    queryKey: ['audit.list', action],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.call('audit.list', { limit: 50, ...(pageParam ? { beforeId: pageParam } : {}), ...(action ? { action } : {}) }),
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
  });
  const rows: AuditRow[] = pages.data?.pages.flatMap((page) => page.rows) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} fz={28}>
          {t('audit.title')}
        </Title>
        <Select
          aria-label={t('audit.filterAction')}
          placeholder={t('audit.filterAction')}
          clearable
          data={AUDIT_ACTIONS.map((value) => ({ value, label: label(value) }))}
          value={action}
          onChange={setAction}
          w={300}
        />
      </Group>
      <Paper withBorder radius="lg" p="md">
        <Table striped verticalSpacing="xs" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.who')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.record')}</Table.Th>
              <Table.Th>{t('audit.station')}</Table.Th>
              <Table.Th>{t('audit.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && !pages.isLoading ? <EmptyRow colSpan={6}>{t('audit.empty')}</EmptyRow> : null}
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.stamp(row.at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.staffName ?? t('audit.system')}</Table.Td>
                <Table.Td>
                  <Text fw={600} c={WARNINGS.includes(row.action) ? 'red.9' : undefined}>
                    {label(row.action)}
                  </Text>
                </Table.Td>
                {/*
                  The kind of record over its number, each whole on a 1024 kiosk (R20261129-0003 in 150 px). A record
                  named by a list (the settings changed: closingTime,eventDays,…) or a long file name wraps at its
                  commas and, failing that, anywhere.
                */}
                <Table.Td miw={150} maw={240} style={{ overflowWrap: 'anywhere' }}>
                  {row.entity ? (
                    <>
                      <Text span display="block" style={{ whiteSpace: 'nowrap' }}>
                        {entityLabel(row.entity)}
                      </Text>
                      <Text span display="block" ff="monospace" fz="sm">
                        {(row.entityId ?? '').replaceAll(',', ', ')}
                      </Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{originLabel(row.origin)}</Table.Td>
                <Table.Td miw={220} maw={380}>
                  {Object.keys(row.detail).length ? <DetailLines action={row.action} detail={row.detail} /> : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pages.hasNextPage ? (
          <Group justify="center" mt="md">
            <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Paper>
    </Stack>
  );
}
