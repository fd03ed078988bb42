import { Alert, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { complaintsMethods, ESCALATION_LEVELS, FOLLOW_UP_METHODS, NO_FOLLOW_UP_REASONS, SATISFACTION_LEVELS, type ComplaintStep, type ComplaintView, type EscalationLevel } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { FormActions } from '../../ui/fields';
import { useContractForm, useFieldErrors, useFormSubmit } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { ChoiceChips, COMPLAINT_READS, useDepartmentName } from './parts';

const stepInput = complaintsMethods['complaints.step'].input;
const escalateInput = complaintsMethods['complaints.escalate'].input;

/** The next level up from where a complaint is handled now (none above leadership). */
export function nextLevel(level: EscalationLevel): 'dutyManager' | 'leadership' | undefined {
  const next = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1];
  return next === 'dutyManager' || next === 'leadership' ? next : undefined;
}

/** Record one step of the process with what was said or decided (and, for the return visit, how). */
export function StepModal({ complaint, step, onClose }: { complaint: ComplaintView; step: ComplaintStep; onClose(): void }) {
  const t = useT();
  const { language } = useLanguage();
  const departmentName = useDepartmentName();
  const action = useAction('complaints.step', COMPLAINT_READS);
  const channel = t(`complaints.channels.${complaint.channel}`);
  // A forwarded complaint's result goes back to the body that forwarded it and the department concerned.
  const reportedTo = new Intl.ListFormat(language, { type: 'conjunction' }).format([channel, ...(complaint.department ? [departmentName(complaint.department, '')] : [])]);
  const form = useContractForm(stepInput, { defaultValues: { id: complaint.id, step, note: '', ...(step === 'reportResult' ? { reportedTo } : {}) } });
  const errorOf = useFieldErrors(form);
  const submit = useFormSubmit(form, ['note', 'method', 'satisfaction', 'noFollowUp', 'reportedTo', 'step'], action.mutateAsync, () => {
    notifySuccess(t(`complaints.messages.${step}`, { complaintNo: complaint.complaintNo }));
    onClose();
  });
  const refusal = errorOf('step');
  return (
    <Modal opened onClose={onClose} title={t(`complaints.stepActions.${step}`)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dark.4">
            {t('complaints.ui.stepFor', { complaintNo: complaint.complaintNo, name: complaint.complainantName })}
          </Text>
          {refusal ? (
            <Alert color="red" role="alert" data-testid="step-refused">
              {refusal}
            </Alert>
          ) : null}
          {step === 'reportResult' ? (
            <>
              <Alert color="blue" variant="light">
                {t('complaints.ui.reportResultHint', { channel })}
              </Alert>
              <TextInput label={t('complaints.fields.reportedTo')} description={t('complaints.fields.reportedToHint')} withAsterisk {...form.register('reportedTo')} error={errorOf('reportedTo')} />
            </>
          ) : null}
          {step === 'followUp' ? (
            <>
              <ChoiceChips form={form} name="method" label={t('complaints.fields.method')} withAsterisk options={FOLLOW_UP_METHODS.map((value) => ({ value, label: t(`complaints.followUpMethods.${value}`) }))} />
              <ChoiceChips form={form} name="satisfaction" label={t('complaints.fields.satisfaction')} withAsterisk options={SATISFACTION_LEVELS.map((value) => ({ value, label: t(`complaints.satisfaction.${value}`) }))} />
            </>
          ) : null}
          {/* Closing before the return visit (回访) says why there is none. */}
          {step === 'close' && complaint.status === 'responded' ? (
            <ChoiceChips
              form={form}
              name="noFollowUp"
              label={t('complaints.fields.noFollowUp')}
              withAsterisk
              options={NO_FOLLOW_UP_REASONS.map((value) => ({ value, label: t(`complaints.noFollowUpReasons.${value}`) }))}
            />
          ) : null}
          <Textarea
            label={t(`complaints.notes.${step}`)}
            description={t('complaints.fields.note')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            {...form.register('note')}
            error={errorOf('note')}
          />
          <FormActions onCancel={onClose} submitLabel={t(`complaints.stepActions.${step}`)} loading={action.isPending} color={step === 'withdraw' ? 'red' : undefined} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Escalate to the next level (frontline → duty manager → company leadership), with the reason; from
 * the frontline straight to leadership, also why the duty manager is passed over.
 */
export function EscalateModal({ complaint, to, onClose }: { complaint: ComplaintView; to: 'dutyManager' | 'leadership'; onClose(): void }) {
  const t = useT();
  const action = useAction('complaints.escalate', COMPLAINT_READS);
  const form = useContractForm(escalateInput, { defaultValues: { id: complaint.id, to, reason: '', skipReason: '' } });
  const errorOf = useFieldErrors(form);
  const skipping = nextLevel(complaint.level) !== to;
  const submit = useFormSubmit(form, ['reason', 'skipReason', 'to'], action.mutateAsync, () => {
    notifySuccess(t('complaints.messages.escalated', { complaintNo: complaint.complaintNo, level: t(`complaints.levels.${to}`) }));
    onClose();
  });
  const refusal = errorOf('to');
  return (
    <Modal opened onClose={onClose} title={t('complaints.actions.escalateTo', { level: t(`complaints.levels.${to}`) })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dark.4">
            {t('complaints.ui.escalateFrom', { from: t(`complaints.levels.${complaint.level}`), to: t(`complaints.levels.${to}`) })}
          </Text>
          {refusal ? (
            <Alert color="red" role="alert">
              {refusal}
            </Alert>
          ) : null}
          <Textarea label={t('complaints.fields.reason')} withAsterisk autosize minRows={2} maxRows={6} data-autofocus {...form.register('reason')} error={errorOf('reason')} />
          {skipping ? (
            <>
              <Alert color="orange">{t('complaints.ui.skipWarning')}</Alert>
              <Textarea label={t('complaints.fields.skipReason')} withAsterisk autosize minRows={2} maxRows={6} {...form.register('skipReason')} error={errorOf('skipReason')} />
            </>
          ) : null}
          <FormActions onCancel={onClose} submitLabel={t('complaints.actions.escalate')} loading={action.isPending} color="violet" />
        </Stack>
      </form>
    </Modal>
  );
}
