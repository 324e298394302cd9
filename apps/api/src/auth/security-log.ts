import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@rapport/domain';
import { GraphQLError } from 'graphql';
import type { AppConfig } from '../config/config';
import { InjectConfig } from '../config/config.module';
import { clientIp, type RequestContext } from '../graphql/context';
import { InjectLogger, type Logger } from '../logger';
import type { Actor } from './actor';
import { sessionToken } from './sessions.service';

type Ctx = Pick<RequestContext, 'req' | 'requestId' | 'actor'>;

/** How a session was started. */
export type SessionStart = 'sign-in' | 'sign-up' | 'invitation';

/**
 * Security events (sessions started, failed sign-ins, refused operations, member changes) at info or
 * warn: they are expected, not faults. Never a password, token or cookie: an email appears only as
 * `emailDigest`, an HMAC under the app secret, so attempts on one account can be told apart and
 * found (compute the digest of the address) without the log holding addresses.
 */
@Injectable()
export class SecurityLog {
  constructor(
    @InjectLogger() private readonly logger: Logger,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  sessionStarted(ctx: Ctx, via: SessionStart, email: string, actor: Actor): void {
    this.logger.info(
      { ...this.request(ctx), event: 'session-started', via, emailDigest: this.digest(email), ...who(actor) },
      'session started',
    );
  }

  signInFailed(ctx: Ctx, email: unknown, error: unknown): void {
    const code = error instanceof GraphQLError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR';
    this.logger.warn(
      { ...this.request(ctx), event: 'sign-in-failed', code, emailDigest: this.digest(email) },
      'sign-in failed',
    );
  }

  /** An operation refused by the guard: no session (UNAUTHENTICATED) or not the role (FORBIDDEN). */
  denied(ctx: Ctx, code: 'UNAUTHENTICATED' | 'FORBIDDEN', operation: string | null, field: string): void {
    const entry = {
      ...this.request(ctx),
      event: 'access-denied',
      code,
      operation,
      field,
      ...(ctx.actor ? who(ctx.actor) : { sessionCookie: sessionToken(ctx.req) !== undefined }),
    };
    if (code === 'FORBIDDEN') this.logger.warn(entry, 'access denied');
    else this.logger.info(entry, 'access denied');
  }

  /** An owner changed a member's role or removed them, in the request `requestId`. */
  memberChanged(
    actor: Actor,
    requestId: string,
    memberId: string,
    change: { role: Role } | { removed: true },
  ): void {
    this.logger.info(
      {
        requestId,
        event: 'member-changed',
        ...who(actor),
        targetMemberId: memberId,
        ...change,
      },
      'member changed',
    );
  }

  private request(ctx: Ctx) {
    return { requestId: ctx.requestId, ip: clientIp(ctx) };
  }

  private digest(email: unknown): string | null {
    if (typeof email !== 'string' || !this.config.linkSecret) return null;
    return createHmac('sha256', this.config.linkSecret)
      .update(`log-email:${email.trim().toLowerCase()}`)
      .digest('hex')
      .slice(0, 16);
  }
}

const who = (actor: Actor) => ({
  memberId: actor.memberId,
  workspaceId: actor.workspaceId,
  role: actor.role,
});
