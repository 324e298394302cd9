import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@rapport/domain';
import type { RequestContext } from '../graphql/context';
import { forbidden, unauthenticated } from '../graphql/errors';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

/** Every GraphQL operation needs a session unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const { actor } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!actor) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw forbidden();
    return true;
  }
}
