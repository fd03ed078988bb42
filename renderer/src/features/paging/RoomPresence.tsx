import { Alert, Badge } from '@mantine/core';
import { IconBroadcast, IconBroadcastOff } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { useParkNow, useWhen } from '../../ui/deadline';
import { Pending } from '../../ui/readFailed';

/**
 * Whether the broadcast room is on line: its queue open on a screen there. When it is not, a new
 * request shows nowhere, so the counter is told to reach the room by phone or radio within the 5
 * minutes. Kept live by the room's screens coming and going.
 */
export function RoomPresence() {
  const t = useT();
  const when = useWhen();
  const now = useParkNow(60_000);
  const room = useMethod('paging.room', {});
  if (!room.data) return <Pending read={room} compact />;
  if (room.data.screens > 0) {
    return (
      <Badge size="xl" color="teal" variant="light" leftSection={<IconBroadcast size={18} />} style={{ textTransform: 'none' }} data-testid="room-presence" data-state="online">
        {t('paging.room.online', { count: room.data.screens, time: when(room.data.since ?? now, now) })}
      </Badge>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconBroadcastOff size={22} />} title={t('paging.room.offlineTitle')} data-testid="room-presence" data-state="offline">
      {t('paging.room.offline')}
    </Alert>
  );
}
