import { INTERACTION_PURPOSES, type InteractionPurpose } from '../enums';
import type { FactsAt, HealthInteractionFact } from './facts';
import type { HealthModel } from './model';
import type { FactorReading } from './reading';
import { orList, plural } from './text';

const isRelationship = (i: HealthInteractionFact) => i.purpose === 'RELATIONSHIP';

/** How a contact reads in a sentence: a relationship contact is the "non-sales" kind. */
function purposeWord(purpose: InteractionPurpose): string {
  return purpose === 'RELATIONSHIP' ? 'non-sales' : purpose.toLowerCase();
}

/**
 * The share of relationship contacts among the latest few: reaching the target share (half) is
 * enough for full marks, because the business also has to sell and serve.
 */
export function readBalance(facts: FactsAt, model: HealthModel): FactorReading {
  const recent = facts.interactions.slice(0, model.balance.lastInteractions);
  const [newest] = recent;
  if (newest === undefined) {
    return {
      key: 'balance',
      value: model.noDataFactor,
      explanation: 'No contacts logged yet',
      action: 'Check in: no contacts logged yet',
    };
  }

  const relationship = recent.filter(isRelationship).length;
  const value = Math.min(1, relationship / recent.length / model.balance.targetShare);
  const explanation =
    recent.length === 1
      ? `The only contact so far was ${purposeWord(newest.purpose)}`
      : `${relationship} of the last ${recent.length} contacts ${relationship === 1 ? 'was' : 'were'} non-sales`;
  return {
    key: 'balance',
    value,
    explanation,
    action: balanceAction(facts.interactions, relationship, recent.length),
  };
}

/**
 * Names the run of non-relationship contacts since the last check-in, which is what the owner can
 * see on the timeline; without such a run (the latest contact was a check-in) it asks for more of them.
 */
function balanceAction(
  newestFirst: readonly HealthInteractionFact[],
  relationship: number,
  considered: number,
): string {
  const firstRelationship = newestFirst.findIndex(isRelationship);
  const run = newestFirst.slice(0, firstRelationship === -1 ? newestFirst.length : firstRelationship);
  if (run.length === 0) {
    return `Plan more non-sales contacts: ${relationship} of the last ${considered} ${relationship === 1 ? 'was' : 'were'}`;
  }
  const purposes = orList(
    INTERACTION_PURPOSES.filter((p) => run.some((i) => i.purpose === p)).map(purposeWord),
  );
  return run.length === 1
    ? `Check in: the last contact was ${purposes}`
    : `Check in: last ${plural(run.length, 'contact')} were ${purposes}`;
}
