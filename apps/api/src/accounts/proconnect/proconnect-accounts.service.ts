import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/unique-violation';
import { TerritoriesService } from '../../territories/territories.service';
import { Territory } from '../../territories/territory.entity';
import { assignHandle } from '../handle';
import { Membership } from '../memberships/membership.entity';
import { MembershipStatus, VerificationMethod } from '../memberships/membership.enums';
import { MembershipsService } from '../memberships/memberships.service';
import { hashPassword } from '../password-policy';
import { User } from '../user.entity';
import { ProconnectIdentity } from './proconnect-identity';
import { UserIdentity } from './user-identity.entity';

export const PROCONNECT_PROVIDER = 'proconnect';

export interface ProconnectLogin {
  user: User;
  /** The collectivité whose SIREN starts the agent's SIRET, if Essaim knows it. */
  territory: Territory | null;
  created: boolean;
}

/**
 * Finds or creates the account of a ProConnect login: by ProConnect `sub` first, else by e-mail
 * (an existing account is linked, never duplicated), else a new account. ProConnect vouches for
 * the address (it counts as verified) and for the employer: a SIRET whose SIREN is a known
 * collectivité verifies the membership of that collectivité at once.
 */
@Injectable()
export class ProconnectAccountsService {
  private readonly logger = new Logger('ProConnect');

  constructor(
    private readonly dataSource: DataSource,
    private readonly territories: TerritoriesService,
    private readonly memberships: MembershipsService,
  ) {}

  async login(identity: ProconnectIdentity): Promise<ProconnectLogin> {
    const territory = identity.siren ? await this.territories.findBySiren(identity.siren) : null;
    // No password for a ProConnect account: an unguessable one (a reset link can set a real one).
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
    const run = () => this.dataSource.transaction((m) => this.loginIn(m, identity, territory, unusablePassword));
    let found: { user: User; created: boolean };
    try {
      found = await run();
    } catch (error) {
      // Two callbacks for the same person at once: the other one created the rows; use them.
      if (!isUniqueViolation(error)) throw error;
      found = await run();
    }
    return { ...found, territory };
  }

  private async loginIn(m: EntityManager, identity: ProconnectIdentity, territory: Territory | null, passwordHash: string) {
    const { user, created } = await this.findOrCreate(m, identity, territory, passwordHash);
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = new Date();
      await m.getRepository(User).update({ id: user.id }, { emailVerifiedAt: user.emailVerifiedAt });
      // First proof of the address: the ADMIN_EMAILS bootstrap and the official-domain rule apply.
      await this.memberships.onEmailVerified(user, m);
    }
    if (territory) await this.verifyMembership(m, user, territory);
    return { user: await m.getRepository(User).findOneOrFail({ where: { id: user.id } }), created };
  }

  private async findOrCreate(m: EntityManager, identity: ProconnectIdentity, territory: Territory | null, passwordHash: string) {
    const link = await m.findOne(UserIdentity, { where: { provider: PROCONNECT_PROVIDER, subject: identity.sub }, relations: { user: true } });
    if (link?.user) return { user: link.user, created: false };
    let user = await m.findOne(User, { where: { email: identity.email } });
    const created = !user;
    if (!user) {
      const repo = m.getRepository(User);
      user = await repo.save(
        repo.create({
          email: identity.email,
          displayName: identity.displayName,
          passwordHash,
          role: 'MEMBER',
          territoryCode: territory?.code ?? null,
          emailVerifiedAt: null,
        }),
      );
      await assignHandle(m, user);
    }
    await m.insert(UserIdentity, { userId: user.id, provider: PROCONNECT_PROVIDER, subject: identity.sub });
    return { user, created };
  }

  /** VERIFIED by ProConnect, unless a manager revoked this membership: that decision stands. */
  private async verifyMembership(m: EntityManager, user: User, territory: Territory): Promise<void> {
    const existing = await m.findOne(Membership, { where: { userId: user.id, territoryCode: territory.code } });
    if (existing?.status === MembershipStatus.REVOKED) {
      this.logger.log(`ProConnect login of user ${user.id} for ${territory.code}: membership revoked, left as is`);
      return;
    }
    await this.memberships.grantVerified(user.id, territory.code, VerificationMethod.PROCONNECT, null, m);
  }
}
