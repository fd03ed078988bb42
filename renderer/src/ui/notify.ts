import { notifications, type NotificationData } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { currentT, errorText, type T } from '../app/i18n';
import { PrintError } from './download';

/**
 * Every notice's close button says what it does (screen readers, axe). It keeps the small size: a
 * notice closes by itself, and a taller one would sit over the buttons of the card beneath it.
 */
const closeButtonProps = () => ({ 'aria-label': currentT('common.close'), size: 'md' });

/** Any notice, with the labelled close button. */
export function notify(data: NotificationData): void {
  notifications.show({ closeButtonProps: closeButtonProps(), ...data });
}

export function notifySuccess(message: string): void {
  notify({ color: 'teal', message, autoClose: 3500 });
}

/** A refused or failed call (or a print that did not reach the printer) as a localized notice; never a stack trace. */
export function notifyError(t: T, error: unknown): void {
  const message = error instanceof ApiError ? errorText(t, error.body) : error instanceof PrintError ? t('common.printFailed') : t('errors.INTERNAL');
  notify({ color: 'red', message, autoClose: 6000 });
}

/** The outcome of a call made from a button: its success notice, or its refusal, localized. */
export function notifyOutcome<R>(t: T, call: Promise<R>, success: string): Promise<void> {
  return call.then(
    () => notifySuccess(success),
    (error: unknown) => notifyError(t, error),
  );
}
