import { useMutation, useQuery } from '@apollo/client/react';
import { buttonClassName, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '~/app/errors';
import { useDocumentTitle } from '~/app/use-document-title';
import { AuditClosed } from '../components/AuditClosed';
import { AuditStepFlow, type FlowStep } from '../components/AuditStepFlow';
import { observationToValues } from '../components/observation-values';
import { AuditDocument, RecordObservationDocument, SubmitAuditDocument } from '../graphql/audits.graphql';
import '../audits.css';

/** A member walks their own audit, step by step, inside the app. */
export function RunAuditPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AuditDocument, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const [recordObservation] = useMutation(RecordObservationDocument);
  const [submitAudit] = useMutation(SubmitAuditDocument);
  const audit = data?.audit;
  useDocumentTitle(audit ? `Run: ${audit.title}` : 'Run audit');

  const back = (
    <Link to={audit ? `/audits/${audit.id}` : '/audits'} className="audit-back-link">
      ← {audit ? 'Audit report' : 'Audits'}
    </Link>
  );

  let body: ReactNode;
  if (audit) {
    const observations = new Map(audit.observations.map((o) => [o.touchpoint.id, o]));
    const steps: FlowStep[] = audit.steps.map((tp) => {
      const o = observations.get(tp.id);
      return {
        touchpointId: tp.id,
        name: tp.name,
        channel: tp.channel,
        observed: Boolean(o),
        initial: o ? observationToValues(o) : undefined,
      };
    });
    body = (
      <AuditStepFlow
        scenario={audit.scenario}
        steps={steps}
        closed={audit.status === 'SUBMITTED'}
        closedView={
          <AuditClosed>
            <Link to={`/audits/${audit.id}`} className={buttonClassName()}>
              See the report
            </Link>
          </AuditClosed>
        }
        record={async (input) => {
          await recordObservation({ variables: { auditId: audit.id, input } });
        }}
        submit={async () => {
          await submitAudit({ variables: { id: audit.id } });
        }}
      />
    );
  } else if (loading) {
    body = <LoadingState label="Loading the audit…" />;
  } else if (!error) {
    body = <ErrorState title="No such audit" message="It may have been removed." />;
  } else {
    body = (
      <ErrorState
        title="Could not load the audit"
        message={describeError(error).message}
        onRetry={() => void refetch()}
      />
    );
  }

  return (
    <div className="audit-run">
      <PageHeader eyebrow={back} title={audit ? audit.title : 'Run audit'} />
      {body}
    </div>
  );
}
