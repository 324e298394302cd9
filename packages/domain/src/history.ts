import { z } from 'zod';
import { MAX_PAGE_SIZE } from './customer';

/** What a recorded change did to a row. */
export const CHANGE_ACTIONS = ['CREATE', 'UPDATE', 'DELETE'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** The kinds of record whose changes are kept (an audit's steps are fixed at creation; its observations change). */
export const CHANGED_ENTITIES = [
  'CUSTOMER',
  'INTERACTION',
  'TOUCHPOINT',
  'AUDIT',
  'OBSERVATION',
  'FRICTION_POINT',
  'SURVEY',
  'MEMBER',
  'WORKSPACE',
] as const;
export type ChangedEntity = (typeof CHANGED_ENTITIES)[number];

/**
 * How a change came about: a signed-in member, one of the public links (an outside auditor, a
 * customer's feedback link, an anonymous survey: never attributed to a member, even one signed in
 * in the same browser), or the system (scheduled work, maintenance).
 */
export const CHANGE_ORIGINS = ['MEMBER', 'AUDIT_LINK', 'FEEDBACK_LINK', 'SURVEY_LINK', 'SYSTEM'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** The origins of the public links, which record no member. */
export type LinkOrigin = Exclude<ChangeOrigin, 'MEMBER' | 'SYSTEM'>;

export const HISTORY_PAGE_DEFAULT = 20;

/** Paging through history, newest first; `entity` narrows a workspace's history to one kind. */
export const historyPageSchema = z.object({
  first: z
    .number('Enter a number')
    .int('Use a whole number')
    .min(1, 'At least 1')
    .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE}`)
    .nullish()
    .transform((n) => n ?? HISTORY_PAGE_DEFAULT),
  after: z.string().max(500, 'Not a valid cursor').nullish(),
  entity: z.enum(CHANGED_ENTITIES).nullish(),
});
export type HistoryPage = z.output<typeof historyPageSchema>;
