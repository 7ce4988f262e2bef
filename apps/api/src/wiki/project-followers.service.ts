import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import type { Territory } from '../territories/territory.entity';
import type { Project } from './project.entity';
import { announcedRange, projectReplicatedNotice, projectUpdatedNotice, projectUpdateGroup } from './project-notices';
import type { WikiRevision } from './wiki-revision.entity';

const sheet = (project: Pick<Project, 'id'>) => ({ targetType: FollowTargetType.PROJECT, targetId: project.id });

/**
 * Who follows a sheet and what they hear, always inside the transaction of the change. Every
 * sheet is public, so every follower may read what is announced; deleted accounts lose their
 * follows (cascade).
 */
@Injectable()
export class ProjectFollowersService {
  constructor(private readonly notifications: NotificationsService) {}

  /** The author of a new sheet (created or replicated) follows it. */
  followAsAuthor(manager: EntityManager, author: User, project: Pick<Project, 'id'>): Promise<void> {
    return this.notifications.follow(manager, author.id, FollowTargetType.PROJECT, project.id);
  }

  /** A new revision saved by `editor` (edit or restore): every follower but the editor hears of it. */
  sheetSaved(
    manager: EntityManager,
    editor: User,
    project: Pick<Project, 'id' | 'title' | 'slug' | 'revision'>,
    base: number,
    restored: number | null = null,
  ): Promise<number[]> {
    const save = { editor: editor.displayName, title: project.title, slug: project.slug, base, revision: project.revision, restored };
    return this.notifications.notifyFollowersGrouped(
      manager,
      sheet(project),
      projectUpdateGroup(project.id, editor.id),
      (previous) => ({ ...projectUpdatedNotice(save, previous), actorId: editor.id }),
      editor.id,
    );
  }

  /** The source's followers hear that another territory adopts the project. */
  replicated(
    manager: EntityManager,
    replicator: User,
    source: Pick<Project, 'id' | 'title'>,
    copy: Pick<Project, 'slug'>,
    territory: Pick<Territory, 'name'>,
  ): Promise<number[]> {
    return this.notifications.notifyFollowers(
      manager,
      sheet(source),
      { ...projectReplicatedNotice(replicator.displayName, source, copy, territory.name), actorId: replicator.id },
      replicator.id,
    );
  }

  /**
   * A moderator hid a revision: unread notifications announcing it (as their latest revision) are
   * withdrawn, so nobody is sent to read what moderation removed.
   */
  async revisionHidden(manager: EntityManager, projectId: number, revision: Pick<WikiRevision, 'number' | 'authorId'>): Promise<void> {
    if (revision.authorId === null) return;
    await this.notifications.withdrawUnread(
      manager,
      projectUpdateGroup(projectId, revision.authorId).key,
      (n) => announcedRange(n.url)?.to === revision.number,
    );
  }
}
