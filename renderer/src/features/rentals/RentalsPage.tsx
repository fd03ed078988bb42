import { useCallback, useState } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { Badge, Button, Group, Paper, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconScan, IconWheelchair } from '@tabler/icons-react';
import { assetTag, receiptNo } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useApi, useSession } from '../../app/session';
import { useMethod } from '../../api/hooks';
import { notify, notifyError } from '../../ui/notify';
import { useScanner } from '../../ui/useScanner';
import { PrintoutsPanel } from '../printing/PrintoutsPanel';
import { Board } from './Board';
import { CashPanel } from './CashPanel';
import { CheckOutModal } from './CheckOutModal';
import { EquipmentPanel } from './EquipmentPanel';
import { InspectionPanel } from './InspectionPanel';
import { RentalTable } from './RentalTable';
import { RepairsPanel } from './RepairsPanel';
import { ReturnModal } from './ReturnModal';
import { parseVoucher } from '@shared/rules/rentals';
import { Pending } from '../../ui/readFailed';

type Open = { kind: 'rent'; tag?: string } | { kind: 'return'; receipt?: string; checkCode?: string } | undefined;

/** The rentals counter: availability, rent out (F2), return (F4), and a scan field that does the obvious thing. */
export function RentalsPage() {
  const t = useT();
  const api = useApi();
  const { session } = useSession();
  const board = useMethod('rentals.board', {});
  const printer = useMethod('printer.status', {});
  const [open, setOpen] = useState<Open>();
  const [tab, setTab] = useState<string | null>('out');
  const [scan, setScan] = useState('');

  /** A scanned or typed code: a receipt opens the return, a tag the rental (or the return it is out on). */
  const handleCode = useCallback(
    async (raw: string) => {
      const code = raw.trim().toUpperCase();
      if (!code) return;
      // The receipt's QR code or barcode: its number and check code, the proof it was handed back.
      const voucher = parseVoucher(code);
      if (voucher) {
        setOpen({ kind: 'return', receipt: voucher.receiptNo, checkCode: voucher.checkCode });
        return;
      }
      const receipt = receiptNo.safeParse(code);
      if (receipt.success) {
        setOpen({ kind: 'return', receipt: receipt.data });
        return;
      }
      const tag = assetTag.safeParse(code);
      if (!tag.success) {
        notify({ color: 'red', message: t('rentals.scan.unknown', { code }) });
        return;
      }
      try {
        const unit = await api.call('rentals.units.lookup', { tag: tag.data });
        if (unit.openReceiptNo) setOpen({ kind: 'return', receipt: unit.openReceiptNo });
        else if (unit.state === 'inspectionDue') {
          setTab('inspection');
          notify({ color: 'yellow', message: t('rentals.errors.notInspected', { tag: unit.tag }) });
        } else setOpen({ kind: 'rent', tag: unit.tag });
      } catch (error) {
        notifyError(t, error);
      }
    },
    [api, t],
  );

  useScanner((code) => void handleCode(code));
  // F2 and F4 work from any field, the focused scan field included.
  useHotkeys(
    [
      ['F2', () => setOpen((current) => current ?? { kind: 'rent' })],
      ['F4', () => setOpen((current) => current ?? { kind: 'return' })],
    ],
    [],
  );

  const manager = session?.staff.role === 'manager' || session?.staff.role === 'admin';
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz={28}>
          {t('rentals.title')}
        </Title>
        <Group align="flex-end">
          <TextInput
            label={t('rentals.scan.label')}
            placeholder={t('rentals.scan.placeholder')}
            leftSection={<IconScan size={20} />}
            w={340}
            value={scan}
            onChange={(e) => setScan(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void handleCode(scan);
                setScan('');
              }
            }}
            autoFocus
            data-testid="scan"
          />
          <Button size="lg" variant="default" leftSection={<IconArrowBackUp size={22} />} onClick={() => setOpen({ kind: 'return' })}>
            {t('rentals.actions.return')} <Badge ml={8} variant="outline" color="gray">F4</Badge>
          </Button>
          <Button size="lg" leftSection={<IconWheelchair size={22} />} onClick={() => setOpen({ kind: 'rent' })}>
            {t('rentals.actions.rent')} <Badge ml={8} variant="white" color="dark">F2</Badge>
          </Button>
        </Group>
      </Group>
      {board.data ? <Board board={board.data} /> : <Pending read={board} />}
      <Paper withBorder radius="lg" p="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="out">{t('rentals.tabs.out')}</Tabs.Tab>
            <Tabs.Tab value="overdue">
              {t('rentals.tabs.overdue')}
              {board.data && board.data.overdue > 0 ? (
                <Badge ml={6} color="red" size="sm">
                  {board.data.overdue}
                </Badge>
              ) : null}
            </Tabs.Tab>
            <Tabs.Tab value="returned">{t('rentals.tabs.returned')}</Tabs.Tab>
            <Tabs.Tab value="inspection">
              {t('rentals.tabs.inspection')}
              {board.data && board.data.toInspect > 0 ? (
                <Badge ml={6} color="yellow" size="sm">
                  {board.data.toInspect}
                </Badge>
              ) : null}
            </Tabs.Tab>
            <Tabs.Tab value="repairs">{t('rentals.tabs.repairs')}</Tabs.Tab>
            <Tabs.Tab value="cash">{t('rentals.tabs.cash')}</Tabs.Tab>
            <Tabs.Tab value="equipment">{t('rentals.tabs.equipment')}</Tabs.Tab>
            <Tabs.Tab value="printouts">
              {t('rentals.tabs.printouts')}
              {printer.data && printer.data.failed > 0 ? (
                <Badge ml={6} color="red" size="sm">
                  {printer.data.failed}
                </Badge>
              ) : null}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="out">
            <RentalTable view="out" onReturn={(receipt) => setOpen({ kind: 'return', receipt })} onRent={() => setOpen({ kind: 'rent' })} />
          </Tabs.Panel>
          <Tabs.Panel value="overdue">
            <RentalTable view="overdue" onReturn={(receipt) => setOpen({ kind: 'return', receipt })} />
          </Tabs.Panel>
          <Tabs.Panel value="returned">
            <RentalTable view="returned" date={board.data?.parkDate} onReturn={(receipt) => setOpen({ kind: 'return', receipt })} />
          </Tabs.Panel>
          <Tabs.Panel value="inspection">
            <InspectionPanel />
          </Tabs.Panel>
          <Tabs.Panel value="repairs">
            <RepairsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="cash">
            <CashPanel />
          </Tabs.Panel>
          <Tabs.Panel value="equipment">
            <EquipmentPanel key={manager ? 'manager' : 'counter'} />
          </Tabs.Panel>
          <Tabs.Panel value="printouts">
            <PrintoutsPanel />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      {open?.kind === 'rent' ? <CheckOutModal initialTag={open.tag} onClose={() => setOpen(undefined)} /> : null}
      {open?.kind === 'return' ? <ReturnModal initialReceipt={open.receipt} initialCheckCode={open.checkCode} onClose={() => setOpen(undefined)} /> : null}
    </Stack>
  );
}
