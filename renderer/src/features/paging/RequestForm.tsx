import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { Alert, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import type { z } from 'zod';
import {
  checkChildAge,
  generalDetails,
  lostPropertyDetails,
  missingPersonFields,
  PAGING_KINDS,
  SEXES,
  summonHeadDetails,
  timeOfDay,
  type PagingDetails,
  type PagingKind,
  type PagingView,
} from '@shared/contract';
import { formatParkTime, typedTimeToInstant } from '@shared/rules/time';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { clearable, FormActions, NumberField, numberBounds, SelectField } from '../../ui/fields';
import { newClientRef } from '../../ui/clientRef';
import { notifySuccess } from '../../ui/notify';
import { ScriptPreview } from './ScriptPreview';
import { FormTimeField } from '../../ui/dates';

type Submit = (details: PagingDetails) => Promise<unknown>;

/**
 * The missing-person form: the last-seen time is typed as HH:mm in the park and sent as an instant.
 * The contract's limits (age, height, repeat interval, a child's age) are the form's: a number out of
 * range is refused next to its field, never changed to the nearest limit.
 */
const missingForm = missingPersonFields.omit({ lastSeenAt: true }).extend({ lastSeenTime: timeOfDay }).superRefine(checkChildAge);

const AGE = numberBounds(missingPersonFields.shape.age);
const HEIGHT = numberBounds(missingPersonFields.shape.heightCm.unwrap());
const REPEAT = numberBounds(missingPersonFields.shape.repeatMinutes.unwrap());

function MissingPersonForm({ initial, submit, onCancel, label, pending }: { initial?: Extract<PagingDetails, { kind: 'missingPerson' }>; submit: Submit; onCancel(): void; label: string; pending: boolean }) {
  const t = useT();
  const park = usePark();
  const { timeZone } = park.info;
  const form = useContractForm(missingForm, {
    defaultValues: initial
      ? { ...initial, lastSeenTime: formatParkTime(initial.lastSeenAt, timeZone) }
      : {
          kind: 'missingPerson',
          child: true,
          name: '',
          sex: 'unknown',
          clothing: '',
          lastSeenPlace: '',
          clothingEn: '',
          lastSeenPlaceEn: '',
          lastSeenTime: formatParkTime(park.now(), timeZone),
          guardianName: '',
          guardianPhone: '',
          meetingPoint: t('paging.defaults.meetingPoint'),
          repeatMinutes: 10,
        },
  });
  const errorOf = useFieldErrors(form);
  // A new request's default meeting point follows the screen's language until the counter types another.
  const visitorCenter = t('paging.defaults.meetingPoint');
  const isNew = initial === undefined;
  useEffect(() => {
    if (isNew && !form.getFieldState('meetingPoint').isDirty) form.resetField('meetingPoint', { defaultValue: visitorCenter });
  }, [form, isNew, visitorCenter]);
  const onSubmit = useFormSubmit(
    form,
    ['name', 'age', 'sex', 'heightCm', 'clothing', 'lastSeenPlace', 'clothingEn', 'lastSeenPlaceEn', 'lastSeenTime', 'guardianName', 'guardianPhone', 'meetingPoint', 'repeatMinutes'],
    ({ lastSeenTime, ...values }) => {
      return submit({ ...values, lastSeenAt: typedTimeToInstant(lastSeenTime, park.now(), timeZone) });
    },
    () => undefined,
  );
  const values = form.watch();
  const preview = useMemo(() => {
    const parsed = missingForm.safeParse(values);
    if (!parsed.success) return undefined;
    const { lastSeenTime, ...rest } = parsed.data;
    return { ...rest, lastSeenAt: typedTimeToInstant(lastSeenTime, park.now(), timeZone) };
  }, [values, park, timeZone]);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="child"
          render={({ field }) => (
            <Switch
              size="md"
              label={t('paging.fields.child')}
              checked={field.value}
              onChange={(e) => {
                field.onChange(e.currentTarget.checked);
                // Whether the age fits depends on this switch: an age already checked is checked again.
                if (form.getFieldState('age').isTouched || form.formState.isSubmitted) void form.trigger('age');
              }}
            />
          )}
        />
        <SimpleGrid cols={4}>
          <TextInput label={t('paging.fields.name')} withAsterisk data-autofocus {...form.register('name')} error={errorOf('name')} />
          <NumberField form={form} name="age" label={t('paging.fields.age')} {...AGE} />
          <SelectField form={form} name="sex" label={t('paging.fields.sex')} data={SEXES.map((sex) => ({ value: sex, label: t(`paging.sexes.${sex}`) }))} />
          <NumberField form={form} name="heightCm" label={t('paging.fields.heightCm')} {...HEIGHT} />
        </SimpleGrid>
        <TextInput label={t('paging.fields.clothing')} withAsterisk {...form.register('clothing')} error={errorOf('clothing')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('paging.fields.lastSeenPlace')} withAsterisk {...form.register('lastSeenPlace')} error={errorOf('lastSeenPlace')} />
          <FormTimeField form={form} name="lastSeenTime" label={t('paging.fields.lastSeenAt')} withAsterisk />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label={t('paging.fields.clothingEn')} lang="en" {...form.register('clothingEn')} error={errorOf('clothingEn')} />
          <TextInput label={t('paging.fields.lastSeenPlaceEn')} lang="en" {...form.register('lastSeenPlaceEn')} error={errorOf('lastSeenPlaceEn')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <TextInput label={t('paging.fields.guardianName')} withAsterisk {...form.register('guardianName')} error={errorOf('guardianName')} />
          <TextInput label={t('paging.fields.guardianPhone')} withAsterisk inputMode="tel" {...form.register('guardianPhone')} error={errorOf('guardianPhone')} />
          <TextInput label={t('paging.fields.meetingPoint')} withAsterisk {...form.register('meetingPoint')} error={errorOf('meetingPoint')} />
        </SimpleGrid>
        <NumberField form={form} name="repeatMinutes" label={t('paging.fields.repeatMinutes')} {...REPEAT} />
        <ScriptPreview details={preview} />
        <FormActions onCancel={onCancel} submitLabel={label} loading={pending} />
      </Stack>
    </form>
  );
}

interface KindFormProps<D> {
  initial?: D;
  submit: Submit;
  onCancel(): void;
  label: string;
  pending: boolean;
}

function SummonForm({ initial, submit, onCancel, label, pending }: KindFormProps<z.input<typeof summonHeadDetails>>) {
  const t = useT();
  const { language } = useLanguage();
  const departments = useMethod('departments.list', {});
  const form = useContractForm(summonHeadDetails, { defaultValues: initial ?? { kind: 'summonHead', reason: '' } });
  const errorOf = useFieldErrors(form);
  const onSubmit = useFormSubmit(form, ['departmentId', 'reason'], submit, () => undefined);
  const parsed = summonHeadDetails.safeParse(form.watch());
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SelectField
          form={form}
          name="departmentId"
          label={t('paging.fields.department')}
          withAsterisk
          searchable
          parse={Number}
          data={(departments.data ?? []).map((d) => ({ value: String(d.id), label: `${language === 'zh-CN' ? d.nameZh : d.nameEn}${d.headName ? ` · ${d.headName}` : ''}` }))}
        />
        <TextInput label={t('paging.fields.reason')} {...form.register('reason')} error={errorOf('reason')} />
        <ScriptPreview details={parsed.success ? parsed.data : undefined} />
        <FormActions onCancel={onCancel} submitLabel={label} loading={pending} />
      </Stack>
    </form>
  );
}

function LostPropertyForm({ initial, submit, onCancel, label, pending }: KindFormProps<z.input<typeof lostPropertyDetails>>) {
  const t = useT();
  const form = useContractForm(lostPropertyDetails, {
    defaultValues: initial ?? { kind: 'lostProperty', item: '', foundPlace: '', claimPoint: t('paging.defaults.claimPoint'), itemEn: '', foundPlaceEn: '', claimPointEn: '' },
  });
  const errorOf = useFieldErrors(form);
  const onSubmit = useFormSubmit(form, ['item', 'foundPlace', 'claimPoint', 'itemEn', 'foundPlaceEn', 'claimPointEn'], submit, () => undefined);
  const parsed = lostPropertyDetails.safeParse(form.watch());
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <TextInput label={t('paging.fields.item')} withAsterisk data-autofocus {...form.register('item')} error={errorOf('item')} />
          <TextInput label={t('paging.fields.foundPlace')} withAsterisk {...form.register('foundPlace')} error={errorOf('foundPlace')} />
          <TextInput label={t('paging.fields.claimPoint')} withAsterisk {...form.register('claimPoint')} error={errorOf('claimPoint')} />
          <TextInput label={t('paging.fields.itemEn')} lang="en" {...form.register('itemEn')} error={errorOf('itemEn')} />
          <TextInput label={t('paging.fields.foundPlaceEn')} lang="en" {...form.register('foundPlaceEn')} error={errorOf('foundPlaceEn')} />
          <TextInput label={t('paging.fields.claimPointEn')} lang="en" {...form.register('claimPointEn')} error={errorOf('claimPointEn')} />
        </SimpleGrid>
        <ScriptPreview details={parsed.success ? parsed.data : undefined} />
        <FormActions onCancel={onCancel} submitLabel={label} loading={pending} />
      </Stack>
    </form>
  );
}

/** A general announcement: a standard text from the managers' library, adjusted if need be, or the counter's own words. */
function GeneralForm({ initial, submit, onCancel, label, pending }: KindFormProps<z.input<typeof generalDetails>>) {
  const t = useT();
  const { language } = useLanguage();
  const texts = useMethod('paging.generalTexts.list', {});
  const form = useContractForm(generalDetails, { defaultValues: initial ?? { kind: 'general', textZh: '', textEn: '' } });
  const errorOf = useFieldErrors(form);
  const onSubmit = useFormSubmit(form, ['textZh', 'textEn', 'standardTextId'], submit, () => undefined);
  const standardTextId = form.watch('standardTextId');
  const choose = (value: string | null) => {
    const chosen = (texts.data ?? []).find((text) => String(text.id) === value);
    form.setValue('standardTextId', chosen?.id);
    if (!chosen) return;
    form.setValue('textZh', chosen.textZh, { shouldValidate: form.formState.isSubmitted });
    form.setValue('textEn', chosen.textEn, { shouldValidate: form.formState.isSubmitted });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('paging.fields.standardText')}
          description={t('paging.scripts.pickHint')}
          placeholder={t('paging.scripts.ownWording')}
          searchable
          {...clearable(t('common.clearField', { field: t('paging.fields.standardText') }))}
          data={(texts.data ?? []).map((text) => ({ value: String(text.id), label: language === 'zh-CN' ? text.titleZh : text.titleEn }))}
          value={standardTextId === undefined ? null : String(standardTextId)}
          onChange={choose}
          error={errorOf('standardTextId')}
          data-autofocus
          data-testid="standard-text"
        />
        <Textarea label={t('paging.fields.textZh')} withAsterisk autosize minRows={3} {...form.register('textZh')} error={errorOf('textZh')} />
        <Textarea label={t('paging.fields.textEn')} autosize minRows={2} {...form.register('textEn')} error={errorOf('textEn')} />
        <FormActions onCancel={onCancel} submitLabel={label} loading={pending} />
      </Stack>
    </form>
  );
}

/** Register a paging request (or correct one): the kind, its fields, and the script as it will be read. */
export function RequestForm({ initial, onClose }: { initial?: PagingView; onClose(): void }) {
  const t = useT();
  const [kind, setKind] = useState<PagingKind>(initial?.kind ?? 'missingPerson');
  const [clientRef] = useState(newClientRef);
  const register = useAction('paging.register', ['paging.queue', 'paging.list']);
  const update = useAction('paging.update', ['paging.queue', 'paging.list']);
  const pending = register.isPending || update.isPending;
  const label = initial ? t('paging.actions.save') : t('paging.actions.register');

  const submit: Submit = async (details) => {
    try {
      if (initial) await update.mutateAsync({ id: initial.id, details });
      else await register.mutateAsync({ clientRef, details });
    } catch (error) {
      // The counter names the request's fields `details.<field>`; the kind's form names them `<field>`
      // (the time last seen is typed as a time of day).
      if (error instanceof ApiError && error.body.fields) {
        const formPath = (path: string) => path.replace(/^details\./, '').replace(/^lastSeenAt$/, 'lastSeenTime');
        throw new ApiError({ ...error.body, fields: Object.fromEntries(Object.entries(error.body.fields).map(([path, field]) => [formPath(path), field])) });
      }
      throw error;
    }
    notifySuccess(t('paging.counter.registered'));
    onClose();
  };
  const initialOf = <K extends PagingKind>(k: K) => (initial?.details.kind === k ? (initial.details as Extract<PagingDetails, { kind: K }>) : undefined);
  const forms: Record<PagingKind, ReactNode> = {
    missingPerson: <MissingPersonForm initial={initialOf('missingPerson')} submit={submit} onCancel={onClose} label={label} pending={pending} />,
    summonHead: <SummonForm initial={initialOf('summonHead')} submit={submit} onCancel={onClose} label={label} pending={pending} />,
    lostProperty: <LostPropertyForm initial={initialOf('lostProperty')} submit={submit} onCancel={onClose} label={label} pending={pending} />,
    general: <GeneralForm initial={initialOf('general')} submit={submit} onCancel={onClose} label={label} pending={pending} />,
  };

  return (
    <Modal opened onClose={onClose} title={initial ? t('paging.actions.edit') : t('paging.actions.newRequest')} size="xl" centered>
      <Stack gap="md">
        {initial ? null : (
          <SegmentedControl
            fullWidth
            size="md"
            value={kind}
            onChange={(value) => setKind(value as PagingKind)}
            data={PAGING_KINDS.map((k) => ({ value: k, label: t(`paging.kinds.${k}`) }))}
          />
        )}
        {register.error || update.error ? <Alert color="red">{t((register.error ?? update.error)?.body.message ?? 'errors.INTERNAL')}</Alert> : null}
        {initial ? forms[kind] : PAGING_KINDS.map((k) => (
          // Every kind's form stays mounted, the others hidden: switching the kind keeps what was typed in each.
          <div key={k} hidden={kind !== k}>
            {forms[k]}
          </div>
        ))}
      </Stack>
    </Modal>
  );
}
