import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/unique-violation';
import { TerritoriesService } from '../../territories/territories.service';
import { Territory } from '../../territories/territory.entity';
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
 * (an existing account is linked, never duplicated), else a new account.
 */
@Injectable()
export class ProconnectAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly territories: TerritoriesService,
  ) {}

  async login(identity: ProconnectIdentity): Promise<ProconnectLogin> {
    const territory = identity.siren ? await this.territories.findBySiren(identity.siren) : null;
    // No password for a ProConnect account: an unguessable one (a reset link can set a real one).
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));
    let found: { user: User; created: boolean };
    try {
      found = await this.dataSource.transaction((manager) => this.findOrCreate(manager, identity, territory, unusablePassword));
    } catch (error) {
      // Two callbacks for the same person at once: the other one created the rows; use them.
      if (!isUniqueViolation(error)) throw error;
      found = await this.dataSource.transaction((manager) => this.findOrCreate(manager, identity, territory, unusablePassword));
    }
    return { ...found, territory };
  }

  private async findOrCreate(
    manager: EntityManager,
    identity: ProconnectIdentity,
    territory: Territory | null,
    passwordHash: string,
  ): Promise<{ user: User; created: boolean }> {
    const link = await manager.findOne(UserIdentity, { where: { provider: PROCONNECT_PROVIDER, subject: identity.sub }, relations: { user: true } });
    if (link?.user) return { user: link.user, created: false };
    let user = await manager.findOne(User, { where: { email: identity.email } });
    const created = !user;
    if (!user) {
      user = await manager.save(
        manager.create(User, {
          email: identity.email,
          displayName: identity.displayName,
          passwordHash,
          role: 'MEMBER',
          territoryCode: territory?.code ?? null,
        }),
      );
    }
    await manager.insert(UserIdentity, { userId: user.id, provider: PROCONNECT_PROVIDER, subject: identity.sub });
    return { user, created };
  }
}
