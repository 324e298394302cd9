import { Badge, Button } from '@rapport/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '~/app/labels';
import type { CheckInFieldsFragment } from '~/gql/graphql';
import { CompleteCheckInForm } from './CompleteCheckInForm';
import { SkipCheckInForm } from './SkipCheckInForm';

export interface CheckInListProps {
  checkIns: readonly CheckInFieldsFragment[];
  /** Show whose check-in it is (on lists across customers). */
  showCustomer?: boolean;
  /** After one is completed or skipped. */
  onChanged: () => void;
  /** "Now", for overdue marks; tests pass a fixed one. */
  now?: Date;
}

function CheckInItem({
  checkIn,
  showCustomer,
  onChanged,
  now,
}: Omit<CheckInListProps, 'checkIns'> & { checkIn: CheckInFieldsFragment }) {
  const [mode, setMode] = useState<'idle' | 'complete' | 'skip'>('idle');
  const overdue = new Date(checkIn.dueAt).getTime() < (now ?? new Date()).getTime();
  const done = () => {
    setMode('idle');
    onChanged();
  };
  return (
    <li className="check-in">
      <div className="check-in__head">
        <div className="check-in__text">
          {showCustomer && (
            <Link to={`/customers/${checkIn.customer.id}`} className="check-in__customer">
              {checkIn.customer.name}
            </Link>
          )}
          <span>
            Due {formatDate(checkIn.dueAt)} {overdue && <Badge tone="danger">Overdue</Badge>}
          </span>
          <span className="muted">
            {checkIn.assignee ? checkIn.assignee.name : 'Unassigned'}
            {checkIn.note && ` · ${checkIn.note}`}
          </span>
        </div>
        {mode === 'idle' && (
          <div className="check-in__actions">
            <Button size="sm" onClick={() => setMode('complete')}>
              Done
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode('skip')}>
              Skip
            </Button>
          </div>
        )}
      </div>
      {mode === 'complete' && (
        <CompleteCheckInForm checkInId={checkIn.id} onDone={done} onCancel={() => setMode('idle')} />
      )}
      {mode === 'skip' && (
        <SkipCheckInForm checkInId={checkIn.id} onDone={done} onCancel={() => setMode('idle')} />
      )}
    </li>
  );
}

/** Planned check-ins, each with "done" (logs the contact) and "skip" (with a reason). */
export function CheckInList({ checkIns, ...rest }: CheckInListProps) {
  return (
    <ul className="check-in-list" aria-label="Planned check-ins">
      {checkIns.map((checkIn) => (
        <CheckInItem key={checkIn.id} checkIn={checkIn} {...rest} />
      ))}
    </ul>
  );
}
