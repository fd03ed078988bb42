import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Grid, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { lostFoundMethods, timeOfDay, type ReportView } from '@shared/contract';
import { formatParkTime, typedTimeToInstant } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { newClientRef } from '../../ui/clientRef';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { CategoryPicker, LF_READS } from './parts';
import { FormTimeField } from '../../ui/dates';

/** The lost report: the contract's input, with the time lost typed as a time of day in the park. */
const reportForm = lostFoundMethods['lostFound.reports.create'].input.omit({ clientRef: true, lostAt: true }).extend({ lostTime: timeOfDay });

const FIELDS = ['category', 'description', 'colour', 'lostPlace', 'lostTime', 'visitorName', 'phone'] as const;

/** A visitor lost something: what, where, when, how to reach them. The matches show at once. */
export function ReportModal({ onClose, onRecorded }: { onClose(): void; onRecorded(report: ReportView): void }) {
  const t = useT();
  const park = usePark();
  const { timeZone } = park.info;
  const [clientRef] = useState(newClientRef);
  const create = useAction('lostFound.reports.create', LF_READS);
  const form = useContractForm(reportForm, {
    defaultValues: { description: '', colour: '', lostPlace: '', lostTime: formatParkTime(park.now(), timeZone), visitorName: '', phone: '' },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(
    form,
    FIELDS,
    async ({ lostTime, ...values }) => {
      try {
        return await create.mutateAsync({ ...values, clientRef, lostAt: typedTimeToInstant(lostTime, park.now(), timeZone) });
      } catch (error) {
        if (error instanceof ApiError && error.body.fields?.lostAt) {
          const { lostAt, ...fields } = error.body.fields;
          throw new ApiError({ ...error.body, fields: { ...fields, lostTime: lostAt } });
        }
        throw error;
      }
    },
    (report) => {
      notifySuccess(t('lostFound.messages.reported', { reportNo: report.reportNo }));
      onRecorded(report);
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('lostFound.reports.newTitle')} size="min(980px, 94vw)" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="category"
            render={({ field }) => <CategoryPicker label={t('lostFound.fields.category')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf('category')} autoFocus />}
          />
          <Grid gap="sm">
            <Grid.Col span={8}>
              <TextInput label={t('lostFound.fields.description')} withAsterisk autoComplete="off" {...form.register('description')} error={errorOf('description')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('lostFound.fields.colour')} autoComplete="off" {...form.register('colour')} error={errorOf('colour')} />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={t('lostFound.fields.lostPlace')} withAsterisk autoComplete="off" {...form.register('lostPlace')} error={errorOf('lostPlace')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <FormTimeField form={form} name="lostTime" label={t('lostFound.fields.lostAt')} withAsterisk />
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('lostFound.fields.visitorName')} withAsterisk autoComplete="off" {...form.register('visitorName')} error={errorOf('visitorName')} />
            <TextInput label={t('lostFound.fields.phone')} withAsterisk inputMode="tel" autoComplete="off" {...form.register('phone')} error={errorOf('phone')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={t('lostFound.actions.saveReport')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
