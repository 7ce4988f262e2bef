import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { foldForSearch, slugify } from '@essaim/domain';
import { Brackets, DataSource, EntityManager, Like, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { byKeys, groupByKeys, loaderFor } from '../common/loaders';
import type { PageRequest } from '../common/pagination/connection';
import { DomainEvents } from '../events/domain-events.service';
import { Territory } from '../territories/territory.entity';
import type { ProjectFilter } from './dto/project-filter.input';
import type { ProjectInput } from './dto/project.input';
import { PROJECT_DOCUMENT } from './documents/project.document';
import { RevisionedDocumentStore } from './documents/revisioned-document.store';
import { ChildPage, pagedChildren } from './paged-children';
import { ProjectFollowersService } from './project-followers.service';
import { Project } from './project.entity';
import { themePattern } from '../common/themes-column';
import { ProjectContent, projectContent } from './wiki-content';
import { canActForTerritory, canEditProject } from './wiki-permissions';
import { SlugTaken } from './slug-taken';
import { ProjectReplicated, ProjectSaved } from './wiki.events';
import { replicationDraft } from './replication-draft';

const CREATE_ATTEMPTS = 10;

export interface CreateOptions {
  comment?: string | null;
  replicatedFromId?: number | null;
  isDraft?: boolean;
  isDemo?: boolean;
}

/**
 * Project sheets: reading, the permission check, and every write (create, update, restore,
 * replicate, publish, hide a revision). The revision lifecycle is RevisionedDocumentStore's;
 * territory, replication and the author's follow are the sheet's own. Followers hear of changes
 * through the sheet's events (ProjectFollowersHandler). Other features (blockers, forum) inject
 * this service through WikiModule's exports.
 */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly dataSource: DataSource,
    private readonly store: RevisionedDocumentStore,
    private readonly events: DomainEvents,
    private readonly followers: ProjectFollowersService,
  ) {}

  findById(id: number | string): Promise<Project | null> {
    const n = Number(id);
    return Number.isSafeInteger(n) && n > 0 ? this.projects.findOne({ where: { id: n } }) : Promise.resolve(null);
  }

  findBySlug(slug: string): Promise<Project | null> {
    return this.projects.findOne({ where: { slug } });
  }

  /** Batched by request, for field resolvers (`Blocker.project`, `Thread.project`…). */
  load(ctx: Pick<RequestContext, 'loaders'>, id: number | string): Promise<Project | null> {
    return loaderFor<number, Project>(ctx, 'wiki:project', async (ids) =>
      byKeys(ids, ids.length ? await this.projects.findBy(ids.map((i) => ({ id: i }))) : [], (p) => p.id),
    ).load(Number(id));
  }

  /** Members of the project's territory, moderators and admins. */
  canEdit(user: User | null | undefined, project: Pick<Project, 'territoryCode'>): boolean {
    return canEditProject(user, project);
  }

  async list(filter: ProjectFilter | null | undefined, page: PageRequest): Promise<[Project[], number]> {
    const qb = this.projects.createQueryBuilder('p');
    if (filter?.themes?.length) {
      const themes = filter.themes;
      qb.andWhere(new Brackets((w) => themes.forEach((t, i) => w.orWhere(`p.themes LIKE :theme${i}`, { [`theme${i}`]: themePattern(t) }))));
    }
    if (filter?.stage) qb.andWhere('p.stage = :stage', { stage: filter.stage });
    if (filter?.territoryCode) qb.andWhere('p.territoryCode = :code', { code: filter.territoryCode });
    if (typeof filter?.blocked === 'boolean') qb.andWhere('p.isBlocked = :blocked', { blocked: filter.blocked });
    qb.andWhere('p.isDraft = :draft', { draft: false });
    qb.orderBy('p.updatedAt', 'DESC').addOrderBy('p.id', 'DESC');
    return qb.skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** Sheets replicated from each source, oldest first (batched). */
  replications(ctx: Pick<RequestContext, 'loaders'>, sourceId: number): Promise<Project[]> {
    return loaderFor<number, Project[]>(ctx, 'wiki:replications', async (ids) => {
      const rows = await this.projects
        .createQueryBuilder('p')
        .where('p.replicatedFromId IN (:...ids)', { ids })
        .andWhere('p.isDraft = :draft', { draft: false })
        .orderBy('p.createdAt', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .getMany();
      return groupByKeys(ids, rows, (p) => p.replicatedFromId as number);
    }).load(sourceId) as Promise<Project[]>;
  }

  /** A territory's sheets, most recently updated first (batched across territories); its drafts only for those who may edit them. */
  ofTerritory(ctx: Pick<RequestContext, 'loaders'>, code: string, page: PageRequest, withDrafts = false): Promise<ChildPage<Project>> {
    return loaderFor<string, ChildPage<Project>>(ctx, `wiki:territory-projects:${withDrafts}:${page.offset}:${page.limit}`, (codes) =>
      pagedChildren(
        this.projects,
        'territoryCode',
        codes,
        '"t"."updatedAt" DESC, "t"."id" DESC',
        page,
        withDrafts ? undefined : (qb) => qb.andWhere('"t"."isDraft" = :draft', { draft: false }),
      ),
    ).load(code) as Promise<ChildPage<Project>>;
  }

  /** A sheet as `viewer` may see it: a draft only for its territory's members and the moderation. */
  visibleTo(viewer: User | null | undefined, project: Project | null): Project | null {
    return project && (!project.isDraft || this.canEdit(viewer, project)) ? project : null;
  }

  async create(user: User, input: ProjectInput): Promise<Project> {
    const territory = await this.territoryFor(user, input.territoryCode);
    const content = projectContent({ ...input, budgetEuros: input.budgetEuros ?? null, sections: input.sections ?? {} });
    // Same title twice in a row gives `-2`; at the same moment both would pick the same free slug
    // and the unique index refuses all but one: the others try again and get the next free slug,
    // so timing does not change the outcome. Past CREATE_ATTEMPTS, the CONFLICT goes to the user.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (m) => {
          const project = await this.insert(m, user, content, territory, { comment: 'Création de la fiche' });
          await this.followers.followAsAuthor(m, user, project);
          return project;
        });
      } catch (error) {
        if (!(error instanceof SlugTaken) || attempt >= CREATE_ATTEMPTS) throw error;
      }
    }
  }

  async update(user: User, id: string, baseRevision: number, input: ProjectInput, comment: string | null | undefined): Promise<Project> {
    const project = await this.editable(user, id);
    if (input.territoryCode !== project.territoryCode) await this.territoryFor(user, input.territoryCode);
    const content = projectContent({ ...input, budgetEuros: input.budgetEuros ?? null, sections: input.sections ?? project.sections });
    return this.dataSource.transaction((m) =>
      this.store.save(m, PROJECT_DOCUMENT, user, {
        id: project.id,
        base: baseRevision,
        content,
        comment: comment ?? null,
        announce: { editor: user, restored: null },
      }),
    );
  }

  async restore(user: User, id: string, number: number): Promise<Project> {
    const project = await this.editable(user, id);
    return this.store.restore(PROJECT_DOCUMENT, user, project, number, (content) => {
      if (content.territoryCode !== project.territoryCode && !canActForTerritory(user, content.territoryCode)) throw forbidden();
    });
  }

  async replicate(user: User, sourceId: string, territoryCode: string): Promise<Project> {
    const source = await this.findById(sourceId);
    if (!source) throw notFound('PROJECT_SHEET_NOT_FOUND');
    const territory = await this.territoryFor(user, territoryCode, 'REPLICATORS_ONLY');
    if (territoryCode === source.territoryCode) throw badInput('SHEET_ALREADY_IN_TERRITORY');
    const sourceTerritory = await this.dataSource.getRepository(Territory).findOne({ where: { code: source.territoryCode } });
    const content = replicationDraft(source, sourceTerritory?.name ?? source.territoryCode, territory);
    return this.dataSource.transaction(async (m) => {
      // Checked inside the transaction: a replication saved meanwhile is seen (a simultaneous one
      // on PostgreSQL takes the same slug and gets SlugTaken).
      const existing = await m.getRepository(Project).findOne({ where: { replicatedFromId: source.id, territoryCode } });
      if (existing) throw conflict('PROJECT_ALREADY_REPLICATED', {}, { slug: existing.slug });
      const copy = await this.insert(m, user, content, territory, {
        replicatedFromId: source.id,
        isDraft: true,
        comment: `Réplication de « ${source.title} » (${sourceTerritory?.name ?? source.territoryCode}, révision ${source.revision}), brouillon à adapter`,
      });
      await this.followers.followAsAuthor(m, user, copy);
      return copy;
    });
  }

  /**
   * Publishes a draft: it enters lists, search and open data, and the source's followers hear
   * of the replication now (not while it was a draft they could not open). Publishing a
   * published sheet changes nothing.
   */
  async publish(user: User, id: string): Promise<Project> {
    const project = await this.editable(user, id);
    if (!project.isDraft) return project;
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Project);
      const result = await repo.update({ id: project.id, isDraft: true }, { isDraft: false, updatedAt: new Date() });
      const published = await repo.findOneByOrFail({ id: project.id });
      if (!result.affected) return published; // published meanwhile by someone else
      const { replicatedFromId: sourceId } = published;
      const publisher = { id: user.id, displayName: user.displayName };
      await this.events.record(m, sourceId ? new ProjectReplicated(project.id, sourceId, publisher) : new ProjectSaved(project.id));
      return published;
    });
  }

  async setRevisionHidden(moderator: User, id: string, number: number, hidden: boolean, reason: string): Promise<Project> {
    const project = await this.findById(id);
    if (!project) throw notFound('PROJECT_SHEET_NOT_FOUND');
    return this.store.setRevisionHidden(PROJECT_DOCUMENT, moderator, project, number, hidden, reason);
  }

  diff(viewer: User | null, project: Project, from: number, to: number) {
    return this.store.diff(PROJECT_DOCUMENT, viewer, project, from, to);
  }

  /** Creates a sheet and its revision 1 inside `manager`'s transaction (also used by the demo seeder). */
  async insert(manager: EntityManager, user: User | null, content: ProjectContent, territory: Territory, options: CreateOptions = {}): Promise<Project> {
    const slug = await this.freeSlug(manager, projectSlugBase(content.title, territory.name));
    const columns = { slug, replicatedFromId: options.replicatedFromId ?? null, isDraft: options.isDraft ?? false, isDemo: options.isDemo ?? false };
    return this.store.create(manager, PROJECT_DOCUMENT, user, content, columns, options.comment);
  }

  /** A save not announced to followers (the demo seeder's history). */
  applyUpdate(manager: EntityManager, user: User | null, id: number, base: number, content: ProjectContent, comment: string | null): Promise<Project> {
    return this.store.save(manager, PROJECT_DOCUMENT, user, { id, base, content, comment });
  }

  private async editable(user: User, id: string): Promise<Project> {
    const project = await this.findById(id);
    if (!project) throw notFound('PROJECT_SHEET_NOT_FOUND');
    if (!this.canEdit(user, project)) throw forbidden('SHEET_EDITORS_ONLY');
    return project;
  }

  private async territoryFor(
    user: User,
    code: string,
    refusal: 'SHEET_OWN_TERRITORY_ONLY' | 'REPLICATORS_ONLY' = 'SHEET_OWN_TERRITORY_ONLY',
  ): Promise<Territory> {
    const territory = await this.dataSource.getRepository(Territory).findOne({ where: { code } });
    if (!territory) throw badInput('UNKNOWN_TERRITORY', { code }, { field: 'territoryCode' });
    if (!canActForTerritory(user, code)) throw forbidden(refusal);
    return territory;
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const taken = new Set((await manager.getRepository(Project).find({ where: { slug: Like(`${base}%`) }, select: { slug: true } })).map((p) => p.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/** "Télémédecine" in Étampes → "telemedecine-etampes"; the territory is not repeated when the title names it. */
export function projectSlugBase(title: string, territoryName: string): string {
  const named = foldForSearch(title).includes(foldForSearch(territoryName));
  return slugify(named ? title : `${title} ${territoryName}`, 110);
}
