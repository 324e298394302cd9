import type { ReactNode } from 'react';
import { cx } from '../cx';
import { Button } from './Button';
import { Spinner } from './Spinner';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  /** Call to action, e.g. a button that creates the first item. */
  action?: ReactNode;
  icon?: ReactNode;
  compact?: boolean;
  className?: string;
}

export function EmptyState({ title, description, action, icon = '✦', compact, className }: EmptyStateProps) {
  return (
    <div className={cx('rp-state', compact && 'rp-state--compact', className)}>
      <span className="rp-state__icon" aria-hidden="true">
        {icon}
      </span>
      <p className="rp-state__title">{title}</p>
      {description && <div className="rp-state__description">{description}</div>}
      {action && <div className="rp-state__action">{action}</div>}
    </div>
  );
}

export function LoadingState({
  label = 'Loading…',
  compact,
  className,
}: {
  label?: string;
  compact?: boolean;
  className?: string;
}) {
  return (
    <div
      className={cx('rp-state', compact && 'rp-state--compact', className)}
      role="status"
      aria-live="polite"
    >
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  message?: ReactNode;
  onRetry?: () => void;
  compact?: boolean;
  className?: string;
}

export function ErrorState({
  title = 'Something went wrong',
  message = 'We could not load this. Check your connection and try again.',
  onRetry,
  compact,
  className,
}: ErrorStateProps) {
  return (
    <div
      className={cx('rp-state', 'rp-state--error', compact && 'rp-state--compact', className)}
      role="alert"
    >
      <span className="rp-state__icon" aria-hidden="true">
        !
      </span>
      <p className="rp-state__title">{title}</p>
      {message && <div className="rp-state__description">{message}</div>}
      {onRetry && (
        <div className="rp-state__action">
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}
