import { useEffect, useState } from 'react';
import { Badge, Group, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconDeviceDesktop } from '@tabler/icons-react';
import { LANGUAGES, catalogs, type Language } from '@shared/i18n';
import { useLanguage, useT } from '../app/i18n';
import type { ConnectionState } from '../api/transport';
import { usePark } from '../app/park';

/** The zh-CN / en toggle, on every screen. */
export function LanguageToggle() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <SegmentedControl
      aria-label={t('app.language')}
      style={{ flexShrink: 0 }}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((lang) => ({ value: lang, label: catalogs[lang].lang[lang] }))}
    />
  );
}

/** The park's time, always visible, in the park's time zone and on the counter PC's clock. */
export function ParkClock() {
  const { language } = useLanguage();
  const {
    info: { timeZone },
    offsetMs,
  } = usePark();
  const t = useT();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => window.clearInterval(timer);
  }, [offsetMs]);
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now);
  // English reads day-first, as British English does ("Fri 4 Dec"); Chinese "12月4日周五".
  const date = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { timeZone, month: 'short', day: 'numeric', weekday: 'short' }).format(now);
  return (
    <Stack gap={0} align="flex-end" aria-label={t('app.parkClock')} role="timer" style={{ flexShrink: 0 }}>
      <Text fw={700} fz="xl" lh={1.1} ff="monospace" data-testid="park-clock">
        {time}
      </Text>
      <Text fz="sm" c="dimmed" lh={1.2} data-testid="park-date">
        {date}
      </Text>
    </Stack>
  );
}

/** Whether this screen is live: the kiosk window, or a station connected to the counter PC. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useT();
  if (state === 'local') {
    return (
      <Tooltip label={t('connection.ipc')}>
        <Badge size="lg" variant="light" color="gray" leftSection={<IconDeviceDesktop size={16} />} data-calm>
          {t('connection.ipc')}
        </Badge>
      </Tooltip>
    );
  }
  const online = state === 'online';
  return (
    <Badge
      size="lg"
      variant={online ? 'light' : 'filled'}
      color={online ? 'teal' : 'red'}
      leftSection={online ? <IconPlugConnected size={16} /> : <IconPlugConnectedX size={16} />}
      role="status"
      data-state={state}
      data-calm={online ? true : undefined}
    >
      {online ? t('connection.online') : t('connection.offline')}
    </Badge>
  );
}

export function Brand({ parkName }: { parkName: string }) {
  const t = useT();
  return (
    <Group gap="sm" wrap="nowrap">
      <img src="./logo.svg" alt="" width={36} height={36} />
      <Stack gap={0}>
        <Text fw={800} fz="lg" lh={1.15} lineClamp={1}>
          {parkName}
        </Text>
        <Text fz="xs" c="dimmed" lh={1.2}>
          {t('app.tagline')}
        </Text>
      </Stack>
    </Group>
  );
}
