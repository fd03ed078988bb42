import { useState } from 'react';
import { Alert, Box, Button, Group, Image, Modal, Stack, Text, Timeline, UnstyledButton } from '@mantine/core';
import { IconEye, IconEyeOff, IconLock } from '@tabler/icons-react';
import { custodyDetail, type ItemDetail, type Output } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { useAction, useMethod } from '../../api/hooks';
import { Money } from '../../ui/money';
import { notifyError } from '../../ui/notify';
import { Pending } from '../../ui/readFailed';

/** One stored photo, as a thumbnail that opens large. */
function Photo({ photoId, alt, size }: { photoId: number; alt: string; size: number }) {
  const photo = useMethod('lostFound.photo', { photoId }, { staleTime: Infinity });
  const [large, setLarge] = useState(false);
  if (!photo.data) return <Box w={size} h={size} bg="gray.1" style={{ borderRadius: 'var(--mantine-radius-md)' }} />;
  return (
    <>
      <UnstyledButton onClick={() => setLarge(true)} aria-label={alt} style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', border: '1px solid var(--mantine-color-gray-3)' }}>
        <Image src={photo.data.dataUrl} alt="" w={size} h={size} fit="cover" />
      </UnstyledButton>
      {large ? (
        <Modal opened onClose={() => setLarge(false)} title={alt} size="xl" centered>
          <Image src={photo.data.dataUrl} alt={alt} fit="contain" mah="70vh" />
        </Modal>
      ) : null}
    </>
  );
}

export function ItemPhotos({ item, size = 104 }: { item: Pick<ItemDetail, 'photoIds' | 'itemNo'>; size?: number }) {
  const t = useT();
  if (item.photoIds.length === 0) return <Text c="dimmed">{t('lostFound.detail.noPhotos')}</Text>;
  return (
    <Group gap="sm">
      {item.photoIds.map((photoId, index) => (
        <Photo key={photoId} photoId={photoId} size={size} alt={`${t('lostFound.detail.photo', { itemNo: item.itemNo })} ${index + 1}`} />
      ))}
    </Group>
  );
}

/**
 * The hidden check details, shown only on request (an audited look) to compare with what a claimant
 * says; the note says that looking is recorded.
 */
export function HiddenDetails({ itemId }: { itemId: number }) {
  const t = useT();
  const reveal = useAction('lostFound.hiddenDetails');
  const [shown, setShown] = useState<Output<'lostFound.hiddenDetails'>>();
  return (
    <Stack gap="xs" data-testid="hidden-details">
      <Group gap="sm" wrap="wrap">
        {shown ? (
          <Button variant="default" leftSection={<IconEyeOff size={18} />} onClick={() => setShown(undefined)} style={{ flexShrink: 0 }}>
            {t('lostFound.actions.hide')}
          </Button>
        ) : (
          <Button
            variant="light"
            color="orange"
            leftSection={<IconEye size={18} />}
            loading={reveal.isPending}
            style={{ flexShrink: 0 }}
            onClick={() => reveal.mutateAsync({ itemId }).then(setShown, (error: unknown) => notifyError(t, error))}
          >
            {t('lostFound.actions.reveal')}
          </Button>
        )}
        <Group gap={6} wrap="nowrap" style={{ flex: '1 1 220px' }}>
          <IconLock size={18} aria-hidden style={{ flexShrink: 0 }} />
          <Text fz="sm" c="dimmed">
            {t('lostFound.detail.hiddenNote')}
          </Text>
        </Group>
      </Group>
      {shown ? (
        <Alert color="yellow" variant="light" title={t('lostFound.intake.hidden')} icon={<IconLock size={20} />} data-testid="hidden-shown">
          <Stack gap={4}>
            <Text fz="lg" fw={600}>
              {shown.hiddenDetails || t('lostFound.detail.noHidden')}
            </Text>
            {shown.contents ? (
              <Text>
                {t('lostFound.fields.contents')}: {shown.contents}
              </Text>
            ) : null}
            {shown.cashFen > 0 ? (
              <Group gap={6}>
                <Text>{t('lostFound.fields.cash')}:</Text>
                <Money fen={shown.cashFen} fw={700} />
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Every step of the item's custody, with who and when. */
export function CustodyHistory({ itemId }: { itemId: number }) {
  const t = useT();
  const format = useParkFormat();
  const history = useMethod('lostFound.history', { itemId });
  if (!history.data) return <Pending read={history} />;
  return (
    <Timeline bulletSize={18} lineWidth={2} active={history.data.length - 1} data-testid="custody">
      {history.data.map((step, index) => (
        <Timeline.Item key={`${step.at}-${index}`} title={t(`lostFound.custody.${step.kind}`)}>
          <Text fz="sm" c="dimmed">
            {format.dateTime(step.at)}
            {step.staffName ? ` · ${step.staffName}` : ''}
          </Text>
          {step.detail ? (
            <Text fz="sm">{custodyDetail(t, step)}</Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
