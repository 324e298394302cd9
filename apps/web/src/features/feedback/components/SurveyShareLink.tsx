import { Button, CopyField } from '@rapport/ui';
import { useRef } from 'react';
import { useQrCode } from '~/app/use-qr-code';

export interface SurveyShareLinkProps {
  surveyName: string;
  question: string;
  url: string;
}

/**
 * Prints `card` alone: a copy goes into a container at the top of the body, and the print rules in
 * feedback.css hide everything else (display: none, so no blank pages follow).
 */
export function printOnly(card: HTMLElement) {
  const root = document.documentElement;
  const container = document.createElement('div');
  container.className = 'fb-print-root';
  container.appendChild(card.cloneNode(true));
  document.body.appendChild(container);
  root.classList.add('fb-printing');
  const cleanUp = () => {
    window.removeEventListener('afterprint', cleanUp);
    root.classList.remove('fb-printing');
    container.remove();
  };
  window.addEventListener('afterprint', cleanUp);
  try {
    window.print();
  } catch {
    cleanUp();
  }
}

/** An anonymous survey's shared link: copy it, or print its QR code for the counter or a receipt. */
export function SurveyShareLink({ surveyName, question, url }: SurveyShareLinkProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const { qr, failed: qrFailed } = useQrCode(url, 480);

  return (
    <div className="fb-share" ref={cardRef}>
      <div className="fb-share__link">
        <CopyField
          label={`Shared link of ${surveyName}`}
          value={url}
          hint="Anyone with this link (or the QR code) can answer, as often as they visit."
        />
      </div>
      <div className="fb-share__print">
        <p className="fb-share__question">{question}</p>
        <div className="fb-share__qr">
          {qr ? (
            <img
              src={qr}
              width={200}
              height={200}
              alt={`QR code of the ${surveyName} survey: scan it with a phone's camera to answer`}
            />
          ) : qrFailed ? (
            <p className="muted">The QR code could not be drawn; copy the link instead.</p>
          ) : (
            <p className="muted">Drawing the QR code…</p>
          )}
        </div>
        <p className="fb-share__hint">
          Scan with your phone's camera: it takes ten seconds, and it is anonymous.
        </p>
        <p className="fb-share__url">{url}</p>
      </div>
      <div className="fb-share__actions">
        <Button
          variant="secondary"
          size="sm"
          disabled={!qr}
          onClick={() => cardRef.current && printOnly(cardRef.current)}
        >
          Print QR code
        </Button>
      </div>
    </div>
  );
}
