import { Injectable } from '@nestjs/common';
import type { SearchDocType, SearchSource } from './search-document';

/** Features register their SearchSource here (in onModuleInit). */
@Injectable()
export class SearchSourcesRegistry {
  private readonly sources = new Map<SearchDocType, SearchSource>();

  register(source: SearchSource): void {
    this.sources.set(source.type, source);
  }

  get(type: SearchDocType): SearchSource | undefined {
    return this.sources.get(type);
  }

  all(): SearchSource[] {
    return [...this.sources.values()];
  }
}
