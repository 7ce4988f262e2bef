import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../common/errors';
import { TerritoryKind } from '../../territories/territory-kind';
import { Territory } from '../../territories/territory.entity';
import { TerritoryShape } from '../territory-shape.entity';
import { communeMergers } from './communes-mergers';
import { dissolve, polygonsOf } from './dissolve';
import { GeoJsonFeature, GeoJsonFormatError, readGeoJsonFeatures } from './geojson-features';

export const CONTOURS_DEFAULT_SOURCE = 'Contours administratifs (Etalab, d’après IGN Admin Express)';
export const CONTOURS_DEFAULT_LICENCE = 'Licence Ouverte 2.0';

export interface ContoursImportOptions {
  /** Year of the contours; by default the first year found in the file name ("…-2024-…"). */
  vintage?: string;
  source?: string;
  licence?: string;
}

export interface ContoursImportReport {
  source: 'contours';
  vintage: string;
  featuresRead: number;
  written: number;
  /** Codes of the file that are not a current commune, even after mergers (not written); the first 1,000. */
  unknownCodes: string[];
  /** How many such codes (a France file on an instance limited to a few départements has tens of thousands). */
  unknownCount: number;
  /** Old communes whose outline was merged into the current commune. */
  merged: { from: string; into: string }[];
  /** How each merged outline was built: shared borders removed, or polygons side by side. */
  mergeMethods: Record<string, 'dissolved' | 'multipolygon'>;
  /** Arrondissements municipaux (Paris, Lyon, Marseille): their commune has its own outline. */
  skippedArrondissements: number;
  ms: number;
}

const BATCH = 200;
const MAX_LISTED_UNKNOWN = 1000;

/**
 * `npm run data:import -- contours <file>`: loads the official commune outlines (GeoJSON, or
 * .geojson.gz as Etalab publishes them), streamed feature by feature, in one transaction.
 * Idempotent per vintage: the vintage's previous outlines are replaced. Nothing is written when
 * anything fails.
 */
export async function importContours(dataSource: DataSource, filePath: string, options: ContoursImportOptions = {}): Promise<ContoursImportReport> {
  if (!existsSync(filePath)) throw badInput('CONTOURS_FILE_NOT_FOUND', { path: filePath });
  const vintage = options.vintage ?? basename(filePath).match(/(?:^|\D)((?:19|20)\d{2})(?:\D|$)/)?.[1];
  if (!vintage) throw badInput('CONTOURS_VINTAGE_UNKNOWN');
  const stream = createReadStream(filePath);
  const chunks = filePath.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  try {
    return await dataSource.transaction((manager) => importContoursInto(manager, chunks, { ...options, vintage }));
  } finally {
    stream.destroy();
  }
}

/** The import itself, inside the caller's transaction (the demo seed uses its own). */
export async function importContoursInto(
  manager: EntityManager,
  chunks: AsyncIterable<Buffer | string>,
  options: ContoursImportOptions & { vintage: string },
): Promise<ContoursImportReport> {
  const started = Date.now();
  if (!/^[0-9A-Za-z_-]{1,16}$/.test(options.vintage)) throw badInput('CONTOURS_VINTAGE_INVALID', { vintage: options.vintage });
  const source = options.source?.trim() || CONTOURS_DEFAULT_SOURCE;
  const licence = options.licence?.trim() || CONTOURS_DEFAULT_LICENCE;
  const communes = new Set(
    (await manager.getRepository(Territory).find({ select: { code: true }, where: { kind: TerritoryKind.COMMUNE } })).map((t) => t.code),
  );
  const mergers = communeMergers();
  const mergeTargets = new Set(mergers.values());
  const report: ContoursImportReport = {
    source: 'contours',
    vintage: options.vintage,
    featuresRead: 0,
    written: 0,
    unknownCodes: [],
    unknownCount: 0,
    merged: [],
    mergeMethods: {},
    skippedArrondissements: 0,
    ms: 0,
  };
  const repo = manager.getRepository(TerritoryShape);
  await repo.delete({ vintage: options.vintage });

  const seen = new Set<string>();
  /** Communes that absorbed others: all their parts are gathered before one row is written. */
  const parts = new Map<string, { code: string; geometry: GeoJsonFeature['geometry'] }[]>();
  let batch: Partial<TerritoryShape>[] = [];
  const row = (territoryCode: string, geometry: unknown): Partial<TerritoryShape> => ({
    territoryCode,
    vintage: options.vintage,
    geometry: JSON.stringify(geometry),
    source,
    licence,
  });
  const flush = async () => {
    if (batch.length === 0) return;
    await repo.insert(batch);
    report.written += batch.length;
    batch = [];
  };

  try {
    for await (const feature of readGeoJsonFeatures(chunks)) {
      report.featuresRead++;
      const properties = feature.properties ?? {};
      if (typeof properties.commune === 'string' && properties.commune) {
        report.skippedArrondissements++;
        continue;
      }
      const code = String(properties.code ?? properties.insee ?? properties.INSEE_COM ?? '').trim();
      if (!code) throw badInput('CONTOURS_FEATURE_WITHOUT_CODE', { index: report.featuresRead });
      if (polygonsOf(feature.geometry).length === 0) {
        throw badInput('CONTOURS_FEATURE_GEOMETRY', { index: report.featuresRead, code, geometry: feature.geometry?.type ?? { fr: 'absente', en: 'missing' } });
      }
      const target = communes.has(code) ? code : mergers.get(code);
      if (!target || !communes.has(target)) {
        if (report.unknownCount++ < MAX_LISTED_UNKNOWN) report.unknownCodes.push(code);
        continue;
      }
      if (seen.has(code)) throw badInput('CONTOURS_DUPLICATE_CODE', { code });
      seen.add(code);
      if (target !== code || mergeTargets.has(code)) {
        const list = parts.get(target) ?? [];
        list.push({ code, geometry: feature.geometry });
        parts.set(target, list);
        continue;
      }
      batch.push(row(code, feature.geometry));
      if (batch.length >= BATCH) await flush();
    }
  } catch (error) {
    if (error instanceof GeoJsonFormatError) throw badInput('CONTOURS_FILE_INVALID', { problem: error.message });
    throw error;
  }
  for (const [target, list] of parts) {
    if (list.length === 1) {
      batch.push(row(target, list[0].geometry));
    } else {
      const { geometry, method } = dissolve(list.map((p) => p.geometry!));
      batch.push(row(target, geometry));
      report.mergeMethods[target] = method;
    }
    for (const part of list) if (part.code !== target) report.merged.push({ from: part.code, into: target });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  report.merged.sort((a, b) => a.from.localeCompare(b.from));
  report.ms = Date.now() - started;
  return report;
}
