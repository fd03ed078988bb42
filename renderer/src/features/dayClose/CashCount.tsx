import { useState } from 'react';
import { Button, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { cashCountInput, type CashCountRow } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { FormActions, NumberField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { notifySuccess } from '../../ui/notify';
import { Pending } from '../../ui/readFailed';

function CountModal({ date, row, onClose }: { date: string; row: CashCountRow; onClose(): void }) {
  const t = useT();
  const count = useAction('dayClose.countCash', ['dayClose.cash', 'dayClose.checklist']);
  const form = useContractForm(cashCountInput, { defaultValues: { date, payment: row.payment, countedFen: row.countedFen ?? row.expectedFen, reason: row.reason } });
  const errorOf = useFieldErrors(form);
  const counted = form.watch('countedFen');
  const differs = Number.isFinite(counted) && counted !== row.expectedFen;
  const submit = useFormSubmit(form, ['countedFen', 'reason'], count.mutateAsync, () => {
    notifySuccess(t('dayClose.cash.saved', { payment: t(`rentals.payment.${row.payment}`) }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} centered title={`${t('dayClose.cash.record')} · ${t(`rentals.payment.${row.payment}`)}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>
            {t('dayClose.cash.expected')}: <Money fen={row.expectedFen} fw={700} />
          </Text>
          <NumberField form={form} name="countedFen" label={t('dayClose.cash.counted')} min={0} fen />
          {differs ? (
            <Text c="orange.8" fw={600}>
              {t('dayClose.cash.difference')}: <Money fen={(counted ?? 0) - row.expectedFen} />
            </Text>
          ) : null}
          <TextInput label={t('dayClose.cash.reason')} withAsterisk={differs} {...form.register('reason')} error={errorOf('reason')} />
          <FormActions onCancel={onClose} submitLabel={t('dayClose.cash.record')} loading={count.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The deposit money count at the end of the day: expected by the records, counted at the counter. */
export function CashCount({ date }: { date?: string }) {
  const t = useT();
  const format = useParkFormat();
  const cash = useMethod('dayClose.cash', date ? { date } : {});
  const [counting, setCounting] = useState<CashCountRow>();
  if (!cash.data) return <Pending read={cash} />;
  const { rows, closed } = cash.data;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label={t('dayClose.sections.cash')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dayClose.cash.payment')}</Table.Th>
              <Table.Th ta="right">{t('dayClose.cash.expected')}</Table.Th>
              <Table.Th ta="right">{t('dayClose.cash.counted')}</Table.Th>
              <Table.Th ta="right">{t('dayClose.cash.difference')}</Table.Th>
              <Table.Th>{t('dayClose.cash.by')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.payment} data-testid={`count-${row.payment}`}>
                <Table.Td>{t(`rentals.payment.${row.payment}`)}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={row.expectedFen} />
                </Table.Td>
                <Table.Td ta="right">{row.countedFen === null ? <Text c="dimmed">{t('dayClose.cash.notCounted')}</Text> : <Money fen={row.countedFen} fw={700} />}</Table.Td>
                <Table.Td ta="right">
                  {row.differenceFen === null ? '—' : <Money fen={row.differenceFen} c={row.differenceFen === 0 ? 'teal.8' : 'red.8'} fw={700} />}
                  {row.reason ? (
                    <Text fz="xs" c="dimmed">
                      {row.reason}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{row.countedBy && row.countedAt !== null ? `${row.countedBy.name} ${format.time(row.countedAt)}` : ''}</Table.Td>
                <Table.Td ta="right">
                  {closed ? null : (
                    <Button variant="light" leftSection={<IconCash size={16} />} onClick={() => setCounting(row)} aria-label={`${t('dayClose.cash.record')} ${t(`rentals.payment.${row.payment}`)}`}>
                      {t('dayClose.cash.record')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {counting ? <CountModal date={cash.data.date} row={counting} onClose={() => setCounting(undefined)} /> : null}
    </>
  );
}
