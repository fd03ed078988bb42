import { useState } from 'react';
import { Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { SLOT_KINDS, slotInput, type SlotView } from '@shared/contract';
import { SCRIPT_FIELDS, SLOT_MINUTES, slotEnd } from '@shared/rules/programme';
import { useLanguage, useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow, FormActions, NumberField, SelectField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { IconAction } from '../../ui/IconAction';
import { notifyError, notifySuccess } from '../../ui/notify';
import { FormTimeField } from '../../ui/dates';

const REFRESH = ['programme.slots.list', 'programme.day'] as const;
const FIELDS = ['kind', 'start', 'durationMinutes', 'titleZh', 'titleEn', 'textZh', 'textEn', 'notesZh', 'notesEn'] as const;

function SlotModal({ slot, onClose }: { slot?: SlotView; onClose(): void }) {
  const t = useT();
  const save = useAction('programme.slots.save', [...REFRESH]);
  const form = useContractForm(slotInput, {
    defaultValues: slot
      ? {
          id: slot.id,
          kind: slot.kind,
          start: slot.start,
          durationMinutes: slot.durationMinutes,
          titleZh: slot.titleZh,
          titleEn: slot.titleEn,
          textZh: slot.textZh,
          textEn: slot.textEn,
          notesZh: slot.notesZh,
          notesEn: slot.notesEn,
        }
      : { kind: 'activity', start: '', durationMinutes: SLOT_MINUTES.standard, titleZh: '', titleEn: '', textZh: '', textEn: '', notesZh: '', notesEn: '' },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, FIELDS, save.mutateAsync, (saved) => {
    notifySuccess(t('programme.edit.saved', { time: saved.start }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={slot ? t('programme.edit.editTitle', { time: slot.start }) : t('programme.edit.addTitle')} centered size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text c="dimmed" fz="sm">
            {t('programme.edit.hint')}
          </Text>
          <SimpleGrid cols={3}>
            <SelectField form={form} name="kind" label={t('programme.fields.kind')} withAsterisk data={SLOT_KINDS.map((kind) => ({ value: kind, label: t(`programme.kinds.${kind}`) }))} />
            <FormTimeField form={form} name="start" label={t('programme.fields.start')} withAsterisk autoFocus />
            <NumberField form={form} name="durationMinutes" label={t('programme.fields.duration')} min={SLOT_MINUTES.min} max={SLOT_MINUTES.max} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput label={t('programme.fields.titleZh')} withAsterisk {...form.register('titleZh')} error={errorOf('titleZh')} />
            <TextInput label={t('programme.fields.titleEn')} withAsterisk {...form.register('titleEn')} error={errorOf('titleEn')} />
            <Textarea label={t('programme.fields.textZh')} withAsterisk autosize minRows={5} maxRows={10} {...form.register('textZh')} error={errorOf('textZh')} />
            <Textarea label={t('programme.fields.textEn')} withAsterisk autosize minRows={5} maxRows={10} {...form.register('textEn')} error={errorOf('textEn')} />
            <TextInput label={t('programme.fields.notesZh')} {...form.register('notesZh')} error={errorOf('notesZh')} />
            <TextInput label={t('programme.fields.notesEn')} {...form.register('notesEn')} error={errorOf('notesEn')} />
          </SimpleGrid>
          <Text c="dimmed" fz="sm">
            {t('programme.edit.words', { words: SCRIPT_FIELDS.map((field) => `{{${field}}}`).join(', ') })}
          </Text>
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveModal({ slot, onClose }: { slot: SlotView; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const remove = useAction('programme.slots.remove', [...REFRESH]);
  const confirm = async () => {
    try {
      await remove.mutateAsync({ id: slot.id });
      notifySuccess(t('programme.edit.removed'));
      onClose();
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('programme.edit.removeTitle', { time: slot.start })} centered>
      <Stack>
        <Text>{t('programme.edit.removeBody', { title: language === 'zh-CN' ? slot.titleZh : slot.titleEn })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" leftSection={<IconTrash size={18} />} loading={remove.isPending} onClick={() => void confirm()}>
            {t('programme.edit.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Managers' edit mode: add, edit, remove and reorder the slots of the normal-day programme. */
export function ProgrammeEditor() {
  const t = useT();
  const { language } = useLanguage();
  const list = useMethod('programme.slots.list', {});
  const reorder = useAction('programme.slots.reorder', [...REFRESH]);
  const [editing, setEditing] = useState<SlotView | 'new'>();
  const [removing, setRemoving] = useState<SlotView>();
  const slots = list.data ?? [];

  const move = async (index: number, by: -1 | 1) => {
    const ids = slots.map((slot) => slot.id);
    const other = ids[index + by];
    const self = ids[index];
    if (other === undefined || self === undefined) return;
    ids[index] = other;
    ids[index + by] = self;
    try {
      await reorder.mutateAsync({ ids });
      notifySuccess(t('programme.edit.reordered'));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('programme.edit.enter')}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="xl">
          {t('programme.edit.enter')}
        </Title>
        <Button size="lg" leftSection={<IconPlus size={20} />} onClick={() => setEditing('new')}>
          {t('programme.edit.add')}
        </Button>
      </Group>
      <Text c="dimmed" mb="md">
        {t('programme.edit.hint')}
      </Text>
      <Table striped verticalSpacing="sm" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.fields.start')}</Table.Th>
            <Table.Th>{t('programme.fields.title')}</Table.Th>
            <Table.Th>{t('programme.fields.text')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slots.length === 0 && !list.isLoading ? <EmptyRow read={list} colSpan={4}>{t('programme.day.emptyManager')}</EmptyRow> : null}
          {slots.map((slot, index) => {
            const name = language === 'zh-CN' ? slot.titleZh : slot.titleEn;
            return (
              <Table.Tr key={slot.id} data-testid={`edit-${slot.start}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text ff="monospace" fw={700} fz="lg">
                    {slot.start}–{slotEnd(slot)}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {t(`programme.kinds.${slot.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{slot.titleZh}</Text>
                  <Text fz="sm" c="dimmed">
                    {slot.titleEn}
                  </Text>
                </Table.Td>
                <Table.Td maw={420}>
                  <Text lineClamp={2}>{language === 'zh-CN' ? slot.textZh : slot.textEn}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {index > 0 ? (
                      <IconAction label={t('programme.edit.moveEarlier')} target={`${slot.start} ${name}`} onClick={() => void move(index, -1)}>
                        <IconArrowUp size={20} />
                      </IconAction>
                    ) : null}
                    {index < slots.length - 1 ? (
                      <IconAction label={t('programme.edit.moveLater')} target={`${slot.start} ${name}`} onClick={() => void move(index, 1)}>
                        <IconArrowDown size={20} />
                      </IconAction>
                    ) : null}
                    <IconAction label={t('programme.edit.edit')} target={`${slot.start} ${name}`} onClick={() => setEditing(slot)}>
                      <IconPencil size={20} />
                    </IconAction>
                    <IconAction label={t('programme.edit.remove')} target={`${slot.start} ${name}`} color="red" onClick={() => setRemoving(slot)}>
                      <IconTrash size={20} />
                    </IconAction>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing ? <SlotModal slot={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
      {removing ? <RemoveModal slot={removing} onClose={() => setRemoving(undefined)} /> : null}
    </Paper>
  );
}
