import { Controller, useWatch, type FieldPath, type FieldPathValue, type FieldValues } from 'react-hook-form';
import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { CONNECTION_KINDS, DEFAULT_PRINTER_PORT, PRINTER_TYPES, type ConnectionKind, type PrinterConnection } from '@shared/printing/settings';
import { useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { NumberField, SelectField } from '../../ui/fields';
import { useFieldErrors, type Form } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';

/** The printer fields of the settings form, for the page's list of fields that server errors land on. */
export const PRINTER_FIELDS = [
  'printer.connection.kind',
  'printer.connection.host',
  'printer.connection.port',
  'printer.connection.name',
  'printer.connection.path',
  'printer.type',
  'printer.paperWidth',
  'printer.chinese',
  'printer.timeoutMs',
] as const;

/** What a connection starts as when its kind is chosen: the old kind's fields must not linger (the schema is strict). */
function connectionOf(kind: ConnectionKind): PrinterConnection {
  switch (kind) {
    case 'preview':
      return { kind };
    case 'tcp':
      return { kind, host: '', port: DEFAULT_PRINTER_PORT };
    case 'os':
      return { kind, name: '' };
    case 'device':
      return { kind, path: '' };
  }
}

const isKind = (value: unknown): value is ConnectionKind => CONNECTION_KINDS.some((kind) => kind === value);

export interface PrinterSettingsSectionProps<V extends FieldValues> {
  /** The settings page's form (its values hold the printer settings under `prefix`). */
  form: Form<V>;
  /** Where the printer settings sit in the form's values. */
  prefix?: string;
}

/**
 * The printer part of the settings form: connection (preview, network, system printer, device) with
 * its fields, command set, paper width, Chinese on/off, timeout, and a test print of the saved settings.
 */
export function PrinterSettingsSection<V extends FieldValues>({ form, prefix = 'printer' }: PrinterSettingsSectionProps<V>) {
  const t = useT();
  const errorOf = useFieldErrors(form);
  const testPrint = useAction('printer.testPrint', ['printer.status', 'printer.jobs']);
  const at = (path: string) => `${prefix}.${path}` as FieldPath<V>;
  const watched: unknown = useWatch({ control: form.control, name: at('connection.kind') });
  const kind: ConnectionKind = isKind(watched) ? watched : 'preview';
  const dirty = form.getFieldState(prefix as FieldPath<V>, form.formState).isDirty;

  const chooseKind = (value: string) => {
    if (!isKind(value) || value === kind) return;
    form.setValue(at('connection'), connectionOf(value) as FieldPathValue<V, FieldPath<V>>, { shouldDirty: true });
  };

  const runTest = () =>
    testPrint.mutateAsync({}).then(
      ({ jobId }) => notifySuccess(t('printer.settings.testQueued', { id: jobId })),
      (error: unknown) => notifyError(t, error),
    );

  return (
    <Stack gap="md" data-testid="printer-settings">
      <Stack gap={6}>
        <Text fw={500}>{t('printer.settings.connection')}</Text>
        <SegmentedControl
          aria-label={t('printer.settings.connection')}
          value={kind}
          onChange={chooseKind}
          data={CONNECTION_KINDS.map((value) => ({ value, label: t(`printer.settings.kind.${value}`) }))}
        />
      </Stack>

      {kind === 'preview' ? (
        <Alert variant="light" color="gray" icon={<IconPrinter size={20} />}>
          {t('printer.settings.previewHint')}
        </Alert>
      ) : null}
      {kind === 'tcp' ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            key="host"
            label={t('printer.settings.host')}
            description={t('printer.settings.hostHint')}
            withAsterisk
            {...form.register(at('connection.host'))}
            error={errorOf(at('connection.host'))}
          />
          <NumberField key="port" form={form} name={at('connection.port')} label={t('printer.settings.port')} min={1} max={65535} />
        </SimpleGrid>
      ) : null}
      {kind === 'os' ? (
        <TextInput
          key="name"
          label={t('printer.settings.name')}
          description={t('printer.settings.nameHint')}
          withAsterisk
          {...form.register(at('connection.name'))}
          error={errorOf(at('connection.name'))}
        />
      ) : null}
      {kind === 'device' ? (
        <TextInput
          key="path"
          label={t('printer.settings.path')}
          description={t('printer.settings.pathHint')}
          withAsterisk
          {...form.register(at('connection.path'))}
          error={errorOf(at('connection.path'))}
        />
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SelectField form={form} name={at('type')} label={t('printer.settings.type')} data={[...PRINTER_TYPES]} />
        {kind !== 'preview' ? <NumberField form={form} name={at('timeoutMs')} label={t('printer.settings.timeoutMs')} min={1000} max={60_000} /> : null}
      </SimpleGrid>
      {/* On its own line: each width names its characters per line, which a third of the form cannot hold. */}
      <Controller
        control={form.control}
        name={at('paperWidth')}
        render={({ field }) => (
          <Stack gap={6} align="flex-start">
            <Text fw={500} id="printer-paper-width">
              {t('printer.settings.paperWidth')}
            </Text>
            <SegmentedControl
              aria-labelledby="printer-paper-width"
              value={String(field.value)}
              onChange={(value) => field.onChange(Number(value))}
              data={[
                { value: '58', label: t('printer.settings.paper58') },
                { value: '80', label: t('printer.settings.paper80') },
              ]}
            />
          </Stack>
        )}
      />

      <Controller
        control={form.control}
        name={at('chinese')}
        render={({ field }) => (
          <Switch
            size="lg"
            label={t('printer.settings.chinese')}
            description={t('printer.settings.chineseHint')}
            checked={field.value === true}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
            error={errorOf(at('chinese'))}
          />
        )}
      />

      <Group gap="md">
        <Button variant="light" leftSection={<IconPrinter size={18} />} loading={testPrint.isPending} disabled={dirty} onClick={() => void runTest()}>
          {t('printer.settings.testPrint')}
        </Button>
        {dirty ? (
          <Text c="dimmed" fz="sm">
            {t('printer.settings.saveFirst')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
