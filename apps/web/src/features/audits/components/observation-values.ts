import { AUDIT_FACTORS, type AuditFactor, type ObservationInput, type Surprise } from '@rapport/domain';

/** What the step form holds: nothing chosen yet is null. */
export interface ObservationValues {
  expected: string;
  experienced: string;
  surprise: Surprise | null;
  friction: number | null;
  ratings: Record<AuditFactor, number | null>;
  wouldReturn: boolean | null;
  notes: string;
}

export const emptyObservation = (): ObservationValues => ({
  expected: '',
  experienced: '',
  surprise: null,
  friction: null,
  ratings: { accuracy: null, availability: null, partnership: null, advice: null },
  wouldReturn: null,
  notes: '',
});

/** A recorded observation, back into the form. */
export function observationToValues(
  o: Omit<ObservationInput, 'touchpointId' | 'expected' | 'notes'> & {
    expected?: string | null;
    notes?: string | null;
  },
): ObservationValues {
  return {
    expected: o.expected ?? '',
    experienced: o.experienced,
    surprise: o.surprise,
    friction: o.friction,
    ratings: Object.fromEntries(AUDIT_FACTORS.map((f) => [f, o[f]])) as Record<AuditFactor, number>,
    wouldReturn: o.wouldReturn,
    notes: o.notes ?? '',
  };
}

/** The form as the API's input; unchosen values stay null so validation names them. */
export function valuesToInput(touchpointId: string, v: ObservationValues) {
  return {
    touchpointId,
    expected: v.expected,
    experienced: v.experienced,
    surprise: v.surprise,
    friction: v.friction,
    ...v.ratings,
    wouldReturn: v.wouldReturn,
    notes: v.notes,
  };
}

/** Friendlier messages than the schema's for choices left empty. */
export const CHOOSE_MESSAGES: Record<string, string> = {
  surprise: 'Choose None, Delight or Letdown',
  friction: 'Choose how much friction you met',
  accuracy: 'Rate from 1 to 5',
  availability: 'Rate from 1 to 5',
  partnership: 'Rate from 1 to 5',
  advice: 'Rate from 1 to 5',
  wouldReturn: 'Choose yes or no',
};
