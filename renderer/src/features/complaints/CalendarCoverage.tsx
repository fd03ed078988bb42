import type { ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { parkDate } from '@shared/rules/time';
import { uncoveredYears } from '@shared/rules/workdays';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useParkNow } from '../../ui/deadline';

/**
 * Said to managers when the official calendar built in does not cover a year the working-day clocks
 * need (this year, and next year from December): update ParkDesk, or add that year's days as park
 * days. Shows nothing while every year needed is known.
 */
export function CalendarCoverageWarning({ action }: { action?: ReactNode }) {
  const t = useT();
  const { info } = usePark();
  const now = useParkNow(60_000);
  const years = uncoveredYears(parkDate(now, info.timeZone));
  if (years.length === 0) return null;
  const list = years.join(', ');
  return (
    <Alert color="orange" variant="light" icon={<IconCalendarExclamation size={24} />} title={t('complaints.calendar.missingTitle', { years: list })} data-testid="calendar-missing" role="alert">
      <Text>{t('complaints.calendar.missing', { years: list })}</Text>
      {action}
    </Alert>
  );
}
