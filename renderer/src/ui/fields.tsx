import type { ReactNode } from 'react';
import type { z } from 'zod';
import { Controller, type FieldPath, type FieldValues } from 'react-hook-form';
import { Button, Center, Group, NumberInput, Select, Stack, Table, Text, UnstyledButton, type ComboboxItem } from '@mantine/core';
import { useT } from '../app/i18n';
import { useFieldErrors, type Form } from './form';
import { ReadFailed, type ReadQuery } from './readFailed';

interface SelectFieldProps<V extends FieldValues> {
  form: Form<V>;
  name: FieldPath<V>;
  label: string;
  data: ComboboxItem[] | string[];
  withAsterisk?: boolean;
  searchable?: boolean;
  disabled?: boolean;
  /** The option standing for `null` (e.g. "park default"); the field holds null when it is chosen. */
  nullValue?: string;
  /** Converts the chosen option back to the field's type (ids are numbers). */
  parse?: (value: string) => unknown;
  description?: string;
  placeholder?: string;
  /** A choice that may be cleared: its clear button's name, and what the field holds once cleared. */
  clear?: { label: string; to: null | undefined };
}

/** A Mantine select bound to a contract form field, with its localized error. */
export function SelectField<V extends FieldValues>({ form, name, label, data, withAsterisk, searchable, disabled, nullValue, parse, description, placeholder, clear }: SelectFieldProps<V>) {
  const errorOf = useFieldErrors(form);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={description}
          placeholder={placeholder}
          withAsterisk={withAsterisk}
          searchable={searchable}
          disabled={disabled}
          allowDeselect={false}
          {...(clear ? clearable(clear.label) : {})}
          data={data}
          value={field.value === null || field.value === undefined ? (nullValue ?? null) : String(field.value)}
          onChange={(value) => {
            if (value === null) {
              if (clear) field.onChange(clear.to);
              return;
            }
            field.onChange(value === nullValue ? null : parse ? parse(value) : value);
          }}
          onBlur={field.onBlur}
          error={errorOf(name)}
        />
      )}
    />
  );
}

interface NumberFieldProps<V extends FieldValues> {
  form: Form<V>;
  name: FieldPath<V>;
  label: string;
  min?: number;
  max?: number;
  /** Money: the field holds integer fen, the input shows CNY with two decimals after the sign (¥ 320), as money reads everywhere. */
  fen?: boolean;
  withAsterisk?: boolean;
  /** A message the schema cannot give (a limit known only on screen, e.g. a rental's deposit), shown when the field has none of its own. */
  error?: string;
}

/**
 * A number input bound to a contract form field; an empty input is NaN so the schema says "required".
 * What is typed is kept as typed: `min` and `max` only bound the arrow keys, never clamp a number (a
 * silent clamp would save a value nobody typed); the schema refuses one out of range, next to the field.
 */
/** A number field's bounds for its arrow keys, read from the contract (the schema, not the input, refuses what is outside). */
export function numberBounds(schema: z.ZodNumber): { min?: number; max?: number } {
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}

export function NumberField<V extends FieldValues>({ form, name, label, min, max, fen, withAsterisk, error }: NumberFieldProps<V>) {
  const errorOf = useFieldErrors(form);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          ref={field.ref}
          label={label}
          withAsterisk={withAsterisk}
          min={min}
          max={max}
          clampBehavior="none"
          allowDecimal={Boolean(fen)}
          decimalScale={fen ? 2 : 0}
          thousandSeparator={fen ? ',' : undefined}
          prefix={fen ? '¥ ' : undefined}
          value={typeof field.value === 'number' && !Number.isNaN(field.value) ? (fen ? field.value / 100 : field.value) : ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? (fen ? Math.round(value * 100) : value) : Number.NaN)}
          onBlur={field.onBlur}
          error={errorOf(name) ?? error}
        />
      )}
    />
  );
}

/** A clear button as a 44 px touch target (UI.md), over the box's border without hiding it. */
const CLEAR_BUTTON = { width: 44, height: 44, minWidth: 44, minHeight: 44, background: 'transparent' } as const;

/**
 * A clearable choice: its clear button a 44 px touch target named for what it clears, in the room
 * made for it, where the chevron is while nothing is chosen (the two never share the 44 px).
 */
export function clearable(label: string) {
  return { clearable: true, clearSectionMode: 'clear', rightSectionWidth: 44, clearButtonProps: { style: CLEAR_BUTTON, 'aria-label': label } } as const;
}

/**
 * A dialog's footer held at the foot of the dialog while its form scrolls (a tall form at 1024x768,
 * its errors showing): the primary action never leaves the screen.
 */
export const STICKY_FOOTER = { position: 'sticky', bottom: 0, zIndex: 1, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-2)' } as const;

/** The footer of a dialog form: cancel, and the one primary action, kept in sight. */
export function FormActions({ onCancel, submitLabel, loading, color }: { onCancel(): void; submitLabel: string; loading: boolean; color?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end" py="xs" style={STICKY_FOOTER} data-testid="form-actions">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={color}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** The designed empty state of a table: one row saying so; or, when its read failed (`read`), why, with a retry. */
export function EmptyRow({ colSpan, children, action, read }: { colSpan: number; children: ReactNode; action?: ReactNode; read?: ReadQuery }) {
  if (read?.error) {
    return (
      <Table.Tr>
        <Table.Td colSpan={colSpan}>
          <ReadFailed read={read} />
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Stack align="center" gap="sm" py="lg">
          <Text c="dimmed" ta="center">
            {children}
          </Text>
          {action}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * A record's number in a list row (a found item, an incident) as the button that opens it: one line,
 * monospace, touch-sized; the row's own click is not taken twice.
 */
export function RecordNumberButton({ number, label, onOpen }: { number: string; label: string; onOpen(): void }) {
  return (
    <UnstyledButton
      ff="monospace"
      fw={700}
      c="park.8"
      mih={44}
      style={{ whiteSpace: 'nowrap' }}
      aria-label={label}
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
    >
      {number}
    </UnstyledButton>
  );
}

/** "Show older" under the last page of a list, when an older page follows (`next`, the id it starts before). */
export function ShowOlder({ next, onMore }: { next: number | null; onMore: ((beforeId: number) => void) | undefined }) {
  const t = useT();
  if (!onMore || next === null) return null;
  return (
    <Center>
      <Button variant="default" size="md" onClick={() => onMore(next)}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
