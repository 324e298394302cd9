import { type ReactNode, useId } from 'react';

export interface FieldMessages {
  /** Visible label; every control has one. */
  label: ReactNode;
  /** Help text shown under the control. */
  hint?: ReactNode;
  /** Error message shown under the control; marks it `aria-invalid`. */
  error?: string | null;
  /** Adds "(optional)" after the label. */
  optional?: boolean;
}

/** Ids and ARIA attributes that tie a control to its label, hint and error. */
export function useFieldIds(id: string | undefined, hint: ReactNode, error: string | null | undefined) {
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return {
    controlId,
    hintId,
    errorId,
    controlProps: {
      id: controlId,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
    },
  } as const;
}

export function FieldLabel({
  htmlFor,
  label,
  optional,
}: {
  htmlFor: string;
  label: ReactNode;
  optional?: boolean;
}) {
  return (
    <label className="rp-field__label" htmlFor={htmlFor}>
      {label}
      {optional && <span className="rp-field__optional"> (optional)</span>}
    </label>
  );
}

/** A field's error message, for controls that lay themselves out (radio groups, pickers). */
export function FieldError({ error, id }: { error?: string | null; id?: string }) {
  if (!error) return null;
  return (
    <p className="rp-field__error" id={id}>
      <span aria-hidden="true">!</span>
      {error}
    </p>
  );
}

export function FieldFooter({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string;
  error?: string | null;
  errorId?: string;
}) {
  return (
    <>
      <FieldError error={error} id={errorId} />
      {hint && (
        <p className="rp-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </>
  );
}
