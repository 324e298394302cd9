import { PageHeader } from '@rapport/ui';
import { useDocumentTitle } from '~/app/use-document-title';
import { BlindSpotsCard } from '../components/BlindSpots';
import { FeedbackRequestsCard } from '../components/FeedbackRequestsCard';
import { RecentAnswersCard } from '../components/RecentAnswersCard';
import { ScoresOverTimeCard } from '../components/ScoresOverTime';
import { SurveysCard } from '../components/SurveysCard';
import { TouchpointBreakdownCard } from '../components/TouchpointBreakdown';
import '../../dashboard/dashboard.css';
import '../feedback.css';

const SECTIONS = [
  { href: '#surveys', label: 'Surveys' },
  { href: '#scores', label: 'Scores' },
  { href: '#touchpoints', label: 'Per touchpoint' },
  { href: '#requests', label: 'Requests' },
  { href: '#answers', label: 'Answers' },
  { href: '#blind-spots', label: 'Blind spots' },
];

/** Customer feedback: surveys, scores over time, per touchpoint, requests, answers and blind spots. */
export function FeedbackPage({ now }: { now?: Date }) {
  useDocumentTitle('Feedback');
  return (
    <div className="fb-page">
      <PageHeader
        title="Feedback"
        description="Ask early, ask simply: what customers say, and where it differs from what you believe."
      />
      <nav aria-label="Feedback sections" className="fb-jump">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.href}>
              <a href={s.href}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="fb-grid">
        <div className="fb-wide">
          <SurveysCard />
        </div>
        <ScoresOverTimeCard now={now} />
        <TouchpointBreakdownCard now={now} />
        <BlindSpotsCard />
        <FeedbackRequestsCard />
        <RecentAnswersCard />
      </div>
    </div>
  );
}
