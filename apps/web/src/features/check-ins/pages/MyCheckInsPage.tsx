import { useQuery } from '@apollo/client/react';
import { Button, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import { type ReactNode, useMemo, useState } from 'react';
import { describeError } from '~/app/errors';
import { pluralize } from '~/app/labels';
import { useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { CheckInList } from '../components/CheckInList';
import { MyCheckInsDocument } from '../graphql/check-ins.graphql';
import { endOfWeek } from './end-of-week';

export const MY_CHECK_INS_PAGE_SIZE = 50;

/** The signed-in member's planned check-ins due by the end of this week, soonest first. */
export function MyCheckInsPage({ now }: { now?: Date }) {
  useDocumentTitle('My check-ins');
  const member = useMember();
  const dueBefore = useMemo(() => endOfWeek(now ?? new Date()).toISOString(), [now]);
  const { data, loading, error, refetch, fetchMore } = useQuery(MyCheckInsDocument, {
    variables: { assigneeId: member.id, dueBefore, first: MY_CHECK_INS_PAGE_SIZE },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.checkIns;

  let body: ReactNode;
  if (!connection) {
    body = loading ? (
      <LoadingState label="Loading your check-ins…" />
    ) : (
      <ErrorState
        title="Could not load your check-ins"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (connection.edges.length === 0) {
    body = (
      <EmptyState
        icon="✓"
        title="Nothing due this week"
        description="Check-ins assigned to you show up here as they come due."
      />
    );
  } else {
    const loadMore = async () => {
      setLoadingMore(true);
      try {
        await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
      } finally {
        setLoadingMore(false);
      }
    };
    body = (
      <>
        <CheckInList
          checkIns={connection.edges.map((e) => e.node)}
          showCustomer
          now={now}
          onChanged={() => void refetch()}
        />
        {connection.pageInfo.hasNextPage && (
          <div className="list-footer">
            <Button variant="secondary" loading={loadingMore} onClick={() => void loadMore()}>
              Load more
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My check-ins"
        description={
          connection
            ? `${pluralize(connection.totalCount, 'check-in')} due by the end of this week`
            : undefined
        }
      />
      <Card>{body}</Card>
    </>
  );
}
