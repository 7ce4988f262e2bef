import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents } from '../events/domain-events.service';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { CommitmentStatusChanged } from './commitments.events';
import { STATUS_LABELS_FR } from './commitments.service';

/** In the transaction of a commitment's update: its followers are told of its new status. */
@Injectable()
export class CommitmentNotificationsHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(CommitmentStatusChanged, (m, e) => this.statusChanged(m, e));
  }

  private async statusChanged(m: EntityManager, { commitmentId, status, notice }: CommitmentStatusChanged): Promise<void> {
    await this.notifications.notifyFollowers(
      m,
      { targetType: FollowTargetType.COMMITMENT, targetId: commitmentId },
      {
        kind: 'COMMITMENT_STATUS',
        message: `L’engagement « ${notice.title.slice(0, 120)} » est passé à « ${STATUS_LABELS_FR[status]} ».`,
        url: `/seminaires/${notice.seminarId}/engagements#engagement-${commitmentId}`,
      },
      notice.actorId,
    );
  }
}
