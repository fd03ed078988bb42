import { useState } from 'react';
import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCheck, IconTool } from '@tabler/icons-react';
import { rentalsMethods, type UnitView } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { useParkFormat } from '../../app/park';
import { EmptyRow, FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { InspectionDeadline } from './InspectionDeadline';

const REFRESH = ['rentals.units.list', 'rentals.board', 'rentals.repairs.list'] as const;

function DamageModal({ unit, onClose }: { unit: UnitView; onClose(): void }) {
  const t = useT();
  const inspect = useAction('rentals.inspect', [...REFRESH]);
  const form = useContractForm(rentalsMethods['rentals.inspect'].input, { defaultValues: { unitId: unit.id, result: 'damaged', note: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note'], inspect.mutateAsync, () => {
    notifySuccess(`${unit.tag}: ${t('rentals.states.repair')}`);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`${unit.tag} · ${t('rentals.actions.inspectDamaged')}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('rentals.fields.fault')} withAsterisk autosize minRows={2} data-autofocus {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t('rentals.actions.inspectDamaged')} loading={inspect.isPending} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Before opening: each unit checked OK, or damaged with a note (it goes under repair). */
export function InspectionPanel() {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const units = useMethod('rentals.units.list', { state: 'inspectionDue' });
  const board = useMethod('rentals.board', {});
  const inspect = useAction('rentals.inspect', [...REFRESH]);
  const [damaged, setDamaged] = useState<UnitView>();
  const rows = units.data ?? [];
  const ok = async (unit: UnitView) => {
    try {
      await inspect.mutateAsync({ unitId: unit.id, result: 'ok' });
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <>
      <Group mb="sm" gap="lg">
        <Text fw={600}>{rows.length > 0 ? t('rentals.board.toInspect', { count: rows.length }) : t('rentals.board.allInspected')}</Text>
        {board.data ? <InspectionDeadline toInspect={rows.length} parkDate={board.data.parkDate} /> : null}
      </Group>
      <Table striped verticalSpacing="sm" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.unitTag')}</Table.Th>
            <Table.Th>{t('rentals.fields.type')}</Table.Th>
            <Table.Th>{t('rentals.fields.inspectedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !units.isLoading ? <EmptyRow read={units} colSpan={4}>{t('rentals.lists.emptyInspection')}</EmptyRow> : null}
          {rows.map((unit) => (
            <Table.Tr key={unit.id} data-testid={`inspect-${unit.tag}`}>
              <Table.Td ff="monospace" fw={700}>
                {unit.tag}
              </Table.Td>
              <Table.Td>{language === 'zh-CN' ? unit.typeNameZh : unit.typeNameEn}</Table.Td>
              <Table.Td>{unit.inspectedAt ? format.date(unit.inspectedAt) : '—'}</Table.Td>
              <Table.Td>
                <Group justify="flex-end" gap="xs">
                  <Button color="teal" leftSection={<IconCheck size={18} />} onClick={() => void ok(unit)} aria-label={`${unit.tag} ${t('rentals.actions.inspectOk')}`}>
                    {t('rentals.actions.inspectOk')}
                  </Button>
                  <Button variant="light" color="red" leftSection={<IconTool size={18} />} onClick={() => setDamaged(unit)} aria-label={`${unit.tag} ${t('rentals.actions.inspectDamaged')}`}>
                    {t('rentals.actions.inspectDamaged')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {damaged ? <DamageModal unit={damaged} onClose={() => setDamaged(undefined)} /> : null}
    </>
  );
}
