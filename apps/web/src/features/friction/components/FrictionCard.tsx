import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FrictionStatus, updateFrictionPointSchema, validate } from '@rapport/domain';
import { Badge, Button, FormError, SelectField } from '@rapport/ui';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '~/app/errors';
import { formatDateTime } from '~/app/labels';
import type { FrictionPointFieldsFragment } from '~/gql/graphql';
import { FRICTION_SOURCE_LABELS, formatAge, severityLabel } from '../friction-labels';
import { UpdateFrictionPointDocument } from '../graphql/friction.graphql';
import { ResolveFrictionForm } from './ResolveFrictionForm';

export interface FrictionCardProps {
  point: FrictionPointFieldsFragment;
  members: readonly { id: string; name: string }[];
  now: Date;
  /** Tells screen-reader users what just happened (the card may move to another column). */
  onAnnounce: (message: string) => void;
}

export function FrictionCard({ point, members, now, onAnnounce }: FrictionCardProps) {
  const descriptionId = useId();
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [update, { loading }] = useMutation(UpdateFrictionPointDocument);
  const client = useApolloClient();
  const severity = severityLabel(point.severity);

  const change = async (input: { status?: FrictionStatus; ownerId?: string | null }, done: string) => {
    const checked = validate(updateFrictionPointSchema, input);
    if (!checked.ok) return setError(Object.values(checked.fields).join(' '));
    setError(null);
    try {
      await update({ variables: { id: point.id, input: { ...checked.value, version: point.version } } });
      onAnnounce(done);
    } catch (e) {
      const described = describeError(e);
      setStale('version' in described.fields);
      setError(Object.values(described.fields).join(' ') || described.message);
    }
  };

  /** After a stale change: the board as it is now. */
  const reload = async () => {
    await client.refetchQueries({ include: 'active' });
    setError(null);
    setStale(false);
  };

  const ownerOptions = [
    { value: '', label: 'Unassigned' },
    ...members.map((m) => ({ value: m.id, label: m.name })),
  ];
  // An owner who has left the workspace still shows.
  if (point.owner && !members.some((m) => m.id === point.owner?.id)) {
    ownerOptions.push({ value: point.owner.id, label: point.owner.name });
  }

  return (
    <article
      className={`friction-card friction-card--severity-${point.severity}`}
      aria-labelledby={descriptionId}
    >
      <div className="friction-card__head">
        <Badge tone={severity.tone}>
          <span className="rp-visually-hidden">Severity: </span>
          {severity.label}
        </Badge>
        <span className="friction-card__age">
          <time dateTime={point.createdAt} title={formatDateTime(point.createdAt)}>
            Raised {formatAge(point.createdAt, now)}
          </time>
        </span>
      </div>
      <p className="friction-card__description" id={descriptionId}>
        {point.description}
      </p>
      <dl className="friction-card__facts">
        <div>
          <dt>Touchpoint</dt>
          <dd>{point.touchpoint?.name ?? <span className="muted">None</span>}</dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>
            {point.customer ? (
              <Link to={`/customers/${point.customer.id}`}>{point.customer.name}</Link>
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            {point.source === 'AUDIT' && point.audit ? (
              <Link to={`/audits/${point.audit.id}`}>Audit: {point.audit.title}</Link>
            ) : point.source === 'INTERACTION' && point.interaction ? (
              <span title={point.interaction.summary}>Interaction</span>
            ) : (
              FRICTION_SOURCE_LABELS[point.source]
            )}
          </dd>
        </div>
      </dl>
      {point.status === 'RESOLVED' && point.resolution && (
        <p className="friction-card__resolution">
          <strong>Resolved{point.resolvedAt ? ` ${formatAge(point.resolvedAt, now)}` : ''}:</strong>{' '}
          {point.resolution}
        </p>
      )}
      <FormError
        message={error}
        action={
          stale && (
            <Button size="sm" variant="secondary" onClick={() => void reload()}>
              Reload the board
            </Button>
          )
        }
      />
      <SelectField
        label="Owner"
        className="friction-card__owner"
        options={ownerOptions}
        value={point.owner?.id ?? ''}
        disabled={loading}
        aria-describedby={descriptionId}
        onChange={(e) => {
          const ownerId = e.target.value || null;
          const name = members.find((m) => m.id === ownerId)?.name;
          void change({ ownerId }, name ? `Assigned to ${name}` : 'Unassigned');
        }}
      />
      {resolving ? (
        <ResolveFrictionForm
          point={point}
          onDone={(resolved) => {
            setResolving(false);
            if (resolved) onAnnounce('Friction point resolved');
          }}
        />
      ) : (
        <div className="friction-card__actions">
          {point.status === 'OPEN' && (
            <Button
              variant="secondary"
              size="sm"
              loading={loading}
              aria-describedby={descriptionId}
              onClick={() => void change({ status: 'IN_PROGRESS' }, 'Moved to In progress')}
            >
              Start work
            </Button>
          )}
          {point.status !== 'RESOLVED' ? (
            <Button size="sm" aria-describedby={descriptionId} onClick={() => setResolving(true)}>
              Resolve
            </Button>
          ) : (
            <Button
              variant="secondary"
              size="sm"
              loading={loading}
              aria-describedby={descriptionId}
              onClick={() => void change({ status: 'OPEN' }, 'Re-opened')}
            >
              Re-open
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
