import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppError, badInput, conflict, notFound, PublicErrorCode, unauthenticated } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { Role } from '../common/auth/role';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TerritoriesService } from '../territories/territories.service';
import { assignHandle, handleFor } from './handle';
import { LoginThrottleService } from './login-throttle';
import { MembershipsService } from './memberships/memberships.service';
import { VerificationMethod } from './memberships/membership.enums';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password-policy';
import { RegisterInput } from './dto/register.input';
import { User } from './user.entity';
import { AccountMails } from '../mail/account-mails';
import { MailPreferencesService } from '../mail/mail-preferences.service';
import type { ApiLang } from '../common/request-lang';

const ipKey = (ip: string) => createHash('sha256').update(ip).digest('hex').slice(0, 32);

export interface CreateAccountOptions {
  role?: Role;
  /** The shell (`user:create --verified`) and ProConnect vouch for the territory themselves. */
  verifiedBy?: VerificationMethod;
  emailVerified?: boolean;
  /** Runs in the account's transaction, once it exists (registration queues its confirmation e-mail there). */
  afterCreate?: (manager: EntityManager, user: User) => Promise<void>;
}

@Injectable()
export class AccountsService {
  private readonly loginPerIp: RateLimiter;
  private readonly registerPerIp: RateLimiter;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly territories: TerritoriesService,
    private readonly memberships: MembershipsService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly accountMails: AccountMails,
    private readonly mailPreferences: MailPreferencesService,
  ) {
    this.loginPerIp = new RateLimiter(config.rateLimits.loginPer15Min, 15 * 60_000);
    this.registerPerIp = new RateLimiter(config.rateLimits.registerPerHour, 60 * 60_000);
  }

  /**
   * Creates the account and e-mails a link confirming the address, in one transaction. For an
   * address that already has an account, nothing is created: its owner is e-mailed instead and
   * the caller gets an answer of the same shape, without a session (docs/security.md,
   * "Registration with a known address"). `created` tells the resolver whether to log in.
   */
  async register(input: RegisterInput, ip: string, lang: ApiLang = 'fr'): Promise<{ user: User; created: boolean }> {
    this.registerPerIp.consume(ipKey(ip));
    const email = input.email.trim().toLowerCase();
    const existing = await this.users.findOne({ where: { email } });
    if (!existing) {
      try {
        const user = await this.createAccount(input, {
          afterCreate: async (manager, created) => {
            if (lang !== 'fr') await this.mailPreferences.setLanguage(manager, created.id, lang);
            await this.accountMails.verification(manager, created);
          },
        });
        return { user, created: true };
      } catch (error) {
        // Registered by a concurrent request meanwhile: answer as for a known address below.
        if ((error as AppError).extensions?.code !== PublicErrorCode.CONFLICT) throw error;
      }
    } else {
      // The same checks and the same work as for a new account (hashing dominates the time).
      await this.checkNewAccount(input, email);
      await hashPassword(input.password);
      await this.dataSource.transaction((m) => this.accountMails.registerAttempt(m, existing));
    }
    const [{ next }] = await this.dataSource.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM "user"`);
    const id = Number(next);
    const displayName = input.displayName.trim();
    return {
      user: this.users.create({
        id,
        email,
        displayName,
        handle: handleFor(displayName, id),
        role: 'MEMBER',
        territoryCode: input.territoryCode || null,
        createdAt: new Date(),
      }),
      created: false,
    };
  }

  private async checkNewAccount(input: RegisterInput, email: string): Promise<void> {
    const problem = passwordProblem(input.password, { email, displayName: input.displayName.trim() });
    if (problem) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, problem, { field: 'password' });
    const territoryCode = input.territoryCode || null;
    if (territoryCode && !(await this.territories.findByCode(territoryCode))) {
      throw badInput('REGISTRATION_UNKNOWN_TERRITORY', { code: territoryCode }, { field: 'territoryCode' });
    }
  }

  /**
   * Shared by `register`, the `user:create` command and ProConnect. A chosen territory becomes a
   * PENDING membership: it grants nothing until verified. ADMIN_EMAILS grants ADMIN only once the
   * address is verified (MembershipsService.onEmailVerified).
   */
  async createAccount(input: RegisterInput, options: CreateAccountOptions = {}): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const territoryCode = input.territoryCode || null;
    await this.checkNewAccount(input, email);
    if (await this.users.exists({ where: { email } })) {
      throw conflict('EMAIL_TAKEN', {}, { field: 'email' });
    }
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(User);
        const user = await repo.save(
          repo.create({
            email,
            displayName,
            passwordHash,
            role: options.role ?? 'MEMBER',
            territoryCode,
            emailVerifiedAt: options.emailVerified ? new Date() : null,
          }),
        );
        await assignHandle(manager, user);
        if (territoryCode) {
          if (options.verifiedBy) await this.memberships.grantVerified(user.id, territoryCode, options.verifiedBy, null, manager);
          else await this.memberships.request(user.id, territoryCode, undefined, manager);
        }
        if (options.emailVerified) await this.memberships.onEmailVerified(user, manager);
        await options.afterCreate?.(manager, user);
        return repo.findOneOrFail({ where: { id: user.id } });
      });
    } catch (error) {
      if (await this.users.exists({ where: { email } })) {
        throw conflict('EMAIL_TAKEN', {}, { field: 'email' });
      }
      throw error;
    }
  }

  /**
   * Checks credentials. Wrong passwords slow down the (address, IP) pair with growing delays;
   * the answers never tell a known address from an unknown one.
   */
  async authenticate(emailInput: string, password: string, ip: string): Promise<User> {
    this.loginPerIp.consume(ipKey(ip));
    const email = emailInput.trim().toLowerCase();
    const key = this.throttle.key(email, ip);
    await this.throttle.check(key);
    const user = await this.users.findOne({ where: { email } });
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await decoyPasswordHash(), password).then(() => false);
    if (!user || !valid) {
      await this.throttle.failed(key);
      throw unauthenticated('WRONG_CREDENTIALS');
    }
    await this.throttle.succeeded(key);
    return user;
  }

  /** Changes a role; the last administrator cannot stop being one (nobody could administer then). */
  async setRole(userId: string, role: Role): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id: Number(userId) } });
      if (!user) throw notFound('USER_NOT_FOUND');
      if (user.role === 'ADMIN' && role !== 'ADMIN' && (await repo.count({ where: { role: 'ADMIN' } })) <= 1) {
        throw conflict('LAST_ADMIN');
      }
      user.role = role;
      return repo.save(user);
    });
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }
}
