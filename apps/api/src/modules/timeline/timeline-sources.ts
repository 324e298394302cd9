import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { CheckInEntity } from '../check-ins/check-in.entity';
import { FeedbackResponseEntity } from '../feedback/feedback-response.entity';
import { FrictionPointEntity } from '../friction/friction-point.entity';
import { InteractionEntity } from '../interactions/interaction.entity';

/**
 * One kind of entry in a customer's timeline. `entries` is a SQL select of `(id, at)` for one
 * customer (`$1` the workspace, `$2` the customer); `load` fetches the entries a page shows.
 * A new kind of history is one more source here; the timeline itself does not change.
 */
export interface TimelineSource {
  kind: string;
  entries: string;
  load(em: EntityManager, workspaceId: string, ids: string[]): Promise<{ id: string }[]>;
}

export const TIMELINE_SOURCES: readonly TimelineSource[] = [
  {
    kind: 'interaction',
    entries: `select id, occurred_at as at from interactions where workspace_id = $1 and customer_id = $2`,
    load: (em, workspaceId, ids) => em.findBy(InteractionEntity, { workspaceId, id: In(ids) }),
  },
  {
    // A completed check-in is on the timeline as the interaction it logged; a skipped one as itself.
    kind: 'skipped-check-in',
    entries: `select id, closed_at as at from check_ins
               where workspace_id = $1 and customer_id = $2 and status = 'SKIPPED'`,
    load: (em, workspaceId, ids) => em.findBy(CheckInEntity, { workspaceId, id: In(ids) }),
  },
  {
    kind: 'friction-point',
    entries: `select id, created_at as at from friction_points where workspace_id = $1 and customer_id = $2`,
    load: (em, workspaceId, ids) => em.findBy(FrictionPointEntity, { workspaceId, id: In(ids) }),
  },
  {
    // Only attributed answers: anonymous ones have no customer.
    kind: 'feedback',
    entries: `select id, responded_at as at from feedback_responses where workspace_id = $1 and customer_id = $2`,
    load: (em, workspaceId, ids) => em.findBy(FeedbackResponseEntity, { workspaceId, id: In(ids) }),
  },
];
