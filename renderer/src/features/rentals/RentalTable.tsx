import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { MessageKey, RentalView } from '@shared/contract';
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

/** Rentals out, overdue (with the visitor's phone to call) or returned, searchable. */
export function RentalTable({ view, date, onReturn }: { view: 'out' | 'overdue' | 'returned'; date?: string; onReturn(receiptNo: string): void }) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const now = useParkNow();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const list = useMethod('rentals.list', { view, limit: 100, ...(debounced ? { query: debounced } : {}), ...(view === 'returned' && date ? { date } : {}) });
  const rows = list.data?.rows ?? [];
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
      <Table striped highlightOnHover verticalSpacing="sm" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.receiptNo')}</Table.Th>
            <Table.Th>{t('rentals.fields.unit')}</Table.Th>
            <Table.Th>{t('rentals.fields.visitorName')}</Table.Th>
            <Table.Th>{t('rentals.fields.phone')}</Table.Th>
            <Table.Th>{t('rentals.fields.deposit')}</Table.Th>
            <Table.Th>{view === 'returned' ? t('rentals.receipt.returnedAt') : t('rentals.fields.dueAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !list.isLoading ? <EmptyRow colSpan={7}>{t(EMPTY[view])}</EmptyRow> : null}
          {rows.map((rental) => (
            <Table.Tr key={rental.id} data-testid={`rental-${rental.receiptNo}`}>
              <Table.Td ff="monospace" fw={600}>
                {rental.receiptNo}
              </Table.Td>
              <Table.Td>
                {language === 'zh-CN' ? rental.typeNameZh : rental.typeNameEn} · {rental.unitTag}
              </Table.Td>
              <Table.Td>{rental.visitorName}</Table.Td>
              <Table.Td ff="monospace">{rental.phone ?? '—'}</Table.Td>
              <Table.Td>
                <Money fen={rental.depositFen} />
              </Table.Td>
              <Table.Td>
                {view === 'returned' ? (
                  <Text>
                    {rental.returnedAt ? format.time(rental.returnedAt) : ''} · {t(`rentals.condition.${rental.condition ?? 'good'}`)}
                  </Text>
                ) : (
                  <Group gap="xs">
                    <Text>{format.time(rental.dueAt)}</Text>
                    <DeadlineBadge deadline={rental.dueAt} warnMs={30 * 60_000} now={now} />
                  </Group>
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
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
