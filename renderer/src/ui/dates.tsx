import 'dayjs/locale/zh-cn';
import { useRef, useState, type ReactNode } from 'react';
import { Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateInput, DatesProvider, TimePicker } from '@mantine/dates';
import { parseTypedDate, typedDateProblem, type TypedDateProblem } from '@shared/rules/time';
import { useLanguage, useT } from '../app/i18n';
import { clearable as clearButton } from './fields';
import { useFieldErrors, type Form } from './form';

/**
 * Calendars and time fields in the app's language, not the browser's: a native date input shows
 * "mm/dd/yyyy" and a native time input "AM/PM" on an English machine whatever language the counter
 * chose, while everything else reads `2026-12-03 16:30`. Weeks start on Monday, as in China.
 */
export function ParkDatesProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return <DatesProvider settings={{ locale: language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}


interface DateFieldProps {
  /** The visible label; a filter beside others may go with `aria-label` only. */
  label?: string;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** Called with a real `YYYY-MM-DD`; with '' only when a `clearable` field is cleared. */
  onChange(value: string): void;
  onBlur?(): void;
  /** Earliest and latest date that can be chosen or typed (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
  /** An empty field is allowed (a search bound), with a button that clears it. */
  clearable?: boolean;
  error?: ReactNode;
  withAsterisk?: boolean;
  w?: number;
  'aria-label'?: string;
}

/**
 * A date typed as the counter types it (2026-12-01, 2026/12/1, 20261201) or picked from a calendar
 * in the app's language; it always reads `YYYY-MM-DD`. A typed text that is no date, or a date out
 * of the field's range, changes nothing: when the field is left it reads back the date it had
 * before the typing began (the range check would otherwise keep a day passed on the way, typing
 * 2026-12-31 past 2026-12-3), and says why under the field.
 */
export function DateField({ label, value, onChange, onBlur, min, max, clearable, error, withAsterisk, w, ...rest }: DateFieldProps) {
  const t = useT();
  const name = rest['aria-label'] ?? label ?? '';
  const before = useRef(value);
  const [refused, setRefused] = useState<TypedDateProblem | null>(null);
  return (
    <DateInput
      label={label}
      aria-label={rest['aria-label']}
      withAsterisk={withAsterisk}
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      dateParser={parseTypedDate}
      value={value === '' ? null : value}
      onChange={(next) => {
        setRefused(null);
        onChange(next ?? '');
      }}
      onFocus={() => {
        before.current = value;
      }}
      // A day picked from the calendar is the date to come back to, not the one before it.
      getDayProps={(day) => ({
        onClick: () => {
          before.current = day;
        },
      })}
      onBlur={(event) => {
        const problem = typedDateProblem(event.currentTarget.value, { min, max });
        setRefused(problem);
        if (problem && value !== before.current) onChange(before.current);
        onBlur?.();
      }}
      minDate={min}
      maxDate={max}
      {...(clearable ? clearButton(t('common.clearField', { field: name })) : {})}
      error={error ?? (refused && t(refused.key, refused.params))}
      w={w}
      autoComplete="off"
      // With no room below, the calendar opens beside the field rather than over its label.
      popoverProps={{ withinPortal: true, middlewares: { flip: { fallbackPlacements: ['right-start', 'left-start', 'top-start'], crossAxis: false }, shift: true } }}
    />
  );
}

interface Bound {
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  error: ReactNode;
}

/** A contract form field holding a string (a date or a time), handed to its field with its localized error. */
function StringController<V extends FieldValues>({ form, name, render }: { form: Form<V>; name: FieldPath<V>; render(bound: Bound): ReactNode }) {
  const errorOf = useFieldErrors(form);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => <>{render({ value: typeof field.value === 'string' ? field.value : '', onChange: field.onChange, onBlur: field.onBlur, error: errorOf(name) })}</>}
    />
  );
}

/** A date field bound to a contract form field (a `YYYY-MM-DD` string). */
export function FormDateField<V extends FieldValues>({ form, name, ...props }: { form: Form<V>; name: FieldPath<V> } & Omit<DateFieldProps, keyof Bound>) {
  return <StringController form={form} name={name} render={(bound) => <DateField {...props} {...bound} />} />;
}

interface TimeFieldProps {
  label: string;
  /** `HH:mm`, 24-hour, or '' for none. */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  description?: ReactNode;
  error?: ReactNode;
  withAsterisk?: boolean;
  style?: React.CSSProperties;
  inputWrapperOrder?: ('label' | 'input' | 'description' | 'error')[];
  /** The hours take the focus when the dialog opens (Mantine's `data-autofocus`). */
  autoFocus?: boolean;
}

/**
 * A wall-clock time as hours and minutes on the 24-hour clock, in both languages (the park's
 * times never read AM/PM). Typing `1730` fills both; the value is `HH:mm` once both are there.
 */
export function TimeField({ label, value, onChange, onBlur, autoFocus, ...props }: TimeFieldProps) {
  const t = useT();
  return (
    <TimePicker
      format="24h"
      label={label}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      hoursInputLabel={`${label} · ${t('clock.hoursField')}`}
      minutesInputLabel={`${label} · ${t('clock.minutesField')}`}
      hoursInputProps={autoFocus ? { 'data-autofocus': true } : undefined}
      withDropdown
      hoursPlaceholder="--"
      minutesPlaceholder="--"
      {...props}
    />
  );
}

/** A time field bound to a contract form field (an `HH:mm` string). */
export function FormTimeField<V extends FieldValues>({ form, name, ...props }: { form: Form<V>; name: FieldPath<V> } & Omit<TimeFieldProps, keyof Bound>) {
  return <StringController form={form} name={name} render={(bound) => <TimeField {...props} {...bound} />} />;
}
