import { useState } from 'react';
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { pagingMethods, SCRIPT_KINDS, type DepartmentView, type GeneralTextView, type ScriptKind } from '@shared/contract';
import { LANGUAGES } from '@shared/i18n';
import { PLACEHOLDERS } from '@shared/rules/scripts';
import { useLanguage, useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { IconAction } from '../../ui/IconAction';
import { notifySuccess } from '../../ui/notify';

const scriptInput = pagingMethods['paging.scripts.save'].input;
const departmentInput = pagingMethods['departments.save'].input;
const generalTextInput = pagingMethods['paging.generalTexts.save'].input;

function GeneralTextModal({ text, onClose }: { text?: GeneralTextView; onClose(): void }) {
  const t = useT();
  const save = useAction('paging.generalTexts.save', ['paging.generalTexts.list']);
  const form = useContractForm(generalTextInput, {
    defaultValues: text ? { id: text.id, titleZh: text.titleZh, titleEn: text.titleEn, textZh: text.textZh, textEn: text.textEn, active: text.active } : { titleZh: '', titleEn: '', textZh: '', textEn: '', active: true },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['titleZh', 'titleEn', 'textZh', 'textEn'], save.mutateAsync, () => {
    notifySuccess(t('paging.scripts.generalSaved'));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={text ? `${text.titleZh} · ${text.titleEn}` : t('paging.actions.addGeneralText')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('paging.fields.titleZh')} withAsterisk data-autofocus {...form.register('titleZh')} error={errorOf('titleZh')} />
            <TextInput label={t('paging.fields.titleEn')} withAsterisk {...form.register('titleEn')} error={errorOf('titleEn')} />
          </SimpleGrid>
          <Textarea label={t('paging.fields.textZh')} withAsterisk autosize minRows={3} {...form.register('textZh')} error={errorOf('textZh')} />
          <Textarea label={t('paging.fields.textEn')} autosize minRows={3} {...form.register('textEn')} error={errorOf('textEn')} />
          <Switch label={t('common.active')} {...form.register('active')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Managers: the library of standard general announcements the counter picks from. */
function GeneralTexts() {
  const t = useT();
  const { language } = useLanguage();
  const texts = useMethod('paging.generalTexts.list', { includeInactive: true });
  const [editing, setEditing] = useState<GeneralTextView | 'new'>();
  return (
    <Stack gap="xs" data-testid="general-texts">
      <Group justify="space-between">
        <Title order={3}>{t('paging.scripts.generalTitle')}</Title>
        <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          {t('paging.actions.addGeneralText')}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed">
        {t('paging.scripts.generalHint')}
      </Text>
      <Table striped verticalSpacing="xs" fz="md">
        <Table.Tbody>
          {(texts.data ?? []).map((text) => (
            <Table.Tr key={text.id} data-testid={`general-text-${text.id}`}>
              <Table.Td w={220}>
                <Text fw={600}>{language === 'zh-CN' ? text.titleZh : text.titleEn}</Text>
                {text.active ? null : (
                  <Badge variant="light" color="gray">
                    {t('common.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" lineClamp={2} lang="zh-CN">
                  {text.textZh}
                </Text>
                <Text fz="sm" c="dimmed" lineClamp={1} lang="en">
                  {text.textEn}
                </Text>
              </Table.Td>
              <Table.Td ta="right" w={64}>
                <IconAction label={t('common.edit')} target={language === 'zh-CN' ? text.titleZh : text.titleEn} onClick={() => setEditing(text)}>
                  <IconPencil size={20} />
                </IconAction>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? <GeneralTextModal text={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
    </Stack>
  );
}

function ScriptEditor({ kind, language, text }: { kind: ScriptKind; language: 'zh-CN' | 'en'; text: string }) {
  const t = useT();
  const save = useAction('paging.scripts.save', ['paging.scripts.list']);
  const form = useContractForm(scriptInput, { defaultValues: { kind, language, text } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['text'], save.mutateAsync, () => notifySuccess(t('paging.scripts.saved')));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={6}>
        <Textarea label={`${t(`paging.scriptKinds.${kind}`)} · ${t(`lang.${language}`)}`} autosize minRows={3} {...form.register('text')} error={errorOf('text')} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={save.isPending} disabled={!form.formState.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DepartmentModal({ department, onClose }: { department?: DepartmentView; onClose(): void }) {
  const t = useT();
  const save = useAction('departments.save', ['departments.list']);
  const form = useContractForm(departmentInput, {
    defaultValues: department ?? { code: '', nameZh: '', nameEn: '', headName: '', headPhone: '', active: true },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['code', 'nameZh', 'nameEn', 'headName', 'headPhone'], save.mutateAsync, onClose);
  return (
    <Modal opened onClose={onClose} title={department ? `${department.nameZh} · ${department.nameEn}` : t('paging.actions.addDepartment')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={3}>
            <TextInput label={t('paging.fields.code')} withAsterisk data-autofocus {...form.register('code')} error={errorOf('code')} />
            <TextInput label={t('paging.fields.nameZh')} withAsterisk {...form.register('nameZh')} error={errorOf('nameZh')} />
            <TextInput label={t('paging.fields.nameEn')} withAsterisk {...form.register('nameEn')} error={errorOf('nameEn')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label={t('paging.fields.headName')} {...form.register('headName')} error={errorOf('headName')} />
            <TextInput label={t('paging.fields.headPhone')} inputMode="tel" {...form.register('headPhone')} error={errorOf('headPhone')} />
          </SimpleGrid>
          <Switch label={t('common.active')} {...form.register('active')} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Managers: the standard scripts the operators read, and the departments whose heads are summoned. */
export function ScriptsPanel() {
  const t = useT();
  const { language } = useLanguage();
  const scripts = useMethod('paging.scripts.list', {});
  const departments = useMethod('departments.list', { includeInactive: true });
  const [editing, setEditing] = useState<DepartmentView | 'new'>();
  return (
    <Stack gap="lg">
      <Title order={3}>{t('paging.actions.scripts')}</Title>
      {SCRIPT_KINDS.map((kind) => (
        <Stack key={kind} gap="xs">
          <Text fz="sm" c="dimmed">
            {t('paging.scripts.hint', { names: PLACEHOLDERS[kind].map((name) => `{${name}}`).join(' ') })}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {LANGUAGES.map((lang) => {
              const script = scripts.data?.find((s) => s.kind === kind && s.language === lang);
              return script ? <ScriptEditor key={`${kind}-${lang}-${script.updatedAt ?? 0}`} kind={kind} language={lang} text={script.text} /> : null;
            })}
          </SimpleGrid>
        </Stack>
      ))}
      <GeneralTexts />
      <Group justify="space-between">
        <Title order={3}>{t('paging.actions.departments')}</Title>
        <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          {t('paging.actions.addDepartment')}
        </Button>
      </Group>
      <Table striped verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paging.fields.department')}</Table.Th>
            <Table.Th>{t('paging.fields.headName')}</Table.Th>
            <Table.Th>{t('paging.fields.headPhone')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(departments.data ?? []).map((department) => (
            <Table.Tr key={department.id}>
              <Table.Td>
                {language === 'zh-CN' ? department.nameZh : department.nameEn}{' '}
                {department.active ? null : (
                  <Badge variant="light" color="gray">
                    {t('common.inactive')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{department.headName || '—'}</Table.Td>
              <Table.Td ff="monospace">{department.headPhone || '—'}</Table.Td>
              <Table.Td ta="right">
                <IconAction label={t('common.edit')} target={department.nameZh} onClick={() => setEditing(department)}>
                  <IconPencil size={20} />
                </IconAction>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? <DepartmentModal department={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
    </Stack>
  );
}
