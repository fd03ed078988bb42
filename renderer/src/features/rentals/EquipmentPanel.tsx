import { useState } from 'react';
import { Badge, Button, Drawer, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { IconBarcode, IconHistory, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { rentalsMethods, type ItemTypeView, type UnitView } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { clearable, EmptyRow, FormActions, NumberField, SelectField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { IconAction } from '../../ui/IconAction';
import { notifyError, notifySuccess } from '../../ui/notify';
import { Pending } from '../../ui/readFailed';

const REFRESH = ['rentals.board', 'rentals.units.list'] as const;
const typeInput = rentalsMethods['rentals.types.save'].input;
const unitInput = rentalsMethods['rentals.units.add'].input;
const retireInput = rentalsMethods['rentals.units.retire'].input;

function TypeModal({ type, onClose }: { type?: ItemTypeView; onClose(): void }) {
  const t = useT();
  const save = useAction('rentals.types.save', [...REFRESH]);
  const form = useContractForm(typeInput, {
    defaultValues: type
      ? { id: type.id, code: type.code, nameZh: type.nameZh, nameEn: type.nameEn, depositFen: type.depositFen, active: type.active, handOut: type.handOut }
      : { code: '', nameZh: '', nameEn: '', depositFen: 0, active: true, handOut: false },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['code', 'nameZh', 'nameEn', 'depositFen', 'active', 'handOut'], save.mutateAsync, (saved) => {
    notifySuccess(`${saved.nameZh} · ${saved.nameEn}`);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={type ? t('rentals.actions.editType') : t('rentals.actions.addType')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={3}>
            <TextInput label={t('rentals.fields.code')} withAsterisk data-autofocus {...form.register('code')} error={errorOf('code')} />
            <TextInput label={t('rentals.fields.nameZh')} withAsterisk {...form.register('nameZh')} error={errorOf('nameZh')} />
            <TextInput label={t('rentals.fields.nameEn')} withAsterisk {...form.register('nameEn')} error={errorOf('nameEn')} />
          </SimpleGrid>
          <NumberField form={form} name="depositFen" label={t('rentals.fields.standardDeposit')} min={0} fen />
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => <Switch label={t('rentals.fields.active')} checked={field.value ?? true} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
          />
          <Controller
            control={form.control}
            name="handOut"
            render={({ field }) => (
              <Switch label={t('rentals.fields.handOut')} checked={field.value ?? false} onChange={(e) => field.onChange(e.currentTarget.checked)} error={errorOf('handOut')} />
            )}
          />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function UnitModal({ types, onClose }: { types: ItemTypeView[]; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const add = useAction('rentals.units.add', [...REFRESH]);
  const form = useContractForm(unitInput, { defaultValues: { tag: '', ...(types[0] ? { typeId: types[0].id } : {}) } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['typeId', 'tag', 'note'], add.mutateAsync, (unit) => {
    notifySuccess(unit.tag);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('rentals.actions.addUnit')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SelectField
            form={form}
            name="typeId"
            label={t('rentals.fields.type')}
            withAsterisk
            parse={Number}
            data={types.map((type) => ({ value: String(type.id), label: language === 'zh-CN' ? type.nameZh : type.nameEn }))}
          />
          <TextInput label={t('rentals.fields.unitTag')} withAsterisk data-autofocus autoComplete="off" {...form.register('tag')} error={errorOf('tag')} />
          <TextInput label={t('rentals.fields.note')} {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={t('common.add')} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RetireModal({ unit, onClose }: { unit: UnitView; onClose(): void }) {
  const t = useT();
  const retire = useAction('rentals.units.retire', [...REFRESH]);
  const form = useContractForm(retireInput, { defaultValues: { unitId: unit.id, reason: '' } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['reason'], retire.mutateAsync, () => {
    notifySuccess(`${unit.tag}: ${t('rentals.states.retired')}`);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`${unit.tag} · ${t('rentals.actions.retire')}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('rentals.fields.reason')} withAsterisk data-autofocus {...form.register('reason')} error={errorOf('reason')} />
          <FormActions onCancel={onClose} submitLabel={t('rentals.actions.retire')} loading={retire.isPending} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}

function HistoryDrawer({ unit, onClose }: { unit: UnitView; onClose(): void }) {
  const t = useT();
  const format = useParkFormat();
  const history = useMethod('rentals.units.history', { unitId: unit.id });
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={`${unit.tag} · ${t('rentals.actions.history')}`}>
      {history.data ? null : <Pending read={history} />}
      {history.data?.length === 0 ? <Text c="dimmed">{t('rentals.history.empty')}</Text> : null}
      <Timeline bulletSize={18} lineWidth={2}>
        {(history.data ?? []).map((entry, index) => (
          <Timeline.Item key={`${entry.at}-${index}`} title={t(`rentals.history.${entry.kind}`)}>
            <Text fz="sm" c="dimmed">
              {format.dateTime(entry.at)} {entry.staffName ? `· ${entry.staffName}` : ''}
            </Text>
            {entry.ref ? <Text ff="monospace">{entry.ref}</Text> : null}
            {entry.condition ? <Text fz="sm">{t(`rentals.condition.${entry.condition}`)}</Text> : null}
            {entry.detail ? <Text fz="sm">{entry.detail}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Drawer>
  );
}

/** Item types with their deposits, and the units with their tags, state and history. */
export function EquipmentPanel() {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useSession();
  const manager = session?.staff.role === 'manager' || session?.staff.role === 'admin';
  const board = useMethod('rentals.board', {});
  const [typeFilter, setTypeFilter] = useState<string | null>(null);
  const units = useMethod('rentals.units.list', typeFilter ? { typeId: Number(typeFilter) } : {});
  const printLabel = useAction('rentals.units.printLabel');
  const [editingType, setEditingType] = useState<ItemTypeView | 'new'>();
  const [addingUnit, setAddingUnit] = useState(false);
  const [retiring, setRetiring] = useState<UnitView>();
  const [history, setHistory] = useState<UnitView>();
  const types = board.data?.types ?? [];
  const name = (type: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? type.nameZh : type.nameEn);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={3}>{t('rentals.lists.typesTitle')}</Title>
        {manager ? (
          <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditingType('new')}>
            {t('rentals.actions.addType')}
          </Button>
        ) : null}
      </Group>
      <Table striped verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.type')}</Table.Th>
            <Table.Th>{t('rentals.fields.code')}</Table.Th>
            <Table.Th>{t('rentals.fields.standardDeposit')}</Table.Th>
            <Table.Th>{t('rentals.fields.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.map((type) => (
            <Table.Tr key={type.id} data-testid={`type-${type.code}`}>
              <Table.Td fw={600}>
                {type.nameZh} · {type.nameEn}
              </Table.Td>
              <Table.Td ff="monospace">{type.code}</Table.Td>
              <Table.Td>{type.depositFen > 0 ? <Money fen={type.depositFen} /> : t('rentals.board.free')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={type.active ? 'teal' : 'gray'}>
                  {/* 在用 for a type in use (在岗 is said of people on duty). */}
                  {type.active ? t('rentals.fields.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {manager ? (
                  <IconAction label={t('rentals.actions.editType')} target={name(type)} onClick={() => setEditingType(type)}>
                    <IconPencil size={20} />
                  </IconAction>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Group justify="space-between">
        <Group>
          <Title order={3}>{t('rentals.lists.unitsTitle')}</Title>
          <Select
            aria-label={t('rentals.fields.type')}
            placeholder={t('common.all')}
            {...clearable(t('common.clearField', { field: t('rentals.fields.type') }))}
            value={typeFilter}
            onChange={setTypeFilter}
            data={types.map((type) => ({ value: String(type.id), label: name(type) }))}
            w={220}
          />
        </Group>
        {manager ? (
          <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setAddingUnit(true)}>
            {t('rentals.actions.addUnit')}
          </Button>
        ) : null}
      </Group>
      <Table striped verticalSpacing="xs" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.unitTag')}</Table.Th>
            <Table.Th>{t('rentals.fields.type')}</Table.Th>
            <Table.Th>{t('rentals.fields.status')}</Table.Th>
            <Table.Th>{t('rentals.fields.note')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(units.data ?? []).length === 0 && !units.isLoading ? (
            <EmptyRow read={units}
              colSpan={5}
              action={
                manager && !typeFilter ? (
                  <Button variant="light" size="md" leftSection={<IconPlus size={18} />} onClick={() => setAddingUnit(true)}>
                    {t('rentals.actions.addUnit')}
                  </Button>
                ) : undefined
              }
            >
              {typeFilter ? t('rentals.lists.emptyUnitsOfType') : t('rentals.lists.emptyUnits')}
            </EmptyRow>
          ) : null}
          {(units.data ?? []).map((unit) => (
            <Table.Tr key={unit.id} data-testid={`unit-${unit.tag}`}>
              <Table.Td ff="monospace" fw={700}>
                {unit.tag}
              </Table.Td>
              <Table.Td>{language === 'zh-CN' ? unit.typeNameZh : unit.typeNameEn}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={unit.state === 'available' ? 'teal' : unit.state === 'out' ? 'blue' : unit.state === 'inspectionDue' ? 'yellow' : 'red'}>
                  {t(`rentals.states.${unit.state}`)}
                </Badge>
                {unit.openReceiptNo ? (
                  <Text component="span" ff="monospace" ml="xs">
                    {unit.openReceiptNo}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{unit.note ?? ''}</Table.Td>
              <Table.Td>
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <IconAction label={t('rentals.actions.history')} target={unit.tag} onClick={() => setHistory(unit)}>
                    <IconHistory size={20} />
                  </IconAction>
                  <IconAction
                    label={t('rentals.actions.printLabel')}
                    target={unit.tag}
                    onClick={() =>
                      printLabel.mutateAsync({ unitId: unit.id }).then(
                        () => notifySuccess(t('rentals.actions.labelQueued')),
                        (error: unknown) => notifyError(t, error),
                      )
                    }
                  >
                    <IconBarcode size={20} />
                  </IconAction>
                  {manager && unit.state !== 'retired' && unit.state !== 'out' ? (
                    <IconAction label={t('rentals.actions.retire')} target={unit.tag} color="red" onClick={() => setRetiring(unit)}>
                      <IconTrash size={20} />
                    </IconAction>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editingType ? <TypeModal type={editingType === 'new' ? undefined : editingType} onClose={() => setEditingType(undefined)} /> : null}
      {addingUnit ? <UnitModal types={types.filter((type) => type.active && !type.handOut)} onClose={() => setAddingUnit(false)} /> : null}
      {retiring ? <RetireModal unit={retiring} onClose={() => setRetiring(undefined)} /> : null}
      {history ? <HistoryDrawer unit={history} onClose={() => setHistory(undefined)} /> : null}
    </Stack>
  );
}
