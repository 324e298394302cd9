import { cx, FieldError } from '@rapport/ui';
import { type CSSProperties, useId } from 'react';
import { phoneColumns, scoresBetween } from './score-scale';

export interface ScorePickerProps {
  /** Id of the element holding the question: it names the group. */
  labelledBy: string;
  min: number;
  max: number;
  low: string;
  high: string;
  value: number | null;
  onChange: (score: number) => void;
  error?: string | null;
}

/**
 * One tap on a score: native radios drawn as large buttons (≥ 44 px), so Tab enters the group and the
 * arrow keys move through it. The words at the ends of the scale say which way is good.
 */
export function ScorePicker({ labelledBy, min, max, low, high, value, onChange, error }: ScorePickerProps) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const scaleId = `score-scale-${id}`;
  const errorId = `score-error-${id}`;
  const scores = scoresBetween(min, max);
  const describedBy = [error && errorId, scaleId].filter(Boolean).join(' ');
  return (
    <fieldset className="score-picker" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      <div
        className={cx('score-picker__options', scores.length > 7 && 'score-picker__options--wide')}
        style={
          {
            '--score-columns': scores.length,
            '--score-phone-columns': phoneColumns(scores.length),
          } as CSSProperties
        }
      >
        {scores.map((score) => {
          const checked = score === value;
          return (
            <label key={score} className={cx('score-picker__option', checked && 'is-selected')}>
              <input
                type="radio"
                name="score"
                value={score}
                checked={checked}
                onChange={() => onChange(score)}
                aria-invalid={error ? true : undefined}
              />
              <span className="score-picker__number">{score}</span>
            </label>
          );
        })}
      </div>
      <p className="score-picker__scale" id={scaleId}>
        <span>
          {min} = {low}
        </span>
        <span>
          {max} = {high}
        </span>
      </p>
      <FieldError error={error} id={errorId} />
    </fieldset>
  );
}
