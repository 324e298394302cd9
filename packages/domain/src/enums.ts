/** Enums of the public GraphQL contract, as plain `as const` tuples so both API and web share them. */

export const ROLES = ['OWNER', 'STAFF'] as const;
export type Role = (typeof ROLES)[number];

export const CUSTOMER_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CHANNELS = [
  'WEB',
  'PHONE',
  'EMAIL',
  'STORE',
  'OFFICE',
  'SOCIAL',
  'MAIL',
  'EVENT',
  'OTHER',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const JOURNEY_STAGES = ['DISCOVER', 'BUY', 'ONBOARD', 'USE', 'SUPPORT', 'BILLING', 'RETURN'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const INTERACTION_PURPOSES = ['SALES', 'SERVICE', 'SUPPORT', 'RELATIONSHIP'] as const;
export type InteractionPurpose = (typeof INTERACTION_PURPOSES)[number];

export const HEALTH_BANDS = ['HEALTHY', 'WATCH', 'AT_RISK'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export const AUDIT_STATUSES = ['DRAFT', 'IN_PROGRESS', 'SUBMITTED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export const SURPRISES = ['NONE', 'DELIGHT', 'LETDOWN'] as const;
export type Surprise = (typeof SURPRISES)[number];

export const FRICTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED'] as const;
export type FrictionStatus = (typeof FRICTION_STATUSES)[number];

export const SURVEY_TYPES = ['NPS', 'CSAT', 'CES'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

export const FEEDBACK_REQUEST_STATUSES = ['PENDING', 'ANSWERED', 'EXPIRED'] as const;
export type FeedbackRequestStatus = (typeof FEEDBACK_REQUEST_STATUSES)[number];

export const CUSTOMER_ORDERS = [
  'NAME',
  'HEALTH_ASC',
  'HEALTH_DESC',
  'NEXT_CHECK_IN_DUE',
  'CREATED_AT',
] as const;
export type CustomerOrder = (typeof CUSTOMER_ORDERS)[number];

/** Every error code the API answers with (`extensions.code`). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
