import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Group, Select, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { isoDate, LF_CATEGORIES, LF_STATUSES, type LfCategory } from '@shared/contract';
import { useT } from '../../app/i18n';
import { ItemList, type ItemFilter } from './ItemList';
import { categoryName } from './parts';
import { DateField } from '../../ui/dates';
import { clearable } from '../../ui/fields';

type StatusFilter = (typeof LF_STATUSES)[number] | 'dueForHandover';
const STATUS_FILTERS: StatusFilter[] = [...LF_STATUSES, 'dueForHandover'];

/** Find any item: number, words (Chinese too), category, status and the dates it was found. */
export function SearchPanel({ initialQuery = '', onOpen }: { initialQuery?: string; onOpen(id: number): void }) {
  const t = useT();
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState<LfCategory | null>(null);
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const filter: ItemFilter = {
    ...(debounced ? { query: debounced } : {}),
    ...(category ? { category } : {}),
    ...(status ? { status } : {}),
    ...(isoDate.safeParse(from).success ? { from } : {}),
    ...(isoDate.safeParse(to).success ? { to } : {}),
  };
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          leftSection={<IconSearch size={18} />}
          placeholder={t('lostFound.fields.query')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={300}
          data-testid="lf-search"
          autoFocus
        />
        <Select
          label={t('lostFound.fields.category')}
          placeholder={t('common.all')}
          {...clearable(t('common.clearField', { field: t('lostFound.fields.category') }))}
          data={LF_CATEGORIES.map((code) => ({ value: code, label: categoryName(t, code) }))}
          value={category}
          onChange={(value) => setCategory(value as LfCategory | null)}
          w={170}
        />
        <Select
          label={t('lostFound.fields.status')}
          placeholder={t('common.all')}
          {...clearable(t('common.clearField', { field: t('lostFound.fields.status') }))}
          data={STATUS_FILTERS.map((value) => ({ value, label: t(`lostFound.statuses.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as StatusFilter | null)}
          w={190}
        />
        <DateField label={t('lostFound.fields.from')} value={from} onChange={setFrom} clearable w={170} />
        <DateField label={t('lostFound.fields.to')} value={to} onChange={setTo} clearable w={170} />
      </Group>
      <ItemList key={JSON.stringify(filter)} filter={filter} onOpen={onOpen} emptyText={t('lostFound.messages.searchEmpty')} />
    </Stack>
  );
}
