import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPhoneCall } from '@tabler/icons-react';
import { NOTIFY_CHANNELS, NOTIFY_PARTIES, type IncidentDetail, type NotifyChannel, type NotifyParty } from '@shared/contract';
import { SUGGESTED_PARTIES } from '@shared/rules/incidents';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction } from '../../api/hooks';
import { EmptyRow } from '../../ui/fields';
import { notifyError, notifySuccess } from '../../ui/notify';
import { REFRESH } from './parts';

/**
 * Notify the parties concerned: choose how once, then one tap per party as each is told. The
 * parties that fit the event come first and stand out; each shows how often it was notified.
 */
export function NotifyPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useT();
  const format = useParkFormat();
  const notify = useAction('incidents.notify', REFRESH);
  const [channel, setChannel] = useState<NotifyChannel>('phone');
  const [personName, setPersonName] = useState('');
  const [busy, setBusy] = useState<NotifyParty>();
  const suggested = SUGGESTED_PARTIES[incident.nature];
  const parties = [...suggested, ...NOTIFY_PARTIES.filter((party) => !suggested.includes(party))];
  const times = (party: NotifyParty) => incident.notificationList.filter((n) => n.party === party).length;

  const record = async (party: NotifyParty) => {
    setBusy(party);
    try {
      await notify.mutateAsync({ incidentId: incident.id, party, channel, personName: personName.trim() });
      setPersonName('');
      notifySuccess(t('incidents.notify.done', { party: t(`incidents.party.${party}`) }));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Stack gap="sm">
      {readOnly ? null : (
        <>
          <Text c="dimmed">{t('incidents.notify.hint')}</Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="notify-channel-label">
                {t('incidents.fields.channel')}
              </Text>
              <SegmentedControl
                aria-labelledby="notify-channel-label"
                value={channel}
                onChange={(value) => setChannel(value as NotifyChannel)}
                data={NOTIFY_CHANNELS.map((value) => ({ value, label: t(`incidents.channel.${value}`) }))}
              />
            </Stack>
            <TextInput
              label={t('incidents.fields.personName')}
              value={personName}
              maxLength={40}
              onChange={(e) => setPersonName(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
            />
          </Group>
          <SimpleGrid cols={{ base: 3, xl: 5 }} spacing="xs" role="group" aria-label={t('incidents.fields.party')}>
            {parties.map((party) => {
              const count = times(party);
              const isSuggested = suggested.includes(party);
              return (
                <Button
                  key={party}
                  size="lg"
                  h={56}
                  variant={count > 0 ? 'light' : isSuggested ? 'filled' : 'default'}
                  color={count > 0 ? 'teal' : isSuggested ? 'indigo' : undefined}
                  leftSection={count > 0 ? <IconCheck size={20} /> : <IconPhoneCall size={20} />}
                  loading={busy === party}
                  disabled={busy !== undefined && busy !== party}
                  onClick={() => void record(party)}
                  aria-label={t(`incidents.party.${party}`)}
                  data-testid={`notify-${party}`}
                  styles={{ label: { whiteSpace: 'normal', lineHeight: 1.15 } }}
                >
                  <Stack gap={0} align="flex-start">
                    <span>{t(`incidents.party.${party}`)}</span>
                    {count > 0 ? <Text fz="xs">{t('incidents.notify.times', { count })}</Text> : null}
                  </Stack>
                </Button>
              );
            })}
          </SimpleGrid>
          <Text fz="sm" c="dimmed">
            {t('incidents.notify.suggested', { parties: suggested.map((party) => t(`incidents.party.${party}`)).join(' · ') })}
          </Text>
        </>
      )}
      <Table verticalSpacing={6} fz="md" data-testid="notifications">
        <Table.Tbody>
          {incident.notificationList.length === 0 ? <EmptyRow colSpan={4}>{t('incidents.notify.empty')}</EmptyRow> : null}
          {incident.notificationList.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td ff="monospace" w={70}>
                {format.time(n.at)}
              </Table.Td>
              <Table.Td>
                <Text fw={600}>{t(`incidents.party.${n.party}`)}</Text>
                {n.personName ? (
                  <Text fz="sm" c="dimmed">
                    {n.personName}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {t(`incidents.channel.${n.channel}`)}
                </Badge>
              </Table.Td>
              <Table.Td c="dimmed">{n.by.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
