import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconAmbulance, IconClockPlay, IconEdit, IconPlus } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { casualtyFields, checkHospitalEscort, timeOfDay, type CasualtyView, type IncidentDetail, type Input } from '@shared/contract';
import { formatParkTime, typedTimeToInstant } from '@shared/rules/time';
import { useT } from '../../app/i18n';
import { usePark, useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { FormActions, SelectField } from '../../ui/fields';
import { applyServerErrors, useContractForm, useFieldErrors } from '../../ui/form';
import { notifyError, notifySuccess } from '../../ui/notify';
import { REFRESH } from './parts';
import { FormTimeField } from '../../ui/dates';

const optionalTime = z.union([timeOfDay, z.literal('')]);

/** The injured visitor's form: the contract's fields, with the hospital times as park times of day. */
const casualtyForm = casualtyFields
  .pick({ name: true, injury: true, firstAid: true, toHospital: true, hospital: true, escortStaffId: true })
  .extend({ leftTime: optionalTime, arrivedTime: optionalTime, returnedTime: optionalTime })
  .superRefine(checkHospitalEscort);

const FIELDS = ['name', 'injury', 'firstAid', 'toHospital', 'hospital', 'escortStaffId'] as const;
const TIME_FIELDS = { leftAt: 'leftTime', arrivedAt: 'arrivedTime', returnedAt: 'returnedTime' } as const;
type TimeField = (typeof TIME_FIELDS)[keyof typeof TIME_FIELDS];

type Casualty = Input<'incidents.casualty'>;

function asInput(incidentId: number, casualty: CasualtyView): Casualty {
  return {
    incidentId,
    casualtyId: casualty.id,
    name: casualty.name,
    injury: casualty.injury,
    firstAid: casualty.firstAid ?? '',
    toHospital: casualty.toHospital,
    hospital: casualty.hospital ?? '',
    escortStaffId: casualty.escort?.id ?? null,
    leftAt: casualty.leftAt,
    arrivedAt: casualty.arrivedAt,
    returnedAt: casualty.returnedAt,
  };
}

function CasualtyModal({ incidentId, casualty, onClose }: { incidentId: number; casualty?: CasualtyView; onClose(): void }) {
  const t = useT();
  const park = usePark();
  const roster = useMethod('auth.roster', {});
  const save = useAction('incidents.casualty', REFRESH);
  const tz = park.info.timeZone;
  const hhmm = (at: number | null | undefined) => (at === null || at === undefined ? '' : formatParkTime(at, tz));
  const form = useContractForm(casualtyForm, {
    defaultValues: {
      name: casualty?.name ?? '',
      injury: casualty?.injury ?? '',
      firstAid: casualty?.firstAid ?? '',
      toHospital: casualty?.toHospital ?? false,
      hospital: casualty?.hospital ?? '',
      escortStaffId: casualty?.escort?.id ?? null,
      leftTime: hhmm(casualty?.leftAt),
      arrivedTime: hhmm(casualty?.arrivedAt),
      returnedTime: hhmm(casualty?.returnedAt),
    },
  });
  const errorOf = useFieldErrors(form);
  const toHospital = form.watch('toHospital');
  // "Now" keeps the exact instant (the timeline orders by it); a typed time is that minute. A time
  // already recorded keeps its instant (and its day) unless it is changed: editing the first aid
  // the next morning does not move yesterday evening's hospital times to today.
  const [stamps, setStamps] = useState<Partial<Record<TimeField, number>>>(() => ({
    ...(casualty?.leftAt != null ? { leftTime: casualty.leftAt } : {}),
    ...(casualty?.arrivedAt != null ? { arrivedTime: casualty.arrivedAt } : {}),
    ...(casualty?.returnedAt != null ? { returnedTime: casualty.returnedAt } : {}),
  }));
  const instant = (field: TimeField, time: string) => {
    if (time === '') return null;
    const stamped = stamps[field];
    return stamped !== undefined && formatParkTime(stamped, tz) === time ? stamped : typedTimeToInstant(time, park.now(), tz);
  };

  const submit = form.handleSubmit(async ({ leftTime, arrivedTime, returnedTime, ...values }) => {
    const times = toHospital
      ? { leftAt: instant('leftTime', leftTime), arrivedAt: instant('arrivedTime', arrivedTime), returnedAt: instant('returnedTime', returnedTime) }
      : { leftAt: null, arrivedAt: null, returnedAt: null };
    try {
      await save.mutateAsync({ incidentId, ...(casualty ? { casualtyId: casualty.id } : {}), ...values, ...times });
      notifySuccess(t('incidents.casualty.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.body.fields) {
        let placed = false;
        for (const [field, name] of Object.entries(TIME_FIELDS)) {
          const fieldError = error.body.fields[field];
          if (fieldError) {
            form.setError(name, { type: 'server', message: fieldError.key }, { shouldFocus: true });
            placed = true;
          }
        }
        if (placed) return;
      }
      if (!applyServerErrors(form, error, FIELDS)) notifyError(t, error);
    }
  });

  const stampNow = (name: TimeField) => {
    const now = park.now();
    setStamps((current) => ({ ...current, [name]: now }));
    form.setValue(name, formatParkTime(now, tz), { shouldDirty: true });
  };

  const timeInput = (name: TimeField, label: string) => (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <FormTimeField form={form} name={name} label={label} style={{ flex: 1 }} />
      <Button variant="default" onClick={() => stampNow(name)} aria-label={`${label}: ${t('incidents.actions.now')}`}>
        {t('incidents.actions.now')}
      </Button>
    </Group>
  );

  return (
    <Modal opened onClose={onClose} title={casualty ? `${t('incidents.sections.casualties')} · ${casualty.name}` : t('incidents.actions.addCasualty')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('incidents.fields.casualtyName')} withAsterisk data-autofocus autoComplete="off" {...form.register('name')} error={errorOf('name')} />
            <TextInput label={t('incidents.fields.injury')} withAsterisk autoComplete="off" {...form.register('injury')} error={errorOf('injury')} />
          </SimpleGrid>
          <Textarea label={t('incidents.fields.firstAid')} autosize minRows={2} {...form.register('firstAid')} error={errorOf('firstAid')} />
          <Controller
            control={form.control}
            name="toHospital"
            render={({ field }) => (
              <Switch size="lg" label={t('incidents.fields.toHospital')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} onBlur={field.onBlur} />
            )}
          />
          {toHospital ? (
            <Paper withBorder radius="md" p="md" bg="red.0">
              <Stack gap="sm">
                <Text fz="sm">{t('incidents.casualty.hospitalHint')}</Text>
                <SimpleGrid cols={2}>
                  <TextInput label={t('incidents.fields.hospital')} withAsterisk autoComplete="off" {...form.register('hospital')} error={errorOf('hospital')} />
                  <SelectField
                    form={form}
                    name="escortStaffId"
                    label={t('incidents.fields.escort')}
                    withAsterisk
                    searchable
                    data={(roster.data ?? []).map((person) => ({ value: String(person.id), label: `${person.name} (${person.code})` }))}
                    parse={Number}
                  />
                </SimpleGrid>
                <SimpleGrid cols={3}>
                  {timeInput('leftTime', t('incidents.fields.leftAt'))}
                  {timeInput('arrivedTime', t('incidents.fields.arrivedAt'))}
                  {timeInput('returnedTime', t('incidents.fields.returnedAt'))}
                </SimpleGrid>
              </Stack>
            </Paper>
          ) : null}
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function CasualtyCard({ incidentId, casualty, readOnly, onEdit }: { incidentId: number; casualty: CasualtyView; readOnly: boolean; onEdit(): void }) {
  const t = useT();
  const park = usePark();
  const format = useParkFormat();
  const save = useAction('incidents.casualty', REFRESH);
  const [stamping, setStamping] = useState<'leftAt' | 'arrivedAt' | 'returnedAt'>();
  /** The escort phones in: one tap records that moment. */
  const stamp = async (field: 'leftAt' | 'arrivedAt' | 'returnedAt') => {
    setStamping(field);
    try {
      await save.mutateAsync({ ...asInput(incidentId, casualty), [field]: park.now() });
    } catch (error) {
      notifyError(t, error);
    } finally {
      setStamping(undefined);
    }
  };
  const times = [
    { field: 'leftAt', label: t('incidents.fields.leftAt'), at: casualty.leftAt },
    { field: 'arrivedAt', label: t('incidents.fields.arrivedAt'), at: casualty.arrivedAt },
    { field: 'returnedAt', label: t('incidents.fields.returnedAt'), at: casualty.returnedAt },
  ] as const;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`casualty-${casualty.id}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={700} fz="lg">
            {casualty.name}
          </Text>
          <Text>{t('incidents.labelValue', { label: t('incidents.fields.injury'), value: casualty.injury })}</Text>
          {casualty.firstAid ? <Text c="dimmed">{t('incidents.labelValue', { label: t('incidents.fields.firstAid'), value: casualty.firstAid })}</Text> : null}
        </Stack>
        <Group gap="xs">
          <Badge size="lg" variant={casualty.toHospital ? 'filled' : 'light'} color={casualty.toHospital ? 'red' : 'gray'} leftSection={casualty.toHospital ? <IconAmbulance size={16} /> : null} style={{ textTransform: 'none' }}>
            {casualty.toHospital ? `${t('incidents.fields.toHospital')} · ${casualty.hospital ?? ''}` : t('incidents.casualty.onSite')}
          </Badge>
          {readOnly ? null : (
            <Button variant="default" leftSection={<IconEdit size={18} />} onClick={onEdit}>
              {t('incidents.actions.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {casualty.toHospital ? (
        <Stack gap="xs" mt="sm">
          <Text fw={600}>{t('incidents.labelValue', { label: t('incidents.fields.escort'), value: casualty.escort?.name ?? t('incidents.casualty.escortNone') })}</Text>
          <SimpleGrid cols={3} spacing="xs">
            {times.map((time) =>
              time.at !== null ? (
                <Stack key={time.field} gap={0}>
                  <Text fz="sm" c="dimmed">
                    {time.label}
                  </Text>
                  <Text fw={700} ff="monospace" data-testid={`casualty-${time.field}`}>
                    {format.time(time.at)}
                  </Text>
                </Stack>
              ) : (
                <Button
                  key={time.field}
                  variant="light"
                  leftSection={<IconClockPlay size={18} />}
                  disabled={readOnly || (stamping !== undefined && stamping !== time.field)}
                  loading={stamping === time.field}
                  onClick={() => void stamp(time.field)}
                  aria-label={`${time.label}: ${t('incidents.actions.now')}`}
                >
                  {time.label} · {t('incidents.actions.now')}
                </Button>
              ),
            )}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** Injured visitors: injury, first aid, and the hospital escort with its times. */
export function CasualtyPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState<CasualtyView | 'new'>();
  return (
    <Stack gap="sm">
      {incident.casualties.length === 0 ? <Text c="dimmed">{t('incidents.lists.emptyEntries')}</Text> : null}
      {incident.casualties.map((casualty) => (
        <CasualtyCard key={casualty.id} incidentId={incident.id} casualty={casualty} readOnly={readOnly} onEdit={() => setEditing(casualty)} />
      ))}
      {readOnly ? null : (
        <Group>
          <Button variant="light" color="red" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('incidents.actions.addCasualty')}
          </Button>
        </Group>
      )}
      {editing ? <CasualtyModal incidentId={incident.id} casualty={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} /> : null}
    </Stack>
  );
}
