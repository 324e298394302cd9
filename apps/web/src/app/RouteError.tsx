import { ErrorState } from '@rapport/ui';
import { useRouteError } from 'react-router';

/**
 * A page's chunk did not load: the browser's message for a failed dynamic import (Chromium, Firefox,
 * Safari), or Vite's for its CSS. Usually a deploy replaced the files this tab was built against.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(error.message)
  );
}

/** Shown when a page crashes while rendering, or cannot be loaded: a way out instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  const chunk = isChunkLoadError(error);
  return (
    <main className="app-fullpage">
      <h1 className="rp-visually-hidden">Error</h1>
      <ErrorState
        title={chunk ? 'This page could not be loaded' : 'Something went wrong on this page'}
        message={
          chunk
            ? 'Rapport may have been updated since you opened it, or the connection dropped. Reload the page to get the latest version.'
            : 'Reload the page to try again. If it keeps happening, tell us what you were doing.'
        }
        onRetry={() => window.location.reload()}
      />
    </main>
  );
}
