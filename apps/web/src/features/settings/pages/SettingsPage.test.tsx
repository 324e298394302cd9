import { screen } from '@testing-library/react';
import { WorkspaceHistoryDocument } from '~/features/history/graphql/history.graphql';
import { graphqlError, ownerMember, renderRoute, staffMember } from '~/test/render';
import { FeedbackSettingsDocument, InvitationsDocument, MembersDocument } from '../graphql/settings.graphql';
import { SettingsPage } from './SettingsPage';

// The other sections fail to load: this is about which sections show.
const others = [FeedbackSettingsDocument, MembersDocument, InvitationsDocument].map((query) => ({
  request: { query },
  result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'Not part of this test')] },
}));
const activity = {
  request: { query: WorkspaceHistoryDocument, variables: { first: 25, entity: null } },
  result: {
    data: {
      history: {
        __typename: 'ChangeEntryConnection',
        edges: [],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
};

describe('SettingsPage', () => {
  it('shows owners the workspace’s activity', async () => {
    renderRoute(<SettingsPage />, { member: ownerMember, mocks: [activity, ...others] });
    expect(screen.getByRole('heading', { name: 'Activity' })).toBeInTheDocument();
    expect(await screen.findByText('No changes yet')).toBeInTheDocument();
  });

  it('shows staff no activity (the API refuses it to them too)', async () => {
    renderRoute(<SettingsPage />, { member: staffMember, mocks: others });
    expect(screen.getByRole('heading', { name: 'Members' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Activity' })).not.toBeInTheDocument();
    expect(await screen.findByText('Could not load members')).toBeInTheDocument();
  });
});
