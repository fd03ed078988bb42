import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldPath, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue, encodeMessage } from '@shared/contract';
import { localize, useT } from '../app/i18n';
import { ApiError } from '../api/client';
import { notifyError } from './notify';

/**
 * A react-hook-form form validated by a contract schema. Messages are kept as catalog keys and
 * localized when shown, so switching language re-words errors already on screen.
 */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, { error: (issue) => encodeMessage(describeIssue(issue)) }),
    mode: 'onTouched',
    ...options,
  });
}

/** A react-hook-form form as the shared fields take it, whatever its validated output. */
export type Form<V extends FieldValues> = UseFormReturn<V, unknown, FieldValues>;

/** Puts the server's field errors next to their fields; true when every one found its field. */
export function applyServerErrors<V extends FieldValues>(form: Form<V>, error: unknown, fields: ReadonlyArray<FieldPath<V>>): boolean {
  if (!(error instanceof ApiError) || !error.body.fields) return false;
  let all = true;
  for (const [path, fieldError] of Object.entries(error.body.fields)) {
    const name = (fields as readonly string[]).includes(path) ? (path as FieldPath<V>) : undefined;
    if (name) form.setError(name, { type: 'server', message: encodeMessage(fieldError) }, { shouldFocus: true });
    else all = false;
  }
  return all;
}

/** `errorOf('name')`: the localized error of a field, for Mantine's `error` prop. */
export function useFieldErrors<V extends FieldValues>(form: Form<V>) {
  const t = useT();
  return (name: FieldPath<V>): string | undefined => localize(t, form.getFieldState(name, form.formState).error?.message);
}

/**
 * The submit handler of a contract form: runs the call, then `done`; a refusal lands next to its
 * fields when it names them, as a notice otherwise. Nothing is lost from the form on a refusal.
 */
export function useFormSubmit<V extends FieldValues, O, R>(
  form: UseFormReturn<V, unknown, O>,
  fields: ReadonlyArray<FieldPath<V>>,
  run: (values: O) => Promise<R>,
  done: (result: R) => void,
) {
  const t = useT();
  return form.handleSubmit(async (values) => {
    try {
      done(await run(values));
    } catch (error) {
      if (!applyServerErrors(form as Form<V>, error, fields)) notifyError(t, error);
    }
  });
}
