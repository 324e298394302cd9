import { useQuery } from '@apollo/client/react';
import { Badge, buttonClassName, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError } from '~/app/errors';
import { formatDate, pluralize } from '~/app/labels';
import { useDocumentTitle } from '~/app/use-document-title';
import { AUDIT_STATUS_LABELS } from '../audit-labels';
import { AuditsDocument } from '../graphql/audits.graphql';
import '../audits.css';

export function AuditsPage() {
  useDocumentTitle('Audits');
  const { data, loading, error, refetch } = useQuery(AuditsDocument, { fetchPolicy: 'cache-and-network' });
  const audits = data?.audits;
  const newAudit = (
    <Link to="/audits/new" className={buttonClassName()}>
      New audit
    </Link>
  );

  let body: ReactNode;
  if (!audits && loading) body = <LoadingState label="Loading audits…" />;
  else if (!audits) {
    body = (
      <ErrorState
        title="Could not load audits"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (audits.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon="✓"
          title="Run your first audit"
          description="Walk your business as a customer would — or send a secret shopper a link — and see every touchpoint through their eyes."
          action={newAudit}
        />
      </Card>
    );
  } else {
    body = (
      <Card flush>
        <ul className="audit-list">
          {audits.map((audit) => {
            const status = AUDIT_STATUS_LABELS[audit.status];
            return (
              <li key={audit.id} className="audit-row">
                <div className="audit-row__main">
                  <Link to={`/audits/${audit.id}`} className="audit-row__title">
                    {audit.title}
                  </Link>
                  <span className="muted audit-row__meta">
                    {audit.auditorName}
                    {audit.external ? ' (by link)' : ''} · {pluralize(audit.steps.length, 'step')}
                  </span>
                </div>
                <div className="audit-row__side">
                  <Badge tone={status.tone}>{status.label}</Badge>
                  <span className="muted audit-row__date">
                    {audit.submittedAt
                      ? `Submitted ${formatDate(audit.submittedAt)}`
                      : `Created ${formatDate(audit.createdAt)}`}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Audits"
        description="What it is actually like to do business with you, touchpoint by touchpoint."
        actions={audits && audits.length > 0 ? newAudit : undefined}
      />
      {body}
    </>
  );
}
