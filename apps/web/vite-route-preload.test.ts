import { FEEDBACK_PATH } from './src/entry-path';
import { preloadScript } from './vite-route-preload';

/** Runs the inline script at a path and returns the links it added. */
function linksAt(path: string, rules: Parameters<typeof preloadScript>[0]) {
  window.history.replaceState(null, '', path);
  document.head.innerHTML = '';
  new Function(preloadScript(rules))();
  return [...document.head.querySelectorAll('link')].map(
    (l) => `${l.rel}${l.as ? `:${l.as}` : ''} ${l.getAttribute('href')}`,
  );
}

describe('routePreload (index.html asks for the first route chunks)', () => {
  const rules: Parameters<typeof preloadScript>[0] = [
    [FEEDBACK_PATH.source, ['assets/feedback-entry.js', 'assets/react.js', 'assets/form.css']],
    ['^\\/$', ['assets/index.css', 'assets/app-entry.js', 'assets/DashboardPage.js']],
    ['^', ['assets/index.css', 'assets/app-entry.js']],
  ];

  it('preloads the feedback form on a feedback link: scripts as modules, stylesheets as styles', () => {
    expect(linksAt('/f/tok-123', rules)).toEqual([
      'modulepreload /assets/feedback-entry.js',
      'modulepreload /assets/react.js',
      'preload:style /assets/form.css',
    ]);
  });

  it('preloads the app and the dashboard on /, the app alone elsewhere (the first rule that matches)', () => {
    expect(linksAt('/', rules)).toEqual([
      'preload:style /assets/index.css',
      'modulepreload /assets/app-entry.js',
      'modulepreload /assets/DashboardPage.js',
    ]);
    expect(linksAt('/customers', rules)).toEqual([
      'preload:style /assets/index.css',
      'modulepreload /assets/app-entry.js',
    ]);
    expect(linksAt('/f/tok/extra', rules)).toEqual([
      'preload:style /assets/index.css',
      'modulepreload /assets/app-entry.js',
    ]);
  });
});
