import { render, screen, within } from '@testing-library/react';
import { HealthBadge } from './HealthBadge';
import { HealthCard } from './HealthCard';
import { describeTrend, signedPoints } from './health';

const factors = [
  { key: 'recency', points: 11.7, explanation: 'No non-sales contact in 74 days — 2.5× the 30-day cadence' },
  { key: 'sentiment', points: 18.8, explanation: 'Recent contacts felt positive' },
  { key: 'friction', points: -10, explanation: '2 open friction points' },
];

describe('HealthBadge', () => {
  it.each([
    ['HEALTHY', 'Healthy', 'healthy'],
    ['WATCH', 'Watch', 'watch'],
    ['AT_RISK', 'At risk', 'at-risk'],
  ] as const)('shows %s with its label and colour', (band, label, modifier) => {
    const { container } = render(<HealthBadge score={55} band={band} />);
    const badge = container.firstElementChild;
    expect(badge).toHaveClass(`rp-health-badge--${modifier}`);
    expect(badge).toHaveTextContent(`Health 55 of 100, ${label}`);
  });
});

describe('HealthCard', () => {
  it('shows the score, band, trend, factors and next best action', () => {
    render(
      <HealthCard
        score={42}
        band="WATCH"
        trend={5}
        factors={factors}
        nextBestAction="Check in: last 4 contacts were sales"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Relationship health' })).toBeInTheDocument();
    expect(screen.getByText('42')).toBeInTheDocument();
    expect(screen.getByText('Watch')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Trend: up 5 points in 30 days' })).toHaveTextContent('↑ +5');
    const items = within(screen.getByRole('list', { name: 'What makes up the score' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('+11.7 points: No non-sales contact in 74 days');
    expect(items[2]).toHaveTextContent('−10 points: 2 open friction points');
    expect(screen.getByText('Next best action')).toBeInTheDocument();
    expect(screen.getByText('Check in: last 4 contacts were sales')).toBeInTheDocument();
  });

  it('labels a falling and a flat trend', () => {
    const { rerender } = render(
      <HealthCard score={30} band="AT_RISK" trend={-1} factors={[]} nextBestAction="Call them" />,
    );
    expect(screen.getByRole('img', { name: 'Trend: down 1 point in 30 days' })).toHaveTextContent('↓ −1');
    rerender(<HealthCard score={30} band="AT_RISK" trend={0} factors={[]} nextBestAction="Call them" />);
    expect(screen.getByRole('img', { name: 'Trend: unchanged in 30 days' })).toHaveTextContent('→ ±0');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('health helpers', () => {
  it.each([
    [5, '+5'],
    [-3, '−3'],
    [0, '±0'],
    [0.04, '±0'],
    [12.345, '+12.3'],
  ])('signedPoints(%s) = %s', (points, text) => {
    expect(signedPoints(points)).toBe(text);
  });

  it('describes trends in words', () => {
    expect(describeTrend(5)).toBe('up 5 points in 30 days');
    expect(describeTrend(-1, 7)).toBe('down 1 point in 7 days');
  });
});
