import { Alert, buttonClassName, CopyField } from '@rapport/ui';
import { Link } from 'react-router';
import { useQrCode } from '~/app/use-qr-code';

export interface AuditLinkProps {
  auditId: string;
  url: string;
  /** Shown above the link. */
  intro?: string;
}

/** An outsider's audit link, shown once: copy it, or let them scan the QR code. */
export function AuditLink({ auditId, url, intro }: AuditLinkProps) {
  const { qr, failed: qrFailed } = useQrCode(url, 240);

  return (
    <div className="audit-link">
      <Alert tone="info">
        {intro ?? 'Send this link to your auditor now.'} It is shown only once: we keep no copy of it. If it
        is lost, get a new link from the audit page.
      </Alert>
      <CopyField
        label="Audit link"
        value={url}
        hint="Anyone with this link can record this audit, and nothing else."
      />
      <div className="audit-link__qr">
        {qr ? (
          <img
            src={qr}
            width={240}
            height={240}
            alt="QR code of the audit link: scan it with a phone's camera to open the audit"
          />
        ) : qrFailed ? (
          <p className="muted">The QR code could not be drawn; copy the link instead.</p>
        ) : (
          <p className="muted">Drawing the QR code…</p>
        )}
      </div>
      <Link to={`/audits/${auditId}`} className={buttonClassName({ variant: 'secondary' })}>
        Open audit
      </Link>
    </div>
  );
}
