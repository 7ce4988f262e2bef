import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { Territory } from '../territories/territory.entity';
import { TerritoriesService } from '../territories/territories.service';
import { AccountsService } from './accounts.service';
import { LoginArgs, SetUserRoleArgs } from './dto/login.args';
import { RegisterInput } from './dto/register.input';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';
import { requestLang } from '../common/request-lang';

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly territories: TerritoriesService,
  ) {}

  @Query(() => User, { nullable: true, description: 'The logged-in user, or null.' })
  @Allow('PUBLIC')
  async me(@CurrentUser({ optional: true }) viewer: User | null): Promise<User | null> {
    return viewer;
  }

  @Mutation(() => User, {
    description:
      'Creates an account, logs it in at once and e-mails a link confirming the address. For an address that already has an account, nothing is created and its owner is e-mailed; the answer looks the same but opens no session.',
  })
  @Allow('PUBLIC')
  async register(@Args('input') input: RegisterInput, @Ctx() ctx: RequestContext): Promise<User> {
    const { user, created } = await this.accounts.register(input, ctx.ip, requestLang(ctx.req?.headers?.['accept-language']));
    if (created) {
      const { sessionId } = await ctx.auth();
      await this.sessions.start(user, ctx.res, sessionId);
    }
    return user;
  }

  @Mutation(() => User)
  @Allow('PUBLIC')
  async login(@Args() { email, password }: LoginArgs, @Ctx() ctx: RequestContext): Promise<User> {
    const user = await this.accounts.authenticate(email, password, ctx.ip);
    const { sessionId } = await ctx.auth();
    await this.sessions.start(user, ctx.res, sessionId);
    return user;
  }

  @Mutation(() => Boolean)
  @Allow('PUBLIC')
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    const { sessionId } = await ctx.auth();
    await this.sessions.end(sessionId, ctx.res);
    return true;
  }

  @Mutation(() => User)
  @Allow('ADMIN')
  setUserRole(@Args() { userId, role }: SetUserRoleArgs): Promise<User> {
    return this.accounts.setRole(userId, role);
  }

  @ResolveField(() => Territory, { nullable: true })
  territory(@Parent() user: User, @Context() ctx: RequestContext): Promise<Territory | null> {
    return user.territoryCode ? this.territories.load(ctx, user.territoryCode) : Promise.resolve(null);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the account itself and to admins only.' })
  async email(@Parent() user: User, @CurrentUser({ optional: true }) viewer: User | null): Promise<string | null> {
    return viewer && (viewer.id === user.id || viewer.role === 'ADMIN') ? user.email : null;
  }
}
