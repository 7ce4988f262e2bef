import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MIN_PEERS, populationBand, type PeerScope } from '@essaim/domain';
import { In, Not, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { badInput, notFound } from '../common/errors';
import type { Bilingual } from '../common/request-lang';
import { TerritoryKind } from '../territories/territory-kind';
import { Territory } from '../territories/territory.entity';
import { PeerSelectionArgs } from './dto/comparison.args';
import { PeerListsService } from './peer-lists.service';

export interface PeerSet {
  territory: Territory;
  peers: Territory[];
  /** What the peers are, in French and English (the Comparison resolver picks the caller's). */
  description: Bilingual;
  /** POPULATION_BAND: where the peers were looked for (null for other groups or explicit départements). */
  scope: PeerScope | null;
}

const KIND_PLURAL: Record<TerritoryKind, Bilingual> = {
  COMMUNE: { fr: 'Communes', en: 'Communes' },
  EPCI: { fr: 'EPCI', en: 'EPCIs' },
  DEPARTEMENT: { fr: 'Départements', en: 'Départements' },
  REGION: { fr: 'Régions', en: 'Regions' },
};

/** Resolves a territory's peer set. The territory itself is never one of its peers. */
@Injectable()
export class PeersService {
  constructor(
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    private readonly peerLists: PeerListsService,
  ) {}

  async resolve(args: PeerSelectionArgs, viewer: User | null): Promise<PeerSet> {
    const territory = await this.territories.findOne({ where: { code: args.territoryCode } });
    if (!territory) throw notFound('TERRITORY_CODE_NOT_FOUND', { code: args.territoryCode });
    if (args.peerGroup !== 'CUSTOM' && (args.peerCodes?.length || args.peerListId)) {
      throw badInput('PEERS_CUSTOM_ONLY', {}, { fields: [{ field: 'peerCodes' }] });
    }
    if (args.peerGroup !== 'POPULATION_BAND' && (args.departements?.length || args.scope)) {
      throw badInput('PEERS_POPULATION_BAND_ONLY', {}, { fields: [{ field: 'departements' }] });
    }
    let peers: Territory[];
    let description: Bilingual;
    let scope: PeerScope | null = null;
    if (args.peerGroup === 'SAME_EPCI') ({ peers, description } = await this.sameEpci(territory));
    else if (args.peerGroup === 'POPULATION_BAND')
      ({ peers, description, scope } = await this.populationBandPeers(territory, args.departements ?? null, args.scope ?? null));
    else ({ peers, description } = await this.custom(territory, args, viewer));
    peers.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code));
    return { territory, peers, description, scope };
  }

  private async sameEpci(territory: Territory) {
    if (territory.kind !== TerritoryKind.COMMUNE || !territory.epciCode) {
      const details = { fields: [{ field: 'peerGroup' }] };
      throw territory.kind === TerritoryKind.COMMUNE
        ? badInput('COMMUNE_WITHOUT_EPCI', { name: territory.name }, details)
        : badInput('SAME_EPCI_COMMUNES_ONLY', {}, details);
    }
    const epci = await this.territories.findOne({ where: { code: territory.epciCode } });
    const peers = await this.territories.find({
      where: { kind: TerritoryKind.COMMUNE, epciCode: territory.epciCode, code: Not(territory.code) },
    });
    return {
      peers,
      description: {
        fr: `Autres communes de ${epci?.name ?? `l’EPCI ${territory.epciCode}`}`,
        en: `Other communes of ${epci?.name ?? `EPCI ${territory.epciCode}`}`,
      },
    };
  }

  /**
   * Same kind and INSEE band: in the given départements, else in the chosen scope, else in the
   * smallest scope (département, région, France) that gives at least MIN_PEERS peers — "même
   * strate" must not compare a town with two others; when none does, the one with the most.
   */
  private async populationBandPeers(territory: Territory, departements: string[] | null, wanted: PeerScope | null) {
    if (departements?.length || territory.kind === TerritoryKind.DEPARTEMENT || territory.kind === TerritoryKind.REGION) {
      return { ...(await this.populationBand(territory, departements)), scope: null };
    }
    const scopes: PeerScope[] = wanted ? [wanted] : ['DEPARTEMENT', 'REGION', 'FRANCE'];
    let best: { peers: Territory[]; description: Bilingual; scope: PeerScope } | null = null;
    for (const scope of scopes) {
      const result = await this.populationBand(territory, await this.scopeDepartements(territory, scope));
      // A wider scope is only worth it when it brings more peers (ties keep the closer one).
      if (!best || result.peers.length > best.peers.length) best = { ...result, scope };
      if (best.peers.length >= MIN_PEERS) break;
    }
    return best!;
  }

  /** The départements of a scope (null: all of France). */
  private async scopeDepartements(territory: Territory, scope: PeerScope): Promise<string[] | null> {
    if (scope === 'FRANCE') return null;
    if (!territory.departementCode) throw badInput('NO_DEPARTEMENT', { name: territory.name }, { fields: [{ field: 'scope' }] });
    if (scope === 'DEPARTEMENT') return [territory.departementCode];
    const departement = await this.territories.findOne({ where: { code: territory.departementCode, kind: TerritoryKind.DEPARTEMENT } });
    const region = territory.regionCode ?? departement?.regionCode ?? null;
    if (!region) return [territory.departementCode];
    const inRegion = await this.territories.find({ select: { code: true }, where: { kind: TerritoryKind.DEPARTEMENT, regionCode: region } });
    return inRegion.length ? inRegion.map((d) => d.code) : [territory.departementCode];
  }

  /** Same kind and INSEE band, in these départements (null: all of France). */
  private async populationBand(territory: Territory, departements: string[] | null) {
    if (territory.population === null) {
      throw badInput('UNKNOWN_POPULATION', { name: territory.name }, { fields: [{ field: 'peerGroup' }] });
    }
    const scope = departements?.length ? [...new Set(departements)] : null;
    const band = populationBand(territory.population);
    const qb = this.territories
      .createQueryBuilder('t')
      .where('t.kind = :kind', { kind: territory.kind })
      .andWhere('t.code <> :code', { code: territory.code })
      .andWhere('t.population BETWEEN :min AND :max', { min: band.min, max: band.max });
    const scoped = scope && territory.kind !== TerritoryKind.DEPARTEMENT && territory.kind !== TerritoryKind.REGION;
    if (scoped) qb.andWhere('t.departementCode IN (:...scope)', { scope });
    const peers = await qb.getMany();
    const where = scoped
      ? ` (${scope!.length > 6 ? `${scope!.length} départements` : scope!.join(', ')})`
      : territory.kind === TerritoryKind.COMMUNE || territory.kind === TerritoryKind.EPCI
        ? ' (France)'
        : '';
    const kind = KIND_PLURAL[territory.kind];
    return { peers, description: { fr: `${kind.fr} de ${band.label}${where}`, en: `${kind.en} of ${band.labelEn}${where}` } };
  }

  private async custom(territory: Territory, args: PeerSelectionArgs, viewer: User | null) {
    let codes = args.peerCodes ?? [];
    let listName: string | null = null;
    if (args.peerListId) {
      if (codes.length) throw badInput('PEER_CODES_OR_LIST', {}, { fields: [{ field: 'peerListId' }] });
      const list = await this.peerLists.findOwn(viewer, Number(args.peerListId));
      codes = list.peerCodes;
      listName = list.name;
    }
    const wanted = [...new Set(codes.filter((c) => c !== territory.code))];
    if (wanted.length === 0) {
      throw badInput('NO_PEERS', {}, { fields: [{ field: 'peerCodes' }] });
    }
    const peers = await this.territories.findBy({ code: In(wanted) });
    const unknown = wanted.filter((c) => !peers.some((p) => p.code === c));
    if (unknown.length) throw badInput('UNKNOWN_TERRITORIES', { codes: unknown.join(', ') }, { fields: [{ field: 'peerCodes' }], unknownCodes: unknown });
    return {
      peers,
      description: listName
        ? { fr: `Liste « ${listName} »`, en: `List “${listName}”` }
        : { fr: `Sélection de ${peers.length} territoire(s)`, en: `Selection of ${peers.length} ${peers.length === 1 ? 'territory' : 'territories'}` },
    };
  }
}
