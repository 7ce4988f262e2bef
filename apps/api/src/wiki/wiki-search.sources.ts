import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { THEME_LABELS_FR } from '@essaim/domain';
import { markdownToText } from '../common/markdown';
import type { SearchDocument, SearchSource } from '../search/search-document';
import { SearchSourcesRegistry } from '../search/search-sources.registry';
import { Territory } from '../territories/territory.entity';
import { Page } from './page.entity';
import { Project } from './project.entity';

/**
 * Search documents for sheets and pages. The rows always hold the current visible revision
 * (hiding the current revision rolls the content back), so hidden text is never indexed.
 * Drafts are not searchable: their source returns null, which removes them from the index.
 */
@Injectable()
export class WikiSearchSources implements OnModuleInit {
  constructor(
    private readonly registry: SearchSourcesRegistry,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Page) private readonly pages: Repository<Page>,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.projectSource());
    this.registry.register(this.pageSource());
  }

  projectSource(): SearchSource {
    const toDocs = async (rows: Project[]) => {
      const codes = [...new Set(rows.map((p) => p.territoryCode))];
      const names = new Map((codes.length ? await this.territories.findBy({ code: In(codes) }) : []).map((t) => [t.code, t.name]));
      return rows.filter((p) => !p.isDraft).map((p): SearchDocument => projectDocument(p, names.get(p.territoryCode) ?? null));
    };
    return {
      type: 'PROJECT',
      load: async (ids) => {
        const rows = await this.projects.findBy({ id: In(ids.map(Number).filter(Number.isSafeInteger)) });
        const docs = new Map((await toDocs(rows)).map((d) => [d.id, d]));
        return ids.map((id) => docs.get(String(id)) ?? null);
      },
      all: (batchSize) => batches(this.projects, batchSize, toDocs),
    };
  }

  pageSource(): SearchSource {
    return {
      type: 'PAGE',
      load: async (ids) => {
        const rows = await this.pages.findBy({ id: In(ids.map(Number).filter(Number.isSafeInteger)) });
        const docs = new Map(rows.map((p) => [String(p.id), pageDocument(p)]));
        return ids.map((id) => docs.get(String(id)) ?? null);
      },
      all: (batchSize) => batches(this.pages, batchSize, async (rows) => rows.map(pageDocument)),
    };
  }
}

export function projectDocument(p: Project, territoryName: string | null): SearchDocument {
  const s = p.sections;
  const sections = [s.prerequisites, s.partners, s.pitfalls, s.results, ...(s.vendors ?? []).map((v) => `${v.name} ${v.licence ?? ''}`)]
    .filter(Boolean)
    .join(' ');
  return {
    type: 'PROJECT',
    id: String(p.id),
    title: p.title,
    // Theme labels are searchable words too: "télémédecine" finds a téléconsultation sheet filed under that theme.
    body: `${p.summary} ${markdownToText(p.body)} ${sections} ${p.themes.map((t) => THEME_LABELS_FR[t as keyof typeof THEME_LABELS_FR] ?? '').join(' ')}`.trim(),
    url: `/projets/${p.slug}`,
    themes: p.themes,
    territoryCode: p.territoryCode,
    territoryName,
    stage: p.stage,
    updatedAt: p.updatedAt,
  };
}

export function pageDocument(p: Page): SearchDocument {
  return { type: 'PAGE', id: String(p.id), title: p.title, body: markdownToText(p.body), url: `/pages/${p.slug}`, updatedAt: p.updatedAt };
}

async function* batches<T extends { id: number }>(
  repo: Repository<T>,
  size: number,
  toDocs: (rows: T[]) => Promise<SearchDocument[]>,
): AsyncIterable<SearchDocument[]> {
  let after = 0;
  for (;;) {
    const rows = await repo.find({ where: { id: MoreThan(after) } as never, order: { id: 'ASC' } as never, take: size });
    if (rows.length === 0) return;
    yield await toDocs(rows);
    after = rows[rows.length - 1].id;
  }
}
