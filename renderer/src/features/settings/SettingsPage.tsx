import { useState, type ReactNode } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { Button, CloseButton, Group, Paper, Pill, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { RECEIPT_LANGUAGES, settingsFields, settingsSchema, type Settings } from '@shared/contract';
import { LANGUAGES, catalogs } from '@shared/i18n';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { NumberField, numberBounds, SelectField } from '../../ui/fields';
import { PRINTER_FIELDS, PrinterSettingsSection } from '../printing/PrinterSettingsSection';
import { DateField, FormTimeField } from '../../ui/dates';
import { Pending } from '../../ui/readFailed';

const FIELDS = [
  'parkName',
  'defaultLanguage',
  'receiptLanguage',
  'timeZone',
  'openingTime',
  'closingTime',
  'complaintSummaryDeadline',
  'eventDays',
  'holidaysNotShifted',
  'idleSignOutMinutes',
  'broadcastIdleSignOutMinutes',
  'lockoutMinutes',
  'kioskMode',
  'backupDir',
  'backupKeep',
  'retentionDays',
  ...PRINTER_FIELDS,
] as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={title}>
      <Title order={2} fz="xl" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

type SettingsFormApi = UseFormReturn<z.input<typeof settingsSchema>, unknown, Settings>;

/** A list of park dates as pills, each removable, with a date input to add one (event days, holidays kept as usual). */
function DateListField({ form, name, label, empty }: { form: SettingsFormApi; name: 'eventDays' | 'holidaysNotShifted'; label: string; empty: string }) {
  const t = useT();
  const errorOf = useFieldErrors(form);
  const [newDay, setNewDay] = useState('');
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => {
        const problem = field.value.map((_, index) => errorOf(`${name}.${index}`)).find(Boolean) ?? errorOf(name);
        return (
          <Stack gap="sm" data-testid={`dates-${name}`}>
            <Text>{label}</Text>
            <Group gap="xs" mih={36}>
              {field.value.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
              {field.value.map((day, index) => (
                <Pill
                  key={day}
                  size="lg"
                  withRemoveButton
                  removeButtonProps={{ 'aria-label': `${t('common.remove')} ${day}` }}
                  onRemove={() => field.onChange(field.value.filter((_, i) => i !== index))}
                  c={form.getFieldState(`${name}.${index}`).error ? 'red' : undefined}
                >
                  {day}
                </Pill>
              ))}
            </Group>
            <Group align="flex-end">
              <DateField label={t('settings.eventDayAdd')} aria-label={`${t('settings.eventDayAdd')} · ${label}`} value={newDay} onChange={setNewDay} />
              <Button
                variant="light"
                leftSection={<IconCalendarPlus size={18} />}
                disabled={!newDay || field.value.includes(newDay)}
                onClick={() => {
                  field.onChange([...field.value, newDay].sort());
                  setNewDay('');
                }}
              >
                {t('common.add')}
              </Button>
              {newDay ? <CloseButton aria-label={t('common.cancel')} onClick={() => setNewDay('')} /> : null}
            </Group>
            {problem ? <Text c="red">{problem}</Text> : null}
          </Stack>
        );
      }}
    />
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const save = useAction('settings.update', ['settings.get', 'system.info']);
  const form = useContractForm(settingsSchema, { defaultValues: settings });
  const errorOf = useFieldErrors(form);

  const submit = useFormSubmit(form, FIELDS, save.mutateAsync, (saved) => {
    form.reset(saved);
    notifySuccess(t('settings.saved'));
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={1} fz={28}>
            {t('settings.title')}
          </Title>
          <Button type="submit" size="lg" loading={save.isPending} disabled={!form.formState.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
        <Section title={t('settings.sectionPark')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={t('settings.parkName')} withAsterisk {...form.register('parkName')} error={errorOf('parkName')} />
            <SelectField form={form} name="timeZone" label={t('settings.timeZone')} searchable data={Intl.supportedValuesOf('timeZone')} />
            <SelectField
              form={form}
              name="defaultLanguage"
              label={t('settings.defaultLanguage')}
              data={LANGUAGES.map((lang) => ({ value: lang, label: catalogs[lang].lang[lang] }))}
            />
            <SelectField
              form={form}
              name="receiptLanguage"
              label={t('settings.receiptLanguage')}
              data={RECEIPT_LANGUAGES.map((lang) => ({ value: lang, label: t(`lang.${lang}`) }))}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('settings.sectionHours')}>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <FormTimeField form={form} name="openingTime" label={t('settings.openingTime')} />
            <FormTimeField form={form} name="closingTime" label={t('settings.closingTime')} />
            <FormTimeField form={form} name="complaintSummaryDeadline" label={t('settings.complaintSummaryDeadline')} />
          </SimpleGrid>
        </Section>
        <Section title={t('settings.printer')}>
          <PrinterSettingsSection form={form} />
        </Section>
        <Section title={t('settings.sectionEventDays')}>
          <Stack gap="lg">
            <DateListField form={form} name="eventDays" label={t('settings.eventDays')} empty={t('settings.eventDaysEmpty')} />
            <DateListField form={form} name="holidaysNotShifted" label={t('settings.holidaysNotShifted')} empty={t('settings.holidaysNotShiftedEmpty')} />
          </Stack>
        </Section>
        <Section title={t('settings.sectionSecurity')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <NumberField form={form} name="idleSignOutMinutes" label={t('settings.idleSignOutMinutes')} {...numberBounds(settingsFields.shape.idleSignOutMinutes)} />
            <NumberField form={form} name="broadcastIdleSignOutMinutes" label={t('settings.broadcastIdleSignOutMinutes')} {...numberBounds(settingsFields.shape.broadcastIdleSignOutMinutes)} />
            <NumberField form={form} name="lockoutMinutes" label={t('settings.lockoutMinutes')} {...numberBounds(settingsFields.shape.lockoutMinutes)} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="kioskMode"
            render={({ field }) => (
              <Switch mt="lg" size="lg" label={t('settings.kioskMode')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
            )}
          />
        </Section>
        <Section title={t('maintenance.settings.section')}>
          {/* The folder with its hint on a row of its own: beside the two numbers it put their boxes out of line. */}
          <TextInput label={t('maintenance.settings.backupDir')} description={t('maintenance.settings.backupDirHint')} {...form.register('backupDir')} error={errorOf('backupDir')} />
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
            <NumberField form={form} name="backupKeep" label={t('maintenance.settings.backupKeep')} {...numberBounds(settingsFields.shape.backupKeep)} />
            <NumberField form={form} name="retentionDays" label={t('maintenance.settings.retentionDays')} {...numberBounds(settingsFields.shape.retentionDays)} />
          </SimpleGrid>
        </Section>
      </Stack>
    </form>
  );
}

/** The park's settings, typed and validated by the contract, audited by the core. */
export function SettingsPage() {
  const settings = useMethod('settings.get', {});
  if (!settings.data) return <Pending read={settings} />;
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}
