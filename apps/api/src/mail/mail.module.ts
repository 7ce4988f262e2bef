import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountMailResolver } from './account-mail.resolver';
import { DigestService } from './digest.service';
import { EmailVerificationService } from './email-verification.service';
import { MailPreferencesResolver } from './mail-preferences.resolver';
import { NotificationMailer } from './notification-mailer';
import { PasswordResetService } from './password-reset.service';
import { SeminarInvitationsResolver } from './seminar-invitations.resolver';
import { UnsubscribeController } from './unsubscribe.controller';
import { UserEmailResolver } from './user-email.resolver';

/** E-mail features: password reset, address verification, notification e-mails and digests, preferences, seminar invitations. */
@Module({
  imports: [AccountsModule],
  controllers: [UnsubscribeController],
  providers: [
    PasswordResetService,
    EmailVerificationService,
    AccountMailResolver,
    NotificationMailer,
    DigestService,
    MailPreferencesResolver,
    SeminarInvitationsResolver,
    UserEmailResolver,
  ],
  exports: [EmailVerificationService, DigestService, PasswordResetService],
})
export class MailModule {}
