import { Injectable, OnModuleInit } from '@nestjs/common';
import { BLOCKER_CATEGORY_LABELS_FR, isResolvedStatus } from '@essaim/domain';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../events/domain-events.service';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { BlockerStatusChanged } from './blockers.events';

/** In the transaction of a status change: a blocker lifted or worked around is announced to the followers of its project. */
@Injectable()
export class BlockerNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(BlockerStatusChanged, (m, e) => this.statusChanged(m, e));
  }

  private async statusChanged(m: EntityManager, { blockerId, status, notice }: BlockerStatusChanged): Promise<void> {
    if (!isResolvedStatus(status)) return;
    const { project } = notice;
    const verb = status === 'LIFTED' ? 'levé' : 'contourné';
    await this.notifications.notifyFollowers(
      m,
      { targetType: FollowTargetType.PROJECT, targetId: project.id },
      {
        kind: 'BLOCKER_LIFTED',
        message: `Frein ${verb} sur « ${project.title} » : ${BLOCKER_CATEGORY_LABELS_FR[notice.category]}.`,
        url: `/projets/${project.slug}#frein-${blockerId}`,
      },
      notice.actorId,
    );
  }
}
