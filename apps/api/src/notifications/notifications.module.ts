import { Global, Module } from '@nestjs/common';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * Followers and in-app notifications. Global: a feature's notifications handler calls
 * NotificationsService on its domain events, inside their transaction (see docs/forum.md,
 * "Notifications for other features").
 */
@Global()
@Module({
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
