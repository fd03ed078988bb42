import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useT } from '../../app/i18n';
import { JobPreview } from '../printing/JobPreview';
import { ReprintButton } from '../printing/ReprintButton';

/**
 * After a rental or a return: the receipt number large, the document as it prints (the same
 * layout as the paper), reprint, and the next visitor. A printer problem never looks like a failed
 * rental: the rental is done; the print job waits in the queue.
 */
export function PrintedReceipt({ title, receiptNo, jobId, onNext }: { title: string; receiptNo: string; jobId: number; onNext(): void }) {
  const t = useT();
  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <Stack gap="md" style={{ flex: 1 }}>
        <Alert color="teal" icon={<IconCircleCheck size={22} />} role="status">
          <Text fz="lg" fw={600}>
            {title}
          </Text>
        </Alert>
        <Title order={2} ff="monospace" fz={34} data-testid="receipt-no">
          {receiptNo}
        </Title>
        <Group>
          <Button size="lg" autoFocus onClick={onNext}>
            {t('rentals.actions.newRental')} ⏎
          </Button>
          <ReprintButton size="lg" jobId={jobId} label={t('rentals.actions.reprint')} />
        </Group>
      </Stack>
      <JobPreview jobId={jobId} />
    </Group>
  );
}
