import { useQuery } from '@apollo/client/react';
import { buttonClassName, Card, ErrorState, PageHeader } from '@rapport/ui';
import { Link } from 'react-router';
import { describeError } from '~/app/errors';
import { useIsOwner, useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { DashboardDocument } from '../graphql/dashboard.graphql';

function Stat({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Link to={to} className="stat">
      <span className="stat__value">{value ?? '–'}</span>
      <span className="stat__label">{label}</span>
    </Link>
  );
}

/** A welcome page until relationship health arrives (later issues). */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const member = useMember();
  const isOwner = useIsOwner();
  const { data, error, refetch } = useQuery(DashboardDocument, { fetchPolicy: 'cache-and-network' });
  const firstName = member.name.split(/\s+/)[0] ?? member.name;
  const customers = data?.customers.totalCount;
  const touchpoints = data?.touchpoints;

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`Here is how ${member.workspace.name} is doing.`}
      />
      {error && !data ? (
        <ErrorState compact message={describeError(error).message} onRetry={() => void refetch()} />
      ) : (
        <div className="stats" aria-busy={!data}>
          <Stat label="Active customers" value={customers} to="/customers" />
          <Stat label="Touchpoints mapped" value={touchpoints?.length} to="/touchpoints" />
          <Stat
            label="Moments of truth"
            value={touchpoints?.filter((t) => t.momentOfTruth).length}
            to="/touchpoints"
          />
        </div>
      )}
      <div className="dashboard-grid">
        <Card title="Get started">
          <ol className="checklist">
            <li>
              <strong>Add your customers.</strong> Note what you know about them: family, goals, important
              dates.
              <div>
                <Link to="/customers/new" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
                  Add a customer
                </Link>
              </div>
            </li>
            <li>
              <strong>Map your touchpoints.</strong> Every place customers meet your business, stage by stage.
              <div>
                <Link to="/touchpoints" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
                  {isOwner ? 'Map touchpoints' : 'See touchpoints'}
                </Link>
              </div>
            </li>
            {isOwner && (
              <li>
                <strong>Invite your team.</strong> Staff log contacts from the counter, the phone or the
                inbox.
                <div>
                  <Link to="/settings" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
                    Invite a member
                  </Link>
                </div>
              </li>
            )}
          </ol>
        </Card>
        <Card title="Relationship health" description="Coming soon">
          <p className="muted">
            Soon this page shows each client's relationship health, overdue check-ins, feedback scores and the
            touchpoints that cause the most friction, with the next thing to do.
          </p>
        </Card>
      </div>
    </>
  );
}
