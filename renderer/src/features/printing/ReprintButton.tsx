import { Button, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { IconAction } from '../../ui/IconAction';
import { notifyOutcome } from '../../ui/notify';

/** Prints a printout again (its copy carries 补打 / REPRINT); a failed reprint says so, the record stands. */
function useReprint(jobId: number, done: string) {
  const t = useT();
  const reprint = useAction('printer.reprint', ['printer.status', 'printer.jobs']);
  const run = () => notifyOutcome(t, reprint.mutateAsync({ jobId }), done);
  return { run, pending: reprint.isPending };
}

export function ReprintButton({ jobId, label, done, ...button }: { jobId: number; label: string; done?: string; 'aria-label'?: string } & Pick<ButtonProps, 'size' | 'variant'>) {
  const reprint = useReprint(jobId, done ?? label);
  return (
    <Button variant="default" leftSection={<IconPrinter size={20} />} loading={reprint.pending} {...button} onClick={() => void reprint.run()}>
      {label}
    </Button>
  );
}

/** The same as a row's icon action (`补打 R20261129-0001`). */
export function ReprintIcon({ jobId, target }: { jobId: number; target: string }) {
  const t = useT();
  const reprint = useReprint(jobId, t('printer.jobs.reprinted'));
  return (
    <IconAction label={t('rentals.actions.reprint')} target={target} onClick={() => void reprint.run()}>
      <IconPrinter size={20} />
    </IconAction>
  );
}
