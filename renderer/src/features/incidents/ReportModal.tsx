import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { INCIDENT_NATURES, reportFormInput, type IncidentDetail } from '@shared/contract';
import { formatParkTime, typedTimeToInstant } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { applyServerErrors, useContractForm, useFieldErrors } from '../../ui/form';
import { notifyError } from '../../ui/notify';
import { REFRESH } from './parts';
import { FormTimeField } from '../../ui/dates';

const FIELDS = ['reporterName', 'reporterPhone', 'reporterAddress', 'nature', 'location', 'description', 'occurredTime'] as const;

/**
 * The report, taken while the person talks: who (and how to reach them), what, where, when. Tab
 * moves on, arrows pick the kind of event, Enter records (Ctrl+Enter from the details box).
 */
export function ReportModal({ onClose, onReported }: { onClose(): void; onReported(incident: IncidentDetail): void }) {
  const t = useT();
  const park = usePark();
  const report = useAction('incidents.report', REFRESH);
  const form = useContractForm(reportFormInput, {
    defaultValues: {
      reporterName: '',
      reporterPhone: '',
      reporterAddress: '',
      location: '',
      description: '',
      occurredTime: formatParkTime(park.now(), park.info.timeZone),
    },
  });
  const errorOf = useFieldErrors(form);

  const submit = form.handleSubmit(async ({ occurredTime, ...values }) => {
    const occurredAt = typedTimeToInstant(occurredTime, park.now(), park.info.timeZone);
    try {
      onReported(await report.mutateAsync({ ...values, occurredAt }));
    } catch (error) {
      if (error instanceof ApiError && error.body.fields?.occurredAt) {
        form.setError('occurredTime', { type: 'server', message: error.body.fields.occurredAt.key }, { shouldFocus: true });
        return;
      }
      if (!applyServerErrors(form, error, FIELDS)) notifyError(t, error);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('incidents.report.title')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed">{t('incidents.report.hint')}</Text>
          <SimpleGrid cols={3}>
            <TextInput label={t('incidents.fields.reporterName')} withAsterisk autoComplete="off" data-autofocus {...form.register('reporterName')} error={errorOf('reporterName')} />
            <TextInput
              label={t('incidents.fields.reporterPhone')}
              inputMode="tel"
              autoComplete="off"
              {...form.register('reporterPhone')}
              error={errorOf('reporterPhone')}
            />
            <TextInput label={t('incidents.fields.reporterAddress')} autoComplete="off" {...form.register('reporterAddress')} error={errorOf('reporterAddress')} />
          </SimpleGrid>
          <Text fz="sm" c="dimmed" mt={-8}>
            {t('incidents.report.contactHint')}
          </Text>
          <Controller
            control={form.control}
            name="nature"
            render={({ field }) => (
              <Radio.Group
                label={t('incidents.fields.nature')}
                withAsterisk
                error={errorOf('nature')}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                name="nature"
              >
                <SimpleGrid cols={4} spacing="xs" mt={6}>
                  {INCIDENT_NATURES.map((nature, index) => {
                    const checked = field.value === nature;
                    // One tab stop for the group (the chosen card, or the first): arrows move within it.
                    const tabbable = checked || (!field.value && index === 0);
                    return (
                      <Radio.Card key={nature} value={nature} radius="md" p="sm" mih={48} tabIndex={tabbable ? 0 : -1} onBlur={field.onBlur} data-testid={`nature-${nature}`}>
                        <Group gap="xs" wrap="nowrap">
                          <Radio.Indicator size="sm" />
                          <Text fw={checked ? 700 : 500}>{t(`incidents.nature.${nature}`)}</Text>
                        </Group>
                      </Radio.Card>
                    );
                  })}
                </SimpleGrid>
              </Radio.Group>
            )}
          />
          <SimpleGrid cols={3}>
            <TextInput
              label={t('incidents.fields.location')}
              withAsterisk
              autoComplete="off"
              style={{ gridColumn: 'span 2' }}
              {...form.register('location')}
              error={errorOf('location')}
            />
            <FormTimeField
              form={form}
              name="occurredTime"
              label={t('incidents.fields.occurredTime')}
              description={t('incidents.report.timeHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Textarea
            label={t('incidents.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.register('description')}
            error={errorOf('description')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="lg" color="red" leftSection={<IconAlertTriangle size={20} />} loading={report.isPending}>
              {t('incidents.actions.record')} ⏎
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
