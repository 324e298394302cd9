import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@rapport/domain';
import type { RequestContext } from '../graphql/context';
import { unauthenticated } from '../graphql/errors';
import type { Actor } from './actor';

export const PUBLIC_KEY = 'rapport:public';
export const ROLES_KEY = 'rapport:roles';

/** The operation works without a session. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only members with one of these roles may call the operation (others get FORBIDDEN). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in member (guaranteed by the guard on non-public operations). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<RequestContext>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});
