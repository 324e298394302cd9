import { type ComponentProps, type ReactNode, useId } from 'react';
import { cx } from '../cx';

export interface CheckboxFieldProps extends Omit<ComponentProps<'input'>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
}

export function CheckboxField({ label, hint, id, className, ...rest }: CheckboxFieldProps) {
  const generated = useId();
  const controlId = id ?? `check${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  return (
    <div className={cx('rp-checkbox', className)}>
      <input type="checkbox" id={controlId} aria-describedby={hintId} {...rest} />
      <span className="rp-checkbox__text">
        <label className="rp-checkbox__label" htmlFor={controlId}>
          {label}
        </label>
        {hint && (
          <span className="rp-field__hint" id={hintId}>
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
