import type { ReactNode } from 'react';
import { cx } from '../cx';

export type AlertTone = 'danger' | 'success' | 'info';

export interface AlertProps {
  tone?: AlertTone;
  children: ReactNode;
  onDismiss?: () => void;
  className?: string;
}

/** A message box. Danger alerts are announced at once (role=alert); others politely (role=status). */
export function Alert({ tone = 'info', children, onDismiss, className }: AlertProps) {
  return (
    <div
      className={cx('rp-alert', `rp-alert--${tone}`, className)}
      role={tone === 'danger' ? 'alert' : 'status'}
    >
      <div className="rp-alert__body">{children}</div>
      {onDismiss && (
        <button type="button" className="rp-alert__dismiss" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/**
 * A form-level error (anything that does not belong to one field), with an optional way out (a
 * "Reload" button). Renders nothing without a message.
 */
export function FormError({
  message,
  action,
  className,
}: {
  message?: string | null;
  action?: ReactNode;
  className?: string;
}) {
  if (!message) return null;
  return (
    <Alert tone="danger" className={className}>
      {message}
      {action && <div className="rp-alert__action">{action}</div>}
    </Alert>
  );
}
