import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import type { Project } from './project.entity';

/**
 * Who follows a sheet, inside the transaction of the change; what followers hear is written by
 * ProjectFollowersHandler from the sheet's events. Deleted accounts lose their follows (cascade).
 */
@Injectable()
export class ProjectFollowersService {
  constructor(private readonly notifications: NotificationsService) {}

  /** The author of a new sheet (created or replicated) follows it. */
  followAsAuthor(manager: EntityManager, author: User, project: Pick<Project, 'id'>): Promise<void> {
    return this.notifications.follow(manager, author.id, FollowTargetType.PROJECT, project.id);
  }
}
