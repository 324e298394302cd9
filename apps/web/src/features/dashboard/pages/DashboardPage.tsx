import { useQuery } from '@apollo/client/react';
import { buttonClassName, Card, LoadingState, PageHeader } from '@rapport/ui';
import { memo, type ReactNode, useDeferredValue, useRef } from 'react';
import { Link } from 'react-router';
import { useIsOwner, useMember } from '~/app/session';
import { useDocumentTitle } from '~/app/use-document-title';
import { AtRiskCustomersCard } from '../components/AtRiskCustomers';
import { BandChart, bandPath } from '../components/BandChart';
import { ContactMixCard } from '../components/ContactMixChart';
import { DASHBOARD_DAYS, DASHBOARD_LIST_SIZE } from '../components/dashboard-format';
import { HealthTrendCard } from '../components/HealthTrendChart';
import { OverdueCheckInsCard } from '../components/OverdueCheckIns';
import { SectionState } from '../components/SectionState';
import {
  AtRiskCustomersDocument,
  ContactMixDocument,
  DashboardSummaryDocument,
  HealthTrendDocument,
  OverdueCheckInsDocument,
} from '../graphql/dashboard.graphql';
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

/** Whether a query has answered (data or an error), from the cache the section reads too. */
function hasAnswered<Q>(answer: { data?: Q; error?: unknown }): boolean {
  return answer.data !== undefined || answer.error !== undefined;
}

/**
 * How many sections to show, in page order: every section up to and including the first one whose
 * answer has not come yet (that one shows its loading state). A later section that has its answer
 * waits for the ones above it: a section that grows as its answer arrives then never pushes another
 * one down (no layout shift), and nothing goes away again once shown (a retry keeps the page).
 */
function useRevealedCount(answered: readonly boolean[]): number {
  const firstWaiting = answered.indexOf(false);
  const count = firstWaiting === -1 ? answered.length : firstWaiting + 1;
  // Only grows: derived from the answers of this render and the most shown before (idempotent).
  const shown = useRef(0);
  shown.current = Math.max(shown.current, count);
  // Sections that come in render in a background render, in slices, not in the task that received
  // an answer (their lists are the page's largest renders).
  return useDeferredValue(shown.current);
}

/** A section of the grid, rendered from its turn on (see useRevealedCount). */
function Reveal({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? children : null;
}

// The page re-renders as each section's answer arrives (to reveal the next one): a section re-renders
// only when its own query's result changes.
const OverdueSection = memo(OverdueCheckInsCard);
const TrendSection = memo(HealthTrendCard);
const AtRiskSection = memo(AtRiskCustomersCard);
const ContactMixSection = memo(ContactMixCard);

/**
 * The relationship dashboard: health at a glance, who needs a check-in, who is at risk. The greeting
 * and the stats row render at once; each section fills in as its answer arrives (the route's loader
 * asked them all), without waiting for the slowest.
 */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const member = useMember();
  const isOwner = useIsOwner();
  // The route's loader (loadDashboard) has just asked the network for each of these.
  const fetchPolicy = 'cache-first';
  const { data, loading, error, refetch } = useQuery(DashboardSummaryDocument, { fetchPolicy });
  // The sections' queries: the page reveals the sections in order as they answer, and passes each its own.
  const overdue = useQuery(OverdueCheckInsDocument, {
    variables: { first: DASHBOARD_LIST_SIZE },
    fetchPolicy,
  });
  const trend = useQuery(HealthTrendDocument, { variables: { days: DASHBOARD_DAYS }, fetchPolicy });
  const atRisk = useQuery(AtRiskCustomersDocument, {
    variables: { first: DASHBOARD_LIST_SIZE },
    fetchPolicy,
  });
  const contactMix = useQuery(ContactMixDocument, {
    variables: { days: DASHBOARD_DAYS },
    fetchPolicy,
    skip: !isOwner,
  });
  const firstName = member.name.split(/\s+/)[0] ?? member.name;
  const summary = data?.healthSummary;
  const hasNoCustomers = data?.customers.totalCount === 0;
  const retry = () => void refetch();

  const summaryAnswered = hasAnswered({ data, error });
  // In page order: "Get started" (known from the summary), overdue, bands (the summary), trend, at risk,
  // the contact mix (owners only).
  const answered = [
    summaryAnswered,
    hasAnswered(overdue),
    summaryAnswered,
    hasAnswered(trend),
    hasAnswered(atRisk),
    ...(isOwner ? [hasAnswered(contactMix)] : []),
  ];
  const revealed = useRevealedCount(answered);
  const shown = (section: number) => section < revealed;

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
        {summaryAnswered ? (
          hasNoCustomers && <GetStarted isOwner={isOwner} />
        ) : (
          <div className="dash-grid__wide">
            <LoadingState compact label="Loading the dashboard…" />
          </div>
        )}
        <Reveal shown={shown(1)}>
          <OverdueSection query={overdue} />
        </Reveal>
        <Reveal shown={shown(2)}>
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
        </Reveal>
        <Reveal shown={shown(3)}>
          <TrendSection query={trend} />
        </Reveal>
        <Reveal shown={shown(4)}>
          <AtRiskSection query={atRisk} />
        </Reveal>
        {isOwner && (
          <Reveal shown={shown(5)}>
            <ContactMixSection query={contactMix} />
          </Reveal>
        )}
      </div>
    </>
  );
}
