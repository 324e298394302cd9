import type { ChangeAction, ChangedEntity, ChangeOrigin } from '@rapport/domain';
import {
  CHANNEL_LABELS,
  DIRECTION_LABELS,
  formatDateTime,
  formatSentiment,
  PURPOSE_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
} from '~/app/labels';
import type { ChangeEntryFieldsFragment } from '~/gql/graphql';

export type ChangeEntry = ChangeEntryFieldsFragment;
export type FieldChange = ChangeEntry['changes'][number];

/** The kinds of record, as a noun in a sentence ("changed the customer …") and as a filter option. */
export const ENTITY_LABELS: Record<ChangedEntity, { noun: string; plural: string }> = {
  CUSTOMER: { noun: 'customer', plural: 'Customers' },
  INTERACTION: { noun: 'interaction', plural: 'Interactions' },
  TOUCHPOINT: { noun: 'touchpoint', plural: 'Touchpoints' },
  AUDIT: { noun: 'audit', plural: 'Audits' },
  OBSERVATION: { noun: 'audit step', plural: 'Audit steps' },
  FRICTION_POINT: { noun: 'friction point', plural: 'Friction points' },
  SURVEY: { noun: 'survey', plural: 'Surveys' },
  MEMBER: { noun: 'member', plural: 'Members' },
  WORKSPACE: { noun: 'workspace settings', plural: 'Workspace settings' },
};

const VERBS: Record<ChangeAction, string> = { CREATE: 'added', UPDATE: 'changed', DELETE: 'deleted' };

/** Who, when no signed-in member made the change. */
const ORIGINS: Record<ChangeOrigin, string> = {
  MEMBER: 'A former member',
  AUDIT_LINK: 'An outside auditor (audit link)',
  FEEDBACK_LINK: 'A customer (feedback link)',
  SURVEY_LINK: 'An anonymous answer',
  SYSTEM: 'Rapport (automatic)',
};

export function whoMadeIt(entry: Pick<ChangeEntry, 'member' | 'origin'>): string {
  return entry.member?.name ?? ORIGINS[entry.origin];
}

/** "changed the customer “Ada King”", "added an audit step at “Front desk”". */
export function whatHappened(entry: Pick<ChangeEntry, 'action' | 'entity' | 'entityLabel'>): string {
  const { noun } = ENTITY_LABELS[entry.entity];
  const label = entry.entityLabel ? ` “${shorten(entry.entityLabel, 60)}”` : '';
  if (entry.entity === 'WORKSPACE') {
    return entry.action === 'CREATE' ? `created the workspace${label}` : 'changed the workspace settings';
  }
  if (entry.entity === 'OBSERVATION')
    return `${VERBS[entry.action]} an audit step${label ? ` at${label}` : ''}`;
  return `${VERBS[entry.action]} the ${noun}${label}`;
}

/** Field names that differ from the plain words of their API name. */
const FIELD_LABELS: Record<string, string> = {
  ownerId: 'Owner',
  memberId: 'Logged by',
  createdBy: 'Created by',
  customerId: 'Customer',
  touchpointId: 'Touchpoint',
  auditId: 'Audit',
  interactionId: 'From interaction',
  observationId: 'From audit step',
  feedbackResponseId: 'From feedback',
  cadenceDays: 'Check-in cadence (days)',
  defaultCadenceDays: 'Default check-in cadence (days)',
  feedbackCapDays: 'Ask for feedback at most every (days)',
  autoFeedbackSurveyId: 'Automatic feedback survey',
  autoFeedbackTrigger: 'Automatic feedback after',
  autoFeedbackTouchpointId: 'Automatic feedback touchpoint',
  profileFacts: 'Profile facts',
  momentOfTruth: 'Moment of truth',
  frictionNote: 'Friction note',
  occurredAt: 'When',
  followUpAt: 'Follow-up',
  submittedAt: 'Submitted',
  resolvedAt: 'Resolved',
  removedAt: 'Removed',
  auditorName: 'Auditor',
  wouldReturn: 'Would return',
  stage: 'Journey stage',
};

/** "followUpAt" → "Follow up at", unless it has a name of its own. */
export function fieldLabel(field: string): string {
  const named = FIELD_LABELS[field];
  if (named) return named;
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Enum values with words of their own; others read as "In progress". */
const ENUM_LABELS: Record<string, Record<string, string>> = {
  channel: CHANNEL_LABELS,
  direction: DIRECTION_LABELS,
  purpose: PURPOSE_LABELS,
  role: ROLE_LABELS,
  stage: Object.fromEntries(Object.entries(STAGE_LABELS).map(([key, { label }]) => [key, label])),
};

/** Fields holding the id of another record: shown by the name the API gives, never as an id. */
const REFERENCES = new Set([
  'ownerId',
  'memberId',
  'createdBy',
  'customerId',
  'touchpointId',
  'auditId',
  'interactionId',
  'observationId',
  'feedbackResponseId',
  'autoFeedbackSurveyId',
  'autoFeedbackTouchpointId',
]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ENUM = /^[A-Z][A-Z_]*$/;

export const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One stored value (JSON text, or null for none) as words. `label` names what a reference points to. */
export function formatValue(field: string, json: string | null, label: string | null = null): string {
  if (json === null) return '—';
  if (REFERENCES.has(field)) return label ? shorten(label, 80) : 'a record since removed';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return field === 'sentiment' ? formatSentiment(value) : String(value);
  if (typeof value === 'string') {
    const named = ENUM_LABELS[field]?.[value];
    if (named) return named;
    if (ISO_DATE.test(value)) return formatDateTime(value);
    if (ENUM.test(value)) return humanize(value);
    return value === '' ? '—' : shorten(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return shorten(
      value
        .map((item) =>
          item && typeof item === 'object' && 'label' in item && 'value' in item
            ? `${String(item.label)}: ${String(item.value)}`
            : String(item),
        )
        .join(', '),
    );
  }
  return shorten(JSON.stringify(value));
}

/** "IN_PROGRESS" → "In progress". */
function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
