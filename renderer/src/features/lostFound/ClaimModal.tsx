import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { Alert, Button, Checkbox, Grid, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconHandGrab } from '@tabler/icons-react';
import { claimInput, ID_TYPES, rule, type ItemDetail, type Output } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { SelectField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { SignaturePad } from '../../ui/SignaturePad';
import { HiddenDetails, ItemPhotos } from './ItemParts';
import type { ClaimPrefill } from './Matches';
import { categoryName, LF_READS, useLfFormat } from './parts';
import { ReprintButton } from '../printing/ReprintButton';
import { JobPreview } from '../printing/JobPreview';
import { Pending } from '../../ui/readFailed';

/** The claim form: the contract's input; the "it matches" box starts unticked, so it is a boolean that must be ticked. */
const claimForm = claimInput.extend({ verified: z.boolean().refine((value) => value, rule('validation.claimNotVerified')) });

const FIELDS = ['itemId', 'claimantName', 'phone', 'identity.idType', 'identity.idNumber', 'description', 'answers', 'verified', 'verificationNote', 'ownerSignature'] as const;

/** The record beside the claim: what was taken in, its photos, and the hidden details on request. */
function Record({ item }: { item: ItemDetail }) {
  const t = useT();
  const format = useLfFormat();
  return (
    <Paper radius="md" p="md" bg="gray.0" withBorder h="100%">
      <Stack gap="sm">
        <Text fw={700} fz="lg">
          {t('lostFound.detail.record')}
        </Text>
        <Text ff="monospace" fw={700}>
          {item.itemNo}
        </Text>
        <Text fz="lg" fw={600}>
          {categoryName(t, item.category)} · {item.description}
        </Text>
        {item.colour || item.brand ? <Text>{[item.colour, item.brand].filter(Boolean).join(' · ')}</Text> : null}
        <Text fz="sm" c="dimmed">
          {t('lostFound.detail.found', { time: format.dateTime(item.foundAt), place: item.foundPlace })}
        </Text>
        <ItemPhotos item={item} size={88} />
        <HiddenDetails itemId={item.id} />
      </Stack>
    </Paper>
  );
}

function ClaimForm({ item, prefill, onDone, onCancel }: { item: ItemDetail; prefill: ClaimPrefill; onDone(done: Output<'lostFound.claim'>): void; onCancel(): void }) {
  const t = useT();
  const claim = useAction('lostFound.claim', LF_READS);
  const form = useContractForm(claimForm, {
    defaultValues: {
      itemId: item.id,
      claimantName: prefill.claimantName ?? '',
      phone: prefill.phone ?? '',
      identity: { idType: 'resident', idNumber: '' },
      description: '',
      answers: '',
      verified: false,
      verificationNote: '',
      ownerSignature: '',
    },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, FIELDS, (values) => claim.mutateAsync({ ...values, verified: true }), onDone);
  const refusal = errorOf('itemId');
  return (
    <Grid gap="lg">
      <Grid.Col span={5}>
        <Record item={item} />
      </Grid.Col>
      <Grid.Col span={7}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text fw={700} fz="lg">
              {t('lostFound.claim.owner')}
            </Text>
            {refusal ? (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            ) : null}
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label={t('lostFound.fields.claimantName')} withAsterisk autoComplete="off" data-autofocus {...form.register('claimantName')} error={errorOf('claimantName')} />
              <TextInput label={t('lostFound.fields.phone')} withAsterisk inputMode="tel" autoComplete="off" {...form.register('phone')} error={errorOf('phone')} />
              <SelectField form={form} name="identity.idType" label={t('lostFound.fields.idType')} withAsterisk data={ID_TYPES.map((type) => ({ value: type, label: t(`rentals.idTypes.${type}`) }))} />
              <TextInput label={t('lostFound.fields.idNumber')} withAsterisk autoComplete="off" {...form.register('identity.idNumber')} error={errorOf('identity.idNumber')} />
            </SimpleGrid>
            <Text fz="sm" c="dimmed">
              {t('lostFound.claim.compareHint')}
            </Text>
            <Textarea label={t('lostFound.fields.claimDescription')} withAsterisk autosize minRows={2} {...form.register('description')} error={errorOf('description')} />
            <Textarea label={t('lostFound.fields.answers')} autosize minRows={1} {...form.register('answers')} error={errorOf('answers')} />
            <Controller
              control={form.control}
              name="verified"
              render={({ field }) => (
                <Checkbox
                  size="md"
                  label={t('lostFound.fields.verified')}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  onBlur={field.onBlur}
                  error={errorOf('verified')}
                  styles={{ body: { minHeight: 44, alignItems: 'center' } }}
                />
              )}
            />
            <TextInput label={t('lostFound.fields.verificationNote')} autoComplete="off" {...form.register('verificationNote')} error={errorOf('verificationNote')} />
            <Controller
              control={form.control}
              name="ownerSignature"
              render={({ field }) => (
                <SignaturePad label={t('lostFound.fields.ownerSignature')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('ownerSignature')} data-testid="pad-owner" height={150} />
              )}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="lg" leftSection={<IconHandGrab size={22} />} loading={claim.isPending}>
                {t('lostFound.actions.returnToOwner')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
    </Grid>
  );
}

function ClaimDone({ done, onClose }: { done: Output<'lostFound.claim'>; onClose(): void }) {
  const t = useT();
  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack gap="md" style={{ flex: 1 }}>
        <Alert color="teal" icon={<IconCircleCheck size={22} />} role="status">
          <Text fz="lg" fw={600}>
            {t('lostFound.claim.done', { name: done.item.claim?.claimantName ?? '' })}
          </Text>
        </Alert>
        <Title order={2} ff="monospace" fz={34} data-testid="claimed-item-no">
          {done.item.itemNo}
        </Title>
        <Text>{done.item.claim ? `${done.item.claim.claimantName} · ${done.item.claim.idMasked}` : ''}</Text>
        <Group>
          <Button size="lg" autoFocus onClick={onClose}>
            {t('lostFound.actions.done')} ⏎
          </Button>
          <ReprintButton jobId={done.printJobId} label={t('lostFound.actions.reprintSlip')} />
        </Group>
      </Stack>
      <JobPreview jobId={done.printJobId} />
    </Group>
  );
}

/** The owner claims: their ID and account beside the record, the match confirmed, their signature; then the slip. */
export function ClaimModal({ prefill, onClose }: { prefill: ClaimPrefill; onClose(): void }) {
  const t = useT();
  const item = useMethod('lostFound.get', { itemId: prefill.itemId });
  const [done, setDone] = useState<Output<'lostFound.claim'>>();
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={700} fz="xl">
          {t('lostFound.claim.title', { itemNo: item.data?.itemNo ?? '' })}
        </Text>
      }
      size="min(1120px, 94vw)"
      centered
    >
      {done ? <ClaimDone done={done} onClose={onClose} /> : item.data ? <ClaimForm item={item.data} prefill={prefill} onDone={setDone} onCancel={onClose} /> : <Pending read={item} />}
    </Modal>
  );
}
