import { Badge } from '@rapport/ui';
import { formatDate } from '~/app/labels';

/** When the next check-in is due; overdue ones are marked so they cannot be missed. */
export function NextCheckIn({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  return (
    <span className={overdue ? 'next-check-in next-check-in--overdue' : 'next-check-in'}>
      <time dateTime={dueAt}>{formatDate(dueAt)}</time>
      {overdue && <Badge tone="danger">Overdue</Badge>}
    </span>
  );
}
