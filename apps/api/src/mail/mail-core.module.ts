import { Global, Module } from '@nestjs/common';
import { AccountMails } from './account-mails';
import { MailOutboxService } from './mail-outbox.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailSecret } from './mail-secret';
import { MailTokens } from './mail-tokens';
import { MailWorker } from './mail-worker';
import { MailWorkerWakeHandler } from './mail-worker-wake.handler';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * The mail outbox and what any feature needs to write into it (global: accounts, notifications
 * and seminars queue messages inside their own transactions). See docs/mail.md.
 */
@Global()
@Module({
  providers: [MailOutboxService, MailWorker, MailWorkerWakeHandler, MailSecret, MailTokens, MailPreferencesService, AccountMails, UnsubscribeLinks],
  exports: [MailOutboxService, MailWorker, MailSecret, MailTokens, MailPreferencesService, AccountMails, UnsubscribeLinks],
})
export class MailCoreModule {}
