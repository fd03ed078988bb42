import { Button, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../ui/notify';

/** Prints a printout again (its copy carries 补打 / REPRINT); a failed reprint says so, the record stands. */
export function ReprintButton({ jobId, label, done, ...button }: { jobId: number; label: string; done?: string; 'aria-label'?: string } & Pick<ButtonProps, 'size' | 'variant'>) {
  const t = useT();
  const reprint = useAction('printer.reprint', ['printer.status', 'printer.jobs']);
  return (
    <Button
      variant="default"
      leftSection={<IconPrinter size={20} />}
      loading={reprint.isPending}
      {...button}
      onClick={() =>
        reprint.mutateAsync({ jobId }).then(
          () => notifySuccess(done ?? label),
          (error: unknown) => notifyError(t, error),
        )
      }
    >
      {label}
    </Button>
  );
}
