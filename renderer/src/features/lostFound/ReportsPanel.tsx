import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Accordion, Badge, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconLink, IconSearch, IconX } from '@tabler/icons-react';
import { lostFoundMethods, type ReportView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { Matches, type ClaimPrefill } from './Matches';
import { categoryName, LF_READS, useLfFormat } from './parts';
import { ReadFailed } from '../../ui/readFailed';

const closeInput = lostFoundMethods['lostFound.reports.close'].input;
const STATUSES = ['open', 'found', 'closed', 'all'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_COLORS = { open: 'orange', found: 'teal', closed: 'gray' } as const;

function CloseReportModal({ report, onClose }: { report: ReportView; onClose(): void }) {
  const t = useT();
  const close = useAction('lostFound.reports.close', LF_READS);
  const form = useContractForm(closeInput, { defaultValues: { reportId: report.id, note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note', 'reportId'], close.mutateAsync, () => {
    notifySuccess(t('lostFound.messages.reportClosed', { reportNo: report.reportNo }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('lostFound.reports.closeTitle', { reportNo: report.reportNo })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('lostFound.fields.note')} description={t('lostFound.reports.closeHint')} withAsterisk data-autofocus autoComplete="off" {...form.register('note')} error={errorOf('note') ?? errorOf('reportId')} />
          <FormActions onCancel={onClose} submitLabel={t('lostFound.actions.close')} loading={close.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The item a report was matched to, by its number. */
function LinkedItem({ itemId, onOpen }: { itemId: number; onOpen(itemId: number): void }) {
  const t = useT();
  const item = useMethod('lostFound.get', { itemId });
  return (
    <Button variant="light" leftSection={<IconLink size={18} />} onClick={() => onOpen(itemId)}>
      {item.data ? t('lostFound.reports.linked', { itemNo: item.data.itemNo }) : t('lostFound.actions.openItem')}
    </Button>
  );
}

/** Visitors' lost reports, open ones first; each opens to its suggested matches, confirmed or dismissed there. */
export function ReportsPanel({
  initialQuery = '',
  openReportId,
  onOpenItem,
  onClaim,
}: {
  initialQuery?: string;
  openReportId?: number;
  onOpenItem(itemId: number): void;
  onClaim(prefill: ClaimPrefill): void;
}) {
  const t = useT();
  const format = useLfFormat();
  const [status, setStatus] = useState<Status>('open');
  const [query, setQuery] = useState(initialQuery);
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [opened, setOpened] = useState<string[]>(openReportId ? [String(openReportId)] : []);
  const [closing, setClosing] = useState<ReportView>();
  const list = useMethod('lostFound.reports.list', { status, ...(debounced ? { query: debounced } : {}) });
  const reports = list.data ?? [];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={18} />}
          placeholder={t('lostFound.reports.searchPlaceholder')}
          aria-label={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={340}
        />
        <SegmentedControl
          aria-label={t('lostFound.fields.status')}
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={STATUSES.map((value) => ({ value, label: value === 'all' ? t('common.all') : t(`lostFound.reportStatuses.${value}`) }))}
        />
      </Group>
      <ReadFailed read={list} />
      {reports.length === 0 && !list.isLoading && !list.error ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('lostFound.messages.reportsEmpty')}
        </Text>
      ) : null}
      <Accordion multiple value={opened} onChange={setOpened} variant="separated" radius="md" chevronPosition="left">
        {reports.map((report) => (
          <Accordion.Item key={report.id} value={String(report.id)} data-testid={`report-${report.reportNo}`} bg="white">
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text ff="monospace" fw={700}>
                      {report.reportNo}
                    </Text>
                    <Badge variant="light" color={STATUS_COLORS[report.status]}>
                      {t(`lostFound.reportStatuses.${report.status}`)}
                    </Badge>
                    <Text fw={700}>{categoryName(t, report.category)}</Text>
                    <Text lineClamp={1} title={[report.description, report.colour].filter(Boolean).join(' · ')}>
                      {report.description}
                      {report.colour ? ` · ${report.colour}` : ''}
                    </Text>
                  </Group>
                  <Text fz="sm" c="dimmed">
                    {report.visitorName} · {report.phone ?? ''} · {t('lostFound.reports.lost', { time: format.dateTime(report.lostAt), place: report.lostPlace })}
                  </Text>
                </Stack>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fz="sm" c="dimmed">
                    {t('lostFound.reports.recorded', { time: format.dateTime(report.createdAt), name: report.createdBy?.name ?? '' })}
                    {report.closeNote ? ` · ${report.closeNote}` : ''}
                  </Text>
                  <Group gap="xs">
                    {report.itemId !== null ? <LinkedItem itemId={report.itemId} onOpen={onOpenItem} /> : null}
                    {report.status === 'open' ? (
                      <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => setClosing(report)}>
                        {t('lostFound.actions.close')}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
                <Text fw={700}>{t('lostFound.reports.matchesTitle')}</Text>
                {opened.includes(String(report.id)) ? <Matches filter={{ reportId: report.id }} onOpenItem={onOpenItem} onClaim={onClaim} /> : null}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {closing ? <CloseReportModal report={closing} onClose={() => setClosing(undefined)} /> : null}
    </Stack>
  );
}
