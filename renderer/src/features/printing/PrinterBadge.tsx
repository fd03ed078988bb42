import { useEffect } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { IconPrinter, IconPrinterOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { parsePrinterFailure, printerStatus, type PrinterStatus } from '@shared/contract/printing';
import { useT, type T } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { Pending } from '../../ui/readFailed';

/** A `lastError` (`refused: 192.168.1.50:9100`) in words, in the current language. */
export function printerErrorText(t: T, lastError: string): string {
  const failure = parsePrinterFailure(lastError);
  return failure ? t(`printer.failure.${failure.code}`, { detail: failure.detail }) : lastError;
}

const STATE_LABELS = { preview: 'printer.badge.preview', unknown: 'printer.badge.unknown', ready: 'printer.badge.ready' } as const;

function label(t: T, status: PrinterStatus): string {
  const main =
    status.state === 'offline'
      ? t('printer.badge.offline', { waiting: status.waiting })
      : status.waiting > 0
        ? t('printer.badge.printing', { waiting: status.waiting })
        : t(STATE_LABELS[status.state]);
  // A printout that cannot print stays in sight until someone sets it aside (the printouts panel).
  return status.failed > 0 ? `${main} · ${t('printer.badge.failed', { failed: status.failed })}` : main;
}

/** Nothing to tell: ready (or the preview printer), nothing waiting, nothing failed. */
const calm = (status: PrinterStatus) => (status.state === 'ready' || status.state === 'preview') && status.waiting === 0 && status.failed === 0;

const COLORS = { offline: 'red', ready: 'teal', unknown: 'yellow', preview: 'gray' } as const;

/**
 * The printer in the header: ready, preview, or "printer offline: N waiting" in red with the last
 * error on hover. It follows the `printer.changed` live event at once (the event carries the status).
 */
export function PrinterBadge() {
  const t = useT();
  const queryClient = useQueryClient();
  const status = useMethod('printer.status', {});

  useEffect(() => {
    const onEvent = (event: Event) => {
      const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
      if (!detail || typeof detail !== 'object' || !('name' in detail) || detail.name !== 'printer.changed' || !('payload' in detail)) return;
      const parsed = printerStatus.safeParse(detail.payload);
      if (parsed.success) queryClient.setQueryData(['printer.status', {}], parsed.data);
    };
    window.addEventListener('parkdesk:event', onEvent);
    return () => window.removeEventListener('parkdesk:event', onEvent);
  }, [queryClient]);

  if (!status.data) return <Pending read={status} compact />;
  const offline = status.data.state === 'offline';
  const badge = (
    <Badge
      size="lg"
      variant={offline ? 'filled' : 'light'}
      color={status.data.failed > 0 && !offline ? 'orange' : COLORS[status.data.state]}
      leftSection={offline ? <IconPrinterOff size={16} /> : <IconPrinter size={16} />}
      role="status"
      aria-live="polite"
      data-testid="printer-badge"
      data-state={status.data.state}
      data-failed={status.data.failed}
      data-calm={calm(status.data) ? true : undefined}
    >
      {label(t, status.data)}
    </Badge>
  );
  if (!status.data.lastError) return badge;
  return (
    <Tooltip label={t('printer.badge.lastError', { error: printerErrorText(t, status.data.lastError) })} multiline maw={360}>
      {badge}
    </Tooltip>
  );
}
