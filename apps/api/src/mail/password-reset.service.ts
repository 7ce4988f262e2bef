import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword, passwordProblem } from '../accounts/password-policy';
import { MembershipsService } from '../accounts/memberships/memberships.service';
import { SessionsService } from '../accounts/sessions.service';
import { User } from '../accounts/user.entity';
import { AppError, badInput, PublicErrorCode } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AccountMails } from './account-mails';
import { MailTokens } from './mail-tokens';

const ipKey = (ip: string) => createHash('sha256').update(`reset:${ip}`).digest('hex').slice(0, 32);
const INVALID_LINK = 'PASSWORD_RESET_LINK_INVALID';

/** "Mot de passe oublié": a single-use link by e-mail (1 h), then a new password that ends every session. */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');
  private readonly requestsPerIp: RateLimiter;
  private readonly resetsPerIp: RateLimiter;
  /** Requests handled after the answer was sent (tests wait on it). */
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: MailTokens,
    private readonly sessions: SessionsService,
    private readonly memberships: MembershipsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.requestsPerIp = new RateLimiter(config.rateLimits.loginPer15Min, 15 * 60_000);
    this.resetsPerIp = new RateLimiter(config.rateLimits.loginPer15Min, 15 * 60_000);
  }

  /**
   * Always answers the same, at once: looking the address up and writing the message happen
   * after the answer (`answered`: when the HTTP response is sent), so neither the answer nor its
   * timing tells whether an account exists.
   */
  request(emailInput: string, ip: string, answered: Promise<void> = new Promise((resolve) => setImmediate(resolve))): true {
    this.requestsPerIp.consume(ipKey(ip));
    const email = emailInput.trim().toLowerCase();
    const job = answered
      .then(() => this.send(email))
      .catch((error) => this.logger.error(`Password reset request failed: ${(error as Error).message}`))
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
    return true;
  }

  private async send(email: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    if (!user) return;
    await this.dataSource.transaction((m) => this.mails.passwordReset(m, user));
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async reset(token: string, password: string, ip: string): Promise<true> {
    this.resetsPerIp.consume(ipKey(ip));
    const row = await this.tokens.peek('RESET_PASSWORD', token);
    const user = row ? await this.dataSource.getRepository(User).findOne({ where: { id: row.userId } }) : null;
    // The address changed since the link was sent: the link belonged to the old one.
    if (!row || !user || user.email !== row.email) throw badInput(INVALID_LINK, {}, { field: 'token' });
    const problem = passwordProblem(password, { email: user.email, displayName: user.displayName });
    if (problem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, problem, { field: 'password' });
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      if (!(await this.tokens.consume(m, row))) throw badInput(INVALID_LINK, {}, { field: 'token' });
      await this.tokens.voidAll(m, user.id, 'RESET_PASSWORD');
      await m.getRepository(User).update({ id: user.id }, { passwordHash });
      // The link reached this mailbox: that proves the address as well as a confirmation link would.
      if (!user.emailVerifiedAt) {
        await m.getRepository(User).update({ id: user.id }, { emailVerifiedAt: new Date() });
        await this.memberships.onEmailVerified(user, m);
      }
    });
    await this.sessions.endAllFor(user.id);
    return true;
  }
}
