import { useState } from 'react';
import { Button, Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditRow } from '@shared/contract';
import { AUDIT_ACTIONS, auditActionKey, isMessageKey } from '@shared/i18n';
import { useLanguage, useT } from '../../app/i18n';
import { yuanText } from '../../ui/money';
import { useParkFormat } from '../../app/park';
import { clearable, EmptyRow } from '../../ui/fields';
import { useMethod } from '../../api/hooks';
import { parseOrigin } from '@shared/rules/stations';
import { useApi } from '../../app/session';
import { auditDetailLines, type DetailRef } from './detail';

const WARNINGS = ['access.denied', 'auth.failed', 'auth.locked'];

/**
 * One line per detail, in the screen's language (see `auditDetailLines`): `状态：已回复 → 已结案` for a
 * change, `性质：受伤` otherwise; an amount in fen as money, `退还：¥300.00`; an instant as the park's time.
 */
function DetailLines({ row, name }: { row: AuditRow; name: (ref: DetailRef, id: number) => string | undefined }) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const lines = auditDetailLines(row.action, row.detail, {
    t,
    stamp: format.stamp,
    money: (fen) => yuanText(fen, language),
    name,
    record: { entity: row.entity, entityId: row.entityId },
  });
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

/**
 * The staff members and item types a detail names by id, by name: `李娜（C01）`, `轮椅`. Disabled staff
 * and inactive types too, since old rows name them.
 */
function useRefName() {
  const t = useT();
  const { language } = useLanguage();
  const staff = useMethod('staff.list', { includeInactive: true });
  const board = useMethod('rentals.board', {});
  const people = new Map((staff.data ?? []).map((member) => [member.id, t('audit.labelWith', { name: member.name, extra: member.code })]));
  const types = new Map((board.data?.types ?? []).map((type) => [type.id, language === 'zh-CN' ? type.nameZh : type.nameEn]));
  return (ref: DetailRef, id: number) => (ref === 'staff' ? people.get(id) : types.get(id));
}

/** Chinese text (a CJK ideograph in it). */
const CJK = /[\u4e00-\u9fff]/;

/** What a record is, in words (the table's name where the catalog has none). */
function useEntityLabel() {
  const t = useT();
  return (entity: string) => {
    const key = `audit.entities.${entity}`;
    return isMessageKey(key) ? t(key) : entity;
  };
}

/** An action's name: a short Chinese one (eight characters at most) on one line, a longer one in balanced lines. */
function ActionName({ name, warning }: { name: string; warning: boolean }) {
  const short = CJK.test(name) && [...name].length <= 8;
  return (
    <Text fw={600} c={warning ? 'red.9' : undefined} style={short ? { whiteSpace: 'nowrap' } : { textWrap: 'balance' }}>
      {name}
    </Text>
  );
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
  const refName = useRefName();
  const { language } = useLanguage();
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
          {...clearable(t('common.clearField', { field: t('audit.filterAction') }))}
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
            {rows.length === 0 && !pages.isLoading ? <EmptyRow read={pages} colSpan={6}>{t('audit.empty')}</EmptyRow> : null}
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.stamp(row.at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.staffName ?? t('audit.system')}</Table.Td>
                {/*
                  A short Chinese action (eight characters at most: 登记拾得物品, 添加物品) keeps its line, the column
                  widening for it; a longer one, and an English one, wraps in balanced lines, so no character or word
                  is left alone on the last (添加物/品). No minimum width beyond that: the detail needs the room.
                */}
                <Table.Td maw={220}>
                  <ActionName name={label(row.action)} warning={WARNINGS.includes(row.action)} />
                </Table.Td>
                {/*
                  The kind of record over its name, each whole on a 1024 kiosk (R20261129-0003 in 150 px): a staff
                  member by name and code, a unit by its tag, the settings changed by their names; else its number.
                  A list (the settings changed) or a long file name wraps at its commas and, failing that, anywhere.
                */}
                <Table.Td miw={150} maw={240} style={{ overflowWrap: 'anywhere' }}>
                  {row.entity ? (
                    <>
                      <Text span display="block" style={{ whiteSpace: 'nowrap' }}>
                        {entityLabel(row.entity)}
                      </Text>
                      {row.entityLabel ? (
                        <Text span display="block" fz="sm" data-testid="audit-record">
                          {row.entityLabel[language]}
                        </Text>
                      ) : (
                        <Text span display="block" ff="monospace" fz="sm" data-testid="audit-record">
                          {(row.entityId ?? '').replaceAll(',', ', ')}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{originLabel(row.origin)}</Table.Td>
                <Table.Td miw={220} maw={380}>
                  {Object.keys(row.detail).length ? <DetailLines row={row} name={refName} /> : '—'}
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
