import { useParams } from 'react-router';
import { PublicFeedbackPage } from './PublicFeedbackPage';

/**
 * The feedback form inside the signed-in app's router (a link followed within the app). Opened from
 * outside, /f/<token> starts the form's own entry instead (main.tsx): no router, no Apollo.
 */
export function PublicFeedbackRoute() {
  const { token = '' } = useParams();
  return <PublicFeedbackPage token={token} />;
}
