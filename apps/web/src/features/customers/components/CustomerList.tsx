import { Avatar, Badge, HealthBadge, TagList } from '@rapport/ui';
import { Link } from 'react-router';
import { formatDate } from '~/app/labels';
import type { CustomerListItemFragment } from '~/gql/graphql';
import { NextCheckIn } from './NextCheckIn';

export interface CustomerListProps {
  customers: readonly CustomerListItemFragment[];
  onTagClick?: (tag: string) => void;
}

export function CustomerList({ customers, onTagClick }: CustomerListProps) {
  return (
    <ul className="customer-list" aria-label="Customers">
      {customers.map((customer) => (
        <li key={customer.id} className="customer-row">
          <Avatar name={customer.name} />
          <div className="customer-row__main">
            <Link to={`/customers/${customer.id}`} className="customer-row__name">
              {customer.name}
            </Link>
            {customer.company && <span className="customer-row__company">{customer.company}</span>}
          </div>
          <div className="customer-row__contact">
            {customer.email && <span>{customer.email}</span>}
            {customer.phone && <span>{customer.phone}</span>}
          </div>
          <div className="customer-row__tags">
            <TagList tags={customer.tags} onTagClick={onTagClick} label={`Tags of ${customer.name}`} />
          </div>
          <div className="customer-row__meta">
            {customer.status === 'ARCHIVED' && <Badge>Archived</Badge>}
            <span title="Relationship owner">{customer.owner ? customer.owner.name : 'No owner'}</span>
            <HealthBadge score={customer.health.score} band={customer.health.band} />
            <span className="customer-row__cadence">
              Last non-sales contact:{' '}
              {customer.lastRelationshipContactAt ? formatDate(customer.lastRelationshipContactAt) : 'never'}
            </span>
            <span className="customer-row__cadence">
              Next check-in:{' '}
              <NextCheckIn dueAt={customer.nextCheckInDueAt} overdue={customer.checkInOverdue} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
