import { useState } from 'react';
import { Controller, type FieldPath } from 'react-hook-form';
import { Badge, Fieldset, Grid, Group, Modal, SegmentedControl, SimpleGrid, Stack, Switch, TextInput, Textarea, Input } from '@mantine/core';
import {
  CALL_BACK_CHANNELS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  complaintInput,
  complaintsMethods,
  OFFICIAL_CHANNELS,
  SEVERITIES,
  type ComplaintInput,
  type ComplaintView,
} from '@shared/contract';
import { atParkTime, formatParkTime, parkDate } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction } from '../../api/hooks';
import { newClientRef } from '../../ui/clientRef';
import { FormActions, NumberField, numberBounds } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { ChoiceChips, COMPLAINT_READS, DepartmentField } from './parts';
import { DateField, TimeField } from '../../ui/dates';

const FIELDS: ReadonlyArray<FieldPath<ComplaintInput>> = [
  'channel',
  'externalRef',
  'complainantName',
  'phone',
  'group',
  'groupSize',
  'representative',
  'place',
  'happenedAt',
  'category',
  'departmentId',
  'description',
  'request',
  'severity',
];

/** "When it happened": a date and a time in the park, held by the form as one instant. */
function HappenedAt({ value, onChange, onBlur, error }: { value: number | undefined; onChange(value: number | undefined): void; onBlur(): void; error?: string }) {
  const t = useT();
  const { info } = usePark();
  const [date, setDate] = useState(() => (value === undefined ? '' : parkDate(value, info.timeZone)));
  const [time, setTime] = useState(() => (value === undefined ? '' : formatParkTime(value, info.timeZone)));
  const update = (nextDate: string, nextTime: string) => {
    setDate(nextDate);
    setTime(nextTime);
    onChange(/^\d{4}-\d{2}-\d{2}$/.test(nextDate) && /^\d{2}:\d{2}$/.test(nextTime) ? atParkTime(nextDate, nextTime, info.timeZone) : undefined);
  };
  return (
    <Grid gap="sm" align="flex-start">
      <Grid.Col span={7}>
        <DateField label={t('complaints.fields.happenedAt')} withAsterisk value={date} onChange={(next) => update(next, time)} onBlur={onBlur} error={error} />
      </Grid.Col>
      <Grid.Col span={5}>
        <TimeField label={t('complaints.form.time')} withAsterisk value={time} onChange={(next) => update(date, next)} onBlur={onBlur} error={error ? true : undefined} />
      </Grid.Col>
    </Grid>
  );
}

/** The walk-in complaint form (顾客投诉记录): quick to fill while the visitor talks, complete enough to be the record. */
export function ComplaintForm({ onClose, onCreated }: { onClose(): void; onCreated(complaint: ComplaintView): void }) {
  const t = useT();
  const park = usePark();
  const create = useAction('complaints.create', COMPLAINT_READS);
  const [clientRef] = useState(newClientRef);
  const form = useContractForm(complaintInput, {
    defaultValues: {
      clientRef,
      channel: 'walkIn',
      complainantName: '',
      phone: '',
      group: false,
      representative: '',
      place: '',
      happenedAt: park.now(),
      description: '',
      request: '',
      severity: 'medium',
      externalRef: '',
    },
  });
  const errorOf = useFieldErrors(form);
  const channel = form.watch('channel');
  const group = form.watch('group');
  const official = channel !== undefined && OFFICIAL_CHANNELS.includes(channel);
  const submit = useFormSubmit(form, FIELDS, create.mutateAsync, (complaint) => {
    notifySuccess(t('complaints.messages.created', { complaintNo: complaint.complaintNo }));
    onCreated(complaint);
  });

  return (
    <Modal opened onClose={onClose} title={t('complaints.actions.new')} size={1040} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Fieldset legend={t('complaints.form.who')} radius="md">
            <Stack gap="sm">
              <ChoiceChips
                form={form}
                name="channel"
                label={t('complaints.fields.channel')}
                withAsterisk
                options={COMPLAINT_CHANNELS.map((value) => ({ value, label: t(`complaints.channels.${value}`) }))}
                onChosen={(value) => {
                  if (!OFFICIAL_CHANNELS.some((c) => c === value)) form.setValue('externalRef', '');
                }}
              />
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={official ? 4 : 6}>
                  <TextInput label={t('complaints.fields.complainantName')} withAsterisk autoComplete="off" data-autofocus {...form.register('complainantName')} error={errorOf('complainantName')} />
                </Grid.Col>
                <Grid.Col span={official ? 4 : 6}>
                  <TextInput
                    label={t('complaints.fields.phone')}
                    withAsterisk={channel !== undefined && CALL_BACK_CHANNELS.includes(channel)}
                    inputMode="tel"
                    autoComplete="off"
                    {...form.register('phone')}
                    error={errorOf('phone')}
                  />
                </Grid.Col>
                {official ? (
                  <Grid.Col span={4}>
                    <TextInput label={t('complaints.fields.externalRef')} autoComplete="off" {...form.register('externalRef')} error={errorOf('externalRef')} />
                  </Grid.Col>
                ) : null}
              </Grid>
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={4} pt={group ? 38 : undefined}>
                  <Controller
                    control={form.control}
                    name="group"
                    render={({ field }) => (
                      <Switch
                        size="lg"
                        label={t('complaints.fields.group')}
                        checked={field.value ?? false}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          field.onChange(on);
                          if (!on) {
                            form.setValue('groupSize', undefined);
                            form.setValue('representative', '');
                            form.clearErrors(['groupSize', 'representative']);
                          }
                        }}
                      />
                    )}
                  />
                </Grid.Col>
                {group ? (
                  <>
                    <Grid.Col span={3}>
                      <NumberField form={form} name="groupSize" label={t('complaints.fields.groupSize')} {...numberBounds(complaintInput.shape.groupSize.unwrap())} />
                    </Grid.Col>
                    <Grid.Col span={5}>
                      <TextInput label={t('complaints.fields.representative')} withAsterisk autoComplete="off" {...form.register('representative')} error={errorOf('representative')} />
                    </Grid.Col>
                  </>
                ) : null}
              </Grid>
              {group ? (
                <Badge color="violet" variant="light" size="lg" style={{ alignSelf: 'flex-start' }}>
                  {t('complaints.form.groupHint')}
                </Badge>
              ) : null}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('complaints.form.what')} radius="md">
            <Stack gap="sm">
              <Grid gap="sm" align="flex-start">
                <Grid.Col span={6}>
                  <TextInput label={t('complaints.fields.place')} withAsterisk autoComplete="off" {...form.register('place')} error={errorOf('place')} />
                </Grid.Col>
                <Grid.Col span={6}>
                  <Controller
                    control={form.control}
                    name="happenedAt"
                    render={({ field }) => <HappenedAt value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('happenedAt')} />}
                  />
                </Grid.Col>
              </Grid>
              <ChoiceChips form={form} name="category" label={t('complaints.fields.category')} withAsterisk options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.categories.${value}`) }))} />
              <DepartmentField form={form} name="departmentId" label={t('complaints.fields.department')} description={t('complaints.form.departmentHint')} placeholder={t('complaints.ui.noDepartment')} cleared={undefined} />
              <Textarea label={t('complaints.fields.description')} withAsterisk autosize minRows={3} maxRows={8} {...form.register('description')} error={errorOf('description')} />
              <Textarea label={t('complaints.fields.request')} autosize minRows={2} maxRows={6} {...form.register('request')} error={errorOf('request')} />
              <Controller
                control={form.control}
                name="severity"
                render={({ field }) => (
                  <Input.Wrapper label={t('complaints.fields.severity')} labelElement="div" error={errorOf('severity')}>
                    <div>
                      <SegmentedControl
                        mt={6}
                        aria-label={t('complaints.fields.severity')}
                        value={field.value ?? 'medium'}
                        onChange={(value) => field.onChange(value)}
                        data={SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))}
                      />
                    </div>
                  </Input.Wrapper>
                )}
              />
            </Stack>
          </Fieldset>
          <FormActions onCancel={onClose} submitLabel={t('complaints.actions.record')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

const editInput = complaintsMethods['complaints.update'].input;

/** Complete or correct the record of an open complaint (not its channel or when it came in). */
export function EditComplaintForm({ complaint, onClose }: { complaint: ComplaintView; onClose(): void }) {
  const t = useT();
  const update = useAction('complaints.update', COMPLAINT_READS);
  const form = useContractForm(editInput, {
    defaultValues: {
      id: complaint.id,
      complainantName: complaint.complainantName,
      phone: complaint.phone ?? '',
      place: complaint.place,
      category: complaint.category,
      departmentId: complaint.department?.id ?? null,
      description: complaint.description,
      request: complaint.request,
      severity: complaint.severity,
    },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['complainantName', 'phone', 'place', 'category', 'departmentId', 'description', 'request', 'severity'], update.mutateAsync, () => {
    notifySuccess(t('complaints.messages.saved', { complaintNo: complaint.complaintNo }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('complaints.actions.editTitle', { complaintNo: complaint.complaintNo })} size={900} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label={t('complaints.fields.complainantName')} withAsterisk data-autofocus {...form.register('complainantName')} error={errorOf('complainantName')} />
            <TextInput label={t('complaints.fields.phone')} inputMode="tel" {...form.register('phone')} error={errorOf('phone')} />
            <TextInput label={t('complaints.fields.place')} withAsterisk {...form.register('place')} error={errorOf('place')} />
          </SimpleGrid>
          <ChoiceChips form={form} name="category" label={t('complaints.fields.category')} options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.categories.${value}`) }))} />
          <Group grow align="flex-start">
            <DepartmentField form={form} name="departmentId" label={t('complaints.fields.department')} placeholder={t('complaints.ui.noDepartment')} cleared={null} />
            <Controller
              control={form.control}
              name="severity"
              render={({ field }) => (
                <Input.Wrapper label={t('complaints.fields.severity')} labelElement="div">
                  <div>
                    <SegmentedControl
                      mt={6}
                      aria-label={t('complaints.fields.severity')}
                      value={field.value ?? complaint.severity}
                      onChange={(value) => field.onChange(value)}
                      data={SEVERITIES.map((value) => ({ value, label: t(`complaints.severities.${value}`) }))}
                    />
                  </div>
                </Input.Wrapper>
              )}
            />
          </Group>
          <Textarea label={t('complaints.fields.description')} withAsterisk autosize minRows={3} maxRows={8} {...form.register('description')} error={errorOf('description')} />
          <Textarea label={t('complaints.fields.request')} autosize minRows={2} maxRows={6} {...form.register('request')} error={errorOf('request')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
