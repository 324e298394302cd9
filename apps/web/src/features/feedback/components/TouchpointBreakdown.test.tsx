import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '~/test/render';
import { FeedbackTouchpointsDocument } from '../graphql/feedback.graphql';
import { errorMock, ids, NOW, touchpointSummaryMock, touchpointsMock } from '../test-fixtures';
import { TouchpointBreakdownCard } from './TouchpointBreakdown';

const row = (name: string) => screen.getByRole('heading', { name }).closest('li') as HTMLElement;

describe('TouchpointBreakdownCard', () => {
  it('shows each touchpoint’s scores, and only the count where the guard applies', async () => {
    renderRoute(<TouchpointBreakdownCard now={NOW} />, {
      mocks: [
        touchpointsMock,
        touchpointSummaryMock(ids.counter, { responses: 3 }),
        touchpointSummaryMock(ids.delivery, { responses: 9, nps: 33.3, csat: 0.8, ces: null }),
      ],
    });
    expect(
      await screen.findByText(
        '3 answers: scores fewer than 5 anonymous answers — hidden to protect who said what.',
      ),
    ).toBeInTheDocument();
    expect(within(row('Shop counter')).queryByText('NPS')).not.toBeInTheDocument();
    const delivery = within(row('Delivery'));
    expect(await delivery.findByText('+33')).toBeInTheDocument();
    expect(delivery.getByText('80%')).toBeInTheDocument();
    expect(delivery.getByText('9')).toBeInTheDocument();
  });

  it('says when a touchpoint has no answers, and when there are no touchpoints', async () => {
    const { unmount } = renderRoute(<TouchpointBreakdownCard now={NOW} />, {
      mocks: [
        touchpointsMock,
        touchpointSummaryMock(ids.counter, { responses: 0 }),
        touchpointSummaryMock(ids.delivery, { responses: 0 }),
      ],
    });
    await waitFor(() => expect(screen.getAllByText('No answers yet.')).toHaveLength(2));
    unmount();
    renderRoute(<TouchpointBreakdownCard now={NOW} />, {
      mocks: [{ ...touchpointsMock, result: { data: { touchpoints: [] } } }],
    });
    expect(await screen.findByText('No touchpoints yet')).toBeInTheDocument();
  });

  it('shows an error state', async () => {
    renderRoute(<TouchpointBreakdownCard now={NOW} />, { mocks: [errorMock(FeedbackTouchpointsDocument)] });
    expect(await screen.findByText('Could not load touchpoints')).toBeInTheDocument();
  });
});
