import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  consistency,
  createAuditSchema,
  type FactorRatings,
  type ObservationInput,
  observationSchema,
} from '@rapport/domain';
import { type EntityManager, In } from 'typeorm';
import { AccessTokensService } from '../../auth/access-tokens.service';
import type { Actor } from '../../auth/actor';
import { PUBLIC_LINK, RateLimitService } from '../../auth/rate-limit.service';
import { tokenHash } from '../../auth/tokens';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { clientIp, type RequestContext } from '../../graphql/context';
import { badUserInput, conflict, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import { FrictionService } from '../friction/friction.service';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { AuditEntity } from './audit.entity';
import { ObservationEntity } from './observation.entity';

/** An outsider's link stays usable this long (then the owner renews it). */
const AUDIT_LINK_DAYS = 90;

/** Which audit a request works on: its workspace and id. */
interface AuditRef {
  workspaceId: string;
  id: string;
}

@Injectable()
export class AuditsService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    private readonly friction: FrictionService,
    private readonly limits: RateLimitService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  list(actor: Actor): Promise<AuditEntity[]> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) =>
      em.find(AuditEntity, { where: { workspaceId }, order: { createdAt: 'DESC', id: 'DESC' } }),
    );
  }

  get(actor: Actor, id: string): Promise<AuditEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => em.findOneBy(AuditEntity, { workspaceId, id }));
  }

  async create(actor: Actor, args: unknown): Promise<AuditEntity> {
    const input = parseInput(createAuditSchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'createAudit', key: input.idempotencyKey, args };
    // The outsider's link exists in the first answer only: a replay answers the audit without it
    // (renewAuditLink makes a new one), since only the link's hash is kept.
    return this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, AuditEntity, async (id) => {
        const found = await em.countBy(TouchpointEntity, { workspaceId, id: In(input.touchpointIds) });
        if (found !== input.touchpointIds.length) throw badUserInput({ touchpointIds: 'No such touchpoint' });
        await em.insert(AuditEntity, {
          workspaceId,
          id,
          title: input.title,
          scenario: input.scenario,
          auditorName: input.auditorName,
          external: input.external,
          status: 'DRAFT',
          createdBy: actor.memberId,
        });
        await em.query(
          `insert into audit_steps (workspace_id, audit_id, position, touchpoint_id)
         select $1, $2, s.position - 1, s.touchpoint_id from unnest($3::uuid[]) with ordinality as s(touchpoint_id, position)`,
          [workspaceId, id, input.touchpointIds],
        );
        const audit = await em.findOneByOrFail(AuditEntity, { workspaceId, id });
        return input.external ? this.withNewLink(em, audit) : audit;
      }),
    );
  }

  /** A fresh link for an outsider's audit; the previous one stops working. */
  async renewLink(actor: Actor, id: string): Promise<AuditEntity> {
    return this.db.asMember(actor, async (em) => {
      const audit = await this.lockOpen(em, { workspaceId: actor.workspaceId, id });
      if (!audit.external) throw conflict('A member runs this audit: it has no link');
      return this.withNewLink(em, audit);
    });
  }

  recordObservation(actor: Actor, auditId: string, args: unknown): Promise<ObservationEntity> {
    const input = parseInput(observationSchema, args);
    return this.db.asMember(actor, (em) =>
      this.record(em, { workspaceId: actor.workspaceId, id: auditId }, input),
    );
  }

  submit(actor: Actor, id: string): Promise<AuditEntity> {
    return this.db.asMember(actor, (em) => this.close(em, { workspaceId: actor.workspaceId, id }));
  }

  /** Counts a request on a public link against its caller's address and against the link itself. */
  async throttle(ctx: RequestContext, token: string): Promise<void> {
    const keys = [`ip:${clientIp(ctx)}`, `link:${tokenHash(token).toString('hex')}`];
    await this.db.global((em) => this.limits.take(em, PUBLIC_LINK, keys));
  }

  /** The touchpoints an audit visits, in order. */
  steps(actor: Actor, audit: AuditEntity): Promise<TouchpointEntity[]> {
    const { workspaceId } = audit;
    return this.db.asMember(actor, async (em) => {
      const ids = (
        await em.query(
          `select touchpoint_id as id from audit_steps where workspace_id = $1 and audit_id = $2 order by position`,
          [workspaceId, audit.id],
        )
      ).map((r: { id: string }) => r.id);
      return inOrder(ids, await em.findBy(TouchpointEntity, { workspaceId, id: In(ids) }));
    });
  }

  /** An audit's observations, in the order of its steps. */
  observations(actor: Actor, audit: AuditEntity): Promise<ObservationEntity[]> {
    const { workspaceId } = audit;
    return this.db.asMember(actor, async (em) => {
      const ids = (
        await em.query(
          `select o.id from observations o join audit_steps s on s.workspace_id = o.workspace_id
              and s.audit_id = o.audit_id and s.touchpoint_id = o.touchpoint_id
            where o.workspace_id = $1 and o.audit_id = $2 order by s.position`,
          [workspaceId, audit.id],
        )
      ).map((r: { id: string }) => r.id);
      return inOrder(ids, await em.findBy(ObservationEntity, { workspaceId, id: In(ids) }));
    });
  }

  /**
   * For each step, how consistent its touchpoint was across the submitted audits of the same scenario
   * (same text, ignoring case and surrounding space), this one included once submitted.
   */
  scenarioConsistency(actor: Actor, audit: AuditEntity) {
    const { workspaceId } = audit;
    return this.db.asMember(actor, async (em) => {
      const ratings: (FactorRatings & { touchpoint_id: string })[] = await em.query(
        `select o.touchpoint_id, o.accuracy, o.availability, o.partnership, o.advice
           from observations o
           join audits a on a.workspace_id = o.workspace_id and a.id = o.audit_id and a.status = 'SUBMITTED'
          where o.workspace_id = $1 and lower(trim(a.scenario)) = lower(trim($2))
            and o.touchpoint_id in (select touchpoint_id from audit_steps where workspace_id = $1 and audit_id = $3)`,
        [workspaceId, audit.scenario, audit.id],
      );
      const steps = await this.steps(actor, audit);
      return steps.map((touchpoint) => {
        const own = ratings.filter((r) => r.touchpoint_id === touchpoint.id);
        return { touchpoint, audits: own.length, consistency: consistency(own) };
      });
    });
  }

  /** The audit a public link leads to (NOT_FOUND for an unknown or expired link). */
  async byLink(token: string): Promise<AuditRef> {
    const link = await this.tokens.find('audit', token);
    if (!link) throw notFound('This audit link is not valid');
    return { workspaceId: link.workspaceId, id: link.subjectId };
  }

  /**
   * What the link's holder may see: the audit's title, scenario, business name and steps, nothing
   * else. Once submitted, only that it is closed.
   */
  async publicView(token: string) {
    const ref = await this.byLink(token);
    return this.db.inWorkspace(
      ref.workspaceId,
      async (em) => {
        const audit = await em.findOneByOrFail(AuditEntity, { workspaceId: ref.workspaceId, id: ref.id });
        const [{ name: businessName }] = await em.query(`select name from workspaces where id = $1`, [
          ref.workspaceId,
        ]);
        if (audit.status === 'SUBMITTED') {
          return { title: audit.title, scenario: '', businessName, status: audit.status, steps: [] };
        }
        const steps: { touchpointId: string; name: string; channel: string; observed: boolean }[] =
          await em.query(
            `select t.id as "touchpointId", t.name, t.channel, (o.id is not null) as observed
           from audit_steps s
           join touchpoints t on t.workspace_id = s.workspace_id and t.id = s.touchpoint_id
           left join observations o on o.workspace_id = s.workspace_id and o.audit_id = s.audit_id
                and o.touchpoint_id = s.touchpoint_id
          where s.workspace_id = $1 and s.audit_id = $2 order by s.position`,
            [ref.workspaceId, ref.id],
          );
        return { title: audit.title, scenario: audit.scenario, businessName, status: audit.status, steps };
      },
      { via: 'AUDIT_LINK' },
    );
  }

  async recordByLink(token: string, args: unknown): Promise<void> {
    const ref = await this.byLink(token); // an unknown link is NOT_FOUND whatever it is sent
    const input = parseInput(observationSchema, args);
    await this.db.inWorkspace(ref.workspaceId, (em) => this.record(em, ref, input), { via: 'AUDIT_LINK' });
  }

  async submitByLink(token: string): Promise<void> {
    const ref = await this.byLink(token);
    await this.db.inWorkspace(ref.workspaceId, (em) => this.close(em, ref), { via: 'AUDIT_LINK' });
  }

  /** Records (or, before submission, replaces) the observation of one step. */
  private async record(em: EntityManager, ref: AuditRef, input: ObservationInput) {
    const audit = await this.lockOpen(em, ref);
    const [step] = await em.query(
      `select 1 from audit_steps where workspace_id = $1 and audit_id = $2 and touchpoint_id = $3`,
      [audit.workspaceId, audit.id, input.touchpointId],
    );
    if (!step) throw badUserInput({ touchpointId: 'Not a step of this audit' });
    await em.query(
      `insert into observations (workspace_id, id, audit_id, touchpoint_id, expected, experienced, surprise,
              friction, accuracy, availability, partnership, advice, would_return, notes)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       on conflict (workspace_id, audit_id, touchpoint_id) do update set
         expected = excluded.expected, experienced = excluded.experienced, surprise = excluded.surprise,
         friction = excluded.friction, accuracy = excluded.accuracy, availability = excluded.availability,
         partnership = excluded.partnership, advice = excluded.advice, would_return = excluded.would_return,
         notes = excluded.notes, recorded_at = now()`,
      [
        audit.workspaceId,
        randomUUID(),
        audit.id,
        input.touchpointId,
        input.expected,
        input.experienced,
        input.surprise,
        input.friction,
        input.accuracy,
        input.availability,
        input.partnership,
        input.advice,
        input.wouldReturn,
        input.notes,
      ],
    );
    if (audit.status === 'DRAFT') {
      await em.update(
        AuditEntity,
        { workspaceId: audit.workspaceId, id: audit.id },
        { status: 'IN_PROGRESS' },
      );
    }
    return em.findOneByOrFail(ObservationEntity, {
      workspaceId: audit.workspaceId,
      auditId: audit.id,
      touchpointId: input.touchpointId,
    });
  }

  /** Submits: closes the audit for good and raises its friction points. */
  private async close(em: EntityManager, ref: AuditRef): Promise<AuditEntity> {
    const audit = await this.lockOpen(em, ref);
    const observed = await em.countBy(ObservationEntity, {
      workspaceId: audit.workspaceId,
      auditId: audit.id,
    });
    if (observed === 0) throw conflict('Record at least one step before submitting');
    await em.update(
      AuditEntity,
      { workspaceId: audit.workspaceId, id: audit.id },
      { status: 'SUBMITTED', submittedAt: new Date() },
    );
    await this.friction.raiseForSubmittedAudit(em, audit);
    return em.findOneByOrFail(AuditEntity, { workspaceId: audit.workspaceId, id: audit.id });
  }

  /** The audit, locked against a concurrent submission: NOT_FOUND when unknown, CONFLICT once submitted. */
  private async lockOpen(em: EntityManager, ref: AuditRef): Promise<AuditEntity> {
    const audit = isUuid(ref.id)
      ? await em.findOne(AuditEntity, {
          where: { workspaceId: ref.workspaceId, id: ref.id },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!audit) throw notFound('No such audit');
    if (audit.status === 'SUBMITTED')
      throw conflict('This audit has been submitted: nothing more can be recorded');
    return audit;
  }

  private async withNewLink(em: EntityManager, audit: AuditEntity): Promise<AuditEntity> {
    await this.tokens.revoke(em, 'audit', audit.workspaceId, audit.id);
    const expiresAt = new Date(Date.now() + AUDIT_LINK_DAYS * 86_400_000);
    const token = await this.tokens.issue(em, 'audit', audit.workspaceId, audit.id, expiresAt);
    return Object.assign(audit, { inviteUrl: `${this.config.publicUrl}/a/${token}` });
  }
}

/** `rows` in the order of `ids`. */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
