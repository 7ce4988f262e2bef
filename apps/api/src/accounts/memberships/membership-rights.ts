import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Membership } from './membership.entity';
import { MembershipStatus } from './membership.enums';

export interface TerritoryRights {
  verifiedTerritoryCodes: string[];
  managedTerritoryCodes: string[];
}

/** Reads which territories a user speaks for; attached to the request's user with the session. */
@Injectable()
export class MembershipRights {
  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {}

  async rightsOf(userId: number): Promise<TerritoryRights> {
    const rows = await this.memberships.find({
      select: { territoryCode: true, manager: true },
      where: { userId, status: MembershipStatus.VERIFIED },
    });
    return {
      verifiedTerritoryCodes: rows.map((r) => r.territoryCode),
      managedTerritoryCodes: rows.filter((r) => r.manager).map((r) => r.territoryCode),
    };
  }

  /** Loads the rights onto a user object obtained without a session (CLI, ProConnect callback). */
  async attach<T extends { id: number }>(user: T): Promise<T & TerritoryRights> {
    return Object.assign(user, await this.rightsOf(user.id));
  }
}
