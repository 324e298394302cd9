import '@rapport/ui/styles.css';
import './app/app.css';
import { feedbackToken } from './entry-path';
import { fetchFeedbackForm } from './features/feedback-form/feedback-api';

// Two apps share index.html, and this entry loads only the one the path needs. A customer opening a
// feedback link gets React and the form (no Apollo Client, no router), and the form's request starts
// now, while that code downloads. Every other path gets the signed-in app.
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const token = feedbackToken(window.location.pathname);
if (token !== null) {
  const request = fetchFeedbackForm(token);
  // The page reports a failure (and offers a retry) once it renders.
  request.catch(() => undefined);
  void import('./features/feedback-form/feedback-entry').then((entry) =>
    entry.renderFeedbackForm(root, token, request),
  );
} else {
  void import('./app/app-entry').then((entry) => entry.renderApp(root));
}
