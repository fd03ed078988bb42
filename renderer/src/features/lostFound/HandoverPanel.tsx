import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconFileTypeCsv, IconFileTypePdf, IconScan, IconTransfer } from '@tabler/icons-react';
import { encodeMessage, itemNo as itemNoSchema, lostFoundMethods, type ItemSummary, type Output } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { newClientRef } from '../../ui/clientRef';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { EmptyRow } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SignaturePad } from '../../ui/SignaturePad';
import { categoryName, HANDOVER_WARN_MS, LF_READS, StoragePlace, UnverifiedBadge, useLfFormat } from './parts';
import { ReprintButton } from '../printing/ReprintButton';
import { JobPreview } from '../printing/JobPreview';
import { saveCsv, savePdf } from '../../ui/download';

const handoverForm = lostFoundMethods['lostFound.handover.create'].input.omit({ clientRef: true });

/** The ledger of a batch as a file: the A4 PDF (ledger and transfer list) or the CSV for spreadsheets. */
function LedgerButtons({ batchId, batchNo }: { batchId: number; batchNo: string }) {
  const t = useT();
  const api = useApi();
  const [busy, setBusy] = useState<'pdf' | 'csv'>();
  const download = async (kind: 'pdf' | 'csv') => {
    setBusy(kind);
    try {
      if (kind === 'pdf') {
        const pdf = await api.call('lostFound.handover.pdf', { batchId });
        savePdf(pdf.fileName, pdf.base64);
        notifySuccess(t('lostFound.handover.downloaded', { fileName: pdf.fileName }));
      } else {
        const csv = await api.call('lostFound.handover.csv', { batchId });
        saveCsv(csv.fileName, csv.csv);
        notifySuccess(t('lostFound.handover.downloaded', { fileName: csv.fileName }));
      }
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconFileTypePdf size={20} />} loading={busy === 'pdf'} onClick={() => void download('pdf')} aria-label={`${t('lostFound.actions.downloadPdf')} ${batchNo}`}>
        {t('lostFound.actions.downloadPdf')}
      </Button>
      <Button variant="default" leftSection={<IconFileTypeCsv size={20} />} loading={busy === 'csv'} onClick={() => void download('csv')} aria-label={`${t('lostFound.actions.downloadCsv')} ${batchNo}`}>
        {t('lostFound.actions.downloadCsv')}
      </Button>
    </Group>
  );
}

function Batches() {
  const t = useT();
  const format = useLfFormat();
  const batches = useMethod('lostFound.handover.list', {});
  const rows = batches.data ?? [];
  return (
    <Table verticalSpacing="xs" fz="md" striped data-testid="batches">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('lostFound.ledger.batch')}</Table.Th>
          <Table.Th>{t('lostFound.fields.handedOverAt')}</Table.Th>
          <Table.Th>{t('lostFound.fields.handedOverBy')}</Table.Th>
          <Table.Th>{t('lostFound.fields.financeName')}</Table.Th>
          <Table.Th>{t('lostFound.fields.itemCount')}</Table.Th>
          <Table.Th>{t('lostFound.fields.cash')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && !batches.isLoading ? <EmptyRow read={batches} colSpan={7}>{t('lostFound.handover.noBatches')}</EmptyRow> : null}
        {rows.map((batch) => (
          <Table.Tr key={batch.id} data-testid={`batch-${batch.batchNo}`}>
            <Table.Td ff="monospace" fw={700}>
              {batch.batchNo}
            </Table.Td>
            <Table.Td>{format.dateTime(batch.createdAt)}</Table.Td>
            <Table.Td>{batch.createdBy?.name ?? ''}</Table.Td>
            <Table.Td>{batch.financeName}</Table.Td>
            <Table.Td>{batch.itemCount}</Table.Td>
            <Table.Td>{batch.cashFen > 0 ? <Money fen={batch.cashFen} /> : '—'}</Table.Td>
            <Table.Td>
              <LedgerButtons batchId={batch.id} batchNo={batch.batchNo} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DueRow({ item, now, selected, onToggle }: { item: ItemSummary; now: number; selected?: boolean; onToggle?(): void }) {
  const t = useT();
  const format = useLfFormat();
  return (
    <Table.Tr data-testid={`due-${item.itemNo}`} bg={selected ? 'var(--mantine-color-park-0)' : undefined}>
      {onToggle ? (
        <Table.Td w={56}>
          <Checkbox size="md" checked={selected} disabled={!item.verified} onChange={onToggle} aria-label={t('lostFound.handover.select', { itemNo: item.itemNo })} />
        </Table.Td>
      ) : null}
      <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
        {item.itemNo}
      </Table.Td>
      <Table.Td>
        <Text fw={600}>{categoryName(t, item.category)}</Text>
        <Text fz="sm" lineClamp={1} title={item.description}>
          {item.description}
        </Text>
        <UnverifiedBadge item={item} now={now} size="sm" />
      </Table.Td>
      <Table.Td>
        <StoragePlace item={item} />
      </Table.Td>
      <Table.Td>{format.until(item.holdingUntil)}</Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {onToggle ? <DeadlineBadge deadline={item.handoverDueBy} warnMs={HANDOVER_WARN_MS} now={now} /> : <DeadlineBadge deadline={item.holdingUntil} warnMs={HANDOVER_WARN_MS} now={now} />}
        </Group>
        {onToggle ? (
          <Text fz="xs" c="dimmed">
            {t('lostFound.fields.handoverDueBy')} {format.until(item.handoverDueBy)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function HandoverDone({ done, onNext }: { done: Output<'lostFound.handover.create'>; onNext(): void }) {
  const t = useT();
  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack gap="md" style={{ flex: 1 }}>
        <Alert color="teal" icon={<IconCircleCheck size={22} />} role="status">
          <Text fz="lg" fw={600}>
            {t('lostFound.messages.handedOver', { batchNo: done.handover.batchNo })}
          </Text>
        </Alert>
        <Title order={2} ff="monospace" fz={34} data-testid="batch-no">
          {done.handover.batchNo}
        </Title>
        <Text>
          {t('lostFound.fields.itemCount')}: {done.handover.itemCount} · {t('lostFound.fields.financeName')}: {done.handover.financeName}
        </Text>
        <LedgerButtons batchId={done.handover.id} batchNo={done.handover.batchNo} />
        <Group>
          <Button size="lg" onClick={onNext}>
            {t('lostFound.actions.done')}
          </Button>
          <ReprintButton jobId={done.printJobId} label={t('lostFound.actions.reprintSlip')} />
        </Group>
      </Stack>
      <JobPreview jobId={done.printJobId} />
    </Group>
  );
}

function HandoverForm({ due, comingDue, onDone }: { due: ItemSummary[]; comingDue: ItemSummary[]; onDone(done: Output<'lostFound.handover.create'>): void }) {
  const t = useT();
  const api = useApi();
  const now = useParkNow();
  const [clientRef] = useState(newClientRef);
  const [scan, setScan] = useState('');
  const create = useAction('lostFound.handover.create', LF_READS);
  const form = useContractForm(handoverForm, { defaultValues: { itemIds: [], centerSignature: '', financeName: '', financeSignature: '' } });
  const errorOf = useFieldErrors(form);
  const selected = form.watch('itemIds');
  const submit = useFormSubmit(form, ['itemIds', 'centerSignature', 'financeName', 'financeSignature'], (values) => create.mutateAsync({ ...values, clientRef }), onDone);

  const setSelected = (ids: number[]) => form.setValue('itemIds', ids, { shouldValidate: form.formState.isSubmitted });
  const toggle = (id: number) => setSelected(selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id]);
  // Only verified intakes can go to finance: the others wait, marked, until a colleague counter-signs them.
  const ready = due.filter((item) => item.verified);
  const allSelected = ready.length > 0 && ready.every((item) => selected.includes(item.id));

  /** A bag scanned while packing the batch: added when due; refused with its number when still in its holding period. */
  const onScan = async (raw: string) => {
    const parsed = itemNoSchema.safeParse(raw);
    if (!parsed.success) return;
    const number = parsed.data;
    const dueItem = due.find((item) => item.itemNo === number);
    if (dueItem && !dueItem.verified) {
      form.setError('itemIds', { type: 'scan', message: encodeMessage({ key: 'lostFound.errors.notVerified', params: { itemNo: number } }) });
      return;
    }
    if (dueItem) {
      if (!selected.includes(dueItem.id)) setSelected([...selected, dueItem.id]);
      form.clearErrors('itemIds');
      notifySuccess(t('lostFound.handover.added', { itemNo: number }));
      return;
    }
    let key: 'lostFound.errors.stillHolding' | 'lostFound.errors.notHeld' | 'lostFound.handover.notDue' = 'lostFound.handover.notDue';
    if (comingDue.some((item) => item.itemNo === number)) key = 'lostFound.errors.stillHolding';
    else {
      try {
        const item = await api.call('lostFound.get', { itemNo: number });
        key = item.status !== 'held' ? 'lostFound.errors.notHeld' : item.holdingUntil > now ? 'lostFound.errors.stillHolding' : 'lostFound.handover.notDue';
      } catch (error) {
        notifyError(t, error);
        return;
      }
    }
    form.setError('itemIds', { type: 'scan', message: encodeMessage({ key, params: { itemNo: number } }) });
  };

  const selectionError = errorOf('itemIds');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Group gap="sm" align="center">
            <Title order={3} fz="lg">
              {t('lostFound.handover.due')}
            </Title>
            <Badge size="lg" variant="light" color="park" data-testid="selected-count">
              {t('lostFound.handover.selected', { count: selected.length })}
            </Badge>
          </Group>
          <TextInput
            label={t('lostFound.handover.scanLabel')}
            leftSection={<IconScan size={20} />}
            w={300}
            value={scan}
            onChange={(e) => setScan(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void onScan(scan);
                setScan('');
              }
            }}
            data-testid="handover-scan"
          />
        </Group>
        <Table verticalSpacing="xs" fz="md" data-testid="due-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>
                <Checkbox
                  size="md"
                  aria-label={t('lostFound.actions.selectAll')}
                  checked={allSelected}
                  indeterminate={!allSelected && selected.length > 0}
                  disabled={ready.length === 0}
                  onChange={() => setSelected(allSelected ? [] : ready.map((item) => item.id))}
                />
              </Table.Th>
              <Table.Th>{t('lostFound.fields.itemNo')}</Table.Th>
              <Table.Th>{t('lostFound.fields.description')}</Table.Th>
              <Table.Th>{t('lostFound.fields.storage')}</Table.Th>
              <Table.Th>{t('lostFound.fields.holdingUntil')}</Table.Th>
              <Table.Th>{t('lostFound.fields.handoverDueBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.length === 0 ? <EmptyRow colSpan={6}>{t('lostFound.handover.noneDue')}</EmptyRow> : null}
            {due.map((item) => (
              <DueRow key={item.id} item={item} now={now} selected={selected.includes(item.id)} onToggle={() => toggle(item.id)} />
            ))}
          </Table.Tbody>
        </Table>
        {selectionError ? (
          <Alert color="red" role="alert" data-testid="handover-refusal">
            {selectionError}
          </Alert>
        ) : null}
        {due.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text fw={700}>{t('lostFound.handover.sign')}</Text>
            <SimpleGrid cols={2} spacing="md">
              <Controller
                control={form.control}
                name="centerSignature"
                render={({ field }) => (
                  <SignaturePad label={t('lostFound.fields.centerSignature')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('centerSignature')} data-testid="pad-center" height={150} />
                )}
              />
              <Stack gap="sm">
                <TextInput label={t('lostFound.fields.financeName')} withAsterisk autoComplete="off" {...form.register('financeName')} error={errorOf('financeName')} />
                <Controller
                  control={form.control}
                  name="financeSignature"
                  render={({ field }) => (
                    <SignaturePad label={t('lostFound.fields.financeSignature')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('financeSignature')} data-testid="pad-finance" height={150} />
                  )}
                />
              </Stack>
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" size="lg" leftSection={<IconTransfer size={22} />} loading={create.isPending} disabled={selected.length === 0}>
                {t('lostFound.actions.createBatch', { count: selected.length })}
              </Button>
            </Group>
          </Stack>
        </Paper>
        ) : null}
      </Stack>
    </form>
  );
}

/**
 * The weekly handover to finance: items past their holding period with their handover-by clocks,
 * selected (or scanned) into a batch signed by the center and by finance; the batches with their
 * ledgers (A4 PDF, CSV).
 */
export function HandoverPanel() {
  const t = useT();
  const now = useParkNow();
  const due = useMethod('lostFound.handover.due', {});
  const [done, setDone] = useState<Output<'lostFound.handover.create'>>();
  const [round, setRound] = useState(0);
  const coming = due.data?.comingDue ?? [];
  return (
    <Stack gap="lg">
      {done ? (
        <HandoverDone
          done={done}
          onNext={() => {
            setDone(undefined);
            setRound((n) => n + 1);
          }}
        />
      ) : due.data ? (
        <HandoverForm key={round} due={due.data.due} comingDue={coming} onDone={setDone} />
      ) : null}
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('lostFound.handover.comingDue')}
        </Title>
        <Table verticalSpacing="xs" fz="md" data-testid="coming-list">
          <Table.Tbody>
            {coming.length === 0 && !due.isLoading ? <EmptyRow read={due} colSpan={5}>{t('lostFound.handover.noneComing')}</EmptyRow> : null}
            {coming.map((item) => (
              <DueRow key={item.id} item={item} now={now} />
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {t('lostFound.handover.batches')}
        </Title>
        <Batches />
      </Stack>
    </Stack>
  );
}
