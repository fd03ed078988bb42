import { Controller } from 'react-hook-form';
import { Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { lostFoundMethods, type Output } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { categoryName } from './parts';
import { numberBounds } from '../../ui/fields';

const saveInput = lostFoundMethods['lostFound.categories.save'].input;

function CategoryRow({ category }: { category: Output<'lostFound.categories'>[number] }) {
  const t = useT();
  const save = useAction('lostFound.categories.save', ['lostFound.categories']);
  const form = useContractForm(saveInput, { defaultValues: { code: category.code, holdingDays: category.holdingDays } });
  const errorOf = useFieldErrors(form);
  const name = categoryName(t, category.code);
  const submit = useFormSubmit(form, ['holdingDays'], save.mutateAsync, (saved) => {
    notifySuccess(t('lostFound.messages.holdingSaved', { category: name, days: saved.holdingDays }));
    form.reset({ code: saved.code, holdingDays: saved.holdingDays });
  });
  return (
    <Table.Tr data-testid={`holding-${category.code}`}>
      <Table.Td>
        <Text fw={600}>{name}</Text>
      </Table.Td>
      <Table.Td>
        <form onSubmit={submit} noValidate>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Controller
              control={form.control}
              name="holdingDays"
              render={({ field }) => (
                <NumberInput
                  w={140}
                  aria-label={`${t('lostFound.holding.days')} · ${name}`}
                  {...numberBounds(lostFoundMethods['lostFound.categories.save'].input.shape.holdingDays)}
                  allowDecimal={false}
                  value={typeof field.value === 'number' && !Number.isNaN(field.value) ? field.value : ''}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                  onBlur={field.onBlur}
                  error={errorOf('holdingDays')}
                />
              )}
            />
            <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending} disabled={!form.formState.isDirty} aria-label={`${t('common.save')} ${name}`}>
              {t('common.save')}
            </Button>
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  );
}

/** Managers: how long each category is held for its owner before it goes to finance. */
export function HoldingPanel() {
  const t = useT();
  const categories = useMethod('lostFound.categories', {});
  return (
    <Stack gap="sm" maw={720}>
      <Title order={3} fz="lg">
        {t('lostFound.holding.title')}
      </Title>
      <Text c="dimmed">{t('lostFound.holding.hint')}</Text>
      <Table verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lostFound.fields.category')}</Table.Th>
            <Table.Th>{t('lostFound.holding.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(categories.data ?? []).map((category) => (
            <CategoryRow key={`${category.code}-${category.holdingDays}`} category={category} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
