import { Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { ROLES, staffCreateInput, staffMethods, type StaffView } from '@shared/contract';
import { LANGUAGES, catalogs } from '@shared/i18n';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useAction } from '../../api/hooks';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { FormActions, SelectField } from '../../ui/fields';
import { notifySuccess } from '../../ui/notify';

const PARK_DEFAULT = 'park-default';

function useRoleOptions(current?: StaffView['role']) {
  const t = useT();
  const { session } = useSession();
  // Only an administrator may hand out the administrator role (the core refuses it too).
  const mayGrantAdmin = session?.staff.role === 'admin';
  return ROLES.filter((role) => role !== 'admin' || mayGrantAdmin || current === 'admin').map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function useLanguageOptions() {
  const t = useT();
  return [{ value: PARK_DEFAULT, label: t('staff.languageDefault') }, ...LANGUAGES.map((lang) => ({ value: lang, label: catalogs[lang].lang[lang] }))];
}

const updateInput = staffMethods['staff.update'].input;

/** Add a staff member (no `staff`) or edit one: the same fields, the contract's two schemas. */
export function StaffModal({ staff, onClose }: { staff?: StaffView; onClose(): void }) {
  return staff ? <EditStaff staff={staff} onClose={onClose} /> : <CreateStaff onClose={onClose} />;
}

function CreateStaff({ onClose }: { onClose(): void }) {
  const t = useT();
  const create = useAction('staff.create', ['staff.list', 'auth.roster']);
  const form = useContractForm(staffCreateInput, { defaultValues: { code: '', name: '', role: 'counter', pin: '', language: null } });
  const errorOf = useFieldErrors(form);
  const roles = useRoleOptions();
  const languages = useLanguageOptions();
  const submit = useFormSubmit(form, ['code', 'name', 'role', 'pin', 'language'], create.mutateAsync, (created) => {
    notifySuccess(t('staff.created', { name: created.name }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.add')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('staff.name')} withAsterisk data-autofocus {...form.register('name')} error={errorOf('name')} />
            <TextInput label={t('staff.code')} withAsterisk autoComplete="off" {...form.register('code')} error={errorOf('code')} />
          </Group>
          <Group grow align="flex-start">
            <SelectField form={form} name="role" label={t('staff.role')} withAsterisk data={roles} />
            <SelectField form={form} name="language" label={t('staff.language')} data={languages} nullValue={PARK_DEFAULT} />
          </Group>
          <PasswordInput
            label={t('staff.pinInitial')}
            description={t('setup.pinHint')}
            withAsterisk
            inputMode="numeric"
            autoComplete="new-password"
            {...form.register('pin')}
            error={errorOf('pin')}
          />
          <FormActions onCancel={onClose} submitLabel={t('common.add')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function EditStaff({ staff, onClose }: { staff: StaffView; onClose(): void }) {
  const t = useT();
  const update = useAction('staff.update', ['staff.list', 'auth.roster']);
  const form = useContractForm(updateInput, {
    defaultValues: { id: staff.id, code: staff.code, name: staff.name, role: staff.role, language: staff.language },
  });
  const errorOf = useFieldErrors(form);
  const roles = useRoleOptions(staff.role);
  const languages = useLanguageOptions();
  const { session } = useSession();
  const submit = useFormSubmit(form, ['code', 'name', 'role', 'language', 'active'], update.mutateAsync, (saved) => {
    notifySuccess(t('staff.updated', { name: saved.name }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.editTitle', { name: staff.name })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            <TextInput label={t('staff.name')} withAsterisk data-autofocus {...form.register('name')} error={errorOf('name')} />
            <TextInput label={t('staff.code')} withAsterisk autoComplete="off" {...form.register('code')} error={errorOf('code')} />
          </Group>
          <Group grow align="flex-start">
            <SelectField form={form} name="role" label={t('staff.role')} data={roles} disabled={staff.role === 'admin' && session?.staff.role !== 'admin'} />
            <SelectField form={form} name="language" label={t('staff.language')} data={languages} nullValue={PARK_DEFAULT} />
          </Group>
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

const resetInput = staffMethods['staff.resetPin'].input;

export function ResetPinModal({ staff, onClose }: { staff: StaffView; onClose(): void }) {
  const t = useT();
  const reset = useAction('staff.resetPin', ['staff.list', 'auth.roster']);
  const form = useContractForm(resetInput, { defaultValues: { id: staff.id, pin: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['pin'], reset.mutateAsync, () => {
    notifySuccess(t('staff.pinReset', { name: staff.name }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('staff.resetPinTitle', { name: staff.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t('signIn.newPin')}
            description={t('setup.pinHint')}
            inputMode="numeric"
            autoComplete="new-password"
            data-autofocus
            {...form.register('pin')}
            error={errorOf('pin')}
          />
          <FormActions onCancel={onClose} submitLabel={t('staff.resetPin')} loading={reset.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
