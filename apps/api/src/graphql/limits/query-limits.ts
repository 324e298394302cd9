import { MAX_PAGE_SIZE } from '@rapport/domain';
import type { ValidationRule } from 'graphql';
import { type CostWeights, costLimit } from './cost-limit';
import { depthLimit } from './depth-limit';
import { pageSizeLimit } from './page-size-limit';

/** The web's deepest documents nest 6 fields; 10 leaves room yet stops the schema's cycles (customer › checkIns › customer …). */
export const MAX_QUERY_DEPTH = 10;

/** The connections' own maximum (the domain's page schemas), refused before execution when literal. */
export { MAX_PAGE_SIZE };

/** See CostWeights. Writes weigh the most: aliasing one mutation a hundred times already fills the budget. */
export const COST_WEIGHTS: CostWeights = {
  field: 1,
  query: 10,
  mutation: 100,
  unpagedListSize: 10,
  maxPageSize: MAX_PAGE_SIZE,
};

/** About twice the web's costliest document at full pages (a customer's timeline of 100 entries, ~4,400). */
export const MAX_QUERY_COST = 10_000;

/** The validation rules that refuse abusive documents before anything runs. */
export const queryLimitRules: ValidationRule[] = [
  depthLimit(MAX_QUERY_DEPTH),
  pageSizeLimit(MAX_PAGE_SIZE),
  costLimit(MAX_QUERY_COST, COST_WEIGHTS),
];
