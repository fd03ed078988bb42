import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconPhoneCall } from '@tabler/icons-react';
import { NOTIFY_CHANNELS, NOTIFY_PARTIES, personName as personNameSchema, skipPartyInput, type IncidentDetail, type NotifyChannel, type NotifyParty } from '@shared/contract';
import { ALWAYS_NOTIFIED, requiredParties } from '@shared/rules/incidents';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction } from '../../api/hooks';
import { EmptyRow, FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { REFRESH } from './parts';

/** A party the event calls for that is not told: the reason, recorded. */
function SkipModal({ incidentId, party, onClose }: { incidentId: number; party: NotifyParty; onClose(): void }) {
  const t = useT();
  const skip = useAction('incidents.skipParty', REFRESH);
  const form = useContractForm(skipPartyInput, { defaultValues: { incidentId, party, reason: '' } });
  const errorOf = useFieldErrors(form);
  const name = t(`incidents.party.${party}`);
  const submit = useFormSubmit(form, ['reason', 'party'], skip.mutateAsync, () => {
    notifySuccess(t('incidents.notify.skipSaved', { party: name }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('incidents.notify.skipTitle', { party: name })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('incidents.notify.skipHint')}</Text>
          {errorOf('party') ? (
            <Text c="red" role="alert">
              {errorOf('party')}
            </Text>
          ) : null}
          <Textarea label={t('incidents.notify.skipReason')} withAsterisk autosize minRows={2} data-autofocus {...form.register('reason')} error={errorOf('reason')} />
          <FormActions onCancel={onClose} submitLabel={t('incidents.notify.skipConfirm')} loading={skip.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Who is still to notify, in words: the parties the event calls for, or that they all are. */
function StillToNotify({ incident }: { incident: IncidentDetail }) {
  const t = useT();
  if (incident.toNotify.length === 0) {
    return (
      <Alert color="teal" icon={<IconCircleCheck size={20} />} data-testid="to-notify" data-count={0}>
        {t('incidents.notify.allDone')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={20} />} data-testid="to-notify" data-count={incident.toNotify.length}>
      <Text fw={700}>{t('incidents.notify.toNotify', { parties: incident.toNotify.map((party) => t(`incidents.party.${party}`)).join(' · ') })}</Text>
    </Alert>
  );
}

/**
 * Notify the parties concerned: choose how once, then one tap per party as each is told. The
 * parties the event calls for come first and stand out, with what is still to do; one of them
 * (never the duty manager) may be recorded as not told, with why.
 */
export function NotifyPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useT();
  const format = useParkFormat();
  const notify = useAction('incidents.notify', REFRESH);
  const [channel, setChannel] = useState<NotifyChannel>('phone');
  const [personName, setPersonName] = useState('');
  const [busy, setBusy] = useState<NotifyParty>();
  const [skipping, setSkipping] = useState<NotifyParty>();
  const suggested = requiredParties(incident.nature);
  const skippable = incident.toNotify.filter((party) => party !== ALWAYS_NOTIFIED);
  const parties = [...suggested, ...NOTIFY_PARTIES.filter((party) => !suggested.includes(party))];
  const times = (party: NotifyParty) => incident.notificationList.filter((n) => n.party === party).length;

  const record = async (party: NotifyParty) => {
    setBusy(party);
    const sent = personName;
    try {
      await notify.mutateAsync({ incidentId: incident.id, party, channel, personName: sent.trim() });
      // Cleared only if it is still the name just recorded: one typed meanwhile for the next party stays.
      setPersonName((current) => (current === sent ? '' : current));
      notifySuccess(t('incidents.notify.done', { party: t(`incidents.party.${party}`) }));
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Stack gap="sm">
      <StillToNotify incident={incident} />
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
              maxLength={personNameSchema.maxLength ?? undefined}
              onChange={(e) => setPersonName(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
            />
          </Group>
          <SimpleGrid cols={{ base: 3, xl: 5 }} spacing="xs" role="group" aria-label={t('incidents.fields.party')}>
            {parties.map((party) => {
              const count = times(party);
              // Called for and still to tell: it stands out; skipped with a reason: it no longer does.
              const isSuggested = suggested.includes(party) && !incident.skippedParties.some((k) => k.party === party);
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
          <Group justify="space-between" gap="xs">
            <Text fz="sm" c="dimmed">
              {t('incidents.notify.suggested', { parties: suggested.map((party) => t(`incidents.party.${party}`)).join(' · ') })}
            </Text>
            <Group gap="xs">
              {skippable.map((party) => (
                <Button key={party} variant="subtle" onClick={() => setSkipping(party)} data-testid={`skip-${party}`}>
                  {t('incidents.notify.skip', { party: t(`incidents.party.${party}`) })}
                </Button>
              ))}
            </Group>
          </Group>
        </>
      )}
      {skipping ? <SkipModal incidentId={incident.id} party={skipping} onClose={() => setSkipping(undefined)} /> : null}
      <Table verticalSpacing={6} fz="md" data-testid="notifications">
        <Table.Tbody>
          {incident.notificationList.length + incident.skippedParties.length === 0 ? <EmptyRow colSpan={4}>{t('incidents.notify.empty')}</EmptyRow> : null}
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
          {incident.skippedParties.map((k) => (
            <Table.Tr key={`skip-${k.id}`} data-testid="party-skipped">
              <Table.Td ff="monospace" w={70}>
                {format.time(k.at)}
              </Table.Td>
              <Table.Td>
                <Text fw={600}>{t(`incidents.party.${k.party}`)}</Text>
                <Text fz="sm" c="dimmed">
                  {t('incidents.notify.skipped', { reason: k.reason })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                  {t('incidents.notify.notNotified')}
                </Badge>
              </Table.Td>
              <Table.Td c="dimmed">{k.by.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
