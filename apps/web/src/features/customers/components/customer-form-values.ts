import type { CustomerDetailFragment } from '~/gql/graphql';

export interface FactRow {
  /** Stable key of the row while editing (facts have no id). */
  key: string;
  label: string;
  value: string;
}

export interface CustomerFormValues {
  name: string;
  company: string;
  email: string;
  phone: string;
  tags: string[];
  notes: string;
  facts: FactRow[];
  ownerId: string;
  cadenceDays: string;
}

let rowCounter = 0;
export function newFactRow(label = '', value = ''): FactRow {
  rowCounter += 1;
  return { key: `fact-${rowCounter}`, label, value };
}

export function emptyCustomerValues(ownerId = ''): CustomerFormValues {
  return {
    name: '',
    company: '',
    email: '',
    phone: '',
    tags: [],
    notes: '',
    facts: [],
    ownerId,
    cadenceDays: '',
  };
}

/** The form's values for an existing customer; a blank cadence means "use the workspace default". */
export function customerToValues(customer: CustomerDetailFragment): CustomerFormValues {
  return {
    name: customer.name,
    company: customer.company ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    tags: [...customer.tags],
    notes: customer.notes ?? '',
    facts: customer.profileFacts.map((f) => newFactRow(f.label, f.value)),
    ownerId: customer.owner?.id ?? '',
    cadenceDays: customer.ownCadenceDays === null ? '' : String(customer.ownCadenceDays),
  };
}

function isBlankRow(row: FactRow) {
  return row.label.trim() === '' && row.value.trim() === '';
}

/**
 * What the API receives (before validation). Fully blank fact rows are dropped; `keptFacts` says
 * which row each sent fact came from, so errors on `profileFacts.<i>` land beside the right row.
 */
export function valuesToInput(values: CustomerFormValues) {
  const keptFacts = values.facts.filter((row) => !isBlankRow(row));
  const cadence = values.cadenceDays.trim();
  return {
    keptFacts,
    input: {
      name: values.name,
      company: values.company,
      email: values.email,
      phone: values.phone,
      tags: values.tags,
      notes: values.notes,
      profileFacts: keptFacts.map(({ label, value }) => ({ label, value })),
      ownerId: values.ownerId || null,
      cadenceDays: cadence === '' ? null : Number(cadence),
    },
  };
}

const SIMPLE_FIELDS = ['name', 'company', 'email', 'phone', 'notes', 'ownerId', 'cadenceDays'];

/** Maps an error path of the input to the control that shows it. */
export function customerFieldFor(keptFacts: readonly FactRow[]) {
  return (path: string): string | null => {
    if (SIMPLE_FIELDS.includes(path)) return path;
    if (path === 'tags' || path.startsWith('tags.')) return 'tags';
    if (path === 'profileFacts') return 'facts';
    const match = /^profileFacts\.(\d+)(?:\.(label|value))?$/.exec(path);
    if (match) {
      const row = keptFacts[Number(match[1])];
      if (row) return `facts.${row.key}.${match[2] ?? 'label'}`;
      return 'facts';
    }
    return null;
  };
}
