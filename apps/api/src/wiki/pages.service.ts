import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { slugify } from '@essaim/domain';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { RequestContext } from '../common/auth/request-context';
import { badInput, conflict, notFound } from '../common/errors';
import { byKeys, groupByKeys, loaderFor } from '../common/loaders';
import type { PageRequest } from '../common/pagination/connection';
import type { PageInput } from './dto/page.input';
import { Page } from './page.entity';
import { PAGE_DOCUMENT } from './documents/page.document';
import { RevisionedDocumentStore } from './documents/revisioned-document.store';
import type { PageContent } from './wiki-content';

/** Wiki pages: any logged-in member creates and edits them; every save is a revision (RevisionedDocumentStore). */
@Injectable()
export class PagesService {
  constructor(
    @InjectRepository(Page) private readonly pages: Repository<Page>,
    private readonly dataSource: DataSource,
    private readonly store: RevisionedDocumentStore,
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
      const titleKey = slugify(content.title, 100);
      const clash = await m.getRepository(Page).findOne({ where: [{ slug }, { slug: titleKey }, { titleKey }] });
      if (clash) throw conflict('PAGE_TITLE_TAKEN', { title: clash.title }, { slug: clash.slug });
      return this.store.create(m, PAGE_DOCUMENT, user, content, { slug, isDemo: options.isDemo ?? false }, 'Création de la page');
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
      const content = { title: input.title.trim(), body: input.body, parentId: await this.parent(m, input.parentId, page) };
      return this.store.save(m, PAGE_DOCUMENT, user, { id: page.id, base: baseRevision, content, comment: comment ?? null });
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async restore(user: User, id: string, number: number): Promise<Page> {
    return this.store.restore(PAGE_DOCUMENT, user, await this.existing(id), number);
  }

  async setRevisionHidden(moderator: User, id: string, number: number, hidden: boolean, reason: string): Promise<Page> {
    return this.store.setRevisionHidden(PAGE_DOCUMENT, moderator, await this.existing(id), number, hidden, reason);
  }

  diff(viewer: User | null, page: Page, from: number, to: number) {
    return this.store.diff(PAGE_DOCUMENT, viewer, page, from, to);
  }

  private async existing(id: string): Promise<Page> {
    const page = await this.findById(id);
    if (!page) throw notFound('PAGE_NOT_FOUND');
    return page;
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
