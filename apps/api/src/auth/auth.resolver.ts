import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/context';
import { AuthPayloadModel, MemberModel } from '../modules/members/member.model';
import { AuthService } from './auth.service';
import { Public } from './decorators';

const text = { type: () => String };

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Query(() => MemberModel, {
    nullable: true,
    description: 'The signed-in member; null without a session. PUBLIC',
  })
  async me(@Context() ctx: RequestContext) {
    const { actor } = ctx;
    return actor ? ctx.loaders.member.load({ workspaceId: actor.workspaceId, id: actor.memberId }) : null;
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description: 'PUBLIC: creates a workspace and its first OWNER, and signs them in.',
  })
  async signUp(
    @Context() ctx: RequestContext,
    @Args('workspaceName', text) workspaceName: string,
    @Args('name', text) name: string,
    @Args('email', text) email: string,
    @Args('password', text) password: string,
  ) {
    return { member: await this.auth.signUp({ workspaceName, name, email, password }, ctx) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'PUBLIC' })
  async signIn(
    @Context() ctx: RequestContext,
    @Args('email', text) email: string,
    @Args('password', text) password: string,
  ) {
    return { member: await this.auth.signIn({ email, password }, ctx) };
  }

  @Mutation(() => Boolean)
  signOut(@Context() ctx: RequestContext) {
    return this.auth.signOut(ctx);
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'PUBLIC: creates the member and signs them in.' })
  async acceptInvitation(
    @Context() ctx: RequestContext,
    @Args('token', text) token: string,
    @Args('name', text) name: string,
    @Args('password', text) password: string,
  ) {
    return { member: await this.auth.acceptInvitation({ token, name, password }, ctx) };
  }
}
