import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { graphqlError, renderRoute, staffMember } from '~/test/render';
import { CustomerHistoryDocument } from '../graphql/history.graphql';
import { CUSTOMER_ID, entry, fieldChange, page, SAM } from '../test-fixtures';
import { CustomerHistory, HISTORY_PAGE_SIZE } from './CustomerHistory';

const TOUCHPOINT = '00000000-0000-4000-8000-000000000201';

const request = (after?: string) => ({
  query: CustomerHistoryDocument,
  variables: after
    ? { id: CUSTOMER_ID, first: HISTORY_PAGE_SIZE, after }
    : { id: CUSTOMER_ID, first: HISTORY_PAGE_SIZE },
});
const answer = (history: ReturnType<typeof page>) => ({
  data: { customer: { __typename: 'Customer', id: CUSTOMER_ID, history } },
});

const renamed = entry({
  changedAt: '2026-03-02T10:00:00.000Z',
  changes: [
    fieldChange('name', 'Bea', 'Bea Baker'),
    fieldChange('ownerId', SAM.id, null, { beforeLabel: 'Sam Staff' }),
  ],
});
const logged = entry({
  action: 'CREATE',
  entity: 'INTERACTION',
  entityLabel: 'Called to say thanks',
  changedAt: '2026-03-01T10:00:00.000Z',
  changes: [
    fieldChange('customerId', null, CUSTOMER_ID, { afterLabel: 'Bea Baker' }),
    fieldChange('touchpointId', null, TOUCHPOINT, { afterLabel: 'Front desk' }),
    fieldChange('sentiment', null, 2),
  ],
});
const fromFeedback = entry({
  action: 'CREATE',
  entity: 'FRICTION_POINT',
  entityLabel: 'Low NPS 2/10',
  origin: 'FEEDBACK_LINK',
  member: null,
  changedAt: '2026-02-28T10:00:00.000Z',
  changes: [fieldChange('severity', null, 2)],
});
const created = entry({
  action: 'CREATE',
  changedAt: '2026-02-01T10:00:00.000Z',
  changes: [fieldChange('name', null, 'Bea')],
});

const render = (mocks: object[]) =>
  renderRoute(<CustomerHistory customerId={CUSTOMER_ID} />, { mocks: mocks as never, member: staffMember });

const open = async () => {
  const user = userEvent.setup();
  const toggle = screen.getByRole('button', { name: 'Show changes' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(screen.getByRole('button', { name: 'Hide changes' })).toHaveAttribute('aria-expanded', 'true');
  return user;
};

describe('CustomerHistory', () => {
  it('stays folded, asking nothing of the API, until opened', async () => {
    // No mocks: a request would fail and show an error.
    render([]);
    expect(screen.getByText(/Every change is recorded/)).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows who changed what and when, each field before and after, and pages with "Show more"', async () => {
    render([
      { request: request(), result: answer(page([renamed, logged], 'cursor-1')) },
      { request: request('cursor-1'), result: answer(page([fromFeedback, created])) },
    ]);
    await open();
    const list = await screen.findByRole('list', { name: 'Changes to this customer' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent('Sam Staff changed the customer “Bea Baker”');
    expect(first).toHaveTextContent('Namefrom Bea → to Bea Baker');
    expect(within(first!).getByText('Bea', { exact: false, selector: '.change__before' })).toHaveTextContent(
      'from Bea',
    );
    expect(first).toHaveTextContent('Ownerfrom Sam Staff → to —');
    expect(within(first!).getByRole('time')).toHaveAttribute('dateTime', '2026-03-02T10:00:00.000Z');
    // A creation lists what it set; which customer it is goes without saying here.
    expect(second).toHaveTextContent('Sam Staff added the interaction “Called to say thanks”');
    expect(second).toHaveTextContent('TouchpointFront desk');
    expect(second).toHaveTextContent('Sentiment+2');
    expect(second).not.toHaveTextContent('Customer');
    expect(second).not.toHaveTextContent(TOUCHPOINT);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    const items = within(list).getAllByRole('listitem');
    expect(items[2]).toHaveTextContent('A customer (feedback link) added the friction point “Low NPS 2/10”');
    expect(items[3]).toHaveTextContent('Sam Staff added the customer “Bea Baker”');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('shows it is loading, then says when nothing is recorded yet', async () => {
    render([{ request: request(), result: answer(page([])), delay: 30 }]);
    await open();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the change history…');
    expect(await screen.findByText('No changes recorded yet')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    render([
      { request: request(), result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'Something broke')] } },
      { request: request(), result: answer(page([renamed])) },
    ]);
    const user = await open();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the change history');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Changes to this customer' })).toBeInTheDocument();
  });

  it('passes axe checks when open', async () => {
    render([{ request: request(), result: answer(page([renamed, logged, fromFeedback])) }]);
    await open();
    await screen.findByRole('list', { name: 'Changes to this customer' });
    const results = await axe.run(document.body, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
