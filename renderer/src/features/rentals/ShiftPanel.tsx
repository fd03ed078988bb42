import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCash, IconLockOpen } from '@tabler/icons-react';
import { PAYMENT_METHODS, shiftCloseInput, type PaymentMethod, type ShiftView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow, FormActions, NumberField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { notifyOutcome, notifySuccess } from '../../ui/notify';
import { Pending } from '../../ui/readFailed';

const REFRESH = ['rentals.shifts.current', 'rentals.shifts.list'] as const;

/** One payment method's deposit figures, and (a closed shift) what was counted. */
interface FigureRow {
  takenFen: number;
  refundedFen: number;
  keptFen: number;
  expectedFen: number;
  countedFen?: number | null;
  differenceFen?: number | null;
  reason?: string | null;
}

/**
 * Deposit money by payment method, taken − refunded − kept = expected, with the total: the day's
 * and each shift's; with the counts and differences once a shift is closed.
 */
export function FiguresTable({ rows, totals, label, testId }: { rows: Array<FigureRow & { payment: PaymentMethod }>; totals: FigureRow; label: string; testId: string }) {
  const t = useT();
  const counted = totals.countedFen !== undefined && totals.countedFen !== null;
  const lines = [...rows.map((row) => ({ key: row.payment, name: t(`rentals.payment.${row.payment}`), ...row })), { key: 'total', name: t('rentals.cash.total'), ...totals }];
  return (
    <Table verticalSpacing="xs" fz="md" aria-label={label} data-testid={`${testId}-table`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('rentals.fields.payment')}</Table.Th>
          <Table.Th ta="right">{t('rentals.cash.taken')}</Table.Th>
          <Table.Th ta="right">{t('rentals.cash.refunded')}</Table.Th>
          <Table.Th ta="right">{t('rentals.cash.kept')}</Table.Th>
          <Table.Th ta="right">{t('rentals.cash.expected')}</Table.Th>
          {counted ? <Table.Th ta="right">{t('rentals.shifts.countedTotal')}</Table.Th> : null}
          {counted ? <Table.Th ta="right">{t('rentals.shifts.difference')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((row) => (
          <Table.Tr key={row.key} data-testid={`${testId}-${row.key}`} fw={row.key === 'total' ? 700 : undefined}>
            <Table.Td>{row.name}</Table.Td>
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
            {counted ? (
              <Table.Td ta="right">
                <Money fen={row.countedFen ?? 0} />
              </Table.Td>
            ) : null}
            {counted ? (
              <Table.Td ta="right">
                <Money fen={row.differenceFen ?? 0} c={row.differenceFen === 0 ? 'teal.8' : 'red.8'} fw={700} />
                {row.reason ? (
                  <Text fz="xs" c="dimmed">
                    {row.reason}
                  </Text>
                ) : null}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ShiftTable = ({ shift, label }: { shift: ShiftView; label: string }) => <FiguresTable rows={shift.rows} totals={shift.totals} label={label} testId={`shift-${shift.id}`} />;

function CloseShiftModal({ shift, onClose }: { shift: ShiftView; onClose(): void }) {
  const t = useT();
  const close = useAction('rentals.shifts.close', [...REFRESH]);
  const form = useContractForm(shiftCloseInput, {
    defaultValues: { shiftId: shift.id, counts: shift.rows.map((row) => ({ payment: row.payment, countedFen: row.expectedFen, reason: '' })) },
  });
  const errorOf = useFieldErrors(form);
  const counts = form.watch('counts');
  const fields = PAYMENT_METHODS.flatMap((_, index) => [`counts.${index}.countedFen`, `counts.${index}.reason`] as const);
  const submit = useFormSubmit(form, fields, close.mutateAsync, () => {
    notifySuccess(t('rentals.shifts.closed'));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} centered size="lg" title={t('rentals.shifts.closeTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('rentals.shifts.closeHint')}</Text>
          {shift.rows.map((row, index) => {
            const counted = counts[index]?.countedFen;
            const differs = typeof counted === 'number' && Number.isFinite(counted) && counted !== row.expectedFen;
            return (
              <Paper key={row.payment} withBorder p="sm" radius="md">
                <Group align="flex-end" grow>
                  <Stack gap={0}>
                    <Text fw={700}>{t(`rentals.payment.${row.payment}`)}</Text>
                    <Text fz="sm">
                      {t('rentals.shifts.expected')}: <Money fen={row.expectedFen} fw={700} />
                    </Text>
                    {differs ? (
                      <Text fz="sm" c="orange.8" fw={600}>
                        {t('rentals.shifts.difference')}: <Money fen={(counted ?? 0) - row.expectedFen} />
                      </Text>
                    ) : null}
                  </Stack>
                  <NumberField form={form} name={`counts.${index}.countedFen`} label={`${t(`rentals.payment.${row.payment}`)} · ${t('rentals.shifts.counted')}`} min={0} fen />
                  <TextInput label={t('rentals.fields.reason')} withAsterisk={differs} {...form.register(`counts.${index}.reason`)} error={errorOf(`counts.${index}.reason`)} />
                </Group>
              </Paper>
            );
          })}
          <FormActions onCancel={onClose} submitLabel={t('rentals.shifts.close')} loading={close.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The drawer's open shift: who opened it, who works it, its figures so far; open one, or count the drawer and close it. */
export function CurrentShift() {
  const t = useT();
  const format = useParkFormat();
  const current = useMethod('rentals.shifts.current', {});
  const open = useAction('rentals.shifts.open', [...REFRESH]);
  const [closing, setClosing] = useState(false);
  if (!current.data) return <Pending read={current} />;
  const { shift } = current.data;
  if (!shift) {
    return (
      <Alert color="yellow" title={t('rentals.shifts.title')} data-testid="no-shift">
        <Group justify="space-between">
          <Text>{t('rentals.shifts.none')}</Text>
          <Button
            leftSection={<IconLockOpen size={20} />}
            loading={open.isPending}
            onClick={() => void notifyOutcome(t, open.mutateAsync({}), t('rentals.shifts.opened'))}
          >
            {t('rentals.shifts.open')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Paper withBorder radius="lg" p="md" data-testid="current-shift">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={3} fz="lg">
            {t('rentals.shifts.title')}
          </Title>
          <Text>{t('rentals.shifts.since', { time: format.dateTime(shift.openedAt), name: shift.openedBy.name })}</Text>
          {shift.staff.length > 0 ? <Text c="dimmed">{t('rentals.shifts.staff', { names: shift.staff.map((person) => person.name).join(t('audit.detailList')) })}</Text> : null}
        </Stack>
        <Button size="md" leftSection={<IconCash size={20} />} onClick={() => setClosing(true)}>
          {t('rentals.shifts.close')}
        </Button>
      </Group>
      <ShiftTable shift={shift} label={t('rentals.shifts.title')} />
      {closing ? <CloseShiftModal shift={shift} onClose={() => setClosing(false)} /> : null}
    </Paper>
  );
}

/** Closed shifts, newest first: when, who, expected against counted; the details of each on request. */
export function PastShifts() {
  const t = useT();
  const format = useParkFormat();
  const list = useMethod('rentals.shifts.list', { limit: 20 });
  const [viewing, setViewing] = useState<ShiftView>();
  const rows = (list.data?.rows ?? []).filter((shift) => shift.closedAt !== null);
  const period = (shift: ShiftView) => ({ from: format.dateTime(shift.openedAt), to: shift.closedAt === null ? t('rentals.shifts.stillOpen') : format.time(shift.closedAt) });
  return (
    <>
      <Title order={3} fz="lg" mt="md">
        {t('rentals.shifts.past')}
      </Title>
      <Table verticalSpacing="xs" fz="md" aria-label={t('rentals.shifts.past')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.shifts.period')}</Table.Th>
            <Table.Th>{t('rentals.shifts.openedBy')}</Table.Th>
            <Table.Th>{t('rentals.shifts.closedBy')}</Table.Th>
            <Table.Th ta="right">{t('rentals.shifts.expected')}</Table.Th>
            <Table.Th ta="right">{t('rentals.shifts.countedTotal')}</Table.Th>
            <Table.Th ta="right">{t('rentals.shifts.difference')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !list.isLoading ? <EmptyRow read={list} colSpan={7}>{t('rentals.shifts.emptyPast')}</EmptyRow> : null}
          {rows.map((shift) => (
            <Table.Tr key={shift.id} data-testid={`past-shift-${shift.id}`}>
              <Table.Td>{`${period(shift).from} – ${period(shift).to}`}</Table.Td>
              <Table.Td>{shift.openedBy.name}</Table.Td>
              <Table.Td>{shift.closedBy?.name ?? ''}</Table.Td>
              <Table.Td ta="right">
                <Money fen={shift.totals.expectedFen} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={shift.totals.countedFen ?? 0} />
              </Table.Td>
              <Table.Td ta="right">
                <Money fen={shift.totals.differenceFen ?? 0} c={shift.totals.differenceFen === 0 ? 'teal.8' : 'red.8'} fw={700} />
              </Table.Td>
              <Table.Td ta="right">
                <Button variant="light" onClick={() => setViewing(shift)} aria-label={`${t('rentals.shifts.view')} ${period(shift).from}`}>
                  {t('rentals.shifts.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {viewing ? (
        <Modal opened onClose={() => setViewing(undefined)} centered size="xl" title={t('rentals.shifts.detailTitle', period(viewing))}>
          <Stack>
            {viewing.staff.length > 0 ? <Text>{t('rentals.shifts.staff', { names: viewing.staff.map((person) => person.name).join(t('audit.detailList')) })}</Text> : null}
            <ShiftTable shift={viewing} label={t('rentals.shifts.detailTitle', period(viewing))} />
          </Stack>
        </Modal>
      ) : null}
    </>
  );
}
