import type { EntityManager } from 'typeorm';

/** A territory as the importers need it (all of France is kept in memory during an import: ~40 000 rows). */
export interface TerritoryRef {
  code: string;
  kind: string;
  population: number | null;
  epciCode: string | null;
  departementCode: string | null;
}

export interface RowError {
  line: number;
  message: string;
}

/** What reading the file found, before anything is written. */
export interface ReadReport {
  rowsRead: number;
  /** Rows left out on purpose (another `type`, a place without INSEE code…), with why in `notes`. */
  rowsSkipped: number;
  errors: RowError[];
  errorCount: number;
  unknownTerritoryCodes: string[];
  unknownTerritoryCount: number;
  notes: string[];
  encoding: string | null;
  separator: string | null;
}

export interface WriteContext {
  manager: EntityManager;
  importId: number;
  authorId: number | null;
  vintage: string;
  source: DataImportSourceInfo;
}

export interface PreparedImport {
  vintage: string;
  read: ReadReport;
  /** Writes inside the runner's transaction; returns what was written, per indicator (or per kind of row). */
  write(context: WriteContext): Promise<Record<string, number>>;
}

export interface PrepareContext {
  input: AsyncIterable<Buffer | string>;
  onBytes(bytes: number): void;
  onRows(rows: number): void;
  /** Every territory by code. */
  territories(): Promise<Map<string, TerritoryRef>>;
  /** Read-only queries (e.g. the data.gouv.fr organisations already imported). */
  manager: EntityManager;
  /** Given by the person importing; otherwise the source reads it from the file. */
  vintage: string | null;
}

export interface DataImportSourceInfo {
  /** Used on the command line and in URLs: `npm run data:import -- <key> <file>`. */
  key: string;
  name: string;
  producer: string;
  url: string;
  licence: string;
  /** The file to download, in a few words. */
  fileHint: string;
  /** Indicator codes this source writes (empty for reference data). */
  indicators: readonly string[];
}

/** One kind of official file Essaim can import. Register it in sources/index.ts. */
export interface DataImportSource extends DataImportSourceInfo {
  /** Reads the whole file without writing anything; throws HeaderMismatch or ImportRefused. */
  prepare(context: PrepareContext): Promise<PreparedImport>;
}

/** The file's header is not the producer's: says what was expected and what was found. */
export class HeaderMismatch extends Error {
  constructor(
    readonly expected: string[],
    readonly found: string[],
    readonly missing: string[],
  ) {
    super(
      `En-tête inattendu : colonne(s) manquante(s) ${missing.map((m) => `« ${m} »`).join(', ')}. ` +
        `Attendu (au moins) : ${expected.join(' ; ')}. Trouvé : ${found.join(' ; ') || '(rien)'}.`,
    );
  }
}

/** The whole file is refused for a reason other than its header (no vintage, empty file…). */
export class ImportRefused extends Error {}

/** Bounded lists in reports: a file of 2 million bad rows must not produce a 2-million-line report. */
export const MAX_LISTED = 200;

export function emptyReadReport(): ReadReport {
  return { rowsRead: 0, rowsSkipped: 0, errors: [], errorCount: 0, unknownTerritoryCodes: [], unknownTerritoryCount: 0, notes: [], encoding: null, separator: null };
}

export function addError(report: ReadReport, line: number, message: string): void {
  report.errorCount++;
  if (report.errors.length < MAX_LISTED) report.errors.push({ line, message });
}

export function addUnknownTerritory(report: ReadReport, seen: Set<string>, code: string): void {
  if (seen.has(code)) return;
  seen.add(code);
  report.unknownTerritoryCount++;
  if (report.unknownTerritoryCodes.length < MAX_LISTED) report.unknownTerritoryCodes.push(code);
}

/** "2024-T4", "2025-06-30" → the year the figures describe. */
export function yearOfVintage(vintage: string): number {
  return Number(vintage.slice(0, 4));
}

export const VINTAGE_PATTERN = /^(20\d{2}|19\d{2})(-(T[1-4]|\d{2}(-\d{2})?))?$/;
