import { buttonClassName, EmptyState } from '@rapport/ui';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="app-fullpage">
      <h1 className="rp-visually-hidden">Page not found</h1>
      <EmptyState
        icon="?"
        title="This page does not exist"
        description="Check the address, or go back to your dashboard."
        action={
          <Link to="/" className={buttonClassName()}>
            Go to the dashboard
          </Link>
        }
      />
    </main>
  );
}
