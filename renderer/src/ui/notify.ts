import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { errorText, type T } from '../app/i18n';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3500 });
}

/** A refused or failed call as a localized notice; never a stack trace. */
export function notifyError(t: T, error: unknown): void {
  const message = error instanceof ApiError ? errorText(t, error.body) : t('errors.INTERNAL');
  notifications.show({ color: 'red', message, autoClose: 6000 });
}
