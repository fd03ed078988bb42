import { Controller } from 'react-hook-form';
import { Badge, Button, Grid, Group, Input, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { complaintsMethods, isoDate } from '@shared/contract';
import { parkDate } from '@shared/rules/time';
import { isWorkingDay } from '@shared/rules/workdays';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow } from '../../ui/fields';
import { CalendarCoverageWarning } from './CalendarCoverage';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { FormDateField } from '../../ui/dates';

const overrideInput = complaintsMethods['calendar.setOverride'].input;

/** What the official calendar says of a date (public holidays off, swapped weekend days on). */
function useOfficial() {
  const t = useT();
  return (date: string) => (isoDate.safeParse(date).success ? t(isWorkingDay(date) ? 'complaints.calendar.officialWork' : 'complaints.calendar.officialOff') : '');
}

function useWeekday() {
  const { language } = useLanguage();
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return (date: string) => format.format(Date.parse(`${date}T00:00:00Z`));
}

/** A manager marks a date as a park working day or a park day off (on top of the official calendar). */
function AddOverride() {
  const t = useT();
  const official = useOfficial();
  const set = useAction('calendar.setOverride', ['calendar.overrides', 'complaints.get', 'complaints.list', 'complaints.clocks']);
  const form = useContractForm(overrideInput, { defaultValues: { date: '', kind: 'off', note: '' } });
  const errorOf = useFieldErrors(form);
  const date = form.watch('date');
  const submit = useFormSubmit(form, ['date', 'kind', 'note'], set.mutateAsync, (result) => {
    notifySuccess(t('complaints.calendar.saved', { date: result.date }));
    form.reset({ date: '', kind: form.getValues('kind'), note: '' });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <FormDateField form={form} name="date" label={t('complaints.calendar.date')} withAsterisk />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <Input.Wrapper label={t('complaints.calendar.kind')} labelElement="div" error={errorOf('kind')}>
                  <div>
                    <SegmentedControl
                      fullWidth
                      size="md"
                      aria-label={t('complaints.calendar.kind')}
                      value={field.value === 'work' ? 'work' : 'off'}
                      onChange={(value) => field.onChange(value)}
                      data={[
                        { value: 'off', label: t('complaints.calendar.kinds.off') },
                        { value: 'work', label: t('complaints.calendar.kinds.work') },
                      ]}
                    />
                  </div>
                </Input.Wrapper>
              )}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <TextInput label={t('complaints.calendar.note')} autoComplete="off" {...form.register('note')} error={errorOf('note')} />
          </Grid.Col>
        </Grid>
        <Group justify="space-between">
          <Text c="dark.4" data-testid="official-hint">
            {official(date)}
          </Text>
          <Button type="submit" leftSection={<IconCalendarPlus size={20} />} loading={set.isPending}>
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The park's own working days and days off; the 2-working-day clocks count them. */
export function CalendarPanel() {
  const t = useT();
  const park = usePark();
  const official = useOfficial();
  const weekday = useWeekday();
  const overrides = useMethod('calendar.overrides', {});
  const clear = useAction('calendar.setOverride', ['calendar.overrides', 'complaints.get', 'complaints.list', 'complaints.clocks']);
  const today = parkDate(park.now(), park.info.timeZone);
  const rows = overrides.data ?? [];
  return (
    <Stack gap="md">
      <CalendarCoverageWarning />
      <Text c="dark.4">{t('complaints.calendar.intro')}</Text>
      <Paper withBorder radius="lg" p="md">
        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('complaints.calendar.addTitle')}
          </Title>
          <AddOverride />
        </Stack>
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Table verticalSpacing="sm" fz="md" data-testid="calendar-overrides">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaints.calendar.date')}</Table.Th>
              <Table.Th>{t('complaints.calendar.kind')}</Table.Th>
              <Table.Th>{t('complaints.calendar.officially')}</Table.Th>
              <Table.Th>{t('complaints.calendar.note')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && !overrides.isLoading ? <EmptyRow read={overrides} colSpan={5}>{t('complaints.calendar.empty')}</EmptyRow> : null}
            {rows.map((row) => (
              <Table.Tr key={row.date} data-testid={`override-${row.date}`} c={row.date < today ? 'dark.3' : undefined}>
                <Table.Td ff="monospace" fw={600}>
                  {row.date} <Text span fz="sm" c="dark.4" ff="text">{weekday(row.date)}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="lg" variant="light" color={row.kind === 'work' ? 'blue' : 'orange'}>
                    {t(`complaints.calendar.kinds.${row.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{official(row.date)}</Table.Td>
                <Table.Td>{row.note || '—'}</Table.Td>
                <Table.Td ta="right">
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={18} />}
                      aria-label={t('complaints.calendar.removeDate', { date: row.date })}
                      onClick={() =>
                        clear.mutateAsync({ date: row.date, kind: 'official', note: '' }).then(
                          () => notifySuccess(t('complaints.calendar.removed', { date: row.date })),
                          (error: unknown) => notifyError(t, error),
                        )
                      }
                    >
                      {t('common.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
