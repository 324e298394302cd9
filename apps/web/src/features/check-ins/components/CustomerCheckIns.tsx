import { useQuery } from '@apollo/client/react';
import { ErrorState, LoadingState } from '@rapport/ui';
import { describeError } from '~/app/errors';
import { CustomerCheckInsDocument } from '../graphql/check-ins.graphql';
import { CheckInList } from './CheckInList';

/** The customer's planned check-ins, with complete and skip. */
export function CustomerCheckIns({ customerId, onChanged }: { customerId: string; onChanged: () => void }) {
  const { data, loading, error, refetch } = useQuery(CustomerCheckInsDocument, {
    variables: { id: customerId },
  });
  const connection = data?.customer?.checkIns;
  if (!connection) {
    if (loading) return <LoadingState label="Loading check-ins…" />;
    return (
      <ErrorState
        title="Could not load check-ins"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  }
  if (connection.edges.length === 0) {
    return <p className="muted">No check-ins planned.</p>;
  }
  return <CheckInList checkIns={connection.edges.map((e) => e.node)} onChanged={onChanged} />;
}
