import { cx, FieldError } from '@rapport/ui';
import { type CSSProperties, type ReactNode, useId } from 'react';

export interface ChoiceOption<T> {
  value: T;
  label: ReactNode;
  /** A second line under the label. */
  description?: ReactNode;
  /** Accessible name when the label alone is not enough ("3 Good"). */
  ariaLabel?: string;
}

export interface ChoiceGroupProps<T> {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly ChoiceOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
  /** Columns on a phone; the options wrap to the next row otherwise. */
  columns?: number;
  className?: string;
}

/**
 * One choice among a few, as big tappable radio buttons (≥ 44 px). Native radios: Tab enters the
 * group, arrow keys move and select, so it works from a keyboard with no extra code.
 */
export function ChoiceGroup<T extends string | number | boolean>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  columns = options.length,
  className,
}: ChoiceGroupProps<T>) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const errorId = `${name}-error-${id}`;
  const hintId = `${name}-hint-${id}`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={cx('choice-group', className)} aria-describedby={describedBy}>
      <legend className="rp-field__label choice-group__legend">{legend}</legend>
      {hint && (
        <p className="rp-field__hint choice-group__hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="choice-group__options" style={{ '--choice-columns': columns } as CSSProperties}>
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={String(option.value)}
              className={cx('choice-group__option', checked && 'is-selected')}
            >
              <input
                type="radio"
                name={name}
                value={String(option.value)}
                checked={checked}
                onChange={() => onChange(option.value)}
                aria-label={option.ariaLabel}
                aria-invalid={error ? true : undefined}
              />
              <span className="choice-group__label">{option.label}</span>
              {option.description && <span className="choice-group__description">{option.description}</span>}
            </label>
          );
        })}
      </div>
      <FieldError error={error} id={errorId} />
    </fieldset>
  );
}
