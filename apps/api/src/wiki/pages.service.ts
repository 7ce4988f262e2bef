import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { slugify } from '@essaim/domain';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { badInput, conflict, notFound } from '../common/errors';
import { byKeys, groupByKeys, loaderFor } from '../common/loaders';
import type { PageRequest } from '../common/pagination/connection';
import { DomainEvents } from '../events/domain-events.service';
import type { PageInput } from './dto/page.input';
import { Page } from './page.entity';
import { RevisionsService } from './revisions.service';
import { PageContent, pageContent, pageDiffText, sameContent } from './wiki-content';
import { WikiLinksService } from './wiki-links.service';
import { RevisionLock, saveAtRevision } from '../database/optimistic-lock';
import { isUniqueViolation } from '../database/unique-violation';
import { SlugTaken } from './slug-taken';
import { PageSaved } from './wiki.events';

const PAGE_LOCK: RevisionLock<Page> = { conflict: 'PAGE_REVISION_CONFLICT', current: (latest) => pageContent(latest) };

/** Wiki pages: any logged-in member creates and edits them; every save is a revision. */
@Injectable()
export class PagesService {
  constructor(
    @InjectRepository(Page) private readonly pages: Repository<Page>,
    private readonly dataSource: DataSource,
    private readonly revisions: RevisionsService,
    private readonly links: WikiLinksService,
    private readonly events: DomainEvents,
  ) {}

  findBySlug(slug: string): Promise<Page | null> {
    return this.pages.findOne({ where: { slug } });
  }

  async findById(id: number | string): Promise<Page | null> {
    const n = Number(id);
    return Number.isSafeInteger(n) && n > 0 ? this.pages.findOne({ where: { id: n } }) : null;
  }

  load(ctx: Pick<RequestContext, 'loaders'>, id: number): Promise<Page | null> {
    return loaderFor<number, Page>(ctx, 'wiki:page', async (ids) => byKeys(ids, await this.pages.findBy({ id: In([...ids]) }), (p) => p.id)).load(id);
  }

  children(ctx: Pick<RequestContext, 'loaders'>, id: number): Promise<Page[]> {
    return loaderFor<number, Page[]>(ctx, 'wiki:page-children', async (ids) =>
      groupByKeys(ids, await this.pages.find({ where: { parentId: In([...ids]) }, order: { title: 'ASC' } }), (p) => p.parentId as number),
    ).load(id) as Promise<Page[]>;
  }

  loadMany(ctx: Pick<RequestContext, 'loaders'>, ids: number[]): Promise<Page[]> {
    return Promise.all(ids.map((id) => this.load(ctx, id))).then((pages) =>
      pages.filter((p): p is Page => !!p).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
    );
  }

  /** Alphabetical; `parentId` null lists top-level pages, undefined lists all pages. */
  list(page: PageRequest, parentId?: string | null): Promise<[Page[], number]> {
    const qb = this.pages.createQueryBuilder('p');
    if (parentId === null) qb.where('p.parentId IS NULL');
    else if (parentId !== undefined) qb.where('p.parentId = :parentId', { parentId: Number(parentId) });
    return qb.orderBy('p.title', 'ASC').addOrderBy('p.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  async create(user: User | null, input: PageInput, options: { isDemo?: boolean; manager?: EntityManager } = {}): Promise<Page> {
    const run = async (m: EntityManager) => {
      const content: PageContent = { title: input.title.trim(), body: input.body, parentId: await this.parent(m, input.parentId, null) };
      const slug = pageSlug(content.title);
      const repo = m.getRepository(Page);
      const titleKey = slugify(content.title, 100);
      const clash = await repo.findOne({ where: [{ slug }, { slug: titleKey }, { titleKey }] });
      if (clash) throw conflict('PAGE_TITLE_TAKEN', { title: clash.title }, { slug: clash.slug });
      const page = await repo
        .save(repo.create({ ...content, slug, titleKey, revision: 1, isDemo: options.isDemo ?? false, createdById: user?.id ?? null, updatedAt: new Date() }))
        .catch((error: unknown) => {
          throw isUniqueViolation(error, 'slug') ? new SlugTaken('page', content.title, slug) : error;
        });
      await this.revisions.record(m, 'PAGE', page.id, 1, user, 'Création de la page', content);
      await this.links.saveLinks(m, 'PAGE', page.id, content.body);
      await this.events.record(m, new PageSaved(page.id));
      return page;
    };
    return options.manager ? run(options.manager) : this.dataSource.transaction(run);
  }

  async update(
    user: User | null,
    id: string,
    baseRevision: number,
    input: PageInput,
    comment: string | null | undefined,
    manager?: EntityManager,
  ): Promise<Page> {
    const n = Number(id);
    const page = Number.isSafeInteger(n) && n > 0 ? await (manager ?? this.dataSource.manager).getRepository(Page).findOneBy({ id: n }) : null;
    if (!page) throw notFound('PAGE_NOT_FOUND');
    const run = async (m: EntityManager) => {
      const parentId = await this.parent(m, input.parentId, page);
      return this.applyUpdate(m, user, page.id, baseRevision, { title: input.title.trim(), body: input.body, parentId }, comment ?? null);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async restore(user: User, id: string, number: number): Promise<Page> {
    const page = await this.findById(id);
    if (!page) throw notFound('PAGE_NOT_FOUND');
    const content = await this.revisions.content<PageContent>(user, 'PAGE', page.id, number);
    return this.dataSource.transaction((m) => this.applyUpdate(m, user, page.id, page.revision, content, `Restauration de la révision ${number}`));
  }

  async setRevisionHidden(moderator: User, id: string, number: number, hidden: boolean, reason: string): Promise<Page> {
    const page = await this.findById(id);
    if (!page) throw notFound('PAGE_NOT_FOUND');
    return this.dataSource.transaction(async (m) => {
      const revision = await this.revisions.find('PAGE', page.id, number, m);
      if (!revision) throw notFound('REVISION_NOT_FOUND', { number });
      await this.revisions.setHidden(m, revision, hidden, reason, moderator);
      const current = await m.getRepository(Page).findOneByOrFail({ id: page.id });
      if (hidden && current.revision === number) {
        const fallback = await this.revisions.latestVisible(m, 'PAGE', page.id, number);
        if (!fallback) throw badInput('ONLY_PAGE_REVISION');
        return this.applyUpdate(
          m,
          moderator,
          page.id,
          number,
          JSON.parse(fallback.snapshot) as PageContent,
          `Retour à la révision ${fallback.number} (révision ${number} masquée par la modération)`,
        );
      }
      await this.events.record(m, new PageSaved(page.id));
      return current;
    });
  }

  diff(viewer: User | null, page: Page, from: number, to: number) {
    return this.revisions.diff<PageContent>(viewer, 'PAGE', page.id, from, to, pageDiffText);
  }

  /** Same optimistic lock as ProjectsService.applyUpdate. */
  private async applyUpdate(m: EntityManager, user: User | null, id: number, base: number, content: PageContent, comment: string | null): Promise<Page> {
    const repo = m.getRepository(Page);
    const current = await repo.findOneBy({ id });
    if (!current) throw notFound('PAGE_NOT_FOUND');
    if (current.revision === base && sameContent(pageContent(current), content)) return current;
    const titleKey = slugify(content.title, 100);
    if (titleKey !== current.titleKey) {
      const clash = await repo.findOne({ where: [{ slug: titleKey }, { titleKey }] });
      if (clash && clash.id !== id) throw conflict('PAGE_TITLE_TAKEN_BY_OTHER', { title: clash.title }, { slug: clash.slug });
    }
    await saveAtRevision(m, Page, id, base, { ...content, titleKey, updatedAt: new Date() }, PAGE_LOCK);
    await this.revisions.record(m, 'PAGE', id, base + 1, user, comment, content);
    await this.links.saveLinks(m, 'PAGE', id, content.body);
    await this.events.record(m, new PageSaved(id));
    return repo.findOneByOrFail({ id });
  }

  /** Validates the parent: it must exist and not be the page itself or one of its descendants. */
  private async parent(m: EntityManager, parentId: string | null | undefined, page: Page | null): Promise<number | null> {
    if (parentId === undefined) return page?.parentId ?? null;
    if (parentId === null) return null;
    const repo = m.getRepository(Page);
    let cursor = await repo.findOneBy({ id: Number(parentId) });
    if (!cursor) throw badInput('PARENT_PAGE_NOT_FOUND', {}, { field: 'parentId' });
    const id = cursor.id;
    for (let depth = 0; cursor && depth < 50; depth++) {
      if (page && cursor.id === page.id) throw badInput('PAGE_UNDER_ITSELF', {}, { field: 'parentId' });
      cursor = cursor.parentId ? await repo.findOneBy({ id: cursor.parentId }) : null;
    }
    return id;
  }
}

/** Route names under /pages/ that a page slug must not take. */
const RESERVED_SLUGS = new Set(['nouveau', 'apercu']);

export function pageSlug(title: string): string {
  const slug = slugify(title, 100);
  return RESERVED_SLUGS.has(slug) ? `${slug}-page` : slug;
}
