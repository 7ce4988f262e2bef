import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipsService } from '../accounts/memberships/memberships.service';
import { User } from '../accounts/user.entity';
import { badInput, unauthenticated } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { verifyPassword } from '../accounts/password-policy';
import { isUniqueViolation } from '../database/unique-violation';
import { MailToken } from './mail.entities';
import { AccountMails } from './account-mails';
import { MailTokens } from './mail-tokens';

/** Each request mails a stranger's address and checks the password: a few an hour per account. */
export const EMAIL_CHANGES_PER_HOUR = 5;
/** "Renvoyer le lien": enough for a lost message or two, not a way to flood an inbox. */
export const VERIFICATION_RESENDS_PER_HOUR = 5;

const INVALID_LINK = 'EMAIL_LINK_INVALID';

/** Proves that an account's owner reads its address: a single-use link, valid 24 h. */
@Injectable()
export class EmailVerificationService {
  private readonly changeRequests = new RateLimiter(EMAIL_CHANGES_PER_HOUR, 60 * 60_000, Date.now, 'EMAIL_CHANGES_RATE_LIMITED');
  private readonly resends = new RateLimiter(VERIFICATION_RESENDS_PER_HOUR, 60 * 60_000, Date.now, 'VERIFICATION_RESENDS_RATE_LIMITED');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: MailTokens,
    private readonly memberships: MembershipsService,
  ) {}

  async resend(user: User): Promise<void> {
    this.resends.consume(`user:${user.id}`);
    await this.dataSource.transaction((m) => this.mails.verification(m, user));
  }

  /**
   * Asks to move the account to another address: the password is checked, and a confirmation
   * link goes to the new address; nothing changes until it is used. An address that already
   * has an account gets no link (its owner is told instead), with the same answer.
   */
  async requestChange(user: User, newEmailInput: string, password: string): Promise<void> {
    // Counted before the password check: wrong passwords are guesses too.
    this.changeRequests.consume(`user:${user.id}`);
    const newEmail = newEmailInput.trim().toLowerCase();
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw unauthenticated('WRONG_PASSWORD', {}, { field: 'password' });
    }
    if (newEmail === user.email) throw badInput('EMAIL_UNCHANGED', {}, { field: 'email' });
    const owner = await this.dataSource.getRepository(User).findOne({ where: { email: newEmail } });
    await this.dataSource.transaction((m) => (owner ? this.mails.registerAttempt(m, owner) : this.mails.verification(m, user, newEmail)));
  }

  /**
   * Returns the verified user. A link sent to an address the account no longer has is refused.
   * The trust rules (official e-mail domain, ADMIN_EMAILS) apply in the same transaction.
   */
  async verify(token: string): Promise<User> {
    const change = await this.tokens.peek('CHANGE_EMAIL', token);
    if (change) return this.applyChange(change);
    const row = await this.tokens.peek('VERIFY_EMAIL', token);
    const user = row ? await this.dataSource.getRepository(User).findOne({ where: { id: row.userId } }) : null;
    if (!row || !user || user.email !== row.email) throw badInput(INVALID_LINK, {}, { field: 'token' });
    const verifiedAt = new Date();
    await this.dataSource.transaction(async (m) => {
      if (!(await this.tokens.consume(m, row))) throw badInput(INVALID_LINK, {}, { field: 'token' });
      await this.tokens.voidAll(m, user.id, 'VERIFY_EMAIL');
      await m.getRepository(User).update({ id: user.id }, { emailVerifiedAt: verifiedAt });
      await this.memberships.onEmailVerified(user, m);
    });
    return Object.assign(user, { emailVerifiedAt: verifiedAt });
  }

  /** The new address is proven: it becomes the account's (verified), and the old one is told. */
  private async applyChange(row: MailToken): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: row.userId } });
    if (!user) throw badInput(INVALID_LINK, {}, { field: 'token' });
    const previous = user.email;
    const verifiedAt = new Date();
    try {
      await this.dataSource.transaction(async (m) => {
        if (!(await this.tokens.consume(m, row))) throw badInput(INVALID_LINK, {}, { field: 'token' });
        await this.tokens.voidAll(m, user.id, 'CHANGE_EMAIL');
        await this.tokens.voidAll(m, user.id, 'RESET_PASSWORD');
        await m.getRepository(User).update({ id: user.id }, { email: row.email, emailVerifiedAt: verifiedAt });
        Object.assign(user, { email: row.email, emailVerifiedAt: verifiedAt });
        await this.memberships.onEmailVerified(user, m);
        await this.mails.emailChanged(m, user, previous);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput('EMAIL_OF_ANOTHER_ACCOUNT', {}, { field: 'token' });
      throw error;
    }
    return user;
  }
}
