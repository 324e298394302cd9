import { z } from 'zod';
import { CHANNELS, JOURNEY_STAGES, type JourneyStage } from './enums';
import { optionalText, requiredText } from './validation';

export const touchpointSchema = z.object({
  name: requiredText(120),
  channel: z.enum(CHANNELS),
  stage: z.enum(JOURNEY_STAGES),
  description: optionalText(2_000),
  momentOfTruth: z
    .boolean()
    .nullish()
    .transform((b) => b ?? false),
});
export type TouchpointInput = z.output<typeof touchpointSchema>;

/** Journey stages in the order a customer lives them, for grouping the catalogue. */
export function groupByStage<T extends { stage: JourneyStage }>(
  touchpoints: readonly T[],
): { stage: JourneyStage; touchpoints: T[] }[] {
  return JOURNEY_STAGES.map((stage) => ({
    stage,
    touchpoints: touchpoints.filter((t) => t.stage === stage),
  })).filter((group) => group.touchpoints.length > 0);
}
