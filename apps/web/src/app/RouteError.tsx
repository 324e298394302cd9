import { ErrorState } from '@rapport/ui';
import { useRouteError } from 'react-router';

/** Shown when a page crashes while rendering: a way out instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main className="app-fullpage">
      <h1 className="rp-visually-hidden">Error</h1>
      <ErrorState
        title="Something went wrong on this page"
        message="Reload the page to try again. If it keeps happening, tell us what you were doing."
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
