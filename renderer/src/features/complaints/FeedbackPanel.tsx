import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { FieldPath } from 'react-hook-form';
import { Alert, Badge, Button, Center, Grid, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { IconBuildingCommunity, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { COMPLAINT_CATEGORIES, DEFAULT_SETTINGS, FEEDBACK_CHANNELS, FEEDBACK_KINDS, feedbackInput, type FeedbackInput, type FeedbackView, type Input } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction, useMethod } from '../../api/hooks';
import { newClientRef } from '../../ui/clientRef';
import { useWhen } from '../../ui/deadline';
import { FormActions, ShowOlder } from '../../ui/fields';
import { useOlderPages } from '../../ui/pages';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import type { MethodName } from '@shared/contract';
import { ChoiceChips, DepartmentField, useDepartmentName } from './parts';

const FIELDS: ReadonlyArray<FieldPath<FeedbackInput>> = ['kind', 'channel', 'visitorName', 'phone', 'category', 'departmentId', 'text'];
const VIEWS = ['pending', 'day', 'all'] as const;
type View = (typeof VIEWS)[number];
/** Rows per page of a list ("show older" reads the next). */
const PAGE = 25;
/** What recording or correcting one makes stale (its live event says so to the other screens). */
const FEEDBACK_READS: MethodName[] = ['complaints.feedback.list', 'complaints.summary'];

/** When the day's summary is due (20:30 unless the park says otherwise), as the summary gives it. */
function useSummaryDeadline(): string {
  return useMethod('complaints.summary', {}).data?.deadline ?? DEFAULT_SETTINGS.complaintSummaryDeadline;
}

/**
 * An opinion or request, recorded (no `feedback`) or corrected before a summary feeds it back. One
 * form and one schema for both: a correction sends what the form holds, bar its channel and ref.
 */
export function FeedbackForm({ feedback, onClose }: { feedback?: FeedbackView; onClose(): void }) {
  const t = useT();
  const create = useAction('complaints.feedback.create', FEEDBACK_READS);
  const update = useAction('complaints.feedback.update', FEEDBACK_READS);
  const departmentName = useDepartmentName();
  const deadline = useSummaryDeadline();
  const [clientRef] = useState(newClientRef);
  const form = useContractForm(feedbackInput, {
    defaultValues: feedback
      ? {
          clientRef,
          kind: feedback.kind,
          channel: feedback.channel,
          visitorName: feedback.visitorName,
          phone: feedback.phone ?? '',
          category: feedback.category,
          ...(feedback.department ? { departmentId: feedback.department.id } : {}),
          text: feedback.text,
        }
      : { clientRef, kind: 'opinion', channel: 'walkIn', visitorName: '', phone: '', text: '' },
  });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(
    form,
    FIELDS,
    (values) =>
      feedback
        ? update.mutateAsync({ id: feedback.id, kind: values.kind, visitorName: values.visitorName, phone: values.phone, category: values.category, departmentId: values.departmentId ?? null, text: values.text })
        : create.mutateAsync(values),
    (saved) => {
      if (feedback) notifySuccess(t('complaints.feedback.messages.saved', { ref: saved.ref }));
      else if (saved.department) notifySuccess(t('complaints.feedback.messages.created', { ref: saved.ref, department: departmentName(saved.department, '') }));
      else notifySuccess(t('complaints.feedback.messages.createdNoDepartment', { ref: saved.ref }));
      onClose();
    },
  );

  return (
    <Modal opened onClose={onClose} title={feedback ? t('complaints.feedback.actions.edit', { ref: feedback.ref }) : t('complaints.feedback.actions.new')} size={900} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dark.5">{t('complaints.feedback.hint', { time: deadline })}</Text>
          <ChoiceChips form={form} name="kind" label={t('complaints.feedback.fields.kind')} withAsterisk options={FEEDBACK_KINDS.map((value) => ({ value, label: t(`complaints.feedback.kinds.${value}`) }))} />
          {feedback ? null : (
            <ChoiceChips form={form} name="channel" label={t('complaints.feedback.fields.channel')} withAsterisk options={FEEDBACK_CHANNELS.map((value) => ({ value, label: t(`complaints.channels.${value}`) }))} />
          )}
          <Textarea label={t('complaints.feedback.fields.text')} withAsterisk autosize minRows={3} maxRows={8} data-autofocus {...form.register('text')} error={errorOf('text')} />
          <ChoiceChips form={form} name="category" label={t('complaints.feedback.fields.category')} withAsterisk options={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`complaints.categories.${value}`) }))} />
          <DepartmentField form={form} name="departmentId" label={t('complaints.feedback.fields.department')} placeholder={t('complaints.feedback.noDepartment')} cleared={undefined} />
          <Grid gap="sm" align="flex-start">
            <Grid.Col span={6}>
              <TextInput label={t('complaints.feedback.fields.visitorName')} autoComplete="off" {...form.register('visitorName')} error={errorOf('visitorName')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('complaints.feedback.fields.phone')} inputMode="tel" autoComplete="off" {...form.register('phone')} error={errorOf('phone')} />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={onClose} submitLabel={feedback ? t('common.save') : t('complaints.feedback.actions.record')} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** One opinion or request: its reference, kind and whether it is fed back; its words; the department told. */
function FeedbackRow({ feedback, now, onOpen }: { feedback: FeedbackView; now: number; onOpen(feedback: FeedbackView): void }) {
  const t = useT();
  const when = useWhen();
  const departmentName = useDepartmentName();
  const pending = feedback.summaryDate === null;
  const body = (
    <Stack gap={6}>
      <Group gap="xs">
        <Text ff="monospace" fw={800} fz={18}>
          {feedback.ref}
        </Text>
        <Badge size="lg" variant="light" color={feedback.kind === 'demand' ? 'grape' : 'cyan'}>
          {t(`complaints.feedback.kinds.${feedback.kind}`)}
        </Badge>
        <Badge size="lg" variant={pending ? 'outline' : 'light'} color={pending ? 'orange' : 'teal'} data-testid="feedback-state">
          {pending ? t('complaints.feedback.pending') : t('complaints.feedback.fedBack', { date: feedback.summaryDate ?? '' })}
        </Badge>
      </Group>
      <Group gap="md">
        <Text fz="md" fw={600}>
          {t(`complaints.channels.${feedback.channel}`)} · {t(`complaints.categories.${feedback.category}`)}
        </Text>
        <Group gap={4} wrap="nowrap" c={feedback.department ? 'dark.6' : 'orange.9'}>
          <IconBuildingCommunity size={18} aria-hidden />
          <Text fz="md" fw={600} span>
            {departmentName(feedback.department, t('complaints.feedback.noDepartment'))}
          </Text>
        </Group>
      </Group>
      <Text fz="md" lineClamp={3} c="dark.5" style={{ overflowWrap: 'anywhere' }}>
        {feedback.visitorName || t('complaints.feedback.anonymous')}
        {feedback.phone ? ` · ${feedback.phone}` : ''} — {feedback.text}
      </Text>
      <Text fz="sm" c="dark.4">
        {t('complaints.ui.receivedLine', { time: when(feedback.receivedAt, now), name: feedback.receivedBy?.name ?? '' })}
      </Text>
    </Stack>
  );
  // Fed back, it is fixed: nothing to open.
  return (
    <Paper withBorder radius="lg" p={0} data-testid={`feedback-${feedback.ref}`}>
      {pending ? (
        <UnstyledButton onClick={() => onOpen(feedback)} w="100%" p="md" style={{ borderRadius: 'var(--mantine-radius-lg)' }}>
          {body}
        </UnstyledButton>
      ) : (
        <Stack p="md">{body}</Stack>
      )}
    </Paper>
  );
}

/** One page of a list, newest first; the last page offers the next older one. */
function FeedbackPage({ input, now, onOpen, onMore }: { input: Input<'complaints.feedback.list'>; now: number; onOpen(feedback: FeedbackView): void; onMore?: (beforeId: number) => void }) {
  const t = useT();
  const list = useMethod('complaints.feedback.list', input);
  const next = list.data?.nextBeforeId ?? null;
  return (
    <>
      {list.isLoading ? (
        <Center py="lg">
          <Loader role="status" aria-label={t('app.loading')} />
        </Center>
      ) : null}
      {list.error ? <Alert color="red">{t(list.error.body.message, list.error.body.params)}</Alert> : null}
      {(list.data?.rows ?? []).map((feedback) => (
        <FeedbackRow key={feedback.id} feedback={feedback} now={now} onOpen={onOpen} />
      ))}
      <ShowOlder next={next} onMore={onMore} />
    </>
  );
}

/** The counter's opinions and requests: those still to be fed back, today's or all, searchable; a pending one opens to be corrected. */
export function FeedbackPanel({ now, onNew }: { now: number; onNew(): void }) {
  const t = useT();
  const [view, setView] = useState<View>('pending');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [editing, setEditing] = useState<FeedbackView>();
  const deadline = useSummaryDeadline();
  const base: Input<'complaints.feedback.list'> = { view, limit: PAGE, ...(debounced ? { query: debounced } : {}) };
  // The first page tells whether there is anything at all (the same read as its page: one request).
  const first = useMethod('complaints.feedback.list', base);
  // Older pages start where the first page ended when they were asked for: once the first page
  // changes (one recorded, one fed back), they are let go rather than left to skip or repeat rows.
  const { starts, moreAt } = useOlderPages(`${view}|${debounced}|${first.data?.rows[0]?.id ?? ''}|${first.data?.nextBeforeId ?? ''}`);
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />}>
        {t('complaints.feedback.hint', { time: deadline })}
      </Alert>
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label={t('complaints.feedback.viewLabel')}
          value={view}
          onChange={(value) => setView(value as View)}
          data={VIEWS.map((value) => ({ value, label: t(`complaints.feedback.views.${value}`) }))}
        />
        <TextInput
          leftSection={<IconSearch size={18} />}
          placeholder={t('complaints.feedback.searchPlaceholder')}
          aria-label={t('common.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={380}
        />
      </Group>
      <Stack gap="sm" data-testid="feedback-list">
        {first.data && first.data.rows.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <Text c="dark.4" fz="lg">
              {debounced ? t('complaints.feedback.noMatch', { query: debounced }) : t(`complaints.feedback.empty.${view}`)}
            </Text>
            {debounced ? null : (
              <Button variant="light" onClick={onNew}>
                {t('complaints.feedback.actions.new')}
              </Button>
            )}
          </Stack>
        ) : null}
        {starts.map((beforeId, index) => (
          <FeedbackPage
            key={beforeId ?? 'first'}
            input={beforeId === undefined ? base : { ...base, beforeId }}
            now={now}
            onOpen={setEditing}
            onMore={moreAt(index)}
          />
        ))}
      </Stack>
      {editing ? <FeedbackForm feedback={editing} onClose={() => setEditing(undefined)} /> : null}
    </Stack>
  );
}
