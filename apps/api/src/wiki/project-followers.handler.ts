import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../events/domain-events.service';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { Territory } from '../territories/territory.entity';
import { Project } from './project.entity';
import { announcedRange, projectReplicatedNotice, projectUpdatedNotice, projectUpdateGroup } from './project-notices';
import { ProjectReplicated, ProjectRevised, ProjectRevisionHidden } from './wiki.events';

const sheet = (projectId: number) => ({ targetType: FollowTargetType.PROJECT, targetId: projectId });

/**
 * In the transaction: what the followers of a sheet hear. Every sheet is public, so every
 * follower may read what is announced; the one who did it is never told.
 */
@Injectable()
export class ProjectFollowersHandler implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.events.onRecorded(ProjectRevised, (manager, event) => this.revised(manager, event));
    this.events.onRecorded(ProjectReplicated, (manager, event) => this.replicated(manager, event));
    this.events.onRecorded(ProjectRevisionHidden, (manager, event) => this.revisionHidden(manager, event));
  }

  /** A new revision (edit or restore): one grouped notice per follower, sheet and editor. */
  private async revised(manager: EntityManager, { projectId, editor, base, revision, restored }: ProjectRevised): Promise<void> {
    const { title, slug } = await manager.getRepository(Project).findOneByOrFail({ id: projectId });
    const save = { editor: editor.displayName, title, slug, base, revision, restored };
    await this.notifications.notifyFollowersGrouped(
      manager,
      sheet(projectId),
      projectUpdateGroup(projectId, editor.id),
      (previous) => ({ ...projectUpdatedNotice(save, previous), actorId: editor.id }),
      editor.id,
    );
  }

  /** The source's followers hear that another territory adopts the project. */
  private async replicated(manager: EntityManager, { projectId, sourceId, publisher }: ProjectReplicated): Promise<void> {
    const copy = await manager.getRepository(Project).findOneByOrFail({ id: projectId });
    const source = await manager.getRepository(Project).findOneBy({ id: sourceId });
    const territory = await manager.getRepository(Territory).findOneBy({ code: copy.territoryCode });
    if (!source || !territory) return;
    await this.notifications.notifyFollowers(
      manager,
      sheet(source.id),
      { ...projectReplicatedNotice(publisher.displayName, source, copy, territory.name), actorId: publisher.id },
      publisher.id,
    );
  }

  /** Unread notices announcing the hidden revision (as their latest) are withdrawn: nobody is sent to read what moderation removed. */
  private async revisionHidden(manager: EntityManager, { projectId, number, authorId }: ProjectRevisionHidden): Promise<void> {
    if (authorId === null) return;
    await this.notifications.withdrawUnread(manager, projectUpdateGroup(projectId, authorId).key, (n) => announcedRange(n.url)?.to === number);
  }
}
