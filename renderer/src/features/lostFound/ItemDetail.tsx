import { useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowsExchange, IconCircleCheck, IconDiamond, IconHandGrab, IconPool, IconSignature, IconSpeakerphone } from '@tabler/icons-react';
import { lostFoundMethods, STORAGE_KINDS, type ItemDetail as Detail } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { newClientRef } from '../../ui/clientRef';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { SignaturePad } from '../../ui/SignaturePad';
import { CustodyHistory, HiddenDetails, ItemPhotos } from './ItemParts';
import { Matches, type ClaimPrefill } from './Matches';
import { categoryName, HANDOVER_WARN_MS, ItemStatusBadge, LF_READS, useLfFormat } from './parts';
import { ReprintButton } from '../printing/ReprintButton';
import { ReportPdfPanel } from '../../ui/ReportPdfPanel';

const verifyInput = lostFoundMethods['lostFound.verify'].input;
const moveInput = lostFoundMethods['lostFound.move'].input;

function VerifyModal({ item, onClose }: { item: Detail; onClose(): void }) {
  const t = useT();
  const verify = useAction('lostFound.verify', LF_READS);
  const form = useContractForm(verifyInput, { defaultValues: { itemId: item.id, signature: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['signature', 'itemId'], verify.mutateAsync, () => {
    notifySuccess(t('lostFound.messages.verified'));
    onClose();
  });
  const refusal = errorOf('itemId');
  return (
    <Modal opened onClose={onClose} title={t('lostFound.detail.verifyTitle', { itemNo: item.itemNo })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{t('lostFound.detail.verifyHint')}</Text>
          {refusal ? (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          ) : null}
          <Controller
            control={form.control}
            name="signature"
            render={({ field }) => (
              <SignaturePad label={t('lostFound.fields.verifierSignature')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('signature')} data-testid="pad-verifier" />
            )}
          />
          <FormActions onCancel={onClose} submitLabel={t('lostFound.actions.verifySign')} loading={verify.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function MoveModal({ item, onClose }: { item: Detail; onClose(): void }) {
  const t = useT();
  const move = useAction('lostFound.move', LF_READS);
  const form = useContractForm(moveInput, { defaultValues: { itemId: item.id, storageKind: item.storageKind, storagePlace: '', note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['storageKind', 'storagePlace', 'note'], move.mutateAsync, (moved) => {
    notifySuccess(t('lostFound.messages.moved', { place: `${t(`lostFound.storage.${moved.storageKind}`)} ${moved.storagePlace}` }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('lostFound.detail.moveTitle', { itemNo: item.itemNo })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">
            {t('lostFound.fields.storage')}: {t(`lostFound.storage.${item.storageKind}`)} {item.storagePlace}
          </Text>
          <Controller
            control={form.control}
            name="storageKind"
            render={({ field }) => (
              <SegmentedControl
                fullWidth
                aria-label={t('lostFound.fields.storageKind')}
                value={field.value}
                onChange={field.onChange}
                data={STORAGE_KINDS.map((kind) => ({ value: kind, label: t(`lostFound.storage.${kind}`) }))}
              />
            )}
          />
          <TextInput label={t('lostFound.fields.storagePlace')} withAsterisk data-autofocus autoComplete="off" {...form.register('storagePlace')} error={errorOf('storagePlace')} />
          <TextInput label={t('lostFound.fields.note')} autoComplete="off" {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t('lostFound.actions.moveHere')} loading={move.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div" fz="md" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * One found item in full (never its hidden check details unless asked): status, clocks, the record,
 * photos, custody history, possible owners, and what can be done with it now. The page around it
 * gives the way back (`onBack` is offered here only when the item cannot be shown).
 */
export function ItemDetail({ itemId, onBack, onClaim, onOpenItem }: { itemId: number; onBack(): void; onClaim(prefill: ClaimPrefill): void; onOpenItem(itemId: number): void }) {
  const t = useT();
  const { session } = useSession();
  const format = useLfFormat();
  const now = useParkNow();
  const detail = useMethod('lostFound.get', { itemId });
  const announce = useAction('lostFound.announce', [...LF_READS, 'paging.queue', 'paging.list']);
  const makeRecord = useAction('lostFound.recordPdf');
  const [announceRef, setAnnounceRef] = useState(newClientRef);
  const [dialog, setDialog] = useState<'verify' | 'move'>();

  if (detail.error) {
    return (
      <Stack>
        <Button variant="subtle" leftSection={<IconArrowLeft size={20} />} onClick={onBack} w="fit-content">
          {t('common.back')}
        </Button>
        <Alert color="red">{t(detail.error.body.message, detail.error.body.params)}</Alert>
      </Stack>
    );
  }
  const item = detail.data;
  if (!item) return <Loader />;
  const held = item.status === 'held';
  const receiver = item.receivedBy?.id === session?.staff.id;
  const dueNow = held && item.holdingUntil <= now;

  return (
    <Stack gap="md" data-testid="item-detail" data-item-no={item.itemNo}>
      <Paper withBorder radius="lg" p="lg">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={2} ff="monospace" fz={30} data-testid="detail-item-no">
                  {item.itemNo}
                </Title>
                <ItemStatusBadge item={item} now={now} size="xl" />
                {item.valuable ? (
                  <Badge size="lg" color="orange" variant="light" leftSection={<IconDiamond size={14} />}>
                    {t('lostFound.fields.valuable')}
                  </Badge>
                ) : null}
                {item.waterWorld ? (
                  <Badge size="lg" color="blue" variant="light" leftSection={<IconPool size={14} />}>
                    {t('lostFound.detail.waterWorld')}
                  </Badge>
                ) : null}
                {item.announced ? (
                  <Badge size="lg" color="grape" variant="light" leftSection={<IconSpeakerphone size={14} />}>
                    {t('lostFound.detail.announced')}
                  </Badge>
                ) : null}
                <Badge size="lg" color={item.verified ? 'teal' : 'gray'} variant={item.verified ? 'light' : 'outline'} leftSection={item.verified ? <IconCircleCheck size={14} /> : null} data-testid="verified-badge">
                  {item.verified && item.verifiedBy && item.verifiedAt !== null
                    ? t('lostFound.detail.verifiedBy', { name: item.verifiedBy.name, time: format.dateTime(item.verifiedAt) })
                    : t('lostFound.detail.notVerified')}
                </Badge>
              </Group>
              <Text fz="xl" fw={700}>
                {categoryName(t, item.category)} · {item.description}
              </Text>
              <Text c="dimmed">{[item.colour, item.brand].filter(Boolean).join(' · ')}</Text>
            </Stack>
            {held ? (
              <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }} data-testid="detail-clocks">
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm" c={dueNow ? 'dimmed' : undefined}>
                    {t('lostFound.fields.holdingUntil')}: {format.until(item.holdingUntil)}
                  </Text>
                  {!dueNow ? <DeadlineBadge deadline={item.holdingUntil} warnMs={HANDOVER_WARN_MS} now={now} /> : null}
                </Group>
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm" c={dueNow ? undefined : 'dimmed'}>
                    {t('lostFound.fields.handoverDueBy')}: {format.until(item.handoverDueBy)}
                  </Text>
                  {dueNow ? <DeadlineBadge deadline={item.handoverDueBy} warnMs={HANDOVER_WARN_MS} now={now} /> : null}
                </Group>
              </Stack>
            ) : null}
          </Group>
          {item.claim ? (
            <Alert color="gray" icon={<IconHandGrab size={20} />}>
              {t('lostFound.detail.claimedBy', { name: item.claim.claimantName, id: item.claim.idMasked, time: format.dateTime(item.claim.at), staff: item.claim.staff?.name ?? '' })}
              {item.claim.verificationNote ? ` · ${item.claim.verificationNote}` : ''}
            </Alert>
          ) : null}
          {item.handoverBatchNo ? <Alert color="violet">{t('lostFound.detail.handedOverIn', { batchNo: item.handoverBatchNo })}</Alert> : null}
          {held ? (
            <Group gap="sm">
              <Button size="lg" leftSection={<IconHandGrab size={22} />} onClick={() => onClaim({ itemId: item.id })}>
                {t('lostFound.actions.claim')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconSpeakerphone size={20} />}
                loading={announce.isPending}
                // One announcement at a time: the room airs and repeats the open one.
                disabled={item.announcing}
                onClick={() =>
                  announce.mutateAsync({ itemId: item.id, clientRef: announceRef }).then(
                    () => {
                      setAnnounceRef(newClientRef());
                      notifySuccess(t('lostFound.messages.announced'));
                    },
                    (error: unknown) => notifyError(t, error),
                  )
                }
              >
                {item.announcing ? t('lostFound.detail.announcing') : t('lostFound.actions.announce')}
              </Button>
              {!item.verified ? (
                <Button variant="light" leftSection={<IconSignature size={20} />} disabled={receiver} onClick={() => setDialog('verify')}>
                  {t('lostFound.actions.verify')}
                </Button>
              ) : null}
              <Button variant="default" leftSection={<IconArrowsExchange size={20} />} onClick={() => setDialog('move')}>
                {t('lostFound.actions.move')}
              </Button>
              {item.intakeJobId !== null ? <ReprintButton jobId={item.intakeJobId} label={t('lostFound.actions.reprint')} /> : null}
              {item.labelJobId !== null ? <ReprintButton jobId={item.labelJobId} label={t('lostFound.actions.reprintLabel')} /> : null}
            </Group>
          ) : null}
          {held && !item.verified && receiver ? (
            <Text fz="sm" c="dimmed">
              {t('lostFound.detail.receiverCannotVerify')}
            </Text>
          ) : null}
        </Stack>
      </Paper>

      <SimpleGrid cols={2} spacing="md">
        <Stack gap="md">
          <Paper withBorder radius="lg" p="md">
            <Title order={3} fz="lg" mb="sm">
              {t('lostFound.detail.record')}
            </Title>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label={t('lostFound.fields.foundPlace')}>{item.foundPlace}</Fact>
              <Fact label={t('lostFound.fields.foundAt')}>{format.dateTime(item.foundAt)}</Fact>
              <Fact label={t('lostFound.fields.finderName')}>
                {item.finderName}
                {item.finderDepartment ? ` · ${item.finderDepartment}` : ''}
              </Fact>
              <Fact label={t('lostFound.fields.finderPhone')}>{item.finderPhone ?? '—'}</Fact>
              <Fact label={t('lostFound.fields.storage')}>
                {t(`lostFound.storage.${item.storageKind}`)} {item.storagePlace}
              </Fact>
              <Fact label={t('lostFound.fields.receivedBy')}>
                {item.receivedBy?.name ?? '—'} · {format.dateTime(item.receivedAt)}
              </Fact>
              {item.cashCountedBy.length > 0 ? (
                <Fact label={t('lostFound.fields.cash')}>
                  <Text fz="sm" c="dimmed">
                    {t('lostFound.detail.cashCounted', { first: item.cashCountedBy[0]?.name ?? '—', second: item.cashCountedBy[1]?.name ?? '—' })}
                  </Text>
                </Fact>
              ) : null}
            </SimpleGrid>
            <Text fz="sm" c="dimmed" mt="md" mb={4}>
              {t('lostFound.fields.photos')}
            </Text>
            <ItemPhotos item={item} />
          </Paper>
          <Paper withBorder radius="lg" p="md">
            <HiddenDetails itemId={item.id} />
          </Paper>
        </Stack>
        <Stack gap="md">
          <Paper withBorder radius="lg" p="md">
            <Title order={3} fz="lg" mb="sm">
              {t('lostFound.detail.matchesTitle')}
            </Title>
            <Matches filter={{ itemId: item.id }} onClaim={onClaim} onOpenItem={onOpenItem} />
          </Paper>
          <Paper withBorder radius="lg" p="md">
            <Title order={3} fz="lg" mb="sm">
              {t('lostFound.actions.history')}
            </Title>
            <CustodyHistory itemId={item.id} />
            <Stack mt="md">
              {/* The signed record on file: intake, verification, claim, each signature as drawn. */}
              <ReportPdfPanel make={() => makeRecord.mutateAsync({ itemId: item.id })} labels={{ file: 'lostFound.record.make' }} />
            </Stack>
          </Paper>
        </Stack>
      </SimpleGrid>
      {dialog === 'verify' ? <VerifyModal item={item} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'move' ? <MoveModal item={item} onClose={() => setDialog(undefined)} /> : null}
    </Stack>
  );
}
