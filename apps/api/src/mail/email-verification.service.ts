import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipsService } from '../accounts/memberships/memberships.service';
import { User } from '../accounts/user.entity';
import { badInput } from '../common/errors';
import { AccountMails } from './account-mails';
import { MailTokens } from './mail-tokens';

const INVALID_LINK = 'Ce lien de confirmation n’est pas valide ou a expiré (il sert une seule fois, pendant 24 heures). Demandez-en un nouveau depuis votre compte.';

/** Proves that an account's owner reads its address: a single-use link, valid 24 h. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: MailTokens,
    private readonly memberships: MembershipsService,
  ) {}

  async resend(user: User): Promise<void> {
    await this.dataSource.transaction((m) => this.mails.verification(m, user));
  }

  /**
   * Returns the verified user. A link sent to an address the account no longer has is refused.
   * The trust rules (official e-mail domain, ADMIN_EMAILS) apply in the same transaction.
   */
  async verify(token: string): Promise<User> {
    const row = await this.tokens.peek('VERIFY_EMAIL', token);
    const user = row ? await this.dataSource.getRepository(User).findOne({ where: { id: row.userId } }) : null;
    if (!row || !user || user.email !== row.email) throw badInput(INVALID_LINK, { field: 'token' });
    const verifiedAt = new Date();
    await this.dataSource.transaction(async (m) => {
      if (!(await this.tokens.consume(m, row))) throw badInput(INVALID_LINK, { field: 'token' });
      await this.tokens.voidAll(m, user.id, 'VERIFY_EMAIL');
      await m.getRepository(User).update({ id: user.id }, { emailVerifiedAt: verifiedAt });
      await this.memberships.onEmailVerified(user, m);
    });
    return Object.assign(user, { emailVerifiedAt: verifiedAt });
  }
}
