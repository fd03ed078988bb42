import { useId, useState } from 'react';
import { Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { dashboardRange, fieldErrorsOf } from '@shared/contract';
import { GRANULARITIES, presetRange, PRESETS, type DashboardRange, type Granularity, type Preset } from '@shared/rules/dashboard';
import { parkDate } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useParkNow } from '../../ui/deadline';
import { DashboardCards } from './Cards';
import { DateField } from '../../ui/dates';

type Choice = Preset | 'custom';

interface PickerProps {
  today: string;
  /** The range the charts show. */
  range: DashboardRange;
  choice: Choice;
  custom: DashboardRange;
  onChoice(choice: Choice): void;
  onCustom(range: DashboardRange): void;
}

/** The period: a preset ending today, or dates and a grouping the manager picks (checked by the contract's own rules). */
function PeriodPicker({ today, range, choice, custom, onChoice, onCustom }: PickerProps) {
  const t = useT();
  const groupingId = useId();
  const parsed = dashboardRange.safeParse(custom);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const errorOf = (field: 'from' | 'to') => {
    const error = errors[field];
    return error ? t(error.key, error.params) : undefined;
  };
  const edit = (patch: Partial<DashboardRange>) => onCustom({ ...custom, ...patch });

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-label={t('dashboard.period')}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            aria-label={t('dashboard.period')}
            value={choice}
            onChange={(value) => onChoice(value as Choice)}
            data={[...PRESETS, 'custom' as const].map((value) => ({ value, label: t(`dashboard.presets.${value}`) }))}
          />
          <Text fz="lg" fw={600} data-testid="dashboard-range" aria-live="polite">
            {t('dashboard.rangeSummary', { from: range.from, to: range.to, granularity: t(`dashboard.byGranularity.${range.granularity}`) })}
          </Text>
        </Group>
        {choice === 'custom' ? (
          <Group align="flex-start" gap="md">
            <DateField label={t('dashboard.from')} value={custom.from} max={today} onChange={(from) => edit({ from })} error={errorOf('from')} w={200} />
            <DateField label={t('dashboard.to')} value={custom.to} onChange={(to) => edit({ to })} error={errorOf('to')} w={200} />
            <Stack gap={4}>
              <Text component="span" fz="md" fw={500} id={groupingId}>
                {t('dashboard.granularity')}
              </Text>
              <SegmentedControl
                aria-labelledby={groupingId}
                value={custom.granularity}
                onChange={(value) => edit({ granularity: value as Granularity })}
                data={GRANULARITIES.map((value) => ({ value, label: t(`dashboard.granularities.${value}`) }))}
              />
            </Stack>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The duty manager's dashboard: rentals, complaints, paging response and lost and found over days, weeks or quarters. */
export function DashboardPage() {
  const t = useT();
  const { info } = usePark();
  const today = parkDate(useParkNow(60_000), info.timeZone);
  const [choice, setChoice] = useState<Choice>('days7');
  const [custom, setCustom] = useState<DashboardRange>(() => presetRange('days7', today));
  // The custom range last valid: the charts keep it while a date is being typed.
  const [applied, setApplied] = useState<DashboardRange>(custom);
  const range = choice === 'custom' ? applied : presetRange(choice, today);
  const editCustom = (next: DashboardRange) => {
    setCustom(next);
    if (dashboardRange.safeParse(next).success) setApplied(next);
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={28}>
          {t('dashboard.title')}
        </Title>
        <Text c="dark.4">{t('dashboard.intro')}</Text>
      </Stack>
      <PeriodPicker today={today} range={range} choice={choice} custom={custom} onChoice={setChoice} onCustom={editCustom} />
      <DashboardCards range={range} />
    </Stack>
  );
}
