import { Button, Modal, Stack, type ButtonProps } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { ApiError } from '../../api/client';
import { useAction } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { IconAction } from '../../ui/IconAction';
import { ManagerApproval, readApproval, showApprovalErrors, useApprovalForm } from '../../ui/ManagerApproval';
import { notifyError, notifySuccess } from '../../ui/notify';

/**
 * Prints a printout again (its copy carries 补打 / REPRINT); a failed reprint says so, the record
 * stands. A deposit receipt the visitor already holds is a voucher for the refund: the counter asks
 * for it, and a duty manager approves the second copy here with their PIN.
 */
function useReprint(jobId: number, done: string): { run: () => Promise<void>; pending: boolean; approval: ReactNode } {
  const t = useT();
  const reprint = useAction('printer.reprint', ['printer.status', 'printer.jobs']);
  const [asking, setAsking] = useState(false);
  const form = useApprovalForm();

  const run = () =>
    reprint.mutateAsync({ jobId }).then(
      () => notifySuccess(done),
      (error: unknown) => {
        if (error instanceof ApiError && error.body.fields?.approval) setAsking(true);
        else notifyError(t, error);
      },
    );
  const approve = async () => {
    const approval = await readApproval(form);
    if (!approval) return;
    try {
      await reprint.mutateAsync({ jobId, approval });
      setAsking(false);
      form.reset();
      notifySuccess(done);
    } catch (error) {
      if (!(error instanceof ApiError && showApprovalErrors(form, error.body))) notifyError(t, error);
    }
  };
  const close = () => {
    setAsking(false);
    form.reset();
  };

  const approval = (
    <Modal opened={asking} onClose={close} title={t('printer.jobs.voucherTitle')} size="lg" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void approve();
        }}
      >
        <Stack gap="md">
          <ManagerApproval form={form} hint={t('printer.jobs.voucherHint')} />
          <FormActions onCancel={close} submitLabel={t('printer.jobs.voucherConfirm')} loading={reprint.isPending} />
        </Stack>
      </form>
    </Modal>
  );
  return { run, pending: reprint.isPending, approval };
}

export function ReprintButton({ jobId, label, done, ...button }: { jobId: number; label: string; done?: string; 'aria-label'?: string } & Pick<ButtonProps, 'size' | 'variant'>) {
  const reprint = useReprint(jobId, done ?? label);
  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={20} />} loading={reprint.pending} {...button} onClick={() => void reprint.run()}>
        {label}
      </Button>
      {reprint.approval}
    </>
  );
}

/** The same as a row's icon action (`补打 R20261129-0001`). */
export function ReprintIcon({ jobId, target }: { jobId: number; target: string }) {
  const t = useT();
  const reprint = useReprint(jobId, t('printer.jobs.reprinted'));
  return (
    <>
      <IconAction label={t('rentals.actions.reprint')} target={target} onClick={() => void reprint.run()}>
        <IconPrinter size={20} />
      </IconAction>
      {reprint.approval}
    </>
  );
}
