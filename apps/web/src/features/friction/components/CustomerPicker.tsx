import { useQuery } from '@apollo/client/react';
import { Button, FieldError, Spinner, TextField, useFieldIds } from '@rapport/ui';
import { useState } from 'react';
import { useDebouncedValue } from '~/app/use-debounced-value';
import { FrictionCustomerSearchDocument } from '../graphql/friction.graphql';

export const CUSTOMER_SEARCH_DEBOUNCE_MS = 250;
export const CUSTOMER_SEARCH_LIMIT = 8;

export interface PickedCustomer {
  id: string;
  name: string;
  company?: string | null;
}

export interface CustomerPickerProps {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  error?: string | null;
  label?: string;
}

/** Search the workspace's customers by name, company, email or phone and pick one. */
export function CustomerPicker({ value, onChange, error, label = 'Customer' }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), CUSTOMER_SEARCH_DEBOUNCE_MS);
  const { controlId, errorId } = useFieldIds(undefined, undefined, error);
  const results = useQuery(FrictionCustomerSearchDocument, {
    variables: { first: CUSTOMER_SEARCH_LIMIT, filter: { search: term } },
    skip: !term || value !== null,
  });

  if (value) {
    return (
      <div className="rp-field customer-picker">
        <span className="rp-field__label" id={`${controlId}-label`}>
          {label}
          <span className="rp-field__optional"> (optional)</span>
        </span>
        <div className="customer-picker__chosen">
          <span>
            <strong>{value.name}</strong>
            {value.company && <span className="muted"> · {value.company}</span>}
          </span>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              onChange(null);
              setSearch('');
            }}
          >
            Change customer
          </Button>
        </div>
        <FieldError error={error} id={errorId} />
      </div>
    );
  }

  const customers = results.data?.customers.edges.map((edge) => edge.node) ?? [];
  const searching = Boolean(search.trim()) && (search.trim() !== term || results.loading);
  return (
    <div className="customer-picker">
      <TextField
        id={controlId}
        label={label}
        optional
        type="search"
        autoComplete="off"
        hint="Search by name, company, email or phone."
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        error={error}
      />
      <div className="customer-picker__results" aria-live="polite">
        {searching ? (
          <p className="customer-picker__status">
            <Spinner /> Searching…
          </p>
        ) : results.error ? (
          <p className="customer-picker__status">Could not search customers. Try again.</p>
        ) : term && customers.length === 0 ? (
          <p className="customer-picker__status">No customer matches “{term}”.</p>
        ) : customers.length > 0 ? (
          <ul className="customer-picker__list" aria-label="Matching customers">
            {customers.map((customer) => (
              <li key={customer.id}>
                <button type="button" className="customer-picker__option" onClick={() => onChange(customer)}>
                  <span className="customer-picker__name">{customer.name}</span>
                  {customer.company && <span className="muted"> · {customer.company}</span>}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
