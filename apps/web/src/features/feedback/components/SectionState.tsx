import { ErrorState, LoadingState } from '@rapport/ui';
import type { ReactNode } from 'react';
import { describeError } from '~/app/errors';

export interface SectionStateProps {
  /** e.g. "overdue check-ins": "Loading overdue check-ins…", "Could not load overdue check-ins". */
  what: string;
  loading: boolean;
  error: unknown;
  hasData: boolean;
  onRetry: () => void;
  children: ReactNode;
}

/** A card's loading and error states (its own query's); its content once the data is there. */
export function SectionState({ what, loading, error, hasData, onRetry, children }: SectionStateProps) {
  if (hasData) return <>{children}</>;
  if (error) {
    return (
      <ErrorState
        compact
        title={`Could not load ${what}`}
        message={describeError(error).message}
        onRetry={onRetry}
      />
    );
  }
  if (loading) return <LoadingState compact label={`Loading ${what}…`} />;
  return <>{children}</>;
}
