import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import {
  actionInput,
  checkStatusNote,
  followUpInput,
  handOverInput,
  sendStaffInput,
  STATEMENT_ROLES,
  statementInput,
  statusFields,
  superiorInput,
  type IncidentDetail,
  type IncidentStatus,
} from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow, FormActions, SelectField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { REFRESH } from './parts';

/** A list of recorded entries: when, what, who. */
export function EntryTable({ rows, testId }: { rows: Array<{ id: number; at: number; main: string; extra?: string | null; by: string }>; testId: string }) {
  const t = useT();
  const format = useParkFormat();
  return (
    <Table verticalSpacing={6} fz="md" data-testid={testId}>
      <Table.Tbody>
        {rows.length === 0 ? <EmptyRow colSpan={3}>{t('incidents.lists.emptyEntries')}</EmptyRow> : null}
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td ff="monospace" w={70} style={{ verticalAlign: 'top' }}>
              {format.time(row.at)}
            </Table.Td>
            <Table.Td>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{row.main}</Text>
              {row.extra ? (
                <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {row.extra}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td c="dimmed" w={110} style={{ verticalAlign: 'top' }}>
              {row.by}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const sendForm = sendStaffInput.omit({ incidentId: true });

/** Staff sent to the scene: who, recorded now. */
export function SendStaffForm({ incidentId }: { incidentId: number }) {
  const t = useT();
  const send = useAction('incidents.sendStaff', REFRESH);
  const form = useContractForm(sendForm, { defaultValues: { name: '', note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['name', 'note'], (values) => send.mutateAsync({ ...values, incidentId }), () => form.reset());
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput label={t('incidents.fields.staffName')} withAsterisk autoComplete="off" {...form.register('name')} error={errorOf('name')} style={{ flex: 1 }} />
        <TextInput label={t('incidents.fields.note')} autoComplete="off" {...form.register('note')} error={errorOf('note')} style={{ flex: 2 }} />
        <Button type="submit" mt={28} loading={send.isPending} leftSection={<IconPlus size={18} />}>
          {t('incidents.actions.send')}
        </Button>
      </Group>
    </form>
  );
}

const actionForm = actionInput.omit({ incidentId: true });

export function ActionForm({ incidentId }: { incidentId: number }) {
  const t = useT();
  const add = useAction('incidents.action', REFRESH);
  const form = useContractForm(actionForm, { defaultValues: { text: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['text'], (values) => add.mutateAsync({ ...values, incidentId }), () => form.reset());
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <Textarea label={t('incidents.fields.actionText')} withAsterisk autosize minRows={1} {...form.register('text')} error={errorOf('text')} style={{ flex: 1 }} />
        <Button type="submit" mt={28} loading={add.isPending} leftSection={<IconPlus size={18} />}>
          {t('incidents.actions.add')}
        </Button>
      </Group>
    </form>
  );
}

const followUpForm = followUpInput.omit({ incidentId: true });

export function FollowUpForm({ incidentId }: { incidentId: number }) {
  const t = useT();
  const add = useAction('incidents.followUp', REFRESH);
  const form = useContractForm(followUpForm, { defaultValues: { note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note'], (values) => add.mutateAsync({ ...values, incidentId }), () => form.reset());
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <Textarea label={t('incidents.fields.followUpNote')} withAsterisk autosize minRows={1} {...form.register('note')} error={errorOf('note')} style={{ flex: 1 }} />
        <Button type="submit" mt={28} loading={add.isPending} leftSection={<IconPlus size={18} />}>
          {t('incidents.actions.add')}
        </Button>
      </Group>
    </form>
  );
}

const superiorForm = superiorInput.omit({ incidentId: true });

export function SuperiorForm({ incidentId }: { incidentId: number }) {
  const t = useT();
  const add = useAction('incidents.superior', REFRESH);
  const form = useContractForm(superiorForm, { defaultValues: { name: '', note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['name', 'note'], (values) => add.mutateAsync({ ...values, incidentId }), () => form.reset());
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput label={t('incidents.fields.superiorName')} withAsterisk autoComplete="off" {...form.register('name')} error={errorOf('name')} style={{ flex: 1 }} />
        <TextInput label={t('incidents.fields.note')} autoComplete="off" {...form.register('note')} error={errorOf('note')} style={{ flex: 1 }} />
        <Button type="submit" mt={28} loading={add.isPending} leftSection={<IconPlus size={18} />}>
          {t('incidents.actions.add')}
        </Button>
      </Group>
    </form>
  );
}

const statementForm = statementInput.omit({ incidentId: true });

/** A statement: the person, involved or witness, how to reach them, and what they said. */
export function StatementModal({ incidentId, onClose }: { incidentId: number; onClose(): void }) {
  const t = useT();
  const add = useAction('incidents.statement', REFRESH);
  const form = useContractForm(statementForm, { defaultValues: { personName: '', role: 'witness', contact: '', text: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['personName', 'role', 'contact', 'text'], (values) => add.mutateAsync({ ...values, incidentId }), onClose);
  return (
    <Modal opened onClose={onClose} title={t('incidents.actions.addStatement')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('incidents.fields.personStatement')} withAsterisk data-autofocus autoComplete="off" {...form.register('personName')} error={errorOf('personName')} />
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text fz="sm" fw={500} id="statement-role-label">
                    {t('incidents.fields.statementRole')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="statement-role-label"
                    value={field.value}
                    onChange={field.onChange}
                    data={STATEMENT_ROLES.map((role) => ({ value: role, label: t(`incidents.statementRole.${role}`) }))}
                  />
                </Stack>
              )}
            />
          </Group>
          <TextInput label={t('incidents.fields.contact')} autoComplete="off" {...form.register('contact')} error={errorOf('contact')} />
          <Textarea label={t('incidents.fields.statementText')} withAsterisk autosize minRows={4} {...form.register('text')} error={errorOf('text')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

const handOverForm = handOverInput.omit({ incidentId: true });

/** 首问负责制: the owner hands over to a counter colleague, with a note. */
export function HandOverModal({ incident, onClose }: { incident: IncidentDetail; onClose(): void }) {
  const t = useT();
  const roster = useMethod('auth.roster', {});
  const handOver = useAction('incidents.handOver', REFRESH);
  const form = useContractForm(handOverForm, { defaultValues: { note: '' } });
  const errorOf = useFieldErrors(form);
  const people = (roster.data ?? []).filter((person) => person.role !== 'broadcast' && person.id !== incident.owner.id);
  const submit = useFormSubmit(form, ['toStaffId', 'note'], (values) => handOver.mutateAsync({ ...values, incidentId: incident.id }), (result) => {
    notifySuccess(t('incidents.handOver.done', { name: result.owner.name }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('incidents.handOver.title')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed">{t('incidents.handOver.hint')}</Text>
          <SelectField
            form={form}
            name="toStaffId"
            label={t('incidents.fields.handOverTo')}
            withAsterisk
            searchable
            data={people.map((person) => ({ value: String(person.id), label: `${person.name} (${person.code}) · ${t(`roles.${person.role}`)}` }))}
            parse={Number}
          />
          <Textarea label={t('incidents.fields.handOverNote')} withAsterisk autosize minRows={2} {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t('incidents.actions.handOver')} loading={handOver.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The status change as the contract checks it: the status chosen by the button, the note typed. */
const statusForm = statusFields.pick({ status: true, note: true }).superRefine(checkStatusNote);

const STATUS_TEXT = {
  handled: { title: 'incidents.statusChange.handledTitle', label: 'incidents.fields.outcome', done: 'incidents.statusChange.handled', action: 'incidents.actions.markHandled' },
  closed: { title: 'incidents.statusChange.closeTitle', label: 'incidents.fields.statusNote', done: 'incidents.statusChange.closed', action: 'incidents.actions.close' },
  open: { title: 'incidents.statusChange.reopenTitle', label: 'incidents.fields.reopenReason', done: 'incidents.statusChange.open', action: 'incidents.actions.reopen' },
} as const;

/** Open → handled (how it was settled) → closed (needs a recorded notification); handled back to open (why). */
export function StatusModal({ incidentId, to, onClose }: { incidentId: number; to: IncidentStatus; onClose(): void }) {
  const t = useT();
  const change = useAction('incidents.setStatus', REFRESH);
  const form = useContractForm(statusForm, { defaultValues: { status: to, note: '' } });
  const errorOf = useFieldErrors(form);
  const text = STATUS_TEXT[to];
  const submit = useFormSubmit(form, ['note'], (values) => change.mutateAsync({ incidentId, status: values.status, note: values.note }), () => {
    notifySuccess(t(text.done));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t(text.title)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {to === 'closed' ? <Text c="dimmed">{t('incidents.statusChange.closeHint')}</Text> : null}
          <Textarea label={t(text.label)} withAsterisk={to !== 'closed'} autosize minRows={3} data-autofocus {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t(text.action)} loading={change.isPending} color={to === 'closed' ? 'dark' : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}
