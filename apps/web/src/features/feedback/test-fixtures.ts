/** Mocked API answers for the Feedback page's tests (not a test file itself). */
import type { MockLink } from '@apollo/client/testing';
import type { FeedbackRequestStatus, JourneyStage, SurveyType } from '~/gql/graphql';
import { graphqlError } from '~/test/render';
import { lastMonths, monthVariables, type Summary } from './feedback-format';
import {
  BlindSpotsDocument,
  FeedbackRequestsDocument,
  FeedbackResponsesDocument,
  FeedbackScoresOverTimeDocument,
  FeedbackSurveysDocument,
  FeedbackTouchpointsDocument,
  TouchpointFeedbackSummaryDocument,
} from './graphql/feedback.graphql';

export { mockResizeObserver } from '~/features/dashboard/test-fixtures';

type Mock = MockLink.MockedResponse;

/** The page's fixed "now": the six months are Jun–Nov 2025. */
export const NOW = new Date('2025-11-20T10:00:00Z');
export const MONTHS = lastMonths(NOW);

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ids = {
  counter: uuid(1),
  delivery: uuid(2),
  phone: uuid(3),
  npsSurvey: uuid(11),
  counterSurvey: uuid(12),
  grace: uuid(21),
  alan: uuid(22),
};

export const touchpoints = [
  { __typename: 'Touchpoint' as const, id: ids.counter, name: 'Shop counter' },
  { __typename: 'Touchpoint' as const, id: ids.delivery, name: 'Delivery' },
];

export function survey(
  n: number,
  over: Partial<{
    name: string;
    type: SurveyType;
    question: string;
    anonymous: boolean;
    touchpointId: string | null;
  }> = {},
) {
  const anonymous = over.anonymous ?? false;
  const tp = touchpoints.find((t) => t.id === over.touchpointId) ?? null;
  return {
    __typename: 'Survey' as const,
    id: uuid(10 + n),
    name: over.name ?? `Survey ${n}`,
    type: over.type ?? ('NPS' as SurveyType),
    question: over.question ?? 'How likely are you to recommend us?',
    anonymous,
    publicUrl: anonymous ? `https://rapport.test/f/shared-${n}` : null,
    createdAt: '2025-10-01T09:00:00.000Z',
    touchpoint: tp,
  };
}

export const SURVEYS = [
  survey(1, { name: 'After-visit NPS' }),
  survey(2, {
    name: 'Counter CSAT',
    type: 'CSAT',
    question: 'How was your visit today?',
    anonymous: true,
    touchpointId: ids.counter,
  }),
];

export function surveysMock(surveys = SURVEYS): Mock {
  return {
    request: { query: FeedbackSurveysDocument },
    result: { data: { surveys, touchpoints } },
  };
}

const summary = (s: Summary) => ({
  __typename: 'FeedbackSummary' as const,
  responses: s.responses,
  nps: s.nps ?? null,
  csat: s.csat ?? null,
  ces: s.ces ?? null,
});

/** Six monthly summaries, oldest first. */
export function scoresMock(months: Summary[]): Mock {
  const data: Record<string, ReturnType<typeof summary>> = {};
  months.forEach((m, i) => {
    data[`m${i}`] = summary(m);
  });
  return {
    request: { query: FeedbackScoresOverTimeDocument, variables: monthVariables(MONTHS) },
    result: { data },
  };
}

export const touchpointsMock: Mock = {
  request: { query: FeedbackTouchpointsDocument },
  result: { data: { touchpoints } },
};

export function touchpointSummaryMock(touchpointId: string, s: Summary): Mock {
  return {
    request: {
      query: TouchpointFeedbackSummaryDocument,
      variables: { touchpointId, from: MONTHS[0]?.from, to: MONTHS[5]?.to },
    },
    result: { data: { feedbackSummary: summary(s) } },
  };
}

export function request(
  n: number,
  status: FeedbackRequestStatus,
  customer: { id: string; name: string },
  response: { score: number; comment: string | null } | null = null,
) {
  return {
    __typename: 'FeedbackRequest' as const,
    id: uuid(100 + n),
    status,
    createdAt: '2025-11-01T09:00:00.000Z',
    expiresAt: '2025-11-15T09:00:00.000Z',
    survey: { __typename: 'Survey' as const, id: SURVEYS[0]?.id ?? '', name: 'After-visit NPS' },
    customer: { __typename: 'Customer' as const, ...customer },
    response: response
      ? {
          __typename: 'FeedbackResponse' as const,
          id: uuid(200 + n),
          respondedAt: '2025-11-03T12:00:00.000Z',
          ...response,
        }
      : null,
  };
}

export const REQUESTS = [
  request(1, 'PENDING', { id: ids.grace, name: 'Grace Hopper' }),
  request(2, 'ANSWERED', { id: ids.alan, name: 'Alan Turing' }, { score: 3, comment: 'The bread was stale' }),
  request(3, 'EXPIRED', { id: ids.grace, name: 'Grace Hopper' }),
];

export function requestsMock(requests = REQUESTS): Mock {
  return { request: { query: FeedbackRequestsDocument }, result: { data: { feedbackRequests: requests } } };
}

export function response(
  n: number,
  s: ReturnType<typeof survey>,
  over: { score: number; comment: string | null; customer?: { id: string; name: string } | null },
) {
  return {
    __typename: 'FeedbackResponse' as const,
    id: uuid(300 + n),
    score: over.score,
    comment: over.comment,
    respondedAt: '2025-11-10T12:00:00.000Z',
    survey: { __typename: 'Survey' as const, id: s.id, name: s.name, type: s.type, anonymous: s.anonymous },
    customer: over.customer ? { __typename: 'Customer' as const, ...over.customer } : null,
  };
}

export function responsesMock(responses: ReturnType<typeof response>[]): Mock {
  return {
    request: { query: FeedbackResponsesDocument },
    result: { data: { feedbackResponses: responses } },
  };
}

export function blindSpot(
  id: string,
  name: string,
  over: { audits?: number; answers?: number; auditScore: number | null; customerScore: number | null },
  stage: JourneyStage = 'BUY',
) {
  const { auditScore, customerScore } = over;
  return {
    __typename: 'BlindSpot' as const,
    touchpoint: { __typename: 'Touchpoint' as const, id, name, stage },
    audits: over.audits ?? (auditScore == null ? 0 : 4),
    answers: over.answers ?? (customerScore == null ? 0 : 12),
    auditScore,
    customerScore,
    gap: auditScore == null || customerScore == null ? null : customerScore - auditScore,
  };
}

export function blindSpotsMock(spots: ReturnType<typeof blindSpot>[]): Mock {
  return { request: { query: BlindSpotsDocument }, result: { data: { blindSpots: spots } } };
}

export function errorMock(query: Mock['request']['query'], variables?: Record<string, unknown>): Mock {
  return {
    request: { query, ...(variables ? { variables } : {}) },
    result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'boom')] },
  };
}
