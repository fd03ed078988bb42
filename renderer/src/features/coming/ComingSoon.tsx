import { Badge, EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import type { MessageKey } from '@shared/contract';
import { useT } from '../../app/i18n';

/** An honest placeholder for a section a later release fills: what it will do, and what to do meanwhile. */
export function ComingSoon({ title, what }: { title: MessageKey; what: MessageKey }) {
  const t = useT();
  return (
    <Stack gap="lg">
      <Title order={1} fz={28}>
        {t(title)}
      </Title>
      <Paper withBorder radius="lg" p="xl">
      <EmptyState
        icon={<IconTools size={40} />}
        withIndicatorBackground
        size="lg"
        description={
          <Stack gap="sm" align="center" maw={560} mx="auto">
            <Text fz="lg">{t(what)}</Text>
            <Text c="dimmed">{t('coming.body')}</Text>
          </Stack>
        }
      >
        <Badge size="lg" variant="light" color="yellow" mt="md">
          {t('coming.badge')}
        </Badge>
      </EmptyState>
      </Paper>
    </Stack>
  );
}
