import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { badInput, conflict, notFound, PublicErrorCode, AppError } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { Role } from '../common/auth/role';
import { TerritoriesService } from '../territories/territories.service';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password-policy';
import { RegisterInput } from './dto/register.input';
import { User } from './user.entity';
import { AccountMails } from '../mail/account-mails';
import { MailPreferencesService } from '../mail/mail-preferences.service';
import type { ApiLang } from '../common/request-lang';
import { isUniqueViolation } from '../database/unique-violation';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const ipKey = (ip: string) => createHash('sha256').update(ip).digest('hex').slice(0, 32);

@Injectable()
export class AccountsService {
  private readonly loginPerIp: RateLimiter;
  private readonly registerPerIp: RateLimiter;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly territories: TerritoriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly accountMails: AccountMails,
    private readonly mailPreferences: MailPreferencesService,
  ) {
    this.loginPerIp = new RateLimiter(config.rateLimits.loginPer15Min, 15 * 60_000);
    this.registerPerIp = new RateLimiter(config.rateLimits.registerPerHour, 60 * 60_000);
  }

  /**
   * Creates the account and e-mails a verification link, in one transaction. For an address
   * that already has an account, nothing is created: its owner is e-mailed instead and the
   * caller gets an answer of the same shape, without a session (docs/security.md, "Registration
   * with a known address"). `created` tells the resolver whether to open a session.
   */
  async register(input: RegisterInput, ip: string, lang: ApiLang = 'fr'): Promise<{ user: User; created: boolean }> {
    this.registerPerIp.consume(ipKey(ip));
    const email = input.email.trim().toLowerCase();
    await this.checkNewAccount(input, email);
    const existing = await this.users.findOne({ where: { email } });
    if (!existing) {
      try {
        const user = await this.dataSource.transaction(async (m) => {
          const user = await m.getRepository(User).save(this.newUser(input, email, await hashPassword(input.password)));
          if (lang !== 'fr') await this.mailPreferences.setLanguage(m, user.id, lang);
          await this.accountMails.verification(m, user);
          return user;
        });
        return { user, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Registered by a concurrent request meanwhile: answer as for a known address.
      }
    } else {
      // Same work as for a new account (hashing dominates), so timing does not tell either.
      await hashPassword(input.password);
      await this.dataSource.transaction((m) => this.accountMails.registerAttempt(m, existing));
    }
    const [{ next }] = await this.dataSource.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM "user"`);
    const lookalike = this.newUser(input, email, '');
    return { user: Object.assign(lookalike, { id: Number(next), createdAt: new Date() }), created: false };
  }

  private async checkNewAccount(input: RegisterInput, email: string): Promise<void> {
    const problem = passwordProblem(input.password, { email, displayName: input.displayName.trim() });
    if (problem) throw badInput(problem, { field: 'password' });
    if (input.territoryCode) {
      const territory = await this.territories.findByCode(input.territoryCode);
      if (!territory) {
        throw badInput(`Territoire inconnu : « ${input.territoryCode} ». Indiquez un code INSEE de commune ou un SIREN d'EPCI.`, {
          field: 'territoryCode',
        });
      }
    }
  }

  private newUser(input: RegisterInput, email: string, passwordHash: string, role?: Role): User {
    return this.users.create({
      email,
      displayName: input.displayName.trim(),
      passwordHash,
      role: role ?? (this.config.adminEmails.includes(email) ? 'ADMIN' : 'MEMBER'),
      territoryCode: input.territoryCode ?? null,
    });
  }

  /** For the `user:create` command (an operator, who may be told that the address is taken). */
  async createAccount(input: RegisterInput, role?: Role): Promise<User> {
    const email = input.email.trim().toLowerCase();
    await this.checkNewAccount(input, email);
    if (await this.users.exists({ where: { email } })) {
      throw conflict('Un compte existe déjà avec cette adresse e-mail.', { field: 'email' });
    }
    const user = this.newUser(input, email, await hashPassword(input.password), role);
    try {
      return await this.users.save(user);
    } catch (error) {
      if (await this.users.exists({ where: { email } })) {
        throw conflict('Un compte existe déjà avec cette adresse e-mail.', { field: 'email' });
      }
      throw error;
    }
  }

  /**
   * Checks credentials. Wrong passwords count per account (lockout after MAX_FAILED_LOGINS,
   * stored in the database so it holds across processes) and per IP (in memory).
   */
  async authenticate(emailInput: string, password: string, ip: string): Promise<User> {
    this.loginPerIp.consume(ipKey(ip));
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findOne({ where: { email } });
    const invalid = new AppError(PublicErrorCode.UNAUTHENTICATED, 'Adresse e-mail ou mot de passe incorrect.');
    if (!user) {
      await verifyPassword(await decoyPasswordHash(), password);
      throw invalid;
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      const seconds = (user.lockedUntil.getTime() - Date.now()) / 1000;
      throw new AppError(
        PublicErrorCode.RATE_LIMITED,
        `Trop d'essais de mot de passe : ce compte est verrouillé pendant encore ${Math.ceil(seconds / 60)} minute(s).`,
        { retryAfterSeconds: Math.ceil(seconds) },
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failedLogins = user.failedLogins + 1;
      const locked = failedLogins >= MAX_FAILED_LOGINS;
      await this.users.update(
        { id: user.id },
        { failedLogins: locked ? 0 : failedLogins, lockedUntil: locked ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null },
      );
      throw invalid;
    }
    if (user.failedLogins > 0 || user.lockedUntil) {
      await this.users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    }
    return user;
  }

  async setRole(userId: string, role: Role): Promise<User> {
    const id = Number(userId);
    const user = Number.isInteger(id) ? await this.users.findOne({ where: { id } }) : null;
    if (!user) throw notFound('Utilisateur');
    user.role = role;
    return this.users.save(user);
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }
}
