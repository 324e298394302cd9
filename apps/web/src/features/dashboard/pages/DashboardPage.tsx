import { buttonClassName, Card, ErrorState, LoadingState, PageHeader } from '@rapport/ui';
import { useDeferredValue } from 'react';
import { Link } from 'react-router';
import { describeError } from '~/app/errors';
import { useIsOwner, useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import type { DashboardQuery } from '~/gql/graphql';
import { AtRiskCustomersCard } from '../components/AtRiskCustomers';
import { BandChart, bandPath } from '../components/BandChart';
import { ContactMixCard } from '../components/ContactMixChart';
import { HealthTrendCard } from '../components/HealthTrendChart';
import { OverdueCheckInsCard } from '../components/OverdueCheckIns';
import { useDashboard } from '../dashboard-answer';
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

/** The sections, in page order, from the dashboard's answer. */
function DashboardSections({ data, isOwner }: { data: DashboardQuery; isOwner: boolean }) {
  return (
    <>
      {data.healthSummary.activeCustomers === 0 && <GetStarted isOwner={isOwner} />}
      <OverdueCheckInsCard connection={data.overdueCustomers} />
      <Card title="Customers per band" description="Active customers by relationship health">
        <BandChart counts={data.healthSummary} />
      </Card>
      <HealthTrendCard points={data.healthTrend} />
      <AtRiskCustomersCard connection={data.atRiskCustomers} />
      {/* Asked for owners only (dashboardVariables). */}
      {data.contactMix && <ContactMixCard rows={data.contactMix} />}
    </>
  );
}

/**
 * The relationship dashboard: health at a glance, who needs a check-in, who is at risk. The greeting
 * renders at once; the numbers and the sections with the dashboard's one answer, which the route's
 * loader asked for (loadDashboard).
 */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const member = useMember();
  const isOwner = useIsOwner();
  const { data, loading, error, retry } = useDashboard(isOwner);
  // The sections (the page's largest render) render in a background render, in slices, not in the task
  // that received the answer.
  const sections = useDeferredValue(data);
  const firstName = member.name.split(/\s+/)[0] ?? member.name;
  const summary = data?.healthSummary;

  return (
    <>
      <PageHeader
        title={`Hello, ${firstName}`}
        description={`Here is how ${member.workspace.name} is doing.`}
      />
      {/* Until the answer is in, the numbers stay "–". */}
      <div className="stats" aria-busy={loading}>
        <Stat
          label="Average health"
          value={summary?.averageScore == null ? undefined : Math.round(summary.averageScore)}
          href="#health-trend"
        />
        <Stat label="Overdue check-ins" value={summary?.checkInsOverdue} href="#overdue-check-ins" />
        <Stat label="At risk" value={summary?.atRisk} to={bandPath('AT_RISK')} />
      </div>
      <div className="dash-grid">
        {sections ? (
          <DashboardSections data={sections} isOwner={isOwner} />
        ) : (
          <div className="dash-grid__wide">
            {error ? (
              <ErrorState
                compact
                title="Could not load the dashboard"
                message={describeError(error).message}
                onRetry={retry}
              />
            ) : (
              <LoadingState compact label="Loading the dashboard…" />
            )}
          </div>
        )}
      </div>
    </>
  );
}
