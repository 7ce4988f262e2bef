import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../common/auth/current-user.decorator';
import type { RequestContext } from '../common/auth/request-context';
import { ChangeEmailArgs, RequestPasswordResetArgs, ResetPasswordArgs, VerifyEmailArgs } from './dto/mail.args';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';
import type { User } from '../accounts/user.entity';

/** Resolves once the HTTP answer has left (or the connection closed); at once without a response (WebSocket). */
function responseSent(ctx: RequestContext): Promise<void> {
  const res = ctx.res;
  if (!res || typeof res.once !== 'function' || res.writableFinished) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
  });
}

@Resolver()
export class AccountMailResolver {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly verification: EmailVerificationService,
  ) {}

  @Mutation(() => Boolean, { description: 'Always true, whether or not the address is known; sends a reset link by e-mail when it is.' })
  @Allow('PUBLIC')
  requestPasswordReset(@Args() { email }: RequestPasswordResetArgs, @Ctx() ctx: RequestContext): boolean {
    return this.resets.request(email, ctx.ip, responseSent(ctx));
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the link sent by e-mail (single use, 1 h) and ends every session of the account.' })
  @Allow('PUBLIC')
  resetPassword(@Args() { token, password }: ResetPasswordArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.resets.reset(token, password, ctx.ip);
  }

  @Mutation(() => Boolean, { description: 'Confirms the address with the link sent by e-mail (single use, 24 h).' })
  @Allow('PUBLIC')
  async verifyEmail(@Args() { token }: VerifyEmailArgs): Promise<boolean> {
    await this.verification.verify(token);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sends a new confirmation link to the logged-in user’s address.' })
  @Allow('MEMBER')
  async resendEmailVerification(@CurrentUser() user: User): Promise<boolean> {
    await this.verification.resend(user);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Asks to move the account to another address (current password required): a confirmation link goes to the new address, which replaces the old one once the link is used.',
  })
  @Allow('MEMBER')
  async changeEmail(@Args() { email, password }: ChangeEmailArgs, @CurrentUser() user: User): Promise<boolean> {
    await this.verification.requestChange(user, email, password);
    return true;
  }
}
