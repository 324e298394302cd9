import { useQuery } from '@apollo/client/react';
import { CHANGED_ENTITIES, type ChangedEntity } from '@rapport/domain';
import { Button, Card, EmptyState, ErrorState, LoadingState, SelectField } from '@rapport/ui';
import { type ReactNode, useState } from 'react';
import { describeError } from '~/app/errors';
import { WorkspaceHistoryDocument } from '../graphql/history.graphql';
import { ChangeList } from './ChangeList';
import { ENTITY_LABELS } from './change-format';

export const ACTIVITY_PAGE_SIZE = 25;

const FILTERS = [
  { value: '', label: 'Everything' },
  ...CHANGED_ENTITIES.map((entity) => ({ value: entity, label: ENTITY_LABELS[entity].plural })),
];

/** Owners only: every recorded change in the workspace, newest first, optionally of one kind. */
export function WorkspaceActivity() {
  const [entity, setEntity] = useState<ChangedEntity | ''>('');
  const { data, loading, error, refetch, fetchMore } = useQuery(WorkspaceHistoryDocument, {
    variables: { first: ACTIVITY_PAGE_SIZE, entity: entity || null },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const history = data?.history;

  let body: ReactNode;
  if (!history) {
    body = loading ? (
      <LoadingState compact label="Loading activity…" />
    ) : (
      <ErrorState
        compact
        title="Could not load the activity"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (history.edges.length === 0) {
    body = (
      <EmptyState
        compact
        icon="✎"
        title={entity ? `No changes to ${ENTITY_LABELS[entity].plural.toLowerCase()} yet` : 'No changes yet'}
      />
    );
  } else {
    const showMore = async () => {
      setLoadingMore(true);
      try {
        await fetchMore({ variables: { after: history.pageInfo.endCursor } });
      } finally {
        setLoadingMore(false);
      }
    };
    body = (
      <>
        <ChangeList entries={history.edges.map((e) => e.node)} label="Workspace activity" showCustomer />
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

  return (
    <Card
      title="Activity"
      description="Every change in the workspace: who made it, when, and what it was before."
    >
      <SelectField
        className="activity-filter"
        label="Show"
        options={FILTERS}
        value={entity}
        onChange={(event) => setEntity(event.target.value as ChangedEntity | '')}
      />
      {body}
    </Card>
  );
}
