import type { ComponentProps } from 'react';
import { cx } from '../cx';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'md' | 'sm';

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
}

/** The class names of a button, for links and other elements that should look like one. */
export function buttonClassName({
  variant = 'primary',
  size = 'md',
  block = false,
}: ButtonStyleOptions = {}) {
  return cx(
    'rp-button',
    `rp-button--${variant}`,
    size === 'sm' && 'rp-button--sm',
    block && 'rp-button--block',
  );
}

export interface ButtonProps extends ComponentProps<'button'>, ButtonStyleOptions {
  /** Shows a spinner, disables the button and announces the busy state. */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  block,
  loading = false,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(buttonClassName({ variant, size, block }), className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
