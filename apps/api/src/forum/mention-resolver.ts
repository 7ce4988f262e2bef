import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import { parseMentions, resolveMentions } from './mentions';

export interface ResolvedMentions {
  userIds: number[];
  /** The `@Mot` words that named someone (highlighted when the post is rendered). */
  resolvedWords: Set<string>;
}

/** Finds who a post's `@mentions` name (rules in mentions.ts and docs/forum.md). */
@Injectable()
export class MentionResolver {
  constructor(private readonly dataSource: DataSource) {}

  /** `threadId` is null for a thread's first post: then `@Mot` has no participants to name. */
  async resolve(body: string, threadId: number | null): Promise<ResolvedMentions> {
    const parsed = parseMentions(body);
    if (!parsed.fullNames.length && !parsed.words.length) return { userIds: [], resolvedWords: new Set<string>() };
    const participants = threadId !== null && parsed.words.length ? await this.participants(threadId) : [];
    const everyone = parsed.fullNames.length
      ? await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true }, where: { displayName: In(parsed.fullNames) } })
      : [];
    return resolveMentions(parsed, participants, everyone);
  }

  /**
   * The users `next` names that `previousBody` did not. Both are resolved against today's
   * participants, so text an edit left unchanged never counts as a new mention.
   */
  async addedByEdit(previousBody: string, next: ResolvedMentions, threadId: number): Promise<number[]> {
    if (!next.userIds.length) return [];
    const before = new Set((await this.resolve(previousBody, threadId)).userIds);
    return next.userIds.filter((id) => !before.has(id));
  }

  private participants(threadId: number): Promise<{ id: number; displayName: string }[]> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName'])
      .where('u.id IN (SELECT p."authorId" FROM forum_post p WHERE p."threadId" = :threadId)', { threadId })
      .getMany();
  }
}
