import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorState, LoadingState } from '@rapport/ui';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { describeError } from '~/app/errors';
import { Logo } from '~/app/icons';
import { useDocumentTitle } from '~/app/use-document-title';
import { AuditClosed } from '../components/AuditClosed';
import { AuditStepFlow } from '../components/AuditStepFlow';
import {
  PublicAuditDocument,
  RecordPublicObservationDocument,
  SubmitPublicAuditDocument,
} from '../graphql/audits.graphql';
import '../audits.css';

/** The outside auditor's page, reached by link without an account: nothing but this audit. */
export function PublicAuditPage() {
  const { token = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PublicAuditDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [recordObservation] = useMutation(RecordPublicObservationDocument);
  const [submitAudit] = useMutation(SubmitPublicAuditDocument);
  const audit = data?.publicAudit;
  useDocumentTitle(audit ? `Audit: ${audit.title}` : 'Audit');

  let body: ReactNode;
  if (audit) {
    body = (
      <AuditStepFlow
        scenario={audit.scenario}
        steps={audit.steps}
        closed={audit.status === 'SUBMITTED'}
        closedView={<AuditClosed businessName={audit.businessName} />}
        record={async (input) => {
          await recordObservation({ variables: { token, input } });
        }}
        submit={async () => {
          await submitAudit({ variables: { token } });
        }}
      />
    );
  } else if (loading || !error) {
    body = <LoadingState label="Opening your audit…" />;
  } else {
    const described = describeError(error);
    body =
      described.code === 'NOT_FOUND' || described.code === 'BAD_USER_INPUT' ? (
        <ErrorState
          title="This audit link is not valid"
          message="It may have been replaced by a newer link. Ask the business that sent it for a new one."
        />
      ) : (
        <ErrorState
          title="Could not open the audit"
          message={described.message}
          onRetry={() => void refetch()}
        />
      );
  }

  return (
    <main className="audit-public">
      <div className="audit-public__brand">
        <Logo />
      </div>
      {audit ? (
        <header className="audit-public__header">
          <p className="audit-public__business">Audit for {audit.businessName}</p>
          <h1 className="audit-public__title">{audit.title}</h1>
        </header>
      ) : (
        <h1 className="rp-visually-hidden">Audit</h1>
      )}
      {body}
    </main>
  );
}
