import { Alert, Button, Stack, Text } from '@mantine/core';
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
  const { error } = read;
  // A read lost on the way is read again when the live link comes back (every read is refreshed then).
  const reason = !(error instanceof ApiError) ? t('errors.INTERNAL') : error.body.message === 'errors.NETWORK' ? t('common.readFailedNetwork') : t(error.body.message, error.body.params);
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
