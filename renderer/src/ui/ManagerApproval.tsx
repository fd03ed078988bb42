import { Paper, PasswordInput, SimpleGrid, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { UseFormReturn } from 'react-hook-form';
import { approval, encodeMessage, type Approval, type ErrorBody } from '@shared/contract';
import { useT } from '../app/i18n';
import { useMethod } from '../api/hooks';
import { useContractForm, useFieldErrors } from './form';
import { SelectField } from './fields';
import type { z } from 'zod';

export type ApprovalForm = UseFormReturn<z.input<typeof approval>, unknown, Approval>;

export function useApprovalForm(): ApprovalForm {
  return useContractForm(approval, { defaultValues: { pin: '' } });
}

/** Validates the approval beside the main form; undefined (with the errors shown) when incomplete. */
export async function readApproval(form: ApprovalForm): Promise<Approval | undefined> {
  if (!(await form.trigger())) return undefined;
  const parsed = approval.safeParse(form.getValues());
  return parsed.success ? parsed.data : undefined;
}

/** Puts the counter's refusal of an approval (`approval.pin`, `approval.staffId`) next to its field. */
export function showApprovalErrors(form: ApprovalForm, error: ErrorBody): boolean {
  let shown = false;
  for (const [path, field] of Object.entries(error.fields ?? {})) {
    if (path === 'approval.pin' || path === 'approval.staffId') {
      form.setError(path === 'approval.pin' ? 'pin' : 'staffId', { type: 'server', message: encodeMessage(field) }, { shouldFocus: true });
      shown = true;
    }
  }
  return shown;
}

/** A duty manager approves at the counter: who, and their PIN. */
export function ManagerApproval({ form, hint }: { form: ApprovalForm; hint: string }) {
  const t = useT();
  const errorOf = useFieldErrors(form);
  const roster = useMethod('auth.roster', {});
  const managers = (roster.data ?? []).filter((person) => person.role === 'manager' || person.role === 'admin');
  return (
    <Paper withBorder radius="md" p="md" bg="yellow.0" role="group" aria-label={t('rentals.fields.approver')}>
      <Text fw={600} mb="xs">
        <IconShieldCheck size={18} style={{ verticalAlign: 'text-bottom' }} /> {hint}
      </Text>
      <SimpleGrid cols={2}>
        <SelectField
          form={form}
          name="staffId"
          label={t('rentals.fields.approver')}
          data={managers.map((m) => ({ value: String(m.id), label: `${m.name} (${m.code})` }))}
          parse={Number}
          withAsterisk
        />
        <PasswordInput label={t('rentals.fields.approverPin')} inputMode="numeric" autoComplete="off" withAsterisk {...form.register('pin')} error={errorOf('pin')} />
      </SimpleGrid>
    </Paper>
  );
}
