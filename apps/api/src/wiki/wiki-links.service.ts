import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { slugify } from '@essaim/domain';
import { EntityManager, In, Repository } from 'typeorm';
import type { RequestContext } from '../common/auth/request-context';
import { loaderFor } from '../common/loaders';
import { escapeHtml, renderMarkdown, wikiLinksIn } from '../common/markdown';
import { Page } from './page.entity';
import { Project } from './project.entity';
import { WikiLink } from './wiki-link.entity';
import type { RevisionTargetType } from './wiki-revision.entity';

export const linkKey = (target: string) => slugify(target, 100);

/**
 * `[[Title]]` and `[[Title|label]]` links: resolved to a page (by slug or title), else to a
 * project sheet (by slug or title); unknown targets point to the page creation form. Links are
 * read by the Markdown lexer (`wikiLinksIn`), so `[[…]]` inside code is neither a link nor a
 * backlink.
 */
@Injectable()
export class WikiLinksService {
  constructor(
    @InjectRepository(Page) private readonly pages: Repository<Page>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(WikiLink) private readonly links: Repository<WikiLink>,
  ) {}

  /** Rewrites the source's outgoing links, inside the saving transaction. */
  async saveLinks(manager: EntityManager, sourceType: RevisionTargetType, sourceId: number, markdown: string): Promise<void> {
    const repo = manager.getRepository(WikiLink);
    await repo.delete({ sourceType, sourceId });
    const keys = [...new Set(wikiLinksIn(markdown).map((l) => linkKey(l.target)))].slice(0, 500);
    if (keys.length) await repo.insert(keys.map((targetKey) => ({ sourceType, sourceId, targetKey })));
  }

  /** Markdown to sanitized HTML with wiki links resolved (batched per request). */
  async render(ctx: Pick<RequestContext, 'loaders'>, markdown: string): Promise<string> {
    const keys = [...new Set(wikiLinksIn(markdown).map((l) => linkKey(l.target)))];
    const urls = new Map(await Promise.all(keys.map(async (k) => [k, await this.resolve(ctx, k)] as const)));
    return renderMarkdown(markdown, ({ target, label }) => {
      const url = urls.get(linkKey(target));
      return url
        ? `<a href="${escapeHtml(url)}" class="wikilink">${escapeHtml(label)}</a>`
        : `<a href="/pages/nouveau?titre=${encodeURIComponent(target)}" class="wikilink-missing" title="Page à créer">${escapeHtml(label)}</a>`;
    });
  }

  /** Path of the page or sheet a link key points to, or null. */
  resolve(ctx: Pick<RequestContext, 'loaders'>, key: string): Promise<string | null> {
    return loaderFor<string, string>(ctx, 'wiki:link-target', async (keys) => {
      const list = [...keys];
      const [pageBySlug, pageByTitle, projectBySlug, projectByTitle] = await Promise.all([
        this.pages.find({ where: { slug: In(list) }, select: { slug: true } }),
        this.pages.find({ where: { titleKey: In(list) }, select: { slug: true, titleKey: true }, order: { id: 'ASC' } }),
        this.projects.find({ where: { slug: In(list) }, select: { slug: true } }),
        this.projects.find({ where: { titleKey: In(list) }, select: { slug: true, titleKey: true }, order: { id: 'ASC' } }),
      ]);
      const found = new Map<string, string>();
      const add = (key: string, url: string) => found.has(key) || found.set(key, url);
      pageBySlug.forEach((p) => add(p.slug, `/pages/${p.slug}`));
      pageByTitle.forEach((p) => add(p.titleKey, `/pages/${p.slug}`));
      projectBySlug.forEach((p) => add(p.slug, `/projets/${p.slug}`));
      projectByTitle.forEach((p) => add(p.titleKey, `/projets/${p.slug}`));
      return keys.map((k) => found.get(k) ?? null);
    }).load(key);
  }

  /** Ids of the sources of `sourceType` linking to a target known by these keys (slug, title key). */
  backlinkSourceIds(ctx: Pick<RequestContext, 'loaders'>, sourceType: RevisionTargetType, targetKeys: string[]): Promise<number[]> {
    const loader = loaderFor<string, number[]>(ctx, `wiki:backlinks:${sourceType}`, async (keys) => {
      const rows = await this.links.find({ where: { sourceType, targetKey: In([...keys]) } });
      return keys.map((k) => rows.filter((r) => r.targetKey === k).map((r) => r.sourceId));
    });
    return Promise.all([...new Set(targetKeys)].map((k) => loader.load(k))).then((lists) => [...new Set(lists.flatMap((l) => l ?? []))]);
  }
}
