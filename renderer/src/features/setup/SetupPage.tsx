import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { Button, Center, Group, Paper, PasswordInput, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCarousel, IconUserShield } from '@tabler/icons-react';
import { setupInput, type SetupInput } from '@shared/contract';
import { LANGUAGES, catalogs } from '@shared/i18n';
import { useLanguage, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useAction } from '../../api/hooks';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { LanguageToggle } from '../../ui/chrome';
import { SelectField } from '../../ui/fields';

/** The contract's set-up input, plus the PIN typed twice (a screen-only check). */
const setupForm = setupInput.extend({ pinConfirm: z.string() }).superRefine((value, ctx) => {
  if (value.manager.pin !== value.pinConfirm) ctx.addIssue({ code: 'custom', path: ['pinConfirm'], message: 'errors.pinMismatch' });
});

const PARK_FIELDS = ['parkName', 'defaultLanguage', 'timeZone'] as const;

/** First run: the park, then the first duty manager; in either language. */
export function SetupPage() {
  const t = useT();
  const { language } = useLanguage();
  const { begin } = useSession();
  const [step, setStep] = useState(0);
  const complete = useAction('setup.complete', ['system.info', 'auth.roster']);
  const form = useContractForm(setupForm, {
    defaultValues: { parkName: '', defaultLanguage: language, timeZone: 'Asia/Shanghai', manager: { name: '', code: '', pin: '' }, pinConfirm: '' },
  });
  const errorOf = useFieldErrors(form);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  // The park's default language follows the toggle until someone picks it on purpose.
  useEffect(() => {
    if (!form.getFieldState('defaultLanguage').isDirty) form.setValue('defaultLanguage', language);
  }, [language, form]);

  const next = async () => {
    if (await form.trigger([...PARK_FIELDS])) setStep(1);
  };

  const submit = useFormSubmit(
    form,
    ['parkName', 'defaultLanguage', 'timeZone', 'manager.name', 'manager.code', 'manager.pin'],
    ({ pinConfirm: _confirm, ...input }) => complete.mutateAsync(input satisfies SetupInput),
    (session) => {
      begin(session);
      notifySuccess(t('setup.done', { name: session.staff.name }));
    },
  );

  return (
    <Center mih="100vh" bg="gray.0" p="lg">
      <Paper shadow="md" radius="lg" p="xl" w="100%" maw={760} withBorder>
        <form
          noValidate
          onSubmit={(event) => {
            if (step === 0) {
              event.preventDefault();
              void next();
            } else void submit(event);
          }}
        >
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Title order={1} fz={28}>
                  {t('setup.title')}
                </Title>
                <Text c="dimmed" fz="lg">
                  {t('setup.intro')}
                </Text>
              </Stack>
              <LanguageToggle />
            </Group>
            <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} size="md">
              <Stepper.Step label={t('setup.stepPark')} description={t('setup.stepParkHint')} icon={<IconBuildingCarousel size={22} />}>
                <Stack gap="md" mt="md">
                  <TextInput
                    label={t('setup.parkName')}
                    placeholder={t('setup.parkNamePlaceholder')}
                    withAsterisk
                    data-autofocus
                    autoFocus
                    {...form.register('parkName')}
                    error={errorOf('parkName')}
                  />
                  <SelectField
                    form={form}
                    name="defaultLanguage"
                    label={t('setup.defaultLanguage')}
                    withAsterisk
                    data={LANGUAGES.map((lang) => ({ value: lang, label: catalogs[lang].lang[lang] }))}
                  />
                  <SelectField form={form} name="timeZone" label={t('setup.timeZone')} withAsterisk searchable data={zones} />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('setup.stepManager')} description={t('setup.stepManagerHint')} icon={<IconUserShield size={22} />}>
                <Stack gap="md" mt="md">
                  <TextInput label={t('setup.managerName')} withAsterisk autoFocus {...form.register('manager.name')} error={errorOf('manager.name')} />
                  <TextInput
                    label={t('setup.staffCode')}
                    description={t('setup.staffCodeHint')}
                    withAsterisk
                    autoComplete="off"
                    {...form.register('manager.code')}
                    error={errorOf('manager.code')}
                  />
                  <Group grow align="flex-start">
                    <PasswordInput
                      label={t('setup.pin')}
                      description={t('setup.pinHint')}
                      withAsterisk
                      inputMode="numeric"
                      autoComplete="new-password"
                      {...form.register('manager.pin')}
                      error={errorOf('manager.pin')}
                    />
                    <PasswordInput
                      label={t('setup.pinConfirm')}
                      description=" "
                      withAsterisk
                      inputMode="numeric"
                      autoComplete="new-password"
                      {...form.register('pinConfirm')}
                      error={errorOf('pinConfirm')}
                    />
                  </Group>
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between">
              {step > 0 ? (
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('common.back')}
                </Button>
              ) : (
                <span />
              )}
              {step === 0 ? (
                <Button size="lg" type="submit">
                  {t('common.next')}
                </Button>
              ) : (
                <Button size="lg" type="submit" loading={complete.isPending}>
                  {t('setup.finish')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
