/**
 * The one CSV writer of every export (open data, comparisons, blocker statistics, seminar
 * minutes). RFC 4180 quoting, CRLF line ends, and in every cell a defused formula: text that
 * starts with = + - @, a tab or a carriage return (and is longer than one character) gets a leading apostrophe, so a spreadsheet
 * shows it instead of running it (CSV injection). Numbers are written by the writer itself and
 * are never defused (-3,5 stays a number).
 */
export interface CsvDialect {
  separator: ';' | ',';
  /** UTF-8 byte order mark, so French spreadsheets read the accents. */
  bom: boolean;
  /** 4,5 instead of 4.5. */
  decimalComma: boolean;
}

/** The default: French spreadsheets (BOM, `;`, decimal comma). */
export const FRENCH_SPREADSHEET: CsvDialect = { separator: ';', bom: true, decimalComma: true };
/** The plain dialect some open-data files have always used (documented per file): `,` and dot decimals, no BOM. */
export const PLAIN_CSV: CsvDialect = { separator: ',', bom: false, decimalComma: false };

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = FRENCH_SPREADSHEET.separator;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, dialect: CsvDialect = FRENCH_SPREADSHEET): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? (dialect.decimalComma ? String(value).replace('.', ',') : String(value)) : '';
  else {
    if (Array.isArray(value)) text = value.map((item) => (item === null || item === undefined ? '' : String(item))).join(' | ');
    else if (typeof value === 'boolean') text = value ? 'oui' : 'non';
    else if (value instanceof Date) text = value.toISOString();
    else text = String(value);
    // A lone "-" (the usual "no value") cannot run anything: only longer text is defused.
    if (text.length > 1 && FORMULA_START.test(text)) text = `'${text}`;
  }
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[], dialect: CsvDialect = FRENCH_SPREADSHEET): string {
  return values.map((value) => csvCell(value, dialect)).join(dialect.separator) + '\r\n';
}

/** A whole file: the BOM when the dialect wants one, then one line per row. */
export function csvDocument(rows: readonly (readonly unknown[])[], dialect: CsvDialect = FRENCH_SPREADSHEET): string {
  return (dialect.bom ? CSV_BOM : '') + rows.map((row) => csvLine(row, dialect)).join('');
}
