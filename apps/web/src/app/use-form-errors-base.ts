import type { FieldErrors } from '@rapport/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DescribedError } from './error-messages';

/**
 * useFormErrors with the function that describes a failed request's error: Apollo's errors in the app
 * (use-form-errors.ts), or the public feedback form's own, which has no Apollo Client.
 */
export function useFormErrorsBase(
  describeError: (error: unknown) => DescribedError,
  /**
   * Maps an error's field path (`name`, `profileFacts.0.label`) to the key of the control that shows
   * it, or null when the form has no such control (the message then goes above the form).
   */
  fieldFor: (path: string) => string | null = (path) => path,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The API refused an edit made from an old version (fields.version): the form should offer a reload.
  const [stale, setStale] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const fieldForRef = useRef(fieldFor);
  fieldForRef.current = fieldFor;

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  /** Shows validation errors; fields the form does not show become the form-level message. */
  const showFieldErrors = useCallback((fields: FieldErrors, fallback: string | null = null) => {
    const shown: FieldErrors = {};
    const hidden: string[] = [];
    for (const [path, message] of Object.entries(fields)) {
      const field = path === '_' ? null : fieldForRef.current(path);
      if (field !== null) shown[field] ??= message;
      else hidden.push(message);
    }
    setFieldErrors(shown);
    setStale('version' in fields);
    setFormError(hidden.length > 0 ? hidden.join(' ') : Object.keys(shown).length > 0 ? null : fallback);
    setAttempt((n) => n + 1);
  }, []);

  /** Shows an error thrown by a mutation: field messages beside their fields, the rest above the form. */
  const showError = useCallback(
    (error: unknown) => {
      const described = describeError(error);
      if (Object.keys(described.fields).length > 0) showFieldErrors(described.fields, described.message);
      else {
        setFieldErrors({});
        setStale(false);
        setFormError(described.message);
        setAttempt((n) => n + 1);
      }
    },
    [showFieldErrors, describeError],
  );

  const clearErrors = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
    setStale(false);
  }, []);

  /** Clears one field's message (when the user edits it). */
  const clearField = useCallback((path: string) => {
    setFieldErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  return { formRef, fieldErrors, formError, stale, showFieldErrors, showError, clearErrors, clearField };
}

/** A `fieldFor` that shows the listed fields and sends anything else above the form. */
export function onlyFields(...fields: string[]) {
  return (path: string) => (fields.includes(path) ? path : null);
}
