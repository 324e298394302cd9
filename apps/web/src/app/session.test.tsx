import { screen } from '@testing-library/react';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import { ownerMember, renderRoute } from '~/test/render';
import { RequireAuth, safeNext, useMember } from './session';

function Private() {
  return <p>Hello {useMember().name}</p>;
}

describe('RequireAuth', () => {
  it('sends a visitor without a session to sign in, remembering the page', async () => {
    const { router } = renderRoute(
      <RequireAuth>
        <Private />
      </RequireAuth>,
      {
        path: '/customers/:id',
        url: '/customers/42',
        member: null,
        routes: [{ path: '/sign-in', element: <p>Sign-in page</p> }],
        mocks: [{ request: { query: MeDocument }, result: { data: { me: null } } }],
      },
    );
    expect(await screen.findByText('Sign-in page')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/customers/42')}`);
  });

  it('renders the page for a signed-in member', async () => {
    renderRoute(
      <RequireAuth>
        <Private />
      </RequireAuth>,
      {
        path: '/customers',
        member: null,
        mocks: [{ request: { query: MeDocument }, result: { data: { me: ownerMember } } }],
      },
    );
    expect(await screen.findByText('Hello Ada Lovelace')).toBeInTheDocument();
  });
});

describe('safeNext', () => {
  it.each([
    ['/customers/1', '/customers/1'],
    [null, '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
