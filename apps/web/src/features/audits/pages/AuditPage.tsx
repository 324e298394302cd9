import { useMutation, useQuery } from '@apollo/client/react';
import { AUDIT_FACTORS } from '@rapport/domain';
import {
  Badge,
  Button,
  buttonClassName,
  Card,
  ErrorState,
  FormError,
  LoadingState,
  PageHeader,
} from '@rapport/ui';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '~/app/errors';
import { CHANNEL_LABELS, formatDateTime, pluralize } from '~/app/labels';
import { useDocumentTitle } from '~/app/use-document-title';
import type { AuditQuery } from '~/gql/graphql';
import {
  AUDIT_STATUS_LABELS,
  describeConsistency,
  FACTOR_LABELS,
  FRICTION_LABELS,
  FRICTION_TONES,
  RATING_WORDS,
  SURPRISE_LABELS,
} from '../audit-labels';
import { AuditLink } from '../components/AuditLink';
import { AuditDocument, RenewAuditLinkDocument } from '../graphql/audits.graphql';
import '../audits.css';

type Audit = NonNullable<AuditQuery['audit']>;

/** The audit report: every step as the auditor lived it, and how consistent the scenario is. */
export function AuditPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AuditDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const audit = data?.audit;
  useDocumentTitle(audit ? audit.title : 'Audit');

  let body: ReactNode;
  if (audit) body = <AuditReport audit={audit} />;
  else if (loading) body = <LoadingState label="Loading the audit…" />;
  else if (!error) body = <ErrorState title="No such audit" message="It may have been removed." />;
  else {
    body = (
      <ErrorState
        title="Could not load the audit"
        message={describeError(error).message}
        onRetry={() => void refetch()}
      />
    );
  }
  return <div className="audit-report">{body}</div>;
}

function AuditReport({ audit }: { audit: Audit }) {
  const status = AUDIT_STATUS_LABELS[audit.status];
  const open = audit.status !== 'SUBMITTED';
  const observations = new Map(audit.observations.map((o) => [o.touchpoint.id, o]));
  const consistency = new Map(audit.scenarioConsistency.map((c) => [c.touchpoint.id, c]));

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/audits">← Audits</Link>}
        title={audit.title}
        description={audit.scenario}
        actions={
          open && !audit.external ? (
            <Link to={`/audits/${audit.id}/run`} className={buttonClassName()}>
              Run it
            </Link>
          ) : undefined
        }
      />
      <dl className="audit-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={status.tone}>{status.label}</Badge>
          </dd>
        </div>
        <div>
          <dt>Auditor</dt>
          <dd>
            {audit.auditorName}
            {audit.external ? ' (outsider, by link)' : ''}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(audit.createdAt)}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>{audit.submittedAt ? formatDateTime(audit.submittedAt) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Recorded</dt>
          <dd>
            {audit.observations.length} of {pluralize(audit.steps.length, 'step')}
          </dd>
        </div>
      </dl>
      {open && audit.external && <RenewLink auditId={audit.id} />}
      <section aria-labelledby="audit-steps-heading" className="audit-report__section">
        <h2 id="audit-steps-heading" className="audit-report__heading">
          Step by step
        </h2>
        <ol className="audit-report__steps">
          {audit.steps.map((tp, i) => {
            const o = observations.get(tp.id);
            return (
              <li key={tp.id}>
                <Card
                  headingLevel={3}
                  title={`${i + 1}. ${tp.name}`}
                  description={CHANNEL_LABELS[tp.channel]}
                  actions={tp.momentOfTruth ? <Badge tone="warning">Moment of truth</Badge> : undefined}
                >
                  {o ? (
                    <div className="audit-observation">
                      <div className="audit-observation__badges">
                        <Badge tone={SURPRISE_LABELS[o.surprise].tone}>
                          Surprise: {SURPRISE_LABELS[o.surprise].label}
                        </Badge>
                        <Badge tone={FRICTION_TONES[o.friction] ?? 'neutral'}>
                          Friction: {FRICTION_LABELS[o.friction]?.label ?? o.friction}
                        </Badge>
                        <Badge tone={o.wouldReturn ? 'success' : 'danger'}>
                          {o.wouldReturn ? 'Would return' : 'Would not return'}
                        </Badge>
                      </div>
                      <dl className="audit-observation__story">
                        <div>
                          <dt>Expected</dt>
                          <dd>{o.expected ?? <span className="muted">Not said</span>}</dd>
                        </div>
                        <div>
                          <dt>What happened</dt>
                          <dd>{o.experienced}</dd>
                        </div>
                      </dl>
                      <dl className="audit-observation__ratings">
                        {AUDIT_FACTORS.map((factor) => (
                          <div key={factor}>
                            <dt>{FACTOR_LABELS[factor].label}</dt>
                            <dd>
                              <span className="audit-observation__score">{o[factor]}/5</span>{' '}
                              <span className="muted">{RATING_WORDS[o[factor] - 1]}</span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                      {o.notes && (
                        <p className="audit-observation__notes">
                          <strong>Notes:</strong> {o.notes}
                        </p>
                      )}
                    </div>
                  ) : (
                    <p className="muted">Not recorded{open ? ' yet' : ''}.</p>
                  )}
                  <ConsistencyLine entry={consistency.get(tp.id)} />
                </Card>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="audit-consistency-heading" className="audit-report__section">
        <h2 id="audit-consistency-heading" className="audit-report__heading">
          Consistency across audits of this scenario
        </h2>
        <p className="muted">
          How alike each touchpoint was from one submitted audit of the scenario to the next.
        </p>
        {audit.scenarioConsistency.length === 0 ? (
          <p className="muted">Nothing to compare yet: submit audits of this scenario to see it.</p>
        ) : (
          <div className="audit-consistency__wrap">
            <table className="audit-consistency">
              <thead>
                <tr>
                  <th scope="col">Touchpoint</th>
                  <th scope="col">Audits</th>
                  <th scope="col">Consistency</th>
                </tr>
              </thead>
              <tbody>
                {audit.scenarioConsistency.map((c) => {
                  const d = describeConsistency(c.consistency ?? null);
                  return (
                    <tr key={c.touchpoint.id}>
                      <th scope="row">{c.touchpoint.name}</th>
                      <td>{c.audits}</td>
                      <td>
                        {d.percent && <strong>{d.percent}</strong>}{' '}
                        <span className={d.percent ? '' : 'muted'}>{d.label}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ConsistencyLine({ entry }: { entry: Audit['scenarioConsistency'][number] | undefined }) {
  if (!entry) return null;
  const d = describeConsistency(entry.consistency ?? null);
  return (
    <p className="audit-observation__consistency">
      Consistency: {d.percent ? `${d.percent} — ${d.label}` : d.label.toLowerCase()}
    </p>
  );
}

/** Outsider audits still open: a new link, which ends the old one. */
function RenewLink({ auditId }: { auditId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [renew, { loading, data, error }] = useMutation(RenewAuditLinkDocument);
  const url = data?.renewAuditLink.inviteUrl;

  if (url) {
    return (
      <Card title="New audit link" className="audit-report__section">
        <AuditLink auditId={auditId} url={url} intro="The old link no longer works: send this one instead." />
      </Card>
    );
  }
  return (
    <Card title="Audit link" className="audit-report__section">
      <p className="muted">
        The link was shown once, when the audit was created. If it is lost, get a new one.
      </p>
      <FormError message={error ? describeError(error).message : null} />
      {confirming ? (
        <div className="audit-renew">
          <p className="audit-renew__warning">
            The old link stops working at once. Anything already recorded is kept.
          </p>
          <div className="form-actions">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              loading={loading}
              onClick={() => void renew({ variables: { id: auditId } }).catch(() => undefined)}
            >
              Replace the link
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Get a new link
        </Button>
      )}
    </Card>
  );
}
