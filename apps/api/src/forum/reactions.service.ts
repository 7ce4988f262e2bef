import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { User } from '../accounts/user.entity';
import { badInput, forbidden, notFound } from '../common/errors';
import { ForumFlag, ForumPost, ForumReaction } from './entities';

/**
 * "Utile" reactions and flags. `react` is idempotent, not a toggle: the unique key (post, user)
 * and an insert-or-ignore make a reaction count once however often (and concurrently) it is
 * sent; `unreact` removes it. Counts are computed from the rows, never kept in a counter.
 */
@Injectable()
export class ReactionsService {
  constructor(private readonly dataSource: DataSource) {}

  async react(user: User, postId: number): Promise<ForumPost> {
    const post = await this.visiblePost(postId);
    if (post.authorId === user.id) throw badInput('OWN_POST_HELPFUL');
    await this.dataSource.createQueryBuilder().insert().into(ForumReaction).values({ postId: post.id, userId: user.id }).orIgnore().execute();
    return post;
  }

  async unreact(user: User, postId: number): Promise<ForumPost> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    await this.dataSource.getRepository(ForumReaction).delete({ postId: post.id, userId: user.id });
    return post;
  }

  /** One flag per user and post: flagging again keeps the first report. */
  async flag(user: User, postId: number, reason: string): Promise<boolean> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    if (post.authorId === user.id) throw badInput('OWN_POST_FLAG');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ForumFlag)
      .values({ postId: post.id, userId: user.id, reason: reason.trim(), status: 'OPEN' })
      .orIgnore()
      .execute();
    return true;
  }

  private async visiblePost(postId: number): Promise<ForumPost> {
    const post = await this.dataSource.getRepository(ForumPost).findOne({ where: { id: postId } });
    if (!post) throw notFound('POST_NOT_FOUND');
    if (post.hidden) throw forbidden('HIDDEN_POST_REACTION');
    return post;
  }
}
