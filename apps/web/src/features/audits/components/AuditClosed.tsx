import type { ReactNode } from 'react';

/** What an auditor sees once the audit is submitted: that it is closed, and thanks. */
export function AuditClosed({ businessName, children }: { businessName?: string; children?: ReactNode }) {
  return (
    <section className="audit-closed" aria-labelledby="audit-closed-heading">
      <span className="audit-closed__icon" aria-hidden="true">
        ✓
      </span>
      <h2 id="audit-closed-heading" className="audit-closed__title">
        This audit is closed
      </h2>
      <p>
        Thank you for your time{businessName ? `: ${businessName} will read every step you recorded` : ''}.
        Nothing more can be added to it.
      </p>
      {children}
    </section>
  );
}
