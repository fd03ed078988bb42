import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Badge, Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconBabyCarriage, IconPackage, IconUmbrella, IconWheelchair } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import { assetTag, checkOutInput, ID_TYPES, overrideInput, PAYMENT_METHODS, timeOfDay, type Output } from '@shared/contract';
import { defaultDueAt, dueAtFromTime } from '@shared/rules/rentals';
import { formatParkTime } from '@shared/rules/time';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { applyServerErrors, useContractForm, useFieldErrors } from '../../ui/form';
import { FormTimeField } from '../../ui/dates';
import { NumberField, SelectField, STICKY_FOOTER } from '../../ui/fields';
import { ManagerApproval, readApproval, showApprovalErrors, useApprovalForm } from '../../ui/ManagerApproval';
import { Money } from '../../ui/money';
import { notifyError } from '../../ui/notify';
import { PrintedReceipt } from './PrintedReceipt';

/** The check-out form: the contract's input, with the return time as a time of day in the park. */
const checkOutForm = checkOutInput.omit({ dueAt: true, override: true }).extend({ dueTime: timeOfDay });
const overrideForm = overrideInput.omit({ approval: true });

const FIELDS = ['unitTag', 'visitorName', 'phone', 'identity.idType', 'identity.idNumber', 'payment', 'dueTime'] as const;

/** The unit a tag names, looked up as it is typed (the card and the field's message share the one lookup). */
function useUnitLookup(tag: string) {
  const valid = assetTag.safeParse(tag).success;
  return useMethod('rentals.units.lookup', { tag }, { enabled: valid, retry: false });
}

/** The unit scanned: its kind, state and deposit. An unknown tag is said once, by the tag field itself. */
function UnitCard({ tag }: { tag: string }) {
  const t = useT();
  const { language } = useLanguage();
  const unit = useUnitLookup(tag);
  if (!unit.data) return null;
  const u = unit.data;
  return (
    <Group gap="sm" data-testid="unit-card">
      <TypeIcon code={u.typeCode} />
      <Text fw={700}>{language === 'zh-CN' ? u.typeNameZh : u.typeNameEn}</Text>
      <Badge color={u.rentable ? 'teal' : 'red'} variant="light">
        {t(`rentals.states.${u.state}`)}
      </Badge>
      <Money fen={u.depositFen} fw={700} />
      {!u.rentable ? <Text c="red.8">{t('rentals.checkout.notRentable')}</Text> : null}
    </Group>
  );
}

/** The unit's kind at a glance: the park's own types by their code, a parcel for any other. */
function TypeIcon({ code }: { code: string }) {
  const Icon = code === 'wheelchair' ? IconWheelchair : code === 'stroller' ? IconBabyCarriage : code === 'umbrella' ? IconUmbrella : IconPackage;
  return <Icon size={20} aria-hidden data-icon={code} />;
}

/** No scanner at hand: the units that can be rented now, by type, one tap to pick. */
function UnitPicker({ onPick }: { onPick(tag: string): void }) {
  const t = useT();
  const { language } = useLanguage();
  const units = useMethod('rentals.units.list', { state: 'available' });
  const rentable = (units.data ?? []).slice(0, 24);
  if (rentable.length === 0) return null;
  return (
    <Group gap={6} aria-label={t('rentals.checkout.pick')} role="group">
      <Text fz="sm" c="dimmed">
        {t('rentals.checkout.pick')}
      </Text>
      {rentable.map((unit) => (
        <Button key={unit.id} variant="light" onClick={() => onPick(unit.tag)} tabIndex={-1}>
          {unit.tag} · {language === 'zh-CN' ? unit.typeNameZh : unit.typeNameEn}
        </Button>
      ))}
    </Group>
  );
}

/** Rent a unit: scan its tag, the visitor's name, phone and ID, payment; Enter rents and prints. */
export function CheckOutModal({ initialTag, onClose }: { initialTag?: string; onClose(): void }) {
  const t = useT();
  const park = usePark();
  const settings = useMethod('settings.get', {});
  const checkOut = useAction('rentals.checkOut', ['rentals.board', 'rentals.list', 'rentals.cash', 'rentals.units.list']);
  const [done, setDone] = useState<Output<'rentals.checkOut'>>();
  const [overrideOn, setOverrideOn] = useState(false);
  const paymentRef = useRef<HTMLDivElement>(null);
  const form = useContractForm(checkOutForm, {
    defaultValues: {
      unitTag: initialTag ?? '',
      visitorName: '',
      phone: '',
      identity: { idType: 'resident', idNumber: '' },
      payment: 'cash',
      dueTime: '18:00',
    },
  });
  const override = useContractForm(overrideForm, { defaultValues: { reason: '' } });
  const approvalForm = useApprovalForm();
  const errorOf = useFieldErrors(form);
  const overrideErrorOf = useFieldErrors(override);
  const closing = settings.data?.closingTime;
  const [tag] = useDebouncedValue(form.watch('unitTag'), 250);
  const unitLookup = useUnitLookup(tag);

  const { timeZone } = park.info;
  const now = park.now;
  useEffect(() => {
    // The field starts at the core's own default (closing time; an hour from now once closed): it is sent only when changed.
    if (closing && !form.getFieldState('dueTime').isDirty) form.resetField('dueTime', { defaultValue: formatParkTime(defaultDueAt(now(), { closingTime: closing, timeZone }), timeZone) });
  }, [closing, form, now, timeZone]);

  const submit = form.handleSubmit(async ({ dueTime, ...values }) => {
    let overrideValue: z.output<typeof overrideInput> | undefined;
    if (overrideOn) {
      const [amountOk, approvalValue] = [await override.trigger(), await readApproval(approvalForm)];
      const parsed = overrideForm.safeParse(override.getValues());
      if (!amountOk || !approvalValue || !parsed.success) return;
      overrideValue = { ...parsed.data, approval: approvalValue };
    }
    // Untouched, the due time is left to the core, which applies its default at the moment of the rental.
    const dueAt = form.getFieldState('dueTime').isDirty ? dueAtFromTime(park.now(), dueTime, timeZone) : undefined;
    try {
      setDone(await checkOut.mutateAsync({ ...values, ...(dueAt === undefined ? {} : { dueAt }), ...(overrideValue ? { override: overrideValue } : {}) }));
    } catch (error) {
      if (error instanceof ApiError && error.body.fields?.dueAt) {
        form.setError('dueTime', { type: 'server', message: error.body.fields.dueAt.key }, { shouldFocus: true });
        return;
      }
      if (error instanceof ApiError && showApprovalErrors(approvalForm, error.body)) return;
      if (!applyServerErrors(form, error, FIELDS)) notifyError(t, error);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('rentals.checkout.title')} size="xl" centered>
      {done ? (
        <PrintedReceipt
          title={t('rentals.checkout.done', { receiptNo: done.rental.receiptNo })}
          receiptNo={done.rental.receiptNo}
          jobId={done.printJobId}
          onNext={onClose}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text c="dimmed">{t('rentals.checkout.hint')}</Text>
            <TextInput
              label={t('rentals.fields.unitTag')}
              withAsterisk
              autoComplete="off"
              data-autofocus
              autoFocus
              size="lg"
              {...form.register('unitTag')}
              onKeyDown={(event) => {
                // A scanner ends the tag with Enter: that moves on to what is still to fill, never rents before the payment is chosen.
                if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
                event.preventDefault();
                const values = form.getValues();
                const empty = (['visitorName', 'phone', 'identity.idNumber'] as const).find((name) => (name === 'identity.idNumber' ? values.identity.idNumber : values[name]).trim() === '');
                if (empty) form.setFocus(empty);
                else paymentRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
              }}
              error={errorOf('unitTag') ?? (unitLookup.error ? t(unitLookup.error.body.message, unitLookup.error.body.params) : undefined)}
            />
            <UnitCard tag={tag} />
            <UnitPicker onPick={(picked) => form.setValue('unitTag', picked, { shouldValidate: true })} />
            <SimpleGrid cols={2}>
              <TextInput label={t('rentals.fields.visitorName')} withAsterisk autoComplete="off" {...form.register('visitorName')} error={errorOf('visitorName')} />
              <TextInput label={t('rentals.fields.phone')} withAsterisk inputMode="tel" autoComplete="off" {...form.register('phone')} error={errorOf('phone')} />
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <SelectField
                form={form}
                name="identity.idType"
                label={t('rentals.fields.idType')}
                withAsterisk
                data={ID_TYPES.map((type) => ({ value: type, label: t(`rentals.idTypes.${type}`) }))}
              />
              <TextInput
                label={t('rentals.fields.idNumber')}
                withAsterisk
                autoComplete="off"
                {...form.register('identity.idNumber')}
                error={errorOf('identity.idNumber')}
              />
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <Controller
                control={form.control}
                name="payment"
                render={({ field }) => (
                  <Stack gap={4} ref={paymentRef}>
                    <Text fw={500} fz="sm" id="payment-label">
                      {t('rentals.fields.payment')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="payment-label"
                      value={field.value}
                      onChange={field.onChange}
                      data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`rentals.payment.${method}`) }))}
                    />
                  </Stack>
                )}
              />
              <FormTimeField form={form} name="dueTime" label={t('rentals.fields.dueAt')} description={t('rentals.checkout.dueDefault')} />
            </SimpleGrid>
            <Switch label={t('rentals.fields.overrideDeposit')} checked={overrideOn} onChange={(e) => setOverrideOn(e.currentTarget.checked)} />
            {overrideOn ? (
              <Stack gap="sm">
                <SimpleGrid cols={2}>
                  <NumberField form={override} name="depositFen" label={t('rentals.fields.overrideAmount')} min={0} fen withAsterisk />
                  <TextInput label={t('rentals.fields.reason')} withAsterisk {...override.register('reason')} error={overrideErrorOf('reason')} />
                </SimpleGrid>
                <ManagerApproval form={approvalForm} hint={t('rentals.checkout.overrideHint')} />
              </Stack>
            ) : null}
            {checkOut.error && !checkOut.error.body.fields ? <Alert color="red">{t(checkOut.error.body.message, checkOut.error.body.params)}</Alert> : null}
            {/* Kept in sight at the foot of the dialog: with every field's message shown, the form is taller than a 1280×800 screen. */}
            <Group justify="flex-end" py="xs" data-testid="checkout-actions" style={STICKY_FOOTER}>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="lg" loading={checkOut.isPending}>
                {t('rentals.actions.rent')} ⏎
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
