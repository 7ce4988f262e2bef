import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { byKeys, loaderFor, loadUser } from '../common/loaders';
import { PageRequest } from '../common/pagination/connection';
import { Project } from '../wiki/project.entity';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import type { ThreadSort } from './dto/forum.args';
import { ForumCategory, ForumPost, ForumPostRevision, ForumReaction, ForumThread, ForumThreadRead } from './entities';

type Loaders = Pick<RequestContext, 'loaders'>;

/** Reading the forum: lists and the per-request DataLoaders used by field resolvers. */
@Injectable()
export class ForumReadService {
  constructor(private readonly dataSource: DataSource) {}

  categories(): Promise<ForumCategory[]> {
    return this.dataSource.getRepository(ForumCategory).find({ order: { position: 'ASC', id: 'ASC' } });
  }

  categoryBySlug(slug: string): Promise<ForumCategory | null> {
    return this.dataSource.getRepository(ForumCategory).findOne({ where: { slug } });
  }

  thread(id: number): Promise<ForumThread | null> {
    return this.dataSource.getRepository(ForumThread).findOne({ where: { id } });
  }

  /** Pinned first, then by the chosen order; UNANSWERED keeps threads without a visible reply. */
  threads(filter: { categoryId?: number }, sort: ThreadSort, page: PageRequest): Promise<[ForumThread[], number]> {
    const qb = this.dataSource.getRepository(ForumThread).createQueryBuilder('t');
    if (filter.categoryId !== undefined) qb.andWhere('t.categoryId = :categoryId', { categoryId: filter.categoryId });
    if (sort === 'UNANSWERED') qb.andWhere('t.replyCount = 0');
    qb.orderBy('t.pinned', 'DESC');
    if (sort === 'TOP') {
      qb.addSelect(
        (sub) =>
          sub.select('COUNT(r.id)').from(ForumReaction, 'r').innerJoin(ForumPost, 'p', 'p.id = r.postId').where('p.threadId = t.id').andWhere('NOT p.hidden'),
        'reaction_total',
      );
      qb.addOrderBy('reaction_total', 'DESC');
    }
    qb.addOrderBy('t.lastActivityAt', 'DESC').addOrderBy('t.id', 'DESC');
    return qb.skip(page.offset).take(page.limit).getManyAndCount();
  }

  posts(threadId: number, page: PageRequest): Promise<[ForumPost[], number]> {
    return this.dataSource.getRepository(ForumPost).findAndCount({ where: { threadId }, order: { id: 'ASC' }, skip: page.offset, take: page.limit });
  }

  /** Position (0-based) of a post in its thread, to link to the page that holds it. */
  postIndex(post: ForumPost): Promise<number> {
    return this.dataSource
      .getRepository(ForumPost)
      .createQueryBuilder('p')
      .where('p.threadId = :t AND p.id < :id', { t: post.threadId, id: post.id })
      .getCount();
  }

  // ---- loaders ----

  user(ctx: Loaders, id: number): Promise<User | null> {
    return loadUser(ctx, this.dataSource.getRepository(User), id);
  }

  category(ctx: Loaders, id: number): Promise<ForumCategory | null> {
    return loaderFor<number, ForumCategory>(ctx, 'forum:category', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(ForumCategory).findBy({ id: In([...ids]) }), (c) => c.id),
    ).load(id);
  }

  threadById(ctx: Loaders, id: number): Promise<ForumThread | null> {
    return loaderFor<number, ForumThread>(ctx, 'forum:thread', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(ForumThread).findBy({ id: In([...ids]) }), (t) => t.id),
    ).load(id);
  }

  threadByProject(ctx: Loaders, projectId: number): Promise<ForumThread | null> {
    return loaderFor<number, ForumThread>(ctx, 'forum:threadByProject', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(ForumThread).findBy({ projectId: In([...ids]) }), (t) => t.projectId!),
    ).load(projectId);
  }

  post(ctx: Loaders, id: number): Promise<ForumPost | null> {
    return loaderFor<number, ForumPost>(ctx, 'forum:post', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(ForumPost).findBy({ id: In([...ids]) }), (p) => p.id),
    ).load(id);
  }

  project(ctx: Loaders, id: number): Promise<Project | null> {
    return loaderFor<number, Project>(ctx, 'forum:project', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(Project).findBy({ id: In([...ids]) }), (p) => p.id),
    ).load(id);
  }

  async reactionCount(ctx: Loaders, postId: number): Promise<number> {
    return (
      (await loaderFor<number, number>(ctx, 'forum:reactionCount', async (ids) => {
        const rows: { postId: number; n: string | number }[] = await this.dataSource
          .getRepository(ForumReaction)
          .createQueryBuilder('r')
          .select('r.postId', 'postId')
          .addSelect('COUNT(*)', 'n')
          .where('r.postId IN (:...ids)', { ids })
          .groupBy('r.postId')
          .getRawMany();
        const counts = new Map(rows.map((r) => [Number(r.postId), Number(r.n)]));
        return ids.map((id) => counts.get(id) ?? 0);
      }).load(postId)) ?? 0
    );
  }

  async reactedBy(ctx: Loaders, userId: number, postId: number): Promise<boolean> {
    return (
      (await loaderFor<number, boolean>(ctx, `forum:reactedBy:${userId}`, async (ids) => {
        const rows = await this.dataSource.getRepository(ForumReaction).find({ select: { postId: true }, where: { userId, postId: In([...ids]) } });
        const mine = new Set(rows.map((r) => r.postId));
        return ids.map((id) => mine.has(id));
      }).load(postId)) ?? false
    );
  }

  async threadCount(ctx: Loaders, categoryId: number): Promise<number> {
    return (
      (await loaderFor<number, number>(ctx, 'forum:threadCount', async (ids) => {
        const rows: { categoryId: number; n: string | number }[] = await this.dataSource
          .getRepository(ForumThread)
          .createQueryBuilder('t')
          .select('t.categoryId', 'categoryId')
          .addSelect('COUNT(*)', 'n')
          .where('t.categoryId IN (:...ids)', { ids })
          .groupBy('t.categoryId')
          .getRawMany();
        const counts = new Map(rows.map((r) => [Number(r.categoryId), Number(r.n)]));
        return ids.map((id) => counts.get(id) ?? 0);
      }).load(categoryId)) ?? 0
    );
  }

  /** The last post the user has read in each thread (null: never opened). */
  lastRead(ctx: Loaders, userId: number, threadId: number): Promise<number | null> {
    return loaderFor<number, number>(ctx, `forum:lastRead:${userId}`, async (ids) => {
      const rows = await this.dataSource.getRepository(ForumThreadRead).findBy({ userId, threadId: In([...ids]) });
      return byKeys(ids, rows, (r) => r.threadId).map((r) => r?.lastReadPostId ?? null);
    }).load(threadId);
  }

  /** Newest first, for the revision history. */
  revisions(postId: number, page: PageRequest): Promise<[ForumPostRevision[], number]> {
    return this.dataSource.getRepository(ForumPostRevision).findAndCount({ where: { postId }, order: { number: 'DESC' }, skip: page.offset, take: page.limit });
  }

  /** Batched "does the viewer follow this?" for lists of threads or projects. */
  async followed(ctx: Loaders, notifications: NotificationsService, userId: number, type: FollowTargetType, id: number): Promise<boolean> {
    return (
      (await loaderFor<number, boolean>(ctx, `forum:follows:${type}:${userId}`, async (ids) => {
        const set = await notifications.followedAmong(userId, type, ids);
        return ids.map((i) => set.has(i));
      }).load(id)) ?? false
    );
  }
}
