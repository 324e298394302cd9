import { useQuery } from '@apollo/client/react';
import { Button, Card, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import { useId, useState } from 'react';
import { describeError } from '~/app/errors';
import { CustomerHistoryDocument } from '../graphql/history.graphql';
import { ChangeList } from './ChangeList';

export const HISTORY_PAGE_SIZE = 20;

function CustomerHistoryEntries({ customerId }: { customerId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(CustomerHistoryDocument, {
    variables: { id: customerId, first: HISTORY_PAGE_SIZE },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const history = data?.customer?.history;

  if (!history) {
    if (loading) return <LoadingState compact label="Loading the change history…" />;
    return (
      <ErrorState
        compact
        title="Could not load the change history"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  }
  if (history.edges.length === 0) {
    return <EmptyState compact icon="✎" title="No changes recorded yet" />;
  }
  const showMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: history.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <ChangeList
        entries={history.edges.map((e) => e.node)}
        label="Changes to this customer"
        hiddenFields={['customerId']}
      />
      {history.pageInfo.hasNextPage && (
        <div className="list-footer">
          <Button variant="secondary" loading={loadingMore} onClick={() => void showMore()}>
            Show more
          </Button>
        </div>
      )}
    </>
  );
}

/**
 * Who changed what and when, about this customer: their profile, their interactions and friction
 * points. Folded away until asked for; loaded when opened.
 */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <Card
      title="Change history"
      description="Who changed this customer, their interactions and friction points, and when."
      actions={
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? 'Hide changes' : 'Show changes'}
        </Button>
      }
    >
      <div id={bodyId}>
        {open ? (
          <CustomerHistoryEntries customerId={customerId} />
        ) : (
          <p className="muted">Every change is recorded, with who made it and what it was before.</p>
        )}
      </div>
    </Card>
  );
}
