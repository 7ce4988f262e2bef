import { Module, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { Project } from '../wiki/project.entity';
import { CategoriesResolver } from './categories.resolver';
import { ForumDemoSeeder } from './demo/forum-demo.seeder';
import { ForumThread } from './entities';
import { ForumCategoriesBootstrap } from './forum-categories.bootstrap';
import { ForumNotificationsHandler } from './forum-notifications.handler';
import { ForumReadService } from './forum-read.service';
import { MentionResolver } from './mention-resolver';
import { ModerationLogResolver, ModerationResolver, PostRevisionResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { PostEditingService } from './post-editing.service';
import { PostingLimits } from './posting-limits';
import { PostingService } from './posting.service';
import { PostsResolver } from './posts.resolver';
import { ProjectDiscussionResolver } from './project-discussion.resolver';
import { ReactionsService } from './reactions.service';
import { ThreadSearchSource } from './thread-search.source';
import { ThreadsResolver } from './threads.resolver';

/** Forum: categories, threads, posts (revisions), reactions, moderation, project Discussions. */
@Module({
  providers: [
    ForumCategoriesBootstrap,
    ForumReadService,
    PostingLimits,
    MentionResolver,
    PostingService,
    PostEditingService,
    ReactionsService,
    ModerationService,
    ForumNotificationsHandler,
    ThreadSearchSource,
    ForumDemoSeeder,
    CategoriesResolver,
    ThreadsResolver,
    PostsResolver,
    ModerationResolver,
    ModerationLogResolver,
    PostRevisionResolver,
    ProjectDiscussionResolver,
  ],
})
export class ForumModule implements OnModuleInit {
  constructor(private readonly notifications: NotificationsService) {}

  /** What the public follow mutation may follow: threads (ours) and project sheets. */
  onModuleInit(): void {
    const exists = (entity: typeof ForumThread | typeof Project) => (m: EntityManager, id: number) => m.getRepository(entity).exists({ where: { id } });
    this.notifications.registerTarget(FollowTargetType.THREAD, exists(ForumThread));
    this.notifications.registerTarget(FollowTargetType.PROJECT, exists(Project));
  }
}
