import { Injectable } from '@nestjs/common';
import { type ChangedEntity, historyPageSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { decodeTimeCursor, toConnection } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { parseInput } from '../../graphql/parse-input';
import type { CustomerEntity } from '../customers/customer.entity';
import type { ChangeEntryConnection, ChangeEntryModel } from './change-entry.model';

interface ChangeRow {
  workspace_id: string;
  id: string;
  entity: string;
  entity_id: string;
  customer_id: string | null;
  action: string;
  member_id: string | null;
  origin: string;
  changed_at: Date;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** A stored value as the API gives it: JSON text, or null for none. */
const asJson = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

function toEntry(row: ChangeRow): ChangeEntryModel {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    entity: row.entity,
    entityId: row.entity_id,
    customerId: row.customer_id,
    action: row.action,
    memberId: row.member_id,
    origin: row.origin,
    changedAt: row.changed_at,
    changes: row.changes.map((change) => ({
      workspaceId: row.workspace_id,
      field: change.field,
      before: asJson(change.before),
      after: asJson(change.after),
      beforeValue: change.before,
      afterValue: change.after,
    })),
  };
}

/**
 * Reads the change history the database triggers write (see the change-history migration). One
 * indexed query per page, newest first, paged by (changed_at, id).
 */
@Injectable()
export class HistoryService {
  constructor(private readonly db: Db) {}

  /** The customer's own changes and those of the rows that belong to them (interactions, friction points). */
  forCustomer(actor: Actor, customer: CustomerEntity, args: unknown): Promise<ChangeEntryConnection> {
    const { first, after } = parseInput(historyPageSchema, args);
    return this.page(actor, { customerId: customer.id }, first, after);
  }

  /** Every change in the caller's workspace, or those of one kind of record. */
  forWorkspace(actor: Actor, args: unknown): Promise<ChangeEntryConnection> {
    const { first, after, entity } = parseInput(historyPageSchema, args);
    return this.page(actor, { entity: entity ?? null }, first, after);
  }

  private page(
    actor: Actor,
    scope: { customerId: string } | { entity: ChangedEntity | null },
    first: number,
    after: string | null | undefined,
  ): Promise<ChangeEntryConnection> {
    const anchor = after ? decodeTimeCursor(after) : null;
    if (after && !anchor) throw badUserInput({ after: 'Not a valid cursor' });
    const params: unknown[] = [actor.workspaceId];
    const where = ['workspace_id = $1'];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(condition(params.length));
    };
    if ('customerId' in scope) add((n) => `customer_id = $${n}`, scope.customerId);
    else if (scope.entity) add((n) => `entity = $${n}`, scope.entity);
    if (anchor) {
      params.push(anchor.at, anchor.id);
      where.push(`(changed_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(first + 1);
    return this.db.asMember(actor, async (em) => {
      const rows: ChangeRow[] = await em.query(
        `select workspace_id, id, entity, entity_id, customer_id, action, member_id, origin, changed_at, changes
           from change_history where ${where.join(' and ')}
          order by changed_at desc, id desc limit $${params.length}`,
        params,
      );
      const { edges, pageInfo } = toConnection(rows.map(toEntry), first, 0, (entry) => [
        entry.changedAt.toISOString(),
        entry.id,
      ]);
      return { edges, pageInfo };
    });
  }
}
