import { figureYearError } from '@essaim/domain';
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
  /** Rows of an earlier import of the same vintage that this one replaced (reported as `replaced`). */
  addReplaced(count: number): void;
}

export interface PreparedImport {
  vintage: string;
  read: ReadReport;
  /** Writes inside the runner's transaction; returns what was written, per indicator (or per kind of row). */
  write(context: WriteContext): Promise<Record<string, number>>;
  /** Frees what prepare() kept aside (a spool file), whether or not write() ran. */
  discard?(): Promise<void>;
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
  /** The uploaded or given file's name (some producers only date their files in the name). */
  fileName: string | null;
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
    /** What is checked, when it is not a CSV header (GeoJSON properties). */
    what: { missing: string; expected: string } = { missing: 'En-tête inattendu : colonne(s) manquante(s)', expected: 'Attendu (au moins)' },
  ) {
    super(
      `${what.missing} ${missing.map((m) => `« ${m} »`).join(', ')}. ` +
        `${what.expected} : ${expected.join(' ; ')}. Trouvé : ${found.join(' ; ') || '(rien)'}.`,
    );
  }
}

/** The whole file is refused for a reason other than its header (no vintage, empty file…). */
export class ImportRefused extends Error {}

/** Bounded lists in reports: a file of 2 million bad rows must not produce a 2-million-line report. */
export const MAX_LISTED = 200;

export function emptyReadReport(): ReadReport {
  return {
    rowsRead: 0,
    rowsSkipped: 0,
    errors: [],
    errorCount: 0,
    unknownTerritoryCodes: [],
    unknownTerritoryCount: 0,
    notes: [],
    encoding: null,
    separator: null,
  };
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

/**
 * A row's own date (Arcep's edition, a place's update, a dataset's last change) in a year after
 * the current one or before 2000: the row is wrong, and would otherwise become the vintage.
 * Unreadable dates are left to each source.
 */
export function rowDateError(raw: string, column: string): string | null {
  const text = raw.trim();
  if (!/^\d{4}-\d{2}/.test(text)) return null;
  const error = figureYearError(Number(text.slice(0, 4)));
  return error ? `Date « ${text.slice(0, 10)} » (${column}) refusée : ${error}` : null;
}

export const VINTAGE_PATTERN = /^(20\d{2}|19\d{2})(-(T[1-4]|\d{2}(-\d{2})?))?$/;
