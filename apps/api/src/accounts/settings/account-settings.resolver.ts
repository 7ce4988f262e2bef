import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { unauthenticated } from '../../common/errors';
import { SessionsService } from '../sessions.service';
import { User } from '../user.entity';
import { ChangePasswordArgs, SessionIdArgs, UpdateProfileArgs } from './account-settings.args';
import { AccountSettingsService } from './account-settings.service';
import { SessionInfo } from './session-info.model';

/** The user and the session of this request (the session matters for password and logout changes). */
async function currentSession(ctx: RequestContext) {
  const auth = await ctx.auth();
  if (!auth.user) throw unauthenticated();
  return { user: auth.user, sessionId: auth.sessionId };
}

@Resolver()
export class AccountSettingsResolver {
  constructor(
    private readonly settings: AccountSettingsService,
    private readonly sessions: SessionsService,
  ) {}

  @Mutation(() => User, { description: 'Changes the display name.' })
  @Allow('MEMBER')
  async updateProfile(@Args() { displayName }: UpdateProfileArgs, @CurrentUser() user: User): Promise<User> {
    return this.settings.updateProfile(user.id, displayName);
  }

  @Mutation(() => Boolean, { description: 'Changes the password (the current one is required); every other session ends.' })
  @Allow('MEMBER')
  async changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    const { user, sessionId } = await currentSession(ctx);
    await this.settings.changePassword(user.id, sessionId, currentPassword, newPassword);
    return true;
  }

  @Query(() => [SessionInfo], { description: 'Where the account is logged in.' })
  @Allow('MEMBER')
  async mySessions(@Ctx() ctx: RequestContext): Promise<SessionInfo[]> {
    const { user, sessionId } = await currentSession(ctx);
    return this.settings.sessions(user.id, sessionId);
  }

  @Mutation(() => Boolean, { description: 'Ends one of the account’s sessions.' })
  @Allow('MEMBER')
  async endSession(@Args() { id }: SessionIdArgs, @CurrentUser() user: User): Promise<boolean> {
    await this.settings.endSession(user.id, id);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Logs the account out everywhere, this browser included.' })
  @Allow('MEMBER')
  async logoutEverywhere(@Ctx() ctx: RequestContext): Promise<boolean> {
    const { user, sessionId } = await currentSession(ctx);
    await this.sessions.endAllFor(user.id);
    await this.sessions.end(sessionId, ctx.res);
    return true;
  }
}
