import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FeedbackForm } from './feedback-api';
import { PublicFeedbackPage } from './pages/PublicFeedbackPage';

/** The public feedback form on its own: what a customer's phone runs for /f/<token>. */
export function renderFeedbackForm(root: HTMLElement, token: string, request: Promise<FeedbackForm>) {
  createRoot(root).render(
    <StrictMode>
      <PublicFeedbackPage token={token} request={request} />
    </StrictMode>,
  );
}
