import { SENTIMENT_MAX, SENTIMENT_MIN } from '@rapport/domain';
import { cx, FieldError } from '@rapport/ui';
import { useId } from 'react';
import { formatSentiment, SENTIMENT_LABELS } from '~/app/labels';

const VALUES = Array.from({ length: SENTIMENT_MAX - SENTIMENT_MIN + 1 }, (_, i) => SENTIMENT_MIN + i);

export interface SentimentPickerProps {
  value: number;
  onChange: (value: number) => void;
  error?: string;
}

/** Sentiment −2..+2 as five big radio buttons: one tap each on a phone. */
export function SentimentPicker({ value, onChange, error }: SentimentPickerProps) {
  const errorId = `sentiment-error${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <fieldset
      className="sentiment-picker"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="rp-field__label">How did they seem to feel?</legend>
      <div className="sentiment-picker__options">
        {VALUES.map((option) => (
          <label key={option} className={cx('sentiment-picker__option', option === value && 'is-selected')}>
            <input
              type="radio"
              name="sentiment"
              value={option}
              checked={option === value}
              onChange={() => onChange(option)}
              aria-label={`${formatSentiment(option)} ${SENTIMENT_LABELS[String(option)]}`}
            />
            <span aria-hidden="true" className="sentiment-picker__value">
              {formatSentiment(option)}
            </span>
            <span aria-hidden="true" className="sentiment-picker__word">
              {SENTIMENT_LABELS[String(option)]}
            </span>
          </label>
        ))}
      </div>
      <FieldError error={error} id={errorId} />
    </fieldset>
  );
}
