import { Injectable, OnModuleInit } from '@nestjs/common';
import { slugify } from '@essaim/domain';
import { EntityManager, Like } from 'typeorm';
import { renderMarkdown } from '../../common/markdown';
import { FollowTargetType } from '../../notifications/follow-target';
import { NotificationsService } from '../../notifications/notifications.service';
import type { DemoAccounts } from '../../seed/demo-accounts';
import type { DemoSeeder } from '../../seed/seed.registry';
import { SeedRegistry } from '../../seed/seed.registry';
import { DomainEvents } from '../../events/domain-events.service';
import { ThreadStarted } from '../forum.events';
import { Project } from '../../wiki/project.entity';
import { ForumCategory, ForumPost, ForumPostRevision, ForumReaction, ForumThread } from '../entities';
import { DEMO_THREADS, DemoThread } from './forum-demo-threads';

/** Demo threads (after the wiki's projects, order 10, so some become project Discussions). */
@Injectable()
export class ForumDemoSeeder implements DemoSeeder, OnModuleInit {
  readonly order = 40;
  readonly name = 'forum';

  constructor(
    private readonly registry: SeedRegistry,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async seed(manager: EntityManager, accounts: DemoAccounts): Promise<void> {
    const start = Date.now() - DEMO_THREADS.length * 3 * 86_400_000;
    for (const [i, demo] of DEMO_THREADS.entries()) {
      await this.seedThread(manager, accounts, demo, new Date(start + i * 3 * 86_400_000));
    }
  }

  private async seedThread(m: EntityManager, accounts: DemoAccounts, demo: DemoThread, at: Date): Promise<void> {
    const category = await m.getRepository(ForumCategory).findOneOrFail({ where: { slug: demo.category } });
    const project = demo.projectTitle ? await this.project(m, demo.projectTitle) : null;
    const author = accounts[demo.author];
    const thread = await m.getRepository(ForumThread).save(
      m.getRepository(ForumThread).create({
        categoryId: category.id,
        title: demo.title,
        authorId: author.id,
        projectId: project?.id ?? null,
        isQuestion: demo.isQuestion ?? false,
        pinned: demo.pinned ?? false,
        lastActivityAt: at,
        createdAt: at,
      }),
    );
    const posts: ForumPost[] = [];
    const messages = [{ author: demo.author, body: demo.body, reactions: [] as (keyof DemoAccounts)[], accepted: false }, ...demo.replies];
    for (const [i, message] of messages.entries()) {
      const createdAt = new Date(at.getTime() + i * 5 * 3_600_000);
      const writer = accounts[message.author];
      const post = await m
        .getRepository(ForumPost)
        .save(
          m
            .getRepository(ForumPost)
            .create({ threadId: thread.id, authorId: writer.id, body: message.body, bodyHtml: renderMarkdown(message.body), createdAt }),
        );
      await m.getRepository(ForumPostRevision).insert({ postId: post.id, number: 1, body: message.body, authorId: writer.id });
      for (const reactor of message.reactions ?? []) await m.getRepository(ForumReaction).insert({ postId: post.id, userId: accounts[reactor].id });
      await this.notifications.follow(m, writer.id, FollowTargetType.THREAD, thread.id);
      posts.push(post);
    }
    const accepted = messages.findIndex((msg) => msg.accepted);
    await m.getRepository(ForumThread).update(
      { id: thread.id },
      {
        firstPostId: posts[0].id,
        lastPostId: posts[posts.length - 1].id,
        replyCount: posts.length - 1,
        lastActivityAt: posts[posts.length - 1].createdAt,
        acceptedPostId: accepted > 0 ? posts[accepted].id : null,
      },
    );
    await this.events.record(m, new ThreadStarted(thread.id));
  }

  /** Wiki slugs may carry the territory name: match on the title's slug as a prefix, then the title. */
  private async project(m: EntityManager, title: string): Promise<Project | null> {
    const repo = m.getRepository(Project);
    return (await repo.findOne({ where: { slug: Like(`${slugify(title)}%`) } })) ?? (await repo.findOne({ where: { title } }));
  }
}
