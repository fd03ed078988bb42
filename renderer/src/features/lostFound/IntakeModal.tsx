import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import { Alert, Badge, Button, Fieldset, Grid, Group, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconEyeOff, IconLock, IconSpeakerphone } from '@tabler/icons-react';
import { CONTAINER_CATEGORIES, intakeInput, MAX_PHOTOS, STORAGE_KINDS, timeOfDay, type LfCategory, type Output } from '@shared/contract';
import { formatParkTime, typedTimeToInstant } from '@shared/rules/time';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { newClientRef } from '../../ui/clientRef';
import { clearable, NumberField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PhotoPicker } from '../../ui/PhotoPicker';
import { SignaturePad } from '../../ui/SignaturePad';
import { CategoryPicker, LF_READS } from './parts';
import { ReprintButton } from '../printing/ReprintButton';
import { JobPreview } from '../printing/JobPreview';
import { FormTimeField } from '../../ui/dates';

/**
 * The intake form: the contract's input, with the time found typed as a time of day in the park
 * (the instant is worked out from it when the form is sent; the refined contract schema takes new
 * keys only, so `foundAt` stays, holding "now" until then).
 */
const intakeForm = intakeInput.extend({ foundTime: timeOfDay });

const FIELDS = [
  'category',
  'description',
  'colour',
  'brand',
  'foundPlace',
  'foundTime',
  'finderName',
  'finderDepartmentId',
  'finderPhone',
  'contents',
  'cashFen',
  'secondCounter.staffId',
  'secondCounter.pin',
  'storageKind',
  'storagePlace',
  'hiddenDetails',
  'photos',
  'finderSignature',
  'receiverSignature',
] as const;

const holdsContents = (category: LfCategory | undefined) => category !== undefined && CONTAINER_CATEGORIES.includes(category);
const holdsCash = (category: LfCategory | undefined) => holdsContents(category) || category === 'cash';

type Done = Output<'lostFound.intake'>;

/** After the intake: the item number large, the receipt as printed, reprints, and the one big "announce" action. */
function IntakeDone({ done, onOpen, onNext }: { done: Done; onOpen(): void; onNext(): void }) {
  const t = useT();
  const [clientRef] = useState(newClientRef);
  const announce = useAction('lostFound.announce', [...LF_READS, 'paging.queue', 'paging.list']);
  const [announced, setAnnounced] = useState(done.item.announced);
  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack gap="md" style={{ flex: 1 }}>
        <Alert color="teal" icon={<IconCircleCheck size={22} />} role="status">
          <Text fz="lg" fw={600}>
            {t('lostFound.messages.taken', { itemNo: done.item.itemNo })}
          </Text>
        </Alert>
        <Stack gap={0}>
          <Text c="dimmed">{t('lostFound.intake.numberTitle')}</Text>
          <Title order={2} ff="monospace" fz={40} data-testid="item-no">
            {done.item.itemNo}
          </Title>
          <Text c="dimmed">{t('lostFound.intake.labelHint')}</Text>
        </Stack>
        <Button
          size="xl"
          h={64}
          leftSection={announced ? <IconCircleCheck size={26} /> : <IconSpeakerphone size={26} />}
          color={announced ? 'teal' : undefined}
          variant={announced ? 'light' : 'filled'}
          disabled={announced}
          loading={announce.isPending}
          autoFocus
          onClick={() =>
            announce.mutateAsync({ itemId: done.item.id, clientRef }).then(
              () => {
                setAnnounced(true);
                notifySuccess(t('lostFound.messages.announced'));
              },
              (error: unknown) => notifyError(t, error),
            )
          }
        >
          {announced ? t('lostFound.intake.announcedDone') : t('lostFound.actions.announce')}
        </Button>
        <Group gap="sm">
          <Button size="lg" variant="light" onClick={onOpen}>
            {t('lostFound.actions.openItem')}
          </Button>
          <Button size="lg" variant="default" onClick={onNext}>
            {t('lostFound.actions.nextItem')}
          </Button>
        </Group>
        <Group gap="sm">
          <ReprintButton jobId={done.intakeJobId} label={t('lostFound.actions.reprint')} />
          <ReprintButton jobId={done.labelJobId} label={t('lostFound.actions.reprintLabel')} />
        </Group>
      </Stack>
      <JobPreview jobId={done.intakeJobId} />
    </Group>
  );
}

function IntakeForm({ onDone, onCancel }: { onDone(done: Done): void; onCancel(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const park = usePark();
  const { session } = useSession();
  const { timeZone } = park.info;
  const roster = useMethod('auth.roster', {});
  const departments = useMethod('departments.list', {});
  const categories = useMethod('lostFound.categories', {});
  const intake = useAction('lostFound.intake', LF_READS);
  const [clientRef] = useState(newClientRef);
  const me = session?.staff.id;
  const form = useContractForm(intakeForm, {
    defaultValues: {
      clientRef,
      foundAt: park.now(),
      description: '',
      colour: '',
      brand: '',
      foundPlace: '',
      foundTime: formatParkTime(park.now(), timeZone),
      waterWorld: false,
      finderName: '',
      finderPhone: '',
      contents: '',
      cashFen: 0,
      valuable: false,
      storageKind: 'shelf',
      storagePlace: '',
      hiddenDetails: '',
      photos: [],
      finderSignature: '',
      receiverSignature: '',
    },
  });
  const errorOf = useFieldErrors(form);
  const category = form.watch('category');
  const waterWorld = form.watch('waterWorld');
  const cashFen = form.watch('cashFen') ?? 0;
  const holdingDays = categories.data?.find((c) => c.code === category)?.holdingDays;
  // No cash, no second count: what was typed for it would only stand in the way of the submit.
  useEffect(() => {
    if (cashFen === 0) form.setValue('secondCounter', undefined);
  }, [cashFen, form]);

  const submit = useFormSubmit(
    form,
    FIELDS,
    async ({ foundTime, foundAt: _unused, ...values }) => {
      try {
        return await intake.mutateAsync({
          ...values,
          contents: holdsContents(values.category) ? values.contents : '',
          secondCounter: values.cashFen > 0 ? values.secondCounter : undefined,
          foundAt: typedTimeToInstant(foundTime, park.now(), timeZone),
        });
      } catch (error) {
        // The core names the instant `foundAt`; the form asks for `foundTime`.
        if (error instanceof ApiError && error.body.fields?.foundAt) {
          const { foundAt, ...fields } = error.body.fields;
          throw new ApiError({ ...error.body, fields: { ...fields, foundTime: foundAt } });
        }
        throw error;
      }
    },
    onDone,
  );

  const staff = (roster.data ?? []).map((person) => ({ value: String(person.id), label: `${person.name} (${person.code})` }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Fieldset legend={t('lostFound.intake.what')} radius="md">
          <Stack gap="sm">
            <Controller
              control={form.control}
              name="category"
              render={({ field }) => (
                <CategoryPicker
                  label={t('lostFound.fields.category')}
                  value={field.value}
                  autoFocus
                  onChange={(next) => {
                    field.onChange(next);
                    if (!holdsCash(next)) {
                      form.setValue('cashFen', 0);
                      form.setValue('secondCounter', undefined);
                    }
                  }}
                  onBlur={field.onBlur}
                  error={errorOf('category')}
                />
              )}
            />
            {category && holdingDays !== undefined ? (
              <Text fz="sm" c="dimmed" data-testid="holding-hint">
                {waterWorld || holdingDays === 0 ? t('lostFound.intake.holdingToday') : t('lostFound.intake.holding', { days: holdingDays })}
              </Text>
            ) : null}
            <Grid gap="sm">
              <Grid.Col span={6}>
                <TextInput label={t('lostFound.fields.description')} withAsterisk autoComplete="off" {...form.register('description')} error={errorOf('description')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput label={t('lostFound.fields.colour')} autoComplete="off" {...form.register('colour')} error={errorOf('colour')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput label={t('lostFound.fields.brand')} autoComplete="off" {...form.register('brand')} error={errorOf('brand')} />
              </Grid.Col>
            </Grid>
            <Controller
              control={form.control}
              name="valuable"
              render={({ field }) => (
                <Switch
                  size="md"
                  label={t('lostFound.fields.valuable')}
                  checked={field.value ?? false}
                  onChange={(e) => {
                    field.onChange(e.currentTarget.checked);
                    if (e.currentTarget.checked && !form.getFieldState('storageKind').isDirty) form.setValue('storageKind', 'safe');
                  }}
                />
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('lostFound.intake.where')} radius="md">
          {/* Lined up by their labels: an error under one field does not move the other. */}
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={6}>
              <TextInput label={t('lostFound.fields.foundPlace')} withAsterisk autoComplete="off" {...form.register('foundPlace')} error={errorOf('foundPlace')} />
            </Grid.Col>
            <Grid.Col span={3}>
              <FormTimeField form={form} name="foundTime" label={t('lostFound.fields.foundAt')} withAsterisk />
            </Grid.Col>
            <Grid.Col span={3} pt={32}>
              <Controller
                control={form.control}
                name="waterWorld"
                render={({ field }) => <Switch size="md" label={t('lostFound.fields.waterWorld')} checked={field.value ?? false} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset legend={t('lostFound.intake.finder')} radius="md">
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label={t('lostFound.fields.finderName')} withAsterisk autoComplete="off" {...form.register('finderName')} error={errorOf('finderName')} />
            <Controller
              control={form.control}
              name="finderDepartmentId"
              render={({ field }) => (
                <Select
                  label={t('lostFound.fields.finderDepartment')}
                  {...clearable(t('common.clearField', { field: t('lostFound.fields.finderDepartment') }))}
                  searchable
                  data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: language === 'zh-CN' ? d.nameZh : d.nameEn }))}
                  value={field.value === undefined ? null : String(field.value)}
                  onChange={(value) => field.onChange(value === null ? undefined : Number(value))}
                  onBlur={field.onBlur}
                  error={errorOf('finderDepartmentId')}
                />
              )}
            />
            <TextInput label={t('lostFound.fields.finderPhone')} inputMode="tel" autoComplete="off" {...form.register('finderPhone')} error={errorOf('finderPhone')} />
          </SimpleGrid>
        </Fieldset>

        {holdsCash(category) ? (
          <Fieldset legend={t('lostFound.intake.contents')} radius="md" data-testid="contents-section">
            <Stack gap="sm">
              {holdsContents(category) ? (
                <Textarea label={t('lostFound.fields.contents')} autosize minRows={2} {...form.register('contents')} error={errorOf('contents')} />
              ) : null}
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={4}>
                  <NumberField form={form} name="cashFen" label={t('lostFound.fields.cash')} min={0} fen />
                </Grid.Col>
                {cashFen > 0 ? (
                  <Grid.Col span={8}>
                    <Stack gap={4}>
                      <SimpleGrid cols={3} spacing="sm">
                        <TextInput label={t('lostFound.intake.counter1')} value={session?.staff.name ?? ''} readOnly />
                        <Controller
                          control={form.control}
                          name="secondCounter.staffId"
                          render={({ field }) => (
                            <Select
                              label={t('lostFound.intake.counter2')}
                              withAsterisk
                              searchable
                              data={staff.filter((person) => person.value !== String(me))}
                              value={field.value === undefined ? null : String(field.value)}
                              onChange={(next) => field.onChange(next === null ? undefined : Number(next))}
                              onBlur={field.onBlur}
                              error={errorOf('secondCounter.staffId')}
                            />
                          )}
                        />
                        <PasswordInput
                          label={t('lostFound.intake.counter2Pin')}
                          withAsterisk
                          inputMode="numeric"
                          autoComplete="off"
                          {...form.register('secondCounter.pin')}
                          error={errorOf('secondCounter.pin')}
                        />
                      </SimpleGrid>
                      <Text fz="sm" c="dimmed">
                        {t('lostFound.intake.cashHint')}
                      </Text>
                    </Stack>
                  </Grid.Col>
                ) : null}
              </Grid>
            </Stack>
          </Fieldset>
        ) : null}

        <Fieldset legend={t('lostFound.intake.storage')} radius="md">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={6}>
              <Controller
                control={form.control}
                name="storageKind"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text fw={500} fz="sm" id="lf-storage-kind">
                      {t('lostFound.fields.storageKind')}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-labelledby="lf-storage-kind"
                      value={field.value}
                      onChange={field.onChange}
                      data={STORAGE_KINDS.map((kind) => ({ value: kind, label: t(`lostFound.storage.${kind}`) }))}
                    />
                  </Stack>
                )}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('lostFound.fields.storagePlace')} withAsterisk autoComplete="off" {...form.register('storagePlace')} error={errorOf('storagePlace')} />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset
          legend={
            <Group gap={6} component="span">
              <IconLock size={18} aria-hidden />
              {t('lostFound.intake.hidden')}
            </Group>
          }
          radius="md"
          bg="yellow.0"
        >
          <Textarea
            label={t('lostFound.fields.hiddenDetails')}
            description={
              <Group gap={4} component="span" wrap="nowrap">
                <IconEyeOff size={16} aria-hidden />
                {t('lostFound.intake.hiddenHint')}
              </Group>
            }
            autosize
            minRows={2}
            {...form.register('hiddenDetails')}
            error={errorOf('hiddenDetails')}
          />
        </Fieldset>

        <Controller
          control={form.control}
          name="photos"
          render={({ field }) => (
            <PhotoPicker label={t('lostFound.fields.photos')} description={t('lostFound.intake.photosHint')} value={field.value ?? []} onChange={field.onChange} max={MAX_PHOTOS} error={errorOf('photos')} />
          )}
        />

        <Fieldset legend={t('lostFound.intake.signatures')} radius="md">
          <Text fz="sm" c="dimmed" mb="xs">
            {t('lostFound.intake.signaturesHint')}
          </Text>
          <SimpleGrid cols={2} spacing="md">
            <Controller
              control={form.control}
              name="finderSignature"
              render={({ field }) => (
                <SignaturePad
                  label={t('lostFound.fields.finderSignature')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorOf('finderSignature')}
                  data-testid="pad-finder"
                />
              )}
            />
            <Controller
              control={form.control}
              name="receiverSignature"
              render={({ field }) => (
                <SignaturePad
                  label={`${t('lostFound.fields.receiverSignature')}${session ? ` · ${session.staff.name}` : ''}`}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorOf('receiverSignature')}
                  data-testid="pad-receiver"
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="lg" loading={intake.isPending}>
            {t('lostFound.actions.takeIn')} ⏎
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Take in found property: the signed form, then the receipt and the PA announcement. */
export function IntakeModal({ onClose, onOpen }: { onClose(): void; onOpen(itemId: number): void }) {
  const t = useT();
  const [done, setDone] = useState<Done>();
  const [round, setRound] = useState(0);
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Group gap="sm">
          <Text fw={700} fz="xl">
            {t('lostFound.actions.intake')}
          </Text>
          {done ? (
            <Badge variant="light" color="teal" size="lg">
              {done.item.itemNo}
            </Badge>
          ) : null}
        </Group>
      }
      size="min(1120px, 94vw)"
      centered
    >
      {done ? (
        <IntakeDone
          done={done}
          onOpen={() => onOpen(done.item.id)}
          onNext={() => {
            setDone(undefined);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <IntakeForm key={round} onDone={setDone} onCancel={onClose} />
      )}
    </Modal>
  );
}
