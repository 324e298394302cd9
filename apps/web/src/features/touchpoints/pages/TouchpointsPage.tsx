import { useQuery } from '@apollo/client/react';
import { groupByStage } from '@rapport/domain';
import { Badge, Button, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import { type ReactNode, useState } from 'react';
import { describeError } from '~/app/errors';
import { CHANNEL_LABELS, pluralize, STAGE_LABELS } from '~/app/labels';
import { useIsOwner } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { TouchpointForm } from '../components/TouchpointForm';
import { TouchpointHeatMap } from '../components/TouchpointHeatMap';
import { TouchpointsDocument } from '../graphql/touchpoints.graphql';

export function TouchpointsPage() {
  useDocumentTitle('Touchpoints');
  const isOwner = useIsOwner();
  const { data, loading, error, refetch } = useQuery(TouchpointsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  /** 'new', a touchpoint id, or null. */
  const [editing, setEditing] = useState<string | null>(null);

  const touchpoints = data?.touchpoints;
  let body: ReactNode;
  if (!touchpoints && loading) body = <LoadingState label="Loading touchpoints…" />;
  else if (!touchpoints) {
    body = (
      <ErrorState
        title="Could not load touchpoints"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (touchpoints.length === 0 && editing !== 'new') {
    body = (
      <Card>
        <EmptyState
          icon="◎"
          title={isOwner ? 'Map your first touchpoint' : 'No touchpoints yet'}
          description={
            isOwner
              ? 'Touchpoints are the places customers meet your business: your website, the phone, the counter, an invoice. List them by journey stage to see the whole experience.'
              : 'A workspace owner maps the touchpoints: the places customers meet your business.'
          }
          action={isOwner && <Button onClick={() => setEditing('new')}>Add a touchpoint</Button>}
        />
      </Card>
    );
  } else {
    body = (
      <>
        {touchpoints.length > 0 && (
          <Card
            title="Heat map"
            description="How each touchpoint scores on the four factors in submitted audits, how alike audits found it, and its open friction."
            className="heat-map-card"
          >
            <TouchpointHeatMap touchpoints={touchpoints} />
          </Card>
        )}
        <div className="stage-list">
          {groupByStage(touchpoints).map((group) => (
            <Card
              key={group.stage}
              title={STAGE_LABELS[group.stage].label}
              description={STAGE_LABELS[group.stage].description}
              actions={<Badge>{pluralize(group.touchpoints.length, 'touchpoint')}</Badge>}
              flush
            >
              <ul className="touchpoint-list">
                {group.touchpoints.map((tp) => (
                  <li key={tp.id} className="touchpoint">
                    {editing === tp.id ? (
                      <TouchpointForm touchpoint={tp} onDone={() => setEditing(null)} />
                    ) : (
                      <>
                        <div className="touchpoint__main">
                          <h3 className="touchpoint__name">{tp.name}</h3>
                          {tp.description && <p className="touchpoint__description">{tp.description}</p>}
                        </div>
                        <div className="touchpoint__meta">
                          <Badge tone="info">{CHANNEL_LABELS[tp.channel]}</Badge>
                          {tp.momentOfTruth && <Badge tone="warning">Moment of truth</Badge>}
                          {isOwner && (
                            <Button
                              variant="ghost"
                              size="sm"
                              onClick={() => setEditing(tp.id)}
                              aria-label={`Edit ${tp.name}`}
                            >
                              Edit
                            </Button>
                          )}
                        </div>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Touchpoints"
        description="Every place customers meet your business, in the order they live it."
        actions={
          isOwner && editing !== 'new' && <Button onClick={() => setEditing('new')}>Add touchpoint</Button>
        }
      />
      {!isOwner && <p className="muted page-notice">Only workspace owners can add or change touchpoints.</p>}
      {editing === 'new' && (
        <Card title="New touchpoint" className="page-notice">
          <TouchpointForm onDone={() => setEditing(null)} />
        </Card>
      )}
      {body}
    </>
  );
}
