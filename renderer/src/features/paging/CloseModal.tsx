import { Modal, Stack, TextInput } from '@mantine/core';
import { pagingMethods, type PagingView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';

/** Resolve (found, done) or cancel a request; a cancellation says why. */
export function CloseModal({ slip, outcome, onClose }: { slip: PagingView; outcome: 'resolved' | 'cancelled'; onClose(): void }) {
  const t = useT();
  const close = useAction('paging.close', ['paging.queue', 'paging.list']);
  const form = useContractForm(pagingMethods['paging.close'].input, { defaultValues: { id: slip.id, outcome, note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note'], close.mutateAsync, onClose);
  const label = outcome === 'resolved' ? t('paging.actions.resolve') : t('paging.actions.cancel');
  return (
    <Modal opened onClose={onClose} title={label} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('paging.fields.note')} withAsterisk={outcome === 'cancelled'} data-autofocus {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={label} loading={close.isPending} color={outcome === 'cancelled' ? 'red' : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}
