import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CODE_PROPERTIES, CONTOURS_DEFAULT_LICENCE, CONTOURS_DEFAULT_SOURCE, scanContours } from '../../maps/contours/contours-import';
import { GeoJsonFormatError } from '../../maps/contours/geojson-features';
import { TerritoryShape } from '../../maps/territory-shape.entity';
import {
  addError,
  addUnknownTerritory,
  DataImportSource,
  emptyReadReport,
  HeaderMismatch,
  ImportRefused,
  PrepareContext,
  PreparedImport,
  VINTAGE_PATTERN,
} from '../source';

const BATCH = 200;

/**
 * The official commune outlines ("contours administratifs", Etalab, from IGN Admin Express):
 * GeoJSON, or .geojson.gz as published. Like the other sources, the whole file is read and
 * checked before anything is written; the outlines read are spooled to a temporary file (the
 * France file is hundreds of MB, memory stays at one feature), then written in the runner's
 * transaction, replacing the vintage's outlines. Mergers since the vintage are applied
 * (see scanContours()).
 */
export const contours: DataImportSource = {
  key: 'contours',
  name: 'Contours administratifs des communes (Etalab, d’après IGN Admin Express)',
  producer: 'IGN (Admin Express), republié par Etalab',
  url: 'https://www.data.gouv.fr/fr/datasets/contours-administratifs/',
  licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  fileHint: 'communes-100m.geojson.gz (GeoJSON ; millésime à préciser s’il n’est pas dans le nom)',
  indicators: [],
  async prepare(context: PrepareContext): Promise<PreparedImport> {
    const vintage = context.vintage ?? context.fileName?.match(/(?:^|\D)((?:19|20)\d{2})(?:\D|$)/)?.[1] ?? null;
    if (!vintage || !VINTAGE_PATTERN.test(vintage)) {
      throw new ImportRefused(
        'Millésime introuvable : précisez l’année des contours (--vintage 2024 ou champ « millésime »), ou gardez-la dans le nom du fichier.',
      );
    }
    const territories = await context.territories();
    const communes = new Set([...territories.values()].filter((t) => t.kind === 'COMMUNE').map((t) => t.code));
    const read = emptyReadReport();
    read.encoding = 'UTF-8';
    const unknown = new Set<string>();
    const spool = await Spool.open();
    try {
      let bytes = 0;
      const counted = (async function* () {
        for await (const chunk of context.input) {
          bytes += chunk.length;
          context.onBytes(bytes);
          yield chunk;
        }
      })();
      const scan = await scanContours(gunzipIfCompressed(counted), {
        communes,
        onFirstProperties: (properties) => {
          if (CODE_PROPERTIES.some((p) => p in properties)) return;
          throw new HeaderMismatch(['code', 'nom'], Object.keys(properties), ['code'], {
            missing: 'Propriétés inattendues : propriété(s) manquante(s)',
            expected: 'Attendu (au moins, comme le fichier « contours administratifs »)',
          });
        },
        onFeature: (n) => {
          read.rowsRead = n;
          if (n % 1000 === 0) context.onRows(n);
        },
        onError: (feature, message) => addError(read, feature, `Entité n° ${feature} : ${message}`),
        onOutline: (code, geometry) => spool.write(code, geometry),
      });
      context.onRows(read.rowsRead);
      for (const code of scan.unknownCodes) addUnknownTerritory(read, unknown, code);
      read.unknownTerritoryCount = scan.unknownCount;
      read.rowsSkipped = scan.skippedArrondissements;
      if (scan.skippedArrondissements)
        read.notes.push(`${scan.skippedArrondissements} arrondissement(s) municipal(aux) ignoré(s) : leur commune a son propre contour.`);
      for (const { from, into } of scan.merged) {
        read.notes.push(
          `Commune ${from} fusionnée depuis : contour ajouté à ${into} (${scan.mergeMethods[into] === 'multipolygon' ? 'polygones côte à côte' : 'frontière commune retirée'}).`,
        );
      }
      if (read.rowsRead === 0) throw new ImportRefused('Aucune commune dans le fichier : le tableau « features » est vide.');
      await spool.close();
    } catch (error) {
      await spool.discard();
      if (error instanceof GeoJsonFormatError) throw new ImportRefused(error.message);
      throw error;
    }
    return {
      vintage,
      read,
      discard: () => spool.discard(),
      async write({ manager, addReplaced }) {
        const repo = manager.getRepository(TerritoryShape);
        addReplaced(await repo.countBy({ vintage }));
        await repo.delete({ vintage });
        let written = 0;
        let batch: Partial<TerritoryShape>[] = [];
        for await (const { code, geometry } of spool.rows()) {
          batch.push({ territoryCode: code, vintage, geometry, source: CONTOURS_DEFAULT_SOURCE, licence: CONTOURS_DEFAULT_LICENCE });
          if (batch.length >= BATCH) {
            await repo.insert(batch);
            written += batch.length;
            batch = [];
          }
        }
        if (batch.length) await repo.insert(batch);
        return { contours: written + batch.length };
      },
    };
  },
};

/** Etalab publishes .geojson.gz: recognised by its first bytes, whatever the file's name. */
async function* gunzipIfCompressed(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest = (async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (!(Buffer.isBuffer(head) && head[0] === 0x1f && head[1] === 0x8b)) {
    yield* rest;
    return;
  }
  const out = new PassThrough();
  pipeline(rest, createGunzip(), out, () => undefined);
  try {
    for await (const chunk of out) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused(`Fichier compressé (.gz) illisible : ${(error as Error).message}. Rien n’a été importé.`);
  }
}

/** Outlines read and checked, one `code<TAB>geometry` line each, until the transaction writes them. */
class Spool {
  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly out: ReturnType<typeof createWriteStream>,
  ) {}

  static async open(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), 'essaim-contours-'));
    const file = join(dir, 'outlines.tsv');
    return new Spool(dir, file, createWriteStream(file));
  }

  async write(code: string, geometry: string): Promise<void> {
    if (!this.out.write(`${code}\t${geometry}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.out.writableFinished) return;
    this.out.end();
    await once(this.out, 'finish');
  }

  async *rows(): AsyncGenerator<{ code: string; geometry: string }> {
    const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      yield { code: line.slice(0, tab), geometry: line.slice(tab + 1) };
    }
  }

  async discard(): Promise<void> {
    this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
