import { render, screen, within } from '@testing-library/react';
import { renderRoute } from '~/test/render';
import { gapVerdict } from '../feedback-format';
import { BlindSpotsDocument } from '../graphql/feedback.graphql';
import { blindSpot, blindSpotsMock, errorMock, ids, mockResizeObserver, uuid } from '../test-fixtures';
import { BlindSpotsCard, BlindSpotsView, describeBlindSpot } from './BlindSpots';

const SPOTS = [
  blindSpot(ids.counter, 'Shop counter', { auditScore: 0.85, customerScore: 0.55 }), // −30: worse
  blindSpot(ids.delivery, 'Delivery', { auditScore: 0.5, customerScore: 0.75 }), // +25: better
  blindSpot(ids.phone, 'Phone orders', { auditScore: 0.7, customerScore: 0.62 }), // −8: agree
  blindSpot(uuid(4), 'Website', { auditScore: null, customerScore: 0.6 }),
  blindSpot(uuid(5), 'Catering', { auditScore: 0.6, customerScore: null, answers: 3 }),
];

const card = (name: string) => screen.getByRole('article', { name });

let restore: () => void;
beforeEach(() => {
  restore = mockResizeObserver();
});
afterEach(() => restore());

describe('gapVerdict', () => {
  it('highlights a gap of 0.2 or more either way, floating-point noise included', () => {
    expect(gapVerdict(-0.2)).toBe('worse');
    expect(gapVerdict(0.6 - 0.8)).toBe('worse'); // −0.20000000000000007
    expect(gapVerdict(0.7 - 0.5)).toBe('better'); // 0.19999999999999996
    expect(gapVerdict(0.19)).toBe('aligned');
    expect(gapVerdict(-0.19)).toBe('aligned');
    expect(gapVerdict(null)).toBe('unknown');
  });
});

describe('BlindSpotsView', () => {
  it('puts auditors beside customers with the numbers, and highlights large gaps', () => {
    render(<BlindSpotsView spots={SPOTS} />);

    const counter = card('Shop counter');
    expect(counter).toHaveAttribute('data-highlighted', 'true');
    expect(counter).toHaveClass('fb-bs-row--worse');
    expect(within(counter).getByText('85%')).toBeInTheDocument();
    expect(within(counter).getByText('55%')).toBeInTheDocument();
    expect(within(counter).getByText('−30 pts')).toBeInTheDocument();
    expect(within(counter).getByText('Customers feel worse than your audits say')).toBeInTheDocument();

    const delivery = card('Delivery');
    expect(delivery).toHaveClass('fb-bs-row--better');
    expect(within(delivery).getByText('+25 pts')).toBeInTheDocument();
    expect(within(delivery).getByText('Customers feel better than your audits say')).toBeInTheDocument();

    const phone = card('Phone orders');
    expect(phone).not.toHaveAttribute('data-highlighted');
    expect(within(phone).getByText('−8 pts')).toBeInTheDocument();
    expect(within(phone).queryByText(/than your audits say/)).not.toBeInTheDocument();

    const website = card('Website');
    expect(website).not.toHaveAttribute('data-highlighted');
    expect(within(website).getAllByText('Not enough data')).toHaveLength(2); // auditors and the gap
    expect(within(website).getByText('no audits yet')).toBeInTheDocument();

    const catering = card('Catering');
    expect(within(catering).getAllByText('Not enough data')).toHaveLength(2);
    expect(
      within(catering).getByText(
        '3 answers, fewer than 5 anonymous answers — hidden to protect who said what',
      ),
    ).toBeInTheDocument();

    expect(
      screen.getByText(
        /2 touchpoints where customers and auditors differ by 20 points or more: Shop counter, Delivery/,
      ),
    ).toBeInTheDocument();
  });

  it('has a chart whose caption carries every number', () => {
    render(<BlindSpotsView spots={SPOTS} />);
    const figure = screen.getByRole('figure');
    for (const spot of SPOTS) expect(figure).toHaveTextContent(describeBlindSpot(spot));
    expect(describeBlindSpot(SPOTS[0] as (typeof SPOTS)[number])).toBe(
      'Shop counter: auditors 85%, customers 55%; gap −30 pts: customers feel worse than your audits say.',
    );
  });
});

describe('BlindSpotsCard', () => {
  it('loads, and has empty and error states', async () => {
    const { unmount } = renderRoute(<BlindSpotsCard />, { mocks: [blindSpotsMock(SPOTS)] });
    expect(screen.getByText('Loading blind spots…')).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: 'Shop counter' })).toBeInTheDocument();
    unmount();

    const empty = renderRoute(<BlindSpotsCard />, { mocks: [blindSpotsMock([])] });
    expect(await screen.findByText('Nothing to compare yet')).toBeInTheDocument();
    empty.unmount();

    renderRoute(<BlindSpotsCard />, { mocks: [errorMock(BlindSpotsDocument)] });
    expect(await screen.findByText('Could not load blind spots')).toBeInTheDocument();
  });
});
