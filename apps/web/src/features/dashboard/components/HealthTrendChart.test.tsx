import { render, screen } from '@testing-library/react';
import { mockResizeObserver, TREND_POINTS } from '../test-fixtures';
import { describeHealthTrend, HealthTrendChart } from './HealthTrendChart';

describe('describeHealthTrend', () => {
  it('describes the start, the end, the range and the latest band counts', () => {
    expect(describeHealthTrend(TREND_POINTS)).toBe(
      'Average health went from 62 on Aug 3 to 68 on Nov 1 (up 6 points; lowest 58, highest 68). ' +
        'On Nov 1: 12 healthy, 4 watch, 2 at risk.',
    );
  });

  it('handles one day, a flat trend and no history', () => {
    const [first] = TREND_POINTS as [(typeof TREND_POINTS)[number]];
    expect(describeHealthTrend([first])).toBe('Average health 62 on Aug 3: 8 healthy, 5 watch, 3 at risk.');
    expect(describeHealthTrend([first, { ...first, day: '2025-08-04', averageScore: 61.9 }])).toMatch(
      /from 62 on Aug 3 to 62 on Aug 4 \(unchanged;/,
    );
    expect(
      describeHealthTrend([
        { ...first, averageScore: 50 },
        { ...first, averageScore: 49 },
      ]),
    ).toMatch(/\(down 1 point;/);
    expect(describeHealthTrend([])).toBe('No health history yet.');
  });
});

describe('HealthTrendChart', () => {
  it('renders the chart with its description as the caption', () => {
    const restore = mockResizeObserver();
    render(<HealthTrendChart points={TREND_POINTS} />);
    expect(screen.getByRole('figure')).toHaveTextContent(describeHealthTrend(TREND_POINTS));
    restore();
  });
});
