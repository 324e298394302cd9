import { Injectable } from '@nestjs/common';
import {
  type CreateCustomerInput,
  createCustomerSchema,
  customerPageSchema,
  type UpdateCustomerInput,
  updateCustomerSchema,
} from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { createOnce } from '../../database/idempotency';
import { updateVersioned } from '../../database/versioned-update';
import { type Connection, cursor, toConnection } from '../../graphql/connection';
import { badUserInput, notFound } from '../../graphql/errors';
import { definedOnly, isUuid, parseInput } from '../../graphql/parse-input';
import { isCurrentMember } from '../members/current-member';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { CustomerEntity } from './customer.entity';
import { type CustomerPageRequest, CustomerPageStatements, pageParameters } from './customer-page';
import { findCustomer, hydrateCustomers, type ShownFields } from './customer-query';

/** The customer id a page's cursor carries; BAD_USER_INPUT when it carries none. */
function cursorId(after: string): string {
  const id = cursor.decode(after)?.[0];
  if (typeof id !== 'string' || !isUuid(id)) throw badUserInput({ after: 'Invalid cursor' });
  return id;
}

@Injectable()
export class CustomersService {
  private readonly pageStatements = new CustomerPageStatements();

  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
  ) {}

  get(actor: Actor, id: string): Promise<CustomerEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    // A customer's page shows its health document whole.
    return this.db.asMember(actor, (em) => findCustomer(em, workspaceId, id, { healthDocument: true }));
  }

  /**
   * A page of customers; `countTotal: false` leaves `totalCount` unknown (NaN) and spares counting;
   * `nextBestAction` reads each one's from its health document in the same statement; only the
   * columns of the `shown` fields are read.
   */
  async list(
    actor: Actor,
    args: unknown,
    {
      countTotal = true,
      nextBestAction = false,
      shown,
    }: { countTotal?: boolean; nextBestAction?: boolean; shown: ShownFields },
  ): Promise<Connection<CustomerEntity>> {
    const { first, after, orderBy, filter } = parseInput(customerPageSchema, args);
    const afterId = after ? cursorId(after) : undefined;
    const request: CustomerPageRequest = {
      filter,
      orderBy,
      first,
      afterId,
      countTotal,
      nextBestAction,
      shown,
    };
    const { workspaceId } = actor;
    const parameters = pageParameters(workspaceId, request);

    return this.db.asMember(actor, async (em) => {
      const statement = this.pageStatements.statementFor(em, request);
      const raw: { total_count?: number; next_best_action?: string }[] = await em.query(
        ...em.connection.driver.escapeQueryWithParameters(statement.page, parameters),
      );
      const entities = hydrateCustomers(em.connection, raw);
      if (nextBestAction) {
        for (const [i, customer] of entities.entries()) customer.nextBestAction = raw[i]?.next_best_action;
      }
      if (!countTotal) return toConnection(entities, first, Number.NaN, (node) => [node.id]);
      // Past the last page there is no row to carry it: then it takes a statement of its own.
      const totalCount =
        raw[0]?.total_count ?? (afterId ? await this.countAlone(em, statement.total, parameters) : 0);
      return toConnection(entities, first, totalCount, (node) => [node.id]);
    });
  }

  async create(actor: Actor, args: unknown): Promise<CustomerEntity> {
    const { idempotencyKey, ...input } = parseInput(createCustomerSchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'createCustomer', key: idempotencyKey, args };
    return this.db.asMember(actor, async (em) => {
      const id = await createOnce(em, workspaceId, request, async (newId) => {
        await this.checkOwner(em, workspaceId, input.ownerId);
        const now = new Date();
        const customer = em.create(CustomerEntity, {
          ...this.columns(input),
          workspaceId,
          id: newId,
          status: 'ACTIVE',
          // Provisional: the refresh below sets the real due date and health in this same transaction.
          nextCheckInDueAt: now,
        });
        await em.insert(CustomerEntity, customer);
        await this.customerState.refresh(em, workspaceId, [customer.id], now);
      });
      return this.found(em, workspaceId, id);
    });
  }

  async update(actor: Actor, id: string, args: unknown): Promise<CustomerEntity> {
    const { version, ...changes } = parseInput(updateCustomerSchema, definedOnly(args as object));
    return this.change(actor, id, version, async (em) => {
      await this.checkOwner(em, actor.workspaceId, changes.ownerId);
      return this.columns(changes);
    });
  }

  archive(actor: Actor, id: string): Promise<CustomerEntity> {
    return this.change(actor, id, undefined, async () => ({ status: 'ARCHIVED' }));
  }

  /**
   * Loads the customer (NOT_FOUND when it is not in the caller's workspace), applies the changes
   * (CONFLICT when `version` is given and someone else's edit came first), returns it.
   */
  private change(
    actor: Actor,
    id: string,
    version: number | undefined,
    changesFor: (em: EntityManager) => Promise<Partial<CustomerEntity>>,
  ): Promise<CustomerEntity> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const exists = isUuid(id) && (await em.existsBy(CustomerEntity, { workspaceId, id }));
      if (!exists) throw notFound('No such customer');
      const changes = await changesFor(em);
      if (Object.keys(changes).length > 0) {
        await updateVersioned(em, CustomerEntity, { workspaceId, id }, version, changes, 'customer');
        if ('ownCadenceDays' in changes) await this.customerState.refresh(em, workspaceId, [id]);
      }
      return this.found(em, workspaceId, id);
    });
  }

  /** The total of a page past the last one, as its own statement with the page's parameters. */
  private async countAlone(em: EntityManager, total: string, parameters: Record<string, unknown>) {
    const [counted] = await em.query(
      ...em.connection.driver.escapeQueryWithParameters(`select (${total}) as count`, parameters),
    );
    return counted.count as number;
  }

  /** A customer this transaction has just written, as GraphQL shows it. */
  private async found(em: EntityManager, workspaceId: string, id: string): Promise<CustomerEntity> {
    const customer = await findCustomer(em, workspaceId, id);
    if (!customer) throw new Error(`Customer ${id} vanished within its own transaction`);
    return customer;
  }

  /** Validated input → entity columns (the input's `cadenceDays` is the customer's own cadence). */
  private columns(input: Partial<CreateCustomerInput | UpdateCustomerInput>): Partial<CustomerEntity> {
    const { cadenceDays, ...rest } = input;
    return definedOnly({ ...rest, ownCadenceDays: cadenceDays });
  }

  private async checkOwner(em: EntityManager, workspaceId: string, ownerId: string | null | undefined) {
    if (ownerId && !(await isCurrentMember(em, workspaceId, ownerId))) {
      throw badUserInput({ ownerId: 'No such member' });
    }
  }
}
