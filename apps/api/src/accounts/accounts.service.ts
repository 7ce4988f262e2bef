import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { badInput, conflict, notFound, PublicErrorCode, AppError } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { Role } from '../common/auth/role';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TerritoriesService } from '../territories/territories.service';
import { assignHandle } from './handle';
import { LoginThrottleService } from './login-throttle';
import { MembershipsService } from './memberships/memberships.service';
import { VerificationMethod } from './memberships/membership.enums';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password-policy';
import { RegisterInput } from './dto/register.input';
import { User } from './user.entity';

const ipKey = (ip: string) => createHash('sha256').update(ip).digest('hex').slice(0, 32);

export interface CreateAccountOptions {
  role?: Role;
  /** The shell (`user:create --verified`) and ProConnect vouch for the territory themselves. */
  verifiedBy?: VerificationMethod;
  emailVerified?: boolean;
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
  ) {
    this.loginPerIp = new RateLimiter(config.rateLimits.loginPer15Min, 15 * 60_000);
    this.registerPerIp = new RateLimiter(config.rateLimits.registerPerHour, 60 * 60_000);
  }

  async register(input: RegisterInput, ip: string): Promise<User> {
    this.registerPerIp.consume(ipKey(ip));
    return this.createAccount(input);
  }

  /**
   * Shared by `register`, the `user:create` command and ProConnect. A chosen territory becomes a
   * PENDING membership: it grants nothing until verified. ADMIN_EMAILS grants ADMIN only once the
   * address is verified (MembershipsService.onEmailVerified).
   */
  async createAccount(input: RegisterInput, options: CreateAccountOptions = {}): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const problem = passwordProblem(input.password, { email, displayName });
    if (problem) throw badInput(problem, { field: 'password' });
    const territoryCode = input.territoryCode || null;
    if (territoryCode && !(await this.territories.findByCode(territoryCode))) {
      throw badInput(`Territoire inconnu : « ${territoryCode} ». Indiquez un code INSEE de commune ou un SIREN d'EPCI.`, {
        field: 'territoryCode',
      });
    }
    if (await this.users.exists({ where: { email } })) {
      throw conflict('Un compte existe déjà avec cette adresse e-mail.', { field: 'email' });
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
        return repo.findOneOrFail({ where: { id: user.id } });
      });
    } catch (error) {
      if (await this.users.exists({ where: { email } })) {
        throw conflict('Un compte existe déjà avec cette adresse e-mail.', { field: 'email' });
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
      throw new AppError(PublicErrorCode.UNAUTHENTICATED, 'Adresse e-mail ou mot de passe incorrect.');
    }
    await this.throttle.succeeded(key);
    return user;
  }

  /** Changes a role; the last administrator cannot stop being one (nobody could administer then). */
  async setRole(userId: string, role: Role): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id: Number(userId) } });
      if (!user) throw notFound('Utilisateur');
      if (user.role === 'ADMIN' && role !== 'ADMIN' && (await repo.count({ where: { role: 'ADMIN' } })) <= 1) {
        throw conflict('Il doit rester au moins un administrateur : nommez-en un autre avant de changer ce rôle.');
      }
      user.role = role;
      return repo.save(user);
    });
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }
}
