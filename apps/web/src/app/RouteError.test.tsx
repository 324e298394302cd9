import { render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { isChunkLoadError, RouteError } from './RouteError';

function renderLazyRoute(error: Error) {
  const router = createMemoryRouter([
    {
      errorElement: <RouteError />,
      children: [{ path: '/', lazy: () => Promise.reject(error) }],
    },
  ]);
  render(<RouterProvider router={router} />);
}

describe('RouteError', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it("offers a reload when a page's chunk cannot be fetched (e.g. after a deploy)", async () => {
    renderLazyRoute(new TypeError('Failed to fetch dynamically imported module: /assets/DashboardPage-x.js'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be loaded');
    expect(alert).toHaveTextContent('Reload the page to get the latest version.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says something went wrong for any other error', async () => {
    renderLazyRoute(new Error('boom'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on this page');
  });

  it("recognises the browsers' messages for a failed dynamic import", () => {
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: /assets/a.js'))).toBe(
      true,
    );
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true);
    expect(isChunkLoadError(new Error('Failed to fetch'))).toBe(false);
    expect(isChunkLoadError('not an error')).toBe(false);
  });
});
