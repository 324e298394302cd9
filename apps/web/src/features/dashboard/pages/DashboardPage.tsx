import { useQuery } from '@apollo/client/react';
import { buttonClassName, Card, PageHeader } from '@rapport/ui';
import { Link } from 'react-router';
import { useIsOwner, useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { AtRiskCustomersCard } from '../components/AtRiskCustomers';
import { BandChart, bandPath } from '../components/BandChart';
import { ContactMixCard } from '../components/ContactMixChart';
import { HealthTrendCard } from '../components/HealthTrendChart';
import { OverdueCheckInsCard } from '../components/OverdueCheckIns';
import { SectionState } from '../components/SectionState';
import { DashboardSummaryDocument } from '../graphql/dashboard.graphql';
import '../dashboard.css';

type StatProps = { label: string; value: number | string | undefined } & ({ to: string } | { href: string });

/** One number of the stats row; links to where it comes from (another page, or a section below). */
function Stat({ label, value, ...target }: StatProps) {
  const content = (
    <>
      <span className="stat__value">{value ?? '–'}</span>
      <span className="stat__label">{label}</span>
    </>
  );
  return 'to' in target ? (
    <Link to={target.to} className="stat">
      {content}
    </Link>
  ) : (
    <a href={target.href} className="stat">
      {content}
    </a>
  );
}

function GetStarted({ isOwner }: { isOwner: boolean }) {
  return (
    <Card title="Get started" className="dash-grid__wide">
      <ol className="checklist">
        <li>
          <strong>Add your customers.</strong> Note what you know about them: family, goals, important dates.
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
            <strong>Invite your team.</strong> Staff log contacts from the counter, the phone or the inbox.
            <div>
              <Link to="/settings" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
                Invite a member
              </Link>
            </div>
          </li>
        )}
      </ol>
    </Card>
  );
}

/** The relationship dashboard: health at a glance, who needs a check-in, who is at risk. */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const member = useMember();
  const isOwner = useIsOwner();
  const { data, loading, error, refetch } = useQuery(DashboardSummaryDocument, {
    // The route's loader (loadDashboard) has just asked the network.
    fetchPolicy: 'cache-first',
  });
  const firstName = member.name.split(/\s+/)[0] ?? member.name;
  const summary = data?.healthSummary;
  const hasNoCustomers = data?.customers.totalCount === 0;
  const retry = () => void refetch();

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`Here is how ${member.workspace.name} is doing.`}
      />
      {/* Without the summary the numbers stay "–"; the band card below shows the error and a retry. */}
      <div className="stats" aria-busy={!data && loading}>
        <Stat
          label="Average health"
          value={summary?.averageScore == null ? undefined : Math.round(summary.averageScore)}
          href="#health-trend"
        />
        <Stat label="Overdue check-ins" value={summary?.checkInsOverdue} href="#overdue-check-ins" />
        <Stat label="At risk" value={summary?.atRisk} to={bandPath('AT_RISK')} />
      </div>
      <div className="dash-grid">
        {hasNoCustomers && <GetStarted isOwner={isOwner} />}
        <OverdueCheckInsCard />
        <Card title="Customers per band" description="Active customers by relationship health">
          <SectionState
            what="customers per band"
            loading={loading}
            error={error}
            hasData={!!summary}
            onRetry={retry}
          >
            {summary && <BandChart counts={summary} />}
          </SectionState>
        </Card>
        <HealthTrendCard />
        <AtRiskCustomersCard />
        {isOwner && <ContactMixCard />}
      </div>
    </>
  );
}
