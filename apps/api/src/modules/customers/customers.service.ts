import { Injectable } from '@nestjs/common';
import {
  type CreateCustomerInput,
  type CustomerOrder,
  createCustomerSchema,
  customerPageSchema,
  type UpdateCustomerInput,
  updateCustomerSchema,
} from '@rapport/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
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
import { countFromCounts } from './customer-counts';
import { findCustomer, readCustomers, type ShownFields, selectShown } from './customer-query';

/** Each order's sort key (unique thanks to the id), all in one direction so a row comparison pages it. */
const ORDERS = {
  NAME: { columns: ['lower(c.name)', 'c.id'], direction: 'ASC' },
  CREATED_AT: { columns: ['c.created_at', 'c.id'], direction: 'DESC' },
  HEALTH_ASC: { columns: ['c.health_score', 'c.id'], direction: 'ASC' },
  HEALTH_DESC: { columns: ['c.health_score', 'c.id'], direction: 'DESC' },
  NEXT_CHECK_IN_DUE: { columns: ['c.next_check_in_due_at', 'c.id'], direction: 'ASC' },
} as const satisfies Record<CustomerOrder, unknown>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The characters a phone number is written with (as the domain's phone rule allows). */
const PHONE_CHARACTERS = /^[+()\d\s.\-/]+$/;

@Injectable()
export class CustomersService {
  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
  ) {}

  get(actor: Actor, id: string): Promise<CustomerEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    // A customer's page shows its health document whole.
    return this.db.inWorkspace(workspaceId, (em) =>
      findCustomer(em, workspaceId, id, { healthDocument: true }),
    );
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
    const afterId = after ? cursor.decode(after)?.[0] : undefined;
    if (after && (typeof afterId !== 'string' || !isUuid(afterId)))
      throw badUserInput({ after: 'Invalid cursor' });
    const { workspaceId } = actor;

    return this.db.inWorkspace(workspaceId, async (em) => {
      const query = em
        .createQueryBuilder(CustomerEntity, 'c')
        .where('c.workspace_id = :workspaceId', { workspaceId })
        .andWhere('c.status = :status', { status: filter?.status ?? 'ACTIVE' });
      if (filter?.search) this.whereMatches(query, filter.search);
      if (filter?.tag) query.andWhere(':tag = any(c.tags)', { tag: filter.tag });
      if (filter?.ownerId) query.andWhere('c.owner_id = :ownerId', { ownerId: filter.ownerId });
      if (filter?.band) query.andWhere('c.health_band = :band', { band: filter.band });
      if (typeof filter?.checkInOverdue === 'boolean') {
        // Overdue once the due instant has passed (the domain's isCheckInOverdue).
        query.andWhere(`c.next_check_in_due_at ${filter.checkInOverdue ? '<' : '>='} now()`);
      }
      // The total rides along with the page as an uncorrelated subquery (run once): from the customer
      // counts when they can answer the filter, else by counting the matching rows.
      const countable = !filter?.search && !filter?.tag && !filter?.ownerId;
      const total = countable
        ? countFromCounts({
            workspace: ':workspaceId',
            status: ':status',
            band: filter?.band ? ':band' : null,
            overdue: filter?.checkInOverdue ?? null,
          })
        : query.clone().select('count(*)::int').getQuery();

      const { columns, direction } = ORDERS[orderBy];
      if (afterId) {
        // Keyset paging: rows strictly after the cursor's row in the chosen order.
        const anchor = columns.map((c) => c.replaceAll('c.', 'a.')).join(', ');
        query.andWhere(
          `(${columns.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (select ${anchor} from customers a where a.workspace_id = :workspaceId and a.id = :afterId)`,
          { afterId },
        );
      }
      for (const column of columns) query.addOrderBy(column, direction);
      selectShown(query, shown).limit(first + 1);
      if (countTotal) query.addSelect(`(${total})`, 'total_count');
      if (nextBestAction) query.addSelect(`c.health ->> 'nextBestAction'`, 'next_best_action');
      const { customers: entities, raw } = await readCustomers<{
        total_count?: number;
        next_best_action?: string;
      }>(query);
      if (nextBestAction) {
        for (const [i, customer] of entities.entries()) customer.nextBestAction = raw[i]?.next_best_action;
      }
      if (!countTotal) return toConnection(entities, first, Number.NaN, (node) => [node.id]);
      // Past the last page there is no row to carry it: then it takes a statement of its own.
      const totalCount = raw[0]?.total_count ?? (afterId ? await this.countAlone(em, total, query) : 0);
      return toConnection(entities, first, totalCount, (node) => [node.id]);
    });
  }

  async create(actor: Actor, args: unknown): Promise<CustomerEntity> {
    const { idempotencyKey, ...input } = parseInput(createCustomerSchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'createCustomer', key: idempotencyKey, args };
    return this.db.inWorkspace(workspaceId, async (em) => {
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
    return this.db.inWorkspace(workspaceId, async (em) => {
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
  private async countAlone(em: EntityManager, total: string, page: SelectQueryBuilder<CustomerEntity>) {
    const [sql, parameters] = em.connection.driver.escapeQueryWithParameters(
      `select (${total}) as count`,
      page.getParameters(),
    );
    const [counted] = await em.query(sql, parameters);
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

  /**
   * Name, company, email or phone contain the text, case-insensitively; a search that looks like a
   * phone number also matches phones by digits alone (digits inside other words do not).
   */
  private whereMatches(query: SelectQueryBuilder<CustomerEntity>, search: string) {
    const digits = search.replace(/\D/g, '');
    const phoneLike = PHONE_CHARACTERS.test(search) && digits.length >= 3;
    const phoneDigits = phoneLike
      ? ` or regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like :digits`
      : '';
    query.andWhere(
      `(c.name ilike :q or c.company ilike :q or c.email ilike :q or c.phone ilike :q${phoneDigits})`,
      { q: `%${escapeLike(search)}%`, digits: `%${digits}%` },
    );
  }
}
