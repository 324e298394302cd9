import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reloadAtSignIn } from '~/app/reload-at-sign-in';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute, staffMember } from '~/test/render';
import { ChangeMemberRoleDocument, MembersDocument, RemoveMemberDocument } from '../graphql/settings.graphql';
import { MembersList } from './MembersList';

jest.mock('~/app/reload-at-sign-in', () => ({ reloadAtSignIn: jest.fn() }));

const SAM = '7b0e0f54-3c2a-4b1e-9d43-0a9e4f1f0003';
const LAST_OWNER = 'A workspace needs an owner: make someone else an owner first';

const member = (id: string, name: string, role: 'OWNER' | 'STAFF') => ({
  __typename: 'Member' as const,
  id,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
  role,
});

const members = {
  request: { query: MembersDocument },
  result: {
    data: { members: [member(ownerMember.id, 'Ada Lovelace', 'OWNER'), member(SAM, 'Sam Staff', 'STAFF')] },
  },
};

const changeRole = (id: string, role: 'OWNER' | 'STAFF', result: object) => ({
  request: { query: ChangeMemberRoleDocument, variables: { id, role } },
  result,
});

const removeMember = (id: string, result: object) => ({
  request: { query: RemoveMemberDocument, variables: { id } },
  result,
});

const removed = (id: string) => ({
  data: { removeMember: { __typename: 'Member', id, removedAt: '2026-03-01T10:00:00.000Z' } },
});

const render = (mocks: RenderRouteOptions['mocks'], as: RenderRouteOptions['member'] = ownerMember) =>
  renderRoute(<MembersList />, { mocks, member: as });

const row = async (name: string) => (await screen.findByText(name)).closest('li')!;

describe('MembersList', () => {
  beforeEach(() => jest.mocked(reloadAtSignIn).mockClear());

  it('shows staff every member with their role, and nothing to change', async () => {
    render([members], staffMember);
    expect(within(await row('Sam Staff')).getByText('Staff')).toBeInTheDocument();
    expect(within(await row('Ada Lovelace')).getByText('Owner')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets an owner change a member’s role', async () => {
    const user = userEvent.setup();
    render([
      members,
      changeRole(SAM, 'OWNER', {
        data: { changeMemberRole: { __typename: 'Member', id: SAM, role: 'OWNER' } },
      }),
    ]);
    const role = within(await row('Sam Staff')).getByRole('combobox', { name: 'Role of Sam Staff' });
    expect(role).toHaveValue('STAFF');
    await user.selectOptions(role, 'OWNER');
    await waitFor(() => expect(role).toHaveValue('OWNER'));
  });

  it('shows why the last owner cannot step down, keeping the role', async () => {
    const user = userEvent.setup();
    render([
      members,
      changeRole(ownerMember.id, 'STAFF', { errors: [graphqlError('CONFLICT', LAST_OWNER)] }),
    ]);
    const me = await row('Ada Lovelace');
    expect(within(me).getByText('(you)')).toBeInTheDocument();
    const role = within(me).getByRole('combobox', { name: 'Role of Ada Lovelace' });
    await user.selectOptions(role, 'STAFF');
    expect(await within(me).findByRole('alert')).toHaveTextContent(LAST_OWNER);
    expect(role).toHaveValue('OWNER');
  });

  it('removes a member after a confirmation naming them', async () => {
    const user = userEvent.setup();
    render([members, removeMember(SAM, removed(SAM))]);
    const sam = await row('Sam Staff');
    await user.click(within(sam).getByRole('button', { name: 'Remove' }));
    expect(sam).toHaveTextContent('Remove Sam Staff? They are signed out at once');
    expect(within(sam).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(sam).getByRole('button', { name: 'Remove Sam Staff' }));

    expect(
      await screen.findByText('Sam Staff was removed and signed out. Their history stays.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('sam@example.com')).not.toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(reloadAtSignIn).not.toHaveBeenCalled();
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    // No mock for the removal: sending it would fail the test with an error shown.
    render([members]);
    const sam = await row('Sam Staff');
    await user.click(within(sam).getByRole('button', { name: 'Remove' }));
    await user.click(within(sam).getByRole('button', { name: 'Cancel' }));
    expect(within(sam).queryByRole('button', { name: 'Remove Sam Staff' })).not.toBeInTheDocument();
    expect(within(sam).queryByRole('alert')).not.toBeInTheDocument();
    expect(sam).toHaveTextContent('sam@example.com');
  });

  it('shows the error when a removal is refused, keeping the member', async () => {
    const user = userEvent.setup();
    render([members, removeMember(ownerMember.id, { errors: [graphqlError('CONFLICT', LAST_OWNER)] })]);
    const me = await row('Ada Lovelace');
    await user.click(within(me).getByRole('button', { name: 'Remove' }));
    expect(me).toHaveTextContent('Remove Ada Lovelace (you)?');
    await user.click(within(me).getByRole('button', { name: 'Remove Ada Lovelace' }));
    expect(await within(me).findByRole('alert')).toHaveTextContent(LAST_OWNER);
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(reloadAtSignIn).not.toHaveBeenCalled();
  });

  it('goes to sign in after an owner removes themself', async () => {
    const user = userEvent.setup();
    render([members, removeMember(ownerMember.id, removed(ownerMember.id))]);
    const me = await row('Ada Lovelace');
    await user.click(within(me).getByRole('button', { name: 'Remove' }));
    await user.click(within(me).getByRole('button', { name: 'Remove Ada Lovelace' }));
    await waitFor(() => expect(reloadAtSignIn).toHaveBeenCalledTimes(1));
  });
});
