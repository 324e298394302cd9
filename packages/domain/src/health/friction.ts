import type { HealthModel } from './model';
import { minus, plural } from './text';

export function frictionPenalty(openFrictionPoints: number, model: HealthModel): number {
  return Math.min(model.maxFrictionPenalty, model.frictionPenaltyPerPoint * openFrictionPoints);
}

export function frictionExplanation(openFrictionPoints: number, model: HealthModel): string {
  if (openFrictionPoints === 0) return 'No open friction points';
  const penalty = frictionPenalty(openFrictionPoints, model);
  const capped = penalty < model.frictionPenaltyPerPoint * openFrictionPoints;
  return `${plural(openFrictionPoints, 'open friction point')} (${minus(penalty)}${capped ? ', capped' : ''})`;
}

export function frictionAction(openFrictionPoints: number): string {
  return openFrictionPoints === 1
    ? 'Resolve the open friction point'
    : `Resolve ${openFrictionPoints} open friction points`;
}
