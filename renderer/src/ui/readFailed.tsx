import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/client';
import { useT } from '../app/i18n';

/** A read as the screen holds it (a react-query result): what failed, and how to ask again. */
export interface ReadQuery {
  error: Error | null;
  isFetching: boolean;
  refetch(): unknown;
}

/**
 * A read that failed, said so with its reason and a retry: a list that could not be read is never
 * shown as an empty one (a broadcast room told "nothing waiting" while the counter is unreachable).
 */
export function ReadFailed({ read }: { read: ReadQuery }) {
  const t = useT();
  if (!read.error) return null;
  const reason = reasonOf(t, read.error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('common.readFailed')} data-testid="read-failed">
      <Stack gap="sm" align="flex-start">
        <Text>{reason}</Text>
        <Button variant="default" size="md" loading={read.isFetching} onClick={() => void read.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}

// A read lost on the way is read again when the live link comes back (every read is refreshed then).
function reasonOf(t: ReturnType<typeof useT>, error: Error): string {
  if (!(error instanceof ApiError)) return t('errors.INTERNAL');
  return error.body.message === 'errors.NETWORK' ? t('common.readFailedNetwork') : t(error.body.message, error.body.params);
}

/**
 * What a part of a screen shows until its read has answered: a loading mark, or why the read failed
 * with a retry; never nothing. `compact`: for a header badge, a small button that says it and retries.
 */
export function Pending({ read, compact = false }: { read: ReadQuery; compact?: boolean }) {
  const t = useT();
  if (!read.error) return <Loader size={compact ? 'sm' : 'md'} role="status" aria-label={t('app.loading')} />;
  if (!compact) return <ReadFailed read={read} />;
  return (
    <Button size="compact-md" color="red" variant="light" leftSection={<IconAlertTriangle size={16} />} title={reasonOf(t, read.error)} loading={read.isFetching} onClick={() => void read.refetch()} data-testid="read-failed">
      {t('common.readFailed')} · {t('common.retry')}
    </Button>
  );
}
