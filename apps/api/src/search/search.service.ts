import { Inject, Injectable, Logger } from '@nestjs/common';
import { serviceUnavailable } from '../common/errors';
import type { SearchArgs } from './dto/search.args';
import type { SearchResult } from './models/search-result.model';
import { SearchEngine } from './search-engine';
import { SEARCH_ENGINE_TOKEN, SearchRuntime } from './search-engine.provider';
import { SearchIndexer } from './search-indexer.service';
import { SearchWorker } from './search-worker';

/** The `search` query. Only visible content is ever indexed (sources return null otherwise). */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('Search');

  constructor(
    @Inject(SEARCH_ENGINE_TOKEN) private readonly engine: SearchEngine,
    private readonly runtime: SearchRuntime,
    private readonly worker: SearchWorker,
    private readonly indexer: SearchIndexer,
  ) {}

  async search(args: SearchArgs): Promise<SearchResult> {
    if (!this.runtime.started) throw unavailable();
    try {
      const result = await this.engine.search({
        q: args.q.trim(),
        types: args.types ?? null,
        themes: args.themes ?? null,
        territoryCode: args.territoryCode ?? null,
        limit: args.first ?? 20,
        offset: args.offset ?? 0,
      });
      return { ...result, engine: this.engine.name, indexing: this.worker.backfilling || this.indexer.rebuilding };
    } catch (error) {
      this.logger.error(`Search failed: ${(error as Error).message}`);
      throw unavailable();
    }
  }
}

const unavailable = () => serviceUnavailable('La recherche est momentanément indisponible. Réessayez dans un instant.');
