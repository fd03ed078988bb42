import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Grid, Group, Loader, Menu, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconLanguage, IconPencil, IconPlus, IconPrinter, IconSearch, IconTrash } from '@tabler/icons-react';
import { INFO_TOPICS, infoEntryInput, MANAGERS, type InfoEntryView, type ItemTypeView, type InfoTopic, type SlipLanguage } from '@shared/contract';
import { SCRIPT_FIELDS } from '@shared/rules/programme';
import { formatParkDateTime } from '@shared/rules/time';
import { useLanguage, useT } from '../../app/i18n';
import { usePark } from '../../app/park';
import { useSession } from '../../app/session';
import { useAction, useMethod } from '../../api/hooks';
import { FormActions, SelectField } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { IconAction } from '../../ui/IconAction';
import { notifyError, notifyOutcome, notifySuccess } from '../../ui/notify';
import { HandOutButton } from '../rentals/Board';

const REFRESH = ['info.list'] as const;
const FIELDS = ['topic', 'titleZh', 'titleEn', 'bodyZh', 'bodyEn'] as const;
const SLIPS: ReadonlyArray<{ language: SlipLanguage; label: 'info.ui.printZh' | 'info.ui.printEn' | 'info.ui.printBoth' }> = [
  { language: 'zh-CN', label: 'info.ui.printZh' },
  { language: 'en', label: 'info.ui.printEn' },
  { language: 'both', label: 'info.ui.printBoth' },
];

function EntryModal({ entry, topic, onClose }: { entry?: InfoEntryView; topic: InfoTopic; onClose(): void }) {
  const t = useT();
  const save = useAction('info.save', [...REFRESH]);
  const form = useContractForm(infoEntryInput, {
    defaultValues: entry
      ? { id: entry.id, topic: entry.topic, titleZh: entry.titleZh, titleEn: entry.titleEn, bodyZh: entry.bodyZh, bodyEn: entry.bodyEn }
      : { topic, titleZh: '', titleEn: '', bodyZh: '', bodyEn: '' },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, FIELDS, save.mutateAsync, (saved) => {
    notifySuccess(t('info.ui.saved', { title: saved.titleZh }));
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={entry ? t('info.ui.editTitle', { title: entry.titleZh }) : t('info.ui.addTitle')} centered size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SelectField form={form} name="topic" label={t('info.fields.topic')} withAsterisk data={INFO_TOPICS.map((value) => ({ value, label: t(`info.topics.${value}`) }))} />
          <SimpleGrid cols={2}>
            <TextInput label={t('info.fields.titleZh')} withAsterisk data-autofocus {...form.register('titleZh')} error={errorOf('titleZh')} />
            <TextInput label={t('info.fields.titleEn')} withAsterisk {...form.register('titleEn')} error={errorOf('titleEn')} />
            <Textarea label={t('info.fields.bodyZh')} withAsterisk autosize minRows={5} maxRows={12} {...form.register('bodyZh')} error={errorOf('bodyZh')} />
            <Textarea label={t('info.fields.bodyEn')} withAsterisk autosize minRows={5} maxRows={12} {...form.register('bodyEn')} error={errorOf('bodyEn')} />
          </SimpleGrid>
          <Text c="dimmed" fz="sm">
            {t('info.ui.words', { words: SCRIPT_FIELDS.map((field) => `{{${field}}}`).join(', ') })}
          </Text>
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveModal({ entry, onClose }: { entry: InfoEntryView; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const remove = useAction('info.remove', [...REFRESH]);
  const title = language === 'zh-CN' ? entry.titleZh : entry.titleEn;
  const confirm = () =>
    remove.mutateAsync({ id: entry.id }).then(
      () => {
        notifySuccess(t('info.ui.removed'));
        onClose();
      },
      (error: unknown) => notifyError(t, error),
    );
  return (
    <Modal opened onClose={onClose} title={t('info.ui.removeTitle', { title })} centered>
      <Stack>
        <Text>{t('info.ui.removeBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" leftSection={<IconTrash size={18} />} loading={remove.isPending} onClick={() => void confirm()}>
            {t('info.ui.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One answer: its title and text in the screen's language (the other a tap away), counted or printed for the visitor. */
function EntryCard({ entry, manager, onEdit, onRemove }: { entry: InfoEntryView; manager: boolean; onEdit(): void; onRemove(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const { info } = usePark();
  const [other, setOther] = useState(false);
  const enquiry = useAction('info.enquiry', [...REFRESH]);
  const print = useAction('info.print', [...REFRESH, 'printer.jobs', 'printer.status']);
  const chinese = (language === 'zh-CN') !== other;
  const title = chinese ? entry.titleZh : entry.titleEn;
  const ownTitle = language === 'zh-CN' ? entry.titleZh : entry.titleEn;
  return (
    <Paper withBorder radius="lg" p="md" data-testid={`info-${entry.id}`} aria-label={ownTitle} component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0} miw={0}>
            <Title order={3} fz="xl" lang={chinese ? 'zh-CN' : 'en'}>
              {title}
            </Title>
            <Text fz="sm" c="dark.4">
              {t(`info.topics.${entry.topic}`)}
            </Text>
          </Stack>
          {manager ? (
            <Group gap={4} wrap="nowrap">
              <IconAction label={t('info.ui.edit')} target={ownTitle} onClick={onEdit}>
                <IconPencil size={20} />
              </IconAction>
              <IconAction label={t('info.ui.remove')} target={ownTitle} color="red" onClick={onRemove}>
                <IconTrash size={20} />
              </IconAction>
            </Group>
          ) : null}
        </Group>
        <Text fz="lg" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lang={chinese ? 'zh-CN' : 'en'} data-testid="info-body">
          {chinese ? entry.shownZh : entry.shownEn}
        </Text>
        <Group gap="sm" justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Button
              size="md"
              leftSection={<IconCheck size={20} />}
              loading={enquiry.isPending}
              onClick={() => void notifyOutcome(t, enquiry.mutateAsync({ entryId: entry.id }), t('info.ui.answeredDone', { title: ownTitle }))}
            >
              {t('info.ui.answered')}
            </Button>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="md" variant="light" leftSection={<IconPrinter size={20} />} loading={print.isPending}>
                  {t('info.ui.print')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown aria-label={t('info.ui.printIn')}>
                <Menu.Label>{t('info.ui.printIn')}</Menu.Label>
                {SLIPS.map((slip) => (
                  <Menu.Item
                    key={slip.language}
                    fz="md"
                    onClick={() => void notifyOutcome(t, print.mutateAsync({ entryId: entry.id, language: slip.language }), t('info.ui.printed', { title: ownTitle }))}
                  >
                    {t(slip.label)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button size="md" variant="subtle" leftSection={<IconLanguage size={20} />} onClick={() => setOther((value) => !value)} aria-pressed={other}>
              {other ? t('info.ui.showOwn') : t('info.ui.showOther')}
            </Button>
          </Group>
          <Text fz="sm" c="dark.4" data-testid="info-today">
            {t('info.ui.answeredCount', { count: entry.today })}
            {entry.updatedBy ? ` · ${t('info.ui.updatedBy', { time: formatParkDateTime(entry.updatedAt, info.timeZone), name: entry.updatedBy.name })}` : ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Questions the desk has no answer for yet, counted by topic with one tap. */
function UnlistedEnquiry() {
  const t = useT();
  const enquiry = useAction('info.enquiry', [...REFRESH]);
  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('info.ui.unlisted')}
        </Title>
        {/* Each button as wide as its words, wrapping to the next line: no topic is ever cut short. */}
        <Group gap="xs">
          {INFO_TOPICS.map((topic) => (
            <Button
              key={topic}
              variant="default"
              size="md"
              onClick={() => void notifyOutcome(t, enquiry.mutateAsync({ topic }), t('info.ui.unlistedDone', { topic: t(`info.topics.${topic}`) }))}
            >
              + {t(`info.topics.${topic}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

/** One free item: today's count and one tap to hand one out (as on the rentals board). */
function HandOutRow({ type }: { type: ItemTypeView }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    // In the narrow column the button goes under the name, never squeezing "1 handed out today" into three lines.
    <Group justify="space-between" gap="xs" data-testid={`board-${type.code}`}>
      <Stack gap={0} style={{ flex: '1 1 9rem' }}>
        <Text fw={700} fz="lg">
          {language === 'zh-CN' ? type.nameZh : type.nameEn}
        </Text>
        <Text fz="sm" c="dark.4" data-testid="handed-out">
          {t('rentals.board.handedOutToday', { count: type.handedOutToday })}
        </Text>
      </Stack>
      <HandOutButton type={type} size="md" />
    </Group>
  );
}

/** Free park maps and sewing kits: the handed-out item types, counted as they are handed out. */
function Handouts() {
  const t = useT();
  const board = useMethod('rentals.board', {});
  const types = (board.data?.types ?? []).filter((type) => type.handOut && type.active);
  return (
    <Paper withBorder radius="lg" p="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('info.ui.handouts')}
        </Title>
        <Text fz="sm" c="dark.4">
          {types.length ? t('info.ui.handoutsHint') : t('info.ui.noHandouts')}
        </Text>
        {types.map((type) => (
          <HandOutRow key={type.id} type={type} />
        ))}
      </Stack>
    </Paper>
  );
}

type Dialog = { kind: 'edit'; entry?: InfoEntryView } | { kind: 'remove'; entry: InfoEntryView } | undefined;

/**
 * The information desk: the park's answers (transport, tourist information, the park), searched in
 * either language while the visitor waits, printed for them; every enquiry counted for the day; the
 * free maps and sewing kits beside them. Managers keep the answers.
 */
export function InfoPage() {
  const t = useT();
  const { session } = useSession();
  const manager = session !== undefined && MANAGERS.includes(session.staff.role);
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState<InfoTopic | 'all'>('all');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [dialog, setDialog] = useState<Dialog>();
  const searchRef = useRef<HTMLInputElement>(null);
  // The visitor is asking: the search field has the keyboard when the screen opens.
  useEffect(() => searchRef.current?.focus(), []);
  const list = useMethod('info.list', { ...(topic === 'all' ? {} : { topic }), ...(debounced ? { query: debounced } : {}) });
  const entries = list.data?.entries ?? [];
  const today = list.data?.today;

  const empty = debounced ? t('info.ui.noMatch', { query: debounced }) : topic === 'all' ? t('info.ui.empty') : t('info.ui.emptyTopic');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} fz={28}>
          {t('info.title')}
        </Title>
        <Group gap="lg" align="flex-end">
          {today ? (
            <Paper withBorder radius="md" px="md" py={6} data-testid="info-tally">
              <Group gap="xs" align="baseline">
                <Text fz="sm" c="dark.4">
                  {t('info.ui.todayTotal')}
                </Text>
                <Text fz={28} fw={800} lh={1} data-testid="info-total">
                  {today.total}
                </Text>
                <Text fz="sm" c="dark.4">
                  {t('info.ui.todayPrinted', { count: today.printed })}
                </Text>
              </Group>
            </Paper>
          ) : null}
          {manager ? (
            <Button size="md" leftSection={<IconPlus size={20} />} onClick={() => setDialog({ kind: 'edit' })}>
              {t('info.ui.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Group gap="md" align="flex-end" wrap="wrap">
              <TextInput
                label={t('info.ui.searchLabel')}
                placeholder={t('info.ui.searchPlaceholder')}
                leftSection={<IconSearch size={18} />}
                size="md"
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                style={{ flex: '1 1 16rem' }}
                ref={searchRef}
              />
              <SegmentedControl
                size="md"
                aria-label={t('info.ui.topicLabel')}
                value={topic}
                onChange={(value) => setTopic(value === 'all' || (INFO_TOPICS as readonly string[]).includes(value) ? (value as InfoTopic | 'all') : 'all')}
                data={[{ value: 'all', label: t('info.ui.allTopics') }, ...INFO_TOPICS.map((value) => ({ value, label: t(`info.topics.${value}`) }))]}
              />
            </Group>
            {list.isPending ? (
              <Center py="xl">
                <Loader role="status" aria-label={t('app.loading')} />
              </Center>
            ) : list.error ? (
              <Alert color="red">{t(list.error.body.message, list.error.body.params)}</Alert>
            ) : entries.length === 0 ? (
              <Paper withBorder radius="lg" p="xl" data-testid="info-empty">
                <Text fz="lg" c="dark.4" ta="center">
                  {empty}
                </Text>
              </Paper>
            ) : (
              entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} manager={manager} onEdit={() => setDialog({ kind: 'edit', entry })} onRemove={() => setDialog({ kind: 'remove', entry })} />
              ))
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Handouts />
            <UnlistedEnquiry />
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'edit' ? <EntryModal entry={dialog.entry} topic={topic === 'all' ? 'transport' : topic} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'remove' ? <RemoveModal entry={dialog.entry} onClose={() => setDialog(undefined)} /> : null}
    </Stack>
  );
}
