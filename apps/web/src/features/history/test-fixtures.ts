import type { ChangeEntryFieldsFragment } from '~/gql/graphql';

export const CUSTOMER_ID = '00000000-0000-4000-8000-000000000001';
export const SAM = {
  __typename: 'Member' as const,
  id: '00000000-0000-4000-8000-000000000101',
  name: 'Sam Staff',
};
export const ADA = {
  __typename: 'Member' as const,
  id: '00000000-0000-4000-8000-000000000102',
  name: 'Ada Lovelace',
};

type Entry = ChangeEntryFieldsFragment & { __typename: 'ChangeEntry' };

export function fieldChange(
  field: string,
  before: unknown,
  after: unknown,
  labels: { beforeLabel?: string | null; afterLabel?: string | null } = {},
) {
  return {
    __typename: 'FieldChange' as const,
    field,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    beforeLabel: labels.beforeLabel ?? null,
    afterLabel: labels.afterLabel ?? null,
  };
}

let counter = 0;

/** A change entry as the API answers it. */
export function entry(overrides: Partial<Entry> = {}): Entry {
  counter += 1;
  return {
    __typename: 'ChangeEntry',
    id: `00000000-0000-4000-8000-${String(900000 + counter).padStart(12, '0')}`,
    action: 'UPDATE',
    entity: 'CUSTOMER',
    entityId: CUSTOMER_ID,
    entityLabel: 'Bea Baker',
    changedAt: '2026-03-02T10:00:00.000Z',
    origin: 'MEMBER',
    member: SAM,
    customer: { __typename: 'Customer', id: CUSTOMER_ID, name: 'Bea Baker' } as Entry['customer'],
    changes: [],
    ...overrides,
  };
}

/** A page of a connection: edges with cursors, and pageInfo. */
export function page(entries: Entry[], endCursor: string | null = null) {
  return {
    __typename: 'ChangeEntryConnection' as const,
    edges: entries.map((node, i) => ({
      __typename: 'ChangeEntryEdge' as const,
      cursor: `c-${node.id}-${i}`,
      node,
    })),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: endCursor !== null, endCursor },
  };
}
