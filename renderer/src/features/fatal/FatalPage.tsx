import { Alert, Center, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import type { ErrorBody } from '@shared/contract';
import { useT } from '../../app/i18n';
import { LanguageToggle } from '../../ui/chrome';

/** The database cannot be used: say what happened and what to do, never a blank window. */
export function FatalPage({ error }: { error: ErrorBody }) {
  const t = useT();
  const path = typeof error.params?.path === 'string' ? error.params.path : undefined;
  return (
    <Center mih="100vh" p="xl" bg="gray.0">
      <Paper shadow="md" p="xl" radius="lg" maw={720} w="100%" withBorder>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start">
            <Group gap="md">
              <IconDatabaseOff size={40} color="var(--mantine-color-red-7)" aria-hidden />
              <Title order={1} fz={26}>
                {t('fatal.title')}
              </Title>
            </Group>
            <LanguageToggle />
          </Group>
          <Alert color="red" variant="light" title={t('fatal.what')} role="alert">
            <Text fz="lg">{t(error.message, error.params)}</Text>
          </Alert>
          {path ? (
            <List>
              <List.Item>
                <Code fz="md">{path}</Code>
              </List.Item>
            </List>
          ) : null}
        </Stack>
      </Paper>
    </Center>
  );
}
