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
  const repo = manager.getRepository(TerritoryShape);
  await repo.delete({ vintage: options.vintage });
  let batch: Partial<TerritoryShape>[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await repo.insert(batch);
    written += batch.length;
    batch = [];
  };
  let scan: ContoursScan;
  try {
    scan = await scanContours(chunks, {
      communes,
      onError: (feature, message) => {
        throw badInput('CONTOURS_FEATURE_INVALID', { index: feature, problem: message });
      },
      onOutline: async (territoryCode, geometry) => {
        batch.push({ territoryCode, vintage: options.vintage, geometry, source, licence });
        if (batch.length >= BATCH) await flush();
      },
    });
  } catch (error) {
    if (error instanceof GeoJsonFormatError) throw badInput('CONTOURS_FILE_INVALID', { problem: error.message });
    throw error;
  }
  await flush();
  return {
    source: 'contours',
    vintage: options.vintage,
    featuresRead: scan.featuresRead,
    written,
    unknownCodes: scan.unknownCodes,
    unknownCount: scan.unknownCount,
    merged: scan.merged,
    mergeMethods: scan.mergeMethods,
    skippedArrondissements: scan.skippedArrondissements,
    ms: Date.now() - started,
  };
}

export interface ContoursScan {
  featuresRead: number;
  unknownCodes: string[];
  unknownCount: number;
  merged: { from: string; into: string }[];
  mergeMethods: Record<string, 'dissolved' | 'multipolygon'>;
  skippedArrondissements: number;
}

export interface ScanOptions {
  /** Codes of the instance's current communes. */
  communes: ReadonlySet<string>;
  /** A feature that cannot be stored (numbered from 1); throwing stops the scan. */
  onError(feature: number, message: string): void;
  /** One commune's outline, geometry as GeoJSON text; merged communes come last, once all their parts are read. */
  onOutline(territoryCode: string, geometry: string): Promise<void> | void;
  /** Every feature read (progress). */
  onFeature?(featuresRead: number): void;
  /** The first feature's properties, before anything else is checked (the file's "header"). */
  onFirstProperties?(properties: Record<string, unknown>): void;
}

/** The INSEE code of a feature: `code` in Etalab's file, `insee` or `INSEE_COM` in others. */
export const CODE_PROPERTIES = ['code', 'insee', 'INSEE_COM'] as const;

/**
 * Reads the official commune outlines feature by feature and hands each storable outline on.
 * A code that is no longer a commune goes to the commune that absorbed it (communeMergers());
 * the parts of a merged commune are dissolved into one outline at the end. Arrondissements
 * municipaux (property `commune`) are skipped: their commune has its own outline.
 */
export async function scanContours(chunks: AsyncIterable<Buffer | string>, options: ScanOptions): Promise<ContoursScan> {
  const { communes } = options;
  const mergers = communeMergers();
  const mergeTargets = new Set(mergers.values());
  const scan: ContoursScan = { featuresRead: 0, unknownCodes: [], unknownCount: 0, merged: [], mergeMethods: {}, skippedArrondissements: 0 };
  const seen = new Map<string, number>();
  /** Communes that absorbed others: all their parts are gathered before one outline is handed on. */
  const parts = new Map<string, { code: string; geometry: NonNullable<GeoJsonFeature['geometry']> }[]>();

  for await (const feature of readGeoJsonFeatures(chunks)) {
    const n = ++scan.featuresRead;
    options.onFeature?.(n);
    const properties = feature.properties ?? {};
    if (n === 1) options.onFirstProperties?.(properties);
    if (typeof properties.commune === 'string' && properties.commune) {
      scan.skippedArrondissements++;
      continue;
    }
    const code = String(CODE_PROPERTIES.map((p) => properties[p]).find((v) => v !== undefined && v !== null && v !== '') ?? '').trim();
    if (!code) {
      options.onError(n, 'sans code INSEE (propriété « code » attendue).');
      continue;
    }
    if (polygonsOf(feature.geometry).length === 0) {
      options.onError(n, `code ${code} : géométrie ${feature.geometry?.type ?? 'absente'}, Polygon ou MultiPolygon attendu.`);
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      options.onError(n, `le code ${code} apparaît deux fois dans le fichier (déjà l’entité n° ${first}).`);
      continue;
    }
    seen.set(code, n);
    const target = communes.has(code) ? code : mergers.get(code);
    if (!target || !communes.has(target)) {
      if (scan.unknownCount++ < MAX_LISTED_UNKNOWN) scan.unknownCodes.push(code);
      continue;
    }
    if (target !== code || mergeTargets.has(code)) {
      const list = parts.get(target) ?? [];
      list.push({ code, geometry: feature.geometry! });
      parts.set(target, list);
      continue;
    }
    await options.onOutline(code, JSON.stringify(feature.geometry));
  }
  for (const [target, list] of parts) {
    if (list.length === 1) {
      await options.onOutline(target, JSON.stringify(list[0].geometry));
    } else {
      const { geometry, method } = dissolve(list.map((p) => p.geometry));
      await options.onOutline(target, JSON.stringify(geometry));
      scan.mergeMethods[target] = method;
    }
    for (const part of list) if (part.code !== target) scan.merged.push({ from: part.code, into: target });
  }
  scan.merged.sort((a, b) => a.from.localeCompare(b.from));
  return scan;
}
