import { useId, type ReactNode } from 'react';
import { Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { Badge, Chip, Group, Input, Stack, Text } from '@mantine/core';
import { OPEN_COMPLAINT_STATUSES, type ComplaintStatus, type ComplaintView, type EscalationLevel, type MethodName } from '@shared/contract';
import { useLanguage, useT } from '../../app/i18n';
import { useMethod } from '../../api/hooks';
import { SelectField } from '../../ui/fields';
import { useFieldErrors, type Form } from '../../ui/form';

/** The reads a complaint write makes stale (the live event refreshes other screens too). */
export const COMPLAINT_READS: MethodName[] = ['complaints.get', 'complaints.list', 'complaints.clocks', 'complaints.summary', 'complaints.trends', 'complaints.feedback.list'];

export const isOpen = (complaint: Pick<ComplaintView, 'status'>) => OPEN_COMPLAINT_STATUSES.includes(complaint.status);

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  received: 'orange',
  investigating: 'blue',
  responded: 'indigo',
  followedUp: 'teal',
  closed: 'gray',
  withdrawn: 'gray',
};
const SEVERITY_COLORS = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' } as const;
const LEVEL_COLORS: Record<EscalationLevel, string> = { frontline: 'gray', dutyManager: 'violet', leadership: 'grape' };

export function StatusBadge({ status, size = 'lg' }: { status: ComplaintStatus; size?: 'md' | 'lg' | 'xl' }) {
  const t = useT();
  return (
    <Badge size={size} color={STATUS_COLORS[status]} variant="light" data-testid="complaint-status" data-status={status}>
      {t(`complaints.statuses.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: ComplaintView['severity'] }) {
  const t = useT();
  return (
    <Badge size="lg" variant={severity === 'critical' ? 'filled' : 'light'} color={SEVERITY_COLORS[severity]}>
      {t('complaints.ui.severityOf', { severity: t(`complaints.severities.${severity}`) })}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: EscalationLevel }) {
  const t = useT();
  return (
    <Badge size="lg" variant="light" color={LEVEL_COLORS[level]} data-testid="complaint-level">
      {t(`complaints.levels.${level}`)}
    </Badge>
  );
}

/** The department responsible: optional, chosen from the park's departments (the same list paging summons from). */
function useDepartmentOptions() {
  const { language } = useLanguage();
  const departments = useMethod('departments.list', {});
  return (departments.data ?? []).map((d) => ({ value: String(d.id), label: `${language === 'zh-CN' ? d.nameZh : d.nameEn}${d.headName ? ` · ${d.headName}` : ''}` }));
}

/** A department's name in the screen's language. */
export function useDepartmentName() {
  const { language } = useLanguage();
  return (department: { nameZh: string; nameEn: string } | null | undefined, none: string): string =>
    department ? (language === 'zh-CN' ? department.nameZh : department.nameEn) || department.nameZh : none;
}

/** A label and its value, for the record's facts. */
export function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Stack gap={0} style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={600} component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

interface ChoiceChipsProps<V extends FieldValues> {
  form: Form<V>;
  name: FieldPath<V>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  withAsterisk?: boolean;
  onChosen?: (value: string) => void;
}

/** A chip's words at the large size, its box a full 44 px touch target (UI.md), as tall as the other controls. */
const CHIP_STYLES = { label: { height: 'calc(2.75rem * var(--mantine-scale))' } } as const;

/** One choice of a few, as large chips that wrap (a radio group): quick to tap while the visitor talks. */
export function ChoiceChips<V extends FieldValues>({ form, name, label, options, withAsterisk, onChosen }: ChoiceChipsProps<V>) {
  const errorOf = useFieldErrors(form);
  const labelId = useId();
  const error = errorOf(name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Input.Wrapper label={label} labelElement="div" withAsterisk={withAsterisk} error={error} id={labelId} labelProps={{ id: `${labelId}-label` }}>
          <Chip.Group
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(value) => {
              field.onChange(value);
              field.onBlur();
              onChosen?.(value);
            }}
          >
            <Group gap="xs" mt={6} role="radiogroup" aria-labelledby={`${labelId}-label`} aria-invalid={error ? true : undefined}>
              {options.map((option) => (
                <Chip key={option.value} value={option.value} name={name} type="radio" size="lg" radius="md" variant="outline" styles={CHIP_STYLES}>
                  {option.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
      )}
    />
  );
}

interface DepartmentFieldProps<V extends FieldValues> {
  form: Form<V>;
  name: FieldPath<V>;
  label: string;
  description?: string;
  placeholder: string;
  /** What the field holds when cleared: nothing chosen yet (undefined), or cleared on purpose (null, a correction). */
  cleared: null | undefined;
}

/** The department concerned, one of the park's, searchable and clearable: a complaint's or an opinion's. */
export function DepartmentField<V extends FieldValues>({ form, name, label, description, placeholder, cleared }: DepartmentFieldProps<V>) {
  const t = useT();
  const departments = useDepartmentOptions();
  return (
    <SelectField
      form={form}
      name={name}
      label={label}
      description={description}
      placeholder={placeholder}
      searchable
      data={departments}
      parse={Number}
      clear={{ label: t('complaints.ui.clearDepartment'), to: cleared }}
    />
  );
}
