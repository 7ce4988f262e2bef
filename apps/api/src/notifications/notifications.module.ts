import { Global, Module } from '@nestjs/common';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * Followers and in-app notifications. Global: any feature injects NotificationsService and
 * calls it inside its own transaction (see docs/forum.md, "Notifications for other features").
 */
@Global()
@Module({
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
