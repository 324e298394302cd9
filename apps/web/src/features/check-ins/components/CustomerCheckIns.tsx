import { useQuery } from '@apollo/client/react';
import { Button, ErrorState, LoadingState } from '@rapport/ui';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '~/app/errors';
import { formatDate } from '~/app/labels';
import { CustomerCheckInsDocument } from '../graphql/check-ins.graphql';
import { CheckInList } from './CheckInList';
import { PlanCheckInForm } from './PlanCheckInForm';

export interface CustomerCheckInsProps {
  customerId: string;
  /** The customer's relationship owner: new check-ins go to them unless someone else is chosen. */
  owner?: { id: string; name: string } | null;
  /** Offers "Plan a check-in" (not for archived customers). */
  canPlan?: boolean;
  /** After one is planned, completed or skipped. */
  onChanged: () => void;
}

/** The customer's planned check-ins, with complete and skip, and a form to plan another. */
export function CustomerCheckIns({
  customerId,
  owner = null,
  canPlan = false,
  onChanged,
}: CustomerCheckInsProps) {
  const { data, loading, error, refetch } = useQuery(CustomerCheckInsDocument, {
    variables: { id: customerId },
  });
  const connection = data?.customer?.checkIns;
  const [planning, setPlanning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const planButton = useRef<HTMLButtonElement>(null);
  const wasPlanning = useRef(false);

  // Closing the form (planned or cancelled) hands focus back to the button that opened it.
  useEffect(() => {
    if (wasPlanning.current && !planning) planButton.current?.focus();
    wasPlanning.current = planning;
  }, [planning]);

  return (
    <div className="customer-check-ins">
      {connection ? (
        connection.edges.length === 0 ? (
          <p className="muted">No check-ins planned.</p>
        ) : (
          <CheckInList checkIns={connection.edges.map((e) => e.node)} onChanged={onChanged} />
        )
      ) : loading ? (
        <LoadingState label="Loading check-ins…" />
      ) : (
        <ErrorState
          title="Could not load check-ins"
          message={error ? describeError(error).message : undefined}
          onRetry={() => void refetch()}
        />
      )}
      {canPlan &&
        (planning ? (
          <PlanCheckInForm
            customerId={customerId}
            owner={owner}
            onCancel={() => setPlanning(false)}
            onPlanned={(checkIn) => {
              setPlanning(false);
              setNotice(`Check-in planned for ${formatDate(checkIn.dueAt)}.`);
              void refetch();
              onChanged();
            }}
          />
        ) : (
          <Button
            ref={planButton}
            variant="secondary"
            className="customer-check-ins__plan"
            onClick={() => {
              setNotice(null);
              setPlanning(true);
            }}
          >
            Plan a check-in
          </Button>
        ))}
      <p role="status" className="muted customer-check-ins__notice">
        {notice}
      </p>
    </div>
  );
}
