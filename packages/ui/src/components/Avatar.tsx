import { cx } from '../cx';

/** Up to two initials of a name: "Ada Lovelace" → "AL", "cher" → "C". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

export function Avatar({
  name,
  size = 'md',
  className,
}: {
  name: string;
  size?: 'md' | 'lg';
  className?: string;
}) {
  return (
    <span className={cx('rp-avatar', size === 'lg' && 'rp-avatar--lg', className)} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
