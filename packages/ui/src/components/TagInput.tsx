import { type KeyboardEvent, useState } from 'react';
import { cx } from '../cx';
import { FieldFooter, FieldLabel, type FieldMessages, useFieldIds } from './Field';

export interface TagInputProps extends FieldMessages {
  id?: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  placeholder?: string;
  className?: string;
  /** Applied to each new tag, e.g. lower-casing to match how the server stores tags. */
  normalize?: (tag: string) => string;
}

/**
 * Tags as removable chips; type and press Enter or comma to add one. Pasted comma-separated text
 * becomes several tags. Text still in the box on blur is added too, so nothing typed is lost.
 */
export function TagInput({
  id,
  value,
  onChange,
  label,
  hint,
  error,
  optional,
  placeholder,
  className,
  normalize = (tag) => tag,
}: TagInputProps) {
  const { controlId, hintId, errorId, controlProps } = useFieldIds(id, hint, error);
  const [draft, setDraft] = useState('');

  const commit = (text: string) => {
    const added = text
      .split(',')
      .map((t) => normalize(t.trim()))
      .filter((t) => t.length > 0 && !value.some((v) => v.toLowerCase() === t.toLowerCase()));
    if (added.length > 0) onChange([...value, ...new Set(added)]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={cx('rp-field', className)}>
      <FieldLabel htmlFor={controlId} label={label} optional={optional} />
      <div className="rp-tag-input" data-invalid={error ? 'true' : undefined}>
        {value.length > 0 && (
          <ul className="rp-tag-list" aria-label="Tags added">
            {value.map((tag) => (
              <li key={tag} className="rp-tag">
                {tag}
                <button
                  type="button"
                  className="rp-tag__remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(value.filter((t) => t !== tag))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          className="rp-tag-input__input"
          {...controlProps}
          value={draft}
          placeholder={placeholder}
          onChange={(event) => {
            const next = event.target.value;
            if (next.includes(',')) commit(next);
            else setDraft(next);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => commit(draft)}
        />
      </div>
      <FieldFooter hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
