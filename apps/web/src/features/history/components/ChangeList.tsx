import { Link } from 'react-router';
import { formatDateTime } from '~/app/labels';
import {
  type ChangeEntry,
  type FieldChange,
  fieldLabel,
  formatValue,
  whatHappened,
  whoMadeIt,
} from './change-format';

export interface ChangeListProps {
  entries: readonly ChangeEntry[];
  /** Accessible name of the list. */
  label: string;
  /** Fields not worth showing here (on a customer's page: which customer it is). */
  hiddenFields?: readonly string[];
  /** Name and link the customer an entry belongs to (the workspace's history; a customer's page knows). */
  showCustomer?: boolean;
}

function FieldValue({ change, action }: { change: FieldChange; action: ChangeEntry['action'] }) {
  const before = formatValue(change.field, change.before, change.beforeLabel);
  const after = formatValue(change.field, change.after, change.afterLabel);
  if (action === 'CREATE') return <>{after}</>;
  if (action === 'DELETE') return <>{before}</>;
  return (
    <>
      <span className="change__before">
        <span className="rp-visually-hidden">from </span>
        {before}
      </span>{' '}
      <span aria-hidden="true">→</span>{' '}
      <span className="change__after">
        <span className="rp-visually-hidden">to </span>
        {after}
      </span>
    </>
  );
}

/** Recorded changes, newest first: who, when, what, and each field before → after. */
export function ChangeList({ entries, label, hiddenFields = [], showCustomer = false }: ChangeListProps) {
  return (
    <ol className="change-list" aria-label={label}>
      {entries.map((entry) => {
        const changes = entry.changes.filter((c) => !hiddenFields.includes(c.field));
        return (
          <li key={entry.id} className={`change change--${entry.action.toLowerCase()}`}>
            <p className="change__head">
              <span>
                <strong>{whoMadeIt(entry)}</strong> {whatHappened(entry)}
              </span>
              <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>
            </p>
            {showCustomer && entry.customer && (
              <p className="change__meta">
                Customer: <Link to={`/customers/${entry.customer.id}`}>{entry.customer.name}</Link>
              </p>
            )}
            {changes.length > 0 && (
              <dl className="change__fields">
                {changes.map((change) => (
                  <div key={change.field} className="change__field">
                    <dt>{fieldLabel(change.field)}</dt>
                    <dd>
                      <FieldValue change={change} action={entry.action} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
