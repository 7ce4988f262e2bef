import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { serviceUnavailable } from '../common/errors';
import { Territory } from '../territories/territory.entity';
import { TerritoryKind } from '../territories/territory-kind';
import type { SearchArgs } from './dto/search.args';
import type { SearchHit, SearchResult } from './models/search-result.model';
import type { SearchDocType } from './search-document';
import { EngineHit, EngineQuery, EngineResult, SearchEngine } from './search-engine';
import { SEARCH_ENGINE_TOKEN, SearchRuntime } from './search-engine.provider';
import { SearchIndexer } from './search-indexer.service';
import { SearchWorker } from './search-worker';

const CONTENT_TYPES: SearchDocType[] = ['PROJECT', 'PAGE', 'THREAD', 'STAKE'];
/** Size of the territory group: smaller when content matched, so it never pushes the sheets away. */
export const TERRITORY_GROUP = { withContent: 3, alone: 5 } as const;
const DEPARTEMENT_CACHE_MS = 10 * 60_000;

/**
 * The `search` query: content first, territories in their own short group. Two engine queries
 * (content; territories) instead of one ranking where 30 communes whose names look like the
 * query would bury the one sheet that answers it. Only visible content is ever indexed.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('Search');
  private readonly departementCodes = new Map<string, { at: number; codes: Promise<string[]> }>();

  constructor(
    @Inject(SEARCH_ENGINE_TOKEN) private readonly engine: SearchEngine,
    private readonly runtime: SearchRuntime,
    private readonly worker: SearchWorker,
    private readonly indexer: SearchIndexer,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
  ) {}

  async search(args: SearchArgs, viewer: User | null = null): Promise<SearchResult> {
    if (!this.runtime.started) throw unavailable();
    const asked = args.types?.length ? args.types : [...CONTENT_TYPES, 'TERRITORY' as const];
    const contentTypes = asked.filter((t) => t !== 'TERRITORY');
    const wantsTerritories = asked.includes('TERRITORY');
    const limit = args.first ?? 20;
    const offset = args.offset ?? 0;
    const base = { q: args.q.trim(), themes: args.themes ?? null, territoryCode: args.territoryCode ?? null };
    try {
      const prefer = wantsTerritories ? await this.viewerTerritories(viewer) : null;
      if (!contentTypes.length) {
        const result = await this.engine.search({ ...base, types: ['TERRITORY'], preferTerritoryCodes: prefer, limit, offset });
        return this.finish(result, result.hits, []);
      }
      const content = this.engine.search({ ...base, types: contentTypes, limit, offset });
      // Territories carry no theme: a theme filter leaves none. The group is shown with the first page.
      const territories: Promise<EngineResult | null> =
        wantsTerritories && !base.themes?.length
          ? this.engine.search({
              ...base,
              types: ['TERRITORY'],
              preferTerritoryCodes: prefer,
              limit: offset === 0 ? TERRITORY_GROUP.alone : 0,
              offset: 0,
            } satisfies EngineQuery)
          : Promise.resolve(null);
      const [main, group] = await Promise.all([content, territories]);
      const size = main.total > 0 ? TERRITORY_GROUP.withContent : TERRITORY_GROUP.alone;
      if (group?.total) {
        // The type facet counts territories too, so "Territoires (32)" can be chosen to list them all.
        const typeFacet = main.facets.find((f) => f.field === 'type');
        typeFacet?.values.push({ value: 'TERRITORY', count: group.total });
        typeFacet?.values.sort((a, b) => b.count - a.count);
      }
      return this.finish(main, main.hits, (group?.hits ?? []).slice(0, size));
    } catch (error) {
      this.logger.error(`Search failed: ${(error as Error).message}`);
      throw unavailable();
    }
  }

  /** Names for the hits' territories and the territory facet, in one query. */
  private async finish(result: EngineResult, hits: EngineHit[], territories: EngineHit[]): Promise<SearchResult> {
    const territoryFacet = result.facets.find((f) => f.field === 'territoryCode');
    const codes = new Set<string>(territoryFacet?.values.map((v) => v.value) ?? []);
    for (const hit of hits) if (hit.territoryCode && hit.type !== 'TERRITORY') codes.add(hit.territoryCode);
    const names = new Map(
      (codes.size ? await this.territories.find({ select: { code: true, name: true }, where: { code: In([...codes]) } }) : []).map((t) => [t.code, t.name]),
    );
    const toHit = (hit: EngineHit): SearchHit => ({
      ...hit,
      territoryName: hit.type === 'TERRITORY' || !hit.territoryCode ? null : (names.get(hit.territoryCode) ?? null),
    });
    return {
      hits: hits.map(toHit),
      territories: territories.map(toHit),
      total: result.total,
      facets: result.facets.map((facet) => ({
        field: facet.field,
        values: facet.values.map((v) => ({ ...v, label: facet.field === 'territoryCode' ? (names.get(v.value) ?? null) : null })),
      })),
      engine: this.engine.name,
      indexing: this.worker.backfilling || this.indexer.rebuilding,
    };
  }

  /** The viewer's département and everything in it (communes, EPCI), or null (anonymous, no territory). */
  private async viewerTerritories(viewer: User | null): Promise<string[] | null> {
    if (!viewer?.territoryCode) return null;
    const own = await this.territories.findOne({ select: { code: true, kind: true, departementCode: true }, where: { code: viewer.territoryCode } });
    const departement = own?.kind === TerritoryKind.DEPARTEMENT ? own.code : own?.departementCode;
    if (!departement) return null;
    const cached = this.departementCodes.get(departement);
    if (cached && Date.now() - cached.at < DEPARTEMENT_CACHE_MS) return cached.codes;
    const codes = this.territories
      .find({ select: { code: true }, where: { departementCode: departement, kind: In([TerritoryKind.COMMUNE, TerritoryKind.EPCI]) } })
      .then((rows) => [departement, ...rows.map((r) => r.code)]);
    this.departementCodes.set(departement, { at: Date.now(), codes });
    codes.catch(() => this.departementCodes.delete(departement));
    return codes;
  }
}

const unavailable = () => serviceUnavailable('SEARCH_UNAVAILABLE');
