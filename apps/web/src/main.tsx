import '@rapport/ui/styles.css';
import './app/app.css';
import { prefetchSession } from './app/session-prefetch';
import { yieldToMain } from './app/yield-to-main';
import { feedbackToken } from './entry-path';
import { fetchFeedbackForm } from './features/feedback-form/feedback-api';

// Two apps share index.html, and this entry loads only the one the path needs. A customer opening a
// feedback link gets React and the form (no Apollo Client, no router), and the form's request starts
// now, while that code downloads. Every other path gets the signed-in app, and the session's request
// starts now too.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const token = feedbackToken(window.location.pathname);
if (token !== null) {
  const request = fetchFeedbackForm(token);
  // The page reports a failure (and offers a retry) once it renders.
  request.catch(() => undefined);
  void import('./features/feedback-form/feedback-entry').then(async (entry) => {
    // Evaluating the modules was one task; rendering is the next.
    await yieldToMain();
    entry.renderFeedbackForm(root, token, request);
  });
} else {
  const session = prefetchSession();
  void (async () => {
    // Running React, the router and Apollo Client's modules took one long task (about 250 ms on a
    // slow phone): one library per task instead. They download together all the same (index.html
    // preloads them); each import runs only what the ones before did not.
    await import('./app/libraries/react');
    await yieldToMain();
    await import('./app/libraries/router');
    await yieldToMain();
    await import('./app/libraries/apollo');
    await yieldToMain();
    const entry = await import('./app/app-entry');
    await yieldToMain();
    await entry.renderApp(root, session);
  })();
}
