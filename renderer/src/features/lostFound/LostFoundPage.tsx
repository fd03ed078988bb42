import { useCallback, useState } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Badge, Button, Group, Paper, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconFileSearch, IconPackageImport, IconScan } from '@tabler/icons-react';
import { itemNo } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useApi, useSession } from '../../app/session';
import { useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { useScanner } from '../../ui/useScanner';
import { ClaimModal } from './ClaimModal';
import { HandoverPanel } from './HandoverPanel';
import { HoldingPanel } from './HoldingPanel';
import { IntakeModal } from './IntakeModal';
import { ItemDetail } from './ItemDetail';
import { ItemList } from './ItemList';
import { LostFoundStats } from './LostFoundCard';
import type { ClaimPrefill } from './Matches';
import { ReportModal } from './ReportModal';
import { ReportsPanel } from './ReportsPanel';
import { SearchPanel } from './SearchPanel';

const REPORT_NO = /^LR\d{8}-\d{4,}$/;

type Dialog = { kind: 'intake' } | { kind: 'report' } | { kind: 'claim'; prefill: ClaimPrefill } | undefined;

/**
 * Lost and found at the counter: take in found property (F2), record a visitor's lost report (F3),
 * the shelf, lost reports with their matches, search, the weekly handover to finance, and each
 * item's own page. An item number scanned or typed anywhere opens the item.
 */
export function LostFoundPage() {
  const t = useT();
  const api = useApi();
  const { session } = useSession();
  const manager = session?.staff.role === 'manager' || session?.staff.role === 'admin';
  const summary = useMethod('lostFound.summary', {});
  const due = useMethod('lostFound.handover.due', {});
  const [tab, setTab] = useState<string | null>('shelf');
  const [openItemId, setOpenItemId] = useState<number>();
  const [dialog, setDialog] = useState<Dialog>();
  const [scan, setScan] = useState('');
  // What the scan field hands to the search and report tabs (the key re-seeds them).
  const [seed, setSeed] = useState({ search: '', reports: '', reportId: undefined as number | undefined, n: 0 });

  const openItem = useCallback((id: number) => {
    setDialog(undefined);
    setOpenItemId(id);
  }, []);

  /** A scanned or typed code: an item number opens the item, a report number its report, anything else is searched. */
  const handleCode = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code) return;
      const number = itemNo.safeParse(code);
      if (number.success) {
        try {
          openItem((await api.call('lostFound.get', { itemNo: number.data })).id);
        } catch (error) {
          if (error instanceof ApiError && error.body.code === 'NOT_FOUND') notifications.show({ color: 'red', message: t('lostFound.scan.unknown', { code: number.data }) });
          else notifyError(t, error);
        }
        return;
      }
      setOpenItemId(undefined);
      if (REPORT_NO.test(code.toUpperCase())) {
        setSeed((s) => ({ ...s, reports: code.toUpperCase(), n: s.n + 1 }));
        setTab('reports');
      } else {
        setSeed((s) => ({ ...s, search: code, n: s.n + 1 }));
        setTab('search');
      }
    },
    [api, openItem, t],
  );

  useScanner((code) => void handleCode(code));
  useHotkeys(
    [
      ['F2', () => setDialog((current) => current ?? { kind: 'intake' })],
      ['F3', () => setDialog((current) => current ?? { kind: 'report' })],
    ],
    [],
  );

  const claim = (prefill: ClaimPrefill) => setDialog({ kind: 'claim', prefill });
  const dueCount = due.data?.due.length ?? 0;
  const overdue = due.data?.overdue ?? 0;
  // The tab shows the figure; its name says what it counts (screen readers, and a hover).
  const dueLabel = [t('lostFound.messages.dueCount', { count: dueCount }), ...(overdue > 0 ? [t('lostFound.messages.overdueCount', { count: overdue })] : [])].join(' · ');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Title order={1} fz={28}>
          {t('lostFound.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <Button size="lg" variant="default" leftSection={<IconFileSearch size={22} />} onClick={() => setDialog({ kind: 'report' })}>
            {t('lostFound.actions.report')}
            <Badge ml={8} variant="outline" color="gray">
              F3
            </Badge>
          </Button>
          <Button size="xl" h={60} leftSection={<IconPackageImport size={26} />} onClick={() => setDialog({ kind: 'intake' })} data-testid="intake">
            {t('lostFound.actions.intake')}
            <Badge ml={10} variant="white" color="dark">
              F2
            </Badge>
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('lostFound.scan.label')}
          placeholder="L20261129-0001"
          leftSection={<IconScan size={20} />}
          w={250}
          style={{ flexShrink: 0 }}
          value={scan}
          onChange={(e) => setScan(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void handleCode(scan);
              setScan('');
            }
          }}
          autoComplete="off"
          autoFocus
          data-testid="lf-scan"
        />
        {openItemId !== undefined ? (
          <Button variant="subtle" size="lg" leftSection={<IconArrowLeft size={22} />} onClick={() => setOpenItemId(undefined)} data-testid="lf-back">
            {t('common.back')}
          </Button>
        ) : (
          <LostFoundStats />
        )}
      </Group>
      {openItemId !== undefined ? (
        <ItemDetail key={openItemId} itemId={openItemId} onBack={() => setOpenItemId(undefined)} onClaim={claim} onOpenItem={openItem} />
      ) : (
        <Paper withBorder radius="lg" p="md">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="shelf">
                {t('lostFound.tabs.shelf')}
                {summary.data ? (
                  <Badge ml={6} size="sm" variant="light" color="gray">
                    {summary.data.held}
                  </Badge>
                ) : null}
              </Tabs.Tab>
              <Tabs.Tab value="awaiting">{t('lostFound.tabs.awaitingClaim')}</Tabs.Tab>
              <Tabs.Tab value="reports">
                {t('lostFound.tabs.reports')}
                {summary.data && summary.data.openReports > 0 ? (
                  <Badge ml={6} size="sm" variant="light" color="orange">
                    {summary.data.openReports}
                  </Badge>
                ) : null}
              </Tabs.Tab>
              <Tabs.Tab value="search">{t('lostFound.tabs.search')}</Tabs.Tab>
              <Tabs.Tab value="handover">
                {t('lostFound.tabs.handover')}
                {dueCount > 0 ? (
                  <Badge ml={6} size="sm" variant={overdue > 0 ? 'filled' : 'light'} color={overdue > 0 ? 'red' : 'yellow'} data-testid="due-badge" aria-label={dueLabel} title={dueLabel}>
                    {dueCount}
                  </Badge>
                ) : null}
              </Tabs.Tab>
              {manager ? <Tabs.Tab value="holding">{t('lostFound.tabs.categories')}</Tabs.Tab> : null}
            </Tabs.List>
            <Tabs.Panel value="shelf">
              <ItemList filter={{ status: 'held' }} onOpen={openItem} emptyText={t('lostFound.messages.shelfEmpty')} />
            </Tabs.Panel>
            <Tabs.Panel value="awaiting">
              <ItemList filter={{ status: 'awaitingClaim' }} onOpen={openItem} emptyText={t('lostFound.messages.awaitingEmpty')} />
            </Tabs.Panel>
            <Tabs.Panel value="reports">
              <ReportsPanel key={`reports-${seed.n}-${seed.reportId ?? ''}`} initialQuery={seed.reports} openReportId={seed.reportId} onOpenItem={openItem} onClaim={claim} />
            </Tabs.Panel>
            <Tabs.Panel value="search">
              <SearchPanel key={`search-${seed.n}`} initialQuery={seed.search} onOpen={openItem} />
            </Tabs.Panel>
            <Tabs.Panel value="handover">
              <HandoverPanel />
            </Tabs.Panel>
            {manager ? (
              <Tabs.Panel value="holding">
                <HoldingPanel />
              </Tabs.Panel>
            ) : null}
          </Tabs>
        </Paper>
      )}
      {dialog?.kind === 'intake' ? <IntakeModal onClose={() => setDialog(undefined)} onOpen={openItem} /> : null}
      {dialog?.kind === 'report' ? (
        <ReportModal
          onClose={() => setDialog(undefined)}
          onRecorded={(report) => {
            setDialog(undefined);
            setOpenItemId(undefined);
            setSeed((s) => ({ ...s, reports: '', reportId: report.id, n: s.n + 1 }));
            setTab('reports');
          }}
        />
      ) : null}
      {dialog?.kind === 'claim' ? <ClaimModal prefill={dialog.prefill} onClose={() => setDialog(undefined)} /> : null}
    </Stack>
  );
}
