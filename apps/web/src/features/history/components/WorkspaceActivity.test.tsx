import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError, renderRoute } from '~/test/render';
import { WorkspaceHistoryDocument } from '../graphql/history.graphql';
import { ADA, CUSTOMER_ID, entry, fieldChange, page } from '../test-fixtures';
import { ACTIVITY_PAGE_SIZE, WorkspaceActivity } from './WorkspaceActivity';

const request = (entity: string | null, after?: string) => ({
  query: WorkspaceHistoryDocument,
  variables: after ? { first: ACTIVITY_PAGE_SIZE, entity, after } : { first: ACTIVITY_PAGE_SIZE, entity },
});
const answer = (history: ReturnType<typeof page>) => ({ data: { history } });

const cadence = entry({
  entity: 'WORKSPACE',
  entityId: 'ws-1',
  entityLabel: 'Lovelace Bakery',
  member: ADA,
  customer: null,
  changes: [fieldChange('defaultCadenceDays', 30, 21)],
});
const interaction = entry({
  action: 'CREATE',
  entity: 'INTERACTION',
  entityLabel: 'Called to say thanks',
  changes: [fieldChange('customerId', null, CUSTOMER_ID, { afterLabel: 'Bea Baker' })],
});
const outsider = entry({
  entity: 'AUDIT',
  entityLabel: 'Secret shopper',
  origin: 'AUDIT_LINK',
  member: null,
  customer: null,
  changes: [fieldChange('status', 'DRAFT', 'IN_PROGRESS')],
});
const renamedTouchpoint = entry({
  entity: 'TOUCHPOINT',
  entityLabel: 'Front counter',
  member: ADA,
  customer: null,
  changes: [fieldChange('name', 'Front desk', 'Front counter')],
});

const render = (mocks: object[]) => renderRoute(<WorkspaceActivity />, { mocks: mocks as never });

describe('WorkspaceActivity', () => {
  it('lists every change with who made it and the customer it concerns, page by page', async () => {
    render([
      { request: request(null), result: answer(page([cadence, interaction], 'cursor-1')) },
      { request: request(null, 'cursor-1'), result: answer(page([outsider])) },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Loading activity…');
    const list = await screen.findByRole('list', { name: 'Workspace activity' });
    const [settings, logged] = within(list).getAllByRole('listitem');
    expect(settings).toHaveTextContent('Ada Lovelace changed the workspace settings');
    expect(settings).toHaveTextContent('Default check-in cadence (days)from 30 → to 21');
    expect(within(settings!).queryByRole('link')).not.toBeInTheDocument();
    expect(logged).toHaveTextContent('Sam Staff added the interaction “Called to say thanks”');
    expect(within(logged!).getByRole('link', { name: 'Bea Baker' })).toHaveAttribute(
      'href',
      `/customers/${CUSTOMER_ID}`,
    );
    expect(logged).toHaveTextContent('CustomerBea Baker');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(within(list).getAllByRole('listitem')[2]).toHaveTextContent(
      'An outside auditor (audit link) changed the audit “Secret shopper”',
    );
  });

  it('narrows to one kind of record', async () => {
    const user = userEvent.setup();
    render([
      { request: request(null), result: answer(page([cadence, interaction])) },
      { request: request('TOUCHPOINT'), result: answer(page([renamedTouchpoint])) },
      { request: request('SURVEY'), result: answer(page([])) },
    ]);
    await screen.findByRole('list', { name: 'Workspace activity' });
    const filter = screen.getByRole('combobox', { name: 'Show' });
    await user.selectOptions(filter, 'TOUCHPOINT');
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Workspace activity' })).toHaveTextContent(
        'Ada Lovelace changed the touchpoint “Front counter”',
      ),
    );
    expect(
      within(screen.getByRole('list', { name: 'Workspace activity' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    await user.selectOptions(filter, 'SURVEY');
    expect(await screen.findByText('No changes to surveys yet')).toBeInTheDocument();
  });

  it('shows why it could not load', async () => {
    render([
      {
        request: request(null),
        result: { errors: [graphqlError('FORBIDDEN', 'Only an owner can do that')] },
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the activity');
    expect(alert).toHaveTextContent('Your role does not allow this');
  });
});
