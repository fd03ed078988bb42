import { useLayoutEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconHourglass, IconSearch } from '@tabler/icons-react';
import { RENTAL_LIST_MAX, type MessageKey, type RentalView } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { EmptyRow } from '../../ui/fields';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { Money } from '../../ui/money';
import { ReprintIcon } from '../printing/ReprintButton';

const EMPTY: Record<'out' | 'overdue' | 'returned', MessageKey> = {
  out: 'rentals.lists.emptyOut',
  overdue: 'rentals.lists.emptyOverdue',
  returned: 'rentals.lists.emptyReturned',
};

/** Reprints a rental's last printout: the refund slip once returned, else the deposit receipt. */
export function RentalReprint({ rental }: { rental: RentalView }) {
  const jobId = rental.status === 'returned' ? rental.slipJobId : rental.receiptJobId;
  if (jobId === null) return null;
  return <ReprintIcon jobId={jobId} target={rental.receiptNo} />;
}

/** A row's height before it is measured (the tag over its type, the time over its clock). */
const ROW_HEIGHT = 84;

/**
 * Rentals out, overdue (with the visitor's phone to call) or returned, searchable. Only the rows in
 * view (and a few either side) are in the page, so typing in the search field or switching lists stays
 * quick with a hundred rentals out; the table still tells assistive technology how many rows it has.
 */
export function RentalTable({
  view,
  date,
  onReturn,
  onRent,
}: {
  view: 'out' | 'overdue' | 'returned';
  date?: string;
  onReturn(receiptNo: string): void;
  /** The way to rent from an empty list of rentals out. */
  onRent?(): void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const list = useMethod('rentals.list', { view, limit: RENTAL_LIST_MAX, ...(debounced ? { query: debounced } : {}), ...(view === 'returned' && date ? { date } : {}) });
  const rows = list.data?.rows ?? [];
  const body = useRef<HTMLTableSectionElement>(null);
  const [top, setTop] = useState(0);
  // Where the rows start on the page: measured again whenever the page above them changes size.
  useLayoutEffect(() => {
    const measure = () => {
      const measured = body.current ? body.current.getBoundingClientRect().top + window.scrollY : 0;
      setTop((current) => (Math.abs(current - measured) > 1 ? measured : current));
    };
    // At once, so the first paint already has the rows in view, then whenever the page changes size.
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize: () => ROW_HEIGHT, overscan: 3, scrollMargin: top });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - top : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - top) : 0;
  return (
    <>
      <TextInput
        leftSection={<IconSearch size={18} />}
        placeholder={t('rentals.lists.searchPlaceholder')}
        aria-label={t('common.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={360}
        mb="sm"
      />
      {/* Receipt numbers, tags, phones, headings and clocks never break or get cut short (1280 in Chinese included). */}
      <Table highlightOnHover verticalSpacing="sm" fz="md" aria-rowcount={rows.length + 1} styles={{ th: { whiteSpace: 'nowrap' } }} data-testid="rental-table">
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th>
              {t('rentals.fields.receiptNo')} · {t('rentals.fields.unit')}
            </Table.Th>
            <Table.Th>
              {t('rentals.fields.visitorName')} · {t('rentals.fields.phone')}
            </Table.Th>
            <Table.Th>{t('rentals.fields.deposit')}</Table.Th>
            <Table.Th>{view === 'returned' ? t('rentals.receipt.returnedAt') : t('rentals.fields.dueAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body}>
          {rows.length === 0 && !list.isLoading ? (
            <EmptyRow
              read={list}
              colSpan={6}
              action={
                !debounced && onRent ? (
                  <Button variant="light" size="md" onClick={onRent}>
                    {t('rentals.lists.rentOne')}
                  </Button>
                ) : undefined
              }
            >
              {debounced ? t('rentals.lists.noMatch', { query: debounced }) : t(EMPTY[view])}
            </EmptyRow>
          ) : null}
          {before > 0 ? <Spacer height={before} /> : null}
          {items.map((item) => {
            const rental = rows[item.index];
            return rental ? (
              <RentalRow key={rental.id} rental={rental} view={view} index={item.index} measure={virtualizer.measureElement} onReturn={onReturn} />
            ) : null;
          })}
          {after > 0 ? <Spacer height={after} /> : null}
        </Table.Tbody>
      </Table>
      {list.data?.nextBeforeId ? (
        <Text c="dimmed" ta="center" py="md" data-testid="rentals-more">
          {t('rentals.lists.moreThanShown', { count: rows.length })}
        </Text>
      ) : null}
    </>
  );
}

/** The rows out of view, as one empty row of their height (hidden from assistive technology). */
function Spacer({ height }: { height: number }) {
  return (
    <Table.Tr aria-hidden style={{ height }}>
      <Table.Td colSpan={6} p={0} style={{ border: 0 }} />
    </Table.Tr>
  );
}

function RentalRow({
  rental,
  view,
  index,
  measure,
  onReturn,
}: {
  rental: RentalView;
  view: 'out' | 'overdue' | 'returned';
  index: number;
  measure(element: Element | null): void;
  onReturn(receiptNo: string): void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const now = useParkNow();
  return (
    <Table.Tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid={`rental-${rental.receiptNo}`}
      bg={index % 2 === 0 ? 'var(--mantine-color-gray-0)' : undefined}
    >
      {/* The receipt over its unit, the visitor over the phone: the row fits a 1024 kiosk in English. */}
      <Table.Td>
        <Text ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {rental.receiptNo}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {rental.unitTag}
          </Text>
          <Text fz="sm" c="dimmed" lineClamp={1}>
            {language === 'zh-CN' ? rental.typeNameZh : rental.typeNameEn}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text>{rental.visitorName}</Text>
        <Text ff="monospace" fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {rental.phone ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Money fen={rental.depositFen} />
      </Table.Td>
      <Table.Td>
        {view === 'returned' ? (
          <Text>
            {rental.returnedAt ? format.time(rental.returnedAt) : ''} · {t(`rentals.condition.${rental.condition ?? 'good'}`)}
          </Text>
        ) : (
          <Stack gap={4} align="flex-start">
            <Text>{format.time(rental.dueAt)}</Text>
            <DeadlineBadge deadline={rental.dueAt} warnMs={30 * 60_000} now={now} />
            {/* Its return was sent to the duty manager: the visitor waits for that decision, not for a second return. */}
            {rental.awaitingApproval ? (
              <Badge color="orange" variant="light" size="md" leftSection={<IconHourglass size={14} />} data-testid="awaiting-approval">
                {t('approvals.waiting')}
              </Badge>
            ) : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <RentalReprint rental={rental} />
          {rental.status === 'out' ? (
            <Button variant="light" onClick={() => onReturn(rental.receiptNo)}>
              {t('rentals.actions.return')}
            </Button>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
