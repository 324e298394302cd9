import type { ComponentProps } from 'react';
import { cx } from '../cx';
import { FieldFooter, FieldLabel, type FieldMessages, useFieldIds } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'children'>, FieldMessages {
  options: readonly SelectOption[];
}

/** A labelled native select: accessible and comfortable on phones. */
export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  options,
  ...rest
}: SelectFieldProps) {
  const { controlId, hintId, errorId, controlProps } = useFieldIds(id, hint, error);
  return (
    <div className={cx('rp-field', className)}>
      <FieldLabel htmlFor={controlId} label={label} optional={optional} />
      <select className="rp-select" {...controlProps} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldFooter hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
