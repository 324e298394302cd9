import type { EntityManager, SelectQueryBuilder } from 'typeorm';
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

/** One customer of the workspace as GraphQL shows it, or null. */
export const findCustomer = (em: EntityManager, workspaceId: string, id: string) =>
  customerQuery(em).where('c.workspace_id = :workspaceId and c.id = :id', { workspaceId, id }).getOne();
