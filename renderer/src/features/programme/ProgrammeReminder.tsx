import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconTool } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { BROADCAST, type DaySlot } from '@shared/contract';
import { readDeadline } from '@shared/rules/deadline';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { durationText } from '../../ui/deadline';
import { PROGRAMME_PATH, useProgrammeDay } from './useProgramme';
import { useSlotTitle } from './SlotStatus';

export interface ProgrammeReminderProps {
  /**
   * `header` (default): a compact 44 px button for the app header; it hides itself on the programme
   * page, which shows the `page` banner instead.
   */
  placement?: 'header' | 'page';
  /** What "check now" does; by default it opens the programme page. */
  onOpen?: (slotId: number) => void;
}

/** The slot to remind the broadcast room of: a check due now, else one missed while its slot still runs. */
function pick(slots: DaySlot[], now: number): { slot: DaySlot; kind: 'due' | 'missed' } | undefined {
  const due = slots.find((slot) => slot.checkState === 'due');
  if (due) return { slot: due, kind: 'due' };
  const missed = slots.find((slot) => slot.checkState === 'missed' && !slot.check && now < slot.endsAt);
  return missed ? { slot: missed, kind: 'missed' } : undefined;
}

/**
 * "Equipment check due for the 10:30 announcement — 7 min left": amber while the check is due, red
 * once it is missed (until that slot ends). Shown to the broadcast room and managers only.
 */
export function ProgrammeReminder({ placement = 'header', onOpen }: ProgrammeReminderProps) {
  const t = useT();
  const title = useSlotTitle();
  const { session } = useSession();
  const [location, navigate] = useLocation();
  const role = session?.staff.role;
  const allowed = role !== undefined && BROADCAST.includes(role);
  const { slots, now, day } = useProgrammeDay(undefined, allowed);
  if (!allowed || !day || (placement === 'header' && location === PROGRAMME_PATH)) return null;
  const found = pick(slots, now);
  if (!found) return null;
  const { slot, kind } = found;
  const left = readDeadline(now, slot.startsAt, 0).minutes;
  const text =
    kind === 'due'
      ? t('programme.reminder.due', { time: slot.airsAt, title: title(slot), left: t('clock.left', { time: durationText(t, left) }) })
      : t('programme.reminder.missed', { time: slot.airsAt, title: title(slot) });
  const open = () => (onOpen ? onOpen(slot.id) : navigate(PROGRAMME_PATH));
  const color = kind === 'due' ? 'yellow' : 'red';

  if (placement === 'header') {
    return (
      <Button
        size="md"
        h={44}
        color={color}
        variant={kind === 'due' ? 'light' : 'filled'}
        leftSection={kind === 'due' ? <IconTool size={18} /> : <IconAlertTriangle size={18} />}
        onClick={open}
        data-testid="programme-reminder"
        data-header-reminder
        data-state={kind}
        aria-live="polite"
        maw={420}
        styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
      >
        {text}
      </Button>
    );
  }
  return (
    <Alert
      color={color}
      variant={kind === 'due' ? 'light' : 'filled'}
      radius="lg"
      icon={kind === 'due' ? <IconTool size={28} /> : <IconAlertTriangle size={28} />}
      role="alert"
      data-testid="programme-reminder"
      data-state={kind}
      styles={{ icon: { width: 32, height: 32 } }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fz={22} fw={700} lh={1.35}>
          {text}
        </Text>
        {kind === 'due' ? (
          <Button size="lg" color="dark" variant="white" onClick={open} style={{ flexShrink: 0 }}>
            {t('programme.day.checkNow')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
