import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { remotePairInput, type StationLink } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ApiError } from '../../api/client';
import { Brand, LanguageToggle } from '../../ui/chrome';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import classes from '../signin/SignInPage.module.css';

/**
 * The first screen on another PC: pair it with the counter once, with the code a duty manager shows
 * on the counter (Duty manager → Stations). In a browser the counter's address is the page's own;
 * ParkDesk in station mode asks for it.
 */
export function PairingPage({ link }: { link: Extract<StationLink, { mode: 'lan' | 'remote' }> }) {
  const t = useT();
  const { transport, relink } = useSession();
  const remote = link.mode === 'remote';
  const form = useContractForm(remotePairInput, {
    defaultValues: { counterUrl: remote ? (link.counterUrl ?? '') : window.location.host, code: '', name: remote ? (link.stationName ?? '') : '' },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(
    form,
    ['counterUrl', 'code', 'name'],
    async (values) => {
      const result = await transport.pair(link, values);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
    (paired) => {
      notifySuccess(t('stations.page.paired', { name: paired.name }));
      relink();
    },
  );

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="xl" py="md" bg="white" className={classes.header}>
        <Brand parkName={t('app.name')} />
        <LanguageToggle />
      </Group>
      <Center p="xl">
        <Paper shadow="sm" radius="lg" p="xl" w="100%" maw={640} withBorder>
          <form onSubmit={submit} noValidate>
            <Stack gap="lg">
              <Group gap="sm" wrap="nowrap">
                <IconPlugConnected size={32} aria-hidden />
                <Title order={1} fz={26}>
                  {t('stations.page.title')}
                </Title>
              </Group>
              {link.revoked ? (
                <Alert color="red" variant="light" role="alert">
                  {t('stations.page.revoked')}
                </Alert>
              ) : null}
              <Text c="dark.4">{t('stations.page.intro')}</Text>
              {remote ? (
                <TextInput
                  label={t('stations.page.counterUrl')}
                  description={t('stations.page.counterUrlHint')}
                  withAsterisk
                  autoComplete="off"
                  inputMode="url"
                  {...form.register('counterUrl')}
                  error={errorOf('counterUrl')}
                />
              ) : null}
              <TextInput
                label={t('stations.page.code')}
                description={t('stations.page.codeHint')}
                withAsterisk
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                data-autofocus
                autoFocus
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 22, letterSpacing: 2, textTransform: 'uppercase' } }}
                {...form.register('code')}
                error={errorOf('code')}
              />
              <TextInput label={t('stations.page.name')} placeholder={t('stations.page.namePlaceholder')} withAsterisk {...form.register('name')} error={errorOf('name')} />
              <Group justify="flex-end">
                <Button type="submit" size="lg" loading={form.formState.isSubmitting}>
                  {t('stations.page.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
