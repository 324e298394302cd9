import type { ComponentProps, ReactNode } from 'react';
import { cx } from '../cx';

export interface CardProps extends Omit<ComponentProps<'section'>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons shown at the right of the header. */
  actions?: ReactNode;
  /** Removes the body padding (for lists that run edge to edge). */
  flush?: boolean;
  /** Heading level of the title. */
  headingLevel?: 2 | 3;
}

export function Card({
  title,
  description,
  actions,
  flush,
  headingLevel = 2,
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={cx('rp-card', className)} {...rest}>
      {(title || actions) && (
        <header className="rp-card__header">
          <div>
            {title && <Heading className="rp-card__title">{title}</Heading>}
            {description && <p className="rp-card__description">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className={cx('rp-card__body', flush && 'rp-card__body--flush')}>{children}</div>
    </section>
  );
}
