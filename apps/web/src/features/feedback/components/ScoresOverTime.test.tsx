import { render, screen, within } from '@testing-library/react';
import { renderRoute } from '~/test/render';
import { monthVariables } from '../feedback-format';
import { FeedbackScoresOverTimeDocument } from '../graphql/feedback.graphql';
import { errorMock, MONTHS, mockResizeObserver, NOW, scoresMock } from '../test-fixtures';
import { describeMetric, type MonthSummary, ScoresOverTime, ScoresOverTimeCard } from './ScoresOverTime';

const GUARD = 'fewer than 5 anonymous answers — hidden to protect who said what';

const MONTH_DATA = [
  { responses: 0 },
  { responses: 8, nps: 25, csat: 0.75, ces: null },
  { responses: 3, nps: null, csat: null, ces: null }, // the guard
  { responses: 6, nps: -10, csat: null, ces: 5.5 },
  { responses: 12, nps: 40, csat: 0.9, ces: 6.1 },
  { responses: 2, nps: null, csat: null, ces: null }, // the guard
];

let restore: () => void;
beforeEach(() => {
  restore = mockResizeObserver();
});
afterEach(() => restore());

describe('lastMonths', () => {
  it('covers six calendar months up to the current one, oldest first', () => {
    expect(MONTHS.map((m) => m.label)).toEqual([
      'Jun 2025',
      'Jul 2025',
      'Aug 2025',
      'Sep 2025',
      'Oct 2025',
      'Nov 2025',
    ]);
    expect(MONTHS[0]).toMatchObject({ from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' });
    expect(MONTHS[5]?.to).toBe('2025-12-01T00:00:00.000Z');
  });
});

describe('describeMetric', () => {
  it('reads every month, with the guard spelled out', () => {
    const months: MonthSummary[] = MONTH_DATA.map((m, i) => ({ ...m, label: MONTHS[i]?.label ?? '' }));
    expect(describeMetric('nps', months)).toBe(
      'NPS by month. Jun 2025: no NPS answers; Jul 2025: +25; ' +
        `Aug 2025: hidden, ${GUARD} (3 answers); Sep 2025: −10; Oct 2025: +40; ` +
        `Nov 2025: hidden, ${GUARD} (2 answers).`,
    );
    expect(describeMetric('csat', months)).toContain('Jul 2025: 75%');
    expect(describeMetric('ces', months)).toContain('Oct 2025: 6.1');
  });
});

describe('ScoresOverTime', () => {
  it('draws a chart per metric with its text alternative and names the guarded months', () => {
    const months: MonthSummary[] = MONTH_DATA.map((m, i) => ({ ...m, label: MONTHS[i]?.label ?? '' }));
    render(<ScoresOverTime months={months} />);
    expect(screen.getAllByRole('figure')).toHaveLength(3);
    const guarded = screen.getByRole('list', { name: 'Months hidden by the anonymity guard' });
    const items = within(guarded).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      `Aug 2025 (3 answers): ${GUARD}.`,
      `Nov 2025 (2 answers): ${GUARD}.`,
    ]);
  });
});

describe('ScoresOverTimeCard', () => {
  it('asks for six months in one query and shows the guard note', async () => {
    renderRoute(<ScoresOverTimeCard now={NOW} />, { mocks: [scoresMock(MONTH_DATA)] });
    expect(screen.getByText('Loading scores over time…')).toBeInTheDocument();
    expect(await screen.findByText(/Sep 2025: −10/)).toBeInTheDocument();
    expect(screen.getByText(/Anonymity guard:/)).toBeInTheDocument();
    expect(screen.getAllByText(new RegExp(GUARD)).length).toBeGreaterThan(0);
  });

  it('has an empty state without answers and an error state', async () => {
    const { unmount } = renderRoute(<ScoresOverTimeCard now={NOW} />, {
      mocks: [scoresMock(MONTH_DATA.map(() => ({ responses: 0 })))],
    });
    expect(await screen.findByText('No answers yet')).toBeInTheDocument();
    unmount();
    renderRoute(<ScoresOverTimeCard now={NOW} />, {
      mocks: [errorMock(FeedbackScoresOverTimeDocument, monthVariables(MONTHS))],
    });
    expect(await screen.findByText('Could not load scores over time')).toBeInTheDocument();
  });
});
