import { useQuery } from '@apollo/client/react';
import { Card, EmptyState, HealthBadge } from '@rapport/ui';
import { Link } from 'react-router';
import type { AtRiskCustomersQuery } from '~/gql/graphql';
import { AtRiskCustomersDocument } from '../graphql/dashboard.graphql';
import { bandPath } from './BandChart';
import { DASHBOARD_LIST_SIZE } from './dashboard-format';
import { type SectionQuery, SectionState } from './SectionState';

export type AtRiskCustomer = AtRiskCustomersQuery['customers']['edges'][number]['node'];

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
export function AtRiskCustomersCard({ query }: { query?: SectionQuery<AtRiskCustomersQuery> }) {
  const own = useQuery(AtRiskCustomersDocument, {
    variables: { first: DASHBOARD_LIST_SIZE },
    // The route's loader (loadDashboard) has just asked the network.
    fetchPolicy: 'cache-first',
    skip: query !== undefined,
  });
  const { data, loading, error, refetch } = query ?? own;
  const connection = data?.customers;
  const customers = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <Card title="At-risk customers" description="Lowest health first" flush>
      <SectionState
        what="at-risk customers"
        loading={loading}
        error={error}
        hasData={!!connection}
        onRetry={() => void refetch()}
      >
        {customers.length > 0 ? (
          <>
            <AtRiskCustomerList customers={customers} />
            {connection && connection.totalCount > customers.length && (
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
      </SectionState>
    </Card>
  );
}
