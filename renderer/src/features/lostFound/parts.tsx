import { useMemo } from 'react';
import { Badge, Group, Radio, SimpleGrid, Text, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { LF_CATEGORIES, type ItemSummary, type LfCategory, type MatchView, type MethodName } from '@shared/contract';
import { DAY, MINUTE } from '@shared/rules/time';
import { useT, type T } from '../../app/i18n';
import { useParkFormat } from '../../app/park';
import { durationText } from '../../ui/deadline';

/** The reads a lost-and-found write makes stale here at once (the live event refreshes other screens). */
export const LF_READS: MethodName[] = [
  'lostFound.search',
  'lostFound.get',
  'lostFound.history',
  'lostFound.reports.list',
  'lostFound.matches',
  'lostFound.handover.due',
  'lostFound.handover.list',
  'lostFound.summary',
];

/** How long before the handover-by date its clock turns amber. */
export const HANDOVER_WARN_MS = 2 * DAY;

export const categoryName = (t: T, code: LfCategory) => t(`lostFound.categories.${code}`);

/** Dates and times of lost property: they span days, so the date is always shown (`MM-DD HH:mm` in lists). */
export function useLfFormat() {
  const park = useParkFormat();
  return useMemo(
    () => ({
      date: park.date,
      dateTime: park.monthDayTime,
      /** A limit: one at midnight is the end of the day before ("held until 2026-12-29"), any other shows its time (closing time). */
      until: (at: number) => (park.time(at) === '00:00' ? park.date(at - 1) : park.monthDayTime(at)),
    }),
    [park],
  );
}

/** Category as big touch cards, one tab stop, arrows move within (a react-hook-form controlled field). */
export function CategoryPicker({
  value,
  onChange,
  onBlur,
  error,
  label,
  cols = 5,
  autoFocus,
}: {
  value: LfCategory | undefined;
  onChange(value: LfCategory): void;
  onBlur?(): void;
  error?: string;
  label: string;
  cols?: number;
  /** Takes the dialog's first focus. */
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <Radio.Group label={label} withAsterisk error={error} value={value ?? null} onChange={(next) => onChange(next as LfCategory)} name="category">
      <SimpleGrid cols={cols} spacing="xs" mt={6}>
        {LF_CATEGORIES.map((code, index) => {
          const checked = value === code;
          const tabbable = checked || (!value && index === 0);
          return (
            <Radio.Card key={code} value={code} radius="md" px="sm" py={8} mih={48} tabIndex={tabbable ? 0 : -1} onBlur={onBlur} data-testid={`category-${code}`} data-autofocus={autoFocus && tabbable ? true : undefined}>
              <Group gap="xs" wrap="nowrap">
                <Radio.Indicator size="sm" />
                <Text fw={checked ? 700 : 500}>{categoryName(t, code)}</Text>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}

const STATUS_COLORS = { held: 'teal', returned: 'gray', handedOver: 'violet', dueForHandover: 'orange' } as const;

/**
 * Where an item is kept, never broken inside a word: "保险柜 S-03" may wrap at its space, not in
 * "保险柜" nor in "S-03".
 */
export function StoragePlace({ item }: { item: Pick<ItemSummary, 'storageKind' | 'storagePlace'> }) {
  const t = useT();
  return (
    <span style={{ wordBreak: 'keep-all' }}>
      {t(`lostFound.storage.${item.storageKind}`)} <span style={{ whiteSpace: 'nowrap' }}>{item.storagePlace}</span>
    </span>
  );
}

/** The item's status; an item on the shelf past its holding period says it is due for handover. */
export function ItemStatusBadge({ item, now, size = 'md' }: { item: Pick<ItemSummary, 'status' | 'holdingUntil'>; now: number; size?: BadgeProps['size'] }) {
  const t = useT();
  const status = item.status === 'held' && item.holdingUntil <= now ? 'dueForHandover' : item.status;
  return (
    <Badge size={size} variant="light" color={STATUS_COLORS[status]} data-status={status}>
      {t(`lostFound.statuses.${status}`)}
    </Badge>
  );
}

/**
 * An intake nobody has verified and counter-signed yet, and how long it has waited since it was
 * taken in; nothing while it is verified or off the shelf.
 */
export function UnverifiedBadge({ item, now, size = 'md' }: { item: Pick<ItemSummary, 'verified' | 'status' | 'receivedAt'>; now: number; size?: BadgeProps['size'] }) {
  const t = useT();
  if (item.verified || item.status !== 'held') return null;
  const minutes = Math.max(0, Math.floor((now - item.receivedAt) / MINUTE));
  return (
    <Badge size={size} variant="light" color="orange" leftSection={<IconAlertTriangle size={14} />} data-testid="unverified">
      {t('lostFound.detail.unverifiedFor', { time: durationText(t, minutes) })}
    </Badge>
  );
}

/** Why a match is suggested, and its score. */
export function MatchReasons({ match }: { match: Pick<MatchView, 'reasons' | 'score'> }) {
  const t = useT();
  return (
    <Group gap={6}>
      <Badge variant="filled" color="park" size="lg">
        {t('lostFound.matches.score', { score: match.score })}
      </Badge>
      {match.reasons.map((reason) => (
        <Badge key={reason} variant="light" color="blue" size="lg">
          {t(`lostFound.reasons.${reason}`)}
        </Badge>
      ))}
    </Group>
  );
}
