import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { forbidden, notFound } from '../common/errors';
import { loaderFor } from '../common/loaders';
import type { PageRequest } from '../common/pagination/connection';
import { ChildPage, pagedChildren } from './paged-children';
import { diffTexts, RevisionDiff } from './revision-diff';
import { isModerator } from '../common/auth/policies';
import { RevisionTargetType, WikiRevision } from './wiki-revision.entity';

/** Immutable revisions of project sheets and wiki pages: writing, listing, comparing, hiding. */
@Injectable()
export class RevisionsService {
  constructor(@InjectRepository(WikiRevision) private readonly revisions: Repository<WikiRevision>) {}

  /** Inside the saving transaction; the unique (target, number) key refuses a duplicate number. */
  async record(
    manager: EntityManager,
    targetType: RevisionTargetType,
    targetId: number,
    number: number,
    author: User | null,
    comment: string | null | undefined,
    content: object,
  ): Promise<void> {
    await manager.getRepository(WikiRevision).insert({
      targetType,
      targetId,
      number,
      authorId: author?.id ?? null,
      comment: comment?.trim() || null,
      snapshot: JSON.stringify(content),
      hidden: false,
    });
  }

  find(targetType: RevisionTargetType, targetId: number, number: number, manager?: EntityManager): Promise<WikiRevision | null> {
    const repo = manager ? manager.getRepository(WikiRevision) : this.revisions;
    return repo.findOne({ where: { targetType, targetId, number } });
  }

  /** The revision's content, refusing hidden ones to everyone but moderators. */
  async content<T>(viewer: User | null, targetType: RevisionTargetType, targetId: number, number: number, manager?: EntityManager): Promise<T> {
    const revision = await this.find(targetType, targetId, number, manager);
    if (!revision) throw notFound('REVISION_NOT_FOUND', { number });
    if (revision.hidden && !isModerator(viewer)) throw forbidden('HIDDEN_REVISION');
    return JSON.parse(revision.snapshot) as T;
  }

  /** Newest first, batched across targets of one request. */
  page(ctx: Pick<RequestContext, 'loaders'>, targetType: RevisionTargetType, targetId: number, page: PageRequest): Promise<ChildPage<WikiRevision>> {
    const key = `wiki:revisions:${targetType}:${page.offset}:${page.limit}`;
    return loaderFor<number, ChildPage<WikiRevision>>(ctx, key, (ids) =>
      pagedChildren(this.revisions, 'targetId', ids, '"t"."number" DESC', page, (qb) => qb.andWhere('"t"."targetType" = :type', { type: targetType })),
    ).load(targetId) as Promise<ChildPage<WikiRevision>>;
  }

  async diff<T>(
    viewer: User | null,
    targetType: RevisionTargetType,
    targetId: number,
    from: number,
    to: number,
    toText: (content: T) => string | Promise<string>,
  ): Promise<RevisionDiff> {
    const [before, after] = await Promise.all([this.content<T>(viewer, targetType, targetId, from), this.content<T>(viewer, targetType, targetId, to)]);
    const [a, b] = await Promise.all([toText(before), toText(after)]);
    return { from, to, chunks: diffTexts(a, b) };
  }

  /** Latest revision not hidden, other than `except` (what the content falls back to). */
  latestVisible(manager: EntityManager, targetType: RevisionTargetType, targetId: number, except: number): Promise<WikiRevision | null> {
    return manager
      .getRepository(WikiRevision)
      .createQueryBuilder('r')
      .where('r.targetType = :targetType AND r.targetId = :targetId AND r.hidden = :hidden AND r.number <> :except', {
        targetType,
        targetId,
        hidden: false,
        except,
      })
      .orderBy('r.number', 'DESC')
      .getOne();
  }

  async setHidden(manager: EntityManager, revision: WikiRevision, hidden: boolean, reason: string, moderator: User): Promise<void> {
    await manager.getRepository(WikiRevision).update(revision.id, { hidden, hiddenReason: hidden ? reason : null, hiddenById: hidden ? moderator.id : null });
  }
}
