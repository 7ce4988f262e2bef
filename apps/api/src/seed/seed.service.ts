import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../accounts/password-policy';
import { User } from '../accounts/user.entity';
import { assignHandle } from '../accounts/handle';
import { Membership } from '../accounts/memberships/membership.entity';
import { MembershipCapacity, MembershipStatus, VerificationMethod } from '../accounts/memberships/membership.enums';
import { AppMeta } from '../database/app-meta.entity';
import { DEMO_ACCOUNTS, DemoAccounts } from './demo-accounts';
import { SeedRegistry } from './seed.registry';

const SEED_MARKER = 'demo-seed';

/**
 * Loads the demo accounts and every feature's demo content into an empty database, once and
 * all-or-nothing (one transaction). Skipped when DEMO_DATA=false or when accounts already exist.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SeedRegistry,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const meta = this.dataSource.getRepository(AppMeta);
    if (await meta.findOne({ where: { key: SEED_MARKER } })) return false;
    if ((await this.dataSource.getRepository(User).count()) > 0) return false;
    const started = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const accounts = {} as DemoAccounts;
      for (const demo of DEMO_ACCOUNTS) {
        const user = await manager.getRepository(User).save(
          manager.getRepository(User).create({
            email: demo.email,
            displayName: demo.displayName,
            role: demo.role,
            territoryCode: demo.territoryCode,
            passwordHash: await hashPassword(demo.password),
            emailVerifiedAt: new Date(),
          }),
        );
        accounts[demo.key] = await assignHandle(manager, user);
        // Demo accounts speak for their territory (verified by an admin); the two agents also
        // handle their commune's membership requests.
        await manager.getRepository(Membership).insert({
          userId: user.id,
          territoryCode: demo.territoryCode,
          status: MembershipStatus.VERIFIED,
          method: VerificationMethod.ADMIN,
          capacity: MembershipCapacity.AGENT,
          manager: demo.manager ?? false,
          decidedAt: new Date(),
        });
      }
      for (const seeder of this.registry.seeders) {
        await seeder.seed(manager, accounts);
      }
      await manager.getRepository(AppMeta).save({ key: SEED_MARKER, value: new Date().toISOString() });
    });
    this.logger.log(`Demo data loaded in ${Date.now() - started} ms (${this.registry.seeders.map((s) => s.name).join(', ') || 'accounts only'})`);
    return true;
  }
}
