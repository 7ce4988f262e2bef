import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { unauthenticated } from '../common/errors';
import { PersonalDataService } from './personal-data.service';
import { SessionsService } from './sessions.service';
import type { User } from './user.entity';

@ArgsType()
class DeleteAccountArgs {
  @Field({ description: 'The current password, to confirm.' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => String, { description: 'Everything Essaim holds about the logged-in user, as a JSON document.' })
  @Allow('MEMBER')
  async myPersonalData(@CurrentUser() user: User): Promise<string> {
    return JSON.stringify(await this.personalData.exportFor(user.id), null, 2);
  }

  @Mutation(() => Boolean, { description: 'Deletes the account; contributions stay, attributed to "Ancien membre".' })
  @Allow('MEMBER')
  async deleteMyAccount(@Args() { password }: DeleteAccountArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    const { user, sessionId } = await ctx.auth();
    if (!user) throw unauthenticated();
    await this.personalData.deleteAccount(user.id, password);
    await this.sessions.end(sessionId, ctx.res);
    return true;
  }
}
