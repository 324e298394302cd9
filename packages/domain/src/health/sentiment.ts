import type { FactsAt } from './facts';
import type { HealthModel } from './model';
import type { FactorReading } from './reading';
import { signed } from './text';
import { clamp, daysBetween } from './time';

const SENTIMENT_MIN = -2;
const SENTIMENT_MAX = 2;

/** Mean sentiment of recent contacts, each counting half as much per half-life of age. */
export function readSentiment(facts: FactsAt, model: HealthModel): FactorReading {
  const { windowDays, halfLifeDays } = model.sentiment;
  let weightSum = 0;
  let weightedSum = 0;
  for (const interaction of facts.interactions) {
    const ageDays = daysBetween(interaction.occurredAt, facts.at);
    if (ageDays > windowDays) continue;
    const weight = 0.5 ** (ageDays / halfLifeDays);
    weightSum += weight;
    weightedSum += weight * interaction.sentiment;
  }

  if (weightSum === 0) {
    return {
      key: 'sentiment',
      value: model.noDataFactor,
      explanation: `No contacts in the last ${windowDays} days to gauge sentiment`,
      action: `Reach out: no contacts in the last ${windowDays} days`,
    };
  }

  const mean = weightedSum / weightSum;
  const value = clamp((mean - SENTIMENT_MIN) / (SENTIMENT_MAX - SENTIMENT_MIN), 0, 1);
  const mood = mean >= 0.5 ? 'positive' : mean <= -0.5 ? 'negative' : 'neutral';
  return {
    key: 'sentiment',
    value,
    explanation: `Recent contacts felt ${mood} (average ${signed(mean)} over ${windowDays} days)`,
    action:
      mood === 'negative'
        ? `Repair the relationship: recent contacts felt negative (average ${signed(mean)})`
        : `Make the next contact a good one: recent contacts averaged ${signed(mean)}`,
  };
}
