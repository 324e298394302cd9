import { useQuery } from '@apollo/client/react';
import { FRICTION_SOURCES, FRICTION_STATUSES, type FrictionStatus } from '@rapport/domain';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  SelectField,
} from '@rapport/ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '~/app/errors';
import { pluralize } from '~/app/labels';
import { useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import type { FrictionPointFieldsFragment, FrictionPointsQueryVariables } from '~/gql/graphql';
import { FrictionCard } from '../components/FrictionCard';
import { RaiseFrictionForm } from '../components/RaiseFrictionForm';
import {
  FRICTION_SOURCE_LABELS,
  FRICTION_STATUS_LABELS,
  isFrictionSource,
  isFrictionStatus,
} from '../friction-labels';
import { FrictionOptionsDocument, FrictionPointsDocument } from '../graphql/friction.graphql';
import '../friction.css';

/** The URL query the board reads: `?status=OPEN&touchpoint=<id>&owner=me|none|<id>&source=AUDIT`. */
export const FRICTION_FILTER_PARAMS = ['status', 'touchpoint', 'owner', 'source'] as const;

const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  ...FRICTION_STATUSES.map((s) => ({ value: s, label: FRICTION_STATUS_LABELS[s] })),
];
const SOURCE_OPTIONS = [
  { value: '', label: 'Any source' },
  ...FRICTION_SOURCES.map((s) => ({ value: s, label: FRICTION_SOURCE_LABELS[s] })),
];

export function FrictionBoardPage() {
  useDocumentTitle('Friction');
  const me = useMember();
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [now] = useState(() => new Date());

  const statusParam = params.get('status');
  const status: FrictionStatus | null = isFrictionStatus(statusParam) ? statusParam : null;
  const touchpointId = params.get('touchpoint') || null;
  const owner = params.get('owner') ?? '';
  const sourceParam = params.get('source');
  const source = isFrictionSource(sourceParam) ? sourceParam : null;
  const filtered = Boolean(status || touchpointId || owner || source);

  const setParam = (key: (typeof FRICTION_FILTER_PARAMS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clearFilters = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of FRICTION_FILTER_PARAMS) next.delete(key);
        return next;
      },
      { replace: true },
    );

  const variables = useMemo(() => {
    const v: FrictionPointsQueryVariables = {};
    if (status) v.status = status;
    if (touchpointId) v.touchpointId = touchpointId;
    return v;
  }, [status, touchpointId]);
  const { data, previousData, loading, error, refetch } = useQuery(FrictionPointsDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const options = useQuery(FrictionOptionsDocument);
  const members = options.data?.members ?? [];
  const touchpoints = options.data?.touchpoints ?? [];

  const shown = (data ?? previousData)?.frictionPoints;
  const points = useMemo(
    () =>
      (shown ?? []).filter((p) => {
        // The status may have changed here since the list was loaded.
        if (status && p.status !== status) return false;
        if (touchpointId && p.touchpoint?.id !== touchpointId) return false;
        if (source && p.source !== source) return false;
        if (owner === 'me') return p.owner?.id === me.id;
        if (owner === 'none') return !p.owner;
        if (owner) return p.owner?.id === owner;
        return true;
      }),
    [shown, status, touchpointId, source, owner, me.id],
  );

  const ownerOptions = [
    { value: '', label: 'Anyone' },
    { value: 'me', label: 'Mine' },
    { value: 'none', label: 'Unassigned' },
    ...members.filter((m) => m.id !== me.id).map((m) => ({ value: m.id, label: m.name })),
  ];
  const touchpointOptions = [
    { value: '', label: 'All touchpoints' },
    ...touchpoints.map((t) => ({ value: t.id, label: t.name })),
  ];

  let body: ReactNode;
  if (!shown && loading) body = <LoadingState label="Loading friction points…" />;
  else if (!shown) {
    body = (
      <ErrorState
        title="Could not load friction points"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (points.length === 0 && !filtered) {
    body = (
      <Card>
        <EmptyState
          icon="≈"
          title="No friction — customers glide through"
          description="Friction points come from audits, feedback and interactions, or raise one by hand when you spot something that makes customers hesitate."
          action={!raising && <Button onClick={() => setRaising(true)}>Raise friction point</Button>}
        />
      </Card>
    );
  } else if (points.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon="≈"
          title="No friction points match these filters"
          action={
            <Button variant="secondary" onClick={clearFilters}>
              Clear filters
            </Button>
          }
        />
      </Card>
    );
  } else {
    const columns = status ? [status] : FRICTION_STATUSES;
    body = (
      <div className={`friction-board friction-board--${columns.length}`}>
        {columns.map((column) => (
          <BoardColumn
            key={column}
            status={column}
            points={points.filter((p) => p.status === column)}
            members={members}
            now={now}
            onAnnounce={setAnnouncement}
          />
        ))}
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title="Friction"
        description="What makes customers hesitate or leave, and who is fixing it."
        actions={!raising && <Button onClick={() => setRaising(true)}>Raise friction point</Button>}
      />
      {raising && (
        <Card title="Raise a friction point" className="page-notice">
          <RaiseFrictionForm
            touchpoints={touchpoints}
            members={members}
            touchpointId={touchpointId}
            onDone={(raised) => {
              setRaising(false);
              if (raised) setAnnouncement('Friction point raised');
            }}
          />
        </Card>
      )}
      <Card className="page-notice friction-filters-card" flush>
        <fieldset className="friction-filters">
          <legend className="rp-visually-hidden">Filter friction points</legend>
          <SelectField
            label="Status"
            options={STATUS_OPTIONS}
            value={status ?? ''}
            onChange={(e) => setParam('status', e.target.value)}
          />
          <SelectField
            label="Touchpoint"
            options={touchpointOptions}
            value={touchpointId ?? ''}
            onChange={(e) => setParam('touchpoint', e.target.value)}
          />
          <SelectField
            label="Owner"
            options={ownerOptions}
            value={owner}
            onChange={(e) => setParam('owner', e.target.value)}
          />
          <SelectField
            label="Source"
            options={SOURCE_OPTIONS}
            value={source ?? ''}
            onChange={(e) => setParam('source', e.target.value)}
          />
        </fieldset>
        <p className="friction-filters__status" aria-live="polite">
          {shown && filtered && (
            <>
              {pluralize(points.length, 'friction point')} match.{' '}
              <Button variant="ghost" size="sm" onClick={clearFilters}>
                Clear filters
              </Button>
            </>
          )}
        </p>
      </Card>
      <p className="rp-visually-hidden" role="status">
        {announcement}
      </p>
      {body}
    </>
  );
}

function BoardColumn({
  status,
  points,
  members,
  now,
  onAnnounce,
}: {
  status: FrictionStatus;
  points: FrictionPointFieldsFragment[];
  members: readonly { id: string; name: string }[];
  now: Date;
  onAnnounce: (message: string) => void;
}) {
  const headingId = `friction-column-${status.toLowerCase()}`;
  return (
    <section
      className={`friction-column friction-column--${status.toLowerCase()}`}
      aria-labelledby={headingId}
    >
      <header className="friction-column__head">
        <h2 className="friction-column__title" id={headingId}>
          {FRICTION_STATUS_LABELS[status]}
        </h2>
        <Badge>{points.length}</Badge>
      </header>
      {points.length === 0 ? (
        <p className="friction-column__empty">Nothing here.</p>
      ) : (
        <ul className="friction-column__list">
          {points.map((point) => (
            <li key={point.id}>
              <FrictionCard point={point} members={members} now={now} onAnnounce={onAnnounce} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
