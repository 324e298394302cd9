import {
  AUDIT_STATUSES,
  type AuditStatus,
  CHANNELS,
  type Channel,
  CUSTOMER_ORDERS,
  CUSTOMER_STATUSES,
  type CustomerOrder,
  type CustomerStatus,
  DIRECTIONS,
  type Direction,
  ERROR_CODES,
  type ErrorCode,
  FEEDBACK_REQUEST_STATUSES,
  type FeedbackRequestStatus,
  FRICTION_STATUSES,
  type FrictionStatus,
  HEALTH_BANDS,
  type HealthBand,
  INTERACTION_PURPOSES,
  type InteractionPurpose,
  JOURNEY_STAGES,
  type JourneyStage,
  ROLES,
  type Role,
  SURPRISES,
  SURVEY_TYPES,
  type Surprise,
  type SurveyType,
} from './enums';

/**
 * Each domain tuple beside its enum in the public contract (shared/contract.graphql), values copied from
 * there: the contract lives outside this repository, so the test carries its own copy.
 */
const CONTRACT_ENUMS: [name: string, tuple: readonly string[], expected: string[]][] = [
  ['Role', ROLES, ['OWNER', 'STAFF']],
  ['CustomerStatus', CUSTOMER_STATUSES, ['ACTIVE', 'ARCHIVED']],
  ['Channel', CHANNELS, ['WEB', 'PHONE', 'EMAIL', 'STORE', 'OFFICE', 'SOCIAL', 'MAIL', 'EVENT', 'OTHER']],
  ['JourneyStage', JOURNEY_STAGES, ['DISCOVER', 'BUY', 'ONBOARD', 'USE', 'SUPPORT', 'BILLING', 'RETURN']],
  ['Direction', DIRECTIONS, ['INBOUND', 'OUTBOUND']],
  ['InteractionPurpose', INTERACTION_PURPOSES, ['SALES', 'SERVICE', 'SUPPORT', 'RELATIONSHIP']],
  ['HealthBand', HEALTH_BANDS, ['HEALTHY', 'WATCH', 'AT_RISK']],
  ['AuditStatus', AUDIT_STATUSES, ['DRAFT', 'IN_PROGRESS', 'SUBMITTED']],
  ['Surprise', SURPRISES, ['NONE', 'DELIGHT', 'LETDOWN']],
  ['FrictionStatus', FRICTION_STATUSES, ['OPEN', 'IN_PROGRESS', 'RESOLVED']],
  ['SurveyType', SURVEY_TYPES, ['NPS', 'CSAT', 'CES']],
  ['FeedbackRequestStatus', FEEDBACK_REQUEST_STATUSES, ['PENDING', 'ANSWERED', 'EXPIRED']],
  [
    'CustomerOrder',
    CUSTOMER_ORDERS,
    ['NAME', 'HEALTH_ASC', 'HEALTH_DESC', 'NEXT_CHECK_IN_DUE', 'CREATED_AT'],
  ],
];

describe('enums', () => {
  it.each(CONTRACT_ENUMS)('%s lists the contract values in the contract order', (_, tuple, expected) => {
    expect(tuple).toEqual(expected);
  });

  it('ERROR_CODES lists the extensions.code values the contract names', () => {
    expect(ERROR_CODES).toEqual([
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'BAD_USER_INPUT',
      'CONFLICT',
      'RATE_LIMITED',
      'INTERNAL_SERVER_ERROR',
    ]);
  });
});

/** `true` for a union of literals; `never` once a tuple loses its `as const` and its type widens to `string`. */
type Literal<T extends string> = string extends T ? never : true;

describe('enum types', () => {
  it('are unions of literals (checked by tsc --noEmit)', () => {
    const literal: Literal<
      | Role
      | CustomerStatus
      | Channel
      | JourneyStage
      | Direction
      | InteractionPurpose
      | HealthBand
      | AuditStatus
      | Surprise
      | FrictionStatus
      | SurveyType
      | FeedbackRequestStatus
      | CustomerOrder
      | ErrorCode
    > = true;
    expect(literal).toBe(true);
  });
});
