import { useEffect } from 'react';

/** Sets the tab title ("Customers · Rapport"), which screen readers announce after navigation. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Rapport` : 'Rapport';
  }, [title]);
}
