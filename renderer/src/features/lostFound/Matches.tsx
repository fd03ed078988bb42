import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink, IconHandGrab, IconX } from '@tabler/icons-react';
import type { MatchView } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { useParkNow } from '../../ui/deadline';
import { notifyError, notifySuccess } from '../../ui/notify';
import { categoryName, ItemStatusBadge, LF_READS, MatchReasons, useLfFormat } from './parts';
import { Pending } from '../../ui/readFailed';

export interface ClaimPrefill {
  itemId: number;
  claimantName?: string;
  phone?: string;
}

/**
 * Suggested and confirmed matches between lost reports and found items, from one side: on an item
 * the reports (who may own it), on a report the items (what may be theirs). Staff confirm or dismiss.
 */
export function Matches({
  filter,
  onOpenItem,
  onClaim,
}: {
  filter: { reportId: number } | { itemId: number };
  onOpenItem?(itemId: number): void;
  onClaim?(prefill: ClaimPrefill): void;
}) {
  const t = useT();
  const format = useLfFormat();
  const now = useParkNow();
  const matches = useMethod('lostFound.matches', filter);
  const decide = useAction('lostFound.matches.decide', LF_READS);
  const side = 'itemId' in filter ? 'item' : 'report';

  const run = (match: MatchView, decision: 'confirmed' | 'dismissed') =>
    decide.mutateAsync({ reportId: match.reportId, itemId: match.itemId, decision }).then(
      () => notifySuccess(t(decision === 'confirmed' ? 'lostFound.messages.matchConfirmed' : 'lostFound.messages.matchDismissed')),
      (error: unknown) => notifyError(t, error),
    );

  if (!matches.data) return <Pending read={matches} />;
  const rows = matches.data;
  if (rows.length === 0) return <Text c="dimmed">{t('lostFound.messages.noMatches')}</Text>;
  return (
    <Stack gap="sm">
      {rows.map((match) => {
        const confirmed = match.decision === 'confirmed';
        const { item, report } = match;
        return (
          <Paper
            key={`${match.reportId}-${match.itemId}`}
            withBorder
            radius="md"
            p="sm"
            data-testid={`match-${side === 'item' ? report.reportNo : item.itemNo}`}
            data-decision={match.decision}
            style={{ borderColor: confirmed ? 'var(--mantine-color-park-7)' : undefined, borderWidth: confirmed ? 2 : 1 }}
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                {side === 'item' ? (
                  <Stack gap={2} miw={0}>
                    <Group gap="xs">
                      <Text ff="monospace" fw={700}>
                        {report.reportNo}
                      </Text>
                      <Text fw={700}>{report.visitorName}</Text>
                      <Text ff="monospace">{report.phone ?? ''}</Text>
                    </Group>
                    <Text>
                      {categoryName(t, report.category)} · {report.description}
                      {report.colour ? ` · ${report.colour}` : ''}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {t('lostFound.reports.lost', { time: format.dateTime(report.lostAt), place: report.lostPlace })}
                    </Text>
                  </Stack>
                ) : (
                  <Stack gap={2} miw={0}>
                    <Group gap="xs">
                      <Text ff="monospace" fw={700}>
                        {item.itemNo}
                      </Text>
                      <ItemStatusBadge item={item} now={now} size="sm" />
                      <Text fw={600}>{categoryName(t, item.category)}</Text>
                    </Group>
                    <Text>
                      {item.description}
                      {item.colour ? ` · ${item.colour}` : ''}
                      {item.brand ? ` · ${item.brand}` : ''}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {t('lostFound.detail.found', { time: format.dateTime(item.foundAt), place: item.foundPlace })} · {t(`lostFound.storage.${item.storageKind}`)} {item.storagePlace}
                    </Text>
                  </Stack>
                )}
                {/* The state keeps its words; a long name or description beside it wraps instead. */}
                <Badge variant={confirmed ? 'filled' : 'light'} color={confirmed ? 'park' : 'gray'} size="lg" style={{ flexShrink: 0 }} data-testid="match-state">
                  {t(confirmed ? 'lostFound.matches.confirmed' : 'lostFound.matches.suggested')}
                </Badge>
              </Group>
              <Group justify="space-between" align="center">
                <MatchReasons match={match} />
                <Group gap="xs">
                  {side === 'report' && onOpenItem ? (
                    <Button variant="default" leftSection={<IconExternalLink size={18} />} onClick={() => onOpenItem(item.id)}>
                      {t('lostFound.actions.openItem')}
                    </Button>
                  ) : null}
                  {confirmed && item.status === 'held' && onClaim ? (
                    <Button leftSection={<IconHandGrab size={18} />} onClick={() => onClaim({ itemId: item.id, claimantName: report.visitorName, phone: report.phone ?? undefined })}>
                      {t('lostFound.actions.claim')}
                    </Button>
                  ) : null}
                  {!confirmed ? (
                    <>
                      <Button variant="subtle" color="red" leftSection={<IconX size={18} />} loading={decide.isPending && decide.variables?.decision === 'dismissed'} onClick={() => void run(match, 'dismissed')}>
                        {t('lostFound.actions.dismiss')}
                      </Button>
                      <Button leftSection={<IconCheck size={18} />} loading={decide.isPending && decide.variables?.decision === 'confirmed'} onClick={() => void run(match, 'confirmed')}>
                        {t('lostFound.actions.confirm')}
                      </Button>
                    </>
                  ) : null}
                </Group>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
