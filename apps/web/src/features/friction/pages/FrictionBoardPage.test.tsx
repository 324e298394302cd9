import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { graphqlError, ownerMember, renderRoute, staffMember } from '~/test/render';
import { FrictionCustomerSearchDocument, FrictionPointsDocument } from '../graphql/friction.graphql';
import {
  board,
  frictionPoint,
  ids,
  members,
  optionsMock,
  pointsMock,
  raiseMock,
  updateMock,
} from '../test-fixtures';
import { FrictionBoardPage } from './FrictionBoardPage';

function renderBoard(url = '/friction', mocks: unknown[] = [pointsMock()], member = ownerMember) {
  const utils = renderRoute(<FrictionBoardPage />, {
    path: '/friction',
    url,
    mocks: [optionsMock, ...mocks] as never,
    member,
  });
  return { ...utils, user: userEvent.setup() };
}

const column = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });
const filters = () => within(screen.getByRole('group', { name: 'Filter friction points' }));
const card = (description: string) => screen.getByRole('article', { name: description });

describe('FrictionBoardPage', () => {
  it('shows open, in-progress and resolved friction in three columns of cards', async () => {
    renderBoard();
    await screen.findByText('Nobody answers the phone at lunchtime');
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Open', 'In progress', 'Resolved']);
    expect(
      within(column('Open'))
        .getAllByRole('article')
        .map((a) => a.getAttribute('aria-labelledby')),
    ).toHaveLength(2);
    expect(
      within(column('In progress')).getByText('Invoice totals do not match the quote'),
    ).toBeInTheDocument();
    expect(within(column('Resolved')).getByText('Parking sign is hard to spot')).toBeInTheDocument();

    const audited = card('Nobody answers the phone at lunchtime');
    expect(within(audited).getByText('Severe')).toBeInTheDocument();
    expect(within(audited).getByText('Booking by phone')).toBeInTheDocument();
    expect(within(audited).getByRole('link', { name: 'Audit: Repair booking walk-through' })).toHaveAttribute(
      'href',
      `/audits/${ids.audit}`,
    );
    expect(within(audited).getByText('Raised 3 days ago')).toBeInTheDocument();
    expect(within(audited).getByRole('combobox', { name: 'Owner' })).toHaveValue('');

    const fed = card('Invoice totals do not match the quote');
    expect(within(fed).getByText('Moderate')).toBeInTheDocument();
    expect(within(fed).getByText('Feedback')).toBeInTheDocument();
    expect(within(fed).getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute(
      'href',
      `/customers/${ids.grace}`,
    );
    expect(within(fed).getByRole('combobox', { name: 'Owner' })).toHaveValue(ownerMember.id);
    expect(within(fed).getByText('Raised today')).toBeInTheDocument();

    const resolved = card('Parking sign is hard to spot');
    expect(within(resolved).getByText('By hand')).toBeInTheDocument();
    expect(within(resolved).getByText('New sign at the gate')).toBeInTheDocument();
    expect(within(resolved).getByRole('button', { name: 'Re-open' })).toBeInTheDocument();
    expect(within(resolved).queryByRole('button', { name: 'Resolve' })).not.toBeInTheDocument();
    expect(within(card('Hold music is too loud')).getByText('Interaction')).toBeInTheDocument();
  });

  it('reads its filters from the URL: status and touchpoint go to the API, owner and source narrow the list', async () => {
    renderBoard(`/friction?status=OPEN&touchpoint=${ids.booking}&owner=${ids.bob}&source=INTERACTION`, [
      pointsMock([board[0], board[3]], { status: 'OPEN', touchpointId: ids.booking }),
    ]);
    await screen.findByText('Hold music is too loud');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Open']);
    expect(screen.queryByText('Nobody answers the phone at lunchtime')).not.toBeInTheDocument();
    expect(filters().getByRole('combobox', { name: 'Status' })).toHaveValue('OPEN');
    expect(filters().getByRole('combobox', { name: 'Source' })).toHaveValue('INTERACTION');
    expect(screen.getByText(/1 friction point match/)).toBeInTheDocument();
    await waitFor(() =>
      expect(filters().getByRole('combobox', { name: 'Touchpoint' })).toHaveValue(ids.booking),
    );
  });

  it('"Mine" shows the signed-in member\'s friction, and filters land in the URL', async () => {
    const { user, router } = renderBoard('/friction', [pointsMock()], staffMember);
    await screen.findByText('Nobody answers the phone at lunchtime');
    // The staff member owns nothing here: "Mine" is empty.
    await user.selectOptions(filters().getByRole('combobox', { name: 'Owner' }), 'me');
    expect(router.state.location.search).toBe('?owner=me');
    expect(await screen.findByText('No friction points match these filters')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    expect(router.state.location.search).toBe('');
    await user.selectOptions(filters().getByRole('combobox', { name: 'Source' }), 'AUDIT');
    expect(router.state.location.search).toBe('?source=AUDIT');
    expect(screen.getByText('Nobody answers the phone at lunchtime')).toBeInTheDocument();
    expect(screen.queryByText('Hold music is too loud')).not.toBeInTheDocument();
  });

  it('passes axe checks with cards, a resolve form and the raise form open', async () => {
    const { user } = renderBoard();
    await screen.findByText('Nobody answers the phone at lunchtime');
    await user.click(
      within(card('Nobody answers the phone at lunchtime')).getByRole('button', { name: 'Resolve' }),
    );
    await user.click(screen.getByRole('button', { name: 'Raise friction point' }));
    await within(screen.getByRole('form', { name: 'Raise friction point' })).findByRole('option', {
      name: 'Booking by phone',
    });
    // jsdom has no layout (colour contrast) nor canvas: those are for a browser. Landmarks come from AppLayout.
    const results = await axe.run(document.body, {
      rules: {
        'color-contrast': { enabled: false },
        'label-content-name-mismatch': { enabled: false },
        region: { enabled: false },
      },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  it('shows the empty and error states', async () => {
    const { unmount } = renderBoard('/friction', [pointsMock([])]);
    expect(await screen.findByText('No friction — customers glide through')).toBeInTheDocument();
    unmount();
    renderBoard('/friction', [
      {
        request: { query: FrictionPointsDocument, variables: {} },
        result: { errors: [graphqlError('FORBIDDEN', 'no')] },
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load friction points')).toBeInTheDocument();
  });

  it('resolving asks for a note first, then moves the card to Resolved', async () => {
    const note = 'Lunch cover rota: someone always on the phone';
    const { user } = renderBoard('/friction', [
      pointsMock(),
      updateMock(
        ids.p1,
        { status: 'RESOLVED', resolution: note },
        frictionPoint({ status: 'RESOLVED', resolution: note, resolvedAt: new Date().toISOString() }),
      ),
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    const open = card('Nobody answers the phone at lunchtime');
    await user.click(within(open).getByRole('button', { name: 'Resolve' }));
    await user.click(within(open).getByRole('button', { name: 'Mark resolved' }));
    const field = within(open).getByRole('textbox', { name: 'How was it resolved?' });
    expect(field).toHaveAccessibleDescription(/Say how it was resolved/);
    expect(field).toHaveFocus();

    await user.type(field, note);
    await user.click(within(open).getByRole('button', { name: 'Mark resolved' }));
    await waitFor(() =>
      expect(
        within(column('Resolved')).getByText('Nobody answers the phone at lunchtime'),
      ).toBeInTheDocument(),
    );
    expect(within(column('Resolved')).getByText(note)).toBeInTheDocument();
    expect(screen.getByText('Friction point resolved')).toBeInTheDocument();
  });

  it("shows the API's field errors beside the resolution note", async () => {
    const { user } = renderBoard('/friction', [
      pointsMock(),
      {
        request: {
          query: updateMock(ids.p1, {}, null).request.query,
          variables: { id: ids.p1, input: { status: 'RESOLVED', resolution: 'x', version: 1 } },
        },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', { resolution: 'Say a little more' }),
          ],
        },
      },
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    const open = card('Nobody answers the phone at lunchtime');
    await user.click(within(open).getByRole('button', { name: 'Resolve' }));
    await user.type(within(open).getByRole('textbox', { name: 'How was it resolved?' }), 'x');
    await user.click(within(open).getByRole('button', { name: 'Mark resolved' }));
    expect(await within(open).findByText('Say a little more')).toBeInTheDocument();
    expect(within(open).getByRole('textbox', { name: 'How was it resolved?' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('assigns, starts work and re-opens from the card', async () => {
    const { user } = renderBoard('/friction', [
      pointsMock(),
      updateMock(ids.p1, { ownerId: ids.bob }, frictionPoint({ owner: members[1] })),
      updateMock(
        ids.p1,
        { status: 'IN_PROGRESS' },
        frictionPoint({ owner: members[1], status: 'IN_PROGRESS' }),
      ),
      updateMock(ids.p3, { status: 'OPEN' }, { ...board[2], status: 'OPEN', resolvedAt: null }),
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    await user.selectOptions(
      within(card('Nobody answers the phone at lunchtime')).getByRole('combobox', { name: 'Owner' }),
      ids.bob,
    );
    expect(await screen.findByText('Assigned to Bob Baker')).toBeInTheDocument();
    await user.click(
      within(card('Nobody answers the phone at lunchtime')).getByRole('button', { name: 'Start work' }),
    );
    await waitFor(() =>
      expect(
        within(column('In progress')).getByText('Nobody answers the phone at lunchtime'),
      ).toBeInTheDocument(),
    );
    await user.click(within(card('Parking sign is hard to spot')).getByRole('button', { name: 'Re-open' }));
    await waitFor(() =>
      expect(within(column('Open')).getByText('Parking sign is hard to spot')).toBeInTheDocument(),
    );
  });

  it('raises a friction point with a searched customer, sending the right variables', async () => {
    const input = {
      description: 'The booking form asks for the address twice',
      severity: 3,
      touchpointId: ids.booking,
      customerId: ids.grace,
      interactionId: null,
      ownerId: ids.bob,
    };
    const raised = frictionPoint({
      id: '00000000-0000-4000-8000-000000000f09',
      description: input.description,
      source: 'MANUAL',
      audit: null,
      customer: { __typename: 'Customer', id: ids.grace, name: 'Grace Hopper' },
      owner: members[1],
      createdAt: new Date().toISOString(),
    });
    const { user } = renderBoard('/friction', [
      pointsMock(),
      {
        request: {
          query: FrictionCustomerSearchDocument,
          variables: { first: 8, filter: { search: 'grace' } },
        },
        result: {
          data: {
            customers: {
              __typename: 'CustomerConnection',
              edges: [
                {
                  __typename: 'CustomerEdge',
                  cursor: 'c1',
                  node: { __typename: 'Customer', id: ids.grace, name: 'Grace Hopper', company: 'Navy' },
                },
              ],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
            },
          },
        },
      },
      raiseMock(input, raised),
      pointsMock([raised, ...board]),
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    await user.click(screen.getByRole('button', { name: 'Raise friction point' }));
    const form = screen.getByRole('form', { name: 'Raise friction point' });

    // Client-side validation first: a description is required.
    await user.click(within(form).getByRole('button', { name: 'Raise friction point' }));
    expect(
      within(form).getByRole('textbox', { name: 'What makes customers hesitate?' }),
    ).toHaveAccessibleDescription(/Required/);

    await user.type(
      within(form).getByRole('textbox', { name: 'What makes customers hesitate?' }),
      input.description,
    );
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), '3');
    await waitFor(() =>
      expect(within(form).getByRole('option', { name: 'Booking by phone' })).toBeInTheDocument(),
    );
    await user.selectOptions(within(form).getByRole('combobox', { name: /Touchpoint/ }), ids.booking);
    await user.type(within(form).getByRole('searchbox', { name: /Customer/ }), 'grace');
    await user.click(await within(form).findByRole('button', { name: /Grace Hopper/ }));
    expect(within(form).getByRole('button', { name: 'Change customer' })).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: /Owner/ }), ids.bob);
    await user.click(within(form).getByRole('button', { name: 'Raise friction point' }));

    await waitFor(() =>
      expect(screen.queryByRole('form', { name: 'Raise friction point' })).not.toBeInTheDocument(),
    );
    expect(await screen.findByText(input.description)).toBeInTheDocument();
    expect(screen.getByText('Friction point raised')).toBeInTheDocument();
  });

  it("shows the API's field errors beside the raise form's fields", async () => {
    const input = {
      description: 'Queue at the till',
      severity: 2,
      touchpointId: null,
      customerId: null,
      interactionId: null,
      ownerId: null,
    };
    const { user } = renderBoard('/friction', [
      pointsMock(),
      {
        request: { ...raiseMock(input, null).request },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', {
              description: 'Say where the queue is',
            }),
          ],
        },
      },
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    await user.click(screen.getByRole('button', { name: 'Raise friction point' }));
    const form = screen.getByRole('form', { name: 'Raise friction point' });
    await user.type(
      within(form).getByRole('textbox', { name: 'What makes customers hesitate?' }),
      input.description,
    );
    await user.click(within(form).getByRole('button', { name: 'Raise friction point' }));
    expect(await within(form).findByText('Say where the queue is')).toBeInTheDocument();
  });

  it('says when someone else changed a point first, and reloads the board', async () => {
    const stale =
      'Someone else changed this friction point since you opened it. Reload to see their change, then edit again.';
    const theirs = frictionPoint({ version: 2, owner: members[1] });
    const { user } = renderBoard('/friction', [
      pointsMock(),
      {
        request: { ...updateMock(ids.p1, { status: 'IN_PROGRESS' }, null).request },
        result: { errors: [graphqlError('CONFLICT', stale, { version: stale })] },
      },
      pointsMock([theirs, ...board.slice(1)]),
    ]);
    await screen.findByText('Nobody answers the phone at lunchtime');
    const open = card('Nobody answers the phone at lunchtime');
    await user.click(within(open).getByRole('button', { name: 'Start work' }));
    const alert = await within(open).findByRole('alert');
    expect(alert).toHaveTextContent(/since you opened it/);
    await user.click(within(alert).getByRole('button', { name: 'Reload the board' }));
    await waitFor(() =>
      expect(
        within(card('Nobody answers the phone at lunchtime')).getByRole('combobox', { name: 'Owner' }),
      ).toHaveValue(ids.bob),
    );
    expect(
      within(card('Nobody answers the phone at lunchtime')).queryByRole('alert'),
    ).not.toBeInTheDocument();
  });
});
