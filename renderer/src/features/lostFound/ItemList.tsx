import { useState } from 'react';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconDiamond } from '@tabler/icons-react';
import type { Input, ItemSummary } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { EmptyRow, RecordNumberButton } from '../../ui/fields';
import { categoryName, HANDOVER_WARN_MS, ItemStatusBadge, StoragePlace, UnverifiedBadge, useLfFormat } from './parts';

export type ItemFilter = Omit<Input<'lostFound.search'>, 'beforeId' | 'limit'>;

const PAGE = 30;
const COLUMNS = 6;

/** The clocks of an item on the shelf: its holding period with the handover-by date after it, then the handover-by date alone. */
export function ItemClock({ item, now }: { item: ItemSummary; now: number }) {
  const t = useT();
  const format = useLfFormat();
  if (item.status !== 'held') return null;
  if (item.holdingUntil > now) {
    return (
      // The date on its own line, whole: "Held until 2026-" / "12-29" was hard to read.
      <Stack gap={0} align="flex-start">
        <Text fz="sm" c="dimmed">
          {t('lostFound.fields.holdingUntil')}
        </Text>
        <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {format.until(item.holdingUntil)}
        </Text>
        <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('lostFound.fields.handoverDueBy')} {format.until(item.handoverDueBy)}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <DeadlineBadge deadline={item.handoverDueBy} warnMs={HANDOVER_WARN_MS} now={now} />
      <Text fz="xs" c="dimmed">
        {t('lostFound.fields.handoverDueBy')} {format.until(item.handoverDueBy)}
      </Text>
    </Stack>
  );
}

export function ItemRow({ item, now, onOpen }: { item: ItemSummary; now: number; onOpen(id: number): void }) {
  const t = useT();
  const format = useLfFormat();
  const what = [item.description, item.colour, item.brand].filter(Boolean).join(' · ');
  return (
    <Table.Tr data-testid={`item-${item.itemNo}`} style={{ cursor: 'pointer' }} onClick={() => onOpen(item.id)}>
      <Table.Td>
        <RecordNumberButton number={item.itemNo} label={`${t('lostFound.actions.open')} ${item.itemNo}`} onOpen={() => onOpen(item.id)} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {item.valuable ? <IconDiamond size={16} color="var(--mantine-color-orange-7)" aria-label={t('lostFound.fields.valuable')} /> : null}
          <Text fw={600}>{categoryName(t, item.category)}</Text>
        </Group>
        {/* Two lines: what the item is reads in full more often than not ("Black iPhone 15 Pro Max · black · Apple"). */}
        {/* Cut after two lines, the whole text is the hover's tooltip (the row opens the item in full). */}
        <Text fz="sm" lineClamp={2} title={what}>
          {what}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text fz="sm" lineClamp={2} title={item.foundPlace}>
          {item.foundPlace}
        </Text>
        <Text fz="sm" c="dimmed">
          {format.dateTime(item.foundAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <StoragePlace item={item} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <ItemStatusBadge item={item} now={now} />
          <UnverifiedBadge item={item} now={now} size="sm" />
        </Stack>
      </Table.Td>
      <Table.Td>
        <ItemClock item={item} now={now} />
      </Table.Td>
    </Table.Tr>
  );
}

function Page({ filter, beforeId, last, now, onOpen, onMore, emptyText }: { filter: ItemFilter; beforeId?: number; last: boolean; now: number; onOpen(id: number): void; onMore(beforeId: number): void; emptyText: string }) {
  const t = useT();
  const page = useMethod('lostFound.search', { ...filter, limit: PAGE, ...(beforeId !== undefined ? { beforeId } : {}) });
  const rows = page.data?.rows ?? [];
  const next = page.data?.nextBeforeId ?? null;
  return (
    <>
      {beforeId === undefined && rows.length === 0 && !page.isLoading ? <EmptyRow read={page} colSpan={COLUMNS}>{emptyText}</EmptyRow> : null}
      {rows.map((item) => (
        <ItemRow key={item.id} item={item} now={now} onOpen={onOpen} />
      ))}
      {last && next !== null ? (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} ta="center">
            <Button variant="subtle" leftSection={<IconChevronDown size={18} />} onClick={() => onMore(next)}>
              {t('common.loadMore')}
            </Button>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

/** Found items matching a filter, newest first, a page at a time ("show older" adds the next). Key it by the filter. */
export function ItemList({ filter, onOpen, emptyText }: { filter: ItemFilter; onOpen(id: number): void; emptyText: string }) {
  const t = useT();
  const now = useParkNow();
  const [cursors, setCursors] = useState<number[]>([]);
  const pages: Array<number | undefined> = [undefined, ...cursors];
  return (
    <Table striped highlightOnHover verticalSpacing="xs" fz="md" data-testid="item-list" styles={{ th: { whiteSpace: 'nowrap' } }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('lostFound.fields.itemNo')}</Table.Th>
          <Table.Th>{t('lostFound.fields.description')}</Table.Th>
          <Table.Th>{t('lostFound.fields.foundPlace')}</Table.Th>
          <Table.Th>{t('lostFound.fields.storage')}</Table.Th>
          <Table.Th>{t('lostFound.fields.status')}</Table.Th>
          <Table.Th>{t('lostFound.fields.deadlines')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {pages.map((beforeId, index) => (
          <Page
            key={beforeId ?? 'first'}
            filter={filter}
            beforeId={beforeId}
            last={index === pages.length - 1}
            now={now}
            onOpen={onOpen}
            emptyText={emptyText}
            onMore={(next) => setCursors((current) => (current.includes(next) ? current : [...current, next]))}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}
