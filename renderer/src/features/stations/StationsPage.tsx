import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { IconAlertTriangle, IconKey, IconPlugConnected, IconPlugConnectedX, IconX } from '@tabler/icons-react';
import { DEFAULT_SETTINGS, settingsFields, type SharingStatus, type StationView } from '@shared/contract';
import { MINUTE } from '@shared/rules/time';
import { STATION_ONLINE_MS } from '@shared/rules/stations';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { EmptyRow, NumberField, numberBounds } from '../../ui/fields';
import { useContractForm, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useLiveEvent } from '../paging/useLiveEvent';

const sharingForm = settingsFields.pick({ sharingEnabled: true, sharingPort: true }).strict();

/** The setting, and what the counter reports: where it listens, its certificate, or why not. */
function SharingCard({ status }: { status: SharingStatus | undefined }) {
  const t = useT();
  const settings = useMethod('settings.get', {});
  const update = useAction('settings.update', ['stations.status', 'settings.get']);
  const values = settings.data ? { sharingEnabled: settings.data.sharingEnabled, sharingPort: settings.data.sharingPort } : undefined;
  const form = useContractForm(sharingForm, { values, defaultValues: { sharingEnabled: false, sharingPort: DEFAULT_SETTINGS.sharingPort } });
  const submit = useFormSubmit(form, ['sharingEnabled', 'sharingPort'], update.mutateAsync, () => notifySuccess(t('stations.sharing.saved')));

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="sharing-title">
      <Title order={2} fz="xl" id="sharing-title" mb="md">
        {t('stations.sharing.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="lg">
          <Controller
            control={form.control}
            name="sharingEnabled"
            render={({ field }) => <Switch size="lg" label={t('stations.sharing.toggle')} checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} />}
          />
          <NumberField form={form} name="sharingPort" label={t('stations.sharing.port')} {...numberBounds(settingsFields.shape.sharingPort)} />
          <Button type="submit" loading={update.isPending}>
            {t('stations.sharing.save')}
          </Button>
        </Group>
      </form>
      <Stack gap="xs" mt="lg">
        {!status?.enabled ? (
          <Text c="dark.4">{t('stations.sharing.off')}</Text>
        ) : status.problem ? (
          <Alert color="red" icon={<IconAlertTriangle />} role="alert">
            {t('stations.sharing.problem', { problem: status.problem })}
          </Alert>
        ) : !status.listening ? (
          <Text c="dark.4">{t('stations.sharing.starting')}</Text>
        ) : (
          <>
            <Text fw={600}>{t('stations.sharing.listening')}</Text>
            <Group gap="xs" data-testid="lan-addresses">
              {status.addresses.map((address) => (
                <Code key={address} fz="md">
                  {address}
                </Code>
              ))}
            </Group>
            <Text fw={600} mt="sm">
              {t('stations.sharing.fingerprint')}
            </Text>
            <Code block fz="sm" data-testid="fingerprint">
              {status.fingerprint}
            </Code>
            <Text fz="sm" c="dark.4">
              {t('stations.sharing.fingerprintHint')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The pairing code, big enough to read across the desk, with its clock. */
function PairingCard({ status }: { status: SharingStatus | undefined }) {
  const t = useT();
  const format = useParkFormat();
  const now = useParkNow(5_000);
  const open = useAction('stations.openPairing', ['stations.status']);
  const close = useAction('stations.closePairing', ['stations.status']);
  const pairing = status?.pairing;
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="pairing-title">
      <Title order={2} fz="xl" id="pairing-title" mb="md">
        {t('stations.pairing.title')}
      </Title>
      {pairing ? (
        <Stack gap="sm">
          <Text fz="sm" fw={600} c="dark.4" id="pairing-code-label">
            {t('stations.pairing.codeLabel')}
          </Text>
          <Text component="output" aria-labelledby="pairing-code-label" ff="monospace" fz={44} fw={800} lts={4} data-testid="pairing-code">
            {pairing.code}
          </Text>
          <Group gap="sm">
            <DeadlineBadge deadline={pairing.expiresAt} warnMs={3 * MINUTE} now={now} />
            <Text c="dark.4">{t('stations.pairing.expires', { time: format.time(pairing.expiresAt) })}</Text>
          </Group>
          <Text c="dark.4">{t('stations.pairing.hint')}</Text>
          <Group>
            <Button variant="light" leftSection={<IconKey size={18} />} loading={open.isPending} onClick={() => void act(() => open.mutateAsync({}))}>
              {t('stations.pairing.renew')}
            </Button>
            <Button variant="default" leftSection={<IconX size={18} />} loading={close.isPending} onClick={() => void act(() => close.mutateAsync({}))}>
              {t('stations.pairing.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Button size="lg" leftSection={<IconKey />} disabled={!status?.listening} loading={open.isPending} onClick={() => void act(() => open.mutateAsync({}))}>
            {t('stations.pairing.open')}
          </Button>
          {!status?.listening ? <Text c="dark.4">{t('stations.pairing.needsSharing')}</Text> : null}
        </Stack>
      )}
    </Paper>
  );
}

function RevokeModal({ station, onClose }: { station: StationView; onClose(): void }) {
  const t = useT();
  const revoke = useAction('stations.revoke', ['stations.list', 'stations.status']);
  const confirm = async () => {
    try {
      await revoke.mutateAsync({ stationId: station.id });
      notifySuccess(t('stations.list.revoked', { name: station.name }));
      onClose();
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('stations.list.revokeTitle', { name: station.name })} centered>
      <Stack>
        <Alert color="red" icon={<IconAlertTriangle />}>
          {t('stations.list.revokeWarning')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => void confirm()} data-autofocus>
            {t('stations.list.revokeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StationsTable() {
  const t = useT();
  const format = useParkFormat();
  const now = useParkNow(15_000);
  const list = useMethod('stations.list', {});
  const [revoking, setRevoking] = useState<StationView>();

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="stations-title">
      <Title order={2} fz="xl" id="stations-title" mb="md">
        {t('stations.list.title')}
      </Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" aria-labelledby="stations-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stations.list.name')}</Table.Th>
              <Table.Th>{t('stations.list.paired')}</Table.Th>
              <Table.Th>{t('stations.list.lastSeen')}</Table.Th>
              <Table.Th>{t('stations.list.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.length === 0 || list.error ? <EmptyRow read={list} colSpan={5}>{t('stations.list.empty')}</EmptyRow> : null}
            {list.data?.map((station) => {
              const online = station.revokedAt === null && station.lastSeenAt !== null && now - station.lastSeenAt < STATION_ONLINE_MS;
              return (
                <Table.Tr key={station.id}>
                  <Table.Th scope="row" fw={700}>
                    {station.name}
                  </Table.Th>
                  <Table.Td>{t('stations.list.pairedBy', { time: format.dateTime(station.pairedAt), name: station.pairedBy })}</Table.Td>
                  <Table.Td>
                    <Text>{station.lastSeenAt === null ? t('stations.list.never') : format.dateTime(station.lastSeenAt)}</Text>
                    {station.lastAddress ? (
                      <Text fz="sm" c="dark.4">
                        {station.lastAddress}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {station.revokedAt !== null ? (
                      <Badge color="red" variant="light" leftSection={<IconPlugConnectedX size={14} />}>
                        {t('stations.list.revokedBy', { name: station.revokedBy ?? '', time: format.dateTime(station.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color={online ? 'teal' : 'gray'} variant="light" leftSection={<IconPlugConnected size={14} />}>
                        {online ? t('stations.list.online') : t('stations.list.away')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {station.revokedAt === null ? (
                      <Button variant="light" color="red" onClick={() => setRevoking(station)} aria-label={t('stations.list.revokeLabel', { name: station.name })}>
                        {t('stations.list.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {revoking ? <RevokeModal station={revoking} onClose={() => setRevoking(undefined)} /> : null}
    </Paper>
  );
}

/** The duty manager's stations: sharing on the park LAN, the pairing code, the paired PCs. */
export function StationsPage() {
  const t = useT();
  const status = useMethod('stations.status', {});
  useLiveEvent('stations.paired', (event) => notifySuccess(t('stations.pairing.paired', { name: event.payload.name })));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={28}>
          {t('stations.title')}
        </Title>
        <Text c="dark.4" maw={900}>
          {t('stations.intro')}
        </Text>
      </Stack>
      <SharingCard status={status.data} />
      <PairingCard status={status.data} />
      <StationsTable />
    </Stack>
  );
}
