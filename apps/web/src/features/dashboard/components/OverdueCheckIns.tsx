import { buttonClassName, Card, cx, EmptyState, HealthBadge } from '@rapport/ui';
import { Link } from 'react-router';
import { formatDate } from '~/app/labels';
import type { DashboardQuery } from '~/gql/graphql';
import { daysOverdue, describeOverdue } from './dashboard-format';

export type OverdueConnection = DashboardQuery['overdueCustomers'];
export type OverdueCustomer = OverdueConnection['edges'][number]['node'];

/** The customer page, with its quick "log check-in" form open. */
export function logCheckInPath(customerId: string): string {
  return `/customers/${customerId}?log=check-in`;
}

export function OverdueCheckInList({
  customers,
  now = new Date(),
}: {
  customers: readonly OverdueCustomer[];
  now?: Date;
}) {
  return (
    <ul className="dash-list" aria-label="Overdue check-ins">
      {customers.map((customer) => {
        const days = daysOverdue(customer.nextCheckInDueAt, now);
        return (
          <li key={customer.id} className="dash-row">
            <div className="dash-row__main">
              <Link to={`/customers/${customer.id}`} className="dash-row__name">
                {customer.name}
              </Link>
              <span className="dash-row__meta">
                <span>{customer.owner ? `Owner: ${customer.owner.name}` : 'No owner'}</span>
                <span>
                  {customer.lastRelationshipContactAt
                    ? `Last contact ${formatDate(customer.lastRelationshipContactAt)}`
                    : 'No relationship contact yet'}
                </span>
              </span>
            </div>
            <div className="dash-row__status">
              <span className="dash-overdue" title={`Due ${formatDate(customer.nextCheckInDueAt)}`}>
                {describeOverdue(days)}
              </span>
              <HealthBadge score={customer.health.score} band={customer.health.band} />
            </div>
            <Link
              to={logCheckInPath(customer.id)}
              className={cx(buttonClassName({ variant: 'secondary', size: 'sm' }), 'dash-row__action')}
              aria-label={`Log check-in with ${customer.name}`}
            >
              Log check-in
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Customers whose check-in is overdue, the longest overdue first. */
export function OverdueCheckInsCard({ connection }: { connection: OverdueConnection }) {
  const customers = connection.edges.map((edge) => edge.node);
  return (
    <Card title="Overdue check-ins" description="Longest overdue first" id="overdue-check-ins" flush>
      {customers.length > 0 ? (
        <>
          <OverdueCheckInList customers={customers} />
          {connection.totalCount > customers.length && (
            <p className="dash-list__more">
              Showing the {customers.length} longest overdue of {connection.totalCount}.{' '}
              <Link to="/customers?overdue=1&sort=NEXT_CHECK_IN_DUE">See them all</Link>
            </p>
          )}
        </>
      ) : (
        <EmptyState
          compact
          icon="✓"
          title="No overdue check-ins — nice work"
          description="Every customer has heard from you within their cadence."
        />
      )}
    </Card>
  );
}
