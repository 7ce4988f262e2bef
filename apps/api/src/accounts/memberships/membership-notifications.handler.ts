import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../../events/domain-events.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { Membership } from './membership.entity';
import { MembershipStatus } from './membership.enums';
import { MembershipDecided, MembershipRequested, MembershipRevoked } from './membership.events';

/** In the transaction of a membership's change: the territory's managers are told of a request, the person concerned of a decision. */
@Injectable()
export class MembershipNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(MembershipRequested, (m, e) => this.requested(m, e));
    this.events.onRecorded(MembershipDecided, (m, e) => this.decided(m, e));
    this.events.onRecorded(MembershipRevoked, (m, e) => this.revoked(m, e));
  }

  private async requested(m: EntityManager, { territory, requester }: MembershipRequested): Promise<void> {
    const managers = await m.getRepository(Membership).find({
      select: { userId: true },
      where: { territoryCode: territory.code, status: MembershipStatus.VERIFIED, manager: true },
    });
    await this.notifications.notifyUsers(
      m,
      managers.map((r) => r.userId).filter((id) => id !== requester.id),
      {
        kind: 'MEMBERSHIP_REQUESTED',
        message: `${requester.displayName} demande à rejoindre ${territory.name}.`,
        url: `/compte/demandes?territoire=${encodeURIComponent(territory.code)}`,
      },
    );
  }

  private async decided(m: EntityManager, { userId, territory, approved, reason }: MembershipDecided): Promise<void> {
    await this.notifications.notifyUsers(m, [userId], {
      kind: approved ? 'MEMBERSHIP_APPROVED' : 'MEMBERSHIP_REFUSED',
      message: approved
        ? `Votre appartenance à ${territory.name} est vérifiée : vous pouvez agir pour ce territoire.`
        : `Votre demande d'appartenance à ${territory.name} a été refusée : ${reason}`,
      url: '/compte',
    });
  }

  private async revoked(m: EntityManager, { userId, territory, reason }: MembershipRevoked): Promise<void> {
    await this.notifications.notifyUsers(m, [userId], {
      kind: 'MEMBERSHIP_REVOKED',
      message: `Votre appartenance à ${territory.name} a été retirée : ${reason}`,
      url: '/compte',
    });
  }
}
