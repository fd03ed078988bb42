import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { rentalsMethods, type RepairView } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { EmptyRow, FormActions, NumberField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { Money } from '../../ui/money';
import { notifySuccess } from '../../ui/notify';

const updateInput = rentalsMethods['rentals.repairs.update'].input;

function RepairModal({ repair, back, onClose }: { repair: RepairView; back: boolean; onClose(): void }) {
  const t = useT();
  const update = useAction('rentals.repairs.update', ['rentals.repairs.list', 'rentals.board', 'rentals.units.list']);
  const form = useContractForm(updateInput, { defaultValues: { id: repair.id, markSent: !back, markBack: back, sentTo: repair.sentTo ?? undefined } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['sentTo', 'costFen', 'note'], update.mutateAsync, () => {
    notifySuccess(`${repair.unitTag}: ${back ? t('rentals.actions.markBack') : t('rentals.actions.markSent')}`);
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`${repair.unitTag} · ${back ? t('rentals.actions.markBack') : t('rentals.actions.markSent')}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {back ? (
            <NumberField form={form} name="costFen" label={t('rentals.fields.cost')} min={0} fen />
          ) : (
            <TextInput label={t('rentals.fields.sentTo')} data-autofocus {...form.register('sentTo')} error={errorOf('sentTo')} />
          )}
          <TextInput label={t('rentals.fields.note')} {...form.register('note')} error={errorOf('note')} />
          <FormActions onCancel={onClose} submitLabel={back ? t('rentals.actions.markBack') : t('rentals.actions.markSent')} loading={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Repair tickets: fault, sent (to whom), back (cost). A unit back from repair is inspected before it is lent. */
export function RepairsPanel() {
  const t = useT();
  const { language } = useLanguage();
  const format = useParkFormat();
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<{ repair: RepairView; back: boolean }>();
  const list = useMethod('rentals.repairs.list', { open: !showClosed });
  const rows = list.data ?? [];
  return (
    <>
      <Switch mb="sm" label={t('rentals.lists.showClosedRepairs')} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />
      <Table striped verticalSpacing="sm" fz="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rentals.fields.unitTag')}</Table.Th>
            <Table.Th>{t('rentals.fields.fault')}</Table.Th>
            <Table.Th>{t('rentals.fields.staff')}</Table.Th>
            <Table.Th>{t('rentals.fields.sentTo')}</Table.Th>
            <Table.Th>{t('rentals.fields.cost')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !list.isLoading ? <EmptyRow read={list} colSpan={6}>{t('rentals.lists.emptyRepairs')}</EmptyRow> : null}
          {rows.map((repair) => (
            <Table.Tr key={repair.id} data-testid={`repair-${repair.unitTag}`}>
              <Table.Td>
                <Text ff="monospace" fw={700}>
                  {repair.unitTag}
                </Text>
                <Text fz="sm" c="dimmed">
                  {language === 'zh-CN' ? repair.typeNameZh : repair.typeNameEn}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text>{repair.fault}</Text>
                <Text fz="sm" c="dimmed">
                  {format.dateTime(repair.openedAt)}
                </Text>
              </Table.Td>
              <Table.Td>{repair.openedBy?.name ?? '—'}</Table.Td>
              <Table.Td>{repair.sentAt ? `${repair.sentTo ?? ''} · ${format.dateTime(repair.sentAt)}` : '—'}</Table.Td>
              <Table.Td>{repair.costFen !== null ? <Money fen={repair.costFen} /> : '—'}</Table.Td>
              <Table.Td>
                {repair.backAt === null ? (
                  <Group justify="flex-end" gap="xs">
                    {repair.sentAt === null ? (
                      <Button variant="light" onClick={() => setEditing({ repair, back: false })} aria-label={`${repair.unitTag} ${t('rentals.actions.markSent')}`}>
                        {t('rentals.actions.markSent')}
                      </Button>
                    ) : null}
                    <Button color="teal" onClick={() => setEditing({ repair, back: true })} aria-label={`${repair.unitTag} ${t('rentals.actions.markBack')}`}>
                      {t('rentals.actions.markBack')}
                    </Button>
                  </Group>
                ) : (
                  <Badge variant="light" color="teal">
                    {format.dateTime(repair.backAt)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? <RepairModal repair={editing.repair} back={editing.back} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
