import { Injectable } from '@nestjs/common';
import { containsLink, FORUM_LIMITS } from '@essaim/domain';
import { EntityManager } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { AppError, forbidden, PublicErrorCode } from '../common/errors';
import { RateLimiter } from '../common/rate-limit';
import { ForumPost } from './entities';
import { isModerator } from '../common/auth/policies';

/**
 * Posting limits: every member posts at most `postsPerMinute`; a new account (younger than
 * `newAccountDays` and with fewer than `newAccountPosts` visible posts) may not post links and
 * posts at most `newAccountPostsPerWindow` per `newAccountWindowMinutes`. Moderators are exempt.
 * In memory per process, like the other rate limits (docs/forum.md).
 */
@Injectable()
export class PostingLimits {
  private readonly everyone = new RateLimiter(FORUM_LIMITS.postsPerMinute, 60_000);
  private readonly newcomers = new RateLimiter(FORUM_LIMITS.newAccountPostsPerWindow, FORUM_LIMITS.newAccountWindowMinutes * 60_000);

  async isNewAccount(manager: EntityManager, user: User): Promise<boolean> {
    const ageMs = Date.now() - new Date(user.createdAt).getTime();
    if (ageMs >= FORUM_LIMITS.newAccountDays * 86_400_000) return false;
    const posts = await manager.getRepository(ForumPost).count({ where: { authorId: user.id, hidden: false } });
    return posts < FORUM_LIMITS.newAccountPosts;
  }

  /** For a new post: refuses links from new accounts, then counts the post against the rate limits. */
  async checkNewPost(manager: EntityManager, user: User, body: string): Promise<void> {
    if (isModerator(user)) return;
    const isNew = await this.checkLinks(manager, user, body);
    this.consume(this.everyone, `u:${user.id}`);
    if (isNew) this.consume(this.newcomers, `u:${user.id}`);
  }

  /** For an edit: only the link rule applies. Returns whether the account is new. */
  async checkLinks(manager: EntityManager, user: User, body: string): Promise<boolean> {
    if (isModerator(user)) return false;
    const isNew = await this.isNewAccount(manager, user);
    if (isNew && containsLink(body)) {
      throw forbidden('LINKS_RESERVED', { posts: FORUM_LIMITS.newAccountPosts, days: FORUM_LIMITS.newAccountDays });
    }
    return isNew;
  }

  private consume(limiter: RateLimiter, key: string): void {
    try {
      limiter.consume(key);
    } catch (error) {
      const seconds = Number((error as AppError).extensions?.retryAfterSeconds ?? 60);
      throw new AppError(PublicErrorCode.RATE_LIMITED, 'POSTING_TOO_FAST', { seconds }, { retryAfterSeconds: seconds });
    }
  }
}
