import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { rawHydrator } from '../../database/raw-hydration';
import { MemberEntity } from '../members/member.entity';
import { CustomerEntity } from './customer.entity';

/**
 * Joins a customer query's owner (`c`) in the same statement, so that `owner` (like `cadenceDays`, a
 * virtual column) is a plain property of every row of a list. Every customer GraphQL shows is read so.
 */
export const withOwner = (query: SelectQueryBuilder<CustomerEntity>): SelectQueryBuilder<CustomerEntity> =>
  query.leftJoinAndMapOne(
    'c.ownerMember',
    MemberEntity,
    'o',
    'o.workspace_id = c.workspace_id and o.id = c.owner_id',
  );

/** Customers as GraphQL shows them, as `c`. */
export const customerQuery = (em: EntityManager) => withOwner(em.createQueryBuilder(CustomerEntity, 'c'));

/**
 * The customers (with their owners) of a `customerQuery`, in its order, and the raw rows they were built
 * from (one per customer: the owner join is to-one), for columns selected beside the entity.
 */
export async function readCustomers<Raw extends object = object>(
  query: SelectQueryBuilder<CustomerEntity>,
): Promise<{ customers: CustomerEntity[]; raw: (Raw & Record<string, unknown>)[] }> {
  const customerOf = rawHydrator(query.connection, CustomerEntity, 'c');
  const ownerOf = rawHydrator(query.connection, MemberEntity, 'o');
  const raw: (Raw & Record<string, unknown>)[] = await query.getRawMany();
  const customers = raw.map((row) => {
    const customer = customerOf(row) as CustomerEntity;
    customer.ownerMember = ownerOf(row);
    return customer;
  });
  return { customers, raw };
}

/** One customer of the workspace as GraphQL shows it (with its whole health document if asked), or null. */
export async function findCustomer(
  em: EntityManager,
  workspaceId: string,
  id: string,
  { healthDocument = false } = {},
): Promise<CustomerEntity | null> {
  const query = customerQuery(em).where('c.workspace_id = :workspaceId and c.id = :id', { workspaceId, id });
  if (healthDocument) query.addSelect('c.healthDocument');
  return (await readCustomers(query)).customers[0] ?? null;
}
