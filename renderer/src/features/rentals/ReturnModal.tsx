import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
import { Alert, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { needsApproval, receiptNo as receiptNoSchema, RETURN_CONDITIONS, returnFormInput, type Output, type RentalView } from '@shared/contract';
import { formatYuan } from '@shared/rules/money';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { applyServerErrors, useContractForm, useFieldErrors } from '../../ui/form';
import { NumberField, STICKY_FOOTER } from '../../ui/fields';
import { ManagerApproval, readApproval, showApprovalErrors, useApprovalForm } from '../../ui/ManagerApproval';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { Money, yuanText } from '../../ui/money';
import { notifyError, notifySuccess } from '../../ui/notify';
import { parseVoucher } from '@shared/rules/rentals';
import { PrintedReceipt } from './PrintedReceipt';
import { RentalReprint } from './RentalTable';

const HOUR = 3_600_000;

function RentalCard({ rental }: { rental: RentalView }) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const now = useParkNow();
  return (
    <Paper withBorder radius="md" p="md" data-testid="rental-card">
      <SimpleGrid cols={3} spacing="sm">
        <Stack gap={0}>
          <Text fz="sm" c="dimmed">
            {t('rentals.fields.unit')}
          </Text>
          <Text fw={700} fz="lg">
            {language === 'zh-CN' ? rental.typeNameZh : rental.typeNameEn} · {rental.unitTag}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text fz="sm" c="dimmed">
            {t('rentals.fields.visitorName')}
          </Text>
          <Text fw={600}>{rental.visitorName}</Text>
          <Text fz="sm">
            {rental.phone ?? '—'} · {rental.idMasked}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text fz="sm" c="dimmed">
            {t('rentals.fields.deposit')} · {t(`rentals.payment.${rental.payment}`)}
          </Text>
          <Money fen={rental.depositFen} words fw={700} fz="xl" />
        </Stack>
        <Stack gap={0}>
          <Text fz="sm" c="dimmed">
            {t('rentals.fields.outAt')}
          </Text>
          <Text>{format.dateTime(rental.outAt)}</Text>
        </Stack>
        <Stack gap={4}>
          <Text fz="sm" c="dimmed">
            {t('rentals.fields.dueAt')} {format.time(rental.dueAt)}
          </Text>
          {rental.status === 'out' ? <DeadlineBadge deadline={rental.dueAt} warnMs={HOUR / 2} now={now} /> : null}
        </Stack>
        <Group align="flex-end">
          <RentalReprint rental={rental} />
        </Group>
      </SimpleGrid>
    </Paper>
  );
}

function LostReceiptSearch({ onPick }: { onPick(rental: RentalView): void }) {
  const t = useT();
  const format = useParkFormat();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const found = useMethod('rentals.find', { query: debounced }, { enabled: debounced.length >= 3 });
  return (
    <Stack gap="xs">
      <Text c="dimmed">{t('rentals.return.lostHint')}</Text>
      <TextInput
        label={t('rentals.fields.findQuery')}
        leftSection={<IconSearch size={18} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      {found.data && found.data.length === 0 ? <Text c="dimmed">{t('rentals.return.noMatch', { query: debounced })}</Text> : null}
      {found.data && found.data.length > 0 ? (
        <Table highlightOnHover>
          <Table.Tbody>
            {found.data.map((rental) => (
              <Table.Tr key={rental.id}>
                <Table.Td>
                  <UnstyledButton onClick={() => onPick(rental)} disabled={rental.status !== 'out'} w="100%" p={4}>
                    <Group justify="space-between">
                      <Text ff="monospace" fw={700}>
                        {rental.receiptNo}
                      </Text>
                      <Text>{rental.visitorName}</Text>
                      <Text>{rental.unitTag}</Text>
                      <Text c="dimmed">{format.dateTime(rental.outAt)}</Text>
                      <Text>{t(rental.status === 'out' ? 'rentals.states.out' : 'rentals.tabs.returned')}</Text>
                    </Group>
                  </UnstyledButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

const FIELDS = ['receiptNo', 'checkCode', 'condition', 'keptFen', 'reason', 'lostReceipt'] as const;

/** Take a unit back: scan the receipt, check the item, refund; keeping money needs a manager. */
export function ReturnModal({ initialReceipt, initialCheckCode, onClose }: { initialReceipt?: string; initialCheckCode?: string; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const give = useAction('rentals.return', ['rentals.board', 'rentals.list', 'rentals.cash', 'rentals.units.list', 'rentals.repairs.list']);
  const [done, setDone] = useState<Output<'rentals.return'>>();
  const [searching, setSearching] = useState(false);
  const form = useContractForm(returnFormInput, {
    defaultValues: { receiptNo: initialReceipt ?? '', checkCode: initialCheckCode ?? '', condition: 'good', keptFen: 0, reason: '', lostReceipt: false },
  });
  const approvalForm = useApprovalForm();
  const errorOf = useFieldErrors(form);
  const receiptField = form.register('receiptNo');
  const receiptText = form.watch('receiptNo');
  const condition = form.watch('condition');
  const kept = form.watch('keptFen') ?? 0;
  const lostReceipt = form.watch('lostReceipt') ?? false;
  const parsedReceipt = receiptNoSchema.safeParse(receiptText);
  const rental = useMethod('rentals.get', { receiptNo: receiptText }, { enabled: parsedReceipt.success, retry: false });
  const deposit = rental.data?.depositFen ?? 0;
  const keptFen = Number.isFinite(kept) ? kept : 0;
  const approvalNeeded = needsApproval({ condition, keptFen, lostReceipt });
  // Only the screen knows the deposit, so the check is here, as the clerk types (the core refuses it too).
  const overDeposit = (value: number) => rental.data !== undefined && Number.isFinite(value) && value > deposit;
  const overDepositError = overDeposit(keptFen) ? t('rentals.errors.keptOverDeposit', { deposit: formatYuan(deposit) }) : undefined;
  /** A submission keeping more than the deposit goes no further: the message is already beside the field. */
  const keptTooMuch = (values: { keptFen: number }) => {
    if (!overDeposit(values.keptFen)) return false;
    form.setFocus('keptFen');
    return true;
  };
  // The actions stay at the dialog's foot: what scrolls into view stops above them, not behind them.
  const { ref: actionsRef, height: actionsHeight } = useElementSize();
  const keptRef = useRef<HTMLDivElement>(null);
  const damaged = condition !== 'good';
  const showOver = overDepositError !== undefined;
  useEffect(() => {
    // The amount and the reason appear, or the amount's message does: brought into sight above the actions.
    if (damaged || showOver) keptRef.current?.scrollIntoView({ block: 'nearest' });
  }, [damaged, showOver]);

  const ask = useAction('approvals.requestReturn', ['approvals.list']);
  const pending = useMethod('approvals.list', {}, { enabled: rental.data?.status === 'out' });
  const waiting = pending.data?.rows.find((row) => row.rental?.receiptNo === rental.data?.receiptNo);

  /** No manager at the counter: the return waits in the approvals list; the slip prints here once approved. */
  const askManager = form.handleSubmit(async (values) => {
    if (keptTooMuch(values)) return;
    try {
      await ask.mutateAsync(values);
      notifySuccess(t('approvals.asked'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) notifyError(t, error);
    }
  });

  const submit = form.handleSubmit(async (values) => {
    if (keptTooMuch(values)) return;
    const approval = approvalNeeded ? await readApproval(approvalForm) : undefined;
    if (approvalNeeded && !approval) return;
    try {
      setDone(await give.mutateAsync({ ...values, ...(approval ? { approval } : {}) }));
    } catch (error) {
      if (error instanceof ApiError && showApprovalErrors(approvalForm, error.body)) return;
      if (!applyServerErrors(form, error, FIELDS)) notifyError(t, error);
    }
  });

  if (done) {
    return (
      <Modal opened onClose={onClose} title={t('rentals.return.title')} size="xl" centered>
        <PrintedReceipt
          title={t('rentals.return.done', { amount: yuanText(done.rental.refundFen ?? 0, language) })}
          receiptNo={done.rental.receiptNo}
          jobId={done.printJobId}
          onNext={onClose}
        />
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('rentals.return.title')} size="xl" centered styles={{ content: { scrollPaddingBottom: actionsHeight + 32 } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed">{t('rentals.return.hint')}</Text>
          {/* Lined up by their labels (each with its hint): an error under one field does not move the other. */}
          <Group align="flex-start">
            <TextInput
              label={t('rentals.fields.receiptNo')}
              description={t('rentals.return.receiptHint')}
              size="lg"
              autoComplete="off"
              data-autofocus={!initialReceipt || undefined}
              autoFocus={!initialReceipt}
              style={{ flex: 1 }}
              {...receiptField}
              onChange={(event) => {
                // The receipt scanned into this field: its number here, its check code beside it.
                const voucher = parseVoucher(event.currentTarget.value);
                if (!voucher) return void receiptField.onChange(event);
                form.setValue('receiptNo', voucher.receiptNo, { shouldValidate: true });
                form.setValue('checkCode', voucher.checkCode, { shouldValidate: true });
              }}
              error={errorOf('receiptNo') ?? (rental.error ? t('rentals.errors.rentalNotFound') : undefined)}
            />
            {!lostReceipt ? (
              <TextInput
                label={t('rentals.fields.checkCode')}
                description={t('rentals.return.checkCodeHint')}
                size="lg"
                w={190}
                maxLength={4}
                autoComplete="off"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
                data-autofocus={(initialReceipt && !initialCheckCode) || undefined}
                autoFocus={Boolean(initialReceipt && !initialCheckCode)}
                {...form.register('checkCode')}
                error={Boolean(errorOf('checkCode'))}
                aria-describedby={errorOf('checkCode') ? 'check-code-error' : undefined}
              />
            ) : null}
            <Button variant="subtle" size="lg" mt={50} onClick={() => setSearching((open) => !open)}>
              {t('rentals.actions.lostReceipt')}
            </Button>
          </Group>
          {!lostReceipt && errorOf('checkCode') ? (
            <Alert color="red" variant="light" role="alert" id="check-code-error">
              {errorOf('checkCode')}
            </Alert>
          ) : null}
          {searching ? (
            <LostReceiptSearch
              onPick={(picked) => {
                form.setValue('receiptNo', picked.receiptNo, { shouldValidate: true });
                form.setValue('lostReceipt', true);
                setSearching(false);
              }}
            />
          ) : null}
          {rental.data ? <RentalCard rental={rental.data} /> : null}
          {rental.data?.status === 'returned' ? (
            <Alert color="red" role="alert">
              {t('rentals.errors.alreadyReturned', { receiptNo: rental.data.receiptNo })}
            </Alert>
          ) : null}
          {rental.data?.status === 'out' ? (
            <>
              <Controller
                control={form.control}
                name="condition"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text fw={500} fz="sm" id="condition-label">
                      {t('rentals.fields.condition')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="condition-label"
                      size="lg"
                      value={field.value}
                      onChange={(value) => {
                        field.onChange(value);
                        form.setValue('keptFen', value === 'missing' ? deposit : 0);
                      }}
                      data={RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`rentals.condition.${c}`) }))}
                      color={field.value === 'good' ? 'teal' : 'red'}
                    />
                  </Stack>
                )}
              />
              {condition !== 'good' ? (
                <SimpleGrid cols={2} ref={keptRef}>
                  <NumberField form={form} name="keptFen" label={t('rentals.fields.keptFen')} min={0} max={deposit / 100} fen error={overDepositError} />
                  <TextInput label={t('rentals.fields.reason')} withAsterisk {...form.register('reason')} error={errorOf('reason')} />
                </SimpleGrid>
              ) : null}
              {lostReceipt ? <Alert color="yellow">{t('rentals.receipt.lostReceipt')}</Alert> : null}
              {waiting ? (
                <Alert color="yellow" role="status">
                  {t('approvals.waiting')} · {t('approvals.requestedBy', { name: waiting.requestedBy.name, time: format.time(waiting.requestedAt) })}
                </Alert>
              ) : null}
              {approvalNeeded && !waiting ? (
                <>
                  <ManagerApproval form={approvalForm} hint={lostReceipt ? t('rentals.return.lostHint') : t('rentals.return.keptHint')} />
                  <Group justify="space-between" wrap="nowrap">
                    <Text c="dimmed" fz="sm">
                      {t('approvals.askManagerHint')}
                    </Text>
                    <Button variant="light" color="yellow" onClick={() => void askManager()} loading={ask.isPending} style={{ flexShrink: 0 }}>
                      {t('approvals.askManager')}
                    </Button>
                  </Group>
                </>
              ) : null}
              {/* Kept in sight at the foot of the dialog, as in the rent-out dialog: with the condition, the reason and the manager's PIN, the form is taller than a 1024×768 or 1280×800 screen. */}
              <Group
                justify="space-between"
                align="flex-end"
                py="xs"
                ref={actionsRef}
                data-testid="return-actions"
                style={STICKY_FOOTER}
              >
                <Stack gap={0}>
                  <Text c="dimmed">{t('rentals.fields.refund')}</Text>
                  <Money fen={Math.max(deposit - keptFen, 0)} words fw={800} fz={30} />
                </Stack>
                <Group>
                  <Button variant="default" onClick={onClose}>
                    {t('common.cancel')}
                  </Button>
                  {/* A return sent to the manager is decided in Approvals, not refunded here a second way. */}
                  <Button type="submit" size="lg" color={condition === 'good' ? undefined : 'red'} loading={give.isPending} disabled={waiting !== undefined}>
                    {t('rentals.actions.confirmRefund', { amount: yuanText(Math.max(deposit - keptFen, 0), language) })} ⏎
                  </Button>
                </Group>
              </Group>
            </>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
