import { type CustomerFilter, type CustomerOrder, phoneSearchDigits } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import { countFromCounts } from './customer-counts';
import { type ShownFields, selectShown } from './customer-query';

/** Each order's sort key (unique thanks to the id), all in one direction so a row comparison pages it. */
const ORDERS = {
  NAME: { columns: ['lower(c.name)', 'c.id'], direction: 'ASC' },
  CREATED_AT: { columns: ['c.created_at', 'c.id'], direction: 'DESC' },
  HEALTH_ASC: { columns: ['c.health_score', 'c.id'], direction: 'ASC' },
  HEALTH_DESC: { columns: ['c.health_score', 'c.id'], direction: 'DESC' },
  NEXT_CHECK_IN_DUE: { columns: ['c.next_check_in_due_at', 'c.id'], direction: 'ASC' },
} as const satisfies Record<CustomerOrder, unknown>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** A page of customers as asked: the validated arguments, the cursor's row and what the answer needs. */
export interface CustomerPageRequest {
  filter?: CustomerFilter | null | undefined;
  orderBy: CustomerOrder;
  first: number;
  afterId?: string | undefined;
  /** Whether the page carries the filter's total. */
  countTotal: boolean;
  /** Whether each customer's next best action is read from its health document. */
  nextBestAction: boolean;
  shown: ShownFields;
}

/**
 * Everything a page's statement depends on, its parameters' values apart: the statement is built from
 * this alone, so two requests of one shape share one statement.
 */
interface PageShape {
  orderBy: CustomerOrder;
  first: number;
  after: boolean;
  countTotal: boolean;
  nextBestAction: boolean;
  search: 'text' | 'phone' | null;
  tag: boolean;
  ownerId: boolean;
  band: boolean;
  overdue: boolean | null;
  customerFields: string[];
  ownerFields: string[];
}

function shapeOf(request: CustomerPageRequest): PageShape {
  const { filter, shown } = request;
  const search = filter?.search;
  return {
    orderBy: request.orderBy,
    first: request.first,
    after: request.afterId !== undefined,
    countTotal: request.countTotal,
    nextBestAction: request.nextBestAction,
    search: search ? (phoneSearchDigits(search) === null ? 'text' : 'phone') : null,
    tag: !!filter?.tag,
    ownerId: !!filter?.ownerId,
    band: !!filter?.band,
    overdue: filter?.checkInOverdue ?? null,
    customerFields: [...shown.customer].sort(),
    ownerFields: [...shown.owner].sort(),
  };
}

/** The `:name` parameters of a page's statement. */
export function pageParameters(workspaceId: string, request: CustomerPageRequest): Record<string, unknown> {
  const { filter, afterId } = request;
  const parameters: Record<string, unknown> = { workspaceId, status: filter?.status ?? 'ACTIVE' };
  if (filter?.search) {
    parameters.q = `%${escapeLike(filter.search)}%`;
    const digits = phoneSearchDigits(filter.search);
    if (digits !== null) parameters.digits = `%${digits}%`;
  }
  if (filter?.tag) parameters.tag = filter.tag;
  if (filter?.ownerId) parameters.ownerId = filter.ownerId;
  if (filter?.band) parameters.band = filter.band;
  if (afterId !== undefined) parameters.afterId = afterId;
  return parameters;
}

/** A page's SQL, with `:name` parameters (pageParameters). */
export interface PageStatement {
  /** The page: `first + 1` rows (one more tells that a next page exists), with `total_count` if asked. */
  page: string;
  /** The filter's total alone, for a page past the last one (no row to carry it). */
  total: string;
}

/**
 * Name, company, email or phone contain the text, case-insensitively; a search that looks like a
 * phone number also matches phones by digits alone (digits inside other words do not).
 */
function searchCondition(search: 'text' | 'phone'): string {
  const phoneDigits =
    search === 'phone' ? ` or regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like :digits` : '';
  return `(c.name ilike :q or c.company ilike :q or c.email ilike :q or c.phone ilike :q${phoneDigits})`;
}

function buildStatement(em: EntityManager, shape: PageShape): PageStatement {
  const query = em
    .createQueryBuilder(CustomerEntity, 'c')
    .where('c.workspace_id = :workspaceId')
    .andWhere('c.status = :status');
  if (shape.search) query.andWhere(searchCondition(shape.search));
  if (shape.tag) query.andWhere(':tag = any(c.tags)');
  if (shape.ownerId) query.andWhere('c.owner_id = :ownerId');
  if (shape.band) query.andWhere('c.health_band = :band');
  if (shape.overdue !== null) {
    // Overdue once the due instant has passed (the domain's isCheckInOverdue).
    query.andWhere(`c.next_check_in_due_at ${shape.overdue ? '<' : '>='} now()`);
  }
  // The total rides along with the page as an uncorrelated subquery (run once): from the customer
  // counts when they can answer the filter, else by counting the matching rows.
  const countable = !shape.search && !shape.tag && !shape.ownerId;
  const total = countable
    ? countFromCounts({
        workspace: ':workspaceId',
        status: ':status',
        band: shape.band ? ':band' : null,
        overdue: shape.overdue,
      })
    : query.clone().select('count(*)::int').getQuery();

  const { columns, direction } = ORDERS[shape.orderBy];
  if (shape.after) {
    // Keyset paging: rows strictly after the cursor's row in the chosen order.
    const anchor = columns.map((c) => c.replaceAll('c.', 'a.')).join(', ');
    query.andWhere(
      `(${columns.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (select ${anchor} from customers a where a.workspace_id = :workspaceId and a.id = :afterId)`,
    );
  }
  for (const column of columns) query.addOrderBy(column, direction);
  selectShown(query, { customer: new Set(shape.customerFields), owner: new Set(shape.ownerFields) });
  query.limit(shape.first + 1);
  if (shape.countTotal) query.addSelect(`(${total})`, 'total_count');
  if (shape.nextBestAction) query.addSelect(`c.health ->> 'nextBestAction'`, 'next_best_action');
  return { page: query.getQuery(), total };
}

/** Shapes kept: clients ask a handful (the web app's lists); a flood of odd ones only rebuilds. */
const MAX_SHAPES = 256;

/**
 * The customers page's statements, built once per shape. Building one with TypeORM's query builder
 * cost 0.15 ms of CPU and ~60 KB of garbage per page, a twentieth of the API's CPU per customers page
 * and a fifth of what it allocated (docs/performance.md).
 */
export class CustomerPageStatements {
  private readonly built = new Map<string, PageStatement>();

  statementFor(em: EntityManager, request: CustomerPageRequest): PageStatement {
    const shape = shapeOf(request);
    const key = JSON.stringify(shape);
    let statement = this.built.get(key);
    if (!statement) {
      statement = buildStatement(em, shape);
      if (this.built.size >= MAX_SHAPES) this.built.delete(this.built.keys().next().value as string);
      this.built.set(key, statement);
    }
    return statement;
  }
}
