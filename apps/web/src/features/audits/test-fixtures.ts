/** A member-run audit of two steps, one recorded, as the Audit query answers it. */
export const TP1 = '0b6f3c1e-1c1a-4c1e-9a43-000000000001';
export const TP2 = '0b6f3c1e-1c1a-4c1e-9a43-000000000002';
export const AUDIT_ID = '0b6f3c1e-1c1a-4c1e-9a43-0000000000aa';

export const observation = {
  __typename: 'Observation',
  id: 'obs-1',
  touchpoint: { __typename: 'Touchpoint', id: TP1, name: 'Phone line' },
  expected: 'A quick answer',
  experienced: 'Waited five minutes on hold',
  surprise: 'LETDOWN',
  friction: 2,
  accuracy: 4,
  availability: 2,
  partnership: 3,
  advice: 5,
  wouldReturn: false,
  notes: 'Hold music was loud',
};

export function auditData(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Audit',
    id: AUDIT_ID,
    title: 'Book a repair',
    scenario: 'Book a repair by phone, then pick it up in store',
    status: 'IN_PROGRESS',
    auditorName: 'Ada Lovelace',
    external: false,
    createdAt: '2025-11-20T10:00:00.000Z',
    submittedAt: null,
    steps: [
      {
        __typename: 'Touchpoint',
        id: TP1,
        name: 'Phone line',
        channel: 'PHONE',
        stage: 'BUY',
        momentOfTruth: true,
      },
      {
        __typename: 'Touchpoint',
        id: TP2,
        name: 'Counter',
        channel: 'STORE',
        stage: 'SUPPORT',
        momentOfTruth: false,
      },
    ],
    observations: [observation],
    scenarioConsistency: [
      {
        __typename: 'StepConsistency',
        touchpoint: { __typename: 'Touchpoint', id: TP1, name: 'Phone line' },
        audits: 3,
        consistency: 0.8,
      },
      {
        __typename: 'StepConsistency',
        touchpoint: { __typename: 'Touchpoint', id: TP2, name: 'Counter' },
        audits: 1,
        consistency: null,
      },
    ],
    ...overrides,
  };
}
