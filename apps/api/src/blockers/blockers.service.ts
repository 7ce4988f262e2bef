import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVE_STATUSES, requiresResolution, transitionProblem } from '@essaim/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { AppError, badInput, conflict, forbidden, notFound, PublicErrorCode } from '../common/errors';
import { groupByKeys, loaderFor, loadUser } from '../common/loaders';
import { DomainEvents } from '../events/domain-events.service';
import { Project } from '../wiki/project.entity';
import { ProjectsService } from '../wiki/projects.service';
import { BlockerEvent } from './blocker-event.entity';
import { BlockerStatusChanged } from './blockers.events';
import { Blocker } from './blocker.entity';
import { BlockerStatus } from './blocker-enums';
import { BlockerInput } from './dto/blocker.input';
import { RESOLUTION_MIN } from './dto/blocker.args';

export const CONFIDENTIAL_DESCRIPTION = 'Description confidentielle : visible seulement par les membres vérifiés du territoire du projet et les modérateurs.';

export interface StatusChange {
  status: BlockerStatus;
  resolution?: string | null;
  comment?: string | null;
}

/**
 * Reporting blockers and changing their status (edits: BlockerEditsService). Every change writes a timeline event and
 * recomputes the project's `isBlocked` flag in the same transaction.
 */
@Injectable()
export class BlockersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly events: DomainEvents,
  ) {}

  findById(id: number | string): Promise<Blocker | null> {
    const n = Number(id);
    return Number.isSafeInteger(n) && n > 0 ? this.dataSource.getRepository(Blocker).findOne({ where: { id: n } }) : Promise.resolve(null);
  }

  /** Members of the project's territory and moderators/admins report, update and see confidential descriptions. */
  canManage(user: User | null | undefined, project: Pick<Project, 'territoryCode'>): boolean {
    return this.projects.canEdit(user, project);
  }

  async report(user: User, projectId: string, input: BlockerInput): Promise<Blocker> {
    const project = await this.projects.findById(projectId);
    if (!project) throw notFound('PROJECT_NOT_FOUND');
    if (!this.canManage(user, project)) {
      throw forbidden('BLOCKER_REPORTERS_ONLY');
    }
    const openedAt = input.openedAt ?? new Date();
    return this.dataSource.transaction(async (manager) => {
      const blocker = await manager.getRepository(Blocker).save(
        manager.getRepository(Blocker).create({
          projectId: project.id,
          category: input.category,
          severity: input.severity,
          status: 'OPEN',
          description: input.description,
          revision: 1,
          confidential: input.confidential ?? false,
          resolution: null,
          openedAt,
          resolvedAt: null,
          reportedById: user.id,
          resolvedById: null,
        }),
      );
      await manager.getRepository(BlockerEvent).insert({ blockerId: blocker.id, previousStatus: null, status: 'OPEN', authorId: user.id, at: openedAt });
      await this.refreshIsBlocked(manager, project.id);
      return blocker;
    });
  }

  async changeStatus(user: User, id: string, change: StatusChange): Promise<Blocker> {
    const blocker = await this.findById(id);
    if (!blocker) throw notFound('BLOCKER_NOT_FOUND');
    const project = await this.projects.findById(blocker.projectId);
    if (!project) throw notFound('PROJECT_NOT_FOUND');
    if (!this.canManage(user, project)) {
      throw forbidden('BLOCKER_UPDATERS_ONLY');
    }
    const refused = transitionProblem(blocker.status, change.status);
    if (refused) throw AppError.of(PublicErrorCode.BAD_USER_INPUT, refused, { from: blocker.status, to: change.status });
    const resolution = change.resolution?.trim() || null;
    if (requiresResolution(change.status) && (!resolution || resolution.length < RESOLUTION_MIN)) {
      throw badInput('RESOLUTION_TOO_SHORT', { min: RESOLUTION_MIN });
    }
    if (resolution && !requiresResolution(change.status)) {
      throw badInput('RESOLUTION_NOT_EXPECTED');
    }

    const now = new Date();
    const closed = !ACTIVE_STATUSES.includes(change.status);
    return this.dataSource.transaction(async (manager) => {
      // Conditional on the status we validated: a concurrent change makes this a CONFLICT, not a silent overwrite.
      const result = await manager.getRepository(Blocker).update(
        { id: blocker.id, status: blocker.status },
        {
          status: change.status,
          resolution: requiresResolution(change.status) ? resolution : null,
          resolvedAt: closed ? now : null,
          resolvedById: closed ? user.id : null,
        },
      );
      if (!result.affected) {
        throw conflict('BLOCKER_STATUS_CHANGED_MEANWHILE');
      }
      await manager.getRepository(BlockerEvent).insert({
        blockerId: blocker.id,
        previousStatus: blocker.status,
        status: change.status,
        resolution: requiresResolution(change.status) ? resolution : null,
        comment: change.comment?.trim() || null,
        authorId: user.id,
        at: now,
      });
      await this.refreshIsBlocked(manager, project.id);
      const notice = { actorId: user.id, category: blocker.category, project: { id: project.id, title: project.title, slug: project.slug } };
      await this.events.record(manager, new BlockerStatusChanged(blocker.id, blocker.status, change.status, notice));
      return await manager.getRepository(Blocker).findOneOrFail({ where: { id: blocker.id } });
    });
  }

  /** A project is blocked while it has an OPEN or IN_PROGRESS blocker of severity BLOCKING. */
  async refreshIsBlocked(manager: EntityManager, projectId: number): Promise<void> {
    const blocked = await manager.getRepository(Blocker).exists({
      where: { projectId, severity: 'BLOCKING', status: In([...ACTIVE_STATUSES]) },
    });
    await manager.getRepository(Project).update({ id: projectId }, { isBlocked: blocked });
  }

  /** A project's blockers, active first, then most recent. Batched per request. */
  forProject(ctx: Pick<RequestContext, 'loaders'>, projectId: number): Promise<Blocker[]> {
    return loaderFor<number, Blocker[]>(ctx, 'blockers:byProject', async (ids) => {
      const rows = await this.dataSource.getRepository(Blocker).find({ where: { projectId: In([...ids]) }, order: { openedAt: 'DESC', id: 'DESC' } });
      const active = (b: Blocker) => (ACTIVE_STATUSES.includes(b.status) ? 0 : 1);
      return groupByKeys(ids, rows, (b) => b.projectId).map((list) => list.sort((a, b) => active(a) - active(b)));
    }).load(projectId) as Promise<Blocker[]>;
  }

  timeline(ctx: Pick<RequestContext, 'loaders'>, blockerId: number): Promise<BlockerEvent[]> {
    return loaderFor<number, BlockerEvent[]>(ctx, 'blockers:timeline', async (ids) => {
      const rows = await this.dataSource.getRepository(BlockerEvent).find({ where: { blockerId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } });
      return groupByKeys(ids, rows, (e) => e.blockerId);
    }).load(blockerId) as Promise<BlockerEvent[]>;
  }

  /** Public profile of an author (display name, role, territory), batched. */
  loadUser(ctx: Pick<RequestContext, 'loaders'>, id: number | null): Promise<User | null> {
    return loadUser(ctx, this.dataSource.getRepository(User), id);
  }
}
