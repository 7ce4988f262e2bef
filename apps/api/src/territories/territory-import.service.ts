import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { foldForSearch } from '@essaim/domain';
import { TerritoriesService } from './territories.service';
import { Territory } from './territory.entity';
import { regionCode, TerritoryKind } from './territory-kind';

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
  siren?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  populationTotale?: number;
  populationMunicipale?: number;
  membres: { code: string }[];
}
interface RawDepartement {
  code: string;
  nom: string;
  region: string;
}
interface RawRegion {
  code: string;
  nom: string;
}

/**
 * Bumped when the import logic or the upstream package changes, so existing databases refresh
 * (the upsert rewrites every column). /2: SIRENs of communes and EPCI.
 */
export const TERRITORY_DATASET_VERSION = 'decoupage-administratif@6/2';

/** A SIREN is nine digits; anything else in the data is left out rather than guessed. */
const sirenOrNull = (value: string | undefined): string | null => (value && /^\d{9}$/.test(value) ? value : null);

/**
 * Loads France's official communes, EPCI, départements and régions from
 * @etalab/decoupage-administratif. Idempotent: it upserts by code and records the dataset
 * version, so it runs at every start but only writes when the data changed.
 * `onlyDepartements` limits communes to some départements (used by tests for speed).
 */
@Injectable()
export class TerritoryImportService {
  private readonly logger = new Logger(TerritoryImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly territories: TerritoriesService,
  ) {}

  async importIfNeeded(onlyDepartements: string[] | null = null): Promise<number> {
    const version = `${TERRITORY_DATASET_VERSION}:${onlyDepartements?.join(',') ?? 'all'}`;
    const meta = this.dataSource.getRepository('app_meta');
    const current = (await meta.findOne({ where: { key: 'territories' } })) as { value: string } | null;
    if (current?.value === version) return 0;
    const rows = this.buildRows(onlyDepartements);
    const started = Date.now();
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Territory);
      for (let i = 0; i < rows.length; i += 500) {
        await repo.upsert(rows.slice(i, i + 500), ['code']);
      }
      await manager.getRepository('app_meta').upsert({ key: 'territories', value: version }, ['key']);
    });
    this.territories.forgetLoaded();
    this.logger.log(`Imported ${rows.length} territories in ${Date.now() - started} ms (${version})`);
    return rows.length;
  }

  buildRows(onlyDepartements: string[] | null): Territory[] {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const data = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`);
    const communes = (data('communes') as RawCommune[]).filter(
      (c) => c.type === 'commune-actuelle' && (!onlyDepartements || onlyDepartements.includes(c.departement ?? '')),
    );
    const epcis = data('epci') as RawEpci[];
    const departements = data('departements') as RawDepartement[];
    const regions = data('regions') as RawRegion[];

    const epciOf = new Map<string, string>();
    for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);
    const departementOf = new Map(communes.map((c) => [c.code, c.departement ?? null]));

    const row = (t: Omit<Territory, 'searchName'>): Territory => Object.assign(new Territory(), t, { searchName: foldForSearch(t.name) });
    const rows: Territory[] = [];
    for (const region of regions) {
      rows.push(
        row({
          code: regionCode(region.code),
          name: region.nom,
          kind: TerritoryKind.REGION,
          population: null,
          departementCode: null,
          epciCode: null,
          regionCode: null,
          siren: null,
        }),
      );
    }
    // The package (v6) gives départements and régions no SIREN: they get none here either.
    for (const dep of departements) {
      rows.push(
        row({
          code: dep.code,
          name: dep.nom,
          kind: TerritoryKind.DEPARTEMENT,
          population: null,
          departementCode: null,
          epciCode: null,
          regionCode: regionCode(dep.region),
          siren: null,
        }),
      );
    }
    for (const epci of epcis) {
      const memberDeps = epci.membres.map((m) => departementOf.get(m.code)).filter((d): d is string => !!d);
      if (onlyDepartements && memberDeps.length === 0) continue;
      rows.push(
        row({
          code: epci.code,
          name: epci.nom,
          kind: TerritoryKind.EPCI,
          population: epci.populationMunicipale ?? epci.populationTotale ?? null,
          departementCode: mostFrequent(memberDeps),
          epciCode: null,
          regionCode: null,
          // An EPCI's code is its SIREN.
          siren: sirenOrNull(epci.code),
        }),
      );
    }
    const depPopulation = new Map<string, number>();
    for (const commune of communes) {
      const dep = commune.departement ?? null;
      if (dep) depPopulation.set(dep, (depPopulation.get(dep) ?? 0) + (commune.population ?? 0));
      rows.push(
        row({
          code: commune.code,
          name: commune.nom,
          kind: TerritoryKind.COMMUNE,
          population: commune.population ?? null,
          departementCode: dep,
          epciCode: epciOf.get(commune.code) ?? null,
          regionCode: commune.region ? regionCode(commune.region) : null,
          siren: sirenOrNull(commune.siren),
        }),
      );
    }
    for (const r of rows) {
      if (r.kind === TerritoryKind.DEPARTEMENT) r.population = depPopulation.get(r.code) ?? null;
    }
    return rows;
  }
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}
