import { cx } from '../cx';

export interface TagListProps {
  tags: readonly string[];
  /** Makes each tag a button (e.g. to filter by it). */
  onTagClick?: (tag: string) => void;
  /** Accessible name of the list. */
  label?: string;
  className?: string;
}

export function TagList({ tags, onTagClick, label = 'Tags', className }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul className={cx('rp-tag-list', className)} aria-label={label}>
      {tags.map((tag) => (
        <li key={tag}>
          {onTagClick ? (
            <button
              type="button"
              className="rp-tag"
              onClick={() => onTagClick(tag)}
              aria-label={`Filter by tag ${tag}`}
            >
              {tag}
            </button>
          ) : (
            <span className="rp-tag">{tag}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
