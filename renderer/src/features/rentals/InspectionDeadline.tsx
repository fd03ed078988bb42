import { Group, Text } from '@mantine/core';
import { atParkTime } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useMethod } from '../../api/hooks';
import { DeadlineBadge, useParkNow } from '../../ui/deadline';

/** Amber from half an hour before opening. */
export const INSPECTION_WARN_MS = 30 * 60_000;

/**
 * The daily inspection's clock: every unit checked before opening time on the park day. Shown while
 * units are still to inspect, in the app's one clock language (neutral, amber near opening, red past it).
 */
export function InspectionDeadline({ toInspect, parkDate }: { toInspect: number; parkDate: string }) {
  const t = useT();
  const { info } = usePark();
  const now = useParkNow();
  const settings = useMethod('settings.get', {});
  if (toInspect === 0 || !settings.data) return null;
  const opening = atParkTime(parkDate, settings.data.openingTime, info.timeZone);
  return (
    <Group gap="xs" wrap="wrap" data-testid="inspection-deadline">
      <Text fz="sm" fw={600}>
        {t('rentals.board.inspectBy', { time: settings.data.openingTime })}
      </Text>
      <DeadlineBadge deadline={opening} warnMs={INSPECTION_WARN_MS} now={now} />
    </Group>
  );
}
