import { useState } from 'react';
import { SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { Money, yuanText } from '../../ui/money';
import { CashCount } from '../dayClose/CashCount';

/** Deposit money by payment method: taken − refunded − kept = expected in the drawer. */
export function CashPanel() {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const [scope, setScope] = useState<'day' | 'shift'>('day');
  const cash = useMethod('rentals.cash', { scope });
  if (!cash.data) return null;
  const { rows, totals } = cash.data;
  return (
    <Stack gap="sm">
      <SegmentedControl
        w={320}
        value={scope}
        onChange={(value) => setScope(value === 'shift' ? 'shift' : 'day')}
        data={[
          { value: 'day', label: t('rentals.cash.day') },
          { value: 'shift', label: t('rentals.cash.shift') },
        ]}
      />
      <Text c="dimmed">{t('rentals.cash.since', { time: format.dateTime(cash.data.from) })}</Text>
      <Table verticalSpacing="sm" fz="md" data-testid="cash-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.payment')}</Table.Th>
            <Table.Th ta="right">{t('rentals.cash.taken')}</Table.Th>
            <Table.Th ta="right">{t('rentals.cash.refunded')}</Table.Th>
            <Table.Th ta="right">{t('rentals.cash.kept')}</Table.Th>
            <Table.Th ta="right">{t('rentals.cash.expected')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows.map((row) => ({ key: row.payment, label: t(`rentals.payment.${row.payment}`), ...row })), { key: 'total', label: t('rentals.cash.total'), ...totals }].map((row) => (
            <Table.Tr key={row.key} data-testid={`cash-${row.key}`} fw={row.key === 'total' ? 700 : undefined}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right">
                <Money fen={row.takenFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={row.refundedFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={row.keptFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={row.expectedFen} fw={700} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600}>{t('rentals.cash.held', { amount: yuanText(cash.data.heldFen, language), count: cash.data.heldCount })}</Text>
      <Title order={3} fz="lg" mt="md">
        {t('dayClose.sections.cash')}
      </Title>
      <CashCount />
    </Stack>
  );
}
