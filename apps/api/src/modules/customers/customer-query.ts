import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { rawHydrator } from '../../database/raw-hydration';
import { MemberEntity } from '../members/member.entity';
import type { MemberModel } from '../members/member.model';
import { CustomerEntity } from './customer.entity';
import type { CustomerModel } from './customer.model';

const OWNER_JOIN = 'o.workspace_id = c.workspace_id and o.id = c.owner_id';

/**
 * Customers as GraphQL shows them, as `c`, every column read, with the owner joined in the same
 * statement so that `owner` (like `cadenceDays`, a virtual column) is a plain property of every row.
 * A list reads only what it shows instead (`selectShown`).
 */
export const customerQuery = (em: EntityManager) =>
  em
    .createQueryBuilder(CustomerEntity, 'c')
    .leftJoinAndMapOne('c.ownerMember', MemberEntity, 'o', OWNER_JOIN);

/** The GraphQL fields a list shows of each customer, and of each customer's owner. */
export interface ShownFields {
  customer: ReadonlySet<string>;
  owner: ReadonlySet<string>;
}

/**
 * The properties each GraphQL field of a customer is resolved from, beside its key (always read;
 * fields of other resolvers, such as the timeline, need only the key). Typed by the model, so that a
 * new field cannot be forgotten here.
 */
const CUSTOMER_COLUMNS: { [F in keyof CustomerModel]: readonly (keyof CustomerEntity)[] } = {
  id: [],
  name: ['name'],
  company: ['company'],
  email: ['email'],
  phone: ['phone'],
  tags: ['tags'],
  notes: ['notes'],
  profileFacts: ['profileFacts'],
  owner: ['ownerId'],
  cadenceDays: ['cadenceDays'],
  ownCadenceDays: ['ownCadenceDays'],
  status: ['status'],
  createdAt: ['createdAt'],
  lastRelationshipContactAt: ['lastRelationshipContactAt'],
  nextCheckInDueAt: ['nextCheckInDueAt'],
  checkInOverdue: ['nextCheckInDueAt'],
  health: ['healthScore', 'healthBand'],
  version: ['version'],
};

/** As CUSTOMER_COLUMNS, for a member (the workspace is loaded by the member's key). */
const MEMBER_COLUMNS: { [F in keyof MemberModel]: readonly (keyof MemberEntity)[] } = {
  id: [],
  name: ['name'],
  email: ['email'],
  role: ['role'],
  workspace: [],
  removedAt: ['removedAt'],
};

/** `alias`'s key and the columns `fields` are resolved from, by `columns`. */
function columnsShowing(
  alias: string,
  columns: Record<string, readonly string[]>,
  fields: ReadonlySet<string>,
) {
  const properties = new Set(['workspaceId', 'id']);
  for (const field of fields) for (const property of columns[field] ?? []) properties.add(property);
  return [...properties].map((property) => `${alias}.${property}`);
}

/**
 * Selects, of customers (`c`) and their owners, the columns of the fields a list shows, and joins the
 * owners only when shown: a page reads and parses what it shows (pg's parsing of unshown columns cost
 * a fifth of a customers page's CPU).
 */
export function selectShown(
  query: SelectQueryBuilder<CustomerEntity>,
  shown: ShownFields,
): SelectQueryBuilder<CustomerEntity> {
  query.select(columnsShowing('c', CUSTOMER_COLUMNS, shown.customer));
  if (!shown.customer.has('owner')) return query;
  return query
    .leftJoin(MemberEntity, 'o', OWNER_JOIN)
    .addSelect(columnsShowing('o', MEMBER_COLUMNS, shown.owner));
}

/** Customers (with their owners, when joined) from the raw rows of a customers statement, in order. */
export function hydrateCustomers(connection: DataSource, raw: Record<string, unknown>[]): CustomerEntity[] {
  const customerOf = rawHydrator(connection, CustomerEntity, 'c');
  const ownerOf = rawHydrator(connection, MemberEntity, 'o');
  return raw.map((row) => {
    const customer = customerOf(row) as CustomerEntity;
    customer.ownerMember = ownerOf(row);
    return customer;
  });
}

/** The customers (with their owners) of a `customerQuery`, in its order. */
export async function readCustomers(query: SelectQueryBuilder<CustomerEntity>): Promise<CustomerEntity[]> {
  return hydrateCustomers(query.connection, await query.getRawMany());
}

/**
 * `findCustomer`'s statement with `$1` the workspace and `$2` the customer, built once with its health
 * document and once without: TypeORM's builder took about 6 % of the API's CPU per `logInteraction`,
 * which answers its customer with it (docs/performance.md).
 */
const findStatements = new Map<boolean, string>();

function findStatement(em: EntityManager, healthDocument: boolean): string {
  let statement = findStatements.get(healthDocument);
  if (!statement) {
    const query = customerQuery(em).where('c.workspace_id = $1 and c.id = $2');
    if (healthDocument) query.addSelect('c.healthDocument');
    statement = query.getQuery();
    findStatements.set(healthDocument, statement);
  }
  return statement;
}

/** One customer of the workspace as GraphQL shows it (with its whole health document if asked), or null. */
export async function findCustomer(
  em: EntityManager,
  workspaceId: string,
  id: string,
  { healthDocument = false } = {},
): Promise<CustomerEntity | null> {
  const raw = await em.query(findStatement(em, healthDocument), [workspaceId, id]);
  return hydrateCustomers(em.connection, raw)[0] ?? null;
}
