import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { markdownToText } from '../common/markdown';
import type { SearchDocument, SearchSource } from '../search/search-document';
import { SearchSourcesRegistry } from '../search/search-sources.registry';
import { ForumCategory, ForumPost, ForumThread } from './entities';

/** Longest text indexed per thread; enough for search, bounded for very long threads. */
const MAX_BODY = 50_000;

/**
 * THREAD search documents: the title and the text of the visible posts only. A post hidden by
 * a moderator enqueues its thread, which is re-indexed without it.
 */
@Injectable()
export class ThreadSearchSource implements SearchSource, OnModuleInit {
  readonly type = 'THREAD' as const;

  constructor(
    private readonly registry: SearchSourcesRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async load(ids: string[]): Promise<(SearchDocument | null)[]> {
    const numeric = ids.map(Number).filter(Number.isSafeInteger);
    const threads = numeric.length ? await this.dataSource.getRepository(ForumThread).findBy({ id: In(numeric) }) : [];
    const docs = new Map((await this.toDocuments(threads)).map((d) => [d.id, d]));
    return ids.map((id) => docs.get(String(id)) ?? null);
  }

  async *all(batchSize: number): AsyncIterable<SearchDocument[]> {
    let after = 0;
    for (;;) {
      const rows = await this.dataSource.getRepository(ForumThread).find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: batchSize });
      if (!rows.length) return;
      yield await this.toDocuments(rows);
      after = rows[rows.length - 1].id;
    }
  }

  private async toDocuments(threads: ForumThread[]): Promise<SearchDocument[]> {
    if (!threads.length) return [];
    const ids = threads.map((t) => t.id);
    const posts = await this.dataSource.getRepository(ForumPost).find({
      select: { id: true, threadId: true, body: true },
      where: { threadId: In(ids), hidden: false },
      order: { id: 'ASC' },
    });
    const categories = new Map((await this.dataSource.getRepository(ForumCategory).find()).map((c) => [c.id, c]));
    const texts = new Map<number, string[]>();
    for (const post of posts) texts.set(post.threadId, [...(texts.get(post.threadId) ?? []), markdownToText(post.body)]);
    return threads.map((t) => {
      const theme = categories.get(t.categoryId)?.theme;
      return {
        type: 'THREAD',
        id: String(t.id),
        title: t.title,
        body: (texts.get(t.id) ?? []).join(' ').slice(0, MAX_BODY),
        url: `/forum/sujet/${t.id}`,
        themes: theme ? [theme] : [],
        territoryCode: null,
        territoryName: null,
        stage: null,
        updatedAt: t.lastActivityAt,
      } satisfies SearchDocument;
    });
  }
}
