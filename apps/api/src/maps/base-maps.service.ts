import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TerritoryKind } from '../territories/territory-kind';
import { Territory } from '../territories/territory.entity';
import { dissolve } from './contours/dissolve';
import { MapLevel, MapOutlineSource } from './models/territory-map.model';
import { drawShapes, fittedHeight, ShapeToDraw } from './render/project';
import { TerritoryShape } from './territory-shape.entity';

export interface BaseArea {
  code: string;
  name: string;
  kind: TerritoryKind;
  population: number | null;
  d: string;
  /** Communes of the area (itself for a commune). */
  communeCodes: string[];
}

/** A département drawn once: its areas projected, without any value. */
export interface BaseMap {
  width: number;
  height: number;
  level: MapLevel;
  departementCode: string;
  departementName: string;
  areas: BaseArea[];
  missingOutlines: string[];
  sources: MapOutlineSource[];
}

export const MAP_WIDTH = 600;
const CHUNK = 500;
const CACHE_SIZE = 64;

/**
 * Projects a département's outlines (its communes, or its EPCI drawn from their member communes)
 * to SVG paths. The result is kept in memory, keyed by the outlines' version (count and highest
 * id of territory_shape: a re-import, in any process, changes it), so a map is projected once.
 */
@Injectable()
export class BaseMapsService {
  private readonly cache = new Map<string, Promise<BaseMap | null>>();

  constructor(
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
    @InjectRepository(TerritoryShape) private readonly shapes: Repository<TerritoryShape>,
  ) {}

  async baseMap(departementCode: string, level: MapLevel): Promise<BaseMap | null> {
    const version = await this.shapes
      .createQueryBuilder('s')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(s.id)', 'max')
      .getRawOne<{ n: string | number; max: string | number | null }>();
    if (!version || Number(version.n) === 0) return null;
    const key = `${departementCode}|${level}|${version.n}|${version.max}`;
    let map = this.cache.get(key);
    if (!map) {
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      map = this.build(departementCode, level);
      this.cache.set(key, map);
      map.catch(() => this.cache.delete(key));
    }
    return map;
  }

  private async build(departementCode: string, level: MapLevel): Promise<BaseMap | null> {
    const [departement, communes] = await Promise.all([
      this.territories.findOne({ where: { code: departementCode, kind: TerritoryKind.DEPARTEMENT } }),
      this.territories.find({ where: { kind: TerritoryKind.COMMUNE, departementCode } }),
    ]);
    if (!departement || communes.length === 0) return null;
    const latest = await this.latestShapes(communes.map((c) => c.code));
    if (latest.size === 0) return null;

    let shapes: (ShapeToDraw & Omit<BaseArea, 'd'>)[];
    if (level === MapLevel.COMMUNE) {
      shapes = communes
        .filter((c) => latest.has(c.code))
        .map((c) => ({
          code: c.code,
          name: c.name,
          kind: c.kind,
          population: c.population,
          communeCodes: [c.code],
          geometry: JSON.parse(latest.get(c.code)!.geometry),
        }));
    } else {
      const members = new Map<string, Territory[]>();
      for (const c of communes) {
        if (!c.epciCode || !latest.has(c.code)) continue;
        members.set(c.epciCode, [...(members.get(c.epciCode) ?? []), c]);
      }
      const epcis = await this.territories.findBy({ code: In([...members.keys()]) });
      shapes = epcis.map((epci) => {
        const list = members.get(epci.code)!;
        return {
          code: epci.code,
          name: epci.name,
          kind: epci.kind,
          population: epci.population,
          communeCodes: list.map((c) => c.code),
          geometry: dissolve(list.map((c) => JSON.parse(latest.get(c.code)!.geometry))).geometry,
        };
      });
    }
    shapes.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code));
    const height = fittedHeight(shapes, MAP_WIDTH);
    const drawn = drawShapes(shapes, MAP_WIDTH, height);
    const sources = new Map<string, MapOutlineSource>();
    for (const s of latest.values()) sources.set(`${s.source}|${s.licence}|${s.vintage}`, { name: s.source, licence: s.licence, vintage: s.vintage });
    return {
      width: MAP_WIDTH,
      height,
      level,
      departementCode,
      departementName: departement.name,
      areas: shapes.map(({ geometry: _geometry, ...area }, i) => ({ ...area, d: drawn[i].d })),
      missingOutlines: communes
        .filter((c) => !latest.has(c.code))
        .map((c) => c.code)
        .sort(),
      sources: [...sources.values()],
    };
  }

  /** The most recent vintage of each commune's outline. */
  private async latestShapes(codes: string[]): Promise<Map<string, TerritoryShape>> {
    const latest = new Map<string, TerritoryShape>();
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await this.shapes.find({ where: { territoryCode: In(codes.slice(i, i + CHUNK)) } });
      for (const row of rows) {
        const seen = latest.get(row.territoryCode);
        if (!seen || seen.vintage.localeCompare(row.vintage, 'en', { numeric: true }) < 0) latest.set(row.territoryCode, row);
      }
    }
    return latest;
  }
}
