import { useEffect, useRef, useState } from 'react';
import { Button } from './Button';
import { FieldLabel, useFieldIds } from './Field';

export interface CopyFieldProps {
  label: string;
  value: string;
  hint?: string;
  id?: string;
}

/** A read-only value (a link) with a Copy button; falls back to selecting the text. */
export function CopyField({ label, value, hint, id }: CopyFieldProps) {
  const { controlId, hintId, controlProps } = useFieldIds(id, hint, null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2500);
    } catch {
      inputRef.current?.select();
    }
  };

  return (
    <div className="rp-field rp-copy-field">
      <FieldLabel htmlFor={controlId} label={label} />
      <div className="rp-copy-field__row">
        <input
          ref={inputRef}
          className="rp-input"
          readOnly
          value={value}
          {...controlProps}
          onFocus={(e) => e.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </Button>
      </div>
      <span className="rp-visually-hidden" aria-live="polite">
        {copied ? 'Link copied to the clipboard' : ''}
      </span>
      {hint && (
        <p className="rp-field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
