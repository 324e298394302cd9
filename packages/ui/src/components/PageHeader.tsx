import type { ReactNode } from 'react';
import { cx } from '../cx';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Small line above the title: a breadcrumb or a back link. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/** The page's one `h1`, focusable so the app can move focus to it after navigation. */
export function PageHeader({ title, description, eyebrow, actions, className }: PageHeaderProps) {
  return (
    <header className={cx('rp-page-header', className)}>
      <div className="rp-page-header__text">
        {eyebrow && <div className="rp-page-header__eyebrow">{eyebrow}</div>}
        <h1 className="rp-page-header__title" tabIndex={-1}>
          {title}
        </h1>
        {description && <p className="rp-page-header__description">{description}</p>}
      </div>
      {actions && <div className="rp-page-header__actions">{actions}</div>}
    </header>
  );
}
