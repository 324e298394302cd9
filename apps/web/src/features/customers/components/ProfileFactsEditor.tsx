import type { FieldErrors } from '@rapport/domain';
import { Button, TextField } from '@rapport/ui';
import { type FactRow, newFactRow } from './customer-form-values';

export interface ProfileFactsEditorProps {
  rows: FactRow[];
  onChange: (rows: FactRow[]) => void;
  errors: FieldErrors;
  onEdit?: (fieldKey: string) => void;
}

/** Label/value rows for the things learned about a client, in their own terms. */
export function ProfileFactsEditor({ rows, onChange, errors, onEdit }: ProfileFactsEditorProps) {
  const update = (key: string, part: 'label' | 'value', text: string) => {
    onChange(rows.map((row) => (row.key === key ? { ...row, [part]: text } : row)));
    onEdit?.(`facts.${key}.${part}`);
  };

  return (
    <fieldset className="facts-editor">
      <legend className="rp-field__label">
        Profile facts <span className="rp-field__optional">(optional)</span>
      </legend>
      <p className="rp-field__hint">
        What you have learned about this client: family, goals, preferences, important dates.
      </p>
      {errors.facts && <p className="rp-field__error">{errors.facts}</p>}
      {rows.length > 0 && (
        <ol className="facts-editor__rows">
          {rows.map((row, index) => (
            <li key={row.key} className="facts-editor__row">
              <TextField
                label={`Fact ${index + 1} label`}
                placeholder="e.g. Anniversary"
                value={row.label}
                onChange={(e) => update(row.key, 'label', e.target.value)}
                error={errors[`facts.${row.key}.label`]}
                className="facts-editor__label"
              />
              <TextField
                label={`Fact ${index + 1} value`}
                placeholder="e.g. June 12, loves peonies"
                value={row.value}
                onChange={(e) => update(row.key, 'value', e.target.value)}
                error={errors[`facts.${row.key}.value`]}
                className="facts-editor__value"
              />
              <Button
                variant="ghost"
                size="sm"
                className="facts-editor__remove"
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                aria-label={`Remove fact ${index + 1}${row.label ? ` (${row.label})` : ''}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, newFactRow()])}>
          + Add a fact
        </Button>
      </div>
    </fieldset>
  );
}
