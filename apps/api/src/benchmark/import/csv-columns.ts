import { foldForSearch } from '@essaim/domain';

/** The import's columns and the header names accepted for each (French first; accents and case ignored). */
export const IMPORT_COLUMNS = {
  indicator: ['indicateur', 'code indicateur', 'indicator', 'indicator code'],
  territory: ['territoire', 'code territoire', 'code insee', 'code', 'territory', 'territory code'],
  year: ['annee', 'year'],
  value: ['valeur', 'value'],
  source: ['source'],
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
const REQUIRED: ImportColumn[] = ['indicator', 'territory', 'year', 'value'];

/** Maps each column to its index in the header, or explains what is missing. */
export function mapHeader(header: string[]): { columns: Partial<Record<ImportColumn, number>>; error: string | null } {
  const columns: Partial<Record<ImportColumn, number>> = {};
  header.forEach((name, index) => {
    const folded = foldForSearch(name);
    for (const [column, aliases] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
      if (columns[column] === undefined && aliases.includes(folded)) columns[column] = index;
    }
  });
  const missing = REQUIRED.filter((c) => columns[c] === undefined).map((c) => IMPORT_COLUMNS[c][0]);
  return {
    columns,
    error: missing.length
      ? `En-tête incomplet : colonne(s) ${missing.map((m) => `« ${m} »`).join(', ')} manquante(s). En-tête attendu : indicateur;territoire;annee;valeur;source`
      : null,
  };
}

/** Spreadsheets drop the leading zero of INSEE codes ("1001" for 01001): put it back. */
export function normaliseTerritoryCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  return /^\d{4}$/.test(code) ? `0${code}` : code;
}
