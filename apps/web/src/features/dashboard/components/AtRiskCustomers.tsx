import { Card, EmptyState, HealthBadge } from '@rapport/ui';
import { Link } from 'react-router';
import type { DashboardQuery } from '~/gql/graphql';
import { bandPath } from './BandChart';

export type AtRiskConnection = DashboardQuery['atRiskCustomers'];
export type AtRiskCustomer = AtRiskConnection['edges'][number]['node'];

export function AtRiskCustomerList({ customers }: { customers: readonly AtRiskCustomer[] }) {
  return (
    <ul className="dash-list" aria-label="At-risk customers">
      {customers.map((customer) => (
        <li key={customer.id} className="dash-row">
          <div className="dash-row__main">
            <Link to={`/customers/${customer.id}`} className="dash-row__name">
              {customer.name}
            </Link>
            <span className="dash-row__action-text">
              <span className="dash-row__action-label">Next: </span>
              {customer.health.nextBestAction}
            </span>
            <span className="dash-row__meta">
              <span>{customer.owner ? `Owner: ${customer.owner.name}` : 'No owner'}</span>
            </span>
          </div>
          <div className="dash-row__status">
            <HealthBadge score={customer.health.score} band={customer.health.band} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** At-risk customers, the lowest score first, each with the next best thing to do. */
export function AtRiskCustomersCard({ connection }: { connection: AtRiskConnection }) {
  const customers = connection.edges.map((edge) => edge.node);
  return (
    <Card title="At-risk customers" description="Lowest health first" flush>
      {customers.length > 0 ? (
        <>
          <AtRiskCustomerList customers={customers} />
          {connection.totalCount > customers.length && (
            <p className="dash-list__more">
              <Link to={bandPath('AT_RISK')}>See all {connection.totalCount} at-risk customers</Link>
            </p>
          )}
        </>
      ) : (
        <EmptyState
          compact
          icon="✓"
          title="No customers at risk"
          description="Keep it that way: check in before a relationship cools."
        />
      )}
    </Card>
  );
}
