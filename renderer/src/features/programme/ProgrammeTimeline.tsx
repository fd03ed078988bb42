import { Badge, Group, Paper, Stack, Text, Timeline, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock, IconMicrophone, IconTool } from '@tabler/icons-react';
import type { DaySlot, ProgrammeDay } from '@shared/contract';
import { useT } from '../../app/i18n';
import { AiredBadge, CheckClock, useSlotTitle } from './SlotStatus';

const BULLET = { notYet: 'gray', due: 'yellow', done: 'teal', missed: 'red' } as const;

const ICON_COLOR = { notYet: undefined, due: 'var(--mantine-color-yellow-9)', done: 'var(--mantine-color-teal-9)', missed: 'var(--mantine-color-red-8)' } as const;

/** The bullet's icon, coloured by the check even before the timeline reaches the slot. */
function bulletIcon(slot: DaySlot, passed: boolean) {
  const color = passed ? undefined : ICON_COLOR[slot.checkState];
  if (slot.checkState === 'missed') return <IconAlertTriangle size={14} color={color} />;
  if (slot.check && !slot.check.ok) return <IconTool size={14} color={color} />;
  if (slot.airedState === 'airing' || slot.aired) return <IconMicrophone size={14} color={color} />;
  if (slot.checkState === 'done') return <IconCheck size={14} color={color} />;
  return <IconClock size={14} color={color} />;
}

/** The day's slots in order, each with its time, title, check clock and airing; the chosen one highlighted. */
export function ProgrammeTimeline({
  day,
  slots,
  now,
  selectedId,
  onSelect,
}: {
  day: ProgrammeDay;
  slots: DaySlot[];
  now: number;
  selectedId: number | undefined;
  onSelect(slotId: number): void;
}) {
  const t = useT();
  const title = useSlotTitle();
  const passed = slots.filter((slot) => slot.endsAt <= now).length;
  const inTime = slots.filter((slot) => slot.checkState === 'done').length;
  const missed = slots.filter((slot) => slot.checkState === 'missed').length;
  const aired = slots.filter((slot) => slot.aired).length;
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('programme.day.timeline')}>
      <Stack gap="xs" mb="md">
        <Title order={2} fz="xl">
          {t('programme.day.timeline')}
        </Title>
        <Text fz="sm" c="dimmed" data-testid="programme-summary">
          {t('programme.day.summary', { checks: inTime, slots: slots.length, missed, aired })}
        </Text>
      </Stack>
      <Timeline active={passed - 1} bulletSize={26} lineWidth={3} color="park">
        {slots.map((slot) => {
          const selected = slot.id === selectedId;
          return (
            <Timeline.Item
              key={slot.id}
              bullet={bulletIcon(slot, slot.endsAt <= now)}
              color={BULLET[slot.checkState]}
              data-testid={`slot-${slot.start}`}
              data-check={slot.checkState}
            >
              <UnstyledButton
                onClick={() => onSelect(slot.id)}
                aria-pressed={selected}
                w="100%"
                p="xs"
                mih={44}
                style={{
                  borderRadius: 'var(--mantine-radius-md)',
                  background: selected ? 'var(--mantine-color-park-0)' : undefined,
                  outline: selected ? '2px solid var(--mantine-color-park-6)' : undefined,
                }}
              >
                <Group gap="sm" wrap="nowrap" align="baseline">
                  <Text fz={22} fw={800} ff="monospace" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
                    {slot.airsAt}
                  </Text>
                  <Text fz="lg" fw={700} lh={1.3}>
                    {title(slot)}
                  </Text>
                </Group>
                <Group gap={6} mt={6} wrap="wrap">
                  {day.eventDay ? (
                    <Badge variant="light" color="orange" size="md" style={{ textTransform: 'none' }}>
                      {t('programme.day.usually', { time: slot.start })}
                    </Badge>
                  ) : null}
                  <CheckClock slot={slot} now={now} size="md" compact />
                  {slot.aired || slot.airedState === 'airing' ? <AiredBadge slot={slot} /> : null}
                </Group>
              </UnstyledButton>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
