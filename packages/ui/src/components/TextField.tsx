import type { ComponentProps } from 'react';
import { cx } from '../cx';
import { FieldFooter, FieldLabel, type FieldMessages, useFieldIds } from './Field';

export interface TextFieldProps extends Omit<ComponentProps<'input'>, 'children'>, FieldMessages {}

/** A labelled text input with hint and error, wired for screen readers. */
export function TextField({ label, hint, error, optional, id, className, ...rest }: TextFieldProps) {
  const { controlId, hintId, errorId, controlProps } = useFieldIds(id, hint, error);
  return (
    <div className={cx('rp-field', className)}>
      <FieldLabel htmlFor={controlId} label={label} optional={optional} />
      <input className="rp-input" {...controlProps} {...rest} />
      <FieldFooter hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'children'>, FieldMessages {}

export function TextAreaField({ label, hint, error, optional, id, className, ...rest }: TextAreaFieldProps) {
  const { controlId, hintId, errorId, controlProps } = useFieldIds(id, hint, error);
  return (
    <div className={cx('rp-field', className)}>
      <FieldLabel htmlFor={controlId} label={label} optional={optional} />
      <textarea className="rp-textarea" {...controlProps} {...rest} />
      <FieldFooter hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
