import { In, MoreThan, Repository } from 'typeorm';
import { Territory } from '../territories/territory.entity';
import { TerritoryKind } from '../territories/territory-kind';
import type { SearchDocument, SearchSource } from './search-document';

const INDEXED_KINDS = [TerritoryKind.COMMUNE, TerritoryKind.EPCI];

/** Communes and EPCI, found by name ("etampes" → Étampes), linking to /territoires/<code>. */
export class TerritorySearchSource implements SearchSource {
  readonly type = 'TERRITORY' as const;

  constructor(private readonly territories: Repository<Territory>) {}

  async load(ids: string[]): Promise<(SearchDocument | null)[]> {
    const rows = await this.territories.findBy({ code: In(ids), kind: In(INDEXED_KINDS) });
    const docs = await this.toDocuments(rows);
    const byCode = new Map(docs.map((d) => [d.id, d]));
    return ids.map((id) => byCode.get(id) ?? null);
  }

  async *all(batchSize: number): AsyncIterable<SearchDocument[]> {
    let after = '';
    for (;;) {
      const rows = await this.territories.find({
        where: { code: MoreThan(after), kind: In(INDEXED_KINDS) },
        order: { code: 'ASC' },
        take: batchSize,
      });
      if (!rows.length) return;
      yield await this.toDocuments(rows);
      after = rows[rows.length - 1].code;
    }
  }

  /** One query for the names of the départements and EPCI the rows refer to. */
  private async toDocuments(rows: Territory[]): Promise<SearchDocument[]> {
    const parents = [...new Set(rows.flatMap((t) => [t.departementCode, t.epciCode]).filter((c): c is string => !!c))];
    const names = new Map(
      (parents.length ? await this.territories.find({ select: { code: true, name: true }, where: { code: In(parents) } }) : []).map((p) => [p.code, p.name]),
    );
    return rows.map((t) => {
      const departement = t.departementCode ? `${names.get(t.departementCode) ?? ''} (${t.departementCode})`.trim() : null;
      const parts = [
        t.kind === TerritoryKind.COMMUNE ? 'Commune' : 'Intercommunalité (EPCI)',
        departement,
        t.epciCode ? names.get(t.epciCode) : null,
        t.population ? `${t.population.toLocaleString('fr-FR')} habitants` : null,
      ];
      return {
        type: 'TERRITORY',
        id: t.code,
        title: t.name,
        body: parts.filter(Boolean).join(' · '),
        url: `/territoires/${encodeURIComponent(t.code)}`,
        themes: [],
        territoryCode: t.code,
        territoryName: null,
        stage: null,
        updatedAt: new Date(0),
      } satisfies SearchDocument;
    });
  }
}
