import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@rapport/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { forbidden, unauthenticated } from '../graphql/errors';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SecurityLog } from './security-log';

/**
 * Every GraphQL operation needs a session unless marked @Public(); @Roles() narrows it further.
 * The actor (and so the role) is read from the database on every request. Each refusal is logged.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: SecurityLog,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN') => {
      const info = gql.getInfo<GraphQLResolveInfo>();
      this.log.denied(ctx, code, info.operation.name?.value ?? null, info.fieldName);
      return code === 'FORBIDDEN' ? forbidden() : unauthenticated();
    };
    if (!ctx.actor) throw refuse('UNAUTHENTICATED');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(ctx.actor.role)) throw refuse('FORBIDDEN');
    return true;
  }
}
