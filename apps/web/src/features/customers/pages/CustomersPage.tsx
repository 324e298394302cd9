import { useQuery } from '@apollo/client/react';
import type { CustomerStatus } from '@rapport/domain';
import {
  Alert,
  Button,
  buttonClassName,
  Card,
  CheckboxField,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
} from '@rapport/ui';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '~/app/errors';
import { SearchIcon } from '~/app/icons';
import { pluralize } from '~/app/labels';
import { useDebouncedValue } from '~/app/use-debounced-value';
import { useDocumentTitle } from '~/app/use-document-title';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import type { CustomerFilter, CustomerOrder, HealthBand } from '~/gql/graphql';
import { CustomerList } from '../components/CustomerList';
import { CustomersDocument } from '../graphql/customers.graphql';

export const CUSTOMERS_PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 300;

const SORT_OPTIONS: { value: CustomerOrder; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'CREATED_AT', label: 'Date added' },
  { value: 'HEALTH_ASC', label: 'Health: lowest first' },
  { value: 'HEALTH_DESC', label: 'Health: highest first' },
  { value: 'NEXT_CHECK_IN_DUE', label: 'Next check-in due' },
];
const BAND_OPTIONS: { value: HealthBand | ''; label: string }[] = [
  { value: '', label: 'Any health' },
  { value: 'HEALTHY', label: 'Healthy' },
  { value: 'WATCH', label: 'Watch' },
  { value: 'AT_RISK', label: 'At risk' },
];
const STATUS_OPTIONS = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'ARCHIVED', label: 'Archived' },
];

export function CustomersPage() {
  useDocumentTitle('Customers');
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [tagText, setTagText] = useState(params.get('tag') ?? '');
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const debouncedTag = useDebouncedValue(tagText.trim().toLowerCase(), SEARCH_DEBOUNCE_MS);
  const ownerId = params.get('owner') ?? '';
  const status = (params.get('status') === 'ARCHIVED' ? 'ARCHIVED' : 'ACTIVE') satisfies CustomerStatus;
  const orderBy: CustomerOrder =
    SORT_OPTIONS.find((option) => option.value === params.get('sort'))?.value ?? 'NAME';
  const band =
    BAND_OPTIONS.find((option) => option.value && option.value === params.get('band'))?.value || null;
  const overdueOnly = params.get('overdue') === '1';
  const notice = (location.state as { notice?: string } | null)?.notice;

  // Keep the filters in the address, so a reload or the back button keeps them.
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: syncs the debounced text only
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch) setParam('q', debouncedSearch);
  }, [debouncedSearch]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: syncs the debounced text only
  useEffect(() => {
    if ((params.get('tag') ?? '') !== debouncedTag) setParam('tag', debouncedTag);
  }, [debouncedTag]);

  const filter = useMemo(() => {
    const f: CustomerFilter = { status };
    if (debouncedSearch) f.search = debouncedSearch;
    if (debouncedTag) f.tag = debouncedTag;
    if (ownerId) f.ownerId = ownerId;
    if (band) f.band = band;
    if (overdueOnly) f.checkInOverdue = true;
    return f;
  }, [debouncedSearch, debouncedTag, ownerId, status, band, overdueOnly]);
  // One page in the DOM at a time, however many customers there are: `pages` holds, for each page after
  // the first up to the one shown, the cursor it starts after and how many rows come before it. Another
  // filter or order starts at page 1.
  const pagingKey = JSON.stringify([filter, orderBy]);
  const [paging, setPaging] = useState({ key: pagingKey, pages: [] as { after: string; offset: number }[] });
  const pages = paging.key === pagingKey ? paging.pages : [];
  const after = pages.at(-1)?.after;
  const filtered = Boolean(
    debouncedSearch || debouncedTag || ownerId || status !== 'ACTIVE' || band || overdueOnly,
  );

  const { data, previousData, loading, error, refetch } = useQuery(CustomersDocument, {
    variables: { first: CUSTOMERS_PAGE_SIZE, filter, orderBy, ...(after ? { after } : {}) },
  });
  const members = useQuery(MembersDocument);
  const shown = data ?? previousData;
  const connection = shown?.customers;
  const customers = connection?.edges.map((edge) => edge.node) ?? [];

  // A refused search or tag (too long) is said under its own field; the page keeps the last answer.
  const described = error ? describeError(error) : null;
  const searchError = described?.fields['filter.search'];
  const tagError = described?.fields['filter.tag'];
  const fieldError = searchError ?? tagError;

  const offset = pages.at(-1)?.offset ?? 0;
  const nextPage = () => {
    const next = connection?.pageInfo.endCursor;
    if (next)
      setPaging({ key: pagingKey, pages: [...pages, { after: next, offset: offset + customers.length }] });
  };
  const previousPage = () => setPaging({ key: pagingKey, pages: pages.slice(0, -1) });

  const clearFilters = () => {
    setSearch('');
    setTagText('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const ownerOptions = [
    { value: '', label: 'Anyone' },
    ...(members.data?.members ?? []).map((m) => ({ value: m.id, label: m.name })),
  ];

  let body: ReactNode;
  if (!connection && loading) {
    body = <LoadingState label="Loading customers…" />;
  } else if (!connection) {
    body = (
      <ErrorState
        title="Could not load customers"
        message={described?.message}
        onRetry={() => void refetch()}
      />
    );
  } else if (customers.length === 0 && !filtered) {
    body = (
      <EmptyState
        icon="☺"
        title="Add your first customer"
        description="Start with the clients you talk to most. Note what you know about them, and Rapport will remind you to keep in touch."
        action={
          <Link to="/customers/new" className={buttonClassName()}>
            Add a customer
          </Link>
        }
      />
    );
  } else if (customers.length === 0) {
    body = (
      <EmptyState
        icon="?"
        title="No customers match"
        description="Try another search, or clear the filters."
        action={
          <Button variant="secondary" onClick={clearFilters}>
            Clear filters
          </Button>
        }
      />
    );
  } else {
    body = (
      <>
        <CustomerList customers={customers} onTagClick={(tag) => setTagText(tag)} />
        <nav className="list-footer" aria-label="Pages of customers">
          <span>
            Showing {offset + 1}–{offset + customers.length} of {connection.totalCount}
          </span>
          <span className="list-footer__pages">
            {pages.length > 0 && (
              <Button variant="secondary" disabled={loading} onClick={previousPage}>
                Previous
              </Button>
            )}
            {connection.pageInfo.hasNextPage && (
              <Button variant="secondary" disabled={loading} onClick={nextPage}>
                Next
              </Button>
            )}
          </span>
        </nav>
      </>
    );
  }

  const searching = loading && Boolean(connection);
  return (
    <>
      <PageHeader
        title="Customers"
        description={
          connection
            ? `${pluralize(connection.totalCount, status === 'ARCHIVED' ? 'archived customer' : 'customer')}${filtered ? ' match' : ''}`
            : 'The people and companies you serve.'
        }
        actions={
          <Link to="/customers/new" className={buttonClassName()}>
            Add customer
          </Link>
        }
      />
      {notice && (
        <Alert
          tone="success"
          className="page-notice"
          onDismiss={() => void navigate(location.pathname + location.search, { replace: true, state: null })}
        >
          {notice}
        </Alert>
      )}
      <Card flush>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> has no role in Safari < 17 (older phones) or jsdom */}
        <div role="search" className="filters" aria-label="Filter customers">
          <div className="filters__search">
            <SearchIcon />
            <TextField
              label="Search"
              type="search"
              placeholder="Name, company, email or phone"
              value={search}
              error={searchError}
              onChange={(e) => setSearch(e.target.value)}
              autoComplete="off"
            />
          </div>
          <TextField
            label="Tag"
            placeholder="Any tag"
            value={tagText}
            error={tagError}
            onChange={(e) => setTagText(e.target.value)}
            autoComplete="off"
          />
          <SelectField
            label="Owner"
            options={ownerOptions}
            value={ownerId}
            onChange={(e) => setParam('owner', e.target.value)}
          />
          <SelectField
            label="Status"
            options={STATUS_OPTIONS}
            value={status}
            onChange={(e) => setParam('status', e.target.value === 'ACTIVE' ? '' : e.target.value)}
          />
          <SelectField
            label="Health"
            options={BAND_OPTIONS}
            value={band ?? ''}
            onChange={(e) => setParam('band', e.target.value)}
          />
          <CheckboxField
            label="Overdue check-ins only"
            checked={overdueOnly}
            onChange={(e) => setParam('overdue', e.target.checked ? '1' : '')}
          />
          <SelectField
            label="Sort by"
            options={SORT_OPTIONS}
            value={orderBy}
            onChange={(e) => setParam('sort', e.target.value === 'NAME' ? '' : e.target.value)}
          />
        </div>
        <div className="filters__status" aria-live="polite">
          {searching && (
            <>
              <Spinner /> Searching…
            </>
          )}
        </div>
        {described && connection && !fieldError && (
          <Alert tone="danger" className="page-notice">
            {described.message}
          </Alert>
        )}
        {body}
      </Card>
    </>
  );
}
