import { ANONYMITY_THRESHOLD } from '@rapport/domain';

/** The anonymity guard, explained where its effect shows. */
export function GuardNote() {
  return (
    <p className="fb-guard-note">
      <span className="fb-guard-note__icon" aria-hidden="true">
        🔒
      </span>
      <span>
        <strong>Anonymity guard:</strong> wherever a group of answers (a month, a touchpoint, a survey) holds
        anonymous answers but fewer than {ANONYMITY_THRESHOLD} of them, we show how many answers there are but
        not the score, and anonymous comments appear only once a survey has {ANONYMITY_THRESHOLD} answers. In
        a small customer base a score over three answers could tell you who said what.
      </span>
    </p>
  );
}
