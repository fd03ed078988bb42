import { useMemo, useState } from 'react';
import { Alert, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarTime, IconEdit, IconEditOff } from '@tabler/icons-react';
import { MANAGERS, isoDate } from '@shared/contract';
import { EVENT_DAY_SHIFT_MINUTES, focusSlot } from '@shared/rules/programme';
import { useLanguage, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ProgrammeEditor } from './ProgrammeEditor';
import { ProgrammeReminder } from './ProgrammeReminder';
import { ProgrammeTimeline } from './ProgrammeTimeline';
import { SlotFocus } from './SlotFocus';
import { useProgrammeDay } from './useProgramme';
import { DateField } from '../../ui/dates';

export { ProgrammeReminder, type ProgrammeReminderProps } from './ProgrammeReminder';

function dateLabel(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(Date.parse(`${date}T12:00:00Z`));
}

/**
 * The broadcast room's day: the slot to work on now (its check, its texts, large), the day's
 * timeline, the event-day banner, and for managers an edit mode.
 */
export function ProgrammePage() {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useSession();
  const manager = session !== undefined && MANAGERS.includes(session.staff.role);
  const [date, setDate] = useState<string>();
  const [picked, setPicked] = useState('');
  const [editing, setEditing] = useState(false);
  const [selectedId, setSelectedId] = useState<number>();
  const { day, slots, now, query } = useProgrammeDay(date);

  const isToday = day !== undefined && day.date === day.today;
  const focus = useMemo(() => (isToday ? focusSlot(now, slots) : undefined), [isToday, now, slots]);
  const shown = slots.find((slot) => slot.id === selectedId) ?? focus ?? slots[0];
  const label =
    shown && shown === focus
      ? shown.startsAt <= now && now < shown.endsAt
        ? t('programme.day.onAir')
        : t('programme.day.next')
      : shown
        ? t(`programme.kinds.${shown.kind}`)
        : '';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} fz={28}>
            {t('programme.title')}
          </Title>
          {day ? (
            <Text fz="lg" c="dimmed" data-testid="programme-date">
              {isToday ? `${t('programme.day.today')} · ` : ''}
              {dateLabel(day.date, language)}
            </Text>
          ) : null}
        </Stack>
        <Group align="flex-end" gap="sm">
          <DateField label={t('programme.day.showDate')} value={picked} onChange={setPicked} w={200} />
          <Button
            size="md"
            variant="default"
            leftSection={<IconCalendarTime size={20} />}
            disabled={!isoDate.safeParse(picked).success}
            onClick={() => {
              setDate(picked);
              setSelectedId(undefined);
            }}
          >
            {t('programme.day.show')}
          </Button>
          {date ? (
            <Button
              size="md"
              variant="light"
              onClick={() => {
                setDate(undefined);
                setPicked('');
                setSelectedId(undefined);
              }}
            >
              {t('programme.day.backToToday')}
            </Button>
          ) : null}
          {manager ? (
            <Button size="md" variant={editing ? 'filled' : 'light'} leftSection={editing ? <IconEditOff size={20} /> : <IconEdit size={20} />} onClick={() => setEditing((on) => !on)}>
              {editing ? t('programme.edit.leave') : t('programme.edit.enter')}
            </Button>
          ) : null}
        </Group>
      </Group>

      {isToday ? <ProgrammeReminder placement="page" onOpen={setSelectedId} /> : null}

      {day?.eventDay ? (
        <Alert
          color="orange"
          variant="light"
          radius="lg"
          icon={<IconCalendarEvent size={26} />}
          title={t(day.shiftReason === 'publicHoliday' ? 'programme.day.holidayTitle' : 'programme.day.eventDayTitle')}
          data-testid="event-day"
          data-reason={day.shiftReason ?? undefined}
          styles={{ title: { fontSize: 'var(--mantine-font-size-xl)' } }}
        >
          <Text fz="lg">{t(day.shiftReason === 'publicHoliday' ? 'programme.day.holidayWhy' : 'programme.day.eventDayWhy', { date: day.date, minutes: EVENT_DAY_SHIFT_MINUTES })}</Text>
        </Alert>
      ) : null}
      {day?.holidayNotShifted ? (
        <Alert color="gray" variant="light" radius="lg" icon={<IconCalendarEvent size={26} />} data-testid="holiday-not-shifted">
          <Text fz="lg">{t('programme.day.holidayNotShifted', { date: day.date })}</Text>
        </Alert>
      ) : null}
      {day && !isToday ? (
        <Alert color="gray" variant="light" radius="lg">
          <Text fz="lg">{t('programme.day.otherDate', { date: day.date })}</Text>
        </Alert>
      ) : null}

      {editing && manager ? <ProgrammeEditor /> : null}

      {!day ? (
        query.isLoading ? (
          <Center py="xl">
            <Loader role="status" aria-label={t('app.loading')} />
          </Center>
        ) : null
      ) : slots.length === 0 ? (
        editing ? null : (
          <Paper withBorder radius="lg" p="xl">
            <Text fz="lg" ta="center" c="dimmed">
              {manager ? t('programme.day.emptyManager') : t('programme.day.empty')}
            </Text>
          </Paper>
        )
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              {isToday && !focus ? (
                <Paper withBorder radius="lg" p="md" bg="gray.1">
                  <Text fz="lg" fw={600}>
                    {t('programme.day.finished')}
                  </Text>
                </Paper>
              ) : null}
              {selectedId !== undefined && focus && selectedId !== focus.id ? (
                <Group justify="flex-end">
                  <Button variant="subtle" size="md" onClick={() => setSelectedId(undefined)}>
                    {t('programme.day.backToNow')}
                  </Button>
                </Group>
              ) : null}
              {shown ? <SlotFocus key={shown.id} slot={shown} date={day.date} today={isToday} now={now} label={label} /> : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ProgrammeTimeline day={day} slots={slots} now={now} selectedId={shown?.id} onSelect={setSelectedId} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
